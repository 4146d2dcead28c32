//! The status bar: what is loaded, and the progress of work under way.

use eframe::egui;

use crate::core::progress::Progress;
use crate::ui::commands::{AnalysisCommand, Command, FileCommand, NavCommand};

pub struct StatusInfo<'a> {
    pub shown: usize,
    pub total: usize,
    pub label: &'a str,
    pub rejected: usize,
    pub message: Option<&'a str>,
    /// Active filters: what each says, and the command that clears it.
    pub chips: Vec<(String, Command)>,
    /// A new filter is being applied off the UI thread.
    pub updating: bool,
}

pub fn status_bar_ui(
    ui: &mut egui::Ui,
    info: &StatusInfo<'_>,
    (importing, analysing): (Option<(&str, &Progress)>, Option<&Progress>),
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if let Some(progress) = analysing.filter(|_| importing.is_none()) {
            analysis_progress_ui(ui, progress, commands);
            ui.separator();
        }
        if let Some((label, progress)) = importing {
            ui.spinner();
            ui.label(format!("Importing {label}…"));
            ui.add(
                egui::ProgressBar::new(progress.fraction())
                    .desired_width(200.0)
                    .show_percentage(),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::File(FileCommand::CancelImport));
            }
            ui.separator();
        }
        if info.updating {
            ui.spinner();
            ui.label("Filtering…");
            ui.separator();
        }
        ui.label(format!("{} of {} claims shown", info.shown, info.total));
        for (text, clear) in &info.chips {
            ui.separator();
            if ui
                .button(format!("{text}  ×"))
                .on_hover_text("Clear this filter")
                .clicked()
            {
                commands.push(clear.clone());
            }
        }
        if info.rejected > 0 {
            ui.separator();
            let link = ui.link(format!("{} rejected row(s)", info.rejected));
            if link.clicked() {
                commands.push(Command::Nav(NavCommand::SetTab(
                    crate::ui::app::state::Tab::ImportReport,
                )));
            }
        }
        ui.separator();
        ui.weak(info.label);
        if let Some(message) = info.message {
            ui.separator();
            ui.label(message);
        }
    });
}

/// "Analysing… 40%" with a Cancel button: in the status bar, and in place of a view that waits
/// for the analysis.
pub fn analysis_progress_ui(ui: &mut egui::Ui, progress: &Progress, commands: &mut Vec<Command>) {
    ui.spinner();
    ui.label("Analysing…");
    ui.add(
        egui::ProgressBar::new(progress.fraction())
            .desired_width(160.0)
            .show_percentage(),
    );
    if ui
        .button("Cancel")
        .on_hover_text("Stop the analysis; the data stays open")
        .clicked()
    {
        commands.push(Command::Analysis(AnalysisCommand::Cancel));
    }
}
