//! "Merge or rename…": the user says a source, place or group is another one ("the
//! Observatory" is SOHR, "Ayn al-Arab" is Kobane). Typing a new name renames; choosing an
//! existing one merges.

use eframe::egui;

use crate::core::analysis::AliasKind;
use crate::ui::commands::{Command, CorrectionCommand};

#[derive(Default)]
pub struct MergeDialog {
    /// The kind and name being merged, while the dialog is open.
    target: Option<(AliasKind, String)>,
    into: String,
}

impl MergeDialog {
    pub fn show(&mut self, kind: AliasKind, name: String) {
        self.into.clone_from(&name);
        self.target = Some((kind, name));
    }

    /// Draws the dialog; `names` are the names of that kind already in the data.
    pub fn ui<'a>(
        &mut self,
        ctx: &egui::Context,
        names: impl Fn(AliasKind) -> Vec<&'a str>,
        commands: &mut Vec<Command>,
    ) {
        let Some((kind, from)) = self.target.clone() else {
            return;
        };
        let mut open = true;
        let mut submit = false;
        egui::Window::new(format!("Merge or rename this {}", kind.as_str()))
            .open(&mut open)
            .collapsible(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.label(crate::ui::bidi::display_ltr(&format!(
                    "\u{201c}{from}\u{201d} is:"
                )));
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut self.into)
                        .id_salt("merge-into")
                        .desired_width(f32::INFINITY),
                );
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let needle = self.into.trim().to_lowercase();
                let matches: Vec<&str> = names(kind)
                    .into_iter()
                    .filter(|n| *n != from && n.to_lowercase().contains(&needle))
                    .take(8)
                    .collect();
                if !matches.is_empty() {
                    ui.weak("Existing names (click to merge into one):");
                    for name in matches {
                        if ui
                            .selectable_label(false, crate::ui::bidi::display(name))
                            .clicked()
                        {
                            self.into = name.to_owned();
                        }
                    }
                }
                ui.weak("Everything is recomputed; the change is kept in the workspace.");
                ui.horizontal(|ui| {
                    submit = ui.button("Apply").clicked() || enter;
                    if ui.button("Cancel").clicked() {
                        self.target = None;
                    }
                });
            });
        let into = self.into.trim();
        if submit && !into.is_empty() && into != from {
            commands.push(Command::Correction(CorrectionCommand::Merge(
                kind,
                from,
                into.to_owned(),
            )));
            self.target = None;
        }
        if !open {
            self.target = None;
        }
    }
}
