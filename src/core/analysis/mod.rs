//! Analysis: events, current figures, discrepancies between sources, per-claim credibility
//! and a scorecard per source. Always over the whole imported set; filters only choose what
//! is shown.

pub mod compare;
pub mod events;
pub mod groups;
pub mod output;
pub mod places;
pub mod score;
pub mod settings;

use std::collections::HashMap;

pub use compare::{Discrepancy, DiscrepancyKind, Severity};
pub use events::Event;
pub use score::SourceScore;
pub use settings::{Aliases, Settings};

use crate::core::model::{Dataset, SourceType};

/// What the analysis knows about one claim.
#[derive(Clone, Debug, Default)]
pub struct ClaimFacts {
    /// The claimant after the user's aliases.
    pub claimant: String,
    pub source_type: SourceType,
    pub side: Option<String>,
    /// The normalised group.
    pub group: String,
    /// Index into [`Analysis::events`].
    pub event: Option<u32>,
    /// The claimant's latest statement on this question.
    pub current: bool,
    /// The place resolved only from a description ("a village south of Kobane").
    pub approximate_place: bool,
    pub corroborated_by: Vec<u32>,
    pub contradicted_by: Vec<u32>,
    pub comparable: bool,
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    pub credibility: u8,
    pub credibility_reason: String,
    pub interested: Option<&'static str>,
}

/// Everything the analysis derives from a dataset.
pub struct Analysis {
    pub settings: Settings,
    pub events: Vec<Event>,
    /// Per claim, by claim index.
    pub facts: Vec<ClaimFacts>,
    /// Most severe first.
    pub discrepancies: Vec<Discrepancy>,
    pub scorecard: Vec<SourceScore>,
}

/// Runs the whole analysis.
pub fn analyze(ds: &Dataset, settings: &Settings, aliases: &Aliases) -> Analysis {
    let index = events::build_events(ds, settings, aliases);
    let mut analysis = Analysis {
        settings: settings.clone(),
        facts: claim_facts(ds, aliases, &index),
        events: index.events,
        discrepancies: Vec::new(),
        scorecard: Vec::new(),
    };
    mark_current(ds, &mut analysis);
    let comparisons = compare::compare(ds, &analysis, settings);
    for (i, facts) in analysis.facts.iter_mut().enumerate() {
        facts.corroborated_by = comparisons.corroborated_by[i].clone();
        facts.contradicted_by = comparisons.contradicted_by[i].clone();
        facts.comparable = comparisons.comparable[i];
    }
    analysis.discrepancies = comparisons.discrepancies;
    analysis.discrepancies.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.ratio.unwrap_or(0.0).total_cmp(&a.ratio.unwrap_or(0.0)))
            .then(a.claims.cmp(&b.claims))
    });
    score::credibility(ds, &mut analysis);
    analysis.scorecard = score::scorecard(ds, &analysis);
    analysis
}

fn claim_facts(ds: &Dataset, aliases: &Aliases, index: &events::EventIndex) -> Vec<ClaimFacts> {
    let mut group_cache: HashMap<crate::core::strings::Sym, String> = HashMap::new();
    ds.claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let group = group_cache
                .entry(claim.group)
                .or_insert_with(|| groups::normalize_group(ds.str(claim.group), &aliases.groups))
                .clone();
            let mut facts = ClaimFacts {
                claimant: aliases.source(ds.str(claim.source)).to_owned(),
                source_type: claim.source_type,
                side: claim.side.map(|s| ds.str(s).to_owned()),
                group,
                event: index.event_of.get(i).copied().flatten(),
                current: true,
                approximate_place: index
                    .places
                    .get(i)
                    .and_then(Option::as_ref)
                    .is_some_and(|p| p.1),
                ..ClaimFacts::default()
            };
            facts.interested = compare::interested(&facts, claim.kind);
            facts
        })
        .collect()
}

/// For each claimant, event, kind and group, only the latest figure is current. A re-quote
/// keeps the claimant's own date, so it never makes an old figure newer.
fn mark_current(ds: &Dataset, analysis: &mut Analysis) {
    let mut latest: HashMap<(u32, &str, crate::core::model::ClaimKind, &str), usize> =
        HashMap::new();
    for (i, claim) in ds.claims.iter().enumerate() {
        let facts = &analysis.facts[i];
        let Some(event) = facts.event else { continue };
        let key = (
            event,
            facts.claimant.as_str(),
            claim.kind,
            facts.group.as_str(),
        );
        let when = |c: usize| {
            (
                ds.claims[c].reported_at,
                ds.claims[c].stance == crate::core::model::Stance::Asserts,
            )
        };
        latest
            .entry(key)
            .and_modify(|best| {
                if when(i) > when(*best) {
                    *best = i;
                }
            })
            .or_insert(i);
    }
    let keep: std::collections::HashSet<usize> = latest.into_values().collect();
    for (i, facts) in analysis.facts.iter_mut().enumerate() {
        if facts.event.is_some() {
            facts.current = keep.contains(&i);
        }
    }
}
