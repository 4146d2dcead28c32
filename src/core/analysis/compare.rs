//! The rules: which figures are current, which claims corroborate or contradict which, and the
//! discrepancies between them.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use rayon::prelude::*;

pub use crate::core::analysis::discrepancy::{Discrepancy, DiscrepancyKind, Severity, Subtype};
use crate::core::analysis::explain::explain;
use crate::core::analysis::groups::{ALL, group_is_side, is_civilian};
use crate::core::analysis::pairs::{Comparisons, Context, representatives};
use crate::core::analysis::rules::crowds::summarise;
use crate::core::analysis::rules::propositions::{Reading, SideNames, read};
use crate::core::analysis::rules::relate::relate;
use crate::core::analysis::rules::wholes;
use crate::core::analysis::rules::{rebuttals, regions};
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Analysis, ClaimFacts, Name, NameId};
use crate::core::model::{ClaimKind, Dataset};
use crate::core::progress::{Cancelled, Progress};

/// Runs every rule over every event, adding each event's claims to `progress` as it goes.
/// Events are compared in parallel (they share no claims); their results are joined in
/// event order, so the output does not depend on the number of threads.
pub fn compare(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    progress: &Progress,
) -> Result<Comparisons, Cancelled> {
    let mut out = analysis
        .events
        .par_iter()
        .enumerate()
        // Many events hold a claim or two: hand them out in runs, not one by one.
        .with_min_len(64)
        .try_fold(Comparisons::default, |mut out, (e, event)| {
            progress.add_done(event.claims.len() as u64);
            if e % 256 == 0 {
                progress.check()?;
            }
            compare_event(ds, analysis, settings, e, &mut out);
            Ok(out)
        })
        // Each run's results, in event order, joined once at their final size (a reduction
        // would copy the earlier ones again at each of its levels).
        .collect::<Result<Vec<Comparisons>, Cancelled>>()
        .map(Comparisons::concat)?;
    regions::control_across_regions(ds, analysis, settings, &mut out);
    rebuttals::rebuttals(ds, analysis, settings, &mut out);
    Ok(out)
}

/// The rules within one event: its questions pairwise (or summarised when crowded), parts
/// against totals, status disputes, denied happenings, partial accounts.
fn compare_event(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    e: usize,
    out: &mut Comparisons,
) {
    let event = &analysis.events[e];
    // Questions: (kind, group) → current claims. Gathered by the group's shared name, then
    // ordered by its text: a few questions to order, not a string comparison per claim.
    let mut gathered: HashMap<(ClaimKind, NameId), (&str, Vec<u32>)> = HashMap::new();
    for &c in &event.claims {
        let facts = &analysis.facts[c as usize];
        let claim = &ds.claims[c as usize];
        // A compiler's own figure summarises the sources it cites: never set against them.
        if facts.current && !ds.is_compilers_own(claim) {
            // Where an attack came from and who did it are one question.
            let kind = match claim.kind {
                ClaimKind::Origin => ClaimKind::Responsibility,
                kind @ (ClaimKind::Killed
                | ClaimKind::Injured
                | ClaimKind::Captured
                | ClaimKind::Missing
                | ClaimKind::Displaced
                | ClaimKind::Control
                | ClaimKind::Responsibility
                | ClaimKind::Other) => kind,
            };
            gathered
                .entry((kind, facts.group.id()))
                .or_insert_with(|| (facts.group.as_ref(), Vec::new()))
                .1
                .push(c);
        }
    }
    let asked = gathered.len();
    let questions: BTreeMap<(ClaimKind, &str), Vec<u32>> = gathered
        .into_iter()
        .map(|((kind, _), (group, claims))| ((kind, group), claims))
        .collect();
    // One shared name per text: no two questions fold into one.
    debug_assert_eq!(questions.len(), asked);
    let from = out.discrepancies.len();
    let compared_from = out.comparable.len();
    let readings = read_statements(ds, analysis, e, &questions);
    let context = Context {
        ds,
        analysis,
        settings,
        event: e,
        readings: &readings,
        speakers: std::cell::OnceCell::new(),
    };
    for (&(kind, _), claims) in &questions {
        // The group's shared name, as the question's claims hold it.
        let group = &analysis.facts[claims[0] as usize].group;
        let compared = representatives(ds, analysis, claims);
        let claimants = claimants_in(analysis, &compared);
        if claimants > settings.pairwise_claimants {
            let summary = summarise(&context, (kind, group), &compared, claimants, out);
            out.summaries.push(summary);
            continue;
        }
        for (i, &a) in compared.iter().enumerate() {
            for &b in &compared[i + 1..] {
                relate(&context, (kind, group), [a, b], out);
            }
        }
    }
    wholes::parts_and_totals(ds, analysis, settings, e, &questions, out);
    wholes::status_disputes(&context, &questions, out);
    rebuttals::denied_happenings(&context, &questions, out);
    wholes::partial_accounts(&context, &questions, out);
    let mut listed = out.discrepancies.split_off(from);
    one_per_claimant_pair(ds, analysis, &mut listed);
    out.discrepancies.append(&mut listed);
    // A claim compared with many others is listed once.
    let mut compared = out.comparable.split_off(compared_from);
    compared.sort_unstable();
    compared.dedup();
    out.comparable.append(&mut compared);
}

