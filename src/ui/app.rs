//! The app: state, caches and jobs; draws panels from them and applies the commands they
//! return.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::claims_table::{claim_details_ui, claims_table_ui};
use super::commands::{Command, FacetKind};
use super::derived::{Analyzed, Derived};
use super::discrepancies_view::discrepancies_ui;
use super::events_view::events_ui;
use super::export_dialog::ExportDialog;
use super::file_dialog::OpenDialog;
use super::filter_panel::filter_panel_ui;
use super::jobs::{AnalysisJob, ExportJob, ImportJob};
use super::menu::{menu_bar_ui, shortcuts};
use super::merge_dialog::MergeDialog;
use super::report_view::import_report_ui;
use super::screenshot::ScreenshotPlan;
use super::sources_view::sources_ui;
use super::state::{Session, Tab, ThemeChoice, UiState};
use super::status_bar::{StatusInfo, status_bar_ui};
use super::timeline_view::timeline_ui;
use super::workspace_dialog::WorkspaceDialog;
use crate::cli::{StartTab, WindowArgs};
use crate::core::analysis::{AliasKind, Analysis, Settings};
use crate::core::charts::{ChartFilter, EventChart, TimelineChart, event_chart};
use crate::core::check::render_text;
use crate::core::export::figure::Provenance;
use crate::core::export::report::InputFile;
use crate::core::export::tables::TableKind;
use crate::core::export::{
    ChartData, ChartKind, ExportRequest, ExportTarget, describe_filter, export, today,
};
use crate::core::files::{Overwrite, write_atomic};
use crate::core::import::{ImportOptions, ImportReport, Input};
use crate::core::model::Dataset;
use crate::core::samples::Sample;
use crate::core::sources::{SourceSummary, summarize};
use crate::core::workspace::{Corrections, Workspace};

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

