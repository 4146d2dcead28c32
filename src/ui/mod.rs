//! The window: a thin layer that draws the core's data and turns clicks into commands.

mod app;
mod bidi;
mod chrome;
mod commands;
mod derived;
mod dialogs;
mod jobs;
mod screenshot;
mod views;

use std::process::ExitCode;

pub use app::state::{DiscrepancyFilter, Tab};
pub use app::{Startup, TriangulateApp};
pub use bidi::display as display_text;
pub use commands::{
    AnalysisCommand, Command, CorrectionCommand, ExportCommand, FacetKind, FileCommand,
    FilterCommand, FindingsCommand, JudgementCommand, MappingCommand, NavCommand, TableCommand,
    TimelineCommand, WorkspaceAction,
};

use crate::cli::WindowArgs;

/// Opens the window and runs until it is closed.
pub fn run(args: WindowArgs) -> ExitCode {
    let outcome = screenshot::Outcome::default();
    let plan = match (&args.screenshot, &args.screenshot_dir) {
        (Some(path), _) => Some(screenshot::ScreenshotPlan::single(
            path.clone(),
            outcome.clone(),
        )),
        (None, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("error: cannot create {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            Some(screenshot::ScreenshotPlan::every_tab(dir, outcome.clone()))
        }
        (None, None) => None,
    };
    let workspace = args.workspace.clone();
    let asked_size = args.window_size;
    let size = asked_size.unwrap_or([1280.0, 800.0]);
    let mut startup = Startup::from_args(args);
    startup.fresh_state = plan.is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Triangulate")
            .with_inner_size(size)
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: plan.is_none(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Triangulate",
        options,
        Box::new(move |cc| {
            if let Some([w, h]) = asked_size {
                // A size asked for on the command line wins over the one remembered.
                cc.egui_ctx
                    .send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(w, h)));
            }
            let mut app = TriangulateApp::new(cc, startup);
            if let Some(path) = &workspace {
                app.open_workspace(path);
            }
            if let Some(plan) = plan {
                app.take_screenshots(plan);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = result {
        eprintln!("error: cannot open the window: {e}");
        return ExitCode::FAILURE;
    }
    outcome.exit_code()
}

use eframe::egui;
