//! The app: state, caches and jobs; draws panels from them and applies the commands they
//! return.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use std::collections::BTreeMap;

use super::claims_table::{claim_details_ui, claims_table_ui, search_ui};
use super::commands::Command;
use super::discrepancies_view::discrepancies_ui;
use super::events_view::events_ui;
use super::file_dialog::OpenDialog;
use super::filter_panel::filter_panel_ui;
use super::jobs::AnalysisJob;
use super::jobs::ImportJob;
use super::menu::{menu_bar_ui, shortcuts};
use super::report_view::import_report_ui;
use super::screenshot::ScreenshotPlan;
use super::sources_view::sources_ui;
use super::state::{DiscrepancyFilter, Session, Tab, ThemeChoice, UiState};
use super::status_bar::{StatusInfo, status_bar_ui};
use super::timeline_view::timeline_ui;
use super::workspace_dialog::WorkspaceDialog;
use crate::cli::{StartTab, WindowArgs};
use crate::core::analysis::{Analysis, Settings};
use crate::core::charts::{
    ChartFilter, EventChart, Rgb, TimelineChart, event_chart, source_colors, timeline,
};
use crate::core::check::render_text;
use crate::core::import::{ImportOptions, ImportReport, Input};
use crate::core::model::Dataset;
use crate::core::samples::Sample;
use crate::core::sources::{SourceSummary, summarize};
use crate::core::table::ClaimRows;
use crate::core::workspace::Workspace;

/// What to import when the window opens.
pub struct Startup {
    pub inputs: Vec<Input>,
    pub label: String,
    pub options: ImportOptions,
    /// Open on this tab instead of the remembered one.
    pub tab: Option<Tab>,
    /// Start from the default UI state, not the one saved last time (for repeatable
    /// screenshots).
    pub fresh_state: bool,
    /// No files were named: reopen the last session's instead of the demo, if there was one.
    pub restore: bool,
}

impl Startup {
    pub fn from_args(args: WindowArgs) -> Self {
        let restore = args.files.is_empty() && !args.no_restore;
        let mut startup = if args.files.is_empty() {
            Self::sample(Sample::SyntheticDemo)
        } else {
            Self::files(args.files)
        };
        startup.restore = restore;
        startup.options = args.options;
        startup.tab = args.tab.map(|t| match t {
            StartTab::Timeline => Tab::Timeline,
            StartTab::Events => Tab::Events,
            StartTab::Discrepancies => Tab::Discrepancies,
            StartTab::Sources => Tab::Sources,
            StartTab::Claims => Tab::Claims,
            StartTab::Report => Tab::ImportReport,
        });
        startup
    }

    pub fn files(paths: Vec<PathBuf>) -> Self {
        let inputs: Vec<Input> = paths.into_iter().map(Input::file).collect();
        Self {
            label: files_label(&inputs),
            inputs,
            options: ImportOptions::default(),
            tab: None,
            fresh_state: false,
            restore: false,
        }
    }

    pub fn sample(sample: Sample) -> Self {
        Self {
            inputs: vec![sample.input()],
            label: sample.label().to_owned(),
            options: ImportOptions::default(),
            tab: None,
            fresh_state: false,
            restore: false,
        }
    }
}

