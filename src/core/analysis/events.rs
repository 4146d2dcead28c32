//! Grouping claims into events: by `event_id`, or by place and an anchored date window.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt};

use chrono::NaiveDate;

use crate::core::analysis::places::{Gazetteer, PlaceKey, proper_names};
use crate::core::analysis::settings::{Aliases, EventEdits, Settings};
use crate::core::model::Dataset;
use crate::core::parse::dates::days_between;

/// Claims about one happening.
#[derive(Clone, Debug)]
pub struct Event {
    /// Deterministic: the place and first date (`kobane-2015-06-25`), or the file's `event_id`.
    pub id: String,
    pub place: Option<PlaceKey>,
    pub location: String,
    pub date_from: NaiveDate,
    pub date_to: NaiveDate,
    /// Claim indices, in file order.
    pub claims: Vec<u32>,
    /// Claims totalling a period longer than the window, compared only with each other.
    pub period: bool,
    /// How many claimants speak of it.
    pub sources: usize,
    /// How many discrepancies it has.
    pub disputes: usize,
}

/// Where each claim resolved and which event it belongs to.
pub struct EventIndex {
    pub events: Vec<Event>,
    /// Event of each claim, by claim index.
    pub event_of: Vec<Option<u32>>,
    /// Per claim: its place was resolved only from a description.
    pub approximate: Vec<bool>,
    /// Places as written left unresolved because several towns share the name.
    pub ambiguous: Vec<String>,
    /// The analyst's event edits that could not be made, and why.
    pub unmade_edits: Vec<String>,
}

/// Each distinct place a claim gives, resolved once: by its location as written, else by its
/// point (the town within 10 km, else the point itself to 0.01°, about a kilometre).
#[derive(Default)]
struct PlaceTable {
    resolved: HashMap<crate::core::model::strings::Sym, (usize, bool)>,
    by_point: HashMap<(i32, i32), (usize, bool)>,
    keys: Vec<PlaceKey>,
    index: HashMap<PlaceKey, usize>,
    /// The place as first written, per key.
    first_name: Vec<String>,
    /// Places as written that name a town several towns share, with no parent to tell which.
    ambiguous: std::collections::BTreeSet<String>,
}

impl PlaceTable {
    fn key_of(&mut self, key: PlaceKey, written: &str) -> usize {
        let next = self.keys.len();
        let at = *self.index.entry(key.clone()).or_insert(next);
        if at == next {
            self.keys.push(key);
            self.first_name.push(written.to_owned());
        }
        at
    }

    /// The place of a claim (an index into `keys`) and whether it is approximate.
    fn place(
        &mut self,
        ds: &Dataset,
        claim: &crate::core::model::Claim,
        aliases: &Aliases,
    ) -> Option<(usize, bool)> {
        let gazetteer = Gazetteer::builtin();
        match (claim.location, ds.coords(claim)) {
            (Some(sym), _) => {
                if let Some(&found) = self.resolved.get(&sym) {
                    return Some(found);
                }
                let r = gazetteer.resolve(ds.str(sym), &aliases.places);
                if r.ambiguous {
                    self.ambiguous.insert(ds.str(sym).to_owned());
                }
                let found = (self.key_of(r.key, ds.str(sym)), r.approximate);
                self.resolved.insert(sym, found);
                Some(found)
            }
            (None, Some([lat, lon])) => {
                let cell = ((lat * 100.0).round() as i32, (lon * 100.0).round() as i32);
                if let Some(&found) = self.by_point.get(&cell) {
                    return Some(found);
                }
                let found = match gazetteer.nearest([lat, lon], NEAR_KM) {
                    Some(town) => {
                        let name = gazetteer.place(town).map_or("", |p| p.name.as_str());
                        (self.key_of(PlaceKey::Known(town), name), true)
                    }
                    None => {
                        let name = format!("{lat:.2}, {lon:.2}");
                        (self.key_of(PlaceKey::Unknown(name.clone()), &name), false)
                    }
                };
                self.by_point.insert(cell, found);
                Some(found)
            }
            (None, None) => None,
        }
    }
}

