//! Formats whose records say what claims say in other words (UCDP's events, ACLED's, IBC's
//! incidents, a monitor's list of the dead): each record is translated into rows of the
//! claims format, which are then checked and stored by the claims format's own code. So a
//! compiled file's figures, dates, places and claimants are read by the same rules as an
//! article extraction, and a new format only says how its columns map onto claims.

use csv::StringRecord;

use super::claims::columns::{ColumnMap, Field};
use super::claims::parse::{Parsed, RowParser};
use super::claims::row::RowReader;
use super::{Emit, FileContext, Format, Header, HeaderError};
use crate::core::import::report::{FileReport, RowError};
use crate::core::parse::quantity::LARGEST;
use crate::core::parse::text::header_key;

/// One row in the claims format, filled field by field.
#[derive(Clone, Debug)]
pub struct ClaimRow {
    cells: Vec<String>,
    /// For a row made at the end of the file from records counted together, their lines
    /// (the claim's line is the first); empty for a row made from the record being read.
    pub records: Vec<u64>,
}

impl ClaimRow {
    fn new(width: usize) -> Self {
        Self {
            cells: vec![String::new(); width],
            records: Vec::new(),
        }
    }

    /// Sets a claim field's cell.
    pub fn set(&mut self, field: Field, value: impl Into<String>) -> &mut Self {
        self.cells[field.index()] = value.into();
        self
    }

    /// Sets the cell of the format's `n`th extra column ([`Translate::EXTRAS`]).
    pub fn extra(&mut self, n: usize, value: impl Into<String>) -> &mut Self {
        self.cells[Field::ALL.len() + n] = value.into();
        self
    }
}

/// Where a translator puts the rows it makes of one record.
pub struct Rows {
    width: usize,
    rows: Vec<ClaimRow>,
}

impl Rows {
    /// A new row, every cell empty.
    pub fn row(&mut self) -> &mut ClaimRow {
        self.rows.push(ClaimRow::new(self.width));
        let last = self.rows.len() - 1;
        &mut self.rows[last]
    }

    /// A new row starting as a copy of `template`.
    pub fn push(&mut self, template: ClaimRow) -> &mut ClaimRow {
        self.rows.push(template);
        let last = self.rows.len() - 1;
        &mut self.rows[last]
    }

    /// An empty row to fill and [`Rows::push`] later.
    pub fn template(&self) -> ClaimRow {
        ClaimRow::new(self.width)
    }
}

/// A format that reads its records as rows of the claims format.
pub trait Translate: Send + Sized + 'static {
    /// The name `--format` takes.
    const NAME: &'static str;
    /// What the format is, in words, for menus and listings.
    const LABEL: &'static str;
    /// Columns kept with each claim besides the claim fields (precision codes, ids), in the
    /// order [`ClaimRow::extra`] numbers them.
    const EXTRAS: &'static [&'static str] = &[];
    /// Whether `translate` counts records into rows made at the end.
    const COUNTS_ROWS: bool = false;

    fn recognises(header: &Header) -> bool;

    /// Finds the columns it needs; an error names those missing.
    fn open(header: &Header, report: &mut FileReport) -> Result<Self, HeaderError>;

    /// Translates one record into claim rows (none, when it only adds to a count kept for
    /// [`Translate::finish`]); a record that means nothing is a rejected row.
    fn translate(
        &mut self,
        record: &StringRecord,
        line: u64,
        rows: &mut Rows,
    ) -> Result<(), RowError>;

    /// The file has ended: rows for what was being counted, and the file's warnings.
    fn finish(&mut self, _rows: &mut Rows, _report: &mut FileReport) {}
}

/// A [`Translate`] format as the pipeline reads it.
pub struct Translated<T>(std::marker::PhantomData<T>);

/// The reader thread's state: the translator and the claims format's checks.
pub struct Checker<T> {
    translator: T,
    parser: RowParser,
    width: usize,
    /// The file's own header's field count: a record of another width is rejected, its
    /// cells shifted against the columns.
    columns: usize,
}

