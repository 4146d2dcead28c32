//! Reading a file's records so that nothing is lost: each record's line from the file's own
//! line ends; a byte that is not UTF-8 replaced (U+FFFD) in its field only, the row noted;
//! a runaway quote (one that swallows the lines after it) undone, its lines read again as
//! records.

use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};

use csv::{ByteRecord, StringRecord};

use super::lines::LineStarts;
use super::report::FileReport;

/// Why a pass over a file stopped early.
pub enum PassError {
    Cancelled,
    Failed(String),
}

/// A quoted field longer than this, spanning lines that each read as a whole row, is a
/// runaway.
const RUNAWAY_BYTES: u64 = 64 * 1024;
/// …or one spanning more lines than this.
const RUNAWAY_LINES: u64 = 100;

/// Something the reader did to keep a row, for the report.
#[derive(Clone, Debug)]
pub enum ReadNote {
    /// A field held bytes that are not UTF-8; they were replaced with U+FFFD.
    Replaced { line: u64, column: usize },
    /// A quote opened on `line` ran to `last_line`; the lines were read again as rows.
    Runaway { line: u64, last_line: u64 },
}

/// What [`RecordReader::next`] read.
pub enum Next {
    End,
    /// One record, into the one given, starting on `line`.
    One {
        line: u64,
    },
    /// A runaway quote's lines, each a record, the first on `first`.
    Lines {
        first: u64,
        records: Vec<StringRecord>,
    },
}

/// The records of one file, past its header.
pub struct RecordReader<'a> {
    pub reader: csv::Reader<Box<dyn Read + Send + 'a>>,
    pub lines: Arc<Mutex<LineStarts>>,
    /// The header's field count.
    pub width: usize,
    /// Bytes a record usually takes (from the sample), so that a new record's buffer is
    /// allocated once rather than grown field by field.
    pub record_bytes: usize,
    pub delimiter: u8,
    /// The header's fingerprint, mixed into each row's.
    pub header_hash: u64,
    /// Records still to read (a preview reads the first few).
    pub left: u64,
}

