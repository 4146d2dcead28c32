//! What an analyst can do to an event's grouping: split off the claims of one date or one
//! claimant, or merge it into a nearby event. Worked out once per event and analysis.

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::model::Dataset;
use crate::core::parse::dates::days_between;

/// Claims that can leave an event together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitChoice {
    /// "Claims dated 2015-06-26 (3)", "SOHR's claims (2)".
    pub label: String,
    /// Claim ids (`file:line`).
    pub claims: Vec<String>,
}

/// The splits and merges offered for one event.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventEditChoices {
    pub splits: Vec<SplitChoice>,
    /// (event id, label) of the events it can be merged into: the same place first, then any
    /// place within the window of its dates.
    pub merges: Vec<(String, String)>,
}

/// Most choices of each kind offered.
const MAX_CHOICES: usize = 12;

pub fn choices(ds: &Dataset, analysis: &Analysis, event: usize) -> EventEditChoices {
    let Some(e) = analysis.events.get(event) else {
        return EventEditChoices::default();
    };
    let id = |c: u32| ds.claim_id(&ds.claims[c as usize]);
    let mut by_date: BTreeMap<chrono::NaiveDate, Vec<String>> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for &c in &e.claims {
        by_date
            .entry(ds.claims[c as usize].event_start)
            .or_default()
            .push(id(c));
        by_source
            .entry(analysis.facts[c as usize].claimant.as_ref())
            .or_default()
            .push(id(c));
    }
    let mut splits = Vec::new();
    let mut offer =
        |groups: Vec<(String, Vec<String>)>| {
            if groups.len() > 1 {
                splits.extend(groups.into_iter().take(MAX_CHOICES).map(|(what, claims)| {
                    SplitChoice {
                        label: format!("{what} ({})", claims.len()),
                        claims,
                    }
                }));
            }
        };
    offer(
        by_date
            .into_iter()
            .map(|(date, claims)| (format!("Claims dated {date}"), claims))
            .collect(),
    );
    offer(
        by_source
            .into_iter()
            .map(|(source, claims)| (format!("{source}'s claims"), claims))
            .collect(),
    );
    let window = i64::from(analysis.settings.window_days);
    let near = |o: &crate::core::analysis::Event| {
        days_between(e.date_to, o.date_from) <= window
            && days_between(o.date_to, e.date_from) <= window
    };
    let mut merges: Vec<(bool, &crate::core::analysis::Event)> = analysis
        .events
        .iter()
        .enumerate()
        .filter(|&(i, o)| i != event && o.period == e.period && near(o))
        .map(|(_, o)| (o.place != e.place, o))
        .collect();
    merges.sort_by_key(|(other_place, o)| (*other_place, o.date_from));
    EventEditChoices {
        splits,
        merges: merges
            .into_iter()
            .take(MAX_CHOICES)
            .map(|(_, o)| {
                (
                    o.id.clone(),
                    format!(
                        "{} · {} ({} claims)",
                        o.location,
                        o.date_from,
                        o.claims.len()
                    ),
                )
            })
            .collect(),
    }
}
