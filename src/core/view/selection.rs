//! Which claims the filters keep, worked out once per change and shared by every view: the
//! timeline, the event list, the discrepancy list, the scorecard and the claims table.

use crate::core::analysis::Analysis;
use crate::core::model::Dataset;
use crate::core::view::filter::{Filter, TextSearch};

/// The place a claim is counted under: its event's place, or the place as written.
pub fn place_of<'a>(ds: &'a Dataset, analysis: &'a Analysis, claim: u32) -> &'a str {
    let event = analysis
        .facts
        .get(claim as usize)
        .and_then(|f| f.event)
        .and_then(|e| analysis.events.get(e as usize));
    match event {
        Some(e) if !e.location.is_empty() => &e.location,
        _ => ds
            .claims
            .get(claim as usize)
            .map_or("", |c| ds.opt_str(c.location)),
    }
}

/// The claims the filter keeps (every filter but the claim kind, which only the timeline uses).
#[derive(Clone, Debug, Default)]
pub struct Selection {
    shown: Vec<bool>,
    count: usize,
}

impl Selection {
    /// The claims `filter` keeps. Until the analysis is done only the text search applies.
    pub fn new(ds: &Dataset, analysis: Option<&Analysis>, filter: &Filter) -> Self {
        let search = TextSearch::new(ds, &filter.search);
        let Some(analysis) = analysis else {
            let shown: Vec<bool> = ds.claims.iter().map(|c| search.matches(ds, c)).collect();
            let count = shown.iter().filter(|&&s| s).count();
            return Self { shown, count };
        };
        // Whether each event's place is kept, decided once per event rather than per claim.
        let event_kept: Vec<bool> = analysis
            .events
            .iter()
            .map(|e| filter.places.is_empty() || filter.places.contains(&e.location))
            .collect();
        let shown: Vec<bool> = ds
            .claims
            .iter()
            .zip(&analysis.facts)
            .map(|(claim, facts)| {
                let place_kept = filter.places.is_empty()
                    || match facts.event {
                        Some(e) => event_kept.get(e as usize).copied().unwrap_or(false),
                        None => filter.places.contains(ds.opt_str(claim.location)),
                    };
                place_kept
                    && (filter.groups.is_empty() || filter.groups.contains(facts.group.as_ref()))
                    && filter.shows(&facts.claimant, facts.source_type, claim.event_start)
                    && search.matches(ds, claim)
            })
            .collect();
        let count = shown.iter().filter(|&&s| s).count();
        Self { shown, count }
    }

    /// Whether claim `c` is kept.
    pub fn shows(&self, c: u32) -> bool {
        self.shown.get(c as usize).copied().unwrap_or(false)
    }

    /// A discrepancy is listed when either of its claims is kept: searching or keeping one
    /// source lists every dispute it is party to, with the other side's claim beside it.
    pub fn keeps_discrepancy(&self, d: &crate::core::analysis::Discrepancy) -> bool {
        d.claims.iter().any(|&c| self.shows(c))
    }

    /// An event is listed when any of its claims is kept.
    pub fn keeps_event(&self, e: &crate::core::analysis::Event) -> bool {
        e.claims.iter().any(|&c| self.shows(c))
    }

    /// How many claims are kept.
    pub fn count(&self) -> usize {
        self.count
    }
}

/// Sources with at least one claim the selection keeps.
pub fn kept_sources<'a>(
    analysis: &'a Analysis,
    selection: &Selection,
) -> std::collections::HashSet<&'a str> {
    analysis
        .facts
        .iter()
        .enumerate()
        .filter(|(i, _)| u32::try_from(*i).is_ok_and(|c| selection.shows(c)))
        .map(|(_, f)| f.claimant.as_ref())
        .collect()
}

/// The places and groups the data speaks of, each with its number of claims, most first:
/// the lists the filter panel offers.
#[derive(Clone, Debug, Default)]
pub struct Facets {
    pub places: Vec<(String, usize)>,
    pub groups: Vec<(String, usize)>,
}

impl Facets {
    pub fn new(ds: &Dataset, analysis: &Analysis) -> Self {
        let mut places: std::collections::HashMap<&str, usize> = Default::default();
        let mut groups: std::collections::HashMap<&str, usize> = Default::default();
        for (i, facts) in analysis.facts.iter().enumerate() {
            let Ok(c) = u32::try_from(i) else { break };
            *places.entry(place_of(ds, analysis, c)).or_default() += 1;
            *groups.entry(facts.group.as_ref()).or_default() += 1;
        }
        Self {
            places: ranked(places),
            groups: ranked(groups),
        }
    }
}

fn ranked(counts: std::collections::HashMap<&str, usize>) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(name, _)| !name.is_empty())
        .map(|(name, n)| (name.to_owned(), n))
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}
