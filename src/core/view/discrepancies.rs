//! The discrepancy list: which discrepancies the Discrepancies tab lists, and in what order.

use serde::{Deserialize, Serialize};

use crate::core::analysis::{Analysis, Discrepancy, DiscrepancyKind, Severity};
use crate::core::model::SourceType;

/// The filter of the Findings and Discrepancies tabs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiscrepancyFilter {
    /// Only this severity or worse.
    pub min_severity: Option<Severity>,
    pub kind: Option<DiscrepancyKind>,
    /// Only discrepancies between these two source types (either way round).
    pub types: Option<TypePair>,
    /// Only discrepancies one of whose claimants is this party ("every dispute involving
    /// SANA", "… involving state media").
    #[serde(default)]
    pub involving: Option<Party>,
    /// The column the list is sorted by (most severe first when none), and the direction.
    pub sort: Option<DiscrepancyColumn>,
    pub descending: bool,
}

/// A party to a dispute: one source, every source of a type, or every source of a side.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Source(String),
    Type(SourceType),
    Side(String),
}

impl Party {
    /// Whether a claim's claimant is this party.
    pub fn is(&self, facts: &crate::core::analysis::ClaimFacts) -> bool {
        match self {
            Self::Source(name) => facts.claimant.as_ref() == name,
            Self::Type(t) => facts.source_type == *t,
            Self::Side(side) => facts.side.as_deref() == Some(side.as_str()),
        }
    }

    /// "SANA", "any state media source", "the Syrian government side".
    pub fn label(&self) -> String {
        match self {
            Self::Source(name) => name.clone(),
            Self::Type(t) => format!("any {}", t.as_str().replace('_', " ")),
            Self::Side(side) => format!("the {side} side"),
        }
    }
}

/// A sortable column of the discrepancy list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiscrepancyColumn {
    Severity,
    Kind,
    Place,
    Date,
    Sources,
}

/// Two source types, the lesser first, so a pair reads the same either way round.
pub type TypePair = (SourceType, SourceType);

/// The source types of the two sides of a discrepancy.
pub fn type_pair(analysis: &Analysis, d: &Discrepancy) -> TypePair {
    let [a, b] = d.claims.map(|c| {
        analysis
            .facts
            .get(c as usize)
            .map_or(SourceType::Other, |f| f.source_type)
    });
    (a.min(b), a.max(b))
}

impl DiscrepancyFilter {
    pub fn keeps(&self, analysis: &Analysis, d: &Discrepancy) -> bool {
        self.min_severity.is_none_or(|s| d.severity >= s)
            && self.kind.is_none_or(|k| d.kind == k)
            && self.types.is_none_or(|t| type_pair(analysis, d) == t)
            && self.involving.as_ref().is_none_or(|party| {
                d.claims
                    .iter()
                    .any(|&c| analysis.facts.get(c as usize).is_some_and(|f| party.is(f)))
            })
    }
}

/// Orders the listed discrepancies by the chosen column; ties keep the most severe first.
pub fn sort_rows(analysis: &Analysis, rows: &mut [usize], filter: &DiscrepancyFilter) {
    let Some(column) = filter.sort else { return };
    let key = |i: &usize| -> (String, usize) {
        let d = &analysis.discrepancies[*i];
        let event = analysis.events.get(d.event);
        let text = match column {
            DiscrepancyColumn::Severity => format!("{}", 2 - d.severity as u8),
            DiscrepancyColumn::Kind => d.kind.as_str().to_owned(),
            DiscrepancyColumn::Place => {
                event.map(|e| e.location.to_lowercase()).unwrap_or_default()
            }
            DiscrepancyColumn::Date => event.map(|e| e.date_from.to_string()).unwrap_or_default(),
            DiscrepancyColumn::Sources => {
                analysis.facts[d.claims[0] as usize].claimant.to_lowercase()
            }
        };
        (text, *i)
    };
    rows.sort_by_cached_key(key);
    if filter.descending {
        rows.reverse();
    }
}
