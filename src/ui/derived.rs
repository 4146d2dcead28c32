//! What the views draw, derived from the data, the analysis and the filters once per change
//! of those and kept until the next: the frame only reads it.

use std::sync::Arc;

use eframe::egui;

use crate::core::analysis::Analysis;
use crate::core::analysis::score::evidence_line;
use crate::core::charts::{
    BiasChart, EventChart, MapChart, Period, Pivot, PivotColumn, TimelineChart, TimelinePanel,
    TimelineSettings, event_chart, map_chart, pivot, selected_bias_chart, timeline,
    timeline_panels,
};
use crate::core::model::Dataset;
use crate::core::view::analyzed::Analyzed;
use crate::core::view::claim_rows::ClaimRows;
use crate::core::view::discrepancies::{DiscrepancyFilter, sort_rows};
use crate::core::view::filter::Filter;
use crate::core::view::findings::Witness;
use crate::core::view::selection::{Selection, kept_sources};
use crate::core::workspace::ViewSettings;
use crate::ui::app::state::UiState;
use crate::ui::jobs::{Job, Outcome};

/// The analysis in force and the analysis job it came from: every derived view is keyed by
/// that generation.
pub type AnalyzedRef<'a> = (&'a Arc<Analyzed>, u64);

/// From this many claims on, a new selection is worked out on a thread of its own while the
/// window keeps showing the last one; below it, in the frame (it takes a few milliseconds).
const OFF_THREAD_FROM: usize = 100_000;

/// What a selection is built from: the data revision, the analysis generation, the filter.
type SelectionKey = (u64, u64, Filter);

/// The selection and the lists that follow from it alone.
#[derive(Default)]
struct Staged {
    selection: Selection,
    events: Vec<usize>,
    sources: Vec<usize>,
    bias: BiasChart,
    /// The timeline of the selection, for these settings, and its small multiples.
    timeline: Option<(TimelineSettings, TimelineChart, Vec<TimelinePanel>)>,
    map: MapChart,
    /// The pivot of the timeline's claim kind for this period.
    pivot: Option<(Period, Pivot)>,
}

impl Staged {
    fn build(
        ds: &Dataset,
        analyzed: Option<&Analyzed>,
        view: &ViewSettings,
        period: Period,
    ) -> Self {
        let (filter, settings) = (&view.filter, &view.timeline);
        let selection = Selection::new(ds, analyzed.map(|a| &a.analysis), filter);
        let Some(analyzed) = analyzed else {
            return Self {
                selection,
                ..Self::default()
            };
        };
        let a = &analyzed.analysis;
        let events = visible_events(a, &selection);
        let sources = visible_sources(a, &selection);
        let bias = selected_bias_chart(a, &analyzed.colors, &selection);
        let chart = timeline(ds, a, &analyzed.colors, settings, &selection);
        let panels = timeline_panels(ds, a, &analyzed.colors, settings, &selection);
        let map = map_chart(ds, a, &selection);
        let table = pivot(ds, a, (settings.kind, period), &selection);
        Self {
            selection,
            events,
            sources,
            bias,
            timeline: Some((*settings, chart, panels)),
            map,
            pivot: Some((period, table)),
        }
    }
}

/// What the findings list is built from: the selection, the dispute filter, whether excluded
/// findings are listed, and which those are.
type FindingsKey = (u64, DiscrepancyFilter, bool, Vec<String>);

/// How many finding cards are drawn at first, and added by "Show more".
pub const FINDINGS_PAGE: usize = 10;
/// How many claims a side of a card shows until it is expanded.
const WITNESSES: usize = 3;

