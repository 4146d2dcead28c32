//! Applying commands: each concern's commands are matched by its own handler, one arm each.

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
use crate::ui::commands::{
    AnalysisCommand, Command, CorrectionCommand, ExportCommand, FacetKind, FileCommand,
    FilterCommand, FindingsCommand, JudgementCommand, NavCommand, TableCommand, TimelineCommand,
};
use crate::ui::derived::FINDINGS_PAGE;

impl TriangulateApp {
    /// Applies a command as if a panel had sent it (for scripted use and tests).
    pub fn send(&mut self, command: Command) {
        let ctx = self.ctx.clone();
        self.apply(&ctx, command);
    }

    /// Hands a command to the handler of its concern.
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::File(c) => self.apply_file(ctx, c),
            Command::Mapping(c) => self.apply_mapping_command(c),
            Command::Analysis(AnalysisCommand::Cancel) => self.cancel_analysis(),
            Command::Analysis(AnalysisCommand::Run) => self.reanalyze(),
            Command::Nav(c) => self.apply_nav(ctx, c),
            Command::Timeline(c) => self.apply_timeline(c),
            Command::Table(c) => self.apply_table(c),
            Command::Filter(c) => apply_filter(&mut self.state.view.filter, c),
            Command::Findings(c) => self.apply_findings(c),
            Command::Judgement(c) => self.apply_judgement(c),
            Command::Correction(c) => self.apply_correction(c),
            Command::Export(ExportCommand::ShowDialog(target)) => self.show_export_dialog(target),
            Command::Export(ExportCommand::Write(request)) => self.start_export(request),
        }
    }

    fn apply_file(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::ShowOpenDialog => self.dialog.open(ctx, false),
            FileCommand::ShowAddDialog => self.dialog.open(ctx, true),
            FileCommand::Open(paths) => self.open(Startup::files(paths)),
            FileCommand::Add(paths) => self.add_files(paths),
            FileCommand::OpenSample(sample) => self.open(Startup::sample(sample)),
            FileCommand::CancelImport => self.cancel_import(),
            FileCommand::SetFormat(format) => self.options.format = format,
            FileCommand::ShowExtractDialog => self.extract_dialog.show(),
            FileCommand::AddExtracted(name, bytes) => self.add_extracted(&name, &bytes),
            FileCommand::ShowWorkspaceDialog(action) => self.workspace_dialog.show(action),
            FileCommand::SaveWorkspace(path) => self.save_workspace(&path),
            FileCommand::OpenWorkspace(path) => self.open_workspace(&path),
            FileCommand::ExportAliases(path) => self.export_aliases(&path),
        }
    }

    fn apply_nav(&mut self, ctx: &egui::Context, command: NavCommand) {
        match command {
            NavCommand::SetTab(tab) => self.state.tab = tab,
            NavCommand::SetTheme(theme) => self.set_theme(ctx, theme),
            NavCommand::SelectClaim(index) => self.selected = index,
            NavCommand::OpenClaim(claim) => self.open_claim(claim),
            NavCommand::OpenEvent(event) => self.open_event(event),
            NavCommand::SelectSource(source) => self.selected_source = source,
            NavCommand::ResetLayout => ctx.memory_mut(|m| m.data = Default::default()),
            NavCommand::FocusSearch => self.focus_search(),
            NavCommand::ShowHelp => self.help_open = true,
            NavCommand::ShowSourceClaims(source) => self.show_source_claims(&source),
            NavCommand::ShowSourceDisputes(source) => {
                self.state.discrepancy_filter = DiscrepancyFilter {
                    involving: Some(Party::Source(source)),
                    ..DiscrepancyFilter::default()
                };
                self.state.tab = Tab::Findings;
            }
            NavCommand::CopyReport => self.copy_report(ctx),
            NavCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// The timeline's own settings.
    fn apply_timeline(&mut self, command: TimelineCommand) {
        let timeline = &mut self.state.view.timeline;
        match command {
            TimelineCommand::SetMode(mode) => timeline.mode = mode,
            TimelineCommand::SetClaimKind(kind) => timeline.kind = kind,
            TimelineCommand::SetLogScale(log) => timeline.log = log,
            TimelineCommand::SetSplit(split) => timeline.split = split,
        }
    }

    fn apply_table(&mut self, command: TableCommand) {
        match command {
            TableCommand::SortClaims(column) => self.state.sort = self.state.sort.toggled(column),
            TableCommand::SetPivotPeriod(period) => self.state.pivot.period = period,
            TableCommand::SortPivot(column) => self.state.pivot.sort_by(column),
        }
    }

    /// The list of findings and discrepancies.
    fn apply_findings(&mut self, command: FindingsCommand) {
        match command {
            FindingsCommand::SetFilter(f) => self.state.discrepancy_filter = f,
            FindingsCommand::SetShowExcluded(show) => self.state.show_excluded = show,
            FindingsCommand::ShowMore => self.state.findings_shown += FINDINGS_PAGE,
            FindingsCommand::Expand(id) => {
                self.state.expanded_findings.insert(id);
            }
        }
    }

    /// The analyst's marks, grades and credibility.
    fn apply_judgement(&mut self, command: JudgementCommand) {
        let corrections = &mut self.state.corrections;
        match command {
            JudgementCommand::MarkFinding(id, mark) => {
                set_mark(&mut corrections.finding_marks, id, mark);
            }
            JudgementCommand::MarkClaim(id, mark) => self.mark_claim(id, mark),
            JudgementCommand::SetSourceGrade(source, grade) => {
                let grades = &mut corrections.source_grades;
                match grade {
                    Some(g) => grades.insert(source, g),
                    None => grades.remove(&source),
                };
            }
            JudgementCommand::SetClaimCredibility(claim, value) => {
                let set = &mut corrections.claim_credibility;
                match value {
                    Some(v) => set.insert(claim, v.clamp(1, 6)),
                    None => set.remove(&claim),
                };
            }
        }
    }

    /// Corrections to what the data says; each but the dialog reruns the analysis.
    fn apply_correction(&mut self, command: CorrectionCommand) {
        let corrections = &mut self.state.corrections;
        match command {
            CorrectionCommand::ShowMergeDialog(kind, name) => {
                self.merge_dialog.show(kind, name);
                return;
            }
            CorrectionCommand::Merge(kind, from, into) => {
                let before = corrections
                    .merges_mut(kind)
                    .insert(from.clone(), into.clone());
                if let Some(cycle) = corrections.aliases().cycles().into_iter().next() {
                    // It would close a loop: taken back, and said why.
                    match before {
                        Some(was) => corrections.merges_mut(kind).insert(from, was),
                        None => corrections.merges_mut(kind).remove(&from),
                    };
                    self.message = Some(format!(
                        "Not merged: {cycle} would rename each other round a loop"
                    ));
                    return;
                }
                rename_in_filter(&mut self.state.view.filter, kind, &from, &into);
            }
            CorrectionCommand::UndoMerges => {
                for kind in AliasKind::ALL {
                    corrections.merges_mut(kind).clear();
                }
            }
            CorrectionCommand::SplitEvent(claims) => {
                // The claims leave their event for a new one, named after the first of them.
                let Some(first) = claims.first() else {
                    return;
                };
                let label = format!("split-{}", first.replace([':', ' '], "-"));
                for claim in claims {
                    corrections.event_splits.insert(claim, label.clone());
                }
            }
            CorrectionCommand::MergeEvents(from, into) => {
                corrections.event_merges.push((from, into));
            }
            CorrectionCommand::UndoEventEdits => {
                corrections.event_splits.clear();
                corrections.event_merges.clear();
            }
            CorrectionCommand::SetSourceType(source, t) => {
                corrections.source_types.insert(source, t);
            }
            CorrectionCommand::SetSourceSide(source, side) => {
                corrections.source_sides.insert(source, side);
            }
        }
        self.reanalyze();
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
                    .map(|_| ())
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

    fn set_theme(&mut self, ctx: &egui::Context, theme: super::state::ThemeChoice) {
        self.state.theme = theme;
        apply_theme(ctx, theme);
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
                Command::Timeline(TimelineCommand::SetClaimKind(ClaimKind::Killed)),
            ));
        }
        for narrowing in view.filter.narrowings() {
            let clear = match narrowing {
                Narrowing::Dates(..) => Command::Filter(FilterCommand::SetDateRange(None, None)),
                Narrowing::HiddenTypes(types) => {
                    // One chip a type, each bringing its type back.
                    for &t in types {
                        chips.push((
                            format!("{} hidden", t.as_str()),
                            Command::Filter(FilterCommand::ToggleSourceType(t)),
                        ));
                    }
                    continue;
                }
                Narrowing::HiddenSources(_) => Command::Filter(FilterCommand::ShowAllSources),
                Narrowing::Places(_) => {
                    Command::Filter(FilterCommand::ClearFacet(FacetKind::Place))
                }
                Narrowing::Groups(_) => {
                    Command::Filter(FilterCommand::ClearFacet(FacetKind::Group))
                }
                Narrowing::Search(_) => Command::Filter(FilterCommand::ClearSearch),
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

/// The filter every view shares.
fn apply_filter(filter: &mut Filter, command: FilterCommand) {
    match command {
        FilterCommand::ToggleSource(source) => toggle(&mut filter.hidden_sources, source),
        FilterCommand::ShowAllSources => filter.hidden_sources.clear(),
        FilterCommand::HideSources(sources) => filter.hidden_sources.extend(sources),
        FilterCommand::ToggleSourceType(t) => toggle(&mut filter.hidden_types, t),
        FilterCommand::SetDateRange(from, to) => (filter.from, filter.to) = (from, to),
        FilterCommand::ClearSearch => filter.search.clear(),
        FilterCommand::SetSearch(text) => filter.search = text,
        FilterCommand::ToggleFacet(kind, name) => toggle(facet_set(filter, kind), name),
        FilterCommand::ClearFacet(kind) => facet_set(filter, kind).clear(),
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