impl RecordReader<'_> {
    /// Reads the next record (or, after a runaway quote, the records its lines hold) onto
    /// the lists. `false` at the end of the file.
    pub fn next(
        &mut self,
        record: &mut StringRecord,
        notes: &mut Vec<ReadNote>,
    ) -> Result<Next, PassError> {
        if self.left == 0 {
            return Ok(Next::End);
        }
        self.left -= 1;
        let before = self.reader.position().clone();
        #[allow(
            clippy::wildcard_enum_match_arm,
            reason = "csv::ErrorKind is non-exhaustive: any other error ends the file's reading"
        )]
        let replaced = match self.reader.read_record(record) {
            Ok(false) => return Ok(Next::End),
            Ok(true) => None,
            Err(e) => match e.kind() {
                csv::ErrorKind::Utf8 { .. } => Some(()),
                csv::ErrorKind::Io(io) => {
                    return Err(PassError::Failed(format!("cannot read the file: {io}")));
                }
                _ => return Err(PassError::Failed(e.to_string())),
            },
        };
        let start_at = record.position().cloned().unwrap_or(before);
        let start = start_at.byte();
        let end = self.reader.position().byte();
        // Line ends the CSV reader counted (LF only) inside and after the record: a record
        // on one line has one, or none at the end of the file.
        let lf_lines = self.reader.position().line() - start_at.line();
        let mut tape = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        let line = tape.line_of(start);
        let may_run_away = lf_lines >= 2
            || (lf_lines == 1 && record.len() != self.width)
            || end - start > RUNAWAY_BYTES;
        let raw = (replaced.is_some() || may_run_away)
            .then(|| tape.bytes(start, end).map(<[u8]>::to_vec))
            .flatten();
        tape.release(end);
        drop(tape);
        let Some(raw) = raw else {
            return Ok(Next::One { line });
        };
        if replaced.is_some() {
            *record = self.lossy(&raw, line, notes);
        }
        let text = String::from_utf8_lossy(trim_line_end_start(&raw)).into_owned();
        let parts = record_lines(&text);
        let spanned = parts.len() as u64;
        let suspicious = spanned > 1
            && (record.len() != self.width
                || end - start > RUNAWAY_BYTES
                || spanned > RUNAWAY_LINES);
        if suspicious && let Some(again) = self.runaway(&parts) {
            notes.push(ReadNote::Runaway {
                line,
                last_line: line + spanned - 1,
            });
            return Ok(Next::Lines {
                first: line,
                records: again,
            });
        }
        Ok(Next::One { line })
    }

    /// A record read again from its bytes, each field's bytes that are not UTF-8 replaced.
    fn lossy(&self, raw: &[u8], line: u64, notes: &mut Vec<ReadNote>) -> StringRecord {
        let mut bytes = ByteRecord::new();
        let mut reader = self.line_reader(trim_line_end_start(raw));
        let _ = reader.read_byte_record(&mut bytes);
        let mut record = StringRecord::new();
        for (column, field) in bytes.iter().enumerate() {
            let text = String::from_utf8_lossy(field);
            if matches!(text, std::borrow::Cow::Owned(_)) {
                notes.push(ReadNote::Replaced { line, column });
            }
            record.push_field(&text);
        }
        record
    }

    /// The lines of a record that swallowed them, each read as a record of its own, when
    /// every line after the first reads as a whole row (the header's field count); else
    /// `None`: a long quoted field that is just that.
    fn runaway(&self, parts: &[&str]) -> Option<Vec<StringRecord>> {
        let records: Vec<StringRecord> = parts
            .iter()
            .map(|part| {
                let mut record = StringRecord::new();
                let _ = self.line_reader(part.as_bytes()).read_record(&mut record);
                record
            })
            .collect();
        let whole_rows = records
            .iter()
            .skip(1)
            .all(|r| r.len() == self.width || r.iter().all(str::is_empty));
        (records.len() > 1 && whole_rows).then_some(records)
    }

    fn line_reader<'b>(&self, bytes: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes)
    }
}

/// A record's bytes may start on the LF of a CRLF that ended the line before.
fn trim_line_end_start(raw: &[u8]) -> &[u8] {
    raw.strip_prefix(b"\n").unwrap_or(raw)
}

/// A record's lines, without the empty one after its final line end.
fn record_lines(text: &str) -> Vec<&str> {
    let mut parts = split_lines(text);
    if parts.len() > 1 && parts.last().is_some_and(|l| l.is_empty()) {
        parts.pop();
    }
    parts
}

/// Lines ended by LF, CRLF or a lone CR.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

/// What the reader noted while reading a file, gathered for its warnings.
#[derive(Default)]
pub struct Notes {
    replaced: Vec<(u64, usize)>,
    runaways: Vec<(u64, u64)>,
}

impl Notes {
    pub fn add(&mut self, notes: &[ReadNote]) {
        for note in notes {
            match *note {
                ReadNote::Replaced { line, column } => self.replaced.push((line, column)),
                ReadNote::Runaway { line, last_line } => self.runaways.push((line, last_line)),
            }
        }
    }

    pub fn report(self, report: &mut FileReport) {
        for (line, last_line) in self.runaways {
            report.warnings.push(format!(
                "line {line}: a quote opened here was never closed where it should be and \
                 swallowed lines {}–{last_line}; those lines were read again as rows",
                line + 1
            ));
        }
        if self.replaced.is_empty() {
            return;
        }
        let listed: Vec<String> = self
            .replaced
            .iter()
            .take(10)
            .map(|(line, column)| format!("line {line} column {}", column + 1))
            .collect();
        report.warnings.push(format!(
            "{} field(s) held bytes that are not UTF-8, replaced with U+FFFD in that field \
             only: {}{}",
            self.replaced.len(),
            listed.join(", "),
            if self.replaced.len() > 10 {
                ", …"
            } else {
                ""
            }
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::split_lines;

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        assert_eq!(split_lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), ["a", ""]);
    }
}
