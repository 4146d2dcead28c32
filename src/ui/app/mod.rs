//! The app: its state, caches and jobs. Each frame it polls the jobs, brings the derived data
//! up to date, draws the panels from it and applies the commands they return.
//!
//! `state.rs` is what the window remembers between runs; `startup.rs` what it opens with;
//! `apply.rs` applies commands; `work.rs` starts and polls the background jobs;
//! `files.rs` saves and opens workspaces and alias files; `layout.rs` lays out the panels;
//! `look.rs` sets fonts and theme; `inspect.rs` lets tests and scripts read what is shown.

mod apply;
mod files;
mod inspect;
mod layout;
mod look;
pub mod startup;
pub mod state;
mod work;

use std::sync::Arc;

use eframe::egui;

pub use self::startup::Startup;
use self::state::{Session, UiState};
use self::work::{Exporting, Importing};
use crate::core::import::{ImportOptions, ImportReport, Input};
use crate::core::model::Dataset;
use crate::core::view::analyzed::Analyzed;
use crate::core::view::sources::SourceSummary;
use crate::ui::chrome::menu::{menu_bar_ui, shortcuts};
use crate::ui::chrome::status_bar::{StatusInfo, status_bar_ui};
use crate::ui::derived::Derived;
use crate::ui::dialogs::export::ExportDialog;
use crate::ui::dialogs::merge::MergeDialog;
use crate::ui::dialogs::open_files::OpenDialog;
use crate::ui::dialogs::workspace::WorkspaceDialog;
use crate::ui::jobs::{Generations, Job};
use crate::ui::screenshot::ScreenshotPlan;

/// The imported data and what is derived from it once per import.
struct Opened {
    dataset: Arc<Dataset>,
    report: ImportReport,
    sources: Vec<SourceSummary>,
    inputs: Vec<Input>,
    label: String,
}

pub struct TriangulateApp {
    state: UiState,
    options: ImportOptions,
    opened: Option<Opened>,
    /// The analysis in force, and the generation of the analysis job it came from.
    analyzed: Option<(Arc<Analyzed>, u64)>,
    /// Each kind of job has its own generations: a newer analysis never makes an import
    /// that is still running stale, nor the other way round.
    imports: Generations,
    analyses: Generations,
    import_job: Option<Importing>,
    /// An analysis under way, for a dataset revision.
    analysis_job: Option<Job<Result<(u64, Analyzed), crate::core::progress::Cancelled>>>,
    export_job: Option<Exporting>,
    /// Everything the views draw, rebuilt only when what it comes from changes.
    derived: Derived,
    /// The event the Events tab shows.
    selected_event: Option<usize>,
    selected: Option<u32>,
    selected_source: Option<String>,
    focus_search: bool,
    message: Option<String>,
    dialog: OpenDialog,
    help_open: bool,
    workspace_dialog: WorkspaceDialog,
    merge_dialog: MergeDialog,
    mapping_dialog: crate::ui::dialogs::mapping::MappingDialog,
    export_dialog: ExportDialog,
    extract_dialog: crate::ui::dialogs::extract::ExtractDialog,
    screenshot: Option<ScreenshotPlan>,
    ctx: egui::Context,
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
        if let Some(theme) = startup.theme {
            state.theme = theme;
        }
        let mut startup = startup;
        if startup.restore && saved.is_some() {
            let options = startup.options;
            let (tab, theme) = (startup.tab, startup.theme);
            match &state.session {
                Session::Demo => {}
                Session::Sample(sample) => startup = Startup::sample(*sample),
                Session::Files(paths) => startup = Startup::files(paths.clone()),
            }
            startup.options = options;
            startup.tab = tab;
            startup.theme = theme;
        }
        let mut app = Self {
            state,
            options: startup.options,
            opened: None,
            analyzed: None,
            imports: Generations::default(),
            analyses: Generations::default(),
            import_job: None,
            analysis_job: None,
            export_job: None,
            derived: Derived::default(),
            selected_event: None,
            selected: None,
            selected_source: None,
            focus_search: false,
            message: None,
            dialog: OpenDialog::default(),
            help_open: false,
            workspace_dialog: WorkspaceDialog::default(),
            merge_dialog: MergeDialog::default(),
            mapping_dialog: crate::ui::dialogs::mapping::MappingDialog::default(),
            export_dialog: ExportDialog::default(),
            extract_dialog: crate::ui::dialogs::extract::ExtractDialog::default(),
            screenshot: None,
            ctx: cc.egui_ctx.clone(),
        };
        look::install_fonts(&cc.egui_ctx);
        // Labels show text put in visual order for display; selecting and copying them would
        // copy that, not what the data says. Copy buttons give the logical text.
        cc.egui_ctx
            .all_styles_mut(|style| style.interaction.selectable_labels = false);
        look::apply_theme(&cc.egui_ctx, app.state.theme);
        if let Some((text, info)) = &startup.extract {
            app.extract_dialog.open_with(text.clone(), info);
        }
        app.start_import(startup.inputs, startup.label);
        app
    }

    /// Saves screenshots once the data is in, then closes the window.
    pub fn take_screenshots(&mut self, plan: ScreenshotPlan) {
        self.screenshot = Some(plan);
    }

    fn analyzed(&self) -> Option<&Arc<Analyzed>> {
        self.analyzed.as_ref().map(|(a, _)| a)
    }

    /// The status bar's summary of what is loaded and what is under way.
    fn status_info(&self) -> StatusInfo<'_> {
        StatusInfo {
            shown: self.derived.selection.count(),
            total: self.dataset().map_or(0, |d| d.claims.len()),
            label: self.opened.as_ref().map_or("", |o| o.label.as_str()),
            rejected: self.report().map_or(0, ImportReport::rejected),
            message: self.message.as_deref(),
            chips: self.filter_chips(),
            updating: self.derived.is_updating(),
        }
    }
}

impl eframe::App for TriangulateApp {
    /// While screenshots are taken the pointer is kept off the window, so no hover, tooltip
    /// or crosshair shows in them.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
            raw_input
                .events
                .retain(|e| !matches!(e, egui::Event::PointerMoved(_)));
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_import();
        self.poll_analysis();
        self.poll_export();
        if let Some(command) = self.dialog.poll_command() {
            self.apply(&ctx, command);
        }
        if let Some(opened) = &self.opened {
            let analyzed = self.analyzed.as_ref().map(|(a, g)| (a, *g));
            self.derived.update(
                &opened.dataset,
                analyzed,
                &self.state,
                (self.selected_event, self.selected_source.as_deref()),
                &ctx,
            );
        }
        let mut commands = Vec::new();
        shortcuts(&ctx, &mut commands);
        layout::dropped_files(&ctx, &mut commands);
        egui::Panel::top("menu-bar").show(ui, |ui| {
            let format = self.options.format.as_deref();
            menu_bar_ui(ui, self.state.theme, format, &mut commands);
        });
        let info = self.status_info();
        let importing = self
            .import_job
            .as_ref()
            .map(|i| (i.label.as_str(), i.job.progress.as_ref()));
        let analysing = self.analysis_job.as_ref().map(|j| j.progress.as_ref());
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar_ui(ui, &info, (importing, analysing), &mut commands)
        });
        self.panels_ui(ui, &mut commands);
        self.windows_ui(&ctx, &mut commands);
        for command in commands {
            self.apply(&ctx, command);
        }
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let ready =
            self.opened.is_some() && self.import_job.is_none() && self.analysis_job.is_none();
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