/// A record's claim rows, each checked.
pub type Checked = Vec<(StringRecord, Result<Parsed, RowError>)>;

/// The claims format's header: every field by its canonical name, then the extras.
fn claims_header(extras: &[&str]) -> ColumnMap {
    ColumnMap::from_headers(
        Field::ALL
            .iter()
            .map(|f| f.name())
            .chain(extras.iter().copied()),
    )
}

impl<T: Translate> Checker<T> {
    fn check_rows(&mut self, rows: Vec<ClaimRow>, line: u64) -> Checked {
        rows.into_iter()
            .map(|row| {
                let record = StringRecord::from(row.cells);
                let parsed = self.parser.parse(&record, line);
                (record, parsed)
            })
            .collect()
    }

    fn rows(&self) -> Rows {
        Rows {
            width: self.width,
            rows: Vec::new(),
        }
    }
}

/// Stores checked claim rows made from the record at `line`.
fn store(reader: &mut RowReader, checked: Checked, line: u64, out: &mut Emit<'_>) {
    for (record, parsed) in checked {
        match parsed.and_then(|p| reader.claim(&record, line, p, out.ds)) {
            Ok(claim) => out.claim(claim),
            Err(error) => out.reject(error),
        }
    }
}

impl<T: Translate> Format for Translated<T> {
    type Checker = Checker<T>;
    type Checked = Checked;
    type Builder = RowReader;
    const NAME: &'static str = T::NAME;
    const LABEL: &'static str = T::LABEL;
    const COUNTS_ROWS: bool = T::COUNTS_ROWS;

    fn recognises(header: &Header) -> bool {
        T::recognises(header)
    }

    fn open(
        header: &Header,
        context: FileContext,
        report: &mut FileReport,
    ) -> Result<(Checker<T>, RowReader), HeaderError> {
        let translator = T::open(header, report)?;
        let map = claims_header(T::EXTRAS);
        report.extra_columns = T::EXTRAS.iter().map(|&e| e.to_owned()).collect();
        let checker = Checker {
            translator,
            parser: RowParser::new(map.clone()),
            width: map.headers.len(),
            columns: header.names.len(),
        };
        Ok((checker, RowReader::new(map, context.file, context.registry)))
    }

    fn check(
        checker: &mut Checker<T>,
        record: &StringRecord,
        line: u64,
    ) -> Result<Checked, RowError> {
        if record.len() != checker.columns {
            return Err(RowError::wrong_width(line, record.len(), checker.columns));
        }
        let mut rows = checker.rows();
        checker.translator.translate(record, line, &mut rows)?;
        Ok(checker.check_rows(rows.rows, line))
    }

    fn build(
        reader: &mut RowReader,
        _record: &StringRecord,
        line: u64,
        checked: Checked,
        out: &mut Emit<'_>,
    ) {
        if checked.is_empty() {
            out.report.counted += 1;
        }
        // A record's claims are kept or rejected together: a record half read would tell
        // half its story.
        if let Some(error) = checked.iter().find_map(|(_, p)| p.as_ref().err()) {
            out.reject(error.clone());
            return;
        }
        store(reader, checked, line, out);
    }

    fn finish(mut reader: RowReader, mut checker: Checker<T>, out: &mut Emit<'_>) {
        let mut rows = checker.rows();
        checker.translator.finish(&mut rows, out.report);
        for row in rows.rows {
            // A row made at the end stands for several records: its line is the first one's.
            let records = row.records.clone();
            let line = records.first().copied().unwrap_or(0);
            let checked = checker.check_rows(vec![row], line);
            let failed = checked.iter().find_map(|(_, p)| p.as_ref().err().cloned());
            match failed {
                // The records it counted are rejected, each with the reason: none is lost.
                Some(error) => {
                    out.report.counted = out.report.counted.saturating_sub(records.len() as u64);
                    for &line in &records {
                        out.reject(RowError {
                            line,
                            ..error.clone()
                        });
                    }
                }
                None => store(&mut reader, checked, line, out),
            }
        }
    }
}

