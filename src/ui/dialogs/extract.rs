//! File ▸ Extract from article…: paste an article or open one (or start with one from the
//! command line), see the claims proposed with their sentences highlighted in the text, edit
//! any cell, keep or drop each, and add those kept to the data as a claims file the app writes.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::extract::article::{article_text, header};
use crate::core::extract::{ArticleInfo, Proposed, extract, to_csv};
use crate::core::model::{ClaimKind, Stance};
use crate::ui::commands::{Command, FileCommand};
use crate::ui::jobs::{Job, Outcome};

/// An article file read off the UI thread: its name and text, or why it could not be read.
type Opened = Result<(String, String), ArticleError>;

/// An article file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
struct ArticleError {
    path: std::path::PathBuf,
    source: std::io::Error,
}

/// The dialog's state: the text, the article's date and outlet, and the claims proposed.
#[derive(Default)]
pub struct ExtractDialog {
    open: bool,
    text: String,
    published: String,
    outlet: String,
    proposed: Vec<Proposed>,
    keep: Vec<bool>,
    /// The text the claims were proposed from; editing it shows the text box again.
    proposed_from: Option<String>,
    /// The text is shown highlighted rather than for editing.
    reading: bool,
    /// An article file being chosen and read.
    opening: Option<Job<Option<Opened>>>,
    /// What the last file opened was, or why it failed.
    opened_note: Option<String>,
}

