//! Where each panel goes, and which view a tab shows.

use std::path::PathBuf;

use eframe::egui;

use super::TriangulateApp;
use super::state::Tab;
use crate::core::export::ChartKind;
use crate::core::export::describe_filter;
use crate::core::view::analyzed::Analyzed;
use crate::ui::chrome::filter_panel::filter_panel_ui;
use crate::ui::chrome::status_bar::analysis_progress_ui;
use crate::ui::commands::{AnalysisCommand, Command, FileCommand, NavCommand};
use crate::ui::views::claims::{claim_details_ui, claims_table_ui};
use crate::ui::views::discrepancies::{DiscrepanciesView, discrepancies_ui};
use crate::ui::views::dispute_filter::Choices;
use crate::ui::views::events::{EventsView, events_ui};
use crate::ui::views::findings::{FindingsView, findings_ui};
use crate::ui::views::import_report::import_report_ui;
use crate::ui::views::map::map_ui;
use crate::ui::views::pivot::{PivotView, pivot_ui};
use crate::ui::views::sources::{SourcesView, sources_ui};
use crate::ui::views::timeline::{TimelineView, timeline_ui};

impl TriangulateApp {
    /// The filter panel (beside every tab but the import report) and the central panel.
    pub(super) fn panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if let Some((analyzed, _)) = &self.analyzed
            && self.state.tab != Tab::ImportReport
        {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(240.0)
                .max_size(320.0)
                .show(ui, |ui| {
                    // A long name ("The Arabic-language website of …") is cut with an
                    // ellipsis, not allowed to widen the panel over the charts.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let focus = std::mem::take(&mut self.focus_search);
                    filter_panel_ui(ui, analyzed, &self.state.view, focus, commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, commands));
    }

    /// The windows over the main one.
    pub(super) fn windows_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        self.dialog.path_window_ui(ctx, commands);
        crate::ui::dialogs::help::help_window_ui(ctx, &mut self.help_open);
        self.workspace_dialog.ui(ctx, commands);
        if self.export_dialog.is_open() {
            let filters = describe_filter(
                &self.state.view.filter,
                &self.state.view.timeline,
                ChartKind::Sources,
            );
            self.export_dialog.ui(ctx, &filters, commands);
        }
        self.mapping_dialog.ui(ctx, commands);
        if self.extract_dialog.is_open() {
            self.extract_dialog.ui(ctx, commands);
        }
        if let Some((analyzed, _)) = &self.analyzed {
            self.merge_dialog
                .ui(ctx, |kind| analyzed.names(kind), commands);
        }
        drop_overlay(ctx);
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for &tab in Tab::all() {
                if ui
                    .selectable_label(self.state.tab == tab, tab.title())
                    .clicked()
                {
                    commands.push(Command::Nav(NavCommand::SetTab(tab)));
                }
            }
        });
        ui.separator();
        let Some(opened) = &self.opened else {
            ui.centered_and_justified(|ui| {
                ui.label(if self.import_job.is_some() {
                    "Importing…"
                } else {
                    "No data: File > Open CSV…"
                });
            });
            return;
        };
        match self.state.tab {
            Tab::Claims => {
                let ds = opened.dataset.as_ref();
                if let Some(i) = self.selected
                    && let Some(claim) = ds.claims.get(i as usize)
                {
                    let facts = self
                        .analyzed()
                        .and_then(|a| a.analysis.facts.get(i as usize));
                    let id = ds.claim_id(claim);
                    let corrections = &self.state.corrections;
                    let set = corrections.claim_credibility.get(&id).copied();
                    let mark = corrections.claim_marks.get(&id);
                    egui::Panel::bottom("claim-details").show(ui, |ui| {
                        claim_details_ui(ui, ds, claim, (facts, set, mark), commands)
                    });
                }
                // Clipped above the details panel, so no column line crosses it.
                let rect = ui.available_rect_before_wrap();
                ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                claims_table_ui(
                    ui,
                    ds,
                    self.analyzed().map(|a| &a.analysis),
                    &self.derived.rows.rows,
                    self.state.sort,
                    self.selected,
                    commands,
                );
            }
            Tab::ImportReport => import_report_ui(ui, &opened.report, &opened.sources, commands),
            Tab::Findings
            | Tab::Timeline
            | Tab::Map
            | Tab::Pivot
            | Tab::Events
            | Tab::Discrepancies
            | Tab::Sources => {
                self.analysis_tab_ui(ui, self.state.tab, commands);
            }
        }
    }

    /// In place of a tab drawn from the analysis while there is none: its progress and Cancel,
    /// or, once cancelled, a button to run it again.
    fn waiting_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 3.0);
            match &self.analysis_job {
                Some(job) => {
                    ui.horizontal(|ui| {
                        analysis_progress_ui(ui, &job.progress, commands);
                    });
                    ui.weak("Events, findings and scores appear when it is done.");
                }
                None => {
                    ui.label("The analysis was cancelled.");
                    if ui.button("Analyse").clicked() {
                        commands.push(Command::Analysis(AnalysisCommand::Run));
                    }
                }
            }
        });
    }

    /// The tabs drawn from the analysis: Findings, Timeline, Events, Discrepancies, Sources.
    fn analysis_tab_ui(&self, ui: &mut egui::Ui, tab: Tab, commands: &mut Vec<Command>) {
        let Some(opened) = &self.opened else { return };
        let Some(analyzed) = self.analyzed() else {
            self.waiting_ui(ui, commands);
            return;
        };
        let a = &analyzed.analysis;
        let choices = Choices {
            type_pairs: &analyzed.type_pairs,
            parties: &analyzed.parties,
        };
        match tab {
            Tab::Findings => findings_ui(
                ui,
                &FindingsView {
                    findings: &analyzed.findings,
                    rows: &self.derived.findings,
                    excluded: self.derived.excluded_findings,
                    show_excluded: self.state.show_excluded,
                    filter: &self.state.discrepancy_filter,
                    choices,
                    finding_marks: &self.state.corrections.finding_marks,
                    claim_marks: &self.state.corrections.claim_marks,
                    cards: &self.derived.finding_cards,
                    ds: opened.dataset.as_ref(),
                    analysis: a,
                },
                commands,
            ),
            Tab::Timeline => {
                if let Some(chart) = &self.derived.timeline {
                    let view = TimelineView {
                        ds: opened.dataset.as_ref(),
                        analysis: a,
                        chart,
                        panels: &self.derived.timeline_panels,
                        settings: &self.state.view.timeline,
                    };
                    timeline_ui(ui, &view, commands);
                }
            }
            Tab::Map => map_ui(ui, a, &self.derived.map, opened.dataset.revision, commands),
            Tab::Pivot => pivot_ui(
                ui,
                &PivotView {
                    pivot: &self.derived.pivot,
                    order: &self.derived.pivot_rows,
                    colors: &analyzed.colors,
                    settings: &self.state.pivot,
                },
                commands,
            ),
            Tab::Events => events_ui(ui, &self.events_view(analyzed), commands),
            Tab::Discrepancies => discrepancies_ui(
                ui,
                &DiscrepanciesView {
                    ds: opened.dataset.as_ref(),
                    analysis: a,
                    rows: &self.derived.discrepancies,
                    filter: &self.state.discrepancy_filter,
                    choices: &choices,
                },
                commands,
            ),
            Tab::Sources => sources_ui(ui, &self.sources_view(analyzed), commands),
            Tab::Claims | Tab::ImportReport => {}
        }
    }

    fn events_view<'a>(&'a self, analyzed: &'a Analyzed) -> EventsView<'a> {
        let corrections = &self.state.corrections;
        EventsView {
            analysis: &analyzed.analysis,
            visible: &self.derived.events,
            chart: self.derived.event.as_ref(),
            edits: &self.derived.event_edits,
            colors: &analyzed.colors,
            edited: !corrections.event_splits.is_empty() || !corrections.event_merges.is_empty(),
        }
    }

    fn sources_view<'a>(&'a self, analyzed: &'a Analyzed) -> SourcesView<'a> {
        SourcesView {
            analyzed,
            visible: &self.derived.sources,
            bias: &self.derived.bias,
            evidence: &self.derived.evidence,
            corrections: &self.state.corrections,
            selected: self.selected_source.as_deref(),
        }
    }
}

/// Files dropped on the window are added to the ones open.
pub fn dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if !dropped.is_empty() {
        commands.push(Command::File(FileCommand::Add(dropped)));
    }
}

fn drop_overlay(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop CSV files to add them",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
