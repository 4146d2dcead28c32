//! The rules between two current claims of one question (kind and group in an event): how
//! their figures or statements relate, and a discrepancy when they cannot both be right.

use crate::core::analysis::discrepancy::{Discrepancy, DiscrepancyKind, Severity, Subtype};
use crate::core::analysis::pairs::{Comparisons, Context, denial_covers_in};
use crate::core::analysis::rules::figures::{
    compare_figures, floor_far_below, numeric_gap, severity,
};
use crate::core::analysis::rules::propositions::compare_propositions;
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Name, Relation};
use crate::core::model::{ClaimKind, Dataset};

/// Relates two current claims of one question: corroboration, contradiction (with its
/// discrepancy), or one voice's two figures.
pub(crate) fn relate(
    cx: &Context<'_>,
    (kind, group): (ClaimKind, &Name),
    [a, b]: [u32; 2],
    out: &mut Comparisons,
) {
    let (ds, analysis, settings, event) = (cx.ds, cx.analysis, cx.settings, cx.event);
    let (fa, fb) = (&analysis.facts[a as usize], &analysis.facts[b as usize]);
    let (ca, cb) = (&ds.claims[a as usize], &ds.claims[b as usize]);
    // Claimants and sides told apart by their shared names (one per text in an analysis).
    if fa.claimant.id() == fb.claimant.id() {
        two_figures(ds, settings, event, (kind, group), [a, b], out);
        return;
    }
    let (side_a, side_b) = (
        fa.side.as_ref().map(Name::id),
        fb.side.as_ref().map(Name::id),
    );
    let same_side = side_a.is_some() && side_a == side_b;
    let opposing = side_a.is_some() && side_b.is_some() && side_a != side_b;
    let (relation, gap, subtype) = if kind.is_numeric() {
        let (mut relation, gap) = compare_figures(ca, cb, settings);
        let far_apart = || match (ca.quantity, cb.quantity) {
            (Some(qa), Some(qb)) => floor_far_below(qa, qb, settings).is_some(),
            _ => false,
        };
        if same_side && (relation == Relation::Contradicts || far_apart()) {
            // One voice giving two figures: listed, never a contradiction of itself.
            two_figures(ds, settings, event, (kind, group), [a, b], out);
            return;
        }
        if relation == Relation::Contradicts && !denial_covers_in(cx, [a, b]) {
            relation = Relation::Neither;
        }
        let subtype = (ca.stance != cb.stance).then_some(Subtype::Denial);
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
    out.compared(a, b);
    match relation {
        Relation::Corroborates => out.corroborations.push((a, b)),
        Relation::Contradicts => {
            // Two exact figures a little apart are listed, but count against no one.
            if !gap.is_some_and(|g| g.close) {
                out.contradictions.push((a, b));
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
                group: group.clone(),
                claims: [a, b],
                ratio: gap.map(|g| g.ratio),
                people: gap.map(|g| g.people),
            });
        }
        Relation::Neither => {}
    }
}

/// One claimant (or claimants of one side) giving two figures for the same thing at the same
/// time (both current): a discrepancy of low severity, which contradicts no one else.
fn two_figures(
    ds: &Dataset,
    settings: &Settings,
    event: usize,
    (kind, group): (ClaimKind, &Name),
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
    let Some(gap) = numeric_gap(qa, qb, settings).or_else(|| floor_far_below(qa, qb, settings))
    else {
        return;
    };
    if is_breakdown(ds, [a, b]) {
        return;
    }
    out.discrepancies.push(Discrepancy {
        kind: DiscrepancyKind::Numeric,
        subtype: Some(Subtype::TwoFigures),
        severity: Severity::Low,
        event,
        claim_kind: kind,
        group: group.clone(),
        claims: [a, b],
        ratio: Some(gap.ratio),
        people: Some(gap.people),
    });
}

/// Whether the smaller of one voice's two figures says what part of the larger it counts ("one
/// when a fighter set off a suicide vest" beside "two non-combatants"; "86 killed on the first
/// day" beside 87): a breakdown of the larger figure, not a second figure for it.
fn is_breakdown(ds: &Dataset, [a, b]: [u32; 2]) -> bool {
    let (ca, cb) = (&ds.claims[a as usize], &ds.claims[b as usize]);
    let (Some(qa), Some(qb)) = (ca.quantity, cb.quantity) else {
        return false;
    };
    let (small, large) = if qa.low <= qb.low { (ca, cb) } else { (cb, ca) };
    let (Some(qs), Some(ql)) = (small.quantity, large.quantity) else {
        return false;
    };
    let below = qs.high().unwrap_or(qs.low) <= ql.high().unwrap_or(u32::MAX);
    below && small.detail.is_some() && large.detail.is_none()
}