fn files_label(inputs: &[Input]) -> String {
    let names: Vec<&str> = inputs.iter().map(Input::file_name).collect();
    match names.as_slice() {
        [one] => (*one).to_owned(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
        [] => "no files".to_owned(),
    }
}

/// Imported data and what is derived from it once per import.
struct Loaded {
    dataset: Arc<Dataset>,
    report: ImportReport,
    sources: Vec<SourceSummary>,
    inputs: Vec<Input>,
    label: String,
}

/// The analysis of the loaded data, and what the views derive from it.
struct Analyzed {
    analysis: Analysis,
    colors: BTreeMap<String, Rgb>,
}

pub struct TriangulateApp {
    state: UiState,
    analyzed: Option<Arc<Analyzed>>,
    analysis_job: Option<AnalysisJob>,
    /// The selected event and its chart, built once on selection.
    event_chart: Option<(usize, EventChart)>,
    /// The discrepancies listed, for the filter they were chosen by.
    discrepancy_rows: Option<(DiscrepancyFilter, ChartFilter, Vec<usize>)>,
    /// The timeline for the data revision and filter it was built for.
    timeline: Option<(u64, ChartFilter, TimelineChart)>,
    options: ImportOptions,
    loaded: Option<Loaded>,
    rows: ClaimRows,
    search: String,
    focus_search: bool,
    selected: Option<u32>,
    job: Option<ImportJob>,
    dialog: OpenDialog,
    message: Option<String>,
    screenshot: Option<ScreenshotPlan>,
    ctx: egui::Context,
    help_open: bool,
    workspace_dialog: WorkspaceDialog,
    selected_source: Option<String>,
}

impl TriangulateApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let saved = cc.storage.filter(|_| !startup.fresh_state);
        let mut state: UiState = saved
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(tab) = startup.tab {
            state.tab = tab;
        }
        let mut startup = startup;
        if startup.restore && saved.is_some() {
            let options = startup.options;
            let tab = startup.tab;
            match &state.session {
                Session::Demo => {}
                Session::Sample(sample) => startup = Startup::sample(*sample),
                Session::Files(paths) => startup = Startup::files(paths.clone()),
            }
            startup.options = options;
            startup.tab = tab;
        }
        let mut app = Self {
            state,
            analyzed: None,
            analysis_job: None,
            event_chart: None,
            timeline: None,
            discrepancy_rows: None,
            options: startup.options,
            loaded: None,
            rows: ClaimRows::default(),
            search: String::new(),
            focus_search: false,
            selected: None,
            job: None,
            dialog: OpenDialog::default(),
            message: None,
            screenshot: None,
            ctx: cc.egui_ctx.clone(),
            help_open: false,
            workspace_dialog: WorkspaceDialog::default(),
            selected_source: None,
        };
        apply_theme(&cc.egui_ctx, app.state.theme);
        app.start_import(&cc.egui_ctx, startup.inputs, startup.label);
        app
    }

    /// Saves screenshots once the data is in, then closes the window.
    pub fn take_screenshots(&mut self, plan: ScreenshotPlan) {
        self.screenshot = Some(plan);
    }

    /// Whether an import is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || self.analysis_job.is_some()
    }

    pub fn dataset(&self) -> Option<&Dataset> {
        self.loaded.as_ref().map(|l| l.dataset.as_ref())
    }

    pub fn report(&self) -> Option<&ImportReport> {
        self.loaded.as_ref().map(|l| &l.report)
    }

    /// Claims shown in the table, in order.
    pub fn visible_rows(&self) -> &[u32] {
        &self.rows.rows
    }

    pub fn tab(&self) -> Tab {
        self.state.tab
    }

    /// The analysis of the loaded data, once it is done.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analyzed.as_ref().map(|a| &a.analysis)
    }

    /// The event shown in the Events tab.
    pub fn selected_event(&self) -> Option<usize> {
        self.event_chart.as_ref().map(|(e, _)| *e)
    }

    fn export_aliases(&mut self, path: &std::path::Path) {
        let merges: Vec<(&str, &str)> = self
            .state
            .source_merges
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let text = crate::core::analysis::Aliases::source_alias_csv(&merges);
        let tmp = path.with_extension("csv.tmp");
        let written = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
        self.message = Some(match written {
            Ok(()) => format!("Saved {} merge(s) to {}", merges.len(), path.display()),
            Err(e) => format!("Could not save {}: {e}", path.display()),
        });
    }

    fn save_workspace(&mut self, path: &std::path::Path) {
        let paths: Vec<PathBuf> = self
            .loaded
            .as_ref()
            .map(|l| {
                l.inputs
                    .iter()
                    .filter_map(|i| i.path().map(ToOwned::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let merges = self.state.source_merges.clone();
        let saved = Workspace::new(
            &paths,
            self.state.filter.clone(),
            self.state.source_types.clone(),
        )
        .and_then(|mut w| {
            w.source_merges = merges;
            w.source_sides = self.state.source_sides.clone();
            w.save(path)
        });
        self.message = Some(match saved {
            Ok(()) if paths.is_empty() => format!(
                "Saved {} (the built-in sample data is not a file, so no files are listed)",
                path.display()
            ),
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Could not save the workspace: {e}"),
        });
    }

    /// Says that source `from` is source `into` (as the Sources tab's merge boxes do).
    pub fn merge_source(&mut self, ctx: &egui::Context, from: &str, into: &str) {
        self.apply(ctx, Command::MergeSource(from.to_owned(), into.to_owned()));
    }

    /// Opens a workspace: its files, filter and corrections.
    pub fn open_workspace(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        match Workspace::load(path) {
            Ok((workspace, warnings)) => {
                self.state.filter = workspace.filter.clone();
                self.state.source_types = workspace.source_types.clone();
                self.state.source_merges = workspace.source_merges.clone();
                self.state.source_sides = workspace.source_sides.clone();
                let startup = Startup::files(workspace.paths());
                self.start_import(ctx, startup.inputs, startup.label);
                self.message = Some(if warnings.is_empty() {
                    format!("Opened {}", path.display())
                } else {
                    format!("Opened {}: {}", path.display(), warnings.join("; "))
                });
            }
            Err(e) => self.message = Some(format!("Could not open the workspace: {e}")),
        }
    }

    /// The filters in force, each with the command that clears it.
    fn filter_chips(&self) -> Vec<(String, Command)> {
        let mut chips = Vec::new();
        let filter = &self.state.filter;
        if filter.kind != crate::core::model::ClaimKind::Killed {
            chips.push((
                format!("kind: {}", filter.kind.as_str()),
                Command::SetClaimKind(crate::core::model::ClaimKind::Killed),
            ));
        }
        if filter.from.is_some() || filter.to.is_some() {
            let day = |d: Option<chrono::NaiveDate>| d.map_or("…".to_owned(), |d| d.to_string());
            chips.push((
                format!("dates {} to {}", day(filter.from), day(filter.to)),
                Command::SetDateRange(None, None),
            ));
        }
        for t in &filter.hidden_types {
            chips.push((
                format!("{} hidden", t.as_str()),
                Command::ToggleSourceType(*t),
            ));
        }
        if !filter.hidden_sources.is_empty() {
            chips.push((
                format!("{} source(s) hidden", filter.hidden_sources.len()),
                Command::ShowAllSources,
            ));
        }
        if !self.search.is_empty() {
            chips.push((
                format!("search: \u{201c}{}\u{201d}", self.search),
                Command::ClearSearch,
            ));
        }
        chips
    }

    /// Runs the analysis again, with the user's current corrections.
    fn reanalyze(&mut self) {
        if let Some(loaded) = &self.loaded {
            let dataset = Arc::clone(&loaded.dataset);
            self.analysis_job = Some(AnalysisJob::start(
                dataset,
                Settings::default(),
                self.state.aliases(),
                &self.ctx,
            ));
        }
    }

    /// Rebuilds the timeline only when the data or the filter changed.
    fn update_timeline(&mut self) {
        let (Some(loaded), Some(analyzed)) = (&self.loaded, &self.analyzed) else {
            self.timeline = None;
            self.discrepancy_rows = None;
            return;
        };
        let filter = self.state.discrepancy_filter;
        let chart_filter = &self.state.filter;
        let stale = self
            .discrepancy_rows
            .as_ref()
            .is_none_or(|(f, cf, _)| *f != filter || cf != chart_filter);
        if stale {
            let a = &analyzed.analysis;
            let shown = |c: u32| {
                let f = &a.facts[c as usize];
                let day = loaded.dataset.claims[c as usize].event_start;
                chart_filter.shows(&f.claimant, f.source_type, day)
            };
            let mut rows: Vec<usize> = a
                .discrepancies
                .iter()
                .enumerate()
                .filter(|(_, d)| filter.keeps(d) && d.claims.iter().all(|&c| shown(c)))
                .map(|(i, _)| i)
                .collect();
            super::discrepancies_view::sort_rows(a, &mut rows, filter);
            self.discrepancy_rows = Some((filter, chart_filter.clone(), rows));
        }
        let revision = loaded.dataset.revision;
        let fresh = self
            .timeline
            .as_ref()
            .is_some_and(|(r, f, _)| *r == revision && *f == self.state.filter);
        if !fresh {
            let chart = timeline(
                &loaded.dataset,
                &analyzed.analysis,
                &analyzed.colors,
                &self.state.filter,
            );
            self.timeline = Some((revision, self.state.filter.clone(), chart));
        }
    }

    /// The discrepancies listed now (indices into the analysis), in order.
    pub fn discrepancy_rows(&self) -> &[usize] {
        self.discrepancy_rows
            .as_ref()
            .map_or(&[], |(_, _, rows)| rows.as_slice())
    }

    /// The timeline as drawn now.
    pub fn timeline(&self) -> Option<&TimelineChart> {
        self.timeline.as_ref().map(|(_, _, chart)| chart)
    }

    fn poll_analysis(&mut self) {
        let Some(outcome) = self.analysis_job.as_ref().and_then(AnalysisJob::poll) else {
            return;
        };
        let Some(job) = self.analysis_job.take() else {
            return;
        };
        let current = self.loaded.as_ref().map(|l| l.dataset.revision);
        if let (Some(analysis), Some(revision)) = (outcome, current)
            && revision == job.revision
        {
            let colors = source_colors(&analysis);
            // Open the Events tab on the most disputed event, or the first one.
            let first = analysis.discrepancies.first().map(|d| d.event);
            let first = first.or((!analysis.events.is_empty()).then_some(0));
            if let (Some(event), Some(loaded)) = (first, &self.loaded) {
                self.event_chart = Some((event, event_chart(&loaded.dataset, &analysis, event)));
            }
            self.analyzed = Some(Arc::new(Analyzed { analysis, colors }));
            self.discrepancy_rows = None;
        }
    }

    fn start_import(&mut self, ctx: &egui::Context, inputs: Vec<Input>, label: String) {
        if let Some(old) = self.job.take() {
            old.progress.cancel();
        }
        self.job = Some(ImportJob::start(inputs, self.options, label, ctx));
    }

    fn poll_import(&mut self) {
        let Some(outcome) = self.job.as_ref().and_then(ImportJob::poll) else {
            return;
        };
        let Some(job) = self.job.take() else {
            return;
        };
        match outcome {
            Ok(imported) => {
                let report = imported.report;
                let sources = summarize(&imported.dataset);
                self.message = Some(import_message(&report));
                if report.imported() == 0 {
                    self.state.tab = Tab::ImportReport;
                }
                self.selected = None;
                self.analyzed = None;
                self.event_chart = None;
                let dataset = Arc::new(imported.dataset);
                self.analysis_job = Some(AnalysisJob::start(
                    Arc::clone(&dataset),
                    Settings::default(),
                    self.state.aliases(),
                    &self.ctx,
                ));
                self.state.session = session_of(&job.inputs);
                self.loaded = Some(Loaded {
                    dataset,
                    report,
                    sources,
                    inputs: job.inputs,
                    label: job.label,
                });
            }
            Err(_) => {
                self.message = Some("Import cancelled: the data shown is unchanged.".to_owned())
            }
        }
    }

    fn dropped_files(ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::AddFiles(dropped));
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let Some(command) = self.apply_filter(command) else {
            return;
        };
        match command {
            Command::ShowOpenDialog => self.dialog.open(ctx),
            Command::OpenFiles(paths) => {
                let startup = Startup::files(paths);
                self.start_import(ctx, startup.inputs, startup.label);
            }
            Command::AddFiles(paths) => {
                let mut inputs = self
                    .loaded
                    .as_ref()
                    .map(|l| l.inputs.clone())
                    .unwrap_or_default();
                inputs.extend(paths.into_iter().map(Input::file));
                let label = files_label(&inputs);
                self.start_import(ctx, inputs, label);
            }
            Command::OpenSample(sample) => {
                let startup = Startup::sample(sample);
                self.start_import(ctx, startup.inputs, startup.label);
            }
            Command::CancelImport => {
                if let Some(job) = &self.job {
                    job.progress.cancel();
                }
            }
            Command::SetTab(tab) => self.state.tab = tab,
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                apply_theme(ctx, theme);
            }
            Command::SortBy(column) => self.state.sort = self.state.sort.toggled(column),
            Command::SelectClaim(index) => self.selected = index,
            Command::MergeSource(from, into) => {
                self.state.source_merges.insert(from, into);
                self.reanalyze();
            }
            Command::UndoMerges => {
                self.state.source_merges.clear();
                self.reanalyze();
            }
            Command::ExportAliases(path) => self.export_aliases(&path),
            Command::OpenClaim(claim) => {
                self.selected = Some(claim);
                let event = self
                    .analysis()
                    .and_then(|a| a.facts.get(claim as usize))
                    .and_then(|f| f.event);
                if let Some(event) = event {
                    self.apply(ctx, Command::OpenEvent(event as usize));
                }
            }
            Command::ShowWorkspaceDialog(action) => self.workspace_dialog.show(action),
            Command::SaveWorkspace(path) => self.save_workspace(&path),
            Command::OpenWorkspace(path) => self.open_workspace(ctx, &path),
            Command::ShowHelp => self.help_open = true,
            Command::SelectSource(source) => self.selected_source = source,
            Command::ResetLayout => ctx.memory_mut(|m| m.data = Default::default()),
            Command::SetSourceSide(source, side) => {
                self.state.source_sides.insert(source, side);
                self.reanalyze();
            }
            Command::SetSourceType(source, source_type) => {
                self.state.source_types.insert(source, source_type);
                self.reanalyze();
            }
            Command::OpenEvent(event) => {
                if let (Some(loaded), Some(analyzed)) = (&self.loaded, &self.analyzed) {
                    let chart = event_chart(&loaded.dataset, &analyzed.analysis, event);
                    self.event_chart = Some((event, chart));
                    self.state.tab = Tab::Events;
                }
            }
            Command::FocusSearch => {
                self.state.tab = Tab::Claims;
                self.focus_search = true;
            }
            Command::CopyReport => {
                if let Some(l) = &self.loaded {
                    ctx.copy_text(render_text(&l.report, &l.dataset));
                    self.message = Some("Import report copied to the clipboard.".to_owned());
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            // Filters were applied by `apply_filter`.
            _ => {}
        }
    }

    /// Applies a command that only changes what is shown; returns any other command.
    fn apply_filter(&mut self, command: Command) -> Option<Command> {
        match command {
            Command::ToggleSource(source) => {
                let hidden = &mut self.state.filter.hidden_sources;
                if !hidden.remove(&source) {
                    hidden.insert(source);
                }
            }
            Command::SetTimelineMode(mode) => self.state.filter.mode = mode,
            Command::SetClaimKind(kind) => self.state.filter.kind = kind,
            Command::ShowAllSources => self.state.filter.hidden_sources.clear(),
            Command::ClearSearch => self.search.clear(),
            Command::SetDiscrepancyFilter(filter) => self.state.discrepancy_filter = filter,
            Command::SetLogScale(log) => self.state.filter.log = log,
            Command::HideSources(sources) => self.state.filter.hidden_sources.extend(sources),
            Command::SetDateRange(from, to) => {
                self.state.filter.from = from;
                self.state.filter.to = to;
            }
            Command::ToggleSourceType(t) => {
                let hidden = &mut self.state.filter.hidden_types;
                if !hidden.remove(&t) {
                    hidden.insert(t);
                }
            }
            other => return Some(other),
        }
        None
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                if ui
                    .selectable_label(self.state.tab == tab, tab.title())
                    .clicked()
                {
                    commands.push(Command::SetTab(tab));
                }
            }
        });
        ui.separator();
        let Some(loaded) = &self.loaded else {
            ui.centered_and_justified(|ui| {
                ui.label(if self.job.is_some() {
                    "Importing…"
                } else {
                    "No data: File > Open CSV…"
                });
            });
            return;
        };
        match self.state.tab {
            Tab::Claims => {
                search_ui(ui, &mut self.search, std::mem::take(&mut self.focus_search));
                let ds = loaded.dataset.as_ref();
                if let Some(claim) = self.selected.and_then(|i| ds.claims.get(i as usize)) {
                    egui::Panel::bottom("claim-details")
                        .show(ui, |ui| claim_details_ui(ui, ds, claim, commands));
                }
                claims_table_ui(
                    ui,
                    ds,
                    self.analyzed.as_ref().map(|a| &a.analysis),
                    &self.rows.rows,
                    self.state.sort,
                    self.selected,
                    commands,
                );
            }
            Tab::ImportReport => import_report_ui(ui, &loaded.report, &loaded.sources, commands),
            tab => self.analysis_tab_ui(ui, tab, commands),
        }
    }

    /// The tabs drawn from the analysis: Timeline, Events, Discrepancies, Sources.
    fn analysis_tab_ui(&mut self, ui: &mut egui::Ui, tab: Tab, commands: &mut Vec<Command>) {
        let Some(loaded) = &self.loaded else { return };
        let Some(analyzed) = &self.analyzed else {
            ui.centered_and_justified(|ui| {
                ui.spinner();
                ui.label("Analysing…");
            });
            return;
        };
        let a = &analyzed.analysis;
        match tab {
            Tab::Timeline => {
                egui::Panel::left("filters")
                    .resizable(true)
                    .default_size(230.0)
                    .show(ui, |ui| {
                        filter_panel_ui(ui, a, &analyzed.colors, &self.state.filter, commands);
                    });
                if let Some((_, _, chart)) = &self.timeline {
                    timeline_ui(
                        ui,
                        loaded.dataset.as_ref(),
                        a,
                        chart,
                        &self.state.filter,
                        commands,
                    );
                }
            }
            Tab::Events => events_ui(ui, a, self.event_chart.as_ref(), &analyzed.colors, commands),
            Tab::Discrepancies => {
                let filter = self.state.discrepancy_filter;
                let rows: &[usize] = self
                    .discrepancy_rows
                    .as_ref()
                    .map_or(&[], |(_, _, rows)| rows.as_slice());
                discrepancies_ui(ui, a, rows, filter, commands);
            }
            _ => sources_ui(
                ui,
                a,
                &analyzed.colors,
                &self.state.source_merges,
                self.selected_source.as_deref(),
                commands,
            ),
        }
    }
}

