//! The Findings tab, the first: each disagreement as a card, most important first. A card
//! says the question, both sides in a sentence, then each claim behind either side with its
//! claimant, outlet, date, quote and link side by side; it opens the event, copies itself as
//! text, and takes the analyst's verdict and note.

use std::collections::BTreeMap;

use eframe::egui;

use crate::core::analysis::Analysis;
use crate::core::model::Dataset;
use crate::core::model::judgement::{Mark, Verdict};
use crate::core::parse::text::is_web_link;
use crate::core::view::discrepancies::DiscrepancyFilter;
use crate::core::view::findings::{Finding, Witness};
use crate::ui::bidi::{display, display_ltr, display_wrapped, is_rtl};
use crate::ui::commands::{Command, FindingsCommand, JudgementCommand, NavCommand};
pub use crate::ui::derived::FINDINGS_PAGE;
use crate::ui::views::discrepancies::severity_color;
use crate::ui::views::dispute_filter::{Choices, dispute_filter_ui};
use crate::ui::views::judgement::mark_ui;

/// What the Findings tab shows.
pub struct FindingsView<'a> {
    pub findings: &'a [Finding],
    /// Those listed, in order (indices into `findings`).
    pub rows: &'a [usize],
    /// Listed findings the analyst excluded (shown only when asked).
    pub excluded: usize,
    pub show_excluded: bool,
    pub filter: &'a DiscrepancyFilter,
    pub choices: Choices<'a>,
    pub finding_marks: &'a BTreeMap<String, Mark>,
    pub claim_marks: &'a BTreeMap<String, Mark>,
    /// The claims of each card drawn (the first rows), in words: built once per change.
    pub cards: &'a [[Vec<Witness>; 2]],
    /// For "Copy as text".
    pub ds: &'a Dataset,
    pub analysis: &'a Analysis,
}

pub fn findings_ui(ui: &mut egui::Ui, view: &FindingsView<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} of {} findings",
            view.rows.len(),
            view.findings.len()
        ));
        ui.label("· the disagreements between sources, most important first. Reported claims — not verified totals.");
    });
    ui.horizontal_wrapped(|ui| {
        dispute_filter_ui(ui, view.filter, &view.choices, commands);
        if view.excluded > 0 {
            let mut show = view.show_excluded;
            let text = format!("Show the {} you excluded", view.excluded);
            if ui.checkbox(&mut show, text).changed() {
                commands.push(Command::Findings(FindingsCommand::SetShowExcluded(show)));
            }
        }
    });
    ui.separator();
    if view.rows.is_empty() {
        ui.weak(if view.findings.is_empty() {
            "No two sources disagree here."
        } else {
            "No finding matches the filters."
        });
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (&i, card) in view.rows.iter().zip(view.cards) {
                if let Some(finding) = view.findings.get(i) {
                    card_ui(ui, finding, card, view, commands);
                    ui.add_space(8.0);
                }
            }
            let shown = view.cards.len();
            if view.rows.len() > shown {
                let more = (view.rows.len() - shown).min(FINDINGS_PAGE);
                if ui.button(format!("Show {more} more")).clicked() {
                    commands.push(Command::Findings(FindingsCommand::ShowMore));
                }
            }
        });
}

fn card_ui(
    ui: &mut egui::Ui,
    finding: &Finding,
    card: &[Vec<Witness>; 2],
    view: &FindingsView<'_>,
    commands: &mut Vec<Command>,
) {
    let mark = view.finding_marks.get(&finding.id);
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let color = severity_color(ui, finding.severity);
                ui.label(
                    egui::RichText::new(finding.severity.as_str().to_uppercase())
                        .color(color)
                        .strong(),
                );
                ui.heading(display_ltr(&finding.title).as_ref());
                ui.weak(&finding.date);
                if let Some(verdict) = mark.and_then(|m| m.verdict) {
                    ui.label(egui::RichText::new(verdict.as_str()).italics().strong());
                }
            });
            ui.label(display_ltr(&finding.summary).as_ref());
            ui.add_space(4.0);
            ui.columns(2, |columns| {
                for (side, column) in columns.iter_mut().enumerate() {
                    column.weak(finding.headings[side]);
                    for w in &card[side] {
                        witness_ui(column, w, view.claim_marks.get(&w.claim_id), commands);
                    }
                    let more = finding.sides[side].len().saturating_sub(card[side].len());
                    if more > 0 && column.link(format!("and {more} more: show all")).clicked() {
                        commands.push(Command::Findings(FindingsCommand::Expand(
                            finding.id.clone(),
                        )));
                    }
                }
            });
            ui.add_space(4.0);
            actions_ui(ui, finding, view, commands);
        });
}

