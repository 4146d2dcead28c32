//! What the views draw, derived from the data, the analysis and the filters once per change
//! of those and kept until the next: the frame only reads it.

use super::state::{DiscrepancyFilter, TypePair, UiState, type_pair};
use crate::core::analysis::Analysis;
use crate::core::charts::{BiasChart, ChartFilter, Rgb, TimelineChart, bias_chart, timeline};
use crate::core::model::Dataset;
use crate::core::selection::{Facets, Selection};
use crate::core::table::ClaimRows;

/// The analysis of the loaded data, and what the views derive from it.
pub struct Analyzed {
    pub analysis: Analysis,
    /// The analysis job it came from; every derived view is keyed by it.
    pub generation: u64,
    pub colors: std::collections::BTreeMap<String, Rgb>,
    pub facets: Facets,
    /// The source type pairs the discrepancies are between, for the pair filter.
    pub type_pairs: Vec<TypePair>,
}

impl Analyzed {
    pub fn new(analysis: Analysis, generation: u64, ds: &Dataset) -> Self {
        let mut type_pairs: Vec<TypePair> = analysis
            .discrepancies
            .iter()
            .map(|d| type_pair(&analysis, d))
            .collect();
        type_pairs.sort_unstable();
        type_pairs.dedup();
        Self {
            colors: crate::core::charts::source_colors(&analysis),
            facets: Facets::new(ds, &analysis),
            type_pairs,
            analysis,
            generation,
        }
    }
}

impl Analyzed {
    /// The names of one kind the data holds, most claims first.
    pub fn names(&self, kind: crate::core::analysis::AliasKind) -> Vec<&str> {
        use crate::core::analysis::AliasKind;
        match kind {
            AliasKind::Source => self
                .analysis
                .scorecard
                .iter()
                .map(|s| s.source.as_str())
                .collect(),
            AliasKind::Place => self.facets.places.iter().map(|(n, _)| n.as_str()).collect(),
            AliasKind::Group => self.facets.groups.iter().map(|(n, _)| n.as_str()).collect(),
        }
    }
}

/// Keys say what each part was built from; a part is rebuilt only when its key changes.
#[derive(Default)]
pub struct Derived {
    /// Bumped whenever the selection is rebuilt, so the parts built on it know.
    selection_generation: u64,
    selection_key: Option<(u64, u64, ChartFilter)>,
    pub selection: Selection,
    discrepancy_key: Option<(u64, DiscrepancyFilter)>,
    /// Discrepancies listed (indices into the analysis), in order.
    pub discrepancies: Vec<usize>,
    timeline_key: Option<(u64, ChartFilter)>,
    pub timeline: Option<TimelineChart>,
    /// Events with at least one claim kept, in the analysis' order.
    pub events: Vec<usize>,
    /// Scorecard rows of sources with at least one claim kept.
    pub sources: Vec<usize>,
    /// The bias chart of those sources.
    pub bias: BiasChart,
    pub rows: ClaimRows,
}

impl Derived {
    /// Brings every part up to date with the data, the analysis (if done) and the UI state.
    pub fn update(&mut self, ds: &Dataset, analyzed: Option<&Analyzed>, state: &UiState) {
        let analysis = analyzed.map(|a| &a.analysis);
        let key = (
            ds.revision,
            analyzed.map_or(0, |a| a.generation),
            state.filter.selecting(),
        );
        if self.selection_key.as_ref() != Some(&key) {
            self.selection = Selection::new(ds, analysis, &state.filter);
            self.selection_generation += 1;
            self.selection_key = Some(key);
            if let Some(analyzed) = analyzed {
                let a = &analyzed.analysis;
                self.events = visible_events(a, &self.selection);
                self.sources = visible_sources(a, &self.selection);
                let kept: std::collections::HashSet<&str> = self
                    .sources
                    .iter()
                    .map(|&i| a.scorecard[i].source.as_str())
                    .collect();
                self.bias = bias_chart(a, &analyzed.colors, |s| kept.contains(s));
            } else {
                self.events.clear();
                self.sources.clear();
                self.bias = BiasChart::default();
            }
        }
        let generation = self.selection_generation;
        self.rows
            .update(ds, state.sort, (generation, &self.selection));
        let Some(analyzed) = analyzed else {
            self.timeline = None;
            self.discrepancies.clear();
            return;
        };
        let a = &analyzed.analysis;
        let key = (generation, state.discrepancy_filter);
        if self.discrepancy_key != Some(key) {
            let filter = state.discrepancy_filter;
            let mut rows: Vec<usize> = a
                .discrepancies
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    filter.keeps(a, d) && d.claims.iter().all(|&c| self.selection.shows(c))
                })
                .map(|(i, _)| i)
                .collect();
            super::discrepancies_view::sort_rows(a, &mut rows, filter);
            self.discrepancies = rows;
            self.discrepancy_key = Some(key);
        }
        let key = (generation, state.filter.clone());
        if self.timeline_key.as_ref() != Some(&key) {
            self.timeline = Some(timeline(
                ds,
                a,
                &analyzed.colors,
                &state.filter,
                &self.selection,
            ));
            self.timeline_key = Some(key);
        }
    }
}

fn visible_events(a: &Analysis, selection: &Selection) -> Vec<usize> {
    a.events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.claims.iter().any(|&c| selection.shows(c)))
        .map(|(i, _)| i)
        .collect()
}

fn visible_sources(a: &Analysis, selection: &Selection) -> Vec<usize> {
    let kept = crate::core::selection::kept_sources(a, selection);
    a.scorecard
        .iter()
        .enumerate()
        .filter(|(_, s)| kept.contains(s.source.as_str()))
        .map(|(i, _)| i)
        .collect()
}
