//! File → Export…: what to export (a chart, a table or the report), where, and how big. A
//! save dialog runs off the UI thread; when none can open the path can be typed. An existing
//! file is replaced only after the user says so.

use crate::core::charts::Period;
use std::path::{Path, PathBuf};

use eframe::egui;

use crate::core::export::svg::Page;
use crate::core::export::tables::TableKind;
use crate::core::export::{ChartKind, ChartStyle, ExportRequest, ExportTarget};
use crate::core::files::Overwrite;
use crate::ui::commands::{Command, ExportCommand};
use crate::ui::jobs::{Job, Outcome};

pub struct ExportDialog {
    open: bool,
    target: ExportTarget,
    path: String,
    width: u32,
    height: u32,
    scale: f32,
    dark: bool,
    bom: bool,
    /// The chosen file exists and the user is asked whether to replace it.
    confirm_replace: bool,
    pending: Option<Job<Option<PathBuf>>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            target: ExportTarget::Chart(ChartKind::Timeline),
            path: String::new(),
            width: 1200,
            height: 700,
            scale: 1.0,
            dark: false,
            bom: false,
            confirm_replace: false,
            pending: None,
        }
    }
}

const TARGETS: [(ExportTarget, &str); 12] = [
    (ExportTarget::Chart(ChartKind::Timeline), "Timeline chart"),
    (
        ExportTarget::Chart(ChartKind::Event),
        "Event chart (the selected event)",
    ),
    (ExportTarget::Chart(ChartKind::Sources), "Source bias chart"),
    (ExportTarget::Chart(ChartKind::Map), "Map of events"),
    (
        ExportTarget::Chart(ChartKind::Pivot(Period::Month)),
        "Totals per month by source (chart)",
    ),
    (
        ExportTarget::Chart(ChartKind::Pivot(Period::Week)),
        "Totals per week by source (chart)",
    ),
    (ExportTarget::Table(TableKind::Claims), "Claims table (CSV)"),
    (
        ExportTarget::Table(TableKind::Discrepancies),
        "Discrepancies table (CSV)",
    ),
    (
        ExportTarget::Table(TableKind::Scorecard),
        "Scorecard table (CSV)",
    ),
    (
        ExportTarget::Table(TableKind::Pivot(Period::Month)),
        "Totals per month, source and place (CSV)",
    ),
    (
        ExportTarget::Table(TableKind::Pivot(Period::Week)),
        "Totals per week, source and place (CSV)",
    ),
    (ExportTarget::Report, "Report (one HTML file)"),
];

fn target_label(target: ExportTarget) -> &'static str {
    TARGETS
        .iter()
        .find(|(t, _)| *t == target)
        .map_or("", |(_, label)| label)
}

/// The path with the extension `target` needs (a chart keeps .svg if it has it).
fn with_extension(path: &str, target: ExportTarget) -> String {
    let p = Path::new(path);
    let current = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    let wanted = match target {
        ExportTarget::Chart(_) if current.eq_ignore_ascii_case("svg") => return path.to_owned(),
        ExportTarget::Chart(_) => "png",
        ExportTarget::Table(_) => "csv",
        ExportTarget::Report => "html",
    };
    p.with_extension(wanted).display().to_string()
}