/// How to reopen these inputs next time.
fn session_of(inputs: &[Input]) -> Session {
    let paths: Option<Vec<PathBuf>> = inputs
        .iter()
        .map(|i| i.path().map(ToOwned::to_owned))
        .collect();
    match (paths, inputs) {
        (Some(paths), _) if !paths.is_empty() => Session::Files(paths),
        (_, [one]) => Sample::ALL
            .into_iter()
            .find(|s| s.file_name() == one.file_name())
            .map_or(Session::Demo, Session::Sample),
        _ => Session::Demo,
    }
}

fn import_message(report: &ImportReport) -> String {
    let mut message = format!(
        "Imported {} claims from {} file(s)",
        report.imported(),
        report.files.len()
    );
    let rejected = report.rejected();
    let failed = report.failed_files().count();
    if rejected > 0 || failed > 0 {
        message.push_str(&format!(
            "; {rejected} row(s) rejected, {failed} file(s) unreadable — see the Import report"
        ));
    }
    message
}

fn apply_theme(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(match theme {
        ThemeChoice::System => egui::ThemePreference::System,
        ThemeChoice::Light => egui::ThemePreference::Light,
        ThemeChoice::Dark => egui::ThemePreference::Dark,
    });
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

impl eframe::App for TriangulateApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_import();
        self.poll_analysis();
        if let Some(files) = self.dialog.poll() {
            self.apply(&ctx, Command::OpenFiles(files));
        }
        if let Some(loaded) = &self.loaded {
            self.rows
                .update(&loaded.dataset, self.state.sort, &self.search);
        }
        self.update_timeline();
        let mut commands = Vec::new();
        shortcuts(&ctx, &mut commands);
        Self::dropped_files(&ctx, &mut commands);
        egui::Panel::top("menu-bar")
            .show(ui, |ui| menu_bar_ui(ui, self.state.theme, &mut commands));
        let info = StatusInfo {
            shown: self.rows.rows.len(),
            total: self.dataset().map_or(0, |d| d.claims.len()),
            label: self.loaded.as_ref().map_or("", |l| l.label.as_str()),
            rejected: self.report().map_or(0, ImportReport::rejected),
            message: self.message.as_deref(),
            chips: self.filter_chips(),
        };
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar_ui(ui, &info, self.job.as_ref(), &mut commands)
        });
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        self.dialog.path_window_ui(&ctx, &mut commands);
        super::help::help_window_ui(&ctx, &mut self.help_open);
        self.workspace_dialog.ui(&ctx, &mut commands);
        drop_overlay(&ctx);
        for command in commands {
            self.apply(&ctx, command);
        }
        if self.job.is_some() || self.analysis_job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let ready = self.loaded.is_some() && self.job.is_none() && self.analysis_job.is_none();
        if let Some(plan) = &mut self.screenshot
            && let Some(tab) = plan.tick(&ctx, ready)
        {
            self.state.tab = tab;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}
