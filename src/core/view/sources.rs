//! The claimants found in a dataset, with their type, side and claim count.

use foldhash::{HashMap, HashMapExt};

use serde::Serialize;

use crate::core::import::registry::Registry;
use crate::core::model::strings::Sym;
use crate::core::model::{Dataset, SourceType};

/// One claimant as the import found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceSummary {
    pub name: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub side: Option<String>,
    pub claims: u64,
    /// Whether the built-in registry knows it.
    pub known: bool,
}

/// Every claimant, most claims first, then by name.
pub fn summarize(ds: &Dataset) -> Vec<SourceSummary> {
    let mut by_source: HashMap<(Sym, SourceType, Option<Sym>), u64> = HashMap::new();
    for claim in &ds.claims {
        *by_source
            .entry((claim.source, claim.source_type, claim.side))
            .or_default() += 1;
    }
    let registry = Registry::builtin();
    // Per source: the summary and the claim count of its most common type and side.
    let mut merged: HashMap<Sym, (SourceSummary, u64)> = HashMap::new();
    for ((source, source_type, side), claims) in by_source {
        let name = ds.str(source);
        let (entry, best) = merged.entry(source).or_insert_with(|| {
            let summary = SourceSummary {
                name: name.to_owned(),
                source_type,
                side: side.map(|s| ds.str(s).to_owned()),
                claims: 0,
                known: registry.lookup(name).is_some_and(|k| k.name == name),
            };
            (summary, 0)
        });
        // A source typed differently on some rows is shown with its most common type.
        if claims > *best {
            *best = claims;
            entry.source_type = source_type;
            entry.side = side.map(|s| ds.str(s).to_owned());
        }
        entry.claims += claims;
    }
    let mut list: Vec<SourceSummary> = merged.into_values().map(|(s, _)| s).collect();
    list.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
    list
}
