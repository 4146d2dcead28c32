//! What the window remembers between runs.

use serde::{Deserialize, Serialize};

use crate::core::analysis::{Analysis, Discrepancy};
use crate::core::model::SourceType;

/// The central tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Timeline,
    Events,
    Discrepancies,
    Sources,
    Claims,
    ImportReport,
}

impl Tab {
    pub const ALL: [Self; 6] = [
        Self::Timeline,
        Self::Events,
        Self::Discrepancies,
        Self::Sources,
        Self::Claims,
        Self::ImportReport,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::Events => "Events",
            Self::Discrepancies => "Discrepancies",
            Self::Sources => "Sources",
            Self::Claims => "Claims",
            Self::ImportReport => "Import report",
        }
    }
}

/// Light, dark, or follow the system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// The Discrepancies tab's own filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DiscrepancyFilter {
    /// Only this severity or worse.
    pub min_severity: Option<crate::core::analysis::Severity>,
    pub kind: Option<crate::core::analysis::DiscrepancyKind>,
    /// Only discrepancies between these two source types (either way round).
    pub types: Option<TypePair>,
    /// The column the list is sorted by (most severe first when none), and the direction.
    pub sort: Option<DiscrepancyColumn>,
    pub descending: bool,
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
    }
}

/// What was open when the app last closed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Session {
    #[default]
    Demo,
    Sample(crate::core::samples::Sample),
    Files(Vec<std::path::PathBuf>),
}

/// Persisted UI state. Runtime data (the dataset, caches, jobs) lives elsewhere.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub tab: Tab,
    pub theme: ThemeChoice,
    pub sort: crate::core::table::Sort,
    pub filter: crate::core::charts::ChartFilter,
    /// Which discrepancies the Discrepancies tab lists.
    pub discrepancy_filter: DiscrepancyFilter,
    /// The data to reopen next time.
    pub session: Session,
    /// The user's corrections, applied to every analysis.
    pub corrections: crate::core::workspace::Corrections,
}
