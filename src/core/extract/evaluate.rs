//! How proposed claims compare with an analyst's labels: a proposed claim matches a label of
//! the same claimant (by the registry's name, else the same words), kind, group family,
//! stance and an overlapping figure. Counted over the claims that matter most: casualty
//! figures and denials.

use std::collections::HashMap;

use super::Proposed;
use crate::core::analysis::groups::{family, normalize_group};
use crate::core::import::registry::Registry;
use crate::core::model::{ClaimKind, Stance};
use crate::core::parse::quantity::parse_quantity;

/// An analyst's label, as `claims.csv` gives it.
#[derive(Clone, Debug)]
pub struct Label {
    pub source: String,
    pub kind: ClaimKind,
    pub group: String,
    pub count: String,
    pub stance: Stance,
}

/// Matches, and the claims on each side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub matched: usize,
    pub proposed: usize,
    pub labelled: usize,
}

impl Score {
    pub fn precision(self) -> f64 {
        ratio(self.matched, self.proposed)
    }

    pub fn recall(self) -> f64 {
        ratio(self.matched, self.labelled)
    }

    pub fn add(&mut self, other: Self) {
        self.matched += other.matched;
        self.proposed += other.proposed;
        self.labelled += other.labelled;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Whether a claim is of the kinds measured: a casualty figure, or a denial.
pub fn measured(kind: ClaimKind, stance: Stance, count: &str) -> bool {
    stance == Stance::Denies
        || (matches!(
            kind,
            ClaimKind::Killed
                | ClaimKind::Injured
                | ClaimKind::Captured
                | ClaimKind::Missing
                | ClaimKind::Displaced
        ) && !count.trim().is_empty())
}

/// Matches each label to at most one proposed claim.
pub fn score(proposed: &[Proposed], labels: &[Label]) -> Score {
    let proposed: Vec<&Proposed> = proposed
        .iter()
        .filter(|p| measured(p.kind, p.stance, &p.count))
        .collect();
    let labels: Vec<&Label> = labels
        .iter()
        .filter(|l| measured(l.kind, l.stance, &l.count))
        .collect();
    let mut used = vec![false; proposed.len()];
    let mut matched = 0;
    for label in &labels {
        if let Some(i) = (0..proposed.len()).find(|&i| !used[i] && same(proposed[i], label)) {
            used[i] = true;
            matched += 1;
        }
    }
    Score {
        matched,
        proposed: proposed.len(),
        labelled: labels.len(),
    }
}

fn same(p: &Proposed, l: &Label) -> bool {
    let none = HashMap::new();
    let group = |g: &str| family(&normalize_group(g, &none)).to_owned();
    p.kind == l.kind
        && p.stance == l.stance
        && same_claimant(&p.source, &l.source)
        && (l.count.trim().is_empty() || group(&p.group) == group(&l.group))
        && overlaps(&p.count, &l.count)
}

/// The registry's name for both, or the same words (one inside the other).
fn same_claimant(a: &str, b: &str) -> bool {
    let registry = Registry::builtin();
    let name = |s: &str| {
        registry
            .lookup(s)
            .map_or_else(|| s.trim().to_lowercase(), |k| k.name.to_lowercase())
    };
    let (a, b) = (name(a), name(b));
    a == b || (!a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a)))
}

/// Figures that can be the same: their ranges meet (no figure on both sides also matches).
fn overlaps(a: &str, b: &str) -> bool {
    match (parse_quantity(a), parse_quantity(b)) {
        (Ok(x), Ok(y)) => {
            let high = |q: &crate::core::parse::quantity::Quantity| q.high.unwrap_or(u32::MAX);
            x.low <= high(&y) && y.low <= high(&x)
        }
        (Err(_), Err(_)) => a.trim().is_empty() && b.trim().is_empty(),
        _ => false,
    }
}
