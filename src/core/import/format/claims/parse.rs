//! The checks and readings that need nothing but the record: field count, required cells,
//! the claim kind, the figure, the dates, the stance and the source type. They run on the
//! reader thread; [`super::row::RowReader`] completes the claim on the caller's thread.

use chrono::NaiveDate;
use csv::StringRecord;

use crate::core::import::format::claims::columns::{ColumnMap, Field};
use crate::core::import::report::RowError;
use crate::core::model::{ClaimKind, SourceType, Stance};
use crate::core::parse::dates::{DateError, ParsedDate, Reading, When, parse_date, parse_span};
use crate::core::parse::quantity::{Qualifier, Quantity, from_bounds, parse_bound, parse_quantity};
use crate::core::parse::text::{clip, unguard};

/// Counts of numeric dates read with a caveat, for the file's warnings.
#[derive(Default, Debug)]
pub struct DateNotes {
    pub ambiguous: u64,
    pub first_ambiguous: Option<(u64, String)>,
    pub month_first: u64,
    pub first_month_first: Option<(u64, String)>,
}

/// What a record says, read and checked, before any text is stored.
#[derive(Clone, Copy, Debug)]
pub struct Parsed {
    pub kind: ClaimKind,
    pub quantity: Option<Quantity>,
    pub event_start: NaiveDate,
    pub event_end: NaiveDate,
    pub published: Option<When>,
    pub reported_at: Option<When>,
    pub stance: Stance,
    /// The `source_type` cell, which overrides the registry.
    pub source_type: Option<SourceType>,
    /// `latitude` and `longitude`, WGS 84 degrees.
    pub coords: Option<[f32; 2]>,
}

type RowResult<T> = Result<T, RowError>;

/// Reads and checks the records of one file.
pub struct RowParser {
    map: ColumnMap,
    pub dates: DateNotes,
}

/// Whether a character is invisible or steers text direction and means nothing in a name
/// (zero-width space, direction marks, embeddings, overrides, isolates, BOM, word joiner, soft
/// hyphen). The zero-width joiner and non-joiner are kept: Persian and Kurdish spell with them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' | '\u{2060}' | '\u{00AD}'
    )
}

/// A name without its invisible and direction control characters ("SO\u{200B}HR" is SOHR).
pub fn strip_invisible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.is_ascii() && s.contains(is_invisible) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !is_invisible(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The trimmed, non-empty cell of `field`.
pub fn cell<'r>(map: &ColumnMap, record: &'r StringRecord, field: Field) -> Option<&'r str> {
    let value = trim(record.get(map.column(field)?)?);
    (!value.is_empty()).then_some(value)
}

/// `str::trim`, with a fast answer for the usual cell that starts and ends with a visible
/// ASCII character; a cell that a spreadsheet-safe export guarded with an apostrophe
/// (`'=cmd`) reads as it was written (`=cmd`).
pub fn trim(s: &str) -> &str {
    let s = match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    };
    unguard(s)
}

impl RowParser {
    pub fn new(map: ColumnMap) -> Self {
        Self {
            map,
            dates: DateNotes::default(),
        }
    }