pub fn build_events(ds: &Dataset, settings: &Settings, aliases: &Aliases) -> EventIndex {
    let gazetteer = Gazetteer::builtin();
    let mut table = PlaceTable::default();
    let mut approximate = Vec::with_capacity(ds.claims.len());
    // Explicit ids, each compiler's apart: (compiler or "", id); else (period?, place).
    let mut by_id: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    let mut by_place: HashMap<(bool, usize), Vec<u32>> = HashMap::new();
    for (i, claim) in ds.claims.iter().enumerate() {
        let Ok(index) = u32::try_from(i) else { break };
        let place = table.place(ds, claim, aliases);
        if let Some(id) = claim.event_id {
            by_id
                .entry((ds.opt_str(claim.compiled_by), ds.str(id)))
                .or_default()
                .push(index);
        } else if let Some((at, _)) = place {
            let span = days_between(claim.event_start, claim.event_end);
            let period = span >= i64::from(settings.window_days.max(1));
            by_place.entry((period, at)).or_default().push(index);
        }
        approximate.push(place.is_some_and(|(_, approx)| approx));
    }
    let PlaceTable {
        keys: place_keys,
        index: place_index,
        first_name,
        ambiguous,
        ..
    } = table;
    let written: Vec<&str> = first_name.iter().map(String::as_str).collect();
    let mut by_place = merge_places(by_place, &place_keys, &written);
    by_place.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut events, compiled) = id_events(ds, by_id, aliases);
    for ((period, key), mut claims) in by_place {
        // By date (then claim order): the dates read once into keys, not at each comparison.
        let mut keyed: Vec<_> = claims
            .iter()
            .map(|&c| (ds.claims[c as usize].event_start, c))
            .collect();
        keyed.sort_unstable();
        claims.clear();
        claims.extend(keyed.into_iter().map(|(_, c)| c));
        let name = gazetteer.name(&key).map(str::to_owned).unwrap_or_else(|| {
            let at = place_index.get(&key).copied().unwrap_or(usize::MAX);
            first_name.get(at).cloned().unwrap_or_default()
        });
        let slug = match &key {
            PlaceKey::Known(i) => gazetteer
                .place(*i)
                .map_or_else(String::new, |p| p.id.replace('_', "-")),
            PlaceKey::Unknown(folded) => folded.clone(),
        };
        for run in anchored_runs(ds, &claims, settings.window_days, period) {
            let mut event = new_event(ds, run, period);
            event.place = Some(key.clone());
            event.location = name.clone();
            let kind = if period { "period-" } else { "" };
            event.id = format!("{slug}-{kind}{}", event.date_from);
            events.push(event);
        }
    }
    join_compiled_incidents(ds, &compiled, settings.window_days, &mut events);
    dedupe_ids(&mut events);
    let unmade_edits = if aliases.events.is_empty() {
        Vec::new()
    } else {
        apply_edits(ds, &aliases.events, &mut events)
    };
    let mut event_of = vec![None; ds.claims.len()];
    for (e, event) in events.iter().enumerate() {
        for &c in &event.claims {
            event_of[c as usize] = u32::try_from(e).ok();
        }
    }
    EventIndex {
        events,
        event_of,
        approximate,
        ambiguous: ambiguous.into_iter().collect(),
        unmade_edits,
    }
}

/// The claims of each place (and of period totals apart), with the places that are one
/// merged.
fn merge_places(
    by_place: HashMap<(bool, usize), Vec<u32>>,
    place_keys: &[PlaceKey],
    first_name: &[&str],
) -> Vec<((bool, PlaceKey), Vec<u32>)> {
    let same_as = named_places(place_keys, first_name);
    let mut merged: HashMap<(bool, usize), Vec<u32>> = HashMap::new();
    for ((period, at), claims) in by_place {
        merged
            .entry((period, same_as[at]))
            .or_default()
            .extend(claims);
    }
    merged
        .into_iter()
        .map(|((period, at), claims)| ((period, place_keys[at].clone()), claims))
        .collect()
}

/// How far from a known town a row placed only by coordinates is counted under it.
const NEAR_KM: f64 = 10.0;

/// Most distinct places whose names are compared with each other (pairwise work).
const MAX_NAMED_PLACES: usize = 5_000;