/// How many claimants the claims have.
fn claimants_in(analysis: &Analysis, claims: &[u32]) -> usize {
    // Told apart by their shared names (one per text in an analysis).
    let mut names: Vec<NameId> = claims
        .iter()
        .map(|&c| analysis.facts[c as usize].claimant.id())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// The sentence behind a discrepancy, built when it is shown: a million claims give hundreds
/// of thousands of discrepancies, and most are never read.
pub(crate) fn explanation(ds: &Dataset, analysis: &Analysis, d: &Discrepancy) -> String {
    let [a, b] = d.claims;
    let sentence = explain(ds, analysis, a, b, d.ratio);
    let because = match d.kind {
        DiscrepancyKind::PartExceedsTotal => "a part larger than another claimant's total",
        DiscrepancyKind::Status => "the same dead as civilians and as fighters",
        DiscrepancyKind::Numeric if d.subtype == Some(Subtype::OnlyAPart) => {
            "the only figure the second gives is for a part of the first's"
        }
        DiscrepancyKind::Contradiction if d.subtype == Some(Subtype::Target) => {
            "a military site to one, a civilian one to the other"
        }
        DiscrepancyKind::Numeric | DiscrepancyKind::Contradiction => return sentence,
    };
    format!("{} — {because}.", sentence.trim_end_matches('.'))
}

/// Most discrepancies listed between two claimants on one question; past this, only the
/// widest is.
const MAX_PER_PAIR: usize = 3;

/// Two claimants who disagree on one question many times (a claimant's daily figures against
/// another's) are listed once, by their widest gap between headline figures (a figure broken
/// down by circumstance, "one when a suicide vest went off", comes after): the list says who disagrees about what,
/// the relations behind the grades keep every pair.
fn one_per_claimant_pair(ds: &Dataset, analysis: &Analysis, discrepancies: &mut Vec<Discrepancy>) {
    // Each discrepancy's pair and question as integers, worked out once: claimants and groups
    // by their shared name (one `Arc` per name in an analysis).
    let keys: Vec<_> = discrepancies
        .iter()
        .map(|d| {
            let [a, b] = d.claims.map(|c| analysis.facts[c as usize].claimant.id());
            let group = d.group.id();
            (
                d.event,
                d.kind as u8,
                d.claim_kind as u8,
                group,
                a.min(b),
                a.max(b),
                d.subtype,
            )
        })
        .collect();
    // Integer keys hashed by the fast hasher: millions of discrepancies at scale.
    let mut count: HashMap<_, usize> = HashMap::default();
    for k in &keys {
        *count.entry(*k).or_insert(0) += 1;
    }
    let mut best: HashMap<_, usize> = HashMap::default();
    for (i, d) in discrepancies.iter().enumerate() {
        if d.kind == DiscrepancyKind::Contradiction || count[&keys[i]] <= MAX_PER_PAIR {
            continue;
        }
        // A claimant's headline figures (no detail) before its breakdowns, then the widest.
        let rank = |d: &Discrepancy| {
            let headline = d
                .claims
                .iter()
                .filter(|&&c| ds.claims[c as usize].detail.is_none())
                .count();
            (headline, d.severity, d.people.unwrap_or(0))
        };
        let wider = |j: usize| rank(d) > rank(&discrepancies[j]);
        match best.get(&keys[i]) {
            Some(&j) if !wider(j) => {}
            _ => {
                best.insert(keys[i], i);
            }
        }
    }
    let kept: foldhash::HashSet<usize> = best.into_values().collect();
    let mut i = 0;
    discrepancies.retain(|d| {
        let keep = d.kind == DiscrepancyKind::Contradiction
            || count[&keys[i]] <= MAX_PER_PAIR
            || kept.contains(&i);
        i += 1;
        keep
    });
}

/// Reads every current statement (control, origin, responsibility, other) of an event once.
fn read_statements(
    ds: &Dataset,
    analysis: &Analysis,
    event: usize,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
) -> HashMap<u32, Reading> {
    let statements = questions
        .iter()
        .filter(|((kind, _), claims)| !kind.is_numeric() && claims.len() > 1)
        .flat_map(|(_, claims)| claims.iter().copied());
    let mut readings = HashMap::new();
    let mut sides: Option<SideNames<'_>> = None;
    // A statement repeated by its claimant's side (or re-published) reads the same: read each
    // wording once. What a reading depends on: the kind, the words, the stance, the side.
    let mut read_before = HashMap::new();
    for c in statements {
        let sides = sides.get_or_insert_with(|| SideNames::new(&event_sides(analysis, event)));
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        let wording = (
            claim.kind,
            claim.detail,
            claim.stance,
            facts.side.as_ref().map(Name::id),
        );
        let reading = read_before
            .entry(wording)
            .or_insert_with(|| read(ds, claim, facts, sides));
        readings.insert(c, reading.clone());
    }
    readings
}

/// The sides that speak in an event, for naming the actors of its statements.
fn event_sides(analysis: &Analysis, event: usize) -> Vec<&str> {
    let mut sides: Vec<&str> = analysis
        .events
        .get(event)
        .map(|e| {
            e.claims
                .iter()
                .filter_map(|&c| analysis.facts[c as usize].side.as_deref())
                .collect()
        })
        .unwrap_or_default();
    sides.sort_unstable();
    sides.dedup();
    sides
}

/// Whose losses a party's figure counts: its own side's or its adversary's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interest {
    Own,
    Adversary,
}

impl Interest {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Own => "own losses",
            Self::Adversary => "adversary's losses",
        }
    }
}

/// Whether a claimant of this type and side is speaking of its own or its adversary's losses.
pub fn interested(facts: &ClaimFacts, kind: ClaimKind) -> Option<Interest> {
    use crate::core::model::SourceType;
    let side = facts.side.as_deref()?;
    if !kind.is_numeric()
        || !matches!(
            facts.source_type,
            SourceType::Combatant | SourceType::StateMedia | SourceType::Government
        )
        || &*facts.group == ALL
        || is_civilian(&facts.group)
    {
        return None;
    }
    Some(if group_is_side(&facts.group, side) {
        Interest::Own
    } else {
        Interest::Adversary
    })
}