pub struct TriangulateApp {
    state: UiState,
    analyzed: Option<Arc<Analyzed>>,
    analysis_job: Option<AnalysisJob>,
    /// The selected event and its chart, built once on selection.
    event_chart: Option<(usize, EventChart)>,
    /// Everything the views draw, rebuilt only when what it comes from changes.
    derived: Derived,
    /// The generation of the newest job started: a result from any other is dropped.
    generation: u64,
    options: ImportOptions,
    loaded: Option<Loaded>,
    focus_search: bool,
    selected: Option<u32>,
    job: Option<ImportJob>,
    dialog: OpenDialog,
    message: Option<String>,
    screenshot: Option<ScreenshotPlan>,
    ctx: egui::Context,
    help_open: bool,
    workspace_dialog: WorkspaceDialog,
    merge_dialog: MergeDialog,
    export_dialog: ExportDialog,
    export_job: Option<ExportJob>,
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
            derived: Derived::default(),
            generation: 0,
            options: startup.options,
            loaded: None,
            focus_search: false,
            selected: None,
            job: None,
            dialog: OpenDialog::default(),
            message: None,
            screenshot: None,
            ctx: cc.egui_ctx.clone(),
            help_open: false,
            workspace_dialog: WorkspaceDialog::default(),
            merge_dialog: MergeDialog::default(),
            export_dialog: ExportDialog::default(),
            export_job: None,
            selected_source: None,
        };
        install_fonts(&cc.egui_ctx);
        // Labels show text put in visual order for display; selecting and copying them would
        // copy that, not what the data says. Copy buttons give the logical text.
        cc.egui_ctx
            .all_styles_mut(|style| style.interaction.selectable_labels = false);
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
        self.job.is_some()
            || self.analysis_job.is_some()
            || self.export_job.is_some()
            || self.derived.is_updating()
    }

    pub fn dataset(&self) -> Option<&Dataset> {
        self.loaded.as_ref().map(|l| l.dataset.as_ref())
    }

    pub fn report(&self) -> Option<&ImportReport> {
        self.loaded.as_ref().map(|l| &l.report)
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

    /// The filters in force (and the timeline's own settings).
    pub fn filter(&self) -> &ChartFilter {
        &self.state.filter
    }

    /// The user's corrections in force.
    pub fn corrections(&self) -> &Corrections {
        &self.state.corrections
    }

    /// Applies a command as if a panel had sent it (for scripted use and tests).
    pub fn send(&mut self, command: Command) {
        let ctx = self.ctx.clone();
        self.apply(&ctx, command);
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
        let corrections = &self.state.corrections;
        let written = write_atomic(path, corrections.alias_csv().as_bytes(), Overwrite::Yes);
        self.message = Some(match written {
            Ok(()) => format!(
                "Saved {} merge(s) to {}",
                corrections.merge_count(),
                path.display()
            ),
            Err(e) => format!("Could not save the aliases: {e}"),
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
        let saved = Workspace::new(
            &paths,
            self.state.filter.clone(),
            self.state.corrections.clone(),
        )
        .and_then(|w| w.save(path));
        self.message = Some(match saved {
            Ok(()) if paths.is_empty() => format!(
                "Saved {} (the built-in sample data is not a file, so no files are listed)",
                path.display()
            ),
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Could not save the workspace: {e}"),
        });
    }

    /// Opens a workspace: its files, filter and corrections.
    pub fn open_workspace(&mut self, ctx: &egui::Context, path: &std::path::Path) {
        match Workspace::load(path) {
            Ok((workspace, warnings)) => {
                self.state.filter = workspace.filter.clone();
                self.state.corrections = workspace.corrections.clone();
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

    /// Writes an export off the UI thread, from the data, analysis and filters shown now.
    fn start_export(&mut self, mut request: ExportRequest) {
        let (Some(loaded), Some(analyzed)) = (&self.loaded, &self.analyzed) else {
            self.message = Some("Nothing to export yet: the data is still loading.".to_owned());
            return;
        };
        if self.export_job.is_some() {
            self.message = Some("An export is still being written.".to_owned());
            return;
        }
        request.event = request.event.or(self.selected_event());
        let dataset = Arc::clone(&loaded.dataset);
        let analyzed = Arc::clone(analyzed);
        let filter = self.state.filter.clone();
        let selection = self.derived.selection.clone();
        let inputs = loaded.inputs.clone();
        let report = loaded.report.clone();
        let provenance = Provenance {
            files: inputs.iter().map(|i| i.file_name().to_owned()).collect(),
            date: today().format("%-d %B %Y").to_string(),
            filters: String::new(),
        };
        self.message = Some(format!("Exporting to {}…", request.path.display()));
        self.export_job = Some(ExportJob::start(
            move || {
                let data = ChartData {
                    dataset: &dataset,
                    analysis: &analyzed.analysis,
                    colors: &analyzed.colors,
                    filter: &filter,
                    selection: &selection,
                    provenance,
                };
                let files = if request.target == ExportTarget::Report {
                    InputFile::list(&inputs, &report)
                } else {
                    Vec::new()
                };
                export(&data, &files, &request)
            },
            &self.ctx,
        ));
    }

    fn poll_export(&mut self) {
        let Some(outcome) = self.export_job.as_ref().and_then(ExportJob::poll) else {
            return;
        };
        self.export_job = None;
        self.message = Some(match outcome {
            Ok(done) => done,
            Err(e) => format!("Could not export: {e}"),
        });
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
        for (set, what, kind) in [
            (&filter.places, "place", FacetKind::Place),
            (&filter.groups, "group", FacetKind::Group),
        ] {
            if !set.is_empty() {
                let names: Vec<&str> = set.iter().map(String::as_str).take(2).collect();
                let more = set.len().saturating_sub(2);
                let more = if more > 0 {
                    format!(" +{more}")
                } else {
                    String::new()
                };
                chips.push((
                    format!("{what}: {}{more}", names.join(", ")),
                    Command::ClearFacet(kind),
                ));
            }
        }
        if !filter.search.is_empty() {
            chips.push((
                format!("search: \u{201c}{}\u{201d}", filter.search),
                Command::ClearSearch,
            ));
        }
        // Names and searches may be right to left.
        chips
            .into_iter()
            .map(|(label, command)| (super::bidi::display_ltr(&label).into_owned(), command))
            .collect()
    }

    /// Runs the analysis again, with the user's current corrections.
    fn reanalyze(&mut self) {
        if let Some(loaded) = &self.loaded {
            let dataset = Arc::clone(&loaded.dataset);
            self.start_analysis(dataset);
        }
    }

    fn start_analysis(&mut self, dataset: Arc<Dataset>) {
        self.generation += 1;
        self.analysis_job = Some(AnalysisJob::start(
            dataset,
            self.generation,
            Settings::default(),
            self.state.corrections.aliases(),
            &self.ctx,
        ));
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
        super::timeline_view::claim_position(&self.ctx, chart, claim)
    }

    /// Whether File > Export… is showing.
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
            && job.generation == self.generation
        {
            // Open the Events tab on the most disputed event, or the first one.
            let first = analysis.discrepancies.first().map(|d| d.event);
            let first = first.or((!analysis.events.is_empty()).then_some(0));
            if let (Some(event), Some(loaded)) = (first, &self.loaded) {
                self.event_chart = Some((event, event_chart(&loaded.dataset, &analysis, event)));
            }
            if let Some(loaded) = &self.loaded {
                let analyzed = Analyzed::new(analysis, job.generation, &loaded.dataset);
                self.analyzed = Some(Arc::new(analyzed));
            }
        }
    }

    fn start_import(&mut self, ctx: &egui::Context, inputs: Vec<Input>, label: String) {
        if let Some(old) = self.job.take() {
            old.progress.cancel();
        }
        self.generation += 1;
        self.job = Some(ImportJob::start(
            inputs,
            self.generation,
            self.options,
            label,
            ctx,
        ));
    }

    fn poll_import(&mut self) {
        let Some(outcome) = self.job.as_ref().and_then(ImportJob::poll) else {
            return;
        };
        let Some(job) = self.job.take() else {
            return;
        };
        if job.generation != self.generation {
            return;
        }
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
                self.start_analysis(Arc::clone(&dataset));
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
        let Some(command) = self
            .apply_filter(command)
            .and_then(|c| self.apply_correction(c))
            .and_then(|c| self.apply_dialog(ctx, c))
        else {
            return;
        };
        match command {
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
            Command::SelectSource(source) => self.selected_source = source,
            Command::ResetLayout => ctx.memory_mut(|m| m.data = Default::default()),
            Command::OpenEvent(event) => {
                if let (Some(loaded), Some(analyzed)) = (&self.loaded, &self.analyzed) {
                    let chart = event_chart(&loaded.dataset, &analyzed.analysis, event);
                    self.event_chart = Some((event, chart));
                    self.state.tab = Tab::Events;
                }
            }
            Command::FocusSearch => {
                if self.state.tab == Tab::ImportReport {
                    self.state.tab = Tab::Claims;
                }
                self.focus_search = true;
            }
            Command::ShowSourceClaims(source) => {
                if let Some(a) = self.analysis() {
                    self.state.filter.hidden_sources = a
                        .scorecard
                        .iter()
                        .map(|s| s.source.clone())
                        .filter(|s| *s != source)
                        .collect();
                    self.state.tab = Tab::Claims;
                }
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

    /// Opens a dialog, or does what a dialog asked for; returns any other command.
    fn apply_dialog(&mut self, ctx: &egui::Context, command: Command) -> Option<Command> {
        match command {
            Command::ShowOpenDialog => self.dialog.open(ctx),
            Command::ShowWorkspaceDialog(action) => self.workspace_dialog.show(action),
            Command::SaveWorkspace(path) => self.save_workspace(&path),
            Command::OpenWorkspace(path) => self.open_workspace(ctx, &path),
            Command::ShowHelp => self.help_open = true,
            Command::ShowMergeDialog(kind, name) => self.merge_dialog.show(kind, name),
            Command::Export(request) => self.start_export(request),
            Command::ShowExportDialog(target) => {
                let target = target.unwrap_or(match self.state.tab {
                    Tab::Timeline => ExportTarget::Chart(ChartKind::Timeline),
                    Tab::Events => ExportTarget::Chart(ChartKind::Event),
                    Tab::Sources => ExportTarget::Chart(ChartKind::Sources),
                    Tab::Discrepancies => ExportTarget::Table(TableKind::Discrepancies),
                    Tab::Claims => ExportTarget::Table(TableKind::Claims),
                    Tab::ImportReport => ExportTarget::Report,
                });
                self.export_dialog.show(target);
            }
            other => return Some(other),
        }
        None
    }

    /// Applies a correction of the data (a merge, a type, a side), which reruns the analysis;
    /// returns any other command.
    fn apply_correction(&mut self, command: Command) -> Option<Command> {
        match command {
            Command::Merge(kind, from, into) => {
                rename_in_filter(&mut self.state.filter, kind, &from, &into);
                self.state.corrections.merges_mut(kind).insert(from, into);
                self.reanalyze();
            }
            Command::UndoMerges => {
                for kind in AliasKind::ALL {
                    self.state.corrections.merges_mut(kind).clear();
                }
                self.reanalyze();
            }
            Command::ExportAliases(path) => self.export_aliases(&path),
            Command::SetSourceSide(source, side) => {
                self.state.corrections.source_sides.insert(source, side);
                self.reanalyze();
            }
            Command::SetSourceType(source, source_type) => {
                self.state
                    .corrections
                    .source_types
                    .insert(source, source_type);
                self.reanalyze();
            }
            other => return Some(other),
        }
        None
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
            Command::ClearSearch => self.state.filter.search.clear(),
            Command::SetSearch(text) => self.state.filter.search = text,
            Command::ToggleFacet(kind, name) => {
                let set = facet_set(&mut self.state.filter, kind);
                if !set.remove(&name) {
                    set.insert(name);
                }
            }
            Command::ClearFacet(kind) => facet_set(&mut self.state.filter, kind).clear(),
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
                let ds = loaded.dataset.as_ref();
                if let Some(claim) = self.selected.and_then(|i| ds.claims.get(i as usize)) {
                    egui::Panel::bottom("claim-details")
                        .show(ui, |ui| claim_details_ui(ui, ds, claim, commands));
                }
                claims_table_ui(
                    ui,
                    ds,
                    self.analyzed.as_ref().map(|a| &a.analysis),
                    &self.derived.rows.rows,
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
                if let Some(chart) = &self.derived.timeline {
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
            Tab::Events => events_ui(
                ui,
                a,
                &self.derived.events,
                self.event_chart.as_ref(),
                &analyzed.colors,
                commands,
            ),
            Tab::Discrepancies => discrepancies_ui(
                ui,
                a,
                &self.derived.discrepancies,
                self.state.discrepancy_filter,
                &analyzed.type_pairs,
                commands,
            ),
            _ => sources_ui(
                ui,
                analyzed,
                &self.derived,
                &self.state.corrections,
                self.selected_source.as_deref(),
                commands,
            ),
        }
    }
}

/// The place or group set of the filter.
fn facet_set(filter: &mut ChartFilter, kind: FacetKind) -> &mut std::collections::BTreeSet<String> {
    match kind {
        FacetKind::Place => &mut filter.places,
        FacetKind::Group => &mut filter.groups,
    }
}

/// Keeps the filter pointing at a renamed name: a chosen or hidden name becomes the new one.
fn rename_in_filter(filter: &mut ChartFilter, kind: AliasKind, from: &str, into: &str) {
    let set = match kind {
        AliasKind::Source => &mut filter.hidden_sources,
        AliasKind::Place => &mut filter.places,
        AliasKind::Group => &mut filter.groups,
    };
    if set.remove(from) {
        set.insert(into.to_owned());
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

/// egui's fonts, with two after them for what they lack: Noto Sans Arabic for Arabic,
/// Persian and Kurdish letters, then DejaVu Sans for arrows, mathematical signs and the many
/// other symbols that turn up in quotes.
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (name, data) in [
        ("noto-sans-arabic", crate::core::fonts::NOTO_SANS_ARABIC),
        ("dejavu-sans", crate::core::fonts::DEJAVU_SANS),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(egui::FontData::from_static(data)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
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
        self.poll_export();
        if let Some(files) = self.dialog.poll() {
            self.apply(&ctx, Command::OpenFiles(files));
        }
        if let Some(loaded) = &self.loaded {
            self.derived
                .update(&loaded.dataset, self.analyzed.as_ref(), &self.state, &ctx);
        }
        let mut commands = Vec::new();
        shortcuts(&ctx, &mut commands);
        Self::dropped_files(&ctx, &mut commands);
        egui::Panel::top("menu-bar")
            .show(ui, |ui| menu_bar_ui(ui, self.state.theme, &mut commands));
        let info = StatusInfo {
            shown: self.derived.selection.count(),
            total: self.dataset().map_or(0, |d| d.claims.len()),
            label: self.loaded.as_ref().map_or("", |l| l.label.as_str()),
            rejected: self.report().map_or(0, ImportReport::rejected),
            message: self.message.as_deref(),
            chips: self.filter_chips(),
            updating: self.derived.is_updating(),
        };
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar_ui(ui, &info, self.job.as_ref(), &mut commands)
        });
        if let Some(analyzed) = &self.analyzed
            && self.state.tab != Tab::ImportReport
        {
            egui::Panel::left("filters")
                .resizable(true)
                .default_size(240.0)
                .show(ui, |ui| {
                    let focus = std::mem::take(&mut self.focus_search);
                    filter_panel_ui(ui, analyzed, &self.state.filter, focus, &mut commands);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        self.dialog.path_window_ui(&ctx, &mut commands);
        super::help::help_window_ui(&ctx, &mut self.help_open);
        self.workspace_dialog.ui(&ctx, &mut commands);
        if self.export_dialog.is_open() {
            let filters = describe_filter(&self.state.filter, ChartKind::Sources);
            self.export_dialog.ui(&ctx, &filters, &mut commands);
        }
        if let Some(analyzed) = &self.analyzed {
            self.merge_dialog
                .ui(&ctx, |kind| analyzed.names(kind), &mut commands);
        }
        drop_overlay(&ctx);
        for command in commands {
            self.apply(&ctx, command);
        }
        if self.is_busy() {
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
