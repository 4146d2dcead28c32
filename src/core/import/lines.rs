//! Line numbers from the file's own line ends (LF, CRLF or a lone CR), noted as the bytes go
//! by, so that a row's line is right whatever wrote the file (Excel and Python write CRLF, old
//! Mac files CR).

use std::collections::VecDeque;
use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};

/// Where the lines seen so far start, for asking, in order, which line a byte is on.
#[derive(Debug, Default)]
pub struct LineStarts {
    /// Starts of lines after the ones already asked past.
    starts: VecDeque<u64>,
    /// Lines wholly before the last byte asked about.
    passed: u64,
    /// Bytes seen so far.
    seen: u64,
    /// A CR at this offset whose line end depends on the next byte (CRLF is one end).
    pending_cr: Option<u64>,
    /// The bytes from offset `kept_from` on, for reading a record again as it was written.
    kept: Vec<u8>,
    kept_from: u64,
}

impl LineStarts {
    /// Notes the line ends in the next bytes of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        if let (Some(cr), Some(&first)) = (self.pending_cr, bytes.first()) {
            self.pending_cr = None;
            if first != b'\n' {
                self.starts.push_back(cr + 1);
            }
        }
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let at = self.seen + i as u64;
            if bytes[i] == b'\n' {
                self.starts.push_back(at + 1);
            } else {
                // A CR ends a line unless an LF follows (CRLF is one end), maybe in the next
                // bytes.
                match bytes.get(i + 1) {
                    Some(b'\n') => {}
                    Some(_) => self.starts.push_back(at + 1),
                    None => self.pending_cr = Some(at),
                }
            }
        }
        self.seen += bytes.len() as u64;
        self.kept.extend_from_slice(bytes);
    }

    /// The text between two offsets, if it is still kept.
    pub fn bytes(&self, from: u64, to: u64) -> Option<&[u8]> {
        let start = usize::try_from(from.checked_sub(self.kept_from)?).ok()?;
        let end = usize::try_from(to.checked_sub(self.kept_from)?).ok()?;
        self.kept.get(start..end)
    }

    /// Forgets the bytes before `offset`: no record before it will be read again.
    pub fn release(&mut self, offset: u64) {
        let Some(n) = offset
            .checked_sub(self.kept_from)
            .and_then(|n| usize::try_from(n).ok())
        else {
            return;
        };
        // Dropped in bulk, so that the bytes after are moved rarely.
        if n >= 1 << 16 && n * 2 >= self.kept.len() {
            let n = n.min(self.kept.len());
            self.kept.drain(..n);
            self.kept_from += n as u64;
        }
    }

    /// The line (from 1) of a record the CSV reader says starts at `offset`. Offsets must be
    /// asked in increasing order. After a CRLF the reader gives the offset of the LF; a record
    /// never starts on a line end, so a line starting just after `offset` is the record's.
    pub fn line_of(&mut self, offset: u64) -> u64 {
        let offset = offset + 1;
        // A CR just before `offset` ends a line whatever follows, once `offset` is past it.
        if let Some(cr) = self.pending_cr
            && cr < offset
        {
            self.pending_cr = None;
            self.starts.push_back(cr + 1);
        }
        while self.starts.front().is_some_and(|&s| s <= offset) {
            self.starts.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

/// A reader that notes line starts, and keeps the bytes of the records not yet read, as the
/// CSV reader pulls bytes through it.
pub struct LineCounting<R> {
    inner: R,
    lines: Arc<Mutex<LineStarts>>,
}

impl<R: Read> LineCounting<R> {
    pub fn new(inner: R) -> (Self, Arc<Mutex<LineStarts>>) {
        let lines = Arc::new(Mutex::new(LineStarts::default()));
        let reader = Self {
            inner,
            lines: Arc::clone(&lines),
        };
        (reader, lines)
    }
}

impl<R: Read> Read for LineCounting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.lines
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, offsets: &[u64]) -> Vec<u64> {
        let mut starts = LineStarts::default();
        // Fed in small pieces: a CRLF may be split between two reads.
        for chunk in text.as_bytes().chunks(3) {
            starts.feed(chunk);
        }
        offsets.iter().map(|&o| starts.line_of(o)).collect()
    }

    #[test]
    fn lf_crlf_and_lone_cr_end_lines() {
        // "a\nb\nc": b at 2, c at 4.
        assert_eq!(lines("a\nb\nc", &[0, 2, 4]), [1, 2, 3]);
        // "a\r\nb\r\nc": b at 3 (or its LF at 2, as the CSV reader says), c at 6.
        assert_eq!(lines("a\r\nb\r\nc", &[0, 2, 5]), [1, 2, 3]);
        assert_eq!(lines("a\r\nb\r\nc", &[0, 3, 6]), [1, 2, 3]);
        // "a\rb\rc": b at 2, c at 4.
        assert_eq!(lines("a\rb\rc", &[0, 2, 4]), [1, 2, 3]);
        // A field spanning lines: the record after it starts on the right line.
        assert_eq!(lines("h\r\n\"x\r\ny\"\r\nz", &[0, 3, 11]), [1, 2, 4]);
    }
}
