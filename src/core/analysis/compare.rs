//! The rules: which figures are current, which claims corroborate or contradict which, and the
//! discrepancies between them.

use std::collections::{BTreeMap, HashMap};

pub use crate::core::analysis::discrepancy::{Discrepancy, DiscrepancyKind, Severity};
use crate::core::analysis::explain::explain;
use crate::core::analysis::figures::{Gap, compare_figures, numeric_gap, severity};
use crate::core::analysis::groups::{ALL, group_is_side, is_civilian, is_combatant, is_part_of};
use crate::core::analysis::propositions::{Reading, compare_propositions, read};
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Analysis, ClaimFacts, Relation};
use crate::core::model::{ClaimKind, Dataset, Stance};

/// What the comparison pass produces.
pub struct Comparisons {
    pub discrepancies: Vec<Discrepancy>,
    /// `(claim, other)`: `other` corroborates `claim` (both directions are listed).
    pub corroborations: Vec<(u32, u32)>,
    /// `(claim, other)`: `other` contradicts `claim` (both directions are listed).
    pub contradictions: Vec<(u32, u32)>,
    /// Per claim: it had at least one comparable claim by another claimant.
    pub comparable: Vec<bool>,
}

/// Runs every rule over every event.
pub fn compare(ds: &Dataset, analysis: &Analysis, settings: &Settings) -> Comparisons {
    let n = ds.claims.len();
    let mut out = Comparisons {
        discrepancies: Vec::new(),
        corroborations: Vec::new(),
        contradictions: Vec::new(),
        comparable: vec![false; n],
    };
    for (e, event) in analysis.events.iter().enumerate() {
        // Questions: (kind, group) → current claims.
        let mut questions: BTreeMap<(ClaimKind, &str), Vec<u32>> = BTreeMap::new();
        for &c in &event.claims {
            let facts = &analysis.facts[c as usize];
            let claim = &ds.claims[c as usize];
            if facts.current {
                // Where an attack came from and who did it are one question.
                let kind = match claim.kind {
                    ClaimKind::Origin => ClaimKind::Responsibility,
                    kind => kind,
                };
                questions
                    .entry((kind, facts.group.as_ref()))
                    .or_default()
                    .push(c);
            }
        }
        let readings = read_statements(ds, analysis, e, &questions);
        let context = Context {
            ds,
            analysis,
            settings,
            event: e,
            readings: &readings,
        };
        for ((kind, group), claims) in &questions {
            let compared = representatives(ds, analysis, claims);
            for (i, &a) in compared.iter().enumerate() {
                for &b in &compared[i + 1..] {
                    relate(&context, (*kind, group), [a, b], &mut out);
                }
            }
        }
        parts_and_totals(ds, analysis, settings, e, &questions, &mut out);
        status_disputes(&context, &questions, &mut out);
    }
    out
}

