//! The per-source scorecard: how each claimant holds up against the others.

use foldhash::{HashMap, HashMapExt};

use serde::Serialize;

use rayon::prelude::*;

use crate::core::analysis::groups::{group_is_side, is_civilian};
use crate::core::analysis::{Analysis, NameId};
use crate::core::model::{ClaimKind, Dataset, SourceType, Stance};

/// How one claimant holds up against the others.
#[derive(Clone, Debug, Serialize)]
pub struct SourceScore {
    pub source: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub side: Option<String>,
    pub claims: usize,
    pub comparable: usize,
    pub corroborated: usize,
    pub contradicted: usize,
    /// Agreement with other sides: corroborated / (corroborated + contradicted), only when
    /// that makes at least `min_comparable` claims (else it cannot be judged).
    pub rate: Option<f64>,
    /// The claims behind the agreement: corroborated + contradicted.
    pub agreement_n: usize,
    pub denials: usize,
    /// Median of log2((own + 1) / (others' median + 1)) over its figures compared with other
    /// claimants', when there are at least `min_comparable` of them.
    pub bias_log2: Option<f64>,
    /// How many figures the bias is the median of.
    pub bias_n: usize,
    /// The middle half of those figures' log2 ratios (25th to 75th percentile).
    pub bias_interval: Option<(f64, f64)>,
    pub bias_own: Option<f64>,
    pub bias_adversary: Option<f64>,
    /// The Admiralty reliability letter the evidence suggests (A–E; F: cannot be judged). A
    /// suggestion: the analyst's own grade, kept with the workspace, is what is reported.
    pub grade: char,
    /// Its comparable claims, whose corroborations and contradictions are its evidence
    /// ([`Self::evidence`]).
    #[serde(skip)]
    pub comparable_claims: Vec<u32>,
    /// How many lines of evidence [`Self::evidence`] gives.
    #[serde(skip)]
    pub evidence_n: usize,
}

/// One claim of a source and another side's claim of the same question it agrees with or
/// contradicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvidencePair {
    pub claim: u32,
    pub other: u32,
    pub agrees: bool,
}

impl SourceScore {
    /// Each of its comparable claims against another side's claim of the same question, read
    /// from the analysis' relations when asked; [`evidence_line`] puts one in words (only for
    /// what is shown: there can be millions).
    pub fn evidence<'a>(
        &'a self,
        analysis: &'a Analysis,
    ) -> impl Iterator<Item = EvidencePair> + 'a {
        self.comparable_claims.iter().flat_map(move |&claim| {
            let pairs = |others: &'a [u32], agrees: bool| {
                others.iter().map(move |&other| EvidencePair {
                    claim,
                    other,
                    agrees,
                })
            };
            pairs(analysis.corroborated_by(claim), true)
                .chain(pairs(analysis.contradicted_by(claim), false))
        })
    }

    /// The evidence in words: "agrees with other sides in 80% of 12 comparable claims", or
    /// why it cannot be judged.
    pub fn judgement(&self, min_comparable: usize) -> String {
        match self.rate {
            Some(rate) => format!(
                "agrees with other sides in {:.0}% of {} comparable claims",
                rate * 100.0,
                self.agreement_n
            ),
            None => format!(
                "cannot be judged: {} comparable claim(s), {min_comparable} needed",
                self.agreement_n
            ),
        }
    }
}

