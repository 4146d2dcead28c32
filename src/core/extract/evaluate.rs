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
    /// Where the claim's sentence lies in the article (characters, end exclusive).
    pub span: Option<(usize, usize)>,
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

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.0}% ({} of {}), recall {:.0}% ({} of {})",
            self.precision() * 100.0,
            self.matched,
            self.proposed,
            self.recall() * 100.0,
            self.matched,
            self.labelled
        )
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
    FIELDS.iter().all(|f| f.agrees(p, l))
}

/// A part of a claim a label gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Claimant,
    Kind,
    Group,
    Stance,
    Figure,
}

pub const FIELDS: [Field; 5] = [
    Field::Claimant,
    Field::Kind,
    Field::Group,
    Field::Stance,
    Field::Figure,
];

impl Field {
    pub fn name(self) -> &'static str {
        match self {
            Self::Claimant => "claimant",
            Self::Kind => "kind",
            Self::Group => "group",
            Self::Stance => "stance",
            Self::Figure => "figure",
        }
    }

    /// Whether a proposed claim gives this part as the label does.
    pub fn agrees(self, p: &Proposed, l: &Label) -> bool {
        let none = HashMap::new();
        let group = |g: &str| family(&normalize_group(g, &none)).to_owned();
        match self {
            Self::Claimant => same_claimant(&p.source, &l.source),
            Self::Kind => p.kind == l.kind,
            Self::Group => l.count.trim().is_empty() || group(&p.group) == group(&l.group),
            Self::Stance => p.stance == l.stance,
            Self::Figure => overlaps(&p.count, &l.count),
        }
    }
}

/// Per part of a claim: of the labelled claims whose sentence gave a proposed claim, how many
/// of those proposed claims agree on it with the label (the best-fitting one of the sentence).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldScore {
    /// Labelled claims (measured ones) with a proposed claim from their sentence.
    pub found_sentence: usize,
    pub labelled: usize,
    /// Per field of `FIELDS`: agreeing, of `found_sentence`.
    pub agreeing: [usize; 5],
}

impl FieldScore {
    pub fn add(&mut self, other: &Self) {
        self.found_sentence += other.found_sentence;
        self.labelled += other.labelled;
        for (a, b) in self.agreeing.iter_mut().zip(other.agreeing) {
            *a += b;
        }
    }
}

/// A labelled claim and the proposed claim of its sentence that fits it best, if any.
pub type Pairing<'a> = (&'a Label, Option<&'a Proposed>);

/// Each measured label with the proposed claim from the same sentence that agrees with it on
/// the most parts.
pub fn pair_by_sentence<'a>(proposed: &'a [Proposed], labels: &'a [Label]) -> Vec<Pairing<'a>> {
    labels
        .iter()
        .filter(|l| measured(l.kind, l.stance, &l.count))
        .map(|l| {
            let best = l.span.and_then(|(start, end)| {
                proposed
                    .iter()
                    .filter(|p| measured(p.kind, p.stance, &p.count))
                    .filter(|p| p.span.0 < end && start < p.span.1)
                    .max_by_key(|p| FIELDS.iter().filter(|f| f.agrees(p, l)).count())
            });
            (l, best)
        })
        .collect()
}

/// How often each part agrees, over the labels whose sentence gave a proposed claim.
pub fn field_score(pairs: &[Pairing<'_>]) -> FieldScore {
    let mut score = FieldScore {
        labelled: pairs.len(),
        ..FieldScore::default()
    };
    for (label, proposed) in pairs {
        let Some(p) = proposed else { continue };
        score.found_sentence += 1;
        for (i, f) in FIELDS.iter().enumerate() {
            score.agreeing[i] += usize::from(f.agrees(p, label));
        }
    }
    score
}

/// The registry's name for both; the same words (one inside the other); or, as an analyst
/// names a claimant in their own words ("Sudan's Foreign Ministry", "Sudanese Foreign
/// Ministry"), most of the shorter name's words (by their first five letters) in the other.
fn same_claimant(a: &str, b: &str) -> bool {
    let registry = Registry::builtin();
    let name = |s: &str| {
        registry
            .lookup(s)
            .map_or_else(|| s.trim().to_lowercase(), |k| k.name.to_lowercase())
            .replace("'s ", " ")
    };
    let (a, b) = (name(a), name(b));
    if a == b || (!a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))) {
        return true;
    }
    let (x, y) = (stems(&a), stems(&b));
    let shared = x.iter().filter(|w| y.contains(w)).count();
    let shorter = x.len().min(y.len());
    // "Houthis" and "Houthi spokesman Mohammed Abdulsalam".
    (shorter == 1 && shared == 1) || (shared >= 2 && shared * 3 >= shorter * 2)
}

/// A name's words that tell it apart, cut to their first five letters.
fn stems(name: &str) -> Vec<String> {
    const PLAIN: [&str; 10] = [
        "the", "a", "an", "of", "for", "in", "on", "and", "run", "led",
    ];
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !PLAIN.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Figures that can be the same: their ranges meet (no figure on both sides also matches).
fn overlaps(a: &str, b: &str) -> bool {
    match (parse_quantity(a), parse_quantity(b)) {
        (Ok(x), Ok(y)) => {
            let high = |q: &crate::core::parse::quantity::Quantity| q.high().unwrap_or(u32::MAX);
            x.low <= high(&y) && y.low <= high(&x)
        }
        (Err(_), Err(_)) => a.trim().is_empty() && b.trim().is_empty(),
        _ => false,
    }
}
