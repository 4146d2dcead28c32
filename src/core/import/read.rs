//! Reading one file: encoding, delimiter, header, then records on a reader thread feeding
//! claims to the caller's thread.

use std::io::Read;
use std::sync::mpsc;

use csv::StringRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use super::columns::ColumnMap;
use super::encoding::{
    FirstGuess, TextEncoding, decode_sample, detect, detect_sample, first_guess, looks_binary,
    sniff_delimiter,
};
use super::parse::{DateNotes, Parsed, RowParser};
use super::report::RowError;
use super::report::{ColumnUse, FileReport};
use super::row::RowReader;
use super::{ImportOptions, Input};
use crate::core::model::{Dataset, FileId, SourceFile};
use crate::core::progress::{Cancelled, CountingReader, Progress};
use crate::core::registry::Registry;

const SAMPLE_BYTES: usize = 64 * 1024;
const BATCH: usize = 2048;

/// Why a pass over a file stopped early.
enum PassError {
    /// Assumed UTF-8, found a record that is not.
    NotUtf8 {
        line: u64,
    },
    Cancelled,
    Failed(String),
}

/// Everything one file's import writes into.
pub struct Target<'a> {
    pub ds: &'a mut Dataset,
    pub registry: &'a Registry,
    pub progress: &'a Progress,
}

/// Imports one file into `target`. A file that cannot be read leaves the dataset as it was
/// and says why in the report.
pub fn import_file(
    input: &Input,
    options: &ImportOptions,
    t: &mut Target<'_>,
) -> Result<FileReport, Cancelled> {
    let mut report = FileReport::new(&input.name);
    let claims_before = t.ds.claims.len();
    let texts_before = t.ds.texts.len();
    let file = match u16::try_from(t.ds.files.len()) {
        Ok(n) => FileId(n),
        Err(_) => {
            report.error = Some(format!(
                "{}: too many files in one import (65,535 at most)",
                input.name
            ));
            return Ok(report);
        }
    };
    t.ds.files.push(SourceFile {
        name: input.file_name().to_owned(),
        path: input.path().map(ToOwned::to_owned),
        extra_columns: Vec::new(),
    });
    let failed = |t: &mut Target<'_>, message: String| {
        t.ds.claims.truncate(claims_before);
        t.ds.texts.truncate(texts_before);
        FileReport {
            error: Some(format!("{}: {message}", input.name)),
            ..FileReport::new(&input.name)
        }
    };
    match read_file(input, options, file, t, &mut report) {
        Ok(()) => Ok(report),
        Err(PassError::Cancelled) => Err(Cancelled),
        Err(PassError::Failed(message)) => Ok(failed(t, message)),
        Err(PassError::NotUtf8 { line }) => Ok(failed(
            t,
            format!("line {line} is not valid text in any encoding I tried"),
        )),
    }
}

fn read_file(
    input: &Input,
    options: &ImportOptions,
    file: FileId,
    t: &mut Target<'_>,
    report: &mut FileReport,
) -> Result<(), PassError> {
    let sample = input
        .sample(SAMPLE_BYTES)
        .map_err(|e| PassError::Failed(io_message(&e)))?;
    if sample.iter().all(u8::is_ascii_whitespace) {
        return Err(PassError::Failed("the file is empty".to_owned()));
    }
    let encoding = match (options.encoding, first_guess(&sample)) {
        (Some(forced), _) => forced,
        (None, FirstGuess::Bom(encoding)) => encoding,
        (None, FirstGuess::LooksUtf8) if looks_binary(&sample) => {
            return Err(PassError::Failed(
                "this looks like a binary file, not CSV text (it contains NUL bytes)".to_owned(),
            ));
        }
        (None, FirstGuess::LooksUtf8) => TextEncoding::Utf8,
        (None, FirstGuess::NotUtf8) => {
            let guess = TextEncoding::Other(detect_sample(&sample));
            report.warnings.push(format!(
                "not UTF-8: read as {} (detected); use --encoding to choose another",
                guess.name()
            ));
            guess
        }
    };
    let claims_before = t.ds.claims.len();
    let texts_before = t.ds.texts.len();
    match read_pass(input, encoding, &sample, file, t, report) {
        Err(PassError::NotUtf8 { line }) if options.encoding.is_none() => {
            // Undo the partial pass and read the whole file again with a detected encoding.
            t.ds.claims.truncate(claims_before);
            t.ds.texts.truncate(texts_before);
            *report = FileReport::new(&input.name);
            let mut whole = input
                .open()
                .map_err(|e| PassError::Failed(io_message(&e)))?;
            let detected = detect(&mut whole).map_err(|e| PassError::Failed(io_message(&e)))?;
            let encoding = TextEncoding::Other(detected);
            report.warnings.push(format!(
                "not valid UTF-8 (first bad byte on line {line}): read as {} (detected); use \
                 --encoding to choose another",
                encoding.name()
            ));
            read_pass(input, encoding, &sample, file, t, report)
        }
        Err(PassError::NotUtf8 { line }) => Err(PassError::Failed(format!(
            "line {line} is not valid UTF-8 although UTF-8 was asked for"
        ))),
        other => other,
    }
}

