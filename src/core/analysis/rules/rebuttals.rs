//! Rebuttals the per-pair rules cannot see. A denial that cites a figure ("calls the report
//! of 200 deaths exaggerated") against the claims giving that figure: at the same place on
//! overlapping dates, in a period total too, and from the same side: a named rebuttal is a
//! dispute whoever makes it. A statement that the attack never happened ("the reports were
//! invented") against what the other sides say it did.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use crate::core::analysis::discrepancy::{Discrepancy, DiscrepancyKind, Severity, Subtype};
use crate::core::analysis::events::Event;
use crate::core::analysis::groups::{ALL, is_part_of};
use crate::core::analysis::pairs::{Comparisons, Context, figures_in};
use crate::core::analysis::places::PlaceKey;
use crate::core::analysis::rules::attacks::denies_it_happened;
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Analysis, ClaimFacts};
use crate::core::model::{Claim, ClaimKind, Dataset, Stance};
use crate::core::parse::dates::days_between;

/// Most claims one rebuttal is set against (the figure it cites is rarely given more often).
const MAX_REBUTTED: usize = 8;

/// Lists the rebuttals the per-event comparison cannot see: across a period total or another
/// event at the same place, or within the rebutting claimant's own side.
pub(crate) fn rebuttals(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    out: &mut Comparisons,
) {
    let citing: Vec<(u32, Vec<u32>)> = (0..ds.claims.len())
        .filter_map(|c| {
            let claim = &ds.claims[c];
            let cites = claim.stance == Stance::Denies
                && claim.quantity.is_none()
                && claim.kind.is_numeric()
                && analysis.facts[c].current;
            let figures = if cites {
                figures_in(ds.opt_str(claim.detail))
            } else {
                Vec::new()
            };
            (!figures.is_empty()).then(|| (u32::try_from(c).ok(), figures))
        })
        .filter_map(|(c, f)| Some((c?, f)))
        .collect();
    if citing.is_empty() {
        return;
    }
    let mut by_place: HashMap<&PlaceKey, Vec<usize>> = HashMap::new();
    for (e, event) in analysis.events.iter().enumerate() {
        if let Some(place) = &event.place {
            by_place.entry(place).or_default().push(e);
        }
    }
    for (denial, figures) in citing {
        let fd = &analysis.facts[denial as usize];
        let Some(home) = fd.event.map(|e| e as usize) else {
            continue;
        };
        let at = &analysis.events[home];
        let events = at
            .place
            .as_ref()
            .and_then(|p| by_place.get(p))
            .map_or_else(|| vec![home], Clone::clone);
        let mut found = 0;
        for e in events {
            let event = &analysis.events[e];
            if e != home && !overlap(at, event, settings.window_days) {
                continue;
            }
            for &c in &event.claims {
                if found >= MAX_REBUTTED {
                    break;
                }
                let (claim, f) = (&ds.claims[c as usize], &analysis.facts[c as usize]);
                let same_side = f.side.is_some() && f.side == fd.side;
                // The per-event pass already sets a denial against other sides at home.
                let seen = e == home && !same_side;
                if seen || !rebuts(&ds.claims[denial as usize], fd, claim, f, &figures) {
                    continue;
                }
                found += 1;
                out.contradictions.push((denial, c));
                out.compared(denial, c);
                let opposing = fd.side.is_some() && f.side.is_some() && !same_side;
                out.discrepancies.push(Discrepancy {
                    kind: DiscrepancyKind::Numeric,
                    subtype: Some(Subtype::Denial),
                    severity: if opposing {
                        Severity::High
                    } else {
                        Severity::Medium
                    },
                    event: e,
                    claim_kind: claim.kind,
                    group: f.group.clone(),
                    claims: [c, denial],
                    ratio: None,
                    people: None,
                });
            }
        }
    }
}

/// Whether a claim is one the denial rebuts: another claimant's current assertion of the same
/// kind, about the denial's group or a part of it, giving the cited figure as a bound.
fn rebuts(denial: &Claim, fd: &ClaimFacts, claim: &Claim, f: &ClaimFacts, figures: &[u32]) -> bool {
    let groups_meet = *fd.group == *ALL || is_part_of(&f.group, &fd.group);
    f.claimant != fd.claimant
        && f.current
        && claim.kind == denial.kind
        && claim.stance == Stance::Asserts
        && groups_meet
        && claim
            .quantity
            .is_some_and(|q| figures.iter().any(|&n| q.low == n || q.high() == Some(n)))
}

/// Whether two events are within the window of each other.
fn overlap(a: &Event, b: &Event, window: u32) -> bool {
    let w = i64::from(window);
    days_between(a.date_to, b.date_from) <= w && days_between(b.date_to, a.date_from) <= w
}

/// A statement that the attack never happened ("the reports were invented") against what
/// the other sides say it did: once per claimant, against its gravest figure (the dead before
/// the wounded, the largest first).
pub(crate) fn denied_happenings(
    cx: &Context<'_>,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
    out: &mut Comparisons,
) {
    let (ds, analysis) = (cx.ds, cx.analysis);
    let denials = questions
        .iter()
        .filter(|((kind, _), _)| !kind.is_numeric())
        .flat_map(|(_, claims)| claims.iter().copied())
        .filter(|&c| {
            let claim = &ds.claims[c as usize];
            claim.stance == Stance::Denies && denies_it_happened(ds.opt_str(claim.detail))
        });
    for denial in denials {
        let fd = &analysis.facts[denial as usize];
        // Each other claimant's gravest figure.
        let mut gravest: HashMap<&str, (u32, (u8, u32))> = HashMap::new();
        for ((kind, _), claims) in questions {
            if !kind.is_numeric() {
                continue;
            }
            for &c in claims {
                let (claim, f) = (&ds.claims[c as usize], &analysis.facts[c as usize]);
                let other_side = f.side.is_none() || f.side != fd.side;
                let happened = claim.quantity.is_none_or(|q| q.high() != Some(0));
                if f.claimant == fd.claimant || !other_side || claim.stance != Stance::Asserts {
                    continue;
                }
                if !happened {
                    continue;
                }
                let rank = (
                    u8::from(*kind == ClaimKind::Killed),
                    claim.quantity.map_or(0, |q| q.high().unwrap_or(q.low)),
                );
                let entry = gravest.entry(f.claimant.as_ref()).or_insert((c, rank));
                if rank > entry.1 {
                    *entry = (c, rank);
                }
            }
        }
        let mut targets: Vec<u32> = gravest.into_values().map(|(c, _)| c).collect();
        targets.sort_unstable();
        for c in targets {
            out.contradictions.push((denial, c));
            out.compared(denial, c);
            let claim = &ds.claims[c as usize];
            out.discrepancies.push(Discrepancy {
                kind: DiscrepancyKind::Contradiction,
                subtype: Some(Subtype::Denial),
                severity: Severity::Medium,
                event: cx.event,
                claim_kind: claim.kind,
                group: analysis.facts[c as usize].group.clone(),
                claims: [c, denial],
                ratio: None,
                people: None,
            });
        }
    }
}
