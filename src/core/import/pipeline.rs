//! Reading one file: encoding, delimiter and header, then the records on a reader thread,
//! checked and built into claims by the file's format on the caller's thread.

use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use csv::StringRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use super::encoding::{
    FirstGuess, TextEncoding, decode_sample, detect, detect_sample, first_guess, looks_binary,
    sep_line, sniff_delimiter,
};
use super::format::{Emit, FileContext, Format, Header};
use super::lines::{LineCounting, LineStarts};
use super::report::{FileReport, RowError};
use super::{ImportOptions, Input};
use crate::core::import::registry::Registry;
use crate::core::model::{Dataset, FileId, SourceFile};
use crate::core::progress::{Cancelled, CountingReader, Progress};

const SAMPLE_BYTES: usize = 64 * 1024;
const BATCH: usize = 2048;

/// Why a pass over a file stopped early.
pub(crate) enum PassError {
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
    pub registry: &'static Registry,
    pub progress: &'a Progress,
    /// The formats to try, in order.
    pub formats: &'a [FormatEntry],
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
    let decoded = decode_sample(sample, encoding);
    let sep = sep_line(&decoded);
    let delimiter = sep.unwrap_or_else(|| sniff_delimiter(&decoded));
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
    let (text, lines) = LineCounting::new(text);
    let text: Box<dyn Read + Send + '_> = Box::new(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut first = StringRecord::new();
    if sep.is_some() {
        // Excel's `sep=;` line names the delimiter and is not the header.
        let _ = reader.read_record(&mut first);
        report
            .warnings
            .push("the first line `sep=…` named the delimiter; the header is line 2".to_owned());
    }
    match reader.read_record(&mut first) {
        Ok(true) => {}
        Ok(false) => return Err(PassError::Failed("the file is empty".to_owned())),
        Err(e) => return Err(csv_error(&e)),
    }
    let header = Header::new(first.iter());
    let format = t
        .formats
        .iter()
        .find(|f| f.recognises(&header))
        .copied()
        .ok_or_else(|| PassError::Failed("no import format reads this header".to_owned()))?;
    let mut pass = Pass {
        reader,
        lines,
        header,
        context: FileContext {
            file,
            registry: t.registry,
        },
        ds: t.ds,
        progress: t.progress,
        report,
    };
    format.read(&mut pass)?;
    if pass.report.rows == 0 {
        return Err(PassError::Failed(
            "the file has a header but no data rows".to_owned(),
        ));
    }
    Ok(())
}

/// One file's records, ready for a format to read: the CSV reader past the header, and
/// where claims and rejected rows go.
pub(crate) struct Pass<'a> {
    reader: csv::Reader<Box<dyn Read + Send + 'a>>,
    /// Where the file's lines start, for each record's line number.
    lines: Arc<Mutex<LineStarts>>,
    header: Header,
    context: FileContext,
    ds: &'a mut Dataset,
    progress: &'a Progress,
    report: &'a mut FileReport,
}

/// A format as the pipeline holds it: its test for a header and its reading pass.
#[derive(Clone, Copy)]
pub struct FormatEntry {
    recognises: fn(&Header) -> bool,
    read: fn(&mut Pass<'_>) -> Result<(), PassError>,
}

impl FormatEntry {
    pub fn of<F: Format>() -> Self {
        Self {
            recognises: F::recognises,
            read: read_records_as::<F>,
        }
    }

    pub(crate) fn recognises(&self, header: &Header) -> bool {
        (self.recognises)(header)
    }

    pub(crate) fn read(&self, pass: &mut Pass<'_>) -> Result<(), PassError> {
        (self.read)(pass)
    }
}

/// Reads the records of a pass as format `F`: checked in batches on a reader thread, built
/// into claims on this one.
pub(crate) fn read_records_as<F: Format>(pass: &mut Pass<'_>) -> Result<(), PassError> {
    let (checker, mut builder) =
        F::open(&pass.header, pass.context, pass.report).map_err(PassError::Failed)?;
    if let Some(f) = pass.ds.files.get_mut(usize::from(pass.context.file.0)) {
        f.extra_columns = pass.report.extra_columns.clone();
    }
    let progress = pass.progress;
    let reader = &mut pass.reader;
    let lines = &pass.lines;
    let mut out = Emit {
        ds: pass.ds,
        report: pass.report,
    };
    let checker = std::thread::scope(|scope| -> Result<F::Checker, PassError> {
        let (batches, receive) = mpsc::sync_channel::<Result<Batch<F>, PassError>>(4);
        let (recycle, reuse) = mpsc::channel::<Batch<F>>();
        let reader_thread = std::thread::Builder::new()
            .name("csv-reader".to_owned())
            .spawn_scoped(scope, move || {
                let mut checker = checker;
                read_records::<F>(reader, lines, &mut checker, (&batches, &reuse), progress);
                checker
            })
            .map_err(|e| PassError::Failed(format!("cannot start the reader thread: {e}")))?;
        for batch in receive {
            let mut batch = batch?;
            let rows = batch.records.iter().zip(&batch.lines);
            for ((record, &line), checked) in rows.zip(batch.checked.drain(..)) {
                out.report.rows += 1;
                match checked {
                    Ok(checked) => F::build(&mut builder, record, line, checked, &mut out),
                    Err(error) => out.reject(error),
                }
            }
            // The reader may have stopped already; a lost batch only costs an allocation.
            let _ = recycle.send(batch);
        }
        reader_thread
            .join()
            .map_err(|_| PassError::Failed("the reader thread stopped unexpectedly".to_owned()))
    })?;
    F::finish(builder, checker, &mut out);
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

/// Records read on the reader thread, with what the format's check made of each.
struct Batch<F: Format> {
    records: Vec<StringRecord>,
    /// Each record's line, from the file's own line ends.
    lines: Vec<u64>,
    checked: Vec<Result<F::Checked, RowError>>,
}

impl<F: Format> Default for Batch<F> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            lines: Vec::new(),
            checked: Vec::new(),
        }
    }
}

/// Where the reader thread sends full batches, and gets emptied ones back.
type Channels<'c, F> = (
    &'c mpsc::SyncSender<Result<Batch<F>, PassError>>,
    &'c mpsc::Receiver<Batch<F>>,
);

/// The reader thread: fills batches of records and checks them, until the file ends or the
/// job is cancelled.
fn read_records<F: Format>(
    reader: &mut csv::Reader<Box<dyn Read + Send + '_>>,
    lines: &Mutex<LineStarts>,
    checker: &mut F::Checker,
    (batches, reuse): Channels<'_, F>,
    progress: &Progress,
) {
    loop {
        if progress.is_cancelled() {
            let _ = batches.send(Err(PassError::Cancelled));
            return;
        }
        let mut batch = reuse.try_recv().unwrap_or_default();
        batch.records.resize_with(BATCH, StringRecord::new);
        batch.checked.clear();
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
        batch.lines.clear();
        {
            let mut starts = lines.lock().unwrap_or_else(PoisonError::into_inner);
            batch.lines.extend(
                batch
                    .records
                    .iter()
                    .map(|r| starts.line_of(r.position().map_or(0, csv::Position::byte))),
            );
        }
        for (record, &line) in batch.records.iter().zip(&batch.lines) {
            batch.checked.push(F::check(checker, record, line));
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