fn io_message(e: &std::io::Error) -> String {
    format!("cannot read the file: {e}")
}

/// One pass over the file with a fixed encoding.
fn read_pass(
    input: &Input,
    encoding: TextEncoding,
    sample: &[u8],
    file: FileId,
    t: &mut Target<'_>,
    report: &mut FileReport,
) -> Result<(), PassError> {
    let delimiter = sniff_delimiter(&decode_sample(sample, encoding));
    report.encoding = encoding.name().to_owned();
    report.delimiter = match delimiter {
        b'\t' => "tab".to_owned(),
        d => char::from(d).to_string(),
    };
    let raw = input
        .open()
        .map_err(|e| PassError::Failed(io_message(&e)))?;
    if let Some(len) = input.len() {
        t.progress.add_total(len);
        if let Some(estimate) = estimate_rows(sample, len) {
            t.ds.claims.reserve(estimate);
            // A new string every few rows (places, figures as written) is usual; reserving
            // avoids re-hashing the table as it grows.
            t.ds.strings.reserve(estimate / 4);
        }
    }
    let counted = CountingReader::new(raw, t.progress);
    let text: Box<dyn Read + Send + '_> = match encoding {
        TextEncoding::Utf8 => Box::new(counted),
        TextEncoding::Other(e) => Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(e))
                .bom_override(true)
                .build(counted),
        ),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut header = StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return Err(PassError::Failed("the file is empty".to_owned())),
        Err(e) => return Err(csv_error(&e)),
    }
    let map = ColumnMap::from_headers(header.iter());
    check_header(&map, report)?;
    if let Some(f) = t.ds.files.get_mut(usize::from(file.0)) {
        f.extra_columns = map.extra_headers();
    }
    let mut rows = RowReader::new(&map, file, t.registry);
    let progress = t.progress;
    let map_ref = &map;
    let notes = std::thread::scope(|scope| -> Result<DateNotes, PassError> {
        let (batches, receive) = mpsc::sync_channel::<Result<Batch, PassError>>(4);
        let (recycle, reuse) = mpsc::channel::<Batch>();
        let reader_thread = std::thread::Builder::new()
            .name("csv-reader".to_owned())
            .spawn_scoped(scope, move || {
                let mut parser = RowParser::new(map_ref);
                read_records(&mut reader, &mut parser, &batches, &reuse, progress);
                parser.dates
            })
            .map_err(|e| PassError::Failed(format!("cannot start the reader thread: {e}")))?;
        for batch in receive {
            let mut batch = batch?;
            for (record, parsed) in batch.records.iter().zip(batch.parsed.drain(..)) {
                take_record(record, parsed, &mut rows, file, t, report);
            }
            // The reader may have stopped already; a lost batch only costs an allocation.
            let _ = recycle.send(batch);
        }
        reader_thread
            .join()
            .map_err(|_| PassError::Failed("the reader thread stopped unexpectedly".to_owned()))
    })?;
    if report.rows == 0 {
        return Err(PassError::Failed(
            "the file has a header but no data rows".to_owned(),
        ));
    }
    date_warnings(&notes, report);
    Ok(())
}

