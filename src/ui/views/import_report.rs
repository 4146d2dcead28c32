//! The Import report tab: every file, the columns read, every rejected and duplicate row.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::import::{FileReport, ImportReport};
use crate::core::view::sources::SourceSummary;
use crate::ui::commands::{Command, NavCommand};

pub fn import_report_ui(
    ui: &mut egui::Ui,
    report: &ImportReport,
    sources: &[SourceSummary],
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.heading("Import report");
        if ui
            .button("Copy to clipboard")
            .on_hover_text("The whole report as text")
            .clicked()
        {
            commands.push(Command::Nav(NavCommand::CopyReport));
        }
    });
    ui.label(report.totals().join(" · "));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("report-scroll")
        .show(ui, |ui| {
            for (i, file) in report.files.iter().enumerate() {
                file_ui(ui, i, file);
            }
            egui::CollapsingHeader::new(format!("Sources ({})", sources.len()))
                .default_open(true)
                .show(ui, |ui| sources_ui(ui, sources));
        });
}

fn file_ui(ui: &mut egui::Ui, index: usize, file: &FileReport) {
    let title = match &file.error {
        Some(_) => format!("{} — could not be read", file.path),
        None => format!("{} — {}", file.path, file.counts()),
    };
    egui::CollapsingHeader::new(title)
        .id_salt(("report-file", index))
        .default_open(true)
        .show(ui, |ui| {
            if let Some(error) = &file.error {
                ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                return;
            }
            ui.label(format!(
                "Encoding {} · delimiter '{}'",
                file.encoding, file.delimiter
            ));
            ui.label(format!("Columns read: {}", file.column_mapping()));
            if !file.extra_columns.is_empty() {
                ui.label(format!(
                    "Extra columns kept: {}",
                    file.extra_columns.join(", ")
                ));
            }
            for warning in &file.warnings {
                ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {warning}"));
            }
            if !file.rejected.is_empty() {
                ui.strong(format!("Rejected rows ({})", file.rejected.len()));
                rejected_table_ui(ui, index, file);
            }
            if !file.duplicates.is_empty() {
                ui.strong(format!(
                    "Duplicate rows, kept once ({})",
                    file.duplicates.len()
                ));
                duplicates_table_ui(ui, index, file);
            }
        });
}

fn rejected_table_ui(ui: &mut egui::Ui, index: usize, file: &FileReport) {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.push_id(("rejected", index), |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(260.0)
            .column(Column::exact(60.0))
            .column(Column::initial(120.0).clip(true))
            .column(Column::remainder())
            .header(height, |mut h| {
                h.col(|ui| {
                    ui.strong("Line");
                });
                h.col(|ui| {
                    ui.strong("Column");
                });
                h.col(|ui| {
                    ui.strong("Reason");
                });
            })
            .body(|body| {
                body.rows(height, file.rejected.len(), |mut row| {
                    let Some(r) = file.rejected.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(r.line.to_string());
                    });
                    row.col(|ui| {
                        ui.label(r.column.as_deref().unwrap_or("(row)"));
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(r.reason.as_str()).truncate())
                            .on_hover_text(r.reason.as_str());
                    });
                });
            });
    });
}

fn duplicates_table_ui(ui: &mut egui::Ui, index: usize, file: &FileReport) {
    let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.push_id(("duplicates", index), |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(200.0)
            .column(Column::exact(60.0))
            .column(Column::remainder())
            .body(|body| {
                body.rows(height, file.duplicates.len(), |mut row| {
                    let Some(d) = file.duplicates.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(d.line.to_string());
                    });
                    row.col(|ui| {
                        ui.label(format!("repeats {} line {}", d.of_file, d.of_line));
                    });
                });
            });
    });
}

fn sources_ui(ui: &mut egui::Ui, sources: &[SourceSummary]) {
    egui::Grid::new("report-sources")
        .striped(true)
        .show(ui, |ui| {
            for label in ["Source", "Type", "Side", "Claims", ""] {
                ui.strong(label);
            }
            ui.end_row();
            for s in sources {
                ui.label(s.name.as_str());
                ui.label(s.source_type.as_str());
                ui.label(s.side.as_deref().unwrap_or("—"));
                ui.label(s.claims.to_string());
                ui.weak(if s.known { "" } else { "not in the registry" });
                ui.end_row();
            }
        });
}