impl ExtractDialog {
    pub fn show(&mut self) {
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens with an article and proposes its claims at once; the article's header lines
    /// ("outlet:", "date:") fill in what `info` leaves empty.
    pub fn open_with(&mut self, text: String, info: &ArticleInfo) {
        let found = header(&text);
        self.published = info
            .published
            .or(found.published)
            .map(|d| d.to_string())
            .unwrap_or_default();
        self.outlet = if info.outlet.is_empty() {
            found.outlet.unwrap_or_default()
        } else {
            info.outlet.clone()
        };
        self.text = text;
        self.open = true;
        self.propose();
    }

    /// Asks for an article file in the system's dialog and reads it off the UI thread.
    fn choose_file(&mut self, ctx: &egui::Context) {
        self.opening = Some(Job::spawn("article-dialog", 0, ctx, |_| {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Open an article")
                .add_filter("Article", &["txt", "html", "htm"])
                .pick_file();
            pollster::block_on(dialog).map(|file| {
                let path = file.path().to_path_buf();
                std::fs::read(&path)
                    .map(|bytes| (path.display().to_string(), article_text(&bytes)))
                    .map_err(|source| ArticleError { path, source })
            })
        }));
    }

    /// The article chosen, once the system's dialog has closed.
    fn poll_file(&mut self) {
        let Some(outcome) = self.opening.as_ref().and_then(Job::poll) else {
            return;
        };
        self.opening = None;
        match outcome {
            Outcome::Done(Some(Ok((name, text)))) => {
                self.opened_note = Some(format!("Opened {name}"));
                let info = ArticleInfo {
                    outlet: self.outlet.trim().to_owned(),
                    ..ArticleInfo::default()
                };
                self.open_with(text, &info);
            }
            Outcome::Done(Some(Err(why))) => self.opened_note = Some(why.to_string()),
            Outcome::Done(None) | Outcome::Lost => {}
        }
    }

    /// How many claims are proposed, and how many kept.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.proposed.len(),
            self.keep.iter().filter(|k| **k).count(),
        )
    }

    fn info(&self) -> ArticleInfo {
        ArticleInfo {
            article_id: "pasted".to_owned(),
            outlet: self.outlet.trim().to_owned(),
            url: String::new(),
            published: chrono::NaiveDate::parse_from_str(self.published.trim(), "%Y-%m-%d").ok(),
        }
    }

    fn propose(&mut self) {
        self.proposed = extract(&self.text, &self.info());
        self.keep = vec![true; self.proposed.len()];
        self.proposed_from = Some(self.text.clone());
        self.reading = !self.proposed.is_empty();
    }

    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        self.poll_file();
        let mut open = self.open;
        // Wide enough on a large screen for every column, the quote included.
        let width = (ctx.content_rect().width() * 0.92).clamp(900.0, 1760.0);
        egui::Window::new("Extract claims from an article")
            .open(&mut open)
            .default_size([width, 620.0])
            .show(ctx, |ui| self.contents_ui(ui, commands));
        self.open = open && self.open;
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Published");
            ui.add(
                egui::TextEdit::singleline(&mut self.published)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .labelled_by(label.id);
            let label = ui.label("Outlet");
            ui.add(egui::TextEdit::singleline(&mut self.outlet).desired_width(160.0))
                .labelled_by(label.id);
            let propose = ui
                .button("Propose claims")
                .on_hover_text("Read the text for claims (Ctrl+Enter)")
                .clicked()
                || ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Enter));
            if propose && !self.text.trim().is_empty() {
                self.propose();
            }
            if self.reading && ui.button("Edit text").clicked() {
                self.reading = false;
            }
            let open = ui.add_enabled(self.opening.is_none(), egui::Button::new("Open article…"));
            if open
                .on_hover_text("A text or HTML file (its header lines give the outlet and date)")
                .clicked()
            {
                self.choose_file(ui.ctx());
            }
            let (proposed, kept) = self.counts();
            ui.weak(format!("{proposed} claims proposed, {kept} kept"));
            if let Some(note) = &self.opened_note {
                ui.weak(note);
            }
        });
        ui.separator();
        // The text and the table fit the window's screen, leaving room for the buttons.
        let height = (ui.ctx().content_rect().height() - 280.0).clamp(180.0, 560.0);
        let size = egui::vec2(ui.available_width(), height);
        let layout = egui::Layout::left_to_right(egui::Align::Min);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            ui.set_max_height(height);
            // The article takes a third, less on a narrow window so the table keeps its quote.
            let share = if ui.available_width() < 1400.0 {
                0.3
            } else {
                0.36
            };
            let width = ui.available_width() * share;
            ui.vertical(|ui| {
                ui.set_width(width);
                self.text_ui(ui, height);
            });
            ui.separator();
            ui.vertical(|ui| self.table_ui(ui, height));
        });
        ui.separator();
        ui.horizontal(|ui| {
            let (_, kept) = self.counts();
            let add = ui.add_enabled(
                kept > 0,
                egui::Button::new(format!("Add {kept} claims to the data")),
            );
            if add
                .on_hover_text("Written as a claims file kept with the data and the workspace")
                .clicked()
            {
                self.add(commands);
            }
            ui.weak("Each claim keeps its sentence as the quote; review before adding.");
        });
    }

    /// The article: highlighted sentence by sentence once read, else a box to paste into.
    fn text_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        egui::ScrollArea::vertical()
            .id_salt("extract-text")
            .max_height(height)
            .show(ui, |ui| {
                if self.reading {
                    ui.label(highlighted(ui, &self.text, &self.proposed, &self.keep));
                } else {
                    ui.add(
                        egui::TextEdit::multiline(&mut self.text)
                            .hint_text("Paste the article's text here")
                            .desired_width(f32::INFINITY)
                            .desired_rows(24),
                    );
                }
            });
        if self.proposed_from.as_deref() != Some(self.text.as_str()) && !self.proposed.is_empty() {
            ui.weak("The text changed: Propose claims again.");
        }
    }

    /// The claims proposed, each kept or dropped, every cell editable.
    fn table_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        if self.proposed.is_empty() {
            ui.weak("Paste an article (or open one) and choose Propose claims.");
            return;
        }
        let (proposed, keep) = (&mut self.proposed, &mut self.keep);
        TableBuilder::new(ui)
            .id_salt("extract-table")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::exact(24.0))
            .column(Column::initial(124.0).clip(true))
            .column(Column::initial(96.0))
            .column(Column::initial(104.0).clip(true))
            .column(Column::initial(76.0).clip(true))
            .column(Column::initial(80.0))
            .column(Column::initial(96.0).clip(true))
            .column(Column::initial(86.0).clip(true))
            .column(Column::remainder().at_least(90.0).clip(true))
            .header(20.0, |mut h| {
                for title in [
                    "", "Claimant", "Kind", "Group", "Figure", "Stance", "Place", "Date", "Said",
                ] {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, proposed.len(), |mut row| {
                    let i = row.index();
                    let c = &mut proposed[i];
                    row.col(|ui| {
                        if let Some(k) = keep.get_mut(i) {
                            ui.checkbox(k, "").on_hover_text("Keep this claim");
                        }
                    });
                    row.col(|ui| cell(ui, &mut c.source, "Claimant"));
                    row.col(|ui| kind_cell(ui, i, &mut c.kind));
                    row.col(|ui| cell(ui, &mut c.group, "Group"));
                    row.col(|ui| cell(ui, &mut c.count, "Figure"));
                    row.col(|ui| stance_cell(ui, i, &mut c.stance));
                    row.col(|ui| cell(ui, &mut c.location, "Place"));
                    row.col(|ui| cell(ui, &mut c.event_date, "Date"));
                    let said = if c.detail.is_empty() {
                        c.quote.as_str()
                    } else {
                        c.detail.as_str()
                    };
                    row.col(|ui| {
                        ui.label(crate::ui::bidi::display(said)).on_hover_text(said);
                    });
                });
            });
    }

    /// Sends the kept claims to be written and added.
    fn add(&mut self, commands: &mut Vec<Command>) {
        let kept: Vec<Proposed> = self
            .proposed
            .iter()
            .zip(&self.keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .collect();
        let info = self.info();
        if let Ok(bytes) = to_csv(&[(info, kept)]) {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            commands.push(Command::File(FileCommand::AddExtracted(
                format!("extracted-{stamp}.csv"),
                bytes,
            )));
            self.open = false;
        }
    }
}

