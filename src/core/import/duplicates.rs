//! Rows that say exactly what an earlier row said are kept once and listed in the report.
//!
//! Found after reading, over the claims themselves: a hash of every field but the position
//! finds candidates, and a field-by-field comparison confirms them, so no two different claims
//! are ever merged by a hash collision.

use std::hash::{BuildHasher, Hash, Hasher};

use super::report::{Duplicate, ImportReport};
use crate::core::model::{Claim, Dataset};

/// Everything that makes a claim what it is, apart from where it was read and its quote
/// (compared by text, not by arena position).
fn content(c: &Claim) -> impl Hash + PartialEq + '_ {
    (
        (c.source, c.source_raw, c.source_type, c.side, c.kind, c.group),
        (c.quantity, c.quantity_text, c.detail, c.stance, c.location),
        (c.event_start, c.event_end, c.published, c.reported_at),
        (c.outlet, c.article_id, c.url, c.event_id, c.extras),
    )
}

fn content_hash(ds: &Dataset, c: &Claim) -> u64 {
    let mut hasher = foldhash::quality::FixedState::with_seed(0x5452_4941).build_hasher();
    content(c).hash(&mut hasher);
    ds.quote(c).hash(&mut hasher);
    hasher.finish()
}

fn same(ds: &Dataset, a: &Claim, b: &Claim) -> bool {
    content(a) == content(b) && ds.quote(a) == ds.quote(b)
}

/// Removes every claim identical to an earlier one and records it as a duplicate of that one.
pub fn remove_duplicates(ds: &mut Dataset, report: &mut ImportReport) {
    let mut keys: Vec<(u64, u32)> = ds
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((content_hash(ds, c), u32::try_from(i).ok()?)))
        .collect();
    keys.sort_unstable();
    let mut duplicate_of: Vec<(usize, usize)> = Vec::new();
    for group in keys.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        for (n, &(_, later)) in group.iter().enumerate().skip(1) {
            let later = later as usize;
            let original = group[..n]
                .iter()
                .map(|&(_, i)| i as usize)
                .find(|&i| same(ds, &ds.claims[i], &ds.claims[later]));
            if let Some(original) = original {
                duplicate_of.push((later, original));
            }
        }
    }
    drop(keys);
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