/// Keys say what each part was built from; a part is rebuilt only when its key changes.
#[derive(Default)]
pub struct Derived {
    /// Bumped whenever the selection is rebuilt, so the parts built on it know.
    selection_generation: u64,
    selection_key: Option<SelectionKey>,
    /// A selection being worked out off the UI thread, for this key.
    pending: Option<(SelectionKey, Job<Staged>)>,
    pub selection: Selection,
    discrepancy_key: Option<(u64, DiscrepancyFilter)>,
    /// Discrepancies listed (indices into the analysis), in order.
    pub discrepancies: Vec<usize>,
    findings_key: Option<FindingsKey>,
    /// Findings listed (indices into the analyzed findings), in order.
    pub findings: Vec<usize>,
    /// Findings the filters keep that the analyst excluded.
    pub excluded_findings: usize,
    cards_key: Option<(u64, usize, usize, std::collections::BTreeSet<String>)>,
    /// The claims of the findings drawn (the first rows), in words.
    pub finding_cards: Vec<[Vec<Witness>; 2]>,
    /// Bumped when the findings list is rebuilt.
    findings_generation: u64,
    timeline_key: Option<(u64, TimelineSettings)>,
    pub timeline: Option<TimelineChart>,
    /// The timeline's small multiples (none when it is one chart).
    pub timeline_panels: Vec<TimelinePanel>,
    /// The analysis generation, the selection's and the event.
    event_key: Option<(u64, u64, usize)>,
    /// The chart of the event the Events tab shows, and which event that is.
    pub event: Option<(usize, EventChart)>,
    /// The splits and merges offered for that event.
    pub event_edits: crate::core::view::event_edits::EventEditChoices,
    /// Events with at least one claim kept, in the analysis' order.
    pub events: Vec<usize>,
    /// Scorecard rows of sources with at least one claim kept.
    pub sources: Vec<usize>,
    /// The bias chart of those sources.
    pub bias: BiasChart,
    pub rows: ClaimRows,
    /// The events on the map, built with the selection.
    pub map: MapChart,
    pivot_key: Option<(u64, crate::core::model::ClaimKind, Period)>,
    /// The pivot of the timeline's claim kind, for the Pivot tab's period.
    pub pivot: Pivot,
    pivot_order_key: Option<(u64, PivotColumn, bool)>,
    /// The pivot table's rows in the order asked for.
    pub pivot_rows: Vec<usize>,
    /// Bumped when the pivot is rebuilt.
    pivot_generation: u64,
    evidence_key: Option<(u64, String)>,
    /// The selected source's evidence in words, each line with the other claim it names.
    pub evidence: Vec<(String, u32)>,
}

/// Most lines of a source's evidence put in words.
const EVIDENCE_LINES: usize = 2_000;

impl Derived {
    /// Whether a new selection is being worked out (the views show the last one meanwhile).
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Brings every part up to date with the data, the analysis (if done) and the UI state.
    pub fn update(
        &mut self,
        ds: &Arc<Dataset>,
        analyzed: Option<AnalyzedRef<'_>>,
        state: &UiState,
        (event, source): (Option<usize>, Option<&str>),
        ctx: &egui::Context,
    ) {
        let generation = analyzed.map_or(0, |(_, g)| g);
        let key: SelectionKey = (ds.revision, generation, state.view.filter.clone());
        let analyzed = analyzed.map(|(a, _)| a);
        if self.selection_key.as_ref() != Some(&key)
            && let Some(staged) =
                self.staged_for(&key, ds, analyzed, &state.view, state.pivot.period, ctx)
        {
            self.install(key, staged);
        }
        self.update_rest(ds, analyzed.map(Arc::as_ref), state);
        self.update_event(ds, analyzed.map(|a| (a.as_ref(), generation)), event);
        self.update_evidence(ds, analyzed.map(|a| (a.as_ref(), generation)), source);
    }

    /// The selected source's evidence in words (its first lines), once per source and
    /// analysis.
    fn update_evidence(
        &mut self,
        ds: &Dataset,
        analyzed: Option<(&Analyzed, u64)>,
        source: Option<&str>,
    ) {
        let (Some((analyzed, generation)), Some(source)) = (analyzed, source) else {
            self.evidence.clear();
            self.evidence_key = None;
            return;
        };
        if self
            .evidence_key
            .as_ref()
            .is_some_and(|(g, s)| *g == generation && s == source)
        {
            return;
        }
        let a = &analyzed.analysis;
        self.evidence = a
            .scorecard
            .iter()
            .find(|s| s.source == source)
            .map(|s| {
                s.evidence(a)
                    .take(EVIDENCE_LINES)
                    .map(|pair| (evidence_line(ds, a, pair), pair.other))
                    .collect()
            })
            .unwrap_or_default();
        self.evidence_key = Some((generation, source.to_owned()));
    }