/// A cell edited in place, named for screen readers.
fn cell(ui: &mut egui::Ui, text: &mut String, name: &str) {
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .hint_text(name),
    )
    .on_hover_text(name);
}

fn kind_cell(ui: &mut egui::Ui, row: usize, kind: &mut ClaimKind) {
    let shown = egui::ComboBox::from_id_salt(("extract-kind", row))
        .selected_text(kind.as_str())
        .width(88.0)
        .show_ui(ui, |ui| {
            for k in ClaimKind::ALL {
                ui.selectable_value(kind, k, k.as_str());
            }
        });
    named(&shown.response, "Kind");
}

fn stance_cell(ui: &mut egui::Ui, row: usize, stance: &mut Stance) {
    let shown = egui::ComboBox::from_id_salt(("extract-stance", row))
        .selected_text(stance.as_str())
        .width(72.0)
        .show_ui(ui, |ui| {
            for s in [Stance::Asserts, Stance::Denies] {
                ui.selectable_value(stance, s, s.as_str());
            }
        });
    named(&shown.response, "Stance");
}

/// A choice box named for screen readers by its column.
fn named(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
}

/// The article with each proposed claim's sentence shaded: stronger where the claim is kept.
fn highlighted(
    ui: &egui::Ui,
    text: &str,
    proposed: &[Proposed],
    keep: &[bool],
) -> egui::text::LayoutJob {
    let n = text.chars().count();
    let mut marks = vec![0u8; n];
    for (c, k) in proposed.iter().zip(keep) {
        let level = if *k { 2 } else { 1 };
        for m in marks.iter_mut().take(c.span.1.min(n)).skip(c.span.0) {
            *m = (*m).max(level);
        }
    }
    let dark = ui.visuals().dark_mode;
    let shade = |level: u8| match (level, dark) {
        (0, _) => egui::Color32::TRANSPARENT,
        (1, false) => egui::Color32::from_rgb(235, 235, 235),
        (1, true) => egui::Color32::from_rgb(55, 55, 55),
        (_, false) => egui::Color32::from_rgb(255, 226, 140),
        (_, true) => egui::Color32::from_rgb(100, 80, 20),
    };
    let color = ui.visuals().text_color();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < n {
        let level = marks[start];
        let end = (start..n).find(|&i| marks[i] != level).unwrap_or(n);
        let piece: String = chars[start..end].iter().collect();
        job.append(
            &piece,
            0.0,
            egui::TextFormat {
                font_id: font.clone(),
                color,
                background: shade(level),
                ..Default::default()
            },
        );
        start = end;
    }
    job
}