/// For each place the data names, the place it is counted under. Places the gazetteer does
/// not know are compared by the names in them (their capitalised words): two descriptions
/// naming the same places are one place ("a temporary shelter in El Fasher", "a
/// displacement shelter in El Fasher"); a description naming a place of the data and more
/// ("Musa Qala district, Helmand province" and "Helmand") is counted under that place, but
/// only when it is that place's one such description: two distinct places inside one city
/// never share an event through it.
fn named_places(keys: &[PlaceKey], written: &[&str]) -> Vec<usize> {
    let names: Vec<Vec<String>> = keys
        .iter()
        .zip(written)
        .map(|(key, w)| match key {
            PlaceKey::Unknown(_) => {
                let mut n = proper_names(w);
                n.sort_unstable();
                n.dedup();
                n
            }
            PlaceKey::Known(_) => Vec::new(),
        })
        .collect();
    let mut same_as: Vec<usize> = (0..keys.len()).collect();
    // Places are compared pairwise: past this many, they are taken as written.
    if keys.len() > MAX_NAMED_PLACES {
        return same_as;
    }
    // The same names: one place (the first one written).
    for i in 0..keys.len() {
        if names[i].is_empty() {
            continue;
        }
        if let Some(first) = (0..i).find(|&j| names[j] == names[i]) {
            same_as[i] = same_as[first];
        }
    }
    // More names than another place's: inside it, when it is its only such description.
    let wider = |i: usize| -> Option<usize> {
        (0..keys.len())
            .filter(|&j| {
                same_as[j] == j
                    && !names[j].is_empty()
                    && names[j].len() < names[i].len()
                    && names[j].iter().all(|n| names[i].contains(n))
            })
            .max_by_key(|&j| names[j].len())
    };
    let inside: Vec<Option<usize>> = (0..keys.len())
        .map(|i| if same_as[i] == i { wider(i) } else { None })
        .collect();
    for (i, outer) in inside.iter().enumerate() {
        if let Some(outer) = *outer {
            let siblings = inside.iter().filter(|o| **o == Some(outer)).count();
            if siblings == 1 {
                same_as[i] = outer;
            }
        }
    }
    // Follow a merged place to where it was merged.
    let same_as: Vec<usize> = (0..keys.len()).map(|i| same_as[same_as[i]]).collect();
    let same_as = join_joint_descriptions(&names, written, same_as);
    join_only_place_inside(&names, written, same_as)
}

/// Whether a description names several places ("Al-Foua and Adwan", "Dalori IDP camp and
/// Kofa").
fn names_several(written: &str) -> bool {
    let w = written.to_lowercase();
    w.contains(" and ") || w.contains('&') || w.contains(" or ")
}

/// A description naming several places that is not yet counted anywhere is counted under the
/// place of the data its first part names ("Dalori IDP camp and Kofa" under "Dalori II IDP
/// camp, Konduga"), when that part fits one place only.
fn join_joint_descriptions(
    names: &[Vec<String>],
    written: &[&str],
    mut same_as: Vec<usize>,
) -> Vec<usize> {
    for i in 0..names.len() {
        if names[i].is_empty() || same_as[i] != i || !names_several(written[i]) {
            continue;
        }
        let lower = written[i].to_lowercase();
        let cut = [" and ", "&", " or "]
            .iter()
            .filter_map(|sep| lower.find(sep))
            .min()
            .unwrap_or(lower.len());
        let mut first: Vec<String> = proper_names(&written[i][..cut]);
        first.sort_unstable();
        first.dedup();
        if first.is_empty() {
            continue;
        }
        let fits = |j: usize| {
            let (a, b) = (&names[j], &first);
            !a.is_empty() && (a.iter().all(|n| b.contains(n)) || b.iter().all(|n| a.contains(n)))
        };
        let mut places = (0..names.len())
            .filter(|&j| j != i && !names_several(written[j]) && fits(j))
            .map(|j| same_as[j]);
        let Some(place) = places.next() else { continue };
        if places.all(|p| p == place) {
            same_as[i] = place;
        }
    }
    same_as
}

