//! The claims format: one row per claim, with the columns described in the README ("The CSV
//! format"). `columns.rs` maps headers to fields; `parse.rs` checks a record on the reader
//! thread; `row.rs` resolves the source and stores the text on the importing thread. Together
//! they are the one place where a raw record becomes a validated `Claim` or a `RowError`.

pub mod columns;
pub mod parse;
pub mod row;

use csv::StringRecord;

use self::columns::ColumnMap;
use self::parse::{DateNotes, Parsed, RowParser};
use self::row::RowReader;
use super::{Emit, FileContext, Format, Header, HeaderError};
use crate::core::import::report::{ColumnUse, FileReport, RowError};

/// The claims CSV format. It reads any header, so it comes last: a header without its
/// required columns is an error that names what is missing and what was found.
pub struct ClaimsCsv;

impl Format for ClaimsCsv {
    type Checker = RowParser;
    type Checked = Parsed;
    type Builder = RowReader;
    const NAME: &'static str = "claims";
    const LABEL: &'static str = "Claims (article extractions)";

    fn recognises(_header: &Header) -> bool {
        true
    }

    fn open(
        header: &Header,
        context: FileContext,
        report: &mut FileReport,
    ) -> Result<(RowParser, RowReader), HeaderError> {
        let map = ColumnMap::from_headers(header.names.iter().map(String::as_str));
        check_header(&map, report)?;
        Ok((
            RowParser::new(map.clone()),
            RowReader::new(map, context.file, context.registry),
        ))
    }

    fn check(parser: &mut RowParser, record: &StringRecord, line: u64) -> Result<Parsed, RowError> {
        parser.parse(record, line)
    }

    fn build(
        rows: &mut RowReader,
        record: &StringRecord,
        line: u64,
        parsed: Parsed,
        out: &mut Emit<'_>,
    ) {
        match rows.claim(record, line, parsed, out.ds) {
            Ok(claim) => out.claim(claim),
            Err(error) => out.reject(error),
        }
    }

    fn finish(rows: RowReader, parser: RowParser, out: &mut Emit<'_>) {
        date_warnings(&parser.dates, out.report);
        if let (n, Some(line)) = rows.invisible {
            out.report.warnings.push(format!(
                "{n} name(s) held invisible or direction control characters, removed (first on \
                 line {line}): names that look alike are one name"
            ));
        }
    }
}

fn check_header(map: &ColumnMap, report: &mut FileReport) -> Result<(), HeaderError> {
    let missing = map.missing_required();
    if !missing.is_empty() {
        report.needs_mapping = true;
        let mut found: Vec<String> = map.headers.iter().take(40).cloned().collect();
        let more = map.headers.len().saturating_sub(found.len());
        if more > 0 {
            found.push(format!("… and {more} more"));
        }
        return Err(HeaderError::ClaimsColumns { missing, found });
    }
    report.columns = map
        .used()
        .map(|(field, column)| ColumnUse {
            field: field.name(),
            column: column.to_owned(),
        })
        .collect();
    report.extra_columns = map.extra_headers();
    for &(i, field) in &map.shadowed {
        let header = map.headers.get(i).map_or("", String::as_str);
        report.warnings.push(format!(
            "column '{header}' also means {}; '{}' is used and '{header}' is kept as an extra column",
            field.name(),
            map.header(field).unwrap_or("")
        ));
    }
    if !map.derived.is_empty() {
        let names: Vec<&str> = map
            .derived
            .iter()
            .filter_map(|&i| map.headers.get(i).map(String::as_str))
            .collect();
        report.warnings.push(format!(
            "column(s) {} come from an earlier analysis: they are worked out again, not read (an \
             analyst's rating lives in the workspace)",
            names.join(", ")
        ));
    }
    if !map.has_count() {
        report.warnings.push(
            "no count, low or high column: numeric claims (killed, injured …) are read without \
             a figure"
                .to_owned(),
        );
    }
    Ok(())
}

fn date_warnings(notes: &DateNotes, report: &mut FileReport) {
    if let Some((line, text)) = &notes.first_ambiguous {
        report.warnings.push(format!(
            "{} date(s) such as '{text}' (line {line}) could be day/month or month/day: read \
             day first (25/06/2015 is 25 June)",
            notes.ambiguous
        ));
    }
    if let Some((line, text)) = &notes.first_month_first {
        report.warnings.push(format!(
            "{} date(s) such as '{text}' (line {line}) are impossible day first: read month first",
            notes.month_first
        ));
    }
}
