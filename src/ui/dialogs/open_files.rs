//! The native file dialog, run off the UI thread, and the typed-path fallback.

use std::path::PathBuf;

use eframe::egui;

use crate::ui::commands::{Command, FileCommand};
use crate::ui::jobs::{Job, Outcome};

/// A file dialog that may be open on another thread.
#[derive(Default)]
pub struct OpenDialog {
    pending: Option<Job<Option<Vec<PathBuf>>>>,
    /// The typed-path window is shown.
    pub path_window: bool,
    pub path_text: String,
    /// The files chosen are added to those open (File ▸ Add files…), not opened instead.
    pub adding: bool,
    pub hint: Option<String>,
}

impl OpenDialog {
    /// Opens the system dialog (if there is one) and the path window beside it; `adding`:
    /// the files chosen join those open.
    pub fn open(&mut self, ctx: &egui::Context, adding: bool) {
        self.adding = adding;
        self.path_window = true;
        self.hint = None;
        if self.pending.is_some() {
            return;
        }
        self.pending = Some(Job::spawn("file-dialog", 0, ctx, |_| {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Open CSV files of claims")
                .add_filter("CSV", &["csv", "tsv", "txt"])
                .pick_files();
            pollster::block_on(dialog)
                .map(|files| files.into_iter().map(|f| f.path().to_path_buf()).collect())
        }));
    }

    /// What to do with the files the dialog returned, once it has closed.
    pub fn poll_command(&mut self) -> Option<Command> {
        let files = self.poll()?;
        Some(self.command(files))
    }

    fn command(&self, files: Vec<PathBuf>) -> Command {
        if self.adding {
            Command::File(FileCommand::Add(files))
        } else {
            Command::File(FileCommand::Open(files))
        }
    }

    /// Files the dialog returned, once it has closed.
    fn poll(&mut self) -> Option<Vec<PathBuf>> {
        let outcome = self.pending.as_ref()?.poll()?;
        self.pending = None;
        match outcome {
            Outcome::Done(Some(files)) if !files.is_empty() => {
                self.path_window = false;
                Some(files)
            }
            Outcome::Done(_) | Outcome::Lost => {
                self.hint = Some(
                    "No file was chosen. If no dialog appeared, type or paste the path here."
                        .to_owned(),
                );
                None
            }
        }
    }

    /// The window where a path can be typed or pasted; several paths go on separate lines.
    pub fn path_window_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.path_window {
            return;
        }
        let mut open = true;
        let mut submit = false;
        egui::Window::new(if self.adding {
            "Add CSV files"
        } else {
            "Open CSV files"
        })
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(520.0)
        .show(ctx, |ui| {
            if let Some(hint) = &self.hint {
                ui.label(hint.as_str());
            } else {
                ui.label("Choose files in the dialog, or type or paste paths here (one per line).");
            }
            let edit = ui.add(
                egui::TextEdit::multiline(&mut self.path_text)
                    .hint_text("/path/to/claims.csv")
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            );
            let enter = edit.has_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command);
            ui.horizontal(|ui| {
                let verb = if self.adding { "Add" } else { "Open" };
                submit = ui.button(verb).clicked() || enter;
                ui.weak(format!("Ctrl+Enter: {}", verb.to_lowercase()));
            });
        });
        let paths: Vec<PathBuf> = self
            .path_text
            .lines()
            .map(|l| l.trim().trim_matches('"'))
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect();
        if submit && !paths.is_empty() {
            commands.push(self.command(paths));
            self.path_window = false;
        }
        if !open {
            self.path_window = false;
        }
    }
}