/// A wider place ("Helmand") that the data names only as the parent of one place
/// ("Musa Qala district, Helmand province", counted under "Musa Qala") is counted under
/// that place: its claims are about the one incident the data places inside it. With two
/// places inside it, it stays apart. A description naming several places ("Al-Foua and
/// Adwan, Idlib province") is inside none of them.
fn join_only_place_inside(
    names: &[Vec<String>],
    written: &[&str],
    mut same_as: Vec<usize>,
) -> Vec<usize> {
    let several = |i: usize| names_several(written[i]);
    for j in 0..names.len() {
        if names[j].is_empty() || same_as[j] != j {
            continue;
        }
        let mut inside = (0..names.len())
            .filter(|&i| {
                same_as[i] != j
                    && !several(i)
                    && names[i].len() > names[j].len()
                    && names[j].iter().all(|n| names[i].contains(n))
            })
            .map(|i| same_as[i]);
        let Some(first) = inside.next() else { continue };
        if inside.all(|i| i == first) {
            for s in same_as.iter_mut().filter(|s| **s == j) {
                *s = first;
            }
        }
    }
    same_as
}

/// Splits claims sorted by date into events anchored at each event's first date; period
/// totals join while their spans overlap the first one's.
fn anchored_runs(ds: &Dataset, claims: &[u32], window: u32, period: bool) -> Vec<Vec<u32>> {
    let mut runs: Vec<Vec<u32>> = Vec::new();
    let mut anchor: Option<(NaiveDate, NaiveDate)> = None;
    for &c in claims {
        let claim = &ds.claims[c as usize];
        let joins = anchor.is_some_and(|(start, end)| {
            if period {
                claim.event_start <= end && claim.event_end >= start
            } else {
                days_between(start, claim.event_start) <= i64::from(window)
            }
        });
        if joins {
            if let Some(run) = runs.last_mut() {
                run.push(c);
            }
        } else {
            anchor = Some((claim.event_start, claim.event_end));
            runs.push(vec![c]);
        }
    }
    runs
}

fn new_event(ds: &Dataset, mut claims: Vec<u32>, period: bool) -> Event {
    claims.sort_unstable();
    let dates = claims.iter().map(|&c| &ds.claims[c as usize]);
    let date_from = dates
        .clone()
        .map(|c| c.event_start)
        .min()
        .unwrap_or_default();
    let date_to = dates.map(|c| c.event_end).max().unwrap_or_default();
    Event {
        id: String::new(),
        place: None,
        location: String::new(),
        date_from,
        date_to,
        claims,
        period,
        sources: 0,
        disputes: 0,
    }
}

/// The events of explicit ids; a compiler's are placed (their indices are returned), so that
/// other files' claims can join them.
fn id_events(
    ds: &Dataset,
    by_id: BTreeMap<(&str, &str), Vec<u32>>,
    aliases: &Aliases,
) -> (Vec<Event>, Vec<usize>) {
    let gazetteer = Gazetteer::builtin();
    let mut events = Vec::new();
    let mut compiled = Vec::new();
    for ((compiler, id), claims) in by_id {
        let mut event = new_event(ds, claims, false);
        event.id = if compiler.is_empty() {
            format!("id:{id}")
        } else {
            format!("id:{compiler}:{id}")
        };
        event.location = event
            .claims
            .first()
            .map(|&c| ds.opt_str(ds.claims[c as usize].location).to_owned())
            .unwrap_or_default();
        if !compiler.is_empty() {
            event.place = event
                .claims
                .iter()
                .find_map(|&c| ds.claims[c as usize].location)
                .map(|sym| gazetteer.resolve(ds.str(sym), &aliases.places).key);
            compiled.push(events.len());
        }
        events.push(event);
    }
    (events, compiled)
}

/// Claims grouped by place join a compiler's incident (UCDP, ACLED …) at the same place on
/// overlapping dates, when exactly one incident fits: the compiler's id separates only its own
/// incidents.
fn join_compiled_incidents(ds: &Dataset, compiled: &[usize], window: u32, events: &mut Vec<Event>) {
    if compiled.is_empty() {
        return;
    }
    let w = i64::from(window);
    let near = |a: &Event, b: &Event| {
        days_between(a.date_to, b.date_from) <= w && days_between(b.date_to, a.date_from) <= w
    };
    let mut joined = vec![false; events.len()];
    for p in 0..events.len() {
        if compiled.contains(&p) || events[p].period || events[p].id.starts_with("id:") {
            continue;
        }
        let mut fits = compiled
            .iter()
            .copied()
            .filter(|&i| events[i].place.is_some() && events[i].place == events[p].place)
            .filter(|&i| near(&events[i], &events[p]));
        let (Some(i), None) = (fits.next(), fits.next()) else {
            continue;
        };
        let moved = std::mem::take(&mut events[p].claims);
        let mut claims = std::mem::take(&mut events[i].claims);
        claims.extend(moved);
        regroup(ds, &mut events[i], claims);
        joined[p] = true;
    }
    let mut at = 0;
    events.retain(|_| {
        let keep = !joined[at];
        at += 1;
        keep
    });
}

