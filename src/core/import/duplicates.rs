//! Rows identical as written to an earlier row (same header, same cells, byte for byte) are
//! kept once and listed in the report. Two rows that say the same in other words (`25.06.2015`
//! and `2015-06-25`) are both kept: the analysis sees them as one claimant saying it twice.
//!
//! Each row is hashed on the reader thread with 128 bits (two independent 64-bit hashes), so
//! that two different rows are taken for one with a chance far below one in 10^20 even at a
//! billion rows; the rows themselves are not kept.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use csv::StringRecord;

use crate::core::model::FileId;

/// A row's fingerprint: its header's and its cells'.
pub type RowHash = u128;

/// The fingerprint of a header, mixed into each of its rows'.
pub fn header_hash(names: &[String]) -> u64 {
    foldhash::quality::FixedState::with_seed(0x4845_4144).hash_one(names)
}

/// The fingerprint of a row as written, under a header: its bytes hashed in one pass, and
/// where each field ends (so that `ab,c` and `a,bc` differ).
pub fn row_hash(header: u64, record: &StringRecord) -> RowHash {
    let bytes = record.as_byte_record();
    let mut a = foldhash::quality::FixedState::with_seed(0x5452_4941).build_hasher();
    let mut b = foldhash::quality::FixedState::with_seed(0x0D0B_1E5A_17ED).build_hasher();
    for h in [&mut a, &mut b] {
        h.write_u64(header);
        h.write_usize(bytes.len());
        h.write(bytes.as_slice());
        let mut end = 0usize;
        for field in bytes {
            end += field.len();
            h.write_usize(end);
        }
    }
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
}

/// The rows seen so far in an import, in every file: where each was first read.
#[derive(Default)]
pub struct SeenRows {
    /// Keyed by the fingerprint's two halves: aligned to 8 bytes rather than a `u128`'s 16,
    /// an entry takes 24 bytes, not 32 (a million rows: 16 MB less).
    first: HashMap<(u64, u64), (FileId, u32), foldhash::fast::RandomState>,
}

impl SeenRows {
    /// Makes room for `rows` more rows.
    pub fn reserve(&mut self, rows: usize) {
        self.first.reserve(rows);
    }

    /// Notes a row; if an identical one was read before, where.
    pub fn first_seen(&mut self, hash: RowHash, file: FileId, line: u64) -> Option<(FileId, u64)> {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        match self.first.entry(((hash >> 64) as u64, hash as u64)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let (f, l) = *e.get();
                Some((f, u64::from(l)))
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((file, line));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_told_apart_by_where_its_fields_end_and_by_its_header() {
        let row = |fields: &[&str]| StringRecord::from(fields.to_vec());
        let h = header_hash(&["a".to_owned(), "b".to_owned()]);
        assert_eq!(
            row_hash(h, &row(&["ab", "c"])),
            row_hash(h, &row(&["ab", "c"]))
        );
        assert_ne!(
            row_hash(h, &row(&["ab", "c"])),
            row_hash(h, &row(&["a", "bc"]))
        );
        assert_ne!(row_hash(h, &row(&["abc", ""])), row_hash(h, &row(&["abc"])));
        assert_ne!(
            row_hash(h, &row(&["ab", "c"])),
            row_hash(h + 1, &row(&["ab", "c"]))
        );
    }
}