fn check_header(map: &ColumnMap, report: &mut FileReport) -> Result<(), PassError> {
    let missing = map.missing_required();
    if !missing.is_empty() {
        let mut found: Vec<&str> = map.headers.iter().map(String::as_str).take(40).collect();
        let more = map.headers.len().saturating_sub(found.len());
        let more_note = format!("… and {more} more");
        if more > 0 {
            found.push(&more_note);
        }
        return Err(PassError::Failed(format!(
            "no `{}` column; found: {}. A claims file needs the columns source, claim and \
             event_date (or published); see the CSV format in the README",
            missing.join("`/`"),
            found.join(", ")
        )));
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
    if !map.has_count() {
        report.warnings.push(
            "no count, low or high column: numeric claims (killed, injured …) will be rejected"
                .to_owned(),
        );
    }
    Ok(())
}

/// Rows in the file, estimated from the sample's line lengths, to reserve memory once.
fn estimate_rows(sample: &[u8], len: u64) -> Option<usize> {
    let lines = sample.iter().filter(|&&b| b == b'\n').count();
    if lines < 2 || len < 1 << 20 {
        return None;
    }
    let per_line = sample.len() as u64 / lines as u64;
    usize::try_from(len / per_line.max(1) + len / per_line.max(1) / 50).ok()
}

/// Records read on the reader thread, with what the parser made of each.
#[derive(Default)]
struct Batch {
    records: Vec<StringRecord>,
    parsed: Vec<Result<Parsed, RowError>>,
}

/// The reader thread: fills batches of records and checks them, until the file ends or the
/// job is cancelled.
fn read_records(
    reader: &mut csv::Reader<Box<dyn Read + Send + '_>>,
    parser: &mut RowParser<'_>,
    batches: &mpsc::SyncSender<Result<Batch, PassError>>,
    reuse: &mpsc::Receiver<Batch>,
    progress: &Progress,
) {
    loop {
        if progress.is_cancelled() {
            let _ = batches.send(Err(PassError::Cancelled));
            return;
        }
        let mut batch = reuse.try_recv().unwrap_or_default();
        batch.records.resize_with(BATCH, StringRecord::new);
        batch.parsed.clear();
        let mut failed = None;
        let mut filled = 0;
        while filled < BATCH {
            match reader.read_record(&mut batch.records[filled]) {
                Ok(true) => filled += 1,
                Ok(false) => break,
                Err(e) => {
                    failed = Some(csv_error(&e));
                    break;
                }
            }
        }
        batch.records.truncate(filled);
        for record in &batch.records {
            let line = record.position().map_or(0, csv::Position::line);
            batch.parsed.push(parser.parse(record, line));
        }
        let done = filled < BATCH;
        if !batch.records.is_empty() && batches.send(Ok(batch)).is_err() {
            return;
        }
        if let Some(error) = failed {
            let _ = batches.send(Err(error));
            return;
        }
        if done {
            return;
        }
    }
}

fn csv_error(e: &csv::Error) -> PassError {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => PassError::NotUtf8 {
            line: pos.as_ref().map_or(0, csv::Position::line),
        },
        csv::ErrorKind::Io(io) => PassError::Failed(io_message(io)),
        _ => PassError::Failed(e.to_string()),
    }
}

fn take_record(
    record: &StringRecord,
    parsed: Result<Parsed, RowError>,
    rows: &mut RowReader<'_>,
    file: FileId,
    t: &mut Target<'_>,
    report: &mut FileReport,
) {
    let line = record.position().map_or(0, csv::Position::line);
    report.rows += 1;
    let claim = match parsed {
        Ok(parsed) => rows.claim(record, line, parsed, t.ds),
        Err(error) => Err(error),
    };
    match claim {
        Ok(claim) => {
            debug_assert_eq!(claim.file, file);
            t.ds.claims.push(claim);
            report.imported += 1;
        }
        Err(error) => report.rejected.push(error),
    }
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