    fn cell<'r>(&self, record: &'r StringRecord, field: Field) -> Option<&'r str> {
        cell(&self.map, record, field)
    }

    fn error(&self, line: u64, field: Field, reason: impl Into<String>) -> RowError {
        RowError {
            line,
            column: self.map.header(field).map(str::to_owned),
            reason: reason.into(),
        }
    }

    /// Checks one record and reads what needs no stored text.
    pub fn parse(&mut self, record: &StringRecord, line: u64) -> RowResult<Parsed> {
        let width = self.map.headers.len();
        if record.len() != width {
            return Err(RowError::wrong_width(line, record.len(), width));
        }
        if record.as_slice().bytes().all(|b| b.is_ascii_whitespace()) {
            return Err(RowError {
                line,
                column: None,
                reason: "row is empty".to_owned(),
            });
        }
        if self.cell(record, Field::Source).is_none() {
            return Err(self.error(
                line,
                Field::Source,
                "source is empty: every claim needs a claimant",
            ));
        }
        let kind = self.kind(record, line)?;
        let quantity = self.quantity(record, line, kind)?;
        let (event_start, event_end, published, reported_at) = self.dates(record, line)?;
        let stance = match self.cell(record, Field::Stance) {
            None => Stance::Asserts,
            Some(s) => Stance::parse(s).ok_or_else(|| {
                self.error(
                    line,
                    Field::Stance,
                    format!("stance '{}' is not asserts or denies", clip(s, 40)),
                )
            })?,
        };
        let source_type = match self.cell(record, Field::SourceType) {
            None => None,
            Some(text) => Some(SourceType::parse(text).ok_or_else(|| {
                self.error(
                    line,
                    Field::SourceType,
                    format!(
                        "source_type '{}' is not one of monitor, state_media, government, \
                         combatant, independent_media, analyst, other",
                        clip(text, 40)
                    ),
                )
            })?),
        };
        let coords = self.coords(record, line)?;
        Ok(Parsed {
            kind,
            quantity,
            event_start,
            event_end,
            published,
            reported_at,
            stance,
            source_type,
            coords,
        })
    }

    /// `latitude` and `longitude`: both or neither, each a number of degrees in range.
    fn coords(&self, record: &StringRecord, line: u64) -> RowResult<Option<[f32; 2]>> {
        let degrees = |field: Field, limit: f32| -> RowResult<Option<f32>> {
            let Some(text) = self.cell(record, field) else {
                return Ok(None);
            };
            match text.parse::<f32>() {
                Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
                _ => Err(self.error(
                    line,
                    field,
                    format!(
                        "{} '{}' is not a number of degrees from -{limit} to {limit}",
                        field.name(),
                        clip(text, 40)
                    ),
                )),
            }
        };
        match (
            degrees(Field::Latitude, 90.0)?,
            degrees(Field::Longitude, 180.0)?,
        ) {
            (Some(lat), Some(lon)) => Ok(Some([lat, lon])),
            (None, None) => Ok(None),
            (Some(_), None) => Err(self.error(
                line,
                Field::Longitude,
                "longitude is empty: a latitude needs its longitude",
            )),
            (None, Some(_)) => Err(self.error(
                line,
                Field::Latitude,
                "latitude is empty: a longitude needs its latitude",
            )),
        }
    }

    fn kind(&self, record: &StringRecord, line: u64) -> RowResult<ClaimKind> {
        let text = self.cell(record, Field::Claim).ok_or_else(|| {
            self.error(
                line,
                Field::Claim,
                "claim is empty: say what is claimed (killed, injured, control …)",
            )
        })?;
        ClaimKind::parse(text).ok_or_else(|| {
            self.error(
                line,
                Field::Claim,
                format!(
                    "claim '{}' is not a kind I know: use killed, injured, captured, missing, \
                     displaced, control, origin, responsibility or other (dead, wounded, \
                     detained … are read too)",
                    clip(text, 40)
                ),
            )
        })
    }
    /// The figure: explicit `low`/`high` win over `count`; a `qualifier` column names the
    /// qualifier when given.
    fn quantity(
        &self,
        record: &StringRecord,
        line: u64,
        kind: ClaimKind,
    ) -> RowResult<Option<Quantity>> {
        let count_text = self.cell(record, Field::Count);
        let bound = |field: Field| -> RowResult<Option<u32>> {
            self.cell(record, field)
                .map(|text| {
                    parse_bound(text)
                        .map_err(|e| self.error(line, field, format!("{} {e}", field.name())))
                })
                .transpose()
        };
        let (low, high) = (bound(Field::Low)?, bound(Field::High)?);
        let bounds_text = count_text.unwrap_or("");
        let mut quantity = match from_bounds(low, high, bounds_text) {
            Some(result) => Some(result.map_err(|e| self.error(line, Field::Low, e.to_string()))?),
            None => match count_text {
                Some(text) => match parse_quantity(text) {
                    Ok(q) => Some(q),
                    Err(e) if kind.is_numeric() => {
                        return Err(self.error(line, Field::Count, e.to_string()));
                    }
                    Err(_) => None,
                },
                None => None,
            },
        };
        if let Some(best) = bound(Field::Best)? {
            // A best estimate inside a range (UCDP's low, best, high); alone it is the figure.
            quantity
                .get_or_insert(Quantity::exact(best))
                .set_best(Some(best));
        }
        if let (Some(q), Some(text)) = (quantity.as_mut(), self.cell(record, Field::Qualifier)) {
            q.qualifier = Qualifier::parse(text).ok_or_else(|| {
                self.error(
                    line,
                    Field::Qualifier,
                    format!(
                        "qualifier '{}' is not one of exact, at_least, more_than, at_most, \
                         about, range, vague",
                        clip(text, 40)
                    ),
                )
            })?;
        }
        // A numeric claim with no figure says that something happened (or, denied, that it
        // did not): it is kept as a figure-less claim, never given a number.
        Ok(quantity)
    }
    /// `(event_start, event_end, published, reported_at)`.
    fn dates(
        &mut self,
        record: &StringRecord,
        line: u64,
    ) -> RowResult<(
        chrono::NaiveDate,
        chrono::NaiveDate,
        Option<When>,
        Option<When>,
    )> {
        let published = self.date(record, line, Field::Published)?;
        let reported_at = self.date(record, line, Field::ReportedAt)?.or(published);
        let span = match self.cell(record, Field::EventDate) {
            Some(text) => {
                let (a, b) =
                    parse_span(text).map_err(|e| self.date_error(line, Field::EventDate, &e))?;
                self.note(line, text, a);
                if b != a {
                    self.note(line, text, b);
                }
                Some((a.when.date, b.when.date))
            }
            None => {
                let start = self.date(record, line, Field::DateStart)?;
                let end = self.date(record, line, Field::DateEnd)?;
                match (start, end) {
                    (Some(s), Some(e)) if e.date < s.date => {
                        return Err(self.error(
                            line,
                            Field::DateEnd,
                            format!("date_end {} is before date_start {}", e.date, s.date),
                        ));
                    }
                    (Some(s), e) => Some((s.date, e.unwrap_or(s).date)),
                    (None, Some(e)) => Some((e.date, e.date)),
                    (None, None) => None,
                }
            }
        };
        let (start, end) = match (span, published) {
            (Some(span), _) => span,
            (None, Some(p)) => (p.date, p.date),
            (None, None) => {
                let field = if self.map.column(Field::EventDate).is_some() {
                    Field::EventDate
                } else {
                    Field::Published
                };
                return Err(self.error(line, field, "no date: fill event_date or published"));
            }
        };
        Ok((start, end, published, reported_at))
    }
    fn date(&mut self, record: &StringRecord, line: u64, field: Field) -> RowResult<Option<When>> {
        let Some(text) = self.cell(record, field) else {
            return Ok(None);
        };
        let parsed = parse_date(text).map_err(|e| self.date_error(line, field, &e))?;
        self.note(line, text, parsed);
        Ok(Some(parsed.when))
    }
    fn date_error(&self, line: u64, field: Field, e: &DateError) -> RowError {
        self.error(line, field, format!("{}: {e}", field.name()))
    }
    fn note(&mut self, line: u64, text: &str, parsed: ParsedDate) {
        let notes = &mut self.dates;
        match parsed.reading {
            Reading::Certain => {}
            Reading::AmbiguousDayFirst => {
                notes.ambiguous += 1;
                notes
                    .first_ambiguous
                    .get_or_insert_with(|| (line, text.to_owned()));
            }
            Reading::MonthFirst => {
                notes.month_first += 1;
                notes
                    .first_month_first
                    .get_or_insert_with(|| (line, text.to_owned()));
            }
        }
    }
}
