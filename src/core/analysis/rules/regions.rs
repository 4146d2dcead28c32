//! Who holds a region against who holds the places inside it: "the situation in Panjshir is
//! under Taliban control" is one event (the province), "the NRF holds parts of Dara district,
//! Panjshir" another (the district), yet the two statements cannot both be true. Control
//! statements are compared across an event and the events at places inside its place, on
//! overlapping dates.

use foldhash::{HashMap, HashMapExt};

use crate::core::analysis::Analysis;
use crate::core::analysis::events::Event;
use crate::core::analysis::pairs::{Comparisons, Context, MAX_COMPARED};
use crate::core::analysis::places::{Gazetteer, PlaceKey, proper_names};
use crate::core::analysis::rules::propositions::{SideNames, read};
use crate::core::analysis::rules::relate::relate;
use crate::core::analysis::settings::Settings;
use crate::core::model::{ClaimKind, Dataset};
use crate::core::parse::dates::days_between;

/// The current control statements of one event.
struct Holder {
    event: usize,
    names: Vec<String>,
    claims: Vec<u32>,
}

/// Compares the control statements of each event with those of the events inside its place.
pub(crate) fn control_across_regions(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    out: &mut Comparisons,
) {
    let holders = holders(ds, analysis);
    if holders.len() < 2 {
        return;
    }
    // Each name of an unknown place → the holders whose place names it, so an inner event
    // finds its regions without a pass over all of them.
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (h, holder) in holders.iter().enumerate() {
        for name in &holder.names {
            by_name.entry(name.as_str()).or_default().push(h);
        }
    }
    let mut by_key: HashMap<usize, Vec<usize>> = HashMap::new();
    for (h, holder) in holders.iter().enumerate() {
        if let Some(PlaceKey::Known(k)) = analysis.events[holder.event].place {
            by_key.entry(k).or_default().push(h);
        }
    }
    let gazetteer = Gazetteer::builtin();
    for (i, inner) in holders.iter().enumerate() {
        let mut outers: Vec<usize> = inner
            .names
            .iter()
            .filter_map(|n| by_name.get(n.as_str()))
            .flatten()
            .copied()
            .filter(|&o| {
                let outer = &holders[o];
                o != i
                    && outer.names.len() < inner.names.len()
                    && outer.names.iter().all(|n| inner.names.contains(n))
            })
            .collect();
        // Known places: the regions the gazetteer puts it in.
        if let Some(PlaceKey::Known(mut at)) = analysis.events[inner.event].place {
            for _ in 0..16 {
                let Some(parent) = gazetteer.place(at).and_then(|p| p.parent) else {
                    break;
                };
                outers.extend(by_key.get(&parent).into_iter().flatten().copied());
                at = parent;
            }
        }
        outers.sort_unstable();
        outers.dedup();
        for o in outers {
            let outer = &holders[o];
            let (eo, ei) = (&analysis.events[outer.event], &analysis.events[inner.event]);
            if overlap(eo, ei, settings.window_days) {
                compare_across(ds, analysis, settings, [outer, inner], out);
            }
        }
    }
}

/// Events with at least one current control statement, each with the names of its place.
fn holders(ds: &Dataset, analysis: &Analysis) -> Vec<Holder> {
    analysis
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.period)
        .filter_map(|(e, event)| {
            let claims: Vec<u32> = event
                .claims
                .iter()
                .copied()
                .filter(|&c| {
                    ds.claims[c as usize].kind == ClaimKind::Control
                        && analysis.facts[c as usize].current
                })
                .take(MAX_COMPARED)
                .collect();
            if claims.is_empty() {
                return None;
            }
            let mut names = match &event.place {
                Some(PlaceKey::Unknown(_)) => proper_names(&event.location),
                _ => Vec::new(),
            };
            names.sort_unstable();
            names.dedup();
            Some(Holder {
                event: e,
                names,
                claims,
            })
        })
        .collect()
}

/// Whether two events are within the window of each other.
fn overlap(a: &Event, b: &Event, window: u32) -> bool {
    let w = i64::from(window);
    days_between(a.date_to, b.date_from) <= w && days_between(b.date_to, a.date_from) <= w
}

/// Every control statement about the region against every one about the place inside it; a
/// discrepancy is listed with the inner event.
fn compare_across(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    [outer, inner]: [&Holder; 2],
    out: &mut Comparisons,
) {
    let mut sides: Vec<&str> = outer
        .claims
        .iter()
        .chain(&inner.claims)
        .filter_map(|&c| analysis.facts[c as usize].side.as_deref())
        .collect();
    sides.sort_unstable();
    sides.dedup();
    let sides = SideNames::new(&sides);
    let readings = outer
        .claims
        .iter()
        .chain(&inner.claims)
        .map(|&c| {
            let claim = &ds.claims[c as usize];
            (c, read(ds, claim, &analysis.facts[c as usize], &sides))
        })
        .collect();
    let context = Context {
        ds,
        analysis,
        settings,
        event: inner.event,
        readings: &readings,
        speakers: std::cell::OnceCell::new(),
    };
    // Control of a region is a question of no group in particular.
    let all = analysis.names.all();
    for &a in &outer.claims {
        for &b in &inner.claims {
            relate(&context, (ClaimKind::Control, &all), [a, b], out);
        }
    }
}
