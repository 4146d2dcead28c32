//! "Which column is which": shown instead of an error when a file lacks a required column.
//! Each claim field gets a dropdown of the file's columns; the first 20 rows are shown as the
//! claims (and errors) they would make; the mapping can be remembered for files with these
//! headers (kept in the app's settings and in the workspace).

use std::path::PathBuf;

use eframe::egui;

use crate::core::import::format::claims::columns::{ColumnMap, Field};
use crate::ui::commands::{Command, MappingCommand};

/// Rows the preview reads.
pub const PREVIEW_ROWS: u64 = 20;

/// The claims the first rows make under a mapping, worked out when the mapping changes.
#[derive(Default)]
pub struct Preview {
    /// `line, source, claim, figure, place, date` for each claim.
    pub rows: Vec<[String; 6]>,
    /// Rejected rows and file errors, in words.
    pub problems: Vec<String>,
}

/// A file being mapped.
pub struct Mapping {
    pub path: PathBuf,
    pub header: Vec<String>,
    /// For each field (in [`Field::ALL`] order), the column that fills it.
    pub choice: Vec<Option<usize>>,
    pub remember: bool,
    pub preview: Preview,
}

impl Mapping {
    /// `(field, column)` pairs for the fields whose column is not already named after them.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let auto = ColumnMap::from_headers(self.header.iter().map(String::as_str));
        Field::ALL
            .iter()
            .zip(&self.choice)
            .filter_map(|(field, choice)| {
                let column = choice.and_then(|i| self.header.get(i))?;
                (auto.column(*field) != *choice).then(|| (field.name().to_owned(), column.clone()))
            })
            .collect()
    }
}

#[derive(Default)]
pub struct MappingDialog {
    pub mapping: Option<Mapping>,
}

impl MappingDialog {
    /// Opens the dialog for a file, each field set to the column the importer would use.
    pub fn show(&mut self, path: PathBuf, header: Vec<String>) {
        let auto = ColumnMap::from_headers(header.iter().map(String::as_str));
        let choice = Field::ALL.iter().map(|f| auto.column(*f)).collect();
        self.mapping = Some(Mapping {
            path,
            header,
            choice,
            remember: true,
            preview: Preview::default(),
        });
    }

    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(mapping) = &mut self.mapping else {
            return;
        };
        let mut open = true;
        let name = mapping
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        egui::Window::new(format!("Which column is which: {name}"))
            .open(&mut open)
            .collapsible(false)
            .default_width(760.0)
            .default_height(560.0)
            .show(ctx, |ui| {
                ui.label(
                    "This file has no column the importer knows for some claim fields. Say \
                     which of its columns fills each one; the first rows below show the claims \
                     they make.",
                );
                ui.add_space(6.0);
                ui.columns(2, |cols| {
                    fields_ui(&mut cols[0], mapping, commands);
                    preview_ui(&mut cols[1], &mapping.preview);
                });
                ui.separator();
                ui.checkbox(
                    &mut mapping.remember,
                    "Remember for files with these headers (kept in the settings and the workspace)",
                );
                ui.horizontal(|ui| {
                    if ui.button("Import with this mapping").clicked() {
                        commands.push(Command::Mapping(MappingCommand::Apply));
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::Mapping(MappingCommand::Close));
                    }
                });
            });
        if !open {
            commands.push(Command::Mapping(MappingCommand::Close));
        }
    }
}

/// A dropdown of the file's columns for each field, the required ones first.
fn fields_ui(ui: &mut egui::Ui, mapping: &mut Mapping, commands: &mut Vec<Command>) {
    const REQUIRED: [Field; 3] = [Field::Source, Field::Claim, Field::EventDate];
    let order = REQUIRED
        .iter()
        .copied()
        .chain(Field::ALL.into_iter().filter(|f| !REQUIRED.contains(f)));
    egui::ScrollArea::vertical()
        .id_salt("mapping-fields")
        .max_height(380.0)
        .show(ui, |ui| {
            egui::Grid::new("mapping-grid")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for field in order {
                        let required = REQUIRED.contains(&field);
                        let label = egui::RichText::new(field.name());
                        let label = ui.label(if required { label.strong() } else { label });
                        let slot = &mut mapping.choice[field.index()];
                        let shown = slot
                            .and_then(|i| mapping.header.get(i))
                            .map_or("(none)", String::as_str);
                        let before = *slot;
                        egui::ComboBox::from_id_salt(("mapping", field.name()))
                            .selected_text(shown)
                            .width(200.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(slot, None, "(none)");
                                for (i, column) in mapping.header.iter().enumerate() {
                                    ui.selectable_value(slot, Some(i), column);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        if *slot != before {
                            commands.push(Command::Mapping(MappingCommand::Preview));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The first rows as claims, and what was rejected.
fn preview_ui(ui: &mut egui::Ui, preview: &Preview) {
    ui.strong(format!("The first {PREVIEW_ROWS} rows as claims"));
    egui::ScrollArea::vertical()
        .id_salt("mapping-preview")
        .max_height(380.0)
        .show(ui, |ui| {
            if preview.rows.is_empty() {
                ui.weak("No claims yet.");
            } else {
                egui::Grid::new("mapping-preview-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for head in ["line", "source", "claim", "figure", "place", "date"] {
                            ui.strong(head);
                        }
                        ui.end_row();
                        for row in &preview.rows {
                            for cell in row {
                                ui.label(crate::ui::bidi::display(cell));
                            }
                            ui.end_row();
                        }
                    });
            }
            for problem in &preview.problems {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
        });
}
