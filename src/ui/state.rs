//! What the window remembers between runs.

use serde::{Deserialize, Serialize};

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

impl DiscrepancyFilter {
    pub fn keeps(&self, d: &crate::core::analysis::Discrepancy) -> bool {
        self.min_severity.is_none_or(|s| d.severity >= s) && self.kind.is_none_or(|k| d.kind == k)
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
    /// The user's corrections of source types, applied to every analysis.
    pub source_types: std::collections::BTreeMap<String, crate::core::model::SourceType>,
    /// Sources the user merged: name → the source it is.
    pub source_merges: std::collections::BTreeMap<String, String>,
    /// The user's corrections of sides (`None`: no side).
    pub source_sides: std::collections::BTreeMap<String, Option<String>>,
}

impl UiState {
    /// The user's corrections as the analysis takes them.
    pub fn aliases(&self) -> crate::core::analysis::Aliases {
        let mut aliases = crate::core::analysis::Aliases {
            source_types: self
                .source_types
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            ..Default::default()
        };
        aliases.source_sides = self
            .source_sides
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, means) in &self.source_merges {
            aliases.add_source(name, means);
        }
        aliases
    }
}