/// The scorecard, best grade first.
pub fn scorecard(ds: &Dataset, analysis: &Analysis) -> Vec<SourceScore> {
    let questions = figures_by_question(ds, analysis);
    // Claims per claimant, keyed by the claimant's shared name.
    let mut by_source: HashMap<NameId, (&str, Vec<u32>)> = HashMap::new();
    for (i, facts) in analysis.facts.iter().enumerate() {
        // A compiler's unnamed sources are nobody in particular: nothing to score.
        if facts.claimant.as_ref() == crate::core::import::format::cited::UNNAMED {
            continue;
        }
        by_source
            .entry(facts.claimant.id())
            .or_insert_with(|| (facts.claimant.as_ref(), Vec::new()))
            .1
            .push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    let mut by_source: Vec<(&str, Vec<u32>)> = by_source.into_values().collect();
    by_source.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut list: Vec<SourceScore> = by_source
        .par_iter()
        .map(|(source, claims)| score_source(ds, analysis, &questions, source, claims))
        .collect();
    list.sort_by(|a, b| {
        a.grade
            .cmp(&b.grade)
            .then(b.comparable.cmp(&a.comparable))
            .then(a.source.cmp(&b.source))
    });
    list
}

/// Current asserted figures per question (event, kind, group).
type Questions = HashMap<(u32, ClaimKind, NameId), QuestionFigures>;

/// A question's figures: every point sorted, and each claimant's own points sorted, so that
/// the median of the others' is found without going over the question for each claim.
#[derive(Default)]
struct QuestionFigures {
    sorted: Vec<f64>,
    by_claimant: HashMap<NameId, Vec<f64>>,
}

fn figures_by_question(ds: &Dataset, analysis: &Analysis) -> Questions {
    let mut questions: Questions = HashMap::new();
    for (facts, claim) in analysis.facts.iter().zip(&ds.claims) {
        let (Some(event), Some(q)) = (facts.event, claim.quantity) else {
            continue;
        };
        if facts.current && claim.kind.is_numeric() && claim.stance == Stance::Asserts {
            let question = questions
                .entry((event, claim.kind, facts.group.id()))
                .or_default();
            question.sorted.push(q.point());
            question
                .by_claimant
                .entry(facts.claimant.id())
                .or_default()
                .push(q.point());
        }
    }
    for question in questions.values_mut() {
        question.sorted.sort_by(f64::total_cmp);
        for own in question.by_claimant.values_mut() {
            own.sort_by(f64::total_cmp);
        }
    }
    questions
}

/// The median of `sorted` without the values of `own` (sorted, and all in `sorted`).
fn median_without(sorted: &[f64], own: &[f64]) -> Option<f64> {
    let n = sorted.len().checked_sub(own.len()).filter(|&n| n > 0)?;
    // The k-th smallest of what is left: each removed value at or below the answer moves it
    // one place up.
    let kth = |k: usize| {
        let mut at = k;
        for &v in own {
            if at < sorted.len() && v <= sorted[at] {
                at += 1;
            }
        }
        sorted.get(at).copied()
    };
    let mid = n / 2;
    Some(if n.is_multiple_of(2) {
        (kth(mid - 1)? + kth(mid)?) / 2.0
    } else {
        kth(mid)?
    })
}

/// A source's grade from the share of its comparable claims corroborated, and its bias.
fn source_grade(
    comparable: usize,
    min_comparable: usize,
    rate: Option<f64>,
    bias: Option<f64>,
) -> char {
    // F is the Admiralty code's "reliability cannot be judged".
    let Some(r) = rate.filter(|_| comparable >= min_comparable) else {
        return 'F';
    };
    if r >= 0.9 && bias.is_none_or(|b| b.abs() < 0.25) {
        'A'
    } else if r >= 0.75 {
        'B'
    } else if r >= 0.5 {
        'C'
    } else if r >= 0.25 {
        'D'
    } else {
        'E'
    }
}

/// How a source's comparable claims fare against other sides.
struct Agreement {
    /// Claims another side corroborates.
    corroborated: usize,
    /// Claims someone contradicts.
    contradicted: usize,
    /// Claims either way, each once.
    judged: usize,
    /// Share of the judged claims corroborated by another side and contradicted by no one,
    /// from `min` judged claims.
    rate: Option<f64>,
}

fn agreement(analysis: &Analysis, comparable: &[u32], min: usize) -> Agreement {
    let facts = |c: u32| &analysis.facts[c as usize];
    // Only other sides count: a side agreeing with itself is not agreement.
    let other_side = |c: u32, o: u32| {
        let (f, g) = (facts(c), facts(o));
        f.side.is_none() || f.side != g.side
    };
    let supported = |c: u32| {
        analysis
            .corroborated_by(c)
            .iter()
            .any(|&o| other_side(c, o))
    };
    let disputed = |c: u32| !analysis.contradicted_by(c).is_empty();
    let count = |keep: &dyn Fn(u32) -> bool| comparable.iter().filter(|&&c| keep(c)).count();
    let judged = count(&|c| supported(c) || disputed(c));
    let agreeing = count(&|c| supported(c) && !disputed(c));
    Agreement {
        corroborated: count(&supported),
        contradicted: count(&disputed),
        judged,
        rate: (judged >= min).then(|| agreeing as f64 / judged as f64),
    }
}

fn score_source(
    ds: &Dataset,
    analysis: &Analysis,
    questions: &Questions,
    source: &str,
    claims: &[u32],
) -> SourceScore {
    let facts = |c: u32| &analysis.facts[c as usize];
    let first = claims.first().map(|&c| facts(c));
    let own_voice = first.and_then(|f| f.side.clone());
    let comparable: Vec<u32> = claims
        .iter()
        .copied()
        .filter(|&c| facts(c).current && facts(c).comparable)
        .collect();
    let min = analysis.settings.min_comparable.max(1);
    let Agreement {
        corroborated,
        contradicted,
        judged: agreement_n,
        rate,
    } = agreement(analysis, &comparable, min);
    let denials = claims
        .iter()
        .filter(|&&c| ds.claims[c as usize].stance == Stance::Denies)
        .count();
    let (evidence_n, [mut all, mut own, mut adversary]) =
        evidence_and_bias(ds, analysis, questions, &comparable, own_voice.as_deref());
    let bias_n = all.len();
    let enough = |values: &mut Vec<f64>| {
        if values.len() < min {
            values.clear();
        }
    };
    enough(&mut all);
    enough(&mut own);
    enough(&mut adversary);
    let bias_log2 = median(&mut all);
    let bias_interval = quartiles(&all);
    let grade = source_grade(
        comparable.len(),
        analysis.settings.min_comparable,
        rate,
        bias_log2,
    );
    SourceScore {
        source: source.to_owned(),
        source_type: first.map_or(SourceType::Other, |f| f.source_type),
        side: own_voice.map(|s| s.to_string()),
        claims: claims.len(),
        comparable: comparable.len(),
        corroborated,
        contradicted,
        rate,
        agreement_n,
        denials,
        bias_log2,
        bias_n,
        bias_interval,
        bias_own: median(&mut own),
        bias_adversary: median(&mut adversary),
        grade,
        comparable_claims: comparable,
        evidence_n,
    }
}

/// One line of evidence in words: "contradicts Turkish authorities in Kobane, 25 Jun 2015:
/// it says the vehicle crossed from Turkey; Turkish authorities deny that … (seed.csv:13,
/// seed.csv:15)".
pub fn evidence_line(ds: &Dataset, analysis: &Analysis, pair: EvidencePair) -> String {
    let EvidencePair {
        claim: own,
        other,
        agrees,
    } = pair;
    let verb = if agrees { "agrees with" } else { "contradicts" };
    use crate::core::analysis::explain::{Statement, clause, speaks_as_many};
    let (mine, theirs) = (
        Statement::of(ds, analysis, own),
        Statement::of(ds, analysis, other),
    );
    let claim = &ds.claims[own as usize];
    let place = analysis.facts[own as usize]
        .event
        .and_then(|e| analysis.events.get(e as usize))
        .map_or(mine.place, |e| e.location.as_str());
    let at = if place.is_empty() {
        String::new()
    } else {
        format!(" in {place}")
    };
    format!(
        "{verb} {}{at}, {}: {} {}; {} {} ({}, {})",
        theirs.claimant,
        claim.event_start.format("%-d %b %Y"),
        if speaks_as_many(mine.claimant) {
            "they"
        } else {
            "it"
        },
        clause(&mine),
        theirs.claimant,
        clause(&theirs),
        ds.claim_id(claim),
        ds.claim_id(&ds.claims[other as usize]),
    )
}

/// How many agreements and contradictions its comparable claims have, and its figures' bias
/// (all, against its own side's losses, against its adversaries').
fn evidence_and_bias(
    ds: &Dataset,
    analysis: &Analysis,
    questions: &Questions,
    comparable: &[u32],
    own_voice: Option<&str>,
) -> (usize, [Vec<f64>; 3]) {
    let facts = |c: u32| &analysis.facts[c as usize];
    let (mut all, mut own, mut adversary) = (Vec::new(), Vec::new(), Vec::new());
    let mut evidence = 0;
    // Whose losses each group is, against this source's side: `Some(true)` its own, `Some
    // (false)` its adversary's, `None` neither; worked out once per group (a source speaks of
    // a few).
    let mut whose: Vec<(NameId, Option<bool>)> = Vec::new();
    for &c in comparable {
        let f = facts(c);
        evidence += analysis.corroborated_by(c).len() + analysis.contradicted_by(c).len();
        let Some(value) = bias_of(ds, analysis, questions, c) else {
            continue;
        };
        all.push(value);
        let Some(side) = own_voice else {
            continue;
        };
        let id = f.group.id();
        let losses = match whose.iter().find(|(g, _)| *g == id) {
            Some(&(_, losses)) => losses,
            None => {
                let group: &str = &f.group;
                let losses = if group_is_side(group, side) {
                    Some(true)
                } else if group == "all" || is_civilian(group) {
                    None
                } else {
                    Some(false)
                };
                whose.push((id, losses));
                losses
            }
        };
        match losses {
            Some(true) => own.push(value),
            Some(false) => adversary.push(value),
            None => {}
        }
    }
    (evidence, [all, own, adversary])
}

/// log2((own + 1) / (others' median + 1)) for one claim, over the other claimants' current
/// figures on the same question. A floor counts only when the others are below it.
fn bias_of(ds: &Dataset, analysis: &Analysis, questions: &Questions, c: u32) -> Option<f64> {
    let claim = &ds.claims[c as usize];
    let q = claim.quantity?;
    if !claim.kind.is_numeric() || claim.stance == Stance::Denies {
        return None;
    }
    let f = &analysis.facts[c as usize];
    let figures = questions.get(&(f.event?, claim.kind, f.group.id()))?;
    let own = figures
        .by_claimant
        .get(&f.claimant.id())
        .map_or(&[][..], Vec::as_slice);
    let others = median_without(&figures.sorted, own)?;
    if q.high().is_none() && others >= f64::from(q.low) {
        return None;
    }
    Some(((q.point() + 1.0) / (others + 1.0)).log2())
}

/// The 25th and 75th percentiles of sorted values (nearest rank).
fn quartiles(sorted: &[f64]) -> Option<(f64, f64)> {
    if sorted.is_empty() {
        return None;
    }
    let at = |p: f64| sorted[((sorted.len() - 1) as f64 * p).round() as usize];
    Some((at(0.25), at(0.75)))
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_the_others_is_the_median_of_what_is_left() {
        let mut seed = 11u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for size in 1..40 {
            let mut all: Vec<f64> = (0..size).map(|_| next(20) as f64).collect();
            let mut own: Vec<f64> = all.iter().copied().filter(|_| next(3) == 0).collect();
            let mut left = all.clone();
            for v in &own {
                let at = left.iter().position(|x| x == v).unwrap();
                left.remove(at);
            }
            all.sort_by(f64::total_cmp);
            own.sort_by(f64::total_cmp);
            assert_eq!(
                median_without(&all, &own),
                median(&mut left),
                "{all:?} less {own:?}"
            );
        }
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