    /// The event chart, built once per event and analysis.
    fn update_event(
        &mut self,
        ds: &Dataset,
        analyzed: Option<(&Analyzed, u64)>,
        event: Option<usize>,
    ) {
        let (Some((analyzed, generation)), Some(event)) = (analyzed, event) else {
            self.event = None;
            self.event_key = None;
            return;
        };
        let key = (generation, self.selection_generation, event);
        if self.event_key != Some(key) {
            // The splits and merges offered do not depend on the filters.
            if self
                .event_key
                .is_none_or(|(g, _, e)| (g, e) != (generation, event))
            {
                self.event_edits =
                    crate::core::view::event_edits::choices(ds, &analyzed.analysis, event);
            }
            let selection = &self.selection;
            let chart = event_chart(ds, &analyzed.analysis, event, &|c| selection.shows(c));
            self.event = Some((event, chart));
            self.event_key = Some(key);
        }
    }

    /// The selection for `key`: built now for small data; for large data started on a thread
    /// (or picked up when that thread is done).
    fn staged_for(
        &mut self,
        key: &SelectionKey,
        ds: &Arc<Dataset>,
        analyzed: Option<&Arc<Analyzed>>,
        view: &ViewSettings,
        period: Period,
        ctx: &egui::Context,
    ) -> Option<Staged> {
        if ds.claims.len() < OFF_THREAD_FROM {
            self.pending = None;
            return Some(Staged::build(ds, analyzed.map(Arc::as_ref), view, period));
        }
        if let Some((pending_key, job)) = &self.pending
            && pending_key == key
        {
            return match job.poll() {
                Some(Outcome::Done(staged)) => {
                    self.pending = None;
                    Some(staged)
                }
                None => None,
                Some(Outcome::Lost) => {
                    self.pending = None;
                    Some(Staged::build(ds, analyzed.map(Arc::as_ref), view, period))
                }
            };
        }
        // A newer filter replaces any selection still being worked out; its result is dropped.
        let (ds, analyzed, view) = (Arc::clone(ds), analyzed.cloned(), view.clone());
        let job = Job::spawn("selection", 0, ctx, move |_| {
            Staged::build(&ds, analyzed.as_deref(), &view, period)
        });
        self.pending = Some((key.clone(), job));
        None
    }

    fn install(&mut self, key: SelectionKey, staged: Staged) {
        self.selection = staged.selection;
        self.events = staged.events;
        self.sources = staged.sources;
        self.bias = staged.bias;
        self.map = staged.map;
        self.selection_generation += 1;
        self.selection_key = Some(key);
        // The timeline and the pivot came with the selection (off the UI thread for large
        // data).
        if let Some((settings, chart, panels)) = staged.timeline {
            self.timeline_panels = panels;
            self.pivot_key = staged
                .pivot
                .as_ref()
                .map(|(period, _)| (self.selection_generation, settings.kind, *period));
            self.timeline = Some(chart);
            self.timeline_key = Some((self.selection_generation, settings));
        }
        if let Some((_, table)) = staged.pivot {
            self.pivot = table;
            self.pivot_generation += 1;
        }
    }

    /// The pivot of the selection (once per selection, claim kind and period), and its
    /// table's order (once per pivot and sort).
    fn update_pivot(&mut self, ds: &Dataset, a: &Analysis, state: &UiState) {
        let settings = &state.pivot;
        let key = (
            self.selection_generation,
            state.view.timeline.kind,
            settings.period,
        );
        if self.pivot_key != Some(key) {
            self.pivot = pivot(ds, a, (key.1, key.2), &self.selection);
            self.pivot_key = Some(key);
            self.pivot_generation += 1;
        }
        let order = (self.pivot_generation, settings.sort, settings.descending);
        if self.pivot_order_key != Some(order) {
            self.pivot_rows = self.pivot.sorted(settings.sort, settings.descending);
            self.pivot_order_key = Some(order);
        }
    }