/// One claim: who, what they say, where it was published, the quote and the link.
fn witness_ui(ui: &mut egui::Ui, w: &Witness, mark: Option<&Mark>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(display_ltr(&w.claimant).as_ref());
        ui.weak(format!("({})", w.voice));
        if let Some(verdict) = mark.and_then(|m| m.verdict) {
            ui.label(egui::RichText::new(verdict.as_str()).italics());
        }
    });
    ui.label(display_ltr(&w.says).as_ref());
    ui.horizontal_wrapped(|ui| {
        // Each name its own label, so names in right-to-left script keep their order.
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.weak(display(&w.claimant).as_ref());
        if !w.outlet.is_empty() && w.outlet != w.claimant {
            ui.weak("via");
            ui.weak(display(&w.outlet).as_ref());
        }
        if !w.date.is_empty() {
            ui.weak(format!("· {}", w.date));
        }
        if is_web_link(&w.url) {
            ui.hyperlink_to("article ↗", &w.url).on_hover_text(&w.url);
        }
    });
    if !w.quote.is_empty() {
        quote_ui(ui, &w.quote);
    }
    ui.horizontal(|ui| {
        if ui.small_button("Show claim").clicked() {
            commands.push(Command::Nav(NavCommand::OpenClaim(w.claim)));
        }
        let current = mark.cloned().unwrap_or_default();
        ui.menu_button("Judge claim…", |ui| {
            for verdict in Verdict::ALL {
                let on = current.verdict == Some(verdict);
                let hint = match verdict {
                    Verdict::Excluded => "Leave this claim out of the analysis",
                    Verdict::Verified => "You checked it and it holds",
                    Verdict::Disputed => "You doubt it; it stays in the analysis",
                };
                if ui
                    .selectable_label(on, verdict.as_str())
                    .on_hover_text(hint)
                    .clicked()
                {
                    let verdict = (!on).then_some(verdict);
                    commands.push(Command::Judgement(JudgementCommand::MarkClaim(
                        w.claim_id.clone(),
                        Mark {
                            verdict,
                            ..current.clone()
                        },
                    )));
                    ui.close();
                }
            }
        });
    });
    ui.add_space(6.0);
}

/// A quote in italics: right-to-left text wrapped on its logical text and each line put in
/// visual order, right-aligned; other text ragged, never justified.
fn quote_ui(ui: &mut egui::Ui, quote: &str) {
    if is_rtl(quote) {
        let chars = (ui.available_width() / 7.0).max(20.0) as usize;
        let shown = display_wrapped(&format!("\u{201c}{quote}\u{201d}"), chars);
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            ui.add(egui::Label::new(egui::RichText::new(shown).italics().weak()).selectable(false));
        });
    } else {
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.label(egui::RichText::new(format!("“{quote}”")).italics().weak());
        });
    }
}

/// Open the event, copy the finding, set a verdict, write a note.
fn actions_ui(
    ui: &mut egui::Ui,
    finding: &Finding,
    view: &FindingsView<'_>,
    commands: &mut Vec<Command>,
) {
    let current = view
        .finding_marks
        .get(&finding.id)
        .cloned()
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Open event").clicked() {
            commands.push(Command::Nav(NavCommand::OpenEvent(finding.event)));
        }
        if ui
            .button("Copy as text")
            .on_hover_text("The finding, both sides, their outlets, dates and quotes")
            .clicked()
        {
            ui.ctx().copy_text(finding.to_text(view.ds, view.analysis));
        }
        ui.separator();
        let id = finding.id.clone();
        mark_ui(
            ui,
            &finding.id,
            &current,
            &|mark| Command::Judgement(JudgementCommand::MarkFinding(id.clone(), mark)),
            commands,
        );
    });
}
