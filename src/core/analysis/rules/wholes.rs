//! Rules between groups: a part against its wholes (children against civilians, civilians
//! against everyone), and the same dead under two statuses (civilians against fighters).

use std::collections::BTreeMap;

use foldhash::HashSet;

use crate::core::analysis::discrepancy::{Discrepancy, DiscrepancyKind, Severity, Subtype};
use crate::core::analysis::groups::{is_civilian, is_combatant, is_part_of};
use crate::core::analysis::pairs::{Comparisons, Context, denial_covers, representatives};
use crate::core::analysis::rules::figures::{Gap, as_claimed, severity};
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Analysis, Name, NameId};
use crate::core::model::{ClaimKind, Dataset, SourceType, Stance};

/// A part against its wholes (children against civilians, civilians against everyone): a
/// part's floor above another claimant's ceiling for the whole is `part_exceeds_total`; a
/// figure-less denial of the whole ("no one was killed") contradicts an assertion about a part.
pub(crate) fn parts_and_totals(
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
    let (kind, gap, subtype) = match (cp.quantity, ct.quantity, cp.stance, ct.stance) {
        // The whole denied outright, a part said to have happened.
        (q, None, Stance::Asserts, Stance::Denies)
            if q.is_none_or(|q| q.high() != Some(0))
                && denial_covers(ds, analysis, event, [part, total]) =>
        {
            (DiscrepancyKind::Numeric, None, Some(Subtype::Denial))
        }
        (Some(qp), Some(qt), Stance::Asserts, Stance::Asserts) => {
            let qp = as_claimed(qp, settings);
            let Some(total_high) = qt.high().filter(|&h| qp.low > h) else {
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
            (DiscrepancyKind::PartExceedsTotal, Some(gap), None)
        }
        _ => return,
    };
    out.contradictions.push((part, total));
    out.compared(part, total);
    out.discrepancies.push(Discrepancy {
        kind,
        subtype,
        severity: severity(gap, opposing, settings),
        event,
        claim_kind: cp.kind,
        group: fp.group.clone(),
        claims: [part, total],
        ratio: gap.map(|g| g.ratio),
        people: gap.map(|g| g.people),
    });
}

/// The same dead under two statuses: one side counts civilians, another (on the other side)
/// counts fighters, the same number within the tolerance, and neither gives a figure for the
/// other status in the event. A `status` discrepancy, medium.
pub(crate) fn status_disputes(
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
    let mut civilian = counted(is_civilian);
    let mut fighting = counted(is_combatant);
    // Claimants, and sides below, told apart by their shared names (one per text).
    let claimant = |c: u32| analysis.facts[c as usize].claimant.id();
    let side = |c: u32| analysis.facts[c as usize].side.as_ref().map(Name::id);
    let civilian_claimants: HashSet<NameId> = civilian.iter().map(|&(_, c)| claimant(c)).collect();
    let fighting_claimants: HashSet<NameId> = fighting.iter().map(|&(_, c)| claimant(c)).collect();
    // A claimant that counts the dead both as civilians and as fighters takes part in no pair.
    let counts_both = |&(_, c): &(ClaimKind, u32)| {
        let who = claimant(c);
        civilian_claimants.contains(&who) && fighting_claimants.contains(&who)
    };
    civilian.retain(|c| !counts_both(c));
    fighting.retain(|c| !counts_both(c));
    for &(kind, a) in &civilian {
        for &(other_kind, b) in &fighting {
            let (fa, fb) = (&analysis.facts[a as usize], &analysis.facts[b as usize]);
            let sides_differ = (fa.side.is_some() || fb.side.is_some()) && side(a) != side(b);
            if kind != other_kind || !sides_differ {
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
            let same_count = qa.high().is_some()
                && qb.high().is_some()
                && qa.point() > 0.0
                && (qa.point() - qb.point()).abs() <= tolerance;
            if !same_count {
                continue;
            }
            out.contradictions.push((a, b));
            out.compared(a, b);
            out.discrepancies.push(Discrepancy {
                kind: DiscrepancyKind::Status,
                subtype: None,
                severity: Severity::Medium,
                event: cx.event,
                claim_kind: kind,
                group: fa.group.clone(),
                claims: [a, b],
                ratio: None,
                people: None,
            });
        }
    }
}

/// An armed party whose only figure for an event's dead (or wounded …) is one of civilians or
/// a part of them ("one child was killed") against another side's total far above it: the
/// party's account of the toll is that part. Listed as `only a part`, at most medium, and
/// counted against no one: it is read from what the party leaves out.
pub(crate) fn partial_accounts(
    cx: &Context<'_>,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
    out: &mut Comparisons,
) {
    let (ds, analysis, settings) = (cx.ds, cx.analysis, cx.settings);
    for ((kind, group), claims) in questions {
        if !kind.is_numeric() || !is_civilian(group) {
            continue;
        }
        let wholes: Vec<&Vec<u32>> = questions
            .iter()
            .filter(|((k, g), _)| k == kind && g != group && is_part_of(group, g))
            .map(|(_, cs)| cs)
            .collect();
        for part in representatives(ds, analysis, claims) {
            let (cp, fp) = (&ds.claims[part as usize], &analysis.facts[part as usize]);
            let armed = fp.side.is_some()
                && matches!(
                    fp.source_type,
                    SourceType::Combatant | SourceType::Government | SourceType::StateMedia
                );
            let Some(top) = cp.quantity.and_then(|q| q.high()) else {
                continue;
            };
            let own = |c: &u32| analysis.facts[*c as usize].claimant == fp.claimant;
            if cp.stance != Stance::Asserts || !armed || wholes.iter().any(|w| w.iter().any(own)) {
                continue;
            }
            // Each other side's claimant's largest total.
            let mut largest: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
            for &total in wholes.iter().flat_map(|w| w.iter()) {
                let (ct, ft) = (&ds.claims[total as usize], &analysis.facts[total as usize]);
                let Some(low) = ct.quantity.map(|q| q.low) else {
                    continue;
                };
                if ct.stance != Stance::Asserts || (ft.side.is_some() && ft.side == fp.side) {
                    continue;
                }
                let entry = largest.entry(ft.claimant.as_ref()).or_insert((total, low));
                if low > entry.1 {
                    *entry = (total, low);
                }
            }
            for (total, low) in largest.into_values() {
                let ratio = f64::from(low) / f64::from(top.max(1));
                if top > low || ratio < settings.medium_ratio {
                    continue;
                }
                let gap = Gap {
                    ratio,
                    people: low - top,
                    close: false,
                };
                let opposing = analysis.facts[total as usize].side.is_some();
                out.compared(part, total);
                out.discrepancies.push(Discrepancy {
                    kind: DiscrepancyKind::Numeric,
                    subtype: Some(Subtype::OnlyAPart),
                    severity: severity(Some(gap), opposing, settings).min(Severity::Medium),
                    event: cx.event,
                    claim_kind: *kind,
                    group: fp.group.clone(),
                    claims: [total, part],
                    ratio: Some(ratio),
                    people: Some(gap.people),
                });
            }
        }
    }
}
