//! Rows that say exactly what an earlier row said are kept once and listed in the report.
//!
//! Found after reading, over the claims themselves: a hash of every field but the position
//! finds candidates, and a field-by-field comparison confirms them, so no two different claims
//! are ever merged by a hash collision.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};

use crate::core::import::report::{Duplicate, ImportReport};
use crate::core::model::{Claim, Dataset};

/// Everything that makes a claim what it is, apart from where it was read and its quote
/// (compared by text, not by arena position).
fn content(c: &Claim) -> impl Hash + PartialEq + '_ {
    (
        (
            c.source,
            c.source_raw,
            c.source_type,
            c.side,
            c.kind,
            c.group,
        ),
        (c.quantity, c.quantity_text, c.detail, c.stance, c.location),
        (c.event_start, c.event_end, c.published, c.reported_at),
        (c.outlet, c.event_id, c.extras),
    )
}

/// The fields kept in the arena, compared by their text.
fn texts<'a>(ds: &'a Dataset, c: &Claim) -> [&'a str; 3] {
    [ds.quote(c), ds.texts.get(c.article_id), ds.texts.get(c.url)]
}

fn content_hash(ds: &Dataset, c: &Claim) -> u64 {
    let mut hasher = foldhash::quality::FixedState::with_seed(0x5452_4941).build_hasher();
    content(c).hash(&mut hasher);
    texts(ds, c).hash(&mut hasher);
    hasher.finish()
}

/// The content hash of every claim, in claim order, computed on two threads.
fn content_hashes(ds: &Dataset) -> Vec<u64> {
    let (first, second) = ds.claims.split_at(ds.claims.len() / 2);
    let hash_all =
        |claims: &[Claim]| -> Vec<u64> { claims.iter().map(|c| content_hash(ds, c)).collect() };
    let (mut hashes, rest) = std::thread::scope(|scope| {
        let other = scope.spawn(|| hash_all(second));
        let mine = hash_all(first);
        let rest = other.join().unwrap_or_else(|_| hash_all(second));
        (mine, rest)
    });
    hashes.extend(rest);
    hashes
}

fn same(ds: &Dataset, a: &Claim, b: &Claim) -> bool {
    content(a) == content(b) && texts(ds, a) == texts(ds, b)
}

/// Removes every claim identical to an earlier one and records it as a duplicate of that one.
pub fn remove_duplicates(ds: &mut Dataset, report: &mut ImportReport) {
    // First pass: which hashes occur more than once. Only 8 bytes a claim, held briefly.
    let mut hashes = content_hashes(ds);
    hashes.sort_unstable();
    let repeated: HashSet<u64> = hashes
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() > 1)
        .map(|run| run[0])
        .collect();
    drop(hashes);
    if repeated.is_empty() {
        return;
    }
    // Second pass: group the few candidates by hash, in file order, and compare them.
    let mut candidates: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, c) in ds.claims.iter().enumerate() {
        let hash = content_hash(ds, c);
        if repeated.contains(&hash) {
            candidates.entry(hash).or_default().push(i);
        }
    }
    let mut duplicate_of: Vec<(usize, usize)> = Vec::new();
    for group in candidates.values() {
        for (n, &later) in group.iter().enumerate().skip(1) {
            let original = group[..n]
                .iter()
                .copied()
                .find(|&i| same(ds, &ds.claims[i], &ds.claims[later]));
            if let Some(original) = original {
                duplicate_of.push((later, original));
            }
        }
    }
    if duplicate_of.is_empty() {
        return;
    }
    let mut is_duplicate = vec![false; ds.claims.len()];
    for &(later, original) in &duplicate_of {
        let (dup, first) = (&ds.claims[later], &ds.claims[original]);
        if let Some(file) = report.files.get_mut(usize::from(dup.file.0)) {
            file.duplicates.push(Duplicate {
                line: u64::from(dup.line),
                of_file: ds.file_name(first.file).to_owned(),
                of_line: u64::from(first.line),
            });
            file.imported = file.imported.saturating_sub(1);
        }
        is_duplicate[later] = true;
    }
    for file in &mut report.files {
        file.duplicates.sort_by_key(|d| d.line);
    }
    let mut index = 0;
    ds.claims.retain(|_| {
        let keep = !is_duplicate[index];
        index += 1;
        keep
    });
}
