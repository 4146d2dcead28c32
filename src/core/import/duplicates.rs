//! Rows identical as written to an earlier row (same header, same cells, byte for byte) are
//! kept once and listed in the report. Two rows that say the same in other words (`25.06.2015`
//! and `2015-06-25`) are both kept: the analysis sees them as one claimant saying it twice.
//!
//! Each row is hashed on the reader thread with 128 bits (two independent 64-bit hashes), of
//! which 80 are kept: two different rows are taken for one with a chance below one in 10^12
//! at a million rows, one in 10^6 at a billion; the rows themselves are not kept.

use std::hash::{BuildHasher, Hasher};

use hashbrown::HashTable;

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
///
/// Each distinct row is 16 bytes in `rows`, in the order first read, and a 4-byte index into
/// it in a hash table: a million rows take 26 MB, where 16-byte entries in the table itself
/// took 36 (it keeps a bucket in two free at that size).
#[derive(Default)]
pub struct SeenRows {
    rows: Vec<Seen>,
    /// Positions in `rows`, hashed by the fingerprint's high half.
    index: HashTable<u32>,
}

/// One row seen.
#[derive(Clone, Copy)]
struct Seen {
    /// The fingerprint's high half, which is also the table's hash.
    high: u64,
    /// 16 more bits of the fingerprint, the file (16 bits) and the line (32).
    rest: u64,
}

impl Seen {
    fn new(hash: RowHash, file: FileId, line: u32) -> Self {
        Self {
            high: (hash >> 64) as u64,
            rest: (hash as u64 & 0xffff) << 48 | u64::from(file.0) << 32 | u64::from(line),
        }
    }

    fn same_row(self, other: Self) -> bool {
        self.high == other.high && self.rest >> 48 == other.rest >> 48
    }

    fn place(self) -> (FileId, u64) {
        (FileId((self.rest >> 32) as u16), self.rest & 0xffff_ffff)
    }
}

impl SeenRows {
    /// Makes room for `rows` more rows.
    pub fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows);
        let all = &self.rows;
        self.index.reserve(rows, |&i| all[i as usize].high);
    }

    /// Notes a row; if an identical one was read before, where. Past 4,294,967,295 distinct
    /// rows a new row is no longer noted (so its repeats are not found; earlier rows' still are).
    pub fn first_seen(&mut self, hash: RowHash, file: FileId, line: u64) -> Option<(FileId, u64)> {
        let seen = Seen::new(hash, file, u32::try_from(line).unwrap_or(u32::MAX));
        let rows = &self.rows;
        match self.index.entry(
            seen.high,
            |&i| rows[i as usize].same_row(seen),
            |&i| rows[i as usize].high,
        ) {
            hashbrown::hash_table::Entry::Occupied(e) => Some(rows[*e.get() as usize].place()),
            hashbrown::hash_table::Entry::Vacant(e) => {
                if let Ok(next) = u32::try_from(rows.len()) {
                    e.insert(next);
                    self.rows.push(seen);
                }
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

    #[test]
    fn a_repeated_row_is_traced_to_where_it_was_first_read() {
        let mut seen = SeenRows::default();
        let hash: RowHash = 0x1234_5678_9abc_def0_0fed_cba9_8765_4321;
        assert_eq!(seen.first_seen(hash, FileId(3), 70_000), None);
        assert_eq!(seen.first_seen(hash + 1, FileId(0), 2), None);
        assert_eq!(
            seen.first_seen(hash, FileId(4), 9),
            Some((FileId(3), 70_000))
        );
        assert_eq!(
            seen.first_seen(hash + 1, FileId(4), 10),
            Some((FileId(0), 2))
        );
        // The high half alone does not make two rows one.
        assert_eq!(seen.first_seen(hash ^ 0x8000, FileId(4), 11), None);
    }
}