    /// The findings the filters keep, those the analyst excluded last (or not at all).
    fn update_findings(&mut self, analyzed: &Analyzed, state: &UiState) {
        let marks = &state.corrections.finding_marks;
        let excluded: Vec<String> = marks
            .iter()
            .filter(|(_, m)| m.is_excluded())
            .map(|(id, _)| id.clone())
            .collect();
        let key = (
            self.selection_generation,
            state.discrepancy_filter.clone(),
            state.show_excluded,
            excluded,
        );
        if self.findings_key.as_ref() == Some(&key) {
            return;
        }
        let a = &analyzed.analysis;
        let filter = &state.discrepancy_filter;
        let kept = analyzed.findings.iter().enumerate().filter(|(_, f)| {
            f.discrepancies.iter().any(|&d| {
                a.discrepancies
                    .get(d)
                    .is_some_and(|d| filter.keeps(a, d) && self.selection.keeps_discrepancy(d))
            })
        });
        let (mut rows, mut out) = (Vec::new(), Vec::new());
        for (i, f) in kept {
            if key.3.contains(&f.id) {
                out.push(i);
            } else {
                rows.push(i);
            }
        }
        self.excluded_findings = out.len();
        if state.show_excluded {
            rows.extend(out);
        }
        self.findings = rows;
        self.findings_key = Some(key);
        self.findings_generation += 1;
    }

    /// The claims of the cards drawn, in words: the first page (and more, when asked), each
    /// side its first few claims unless the card is expanded.
    fn update_cards(&mut self, ds: &Dataset, analyzed: &Analyzed, state: &UiState) {
        let shown = (FINDINGS_PAGE + state.findings_shown).min(self.findings.len());
        let key = (
            self.findings_generation,
            analyzed.findings.len(),
            shown,
            state.expanded_findings.clone(),
        );
        if self.cards_key.as_ref() == Some(&key) {
            return;
        }
        let a = &analyzed.analysis;
        self.finding_cards = self.findings[..shown]
            .iter()
            .filter_map(|&i| analyzed.findings.get(i))
            .map(|f| {
                let limit = (!state.expanded_findings.contains(&f.id)).then_some(WITNESSES);
                [f.witnesses(ds, a, 0, limit), f.witnesses(ds, a, 1, limit)]
            })
            .collect();
        self.cards_key = Some(key);
    }

    /// The table's rows, the discrepancy list and the timeline, for the selection in place.
    fn update_rest(&mut self, ds: &Dataset, analyzed: Option<&Analyzed>, state: &UiState) {
        let generation = self.selection_generation;
        self.rows
            .update(ds, state.sort, (generation, &self.selection));
        let Some(analyzed) = analyzed else {
            self.timeline = None;
            self.discrepancies.clear();
            self.findings.clear();
            self.findings_key = None;
            self.finding_cards.clear();
            self.cards_key = None;
            return;
        };
        let a = &analyzed.analysis;
        self.update_pivot(ds, a, state);
        self.update_findings(analyzed, state);
        self.update_cards(ds, analyzed, state);
        let key = (generation, state.discrepancy_filter.clone());
        if self.discrepancy_key.as_ref() != Some(&key) {
            let filter = &state.discrepancy_filter;
            let mut rows: Vec<usize> = a
                .discrepancies
                .iter()
                .enumerate()
                .filter(|(_, d)| filter.keeps(a, d) && self.selection.keeps_discrepancy(d))
                .map(|(i, _)| i)
                .collect();
            sort_rows(a, &mut rows, filter);
            self.discrepancies = rows;
            self.discrepancy_key = Some(key);
        }
        let key = (generation, state.view.timeline);
        if self.timeline_key.as_ref() != Some(&key) {
            let (colors, settings) = (&analyzed.colors, &state.view.timeline);
            self.timeline = Some(timeline(ds, a, colors, settings, &self.selection));
            self.timeline_panels = timeline_panels(ds, a, colors, settings, &self.selection);
            self.timeline_key = Some(key);
        }
    }
}

/// The events the selection keeps, the most disputed first, then by date and place: the
/// list opens on what needs looking at, not on the alphabet.
fn visible_events(a: &Analysis, selection: &Selection) -> Vec<usize> {
    let mut events: Vec<usize> = a
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| selection.keeps_event(e))
        .map(|(i, _)| i)
        .collect();
    events.sort_by(|&x, &y| {
        let (x, y) = (&a.events[x], &a.events[y]);
        y.disputes
            .cmp(&x.disputes)
            .then(x.date_from.cmp(&y.date_from))
            .then_with(|| x.location.cmp(&y.location))
    });
    events
}

fn visible_sources(a: &Analysis, selection: &Selection) -> Vec<usize> {
    let kept = kept_sources(a, selection);
    a.scorecard
        .iter()
        .enumerate()
        .filter(|(_, s)| kept.contains(s.source.as_str()))
        .map(|(i, _)| i)
        .collect()
}