/// Where a header's named columns are; matching ignores case, spaces, `_` and `-`.
pub struct Columns<'h> {
    header: &'h Header,
    missing: Vec<&'static str>,
}

impl<'h> Columns<'h> {
    pub fn new(header: &'h Header) -> Self {
        Self {
            header,
            missing: Vec::new(),
        }
    }

    /// The column named `name` (or any of its `|`-separated spellings); a missing one is noted.
    pub fn need(&mut self, name: &'static str) -> usize {
        self.find(name).unwrap_or_else(|| {
            self.missing.push(name);
            0
        })
    }

    /// The column named `name`, if there is one.
    pub fn find(&self, name: &str) -> Option<usize> {
        name.split('|').find_map(|n| {
            let key = header_key(n);
            self.header.names.iter().position(|h| header_key(h) == key)
        })
    }

    /// Whether every needed column was found; else which were not, in words.
    pub fn done(self, format: &'static str) -> Result<(), HeaderError> {
        if self.missing.is_empty() {
            return Ok(());
        }
        Err(HeaderError::FormatColumns {
            format,
            missing: self.missing,
        })
    }
}

/// A record's trimmed cell.
pub fn cell(record: &StringRecord, column: usize) -> &str {
    record.get(column).unwrap_or("").trim()
}

/// A whole number of deaths in a compiler's column; anything else is the row's error.
pub fn deaths(
    record: &StringRecord,
    line: u64,
    header: &Header,
    column: usize,
) -> Result<u32, RowError> {
    let text = cell(record, column);
    let reason = match text.parse::<u64>() {
        Ok(n) => match u32::try_from(n) {
            Ok(n) if n <= LARGEST => return Ok(n),
            Ok(_) | Err(_) => {
                format!("'{text}' is too large a number of deaths: at most 4,294,967,294")
            }
        },
        Err(_) => format!("'{text}' is not a number of deaths"),
    };
    Err(row_error(line, header, column, reason))
}

/// A row error at `line` naming the file's own column.
pub fn row_error(line: u64, header: &Header, column: usize, reason: String) -> RowError {
    RowError {
        line,
        column: header.names.get(column).cloned(),
        reason,
    }
}

/// A date as a spreadsheet re-saves it, day-month-two-digit year (`6-Jun-25`, `09-May-20`),
/// written as ISO (`2025-06-06`); any other date is left for the claims format to read.
/// Two-digit years are 20xx: the datasets that write them start after 2000.
pub fn spreadsheet_date(text: &str) -> std::borrow::Cow<'_, str> {
    let mut parts = text.split('-');
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return text.into();
    };
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month))
        .map(|m| m + 1);
    match (day.parse::<u32>(), month, year.parse::<u32>()) {
        (Ok(day), Some(month), Ok(year)) if year < 100 && (1..=31).contains(&day) => {
            format!("{:04}-{month:02}-{day:02}", 2000 + year).into()
        }
        _ => text.into(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Outlets that are platforms, not voices: what they carry is counted as unnamed sources.
pub fn is_platform(name: &str) -> bool {
    [
        "twitter",
        "x",
        "facebook",
        "telegram",
        "whatsapp",
        "youtube",
        "instagram",
        "tiktok",
    ]
    .contains(&name.trim().to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_dates_become_iso_and_others_are_left_alone() {
        assert_eq!(spreadsheet_date("6-Jun-25"), "2025-06-06");
        assert_eq!(spreadsheet_date("09-may-20"), "2020-05-09");
        assert_eq!(spreadsheet_date("2025-06-06"), "2025-06-06");
        assert_eq!(spreadsheet_date("1 Jan 2009"), "1 Jan 2009");
        assert_eq!(spreadsheet_date("40-Jun-25"), "40-Jun-25");
    }
}
