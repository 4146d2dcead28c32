//! Applying commands: every command the panels can send is matched here, one arm each.

use std::collections::BTreeSet;

use eframe::egui;

use super::TriangulateApp;
use super::look::apply_theme;
use super::startup::{Startup, files_label};
use super::state::Tab;
use crate::core::analysis::AliasKind;
use crate::core::export::tables::TableKind;
use crate::core::export::{ChartKind, ExportTarget};
use crate::core::import::Input;
use crate::core::model::ClaimKind;
use crate::core::model::judgement::Mark;
use crate::core::printers::check::render_text;
use crate::core::view::discrepancies::{DiscrepancyFilter, Party};
use crate::core::view::filter::{Filter, Narrowing};
use crate::ui::commands::{Command, FacetKind};
use crate::ui::derived::FINDINGS_PAGE;

impl TriangulateApp {
    /// Applies a command as if a panel had sent it (for scripted use and tests).
    pub fn send(&mut self, command: Command) {
        let ctx = self.ctx.clone();
        self.apply(&ctx, command);
    }

    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let filter = &mut self.state.view.filter;
        match command {
            Command::ShowOpenDialog => self.dialog.open(ctx, false),
            Command::ShowAddDialog => self.dialog.open(ctx, true),
            Command::OpenFiles(paths) => self.open(Startup::files(paths)),
            Command::AddFiles(paths) => self.add_files(paths),
            Command::OpenSample(sample) => self.open(Startup::sample(sample)),
            Command::CancelImport => self.cancel_import(),
            Command::CancelAnalysis | Command::Analyze => self.apply_to_disputes(command),
            Command::SetImportFormat(format) => self.options.format = format,
            Command::SetTab(tab) => self.state.tab = tab,
            Command::SetTheme(theme) => self.set_theme(ctx, theme),
            Command::SortBy(column) => self.state.sort = self.state.sort.toggled(column),
            Command::SetPivotPeriod(period) => self.state.pivot.period = period,
            Command::ShowExtractDialog => self.extract_dialog.show(),
            Command::AddExtracted(name, bytes) => self.add_extracted(&name, &bytes),
            Command::SortPivot(column) => self.state.pivot.sort_by(column),
            Command::SelectClaim(index) => self.selected = index,
            Command::OpenClaim(claim) => self.open_claim(claim),
            Command::OpenEvent(event) => self.open_event(event),
            Command::SelectSource(source) => self.selected_source = source,
            Command::ResetLayout => ctx.memory_mut(|m| m.data = Default::default()),
            Command::SetTimelineMode(_)
            | Command::SetTimelineSplit(_)
            | Command::SetClaimKind(_)
            | Command::SetLogScale(_) => {
                self.set_timeline(command);
            }
            Command::ToggleSource(source) => toggle(&mut filter.hidden_sources, source),
            Command::ShowAllSources => filter.hidden_sources.clear(),
            Command::HideSources(sources) => filter.hidden_sources.extend(sources),
            Command::ToggleSourceType(t) => toggle(&mut filter.hidden_types, t),
            Command::SetDateRange(from, to) => (filter.from, filter.to) = (from, to),
            Command::ClearSearch => filter.search.clear(),
            Command::SetSearch(text) => filter.search = text,
            Command::ToggleFacet(kind, name) => toggle(facet_set(filter, kind), name),
            Command::ClearFacet(kind) => facet_set(filter, kind).clear(),
            Command::SetDiscrepancyFilter(_)
            | Command::SetShowExcluded(_)
            | Command::ShowMoreFindings
            | Command::ExpandFinding(_)
            | Command::MarkFinding(..)
            | Command::MarkClaim(..)
            | Command::ShowSourceDisputes(_) => self.apply_to_disputes(command),
            Command::ShowSourceClaims(source) => self.show_source_claims(&source),
            Command::FocusSearch => self.focus_search(),
            Command::Merge(kind, from, into) => self.merge(kind, from, into),
            Command::UndoMerges => self.undo_merges(),
            Command::SplitEvent(claims) => self.split_event(claims),
            Command::MergeEvents(..) | Command::UndoEventEdits => self.edit_events(command),
            Command::SetSourceSide(..) | Command::SetSourceType(..) => self.set_source(command),
            Command::SetSourceGrade(source, grade) => {
                let grades = &mut self.state.corrections.source_grades;
                match grade {
                    Some(g) => grades.insert(source, g),
                    None => grades.remove(&source),
                };
            }
            Command::SetClaimCredibility(claim, value) => {
                let set = &mut self.state.corrections.claim_credibility;
                match value {
                    Some(v) => set.insert(claim, v.clamp(1, 6)),
                    None => set.remove(&claim),
                };
            }
            Command::ExportAliases(path) => self.export_aliases(&path),
            Command::ShowMergeDialog(kind, name) => self.merge_dialog.show(kind, name),
            Command::ShowWorkspaceDialog(action) => self.workspace_dialog.show(action),
            Command::SaveWorkspace(path) => self.save_workspace(&path),
            Command::OpenWorkspace(path) => self.open_workspace(&path),
            Command::ShowHelp => self.help_open = true,
            Command::PreviewMapping | Command::ApplyMapping | Command::CloseMapping => {
                self.mapping_command(&command);
            }
            Command::ShowExportDialog(target) => self.show_export_dialog(target),
            Command::Export(request) => self.start_export(request),
            Command::CopyReport => self.copy_report(ctx),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Writes claims kept from an article beside the app's settings (`extracted/`) and adds
    /// the file to the data open; the workspace keeps it like any other file.
    fn add_extracted(&mut self, name: &str, bytes: &[u8]) {
        let dir = eframe::storage_dir("Triangulate")
            .unwrap_or_else(std::env::temp_dir)
            .join("extracted");
        // Never over an earlier article's claims: "extracted-….csv", then "-2", "-3", ….
        let stem = name.trim_end_matches(".csv");
        let mut path = dir.join(name);
        let mut written = std::fs::create_dir_all(&dir).map_err(|e| e.to_string());
        for n in 1..100 {
            if n > 1 {
                path = dir.join(format!("{stem}-{n}.csv"));
            }
            written = written.and_then(|()| {
                crate::core::files::write_atomic(&path, bytes, crate::core::files::Overwrite::No)
                    .map_err(|e| e.to_string())
            });
            if written.is_ok() || !path.exists() {
                break;
            }
            written = Ok(());
        }
        match written {
            Ok(()) => {
                self.message = Some(format!(
                    "Added the claims from the article: {}",
                    path.display()
                ));
                self.add_files(vec![path]);
            }
            Err(e) => self.message = Some(format!("Could not write the claims: {e}")),
        }
    }

    /// A source's side or type, as the analyst sets it: the analysis runs again.
    fn set_source(&mut self, command: Command) {
        let corrections = &mut self.state.corrections;
        match command {
            Command::SetSourceSide(source, side) => {
                corrections.source_sides.insert(source, side);
            }
            Command::SetSourceType(source, t) => {
                corrections.source_types.insert(source, t);
            }
            _ => return,
        }
        self.reanalyze();
    }

    fn open(&mut self, startup: Startup) {
        self.start_import(startup.inputs, startup.label);
    }

    fn add_files(&mut self, paths: Vec<std::path::PathBuf>) {
        let mut inputs = self
            .opened
            .as_ref()
            .map(|o| o.inputs.clone())
            .unwrap_or_default();
        inputs.extend(paths.into_iter().map(Input::file));
        let label = files_label(&inputs);
        self.start_import(inputs, label);
    }

    /// Selects a claim and shows its event.
    fn open_claim(&mut self, claim: u32) {
        self.selected = Some(claim);
        let event = self
            .analysis()
            .and_then(|a| a.facts.get(claim as usize))
            .and_then(|f| f.event);
        if let Some(event) = event {
            self.open_event(event as usize);
        }
    }

    fn open_event(&mut self, event: usize) {
        if self.opened.is_some() && self.analyzed.is_some() {
            self.selected_event = Some(event);
            self.state.tab = Tab::Events;
        }
    }

    fn focus_search(&mut self) {
        if self.state.tab == Tab::ImportReport {
            self.state.tab = Tab::Claims;
        }
        self.focus_search = true;
    }

    /// The Claims tab with every source hidden but this one.
    fn show_source_claims(&mut self, source: &str) {
        if let Some(a) = self.analysis() {
            let others = a
                .scorecard
                .iter()
                .map(|s| s.source.clone())
                .filter(|s| s != source)
                .collect();
            self.state.view.filter.hidden_sources = others;
            self.state.tab = Tab::Claims;
        }
    }

    /// The user says `from` is `into`: kept in the corrections, followed by the filter.
    fn merge(&mut self, kind: AliasKind, from: String, into: String) {
        rename_in_filter(&mut self.state.view.filter, kind, &from, &into);
        self.state.corrections.merges_mut(kind).insert(from, into);
        self.reanalyze();
    }

    /// The claims leave their event for a new one, named after the first of them.
    fn split_event(&mut self, claims: Vec<String>) {
        let Some(first) = claims.first() else {
            return;
        };
        let label = format!("split-{}", first.replace([':', ' '], "-"));
        let splits = &mut self.state.corrections.event_splits;
        for claim in claims {
            splits.insert(claim, label.clone());
        }
        self.reanalyze();
    }

    /// Merges two events, or undoes every split and merge.
    fn edit_events(&mut self, command: Command) {
        let corrections = &mut self.state.corrections;
        if let Command::MergeEvents(from, into) = command {
            corrections.event_merges.push((from, into));
        } else {
            corrections.event_splits.clear();
            corrections.event_merges.clear();
        }
        self.reanalyze();
    }

    fn set_theme(&mut self, ctx: &egui::Context, theme: super::state::ThemeChoice) {
        self.state.theme = theme;
        apply_theme(ctx, theme);
    }

    /// The timeline's own settings.
    fn set_timeline(&mut self, command: Command) {
        let timeline = &mut self.state.view.timeline;
        match command {
            Command::SetTimelineMode(mode) => timeline.mode = mode,
            Command::SetClaimKind(kind) => timeline.kind = kind,
            Command::SetLogScale(log) => timeline.log = log,
            Command::SetTimelineSplit(split) => timeline.split = split,
            other => self.apply(&self.ctx.clone(), other),
        }
    }

    /// The commands about findings and discrepancies: their filter, the analyst's marks, and
    /// running the analysis.
    fn apply_to_disputes(&mut self, command: Command) {
        match command {
            Command::SetDiscrepancyFilter(f) => self.state.discrepancy_filter = f,
            Command::SetShowExcluded(show) => self.state.show_excluded = show,
            Command::ShowMoreFindings => self.state.findings_shown += FINDINGS_PAGE,
            Command::ExpandFinding(id) => {
                self.state.expanded_findings.insert(id);
            }
            Command::MarkFinding(id, mark) => {
                set_mark(&mut self.state.corrections.finding_marks, id, mark);
            }
            Command::MarkClaim(id, mark) => self.mark_claim(id, mark),
            Command::ShowSourceDisputes(source) => {
                self.state.discrepancy_filter = DiscrepancyFilter {
                    involving: Some(Party::Source(source)),
                    ..DiscrepancyFilter::default()
                };
                self.state.tab = Tab::Findings;
            }
            Command::CancelAnalysis => self.cancel_analysis(),
            Command::Analyze => self.reanalyze(),
            other => self.apply(&self.ctx.clone(), other),
        }
    }

    /// Sets the analyst's mark on a claim; excluding it or taking it back reruns the analysis.
    fn mark_claim(&mut self, id: String, mark: Mark) {
        let marks = &mut self.state.corrections.claim_marks;
        let was = marks.get(&id).is_some_and(Mark::is_excluded);
        let now = mark.is_excluded();
        set_mark(marks, id, mark);
        if was != now {
            self.reanalyze();
        }
    }

    fn undo_merges(&mut self) {
        for kind in AliasKind::ALL {
            self.state.corrections.merges_mut(kind).clear();
        }
        self.reanalyze();
    }

    /// The export dialog, for what the tab shown draws unless told otherwise.
    fn show_export_dialog(&mut self, target: Option<ExportTarget>) {
        let target = target.unwrap_or(match self.state.tab {
            Tab::Timeline => ExportTarget::Chart(ChartKind::Timeline),
            Tab::Map => ExportTarget::Chart(ChartKind::Map),
            Tab::Pivot => ExportTarget::Chart(ChartKind::Pivot(self.state.pivot.period)),
            Tab::Events => ExportTarget::Chart(ChartKind::Event),
            Tab::Sources => ExportTarget::Chart(ChartKind::Sources),
            Tab::Discrepancies => ExportTarget::Table(TableKind::Discrepancies),
            Tab::Claims => ExportTarget::Table(TableKind::Claims),
            Tab::Findings | Tab::ImportReport => ExportTarget::Report,
        });
        self.export_dialog.show(target);
    }

    fn copy_report(&mut self, ctx: &egui::Context) {
        if let Some(o) = &self.opened {
            ctx.copy_text(render_text(&o.report, &o.dataset));
            self.message = Some("Import report copied to the clipboard.".to_owned());
        }
    }

    /// The filters in force, each with the command that clears it.
    pub(super) fn filter_chips(&self) -> Vec<(String, Command)> {
        let view = &self.state.view;
        let mut chips = Vec::new();
        if view.timeline.kind != ClaimKind::Killed {
            chips.push((
                format!("kind: {}", view.timeline.kind.as_str()),
                Command::SetClaimKind(ClaimKind::Killed),
            ));
        }
        for narrowing in view.filter.narrowings() {
            let clear = match narrowing {
                Narrowing::Dates(..) => Command::SetDateRange(None, None),
                Narrowing::HiddenTypes(types) => {
                    // One chip a type, each bringing its type back.
                    for &t in types {
                        chips.push((
                            format!("{} hidden", t.as_str()),
                            Command::ToggleSourceType(t),
                        ));
                    }
                    continue;
                }
                Narrowing::HiddenSources(_) => Command::ShowAllSources,
                Narrowing::Places(_) => Command::ClearFacet(FacetKind::Place),
                Narrowing::Groups(_) => Command::ClearFacet(FacetKind::Group),
                Narrowing::Search(_) => Command::ClearSearch,
            };
            chips.push((narrowing.label(), clear));
        }
        // Names and searches may be right to left.
        chips
            .into_iter()
            .map(|(label, command)| (crate::ui::bidi::display_ltr(&label).into_owned(), command))
            .collect()
    }
}

/// Adds `item` to the set, or takes it out if it is there.
fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// The place or group set of the filter.
fn facet_set(filter: &mut Filter, kind: FacetKind) -> &mut BTreeSet<String> {
    match kind {
        FacetKind::Place => &mut filter.places,
        FacetKind::Group => &mut filter.groups,
    }
}

/// Keeps the filter pointing at a renamed name: a chosen or hidden name becomes the new one.
fn rename_in_filter(filter: &mut Filter, kind: AliasKind, from: &str, into: &str) {
    let set = match kind {
        AliasKind::Source => &mut filter.hidden_sources,
        AliasKind::Place => &mut filter.places,
        AliasKind::Group => &mut filter.groups,
    };
    if set.remove(from) {
        set.insert(into.to_owned());
    }
}

/// Keeps a mark, or forgets it when it says nothing.
fn set_mark(marks: &mut std::collections::BTreeMap<String, Mark>, id: String, mark: Mark) {
    if mark.is_empty() {
        marks.remove(&id);
    } else {
        marks.insert(id, mark);
    }
}
