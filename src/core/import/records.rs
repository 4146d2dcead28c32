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

/// A record longer than this is read again from its bytes, to see whether it swallowed rows.
const LONG_RECORD_BYTES: u64 = 64 * 1024;

/// Something the reader did to keep a row, for the report.
#[derive(Clone, Debug)]
pub enum ReadNote {
    /// A field held bytes that are not UTF-8; they were replaced with U+FFFD.
    Replaced { line: u64, column: usize },
    /// A quote opened on `line` ran to `last_line`; the lines were read again as rows, and
    /// the quotes that nothing closed taken as written. `at_end`: it ran to the end of the
    /// file.
    Runaway {
        line: u64,
        last_line: u64,
        at_end: bool,
    },
    /// The file ends in the middle of the row on `line` (no line end, fewer cells than the
    /// header).
    Truncated { line: u64, cells: usize },
}

/// What [`RecordReader::next`] read.
pub enum Next {
    End,
    /// One record, into the one given, starting on `line`.
    One {
        line: u64,
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
    /// The lines of a record that swallowed them, being read again as records, before the
    /// rest of the file.
    pub again: Option<Again>,
}

impl RecordReader<'_> {
    /// Reads the next record (or, after a runaway quote, the records its lines hold) onto
    /// the lists. `false` at the end of the file.
    pub fn next(
        &mut self,
        record: &mut StringRecord,
        notes: &mut Vec<ReadNote>,
    ) -> Result<Next, PassError> {
        if let Some(again) = &mut self.again {
            if let Some(line) = again.next(record) {
                return Ok(Next::One { line });
            }
            self.again = None;
        }
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
        let mut tape = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        // The reader's offset may be on line ends before the record (the LF of a CRLF, blank
        // lines it skipped): the record's line is the one its first byte of text is on.
        let blank = tape.bytes(start, end).map_or(0, |b| {
            b.iter().take_while(|&&c| c == b'\n' || c == b'\r').count()
        });
        let line = tape.line_of(start + blank as u64);
        // A record over several lines (a field holds a line end, whichever: LF, CRLF or a lone
        // CR), or one of the wrong width (a quote the end of the file left open, or a row cut
        // short), is read again from its bytes, from its first byte of text.
        let may_run_away = memchr::memchr2(b'\n', b'\r', record.as_slice().as_bytes()).is_some()
            || record.len() != self.width
            || end - start > LONG_RECORD_BYTES;
        let raw = (replaced.is_some() || may_run_away)
            .then(|| tape.bytes(start + blank as u64, end).map(<[u8]>::to_vec))
            .flatten();
        tape.release(end);
        drop(tape);
        let Some(raw) = raw else {
            return Ok(Next::One { line });
        };
        if replaced.is_some() {
            *record = self.lossy(&raw, line, notes);
        }
        let spanned = line_count(&raw);
        let ends_a_line = raw.ends_with(b"\n") || raw.ends_with(b"\r");
        // A quote still open where the record ends: only the end of the file ends it there.
        let open_at_end = open_quote(&raw, self.delimiter).is_some();
        if open_at_end || spanned > 1 {
            let mut again = Again::new(raw, line, self.delimiter);
            // A quote run to the end of the file, or one that swallowed a whole row: a
            // runaway. Else a quoted field over several lines that is just that.
            if open_at_end || again.holds_a_row(self.width) {
                notes.push(ReadNote::Runaway {
                    line,
                    last_line: line + spanned - 1,
                    at_end: open_at_end,
                });
                // The record that swallowed the lines lets its buffer go.
                *record = StringRecord::new();
                if let Some(first) = again.next(record) {
                    self.again = Some(again);
                    return Ok(Next::One { line: first });
                }
            }
        }
        if !ends_a_line && record.len() < self.width && spanned == 1 {
            notes.push(ReadNote::Truncated {
                line,
                cells: record.len(),
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

    fn line_reader<'b>(&self, bytes: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes)
    }
}

/// The lines of a record that swallowed them, read again, each line a record of its own: a
/// quote that a line leaves open is taken as written (read as a stand-in byte that no line
/// holds, then given back), so that no line runs into the next. A line that is not a whole
/// row is left to be rejected on its own.
pub struct Again {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    /// The line the first of them is on.
    first: u64,
    stand_in: Option<u8>,
    fields: ByteRecord,
}

impl Again {
    fn new(mut text: Vec<u8>, first: u64, delimiter: u8) -> Self {
        // Every line ends in LF, as the reader numbers lines by it: a lone CR becomes LF, the
        // CR of a CRLF goes (after a CRLF it would give the next line the number of this one).
        if memchr::memchr(b'\r', &text).is_some() {
            let mut kept = 0;
            for i in 0..text.len() {
                match text[i] {
                    b'\r' if text.get(i + 1) == Some(&b'\n') => continue,
                    b'\r' => text[kept] = b'\n',
                    b => text[kept] = b,
                }
                kept += 1;
            }
            text.truncate(kept);
        }
        let stand_in = STAND_INS
            .into_iter()
            .find(|b| memchr::memchr(*b, &text).is_none());
        if let Some(stand_in) = stand_in {
            let mut start = 0;
            for end in memchr::memchr_iter(b'\n', &text)
                .chain([text.len()])
                .collect::<Vec<_>>()
            {
                if let Some(quote) = open_quote(&text[start..end], delimiter) {
                    text[start + quote] = stand_in;
                }
                start = end + 1;
            }
        }
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(text));
        Self {
            reader,
            first,
            stand_in,
            fields: ByteRecord::new(),
        }
    }

    /// Whether a line after the first reads as a whole row (`width` cells, not all empty).
    /// Reads them through, then starts again from the first.
    fn holds_a_row(&mut self, width: usize) -> bool {
        let mut found = false;
        while !found
            && self
                .reader
                .read_byte_record(&mut self.fields)
                .unwrap_or(false)
        {
            let later = self.fields.position().is_some_and(|p| p.line() > 1);
            found =
                later && self.fields.len() == width && self.fields.iter().any(|c| !c.is_empty());
        }
        // Back to the first line (the text is in memory: seeking cannot fail).
        let _ = self.reader.seek(csv::Position::new());
        found
    }

    /// The next line as a record (bytes that are not UTF-8 replaced), and the line it is on;
    /// `None` after the last.
    fn next(&mut self, record: &mut StringRecord) -> Option<u64> {
        if !self
            .reader
            .read_byte_record(&mut self.fields)
            .unwrap_or(false)
        {
            return None;
        }
        // The line from where its bytes start, past the blank lines the reader skipped (its
        // own line count runs behind after them).
        let text = self.reader.get_ref().get_ref();
        let mut at = self.fields.position().map_or(0, |p| p.byte() as usize);
        while text.get(at) == Some(&b'\n') {
            at += 1;
        }
        let line =
            self.first + memchr::memchr_iter(b'\n', &text[..at.min(text.len())]).count() as u64;
        record.clear();
        for field in &self.fields {
            match self.stand_in.filter(|b| field.contains(b)) {
                Some(b) => {
                    let quoted: Vec<u8> = field
                        .iter()
                        .map(|&c| if c == b { b'"' } else { c })
                        .collect();
                    record.push_field(&String::from_utf8_lossy(&quoted));
                }
                None => record.push_field(&String::from_utf8_lossy(field)),
            }
        }
        Some(line)
    }
}

/// Bytes that stand for a quote taken as written while a line is read again (control
/// characters that no text means anything by).
const STAND_INS: [u8; 4] = [0x1f, 0x1e, 0x1d, 0x1c];

/// Where in `text` a quote opens a field that the text never closes, read the way the CSV
/// reader reads: a quote opens a field only at its start (after a delimiter or a line end),
/// `""` inside is a quote, and a quote followed by anything else ends the quoting. Only the
/// quotes are visited.
fn open_quote(text: &[u8], delimiter: u8) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut skip_to = 0;
    for i in memchr::memchr_iter(b'"', text) {
        if i < skip_to {
            continue;
        }
        match open {
            // `""` inside a quoted field is a quote.
            Some(_) if text.get(i + 1) == Some(&b'"') => skip_to = i + 2,
            Some(_) => open = None,
            None => {
                let field_start =
                    i == 0 || matches!(text[i - 1], b'\n' | b'\r') || text[i - 1] == delimiter;
                if field_start {
                    open = Some(i);
                }
            }
        }
    }
    open
}

/// How many lines a record's bytes take (a last line end starts no line).
fn line_count(raw: &[u8]) -> u64 {
    let ends = |b: u8| {
        memchr::memchr_iter(b, raw)
            .filter(|&i| i + 1 < raw.len())
            .filter(|&i| b == b'\n' || raw[i + 1] != b'\n')
            .count() as u64
    };
    let lone_crs = if memchr::memchr(b'\r', raw).is_some() {
        ends(b'\r')
    } else {
        0
    };
    1 + ends(b'\n') + lone_crs
}

/// A record's bytes may start on the LF of a CRLF that ended the line before.
fn trim_line_end_start(raw: &[u8]) -> &[u8] {
    raw.strip_prefix(b"\n").unwrap_or(raw)
}

/// What the reader noted while reading a file, gathered for its warnings.
#[derive(Default)]
pub struct Notes {
    replaced: Vec<(u64, usize)>,
    runaways: Vec<(u64, u64, bool)>,
    truncated: Option<(u64, usize)>,
}

impl Notes {
    pub fn add(&mut self, notes: &[ReadNote]) {
        for note in notes {
            match *note {
                ReadNote::Replaced { line, column } => self.replaced.push((line, column)),
                ReadNote::Runaway {
                    line,
                    last_line,
                    at_end,
                } => self.runaways.push((line, last_line, at_end)),
                ReadNote::Truncated { line, cells } => self.truncated = Some((line, cells)),
            }
        }
    }

