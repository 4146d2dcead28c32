//! File → Save workspace… and Open workspace…: a path field, with the last used path filled in.

use std::path::PathBuf;

use eframe::egui;

use crate::ui::commands::{Command, FileCommand, WorkspaceAction};

#[derive(Default)]
pub struct WorkspaceDialog {
    pub action: Option<WorkspaceAction>,
    pub path: String,
}

impl WorkspaceDialog {
    pub fn show(&mut self, action: WorkspaceAction) {
        self.action = Some(action);
        if self.path.is_empty() {
            self.path = "view.triangulate.json".to_owned();
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(action) = self.action else { return };
        let (title, button) = match action {
            WorkspaceAction::Save => ("Save workspace", "Save"),
            WorkspaceAction::Open => ("Open workspace", "Open"),
        };
        let mut open = true;
        let mut submit = false;
        egui::Window::new(title).open(&mut open).collapsible(false).default_width(480.0).show(ctx, |ui| {
            ui.label("The workspace keeps the files (with their SHA-256), the chart filter and your corrections.");
            let edit = ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY).hint_text("view.triangulate.json"));
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            submit = ui.button(button).clicked() || enter;
        });
        let path = PathBuf::from(self.path.trim());
        if submit && !self.path.trim().is_empty() {
            commands.push(match action {
                WorkspaceAction::Save => Command::File(FileCommand::SaveWorkspace(path)),
                WorkspaceAction::Open => Command::File(FileCommand::OpenWorkspace(path)),
            });
            self.action = None;
        }
        if !open {
            self.action = None;
        }
    }
}