impl ExportDialog {
    /// Opens the dialog for `target`, offering a file name that says what it holds.
    pub fn show(&mut self, target: ExportTarget) {
        self.open = true;
        self.confirm_replace = false;
        self.target = target;
        // The folder of the last export, else the working folder, spelled out so the user
        // sees where the file goes.
        let folder = Path::new(&self.path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.path = folder
            .join(target.default_file_name())
            .display()
            .to_string();
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Takes the path the save dialog returned, if it has.
    fn poll(&mut self) {
        let Some(outcome) = self.pending.as_ref().and_then(Job::poll) else {
            return;
        };
        self.pending = None;
        match outcome {
            Outcome::Done(Some(path)) => {
                self.path = path.display().to_string();
                self.confirm_replace = false;
            }
            Outcome::Done(None) | Outcome::Lost => {}
        }
    }

    fn browse(&mut self, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        let name = Path::new(&self.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.target.default_file_name());
        let (filter, extensions): (&str, &[&str]) = match self.target {
            ExportTarget::Chart(_) => ("PNG or SVG", &["png", "svg"]),
            ExportTarget::Table(_) => ("CSV", &["csv"]),
            ExportTarget::Report => ("HTML", &["html"]),
        };
        self.pending = Some(Job::spawn("save-dialog", 0, ctx, move |_| {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Export")
                .set_file_name(name)
                .add_filter(filter, extensions)
                .save_file();
            pollster::block_on(dialog).map(|f| f.path().to_path_buf())
        }));
    }

    fn request(&self, overwrite: Overwrite) -> ExportRequest {
        ExportRequest {
            target: self.target,
            path: PathBuf::from(self.path.trim()),
            style: ChartStyle {
                page: Page {
                    width: f64::from(self.width),
                    height: f64::from(self.height),
                    dark: self.dark,
                },
                scale: self.scale,
            },
            event: None,
            grow: false,
            bom: self.bom,
            overwrite,
        }
    }

    /// Draws the dialog; `filters` says in words what the export will keep.
    pub fn ui(&mut self, ctx: &egui::Context, filters: &str, commands: &mut Vec<Command>) {
        self.poll();
        if !self.open {
            return;
        }
        let mut open = true;
        let mut action = None;
        egui::Window::new("Export")
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                self.target_ui(ui);
                self.path_ui(ui, ctx);
                match self.target {
                    ExportTarget::Chart(_) => self.chart_options_ui(ui),
                    ExportTarget::Table(_) => {
                        ui.checkbox(&mut self.bom, "UTF-8 with a byte-order mark (for Excel)");
                    }
                    ExportTarget::Report => {
                        ui.weak("Charts, discrepancies, scorecard, thresholds and file hashes.");
                    }
                }
                ui.weak(format!("Exports what the filters keep: {filters}."));
                ui.separator();
                action = self.buttons_ui(ui);
            });
        if let Some(overwrite) = action {
            commands.push(Command::Export(ExportCommand::Write(
                self.request(overwrite),
            )));
            self.open = false;
            self.confirm_replace = false;
        }
        if !open {
            self.open = false;
        }
    }

    fn target_ui(&mut self, ui: &mut egui::Ui) {
        let before = self.target;
        egui::ComboBox::new("export-target", "What")
            .selected_text(target_label(self.target))
            .width(300.0)
            .show_ui(ui, |ui| {
                for (target, label) in TARGETS {
                    ui.selectable_value(&mut self.target, target, label);
                }
            });
        if self.target != before {
            self.path = with_extension(&self.path, self.target);
            self.confirm_replace = false;
        }
    }

    fn path_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        ui.horizontal(|ui| {
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .id_salt("export-path")
                    .desired_width(380.0)
                    .hint_text("chart.png"),
            );
            if edit.changed() {
                self.confirm_replace = false;
            }
            if ui.button("Choose…").clicked() {
                self.browse(ctx);
            }
        });
        if matches!(self.target, ExportTarget::Chart(_)) {
            ui.weak("The format follows the extension: .png or .svg.");
        }
    }

    fn chart_options_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("Size");
            ui.add(
                egui::DragValue::new(&mut self.width)
                    .range(200..=8000)
                    .suffix(" wide"),
            );
            ui.add(
                egui::DragValue::new(&mut self.height)
                    .range(150..=8000)
                    .suffix(" high"),
            );
        });
        ui.horizontal(|ui| {
            ui.label("Scale");
            ui.radio_value(&mut self.scale, 1.0, "1× (screen)");
            ui.radio_value(&mut self.scale, 2.0, "2× (print)");
        });
        ui.horizontal(|ui| {
            ui.label("Background");
            ui.radio_value(&mut self.dark, false, "light");
            ui.radio_value(&mut self.dark, true, "dark");
        });
    }

    /// Export, or Replace after the user was told the file exists.
    fn buttons_ui(&mut self, ui: &mut egui::Ui) -> Option<Overwrite> {
        let path = self.path.trim();
        if path.is_empty() {
            ui.weak("Type a path or choose one.");
            return None;
        }
        if self.confirm_replace {
            ui.label(format!("{path} exists. Replace it?"));
            let mut action = None;
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    action = Some(Overwrite::Yes);
                }
                if ui.button("Keep it").clicked() {
                    self.confirm_replace = false;
                }
            });
            return action;
        }
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Export").clicked() || enter {
            if Path::new(path).exists() {
                self.confirm_replace = true;
            } else {
                return Some(Overwrite::No);
            }
        }
        None
    }
}
