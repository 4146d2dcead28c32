//! What the window remembers between runs.

use serde::{Deserialize, Serialize};

pub use crate::core::view::discrepancies::DiscrepancyFilter;

pub use crate::cli::{Tab, ThemeChoice};

impl Tab {
    pub fn title(self) -> &'static str {
        match self {
            Self::Findings => "Findings",
            Self::Timeline => "Timeline",
            Self::Map => "Map",
            Self::Pivot => "Pivot",
            Self::Events => "Events",
            Self::Discrepancies => "Discrepancies",
            Self::Sources => "Sources",
            Self::Claims => "Claims",
            Self::ImportReport => "Import report",
        }
    }
}

/// What was open when the app last closed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Session {
    #[default]
    Demo,
    Sample(crate::core::import::samples::Sample),
    Files(Vec<std::path::PathBuf>),
}

/// The Pivot tab's period and its table's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PivotSettings {
    pub period: crate::core::charts::Period,
    pub sort: crate::core::charts::PivotColumn,
    pub descending: bool,
}

impl PivotSettings {
    /// Sorts by `column`; by the same column again, the other way.
    pub fn sort_by(&mut self, column: crate::core::charts::PivotColumn) {
        self.descending = self.sort == column && !self.descending;
        self.sort = column;
    }
}

/// Persisted UI state. Runtime data (the dataset, caches, jobs) lives elsewhere.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    pub tab: Tab,
    pub theme: ThemeChoice,
    pub sort: crate::core::view::claim_rows::Sort,
    /// The filter and the timeline's settings (saved under `filter`, as before).
    #[serde(rename = "filter")]
    pub view: crate::core::workspace::ViewSettings,
    /// Which disputes the Findings and Discrepancies tabs list.
    pub discrepancy_filter: DiscrepancyFilter,
    /// Whether findings the analyst excluded are listed (at the end).
    pub show_excluded: bool,
    /// How many findings past the first page are drawn (not kept between runs).
    #[serde(skip)]
    pub findings_shown: usize,
    /// Findings (by id) whose every claim is shown (not kept between runs).
    #[serde(skip)]
    pub expanded_findings: std::collections::BTreeSet<String>,
    /// The pivot's period and the order of its table.
    pub pivot: PivotSettings,
    /// The data to reopen next time.
    pub session: Session,
    /// The user's corrections, applied to every analysis.
    pub corrections: crate::core::workspace::Corrections,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::charts::TimelineMode;
    use crate::core::model::{ClaimKind, SourceType};

    /// A storage holding one saved window state.
    struct Saved(String);

    impl eframe::Storage for Saved {
        fn get_string(&self, key: &str) -> Option<String> {
            (key == eframe::APP_KEY).then(|| self.0.clone())
        }

        fn set_string(&mut self, _key: &str, value: String) {
            self.0 = value;
        }

        fn remove_string(&mut self, _key: &str) {
            self.0.clear();
        }

        fn flush(&mut self) {}
    }

    #[test]
    fn the_window_state_saved_before_the_restructure_still_loads() {
        let text = include_str!("../../../tests/fixtures/compat/window_state.ron");
        let mut storage = Saved(text.to_owned());
        let state: UiState = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
        let (filter, timeline) = (&state.view.filter, &state.view.timeline);
        assert_eq!(timeline.kind, ClaimKind::Injured);
        assert_eq!(timeline.mode, TimelineMode::Daily);
        assert!(timeline.log);
        assert!(filter.hidden_sources.contains("SANA"));
        assert!(filter.hidden_types.contains(&SourceType::StateMedia));
        assert!(filter.places.contains("Kobane"));
        assert_eq!(filter.search, "observatory");
        assert_eq!(
            filter.from.map(|d| d.to_string()).as_deref(),
            Some("2015-06-24")
        );
        assert_eq!(
            state.corrections.source_types.get("YPG"),
            Some(&SourceType::Monitor)
        );
        assert!(matches!(state.session, Session::Files(ref f) if f.len() == 1));
        // Written again and read back, it is the same.
        eframe::set_value(&mut storage, eframe::APP_KEY, &state);
        let again: UiState = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
        assert_eq!(again.view, state.view);
    }
}
