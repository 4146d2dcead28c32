//! What the window shows, for tests and scripts: read-only accessors.

use eframe::egui;

use super::TriangulateApp;
use super::state::Tab;
use crate::core::charts::TimelineChart;
use crate::core::import::ImportReport;
use crate::core::model::Dataset;
use crate::core::workspace::{Corrections, ViewSettings};

impl TriangulateApp {
    pub fn dataset(&self) -> Option<&Dataset> {
        self.opened.as_ref().map(|o| o.dataset.as_ref())
    }

    pub fn report(&self) -> Option<&ImportReport> {
        self.opened.as_ref().map(|o| &o.report)
    }

    /// Claims shown in the table, in order.
    pub fn visible_rows(&self) -> &[u32] {
        &self.derived.rows.rows
    }

    /// The events the Events tab lists now (indices into the analysis).
    pub fn visible_events(&self) -> &[usize] {
        &self.derived.events
    }

    /// The scorecard rows the Sources tab lists now.
    pub fn visible_sources(&self) -> &[usize] {
        &self.derived.sources
    }

    /// The filters in force and the timeline's own settings.
    pub fn view(&self) -> &ViewSettings {
        &self.state.view
    }

    /// The user's corrections in force.
    pub fn corrections(&self) -> &Corrections {
        &self.state.corrections
    }

    pub fn tab(&self) -> Tab {
        self.state.tab
    }

    /// The chart of the event the Events tab shows, as drawn now.
    pub fn event_chart(&self) -> Option<&crate::core::charts::EventChart> {
        self.derived.event.as_ref().map(|(_, chart)| chart)
    }

    /// The colour of each source, as every view and export draws it.
    pub fn source_colors(&self) -> &std::collections::BTreeMap<String, crate::core::charts::Rgb> {
        static NONE: std::collections::BTreeMap<String, crate::core::charts::Rgb> =
            std::collections::BTreeMap::new();
        self.analyzed().map_or(&NONE, |a| &a.colors)
    }

    /// The event shown in the Events tab.
    pub fn selected_event(&self) -> Option<usize> {
        self.derived.event.as_ref().map(|(e, _)| *e)
    }

    /// Every finding of the analysis, most important first.
    pub fn findings(&self) -> &[crate::core::view::findings::Finding] {
        self.analyzed().map_or(&[], |a| a.findings.as_slice())
    }

    /// The findings the Findings tab lists now (indices into [`Self::findings`]), in order.
    pub fn finding_rows(&self) -> &[usize] {
        &self.derived.findings
    }

    /// The discrepancies listed now (indices into the analysis), in order.
    pub fn discrepancy_rows(&self) -> &[usize] {
        &self.derived.discrepancies
    }

    /// The timeline as drawn now.
    pub fn timeline(&self) -> Option<&TimelineChart> {
        self.derived.timeline.as_ref()
    }

    /// Where the timeline drew a claim in the last frame, for scripted clicks.
    pub fn timeline_position(&self, claim: u32) -> Option<egui::Pos2> {
        let chart = self.derived.timeline.as_ref()?;
        crate::ui::views::timeline::claim_position(&self.ctx, chart, claim)
    }

    /// The map as drawn now.
    pub fn map(&self) -> &crate::core::charts::MapChart {
        &self.derived.map
    }

    /// How many claims the extract dialog proposes and keeps, when it is open.
    pub fn extract_counts(&self) -> Option<(usize, usize)> {
        self.extract_dialog
            .is_open()
            .then(|| self.extract_dialog.counts())
    }

    /// How many rows the pivot table has.
    pub fn pivot_rows(&self) -> usize {
        self.derived.pivot.rows.len()
    }

    /// Where the map drew the mark that opens `event` in the last frame, for scripted clicks.
    pub fn map_position(&self, event: usize) -> Option<egui::Pos2> {
        crate::ui::views::map::mark_position(&self.ctx, event)
    }

    /// Whether File > Export… is showing.
    /// The header of the file the column mapping dialog is open for, if it is.
    pub fn mapping_header(&self) -> Option<&[String]> {
        self.mapping_dialog
            .mapping
            .as_ref()
            .map(|m| m.header.as_slice())
    }

    /// How many claims the mapping dialog's preview shows.
    pub fn mapping_preview_rows(&self) -> usize {
        self.mapping_dialog
            .mapping
            .as_ref()
            .map_or(0, |m| m.preview.rows.len())
    }

    pub fn export_dialog_open(&self) -> bool {
        self.export_dialog.is_open()
    }

    /// The last thing the app said in the status bar.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The claim selected last (in the Claims tab or on the timeline).
    pub fn selected_claim(&self) -> Option<u32> {
        self.selected
    }
}
