//! The window: a thin layer that draws the core's data and turns clicks into commands.

mod app;
mod claims_table;
mod commands;
mod discrepancies_view;
mod events_view;
mod file_dialog;
mod filter_panel;
mod jobs;
mod menu;
mod report_view;
mod screenshot;
mod sources_view;
mod state;
mod status_bar;
mod timeline_view;

use std::process::ExitCode;

pub use app::{Startup, TriangulateApp};
pub use commands::Command;
pub use state::Tab;

use crate::cli::WindowArgs;

/// Opens the window and runs until it is closed.
pub fn run(args: WindowArgs) -> ExitCode {
    let screenshot = args.screenshot.clone();
    let outcome = screenshot::Outcome::default();
    let mut startup = Startup::from_args(args);
    startup.fresh_state = screenshot.is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Triangulate")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: screenshot.is_none(),
        ..Default::default()
    };
    let app_outcome = outcome.clone();
    let result = eframe::run_native(
        "Triangulate",
        options,
        Box::new(move |cc| {
            let mut app = TriangulateApp::new(cc, startup);
            if let Some(path) = screenshot {
                app.take_screenshot(path, app_outcome);
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
