//! Reading one file: encoding, delimiter and header, then the records on a reader thread,
//! checked and built into claims by the file's format on the caller's thread.

use std::io::Read;
use std::sync::mpsc;

use csv::StringRecord;
use encoding_rs_io::DecodeReaderBytesBuilder;

use super::duplicates::{RowHash, SeenRows, header_hash, row_hash};
use super::encoding::{
    FirstGuess, TextEncoding, decode_sample, detect_sample, first_guess, looks_binary, sep_line,
    sniff_delimiter,
};
use super::format::{Emit, FileContext, Format, Header};
use super::lines::LineCounting;
pub(crate) use super::records::PassError;
use super::records::{Next, Notes, ReadNote, RecordReader};
use super::report::{Duplicate, FileReport, RowError};
use super::{ImportOptions, Input};
use crate::core::import::registry::Registry;
use crate::core::model::{Dataset, FileId, SourceFile};
use crate::core::progress::{Cancelled, CountingReader, Progress};

const SAMPLE_BYTES: usize = 64 * 1024;
const BATCH: usize = 1024;

/// Everything one file's import writes into.
pub struct Target<'a> {
    pub ds: &'a mut Dataset,
    pub seen: &'a mut SeenRows,
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
        format: "",
    });
    let failed = |t: &mut Target<'_>, message: String| {
        t.ds.claims.truncate(claims_before);
        t.ds.texts.truncate(texts_before);
        FileReport {
            error: Some(format!("{}: {message}", input.name)),
            ..FileReport::new(&input.name)
        }
    };
    // A stream can be read only once: read it into memory before sampling it.
    let input = match input.read_once() {
        Ok(input) => input,
        Err(e) => return Ok(failed(t, io_message(&e))),
    };
    match read_file(&input, options, file, t, &mut report) {
        Ok(()) => Ok(report),
        Err(PassError::Cancelled) => Err(Cancelled),
        Err(PassError::Failed(message)) => {
            // What the file's header was, and whether a mapping would read it, outlive the
            // failure: the window offers the mapping dialog from them.
            let mut failure = failed(t, message);
            failure.header = std::mem::take(&mut report.header);
            failure.needs_mapping = report.needs_mapping;
            Ok(failure)
        }
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
    // A byte that is not UTF-8 after the sample is replaced in its field and noted: the
    // sample decides the encoding, one bad byte does not re-decode the file.
    read_pass(input, options, encoding, &sample, file, t, report)
}

fn io_message(e: &std::io::Error) -> String {
    format!("cannot read the file: {e}")
}

/// One pass over the file with a fixed encoding.
fn read_pass(
    input: &Input,
    options: &ImportOptions,
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
            t.seen.reserve(estimate);
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
    let mut header = Header::new(first.iter());
    map_columns(&mut header, options, report)?;
    let format = choose_format(t.formats, options, &header)?;

    let mut pass = Pass {
        records: RecordReader {
            reader,
            lines,
            width: header.names.len(),
            record_bytes: typical_record_bytes(sample),
            delimiter,
            header_hash: header_hash(&header.names),
            left: options.row_limit.unwrap_or(u64::MAX),
            again: None,
        },
        header,
        context: FileContext {
            file,
            registry: t.registry,
        },
        ds: t.ds,
        seen: t.seen,
        progress: t.progress,
        report,
    };
    format.read(&mut pass)?;
    if pass.report.rows == 0 && options.row_limit != Some(0) {
        return Err(PassError::Failed(
            "the file has a header but no data rows".to_owned(),
        ));
    }
    Ok(())
}

/// The format named by `--format`, else the first that recognises the header.
fn choose_format(
    formats: &[FormatEntry],
    options: &ImportOptions,
    header: &Header,
) -> Result<FormatEntry, PassError> {
    match &options.format {
        Some(name) => formats.iter().find(|f| f.name == name.as_str()),
        None => formats.iter().find(|f| f.recognises(header)),
    }
    .copied()
    .ok_or_else(|| {
        let names: Vec<&str> = formats.iter().map(|f| f.name).collect();
        PassError::Failed(format!(
            "no import format {}; the formats are: {}",
            options
                .format
                .as_ref()
                .map_or("reads this header".to_owned(), |f| format!(
                    "is called '{f}'"
                )),
            names.join(", ")
        ))
    })
}