/// The same dead under two statuses: one side counts civilians, another (on the other side)
/// counts fighters, the same number within the tolerance, and neither gives a figure for the
/// other status in the event. A `status` discrepancy, medium.
fn status_disputes(
    cx: &Context<'_>,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
    out: &mut Comparisons,
) {
    let (ds, analysis) = (cx.ds, cx.analysis);
    let asserted = |c: &u32| {
        let claim = &ds.claims[*c as usize];
        claim.stance == Stance::Asserts && claim.quantity.is_some()
    };
    let counted = |pick: fn(&str) -> bool| -> Vec<(ClaimKind, u32)> {
        questions
            .iter()
            .filter(|((k, g), _)| k.is_numeric() && pick(g))
            .flat_map(|((k, _), cs)| {
                representatives(ds, analysis, cs)
                    .into_iter()
                    .filter(|c| asserted(c))
                    .map(|c| (*k, c))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let civilian = counted(is_civilian);
    let fighting = counted(is_combatant);
    let claimant = |c: u32| analysis.facts[c as usize].claimant.as_ref();
    let civilian_claimants: std::collections::HashSet<&str> =
        civilian.iter().map(|&(_, c)| claimant(c)).collect();
    let fighting_claimants: std::collections::HashSet<&str> =
        fighting.iter().map(|&(_, c)| claimant(c)).collect();
    let counts_both =
        |who: &str| civilian_claimants.contains(who) && fighting_claimants.contains(who);
    for &(kind, a) in &civilian {
        for &(other_kind, b) in &fighting {
            let (fa, fb) = (&analysis.facts[a as usize], &analysis.facts[b as usize]);
            let sides_differ = (fa.side.is_some() || fb.side.is_some()) && fa.side != fb.side;
            if kind != other_kind
                || !sides_differ
                || counts_both(&fa.claimant)
                || counts_both(&fb.claimant)
            {
                continue;
            }
            let (Some(qa), Some(qb)) = (
                ds.claims[a as usize].quantity,
                ds.claims[b as usize].quantity,
            ) else {
                continue;
            };
            // The same number of dead: bounded figures whose point estimates are within the
            // tolerance (an open floor can be anyone's).
            let tolerance = (cx.settings.tolerance_ratio * qa.point().max(qb.point()))
                .max(f64::from(cx.settings.tolerance_min));
            let same_count = qa.high.is_some()
                && qb.high.is_some()
                && qa.point() > 0.0
                && (qa.point() - qb.point()).abs() <= tolerance;
            if !same_count {
                continue;
            }
            out.contradictions.extend([(a, b), (b, a)]);
            out.comparable[a as usize] = true;
            out.comparable[b as usize] = true;
            out.discrepancies.push(Discrepancy {
                kind: DiscrepancyKind::Status,
                subtype: None,
                severity: Severity::Medium,
                event: cx.event,
                claim_kind: kind,
                group: fa.group.to_string(),
                claims: [a, b],
                ratio: None,
                people: None,
                explanation: format!(
                    "{} — the same dead as civilians and as fighters.",
                    explain(ds, analysis, a, b, None).trim_end_matches('.')
                ),
            });
        }
    }
}

/// A question with more current claims than this compares each claimant through its lowest
/// and highest figure (per stance), so a huge event costs claimants², not claims².
pub const MAX_COMPARED: usize = 64;

/// The claims of one question that are compared pairwise: all of them, or for a big question
/// each claimant's lowest and highest figure for each stance (and its first statement).
fn representatives(ds: &Dataset, analysis: &Analysis, claims: &[u32]) -> Vec<u32> {
    if claims.len() <= MAX_COMPARED {
        return claims.to_vec();
    }
    let mut extremes: HashMap<(&str, Stance), (u32, u32)> = HashMap::new();
    for &c in claims {
        let claim = &ds.claims[c as usize];
        let key = (analysis.facts[c as usize].claimant.as_ref(), claim.stance);
        let size = |c: u32| {
            ds.claims[c as usize]
                .quantity
                .map_or(0, |q| q.high.unwrap_or(q.low))
        };
        let entry = extremes.entry(key).or_insert((c, c));
        if size(c) < size(entry.0) {
            entry.0 = c;
        }
        if size(c) > size(entry.1) {
            entry.1 = c;
        }
    }
    let mut kept: Vec<u32> = extremes.into_values().flat_map(|(a, b)| [a, b]).collect();
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// What one event's comparisons share.
struct Context<'a> {
    ds: &'a Dataset,
    analysis: &'a Analysis,
    settings: &'a Settings,
    event: usize,
    /// The current statements of the event, each read once.
    readings: &'a HashMap<u32, Reading>,
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
    let mut sides: Option<Vec<&str>> = None;
    for c in statements {
        let sides = sides.get_or_insert_with(|| event_sides(analysis, event));
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        readings.insert(c, read(ds, claim, facts, sides));
    }
    readings
}

fn relate(
    cx: &Context<'_>,
    (kind, group): (ClaimKind, &str),
    [a, b]: [u32; 2],
    out: &mut Comparisons,
) {
    let (ds, analysis, settings, event) = (cx.ds, cx.analysis, cx.settings, cx.event);
    let (fa, fb) = (&analysis.facts[a as usize], &analysis.facts[b as usize]);
    let (ca, cb) = (&ds.claims[a as usize], &ds.claims[b as usize]);
    if fa.claimant == fb.claimant {
        two_figures(ds, analysis, settings, event, (kind, group), [a, b], out);
        return;
    }
    if kind == ClaimKind::Other && ca.stance == cb.stance {
        // Two "other" statements meet only when one denies what the other says.
        return;
    }
    let same_side = fa.side.is_some() && fa.side == fb.side;
    let opposing = fa.side.is_some() && fb.side.is_some() && fa.side != fb.side;
    let (relation, gap, subtype) = if kind.is_numeric() {
        let (mut relation, gap) = compare_figures(ca, cb, settings);
        if same_side && relation == Relation::Contradicts {
            // One voice giving two figures: listed, never a contradiction of itself.
            two_figures(ds, analysis, settings, event, (kind, group), [a, b], out);
            return;
        }
        if relation == Relation::Contradicts && !denial_covers(ds, analysis, event, [a, b]) {
            relation = Relation::Neither;
        }
        let subtype = (ca.stance != cb.stance).then_some("denial");
        (relation, gap, subtype)
    } else if same_side {
        // One voice: a side neither contradicts nor confirms itself.
        return;
    } else {
        let (Some(ra), Some(rb)) = (cx.readings.get(&a), cx.readings.get(&b)) else {
            return;
        };
        let (relation, subtype) = compare_propositions(kind, [ra, rb]);
        (relation, None, subtype)
    };
    out.comparable[a as usize] = true;
    out.comparable[b as usize] = true;
    match relation {
        Relation::Corroborates => out.corroborations.extend([(a, b), (b, a)]),
        Relation::Contradicts => {
            // Two exact figures a little apart are listed, but count against no one.
            if !gap.is_some_and(|g| g.close) {
                out.contradictions.extend([(a, b), (b, a)]);
            }
            let kind_of = if kind.is_numeric() {
                DiscrepancyKind::Numeric
            } else {
                DiscrepancyKind::Contradiction
            };
            // Statements have no magnitude to weigh: a contradiction between them is medium.
            let severity = if kind.is_numeric() {
                severity(gap, opposing, settings)
            } else {
                Severity::Medium
            };
            out.discrepancies.push(Discrepancy {
                kind: kind_of,
                subtype,
                severity,
                event,
                claim_kind: ca.kind,
                group: group.to_owned(),
                claims: [a, b],
                ratio: gap.map(|g| g.ratio),
                people: gap.map(|g| g.people),
                explanation: explain(ds, analysis, a, b, gap.map(|g| g.ratio)),
            });
        }
        Relation::Neither => {}
    }
}

/// One claimant (or claimants of one side) giving two figures for the same thing at the same
/// time (both current): a discrepancy of low severity, which contradicts no one else.
fn two_figures(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    event: usize,
    (kind, group): (ClaimKind, &str),
    [a, b]: [u32; 2],
    out: &mut Comparisons,
) {
    let (ca, cb) = (&ds.claims[a as usize], &ds.claims[b as usize]);
    if !kind.is_numeric() || ca.stance != cb.stance {
        return;
    }
    let (Some(qa), Some(qb)) = (ca.quantity, cb.quantity) else {
        return;
    };
    let Some(gap) = numeric_gap(qa, qb, settings) else {
        return;
    };
    out.discrepancies.push(Discrepancy {
        kind: DiscrepancyKind::Numeric,
        subtype: Some("two figures"),
        severity: Severity::Low,
        event,
        claim_kind: kind,
        group: group.to_owned(),
        claims: [a, b],
        ratio: Some(gap.ratio),
        people: Some(gap.people),
        explanation: explain(ds, analysis, a, b, Some(gap.ratio)),
    });
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

/// A part against its wholes (children against civilians, civilians against everyone): a
/// part's floor above another claimant's ceiling for the whole is `part_exceeds_total`; a
/// figure-less denial of the whole ("no one was killed") contradicts an assertion about a part.
fn parts_and_totals(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    event: usize,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
    out: &mut Comparisons,
) {
    for ((kind, part_group), parts) in questions {
        if !kind.is_numeric() {
            continue;
        }
        let wholes = questions
            .iter()
            .filter(|((k, g), _)| k == kind && g != part_group && is_part_of(part_group, g));
        let parts = representatives(ds, analysis, parts);
        for (_, totals) in wholes {
            for &part in &parts {
                for &total in &representatives(ds, analysis, totals) {
                    part_against_whole(ds, analysis, settings, event, [part, total], out);
                }
            }
        }
    }
}

fn part_against_whole(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    event: usize,
    [part, total]: [u32; 2],
    out: &mut Comparisons,
) {
    let (fp, ft) = (
        &analysis.facts[part as usize],
        &analysis.facts[total as usize],
    );
    let (cp, ct) = (&ds.claims[part as usize], &ds.claims[total as usize]);
    let same_side = fp.side.is_some() && fp.side == ft.side;
    if fp.claimant == ft.claimant || same_side {
        return;
    }
    let opposing = fp.side.is_some() && ft.side.is_some() && fp.side != ft.side;
    let (kind, gap, subtype, explanation) = match (cp.quantity, ct.quantity, cp.stance, ct.stance) {
        // The whole denied outright, a part said to have happened.
        (q, None, Stance::Asserts, Stance::Denies)
            if q.is_none_or(|q| q.high != Some(0))
                && denial_covers(ds, analysis, event, [part, total]) =>
        {
            (
                DiscrepancyKind::Numeric,
                None,
                Some("denial"),
                explain(ds, analysis, part, total, None),
            )
        }
        (Some(qp), Some(qt), Stance::Asserts, Stance::Asserts) => {
            let Some(total_high) = qt.high.filter(|&h| qp.low > h) else {
                return;
            };
            let ratio = if total_high == 0 {
                f64::INFINITY
            } else {
                f64::from(qp.low) / f64::from(total_high)
            };
            let gap = Gap {
                ratio,
                people: qp.low - total_high,
                close: false,
            };
            let why = format!(
                "{} — a part larger than another claimant's total.",
                explain(ds, analysis, part, total, None).trim_end_matches('.')
            );
            (DiscrepancyKind::PartExceedsTotal, Some(gap), None, why)
        }
        _ => return,
    };
    out.contradictions.extend([(part, total), (total, part)]);
    out.comparable[part as usize] = true;
    out.comparable[total as usize] = true;
    out.discrepancies.push(Discrepancy {
        kind,
        subtype,
        severity: severity(gap, opposing, settings),
        event,
        claim_kind: cp.kind,
        group: fp.group.to_string(),
        claims: [part, total],
        ratio: gap.map(|g| g.ratio),
        people: gap.map(|g| g.people),
        explanation,
    });
}

/// Whether a figure-less denial reaches the other claim of the pair. A denial that cites a
/// figure ("disputes the toll of 40") denies the claims giving that figure; one that names
/// claimants ("figures released by the ministry") denies theirs; one that names neither
/// denies every assertion of its kind and group. Any other contradiction is kept.
fn denial_covers(ds: &Dataset, analysis: &Analysis, event: usize, pair: [u32; 2]) -> bool {
    let claim = |c: u32| &ds.claims[c as usize];
    let Some(&denial) = pair
        .iter()
        .find(|&&c| claim(c).stance == Stance::Denies && claim(c).quantity.is_none())
    else {
        return true;
    };
    let Some(&target) = pair.iter().find(|&&c| c != denial) else {
        return true;
    };
    let detail = ds.opt_str(claim(denial).detail);
    let figures = figures_in(detail);
    if !figures.is_empty() {
        // The figure as stated: one of its bounds.
        return claim(target)
            .quantity
            .is_some_and(|q| figures.iter().any(|&n| q.low == n || q.high == Some(n)));
    }
    let words = subject_words(detail);
    let names = |c: u32| -> Vec<String> {
        let f = &analysis.facts[c as usize];
        let mut text = f.claimant.to_string();
        if let Some(side) = &f.side {
            text.push(' ');
            text.push_str(side);
        }
        subject_words(&text)
    };
    let named = |c: u32| names(c).iter().any(|w| words.contains(w));
    let others = analysis
        .events
        .get(event)
        .map(|e| e.claims.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|&&c| {
            let (f, d) = (
                &analysis.facts[c as usize],
                &analysis.facts[denial as usize],
            );
            f.claimant != d.claimant && (f.side.is_none() || f.side != d.side)
        });
    let names_someone = others.clone().any(|&c| named(c));
    !names_someone || named(target)
}

/// The whole numbers a text gives ("the toll of 40", "22 Taliban").
fn figures_in(text: &str) -> Vec<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let digits: String = w
                .trim_matches(|c: char| !c.is_ascii_digit())
                .chars()
                .filter(|c| *c != ',')
                .collect();
            let n: u32 = digits.parse().ok()?;
            // "12 June" is a date, not a toll.
            let next = words
                .get(i + 1)
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            let a_date = n <= 31 && MONTHS.iter().any(|m| next.starts_with(m));
            (!a_date).then_some(n)
        })
        .collect()
}

/// The words of a text that can name something: four letters or more, without a plural s.
fn subject_words(text: &str) -> Vec<String> {
    crate::core::analysis::places::fold_words(text)
        .into_iter()
        .map(|w| w.trim_end_matches('s').to_owned())
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
        .collect()
}

/// Short words that name nothing.
const COMMON: [&str; 12] = [
    "the", "and", "for", "not", "was", "had", "has", "are", "but", "all", "its", "who",
];

/// Whether a claimant of this type and side is speaking of its own or its adversary's losses.
pub fn interested(facts: &ClaimFacts, kind: ClaimKind) -> Option<&'static str> {
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
        "own losses"
    } else {
        "adversary's losses"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_denial_citing_a_figure_or_a_name_reaches_only_those() {
        assert_eq!(figures_in("disputes the toll of 40 given"), vec![40]);
        assert_eq!(figures_in("disputes the toll of 1,200"), vec![1200]);
        assert_eq!(
            figures_in("reports of 12 June were false"),
            Vec::<u32>::new()
        );
        assert!(figures_in("rejects the reports").is_empty());
        let words = subject_words("figures released by Hamas-run authorities");
        assert!(words.contains(&"hama".to_owned()), "{words:?}");
    }
}