/// The analyst's splits (claims taken out into an event of their own, one per label) and then
/// merges (an event's claims moved into another), by claim and event id. Says which could not
/// be made: a claim no event holds, a split named as an event already is, a merge of an event
/// that is not there.
fn apply_edits(ds: &Dataset, edits: &EventEdits, events: &mut Vec<Event>) -> Vec<String> {
    let mut unmade = Vec::new();
    if !edits.splits.is_empty() {
        split_events(ds, edits, events, &mut unmade);
    }
    for (from, into) in &edits.merges {
        let (Some(f), Some(t)) = (
            events.iter().position(|e| &e.id == from),
            events.iter().position(|e| &e.id == into),
        ) else {
            let gone = [from, into]
                .into_iter()
                .filter(|id| !events.iter().any(|e| &e.id == *id));
            let gone: Vec<&str> = gone.map(String::as_str).collect();
            unmade.push(format!(
                "merge of {from} into {into}: no event {}; not merged",
                gone.join(" nor ")
            ));
            continue;
        };
        if f == t {
            continue;
        }
        let moved = std::mem::take(&mut events[f].claims);
        let mut claims = std::mem::take(&mut events[t].claims);
        claims.extend(moved);
        regroup(ds, &mut events[t], claims);
        events.remove(f);
    }
    unmade
}

/// The claims of each split taken out of their events into one of their own.
fn split_events(
    ds: &Dataset,
    edits: &EventEdits,
    events: &mut Vec<Event>,
    unmade: &mut Vec<String>,
) {
    let mut split_off: Vec<Event> = Vec::new();
    let taken: std::collections::HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
    let mut found: std::collections::HashSet<String> = std::collections::HashSet::new();
    for event in events.iter_mut() {
        let mut labelled: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        event.claims.retain(|&c| {
            let id = ds.claim_id(&ds.claims[c as usize]);
            match edits.splits.get(&id) {
                Some(label) => {
                    found.insert(id);
                    if taken.contains(label) {
                        return true;
                    }
                    labelled.entry(label.as_str()).or_default().push(c);
                    false
                }
                None => true,
            }
        });
        let lost = !labelled.is_empty();
        for (label, claims) in labelled {
            let mut part = new_event(ds, claims, event.period);
            part.place = event.place.clone();
            part.location = event.location.clone();
            part.id = label.to_owned();
            split_off.push(part);
        }
        if lost && !event.claims.is_empty() {
            let claims = std::mem::take(&mut event.claims);
            regroup(ds, event, claims);
        }
    }
    events.retain(|e| !e.claims.is_empty());
    events.append(&mut split_off);
    let (mut refused, mut missing) = (BTreeSet::new(), BTreeSet::new());
    for (claim, label) in &edits.splits {
        if taken.contains(label) {
            refused.insert(format!(
                "split into {label}: an event already has that id; not split"
            ));
        } else if !found.contains(claim) {
            missing.insert(format!("split of claim {claim}: no such claim in the data"));
        }
    }
    unmade.extend(refused.into_iter().chain(missing));
}

/// An event made of other claims: its id, place and kind stay, its dates follow the claims.
fn regroup(ds: &Dataset, event: &mut Event, claims: Vec<u32>) {
    *event = Event {
        id: std::mem::take(&mut event.id),
        place: event.place.take(),
        location: std::mem::take(&mut event.location),
        ..new_event(ds, claims, event.period)
    };
}

fn dedupe_ids(events: &mut [Event]) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for event in events {
        let n = seen.entry(event.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            event.id = format!("{}-{}", event.id, n);
        }
    }
}