/// Notes the header as read, then applies `--map` or the mapping remembered for this header.
fn map_columns(
    header: &mut Header,
    options: &ImportOptions,
    report: &mut FileReport,
) -> Result<(), PassError> {
    report.header.clone_from(&header.names);
    let remembered = options
        .remembered
        .iter()
        .find(|r| options.mapping.is_empty() && r.header == header.names);
    if remembered.is_some() {
        report.warnings.push(
            "read with the column mapping remembered for files with these headers".to_owned(),
        );
    }
    let mapping = remembered.map_or(&options.mapping, |r| &r.mapping);
    apply_mapping(header, mapping, report)?;
    Ok(())
}

/// Renames the columns a mapping names after the fields they fill (`claim=Kind`: column
/// `Kind` is read as `claim`); a column the file does not have, or one another field of the
/// mapping already takes, is an error that names the file's own columns.
fn apply_mapping(
    header: &mut Header,
    mapping: &[(String, String)],
    report: &mut FileReport,
) -> Result<(), PassError> {
    let written = header.names.clone();
    let mut taken: Vec<(usize, &str)> = Vec::new();
    for (field, column) in mapping {
        let at = written
            .iter()
            .position(|n| n == column)
            .or_else(|| written.iter().position(|n| n.eq_ignore_ascii_case(column)))
            .ok_or_else(|| {
                PassError::Failed(format!(
                    "--map {field}={column}: the file has no column '{column}'; its columns: {}",
                    written.join(", ")
                ))
            })?;
        if let Some((_, other)) = taken.iter().find(|(i, _)| *i == at) {
            return Err(PassError::Failed(format!(
                "--map {field}={column}: column '{column}' is already read as {other}"
            )));
        }
        taken.push((at, field));
        header.names[at].clone_from(field);
        report
            .warnings
            .push(format!("column '{column}' read as {field} (mapped)"));
    }
    Ok(())
}

/// One file's records, ready for a format to read: the CSV reader past the header, and
/// where claims and rejected rows go.
pub(crate) struct Pass<'a> {
    records: RecordReader<'a>,
    header: Header,
    context: FileContext,
    ds: &'a mut Dataset,
    /// Every row read so far in the import, to find repeated ones.
    seen: &'a mut SeenRows,
    progress: &'a Progress,
    report: &'a mut FileReport,
}