    pub fn report(self, report: &mut FileReport) {
        for (line, last_line, at_end) in self.runaways {
            let swallowed = if last_line > line {
                format!("lines {}–{last_line}", line + 1)
            } else {
                "the rest of the line".to_owned()
            };
            let closed = if at_end {
                format!("was never closed (the file ends on line {last_line})")
            } else {
                "was never closed where it should be".to_owned()
            };
            report.warnings.push(format!(
                "line {line}: a quote opened here {closed} and swallowed {swallowed}; the \
                 lines were read again as rows, the unclosed quote as written"
            ));
        }
        if let Some((line, cells)) = self.truncated {
            report.warnings.push(format!(
                "line {line}: the file ends in the middle of this row ({cells} cells and no \
                 line end): it is rejected, and the file may have been cut short"
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
    use super::{line_count, open_quote};

    #[test]
    fn lines_end_at_lf_crlf_and_cr() {
        assert_eq!(line_count(b"a\nb\r\nc\rd"), 4);
        assert_eq!(line_count(b"a\n"), 1);
        assert_eq!(line_count(b"a"), 1);
    }

    #[test]
    fn an_open_quote_is_found_as_the_csv_reader_reads_quotes() {
        assert_eq!(open_quote(b"a,\"b", b','), Some(2));
        // Closed, escaped, or inside a field: nothing open.
        assert_eq!(open_quote(b"a,\"b, c\",d", b','), None);
        assert_eq!(open_quote(b"\"a \"\"b\"\" c\",d", b','), None);
        assert_eq!(open_quote(b"a,b\"c", b','), None);
        // The second quoted field is the one left open; a line end starts a field.
        assert_eq!(open_quote(b"\"x\",\"y", b','), Some(4));
        assert_eq!(open_quote(b"a\n\"b", b','), Some(2));
        assert_eq!(open_quote(b"a;\"b", b';'), Some(2));
    }
}