/// A format as the pipeline holds it: its test for a header and its reading pass.
#[derive(Clone, Copy)]
pub struct FormatEntry {
    pub name: &'static str,
    /// What the format is, in words.
    pub label: &'static str,
    recognises: fn(&Header) -> bool,
    read: fn(&mut Pass<'_>) -> Result<(), PassError>,
}

impl FormatEntry {
    pub fn of<F: Format>() -> Self {
        Self {
            name: F::NAME,
            label: F::LABEL,
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
    let (checker, mut builder) = F::open(&pass.header, pass.context, pass.report)
        .map_err(|e| PassError::Failed(e.to_string()))?;
    if let Some(f) = pass.ds.files.get_mut(usize::from(pass.context.file.0)) {
        f.extra_columns = pass.report.extra_columns.clone();
        f.format = F::NAME;
    }
    pass.report.format = F::NAME;
    let progress = pass.progress;
    let reader = &mut pass.records;
    // Repeated rows are found on the reader thread for a format that counts rows into claims
    // (a repeated person must not be counted), else on this thread, which has more to spare.
    let (mut seen_here, seen_there) = if F::COUNTS_ROWS {
        (None, Some(&mut *pass.seen))
    } else {
        (Some(&mut *pass.seen), None)
    };
    let file = pass.context.file;
    let mut notes = Notes::default();
    let mut out = Emit {
        ds: pass.ds,
        report: pass.report,
    };
    let checker = std::thread::scope(|scope| -> Result<F::Checker, PassError> {
        let (batches, receive) = mpsc::sync_channel::<Result<Batch<F>, PassError>>(2);
        let (recycle, reuse) = mpsc::channel::<Batch<F>>();
        let reader_thread = std::thread::Builder::new()
            .name("csv-reader".to_owned())
            .spawn_scoped(scope, move || {
                let mut checker = checker;
                read_records::<F>(
                    reader,
                    (seen_there, file),
                    &mut checker,
                    (&batches, &reuse),
                    progress,
                );
                checker
            })
            .map_err(|e| PassError::Failed(format!("cannot start the reader thread: {e}")))?;
        for batch in receive {
            let mut batch = batch?;
            notes.add(&batch.notes);
            if let Some(seen) = seen_here.as_deref_mut() {
                batch.look_up(seen, file);
            }
            let mut checked = batch.checked.drain(..);
            for (i, (record, &line)) in batch.records.iter().zip(&batch.lines).enumerate() {
                out.report.rows += 1;
                let repeated = batch.repeated[i];
                // The reader checked a repeated row only when it left finding them to us.
                let check = if seen_here.is_some() || repeated.is_none() {
                    checked.next()
                } else {
                    None
                };
                if let Some((of, of_line)) = repeated {
                    out.report.duplicates.push(Duplicate {
                        line,
                        of_file: out.ds.file_name(of).to_owned(),
                        of_line,
                    });
                    continue;
                }
                match check {
                    Some(Ok(c)) => F::build(&mut builder, record, line, c, &mut out),
                    Some(Err(error)) => out.reject(error),
                    None => {}
                }
            }
            drop(checked);
            // The reader may have stopped already; a lost batch only costs an allocation.
            let _ = recycle.send(batch);
        }
        reader_thread
            .join()
            .map_err(|_| PassError::Failed("the reader thread stopped unexpectedly".to_owned()))
    })?;
    notes.report(out.report);
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

/// The bytes a record of the sample usually takes, with room to spare.
fn typical_record_bytes(sample: &[u8]) -> usize {
    let lines = sample.iter().filter(|&&b| b == b'\n').count().max(1);
    (sample.len() / lines + sample.len() / lines / 4).clamp(64, 4096)
}

/// Records read on the reader thread, with what the format's check made of each.
struct Batch<F: Format> {
    records: Vec<StringRecord>,
    /// Each record's line, from the file's own line ends.
    lines: Vec<u64>,
    /// Each record's fingerprint as written.
    hashes: Vec<RowHash>,
    /// For each record, the file and line of an identical one read before, if any (when the
    /// reader looks for them).
    repeated: Vec<Option<(FileId, u64)>>,
    checked: Vec<Result<F::Checked, RowError>>,
    /// What the reader noticed on the way: bytes replaced, runaway quotes.
    notes: Vec<ReadNote>,
}

impl<F: Format> Default for Batch<F> {
    fn default() -> Self {
        Self {
            records: Vec::new(),
            lines: Vec::new(),
            hashes: Vec::new(),
            repeated: Vec::new(),
            checked: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl<F: Format> Batch<F> {
    /// Notes each record's fingerprint, and which were read before. One tight loop for the
    /// whole batch: its lookups miss the cache independently, and the processor overlaps them.
    fn look_up(&mut self, seen: &mut SeenRows, file: FileId) {
        self.repeated.extend(
            self.hashes
                .iter()
                .zip(&self.lines)
                .map(|(&hash, &line)| seen.first_seen(hash, file, line)),
        );
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
    reader: &mut RecordReader<'_>,
    (mut seen, file): (Option<&mut SeenRows>, FileId),
    checker: &mut F::Checker,
    (batches, reuse): Channels<'_, F>,
    progress: &Progress,
) {
    loop {
        if progress.is_cancelled() {
            let _ = batches.send(Err(PassError::Cancelled));
            return;
        }
        let mut batch: Batch<F> = reuse.try_recv().unwrap_or_default();
        let (bytes, width) = (reader.record_bytes, reader.width);
        batch
            .records
            .resize_with(BATCH, || StringRecord::with_capacity(bytes, width));
        batch.lines.clear();
        batch.repeated.clear();
        batch.checked.clear();
        batch.notes.clear();
        let mut failed = None;
        let mut done = false;
        while batch.lines.len() < BATCH {
            let filled = batch.lines.len();
            match reader.next(&mut batch.records[filled], &mut batch.notes) {
                Ok(Next::One { line }) => batch.lines.push(line),
                Ok(Next::End) => {
                    done = true;
                    break;
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        batch.records.truncate(batch.lines.len());
        let header = reader.header_hash;
        batch.hashes.clear();
        batch
            .hashes
            .extend(batch.records.iter().map(|record| row_hash(header, record)));
        if let Some(seen) = seen.as_deref_mut() {
            // Rows identical to one read before are set aside before the format sees them.
            batch.look_up(seen, file);
        }
        for (i, (record, &line)) in batch.records.iter().zip(&batch.lines).enumerate() {
            if batch.repeated.get(i).is_none_or(Option::is_none) {
                batch.checked.push(F::check(checker, record, line));
            }
        }
        let empty = batch.records.is_empty() && batch.notes.is_empty() && batch.repeated.is_empty();
        if !empty && batches.send(Ok(batch)).is_err() {
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

#[allow(
    clippy::wildcard_enum_match_arm,
    reason = "csv::ErrorKind is non-exhaustive: any error but the system's is said in csv's words"
)]
fn csv_error(e: &csv::Error) -> PassError {
    match e.kind() {
        csv::ErrorKind::Io(io) => PassError::Failed(io_message(io)),
        _ => PassError::Failed(e.to_string()),
    }
}
