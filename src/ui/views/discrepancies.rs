//! The Discrepancies tab: every discrepancy, most severe first; a row opens its event.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::analysis::{Analysis, Severity};
use crate::core::model::Dataset;
use crate::core::view::discrepancies::{DiscrepancyColumn, DiscrepancyFilter};
use crate::ui::bidi::{data_label, display_ltr};
use crate::ui::commands::{Command, FindingsCommand, NavCommand};
use crate::ui::views::dispute_filter::{Choices, dispute_filter_ui};

pub fn severity_color(ui: &egui::Ui, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::High => ui.visuals().error_fg_color,
        Severity::Medium => ui.visuals().warn_fg_color,
        Severity::Low => ui.visuals().weak_text_color(),
    }
}

/// What the Discrepancies tab lists: the analysis' discrepancies in `rows` (their order),
/// under the filter it shares with the Findings tab.
pub struct DiscrepanciesView<'a> {
    pub ds: &'a Dataset,
    pub analysis: &'a Analysis,
    pub rows: &'a [usize],
    pub filter: &'a DiscrepancyFilter,
    pub choices: &'a Choices<'a>,
}

pub fn discrepancies_ui(
    ui: &mut egui::Ui,
    view: &DiscrepanciesView<'_>,
    commands: &mut Vec<Command>,
) {
    let (analysis, rows, filter, choices) = (view.analysis, view.rows, view.filter, view.choices);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} of {} discrepancies between current figures and statements. Reported claims — not verified totals.",
            rows.len(),
            analysis.discrepancies.len()
        ));
    });
    ui.horizontal_wrapped(|ui| dispute_filter_ui(ui, filter, choices, commands));
    if analysis.discrepancies.is_empty() {
        ui.weak("No two sources disagree here.");
        return;
    }
    let height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt("discrepancies")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .sense(egui::Sense::click())
        .column(Column::initial(70.0))
        .column(Column::initial(150.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::initial(90.0))
        // The explanation names both sources too: it gets the room, at least 240 px.
        .column(Column::initial(220.0).clip(true))
        .column(Column::remainder().at_least(240.0).clip(true))
        .header(height, |mut h| {
            for (title, column) in [
                ("Severity", Some(DiscrepancyColumn::Severity)),
                ("Kind", Some(DiscrepancyColumn::Kind)),
                ("Place", Some(DiscrepancyColumn::Place)),
                ("Date", Some(DiscrepancyColumn::Date)),
                ("Sources", Some(DiscrepancyColumn::Sources)),
                ("Explanation", None),
            ] {
                h.col(|ui| header_ui(ui, title, column, filter, commands));
            }
        })
        .body(|body| {
            body.rows(height, rows.len(), |mut row| {
                if let Some(&d) = rows.get(row.index()) {
                    discrepancy_row_ui(&mut row, view, d, commands);
                }
            });
        });
}

fn discrepancy_row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    view: &DiscrepanciesView<'_>,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let (ds, analysis) = (view.ds, view.analysis);
    let Some(d) = analysis.discrepancies.get(index) else {
        return;
    };
    let event = analysis.events.get(d.event);
    let cell = |row: &mut egui_extras::TableRow<'_, '_>, text: egui::RichText| {
        row.col(|ui| {
            ui.add(egui::Label::new(text).truncate().selectable(false));
        });
    };
    let severity = d.severity;
    row.col(|ui| {
        let color = severity_color(ui, severity);
        ui.add(
            egui::Label::new(egui::RichText::new(severity.as_str()).color(color)).selectable(false),
        );
    });
    let kind = d.kind.as_str();
    let kind = match d.subtype {
        Some(sub) => format!("{kind} ({}) · {}", sub.as_str(), d.claim_kind.as_str()),
        None => format!("{kind} · {}", d.claim_kind.as_str()),
    };
    cell(row, kind.into());
    row.col(|ui| {
        data_label(ui, event.map_or("", |e| e.location.as_str()));
    });
    cell(
        row,
        event
            .map(|e| e.date_from.to_string())
            .unwrap_or_default()
            .into(),
    );
    let names: Vec<&str> = d
        .claims
        .iter()
        .map(|&c| analysis.facts[c as usize].claimant.as_ref())
        .collect();
    cell(row, display_ltr(&names.join(" vs ")).into_owned().into());
    row.col(|ui| {
        // An English sentence around names from the data: it reads left to right. Built for
        // the rows on screen only (a few dozen), as their labels are.
        let explanation = analysis.explanation(ds, d);
        let explanation = display_ltr(&explanation);
        ui.add(
            egui::Label::new(explanation.as_ref())
                .truncate()
                .selectable(false),
        )
        .on_hover_text(explanation.as_ref());
    });
    if row.response().clicked() {
        commands.push(Command::Nav(NavCommand::OpenEvent(d.event)));
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    title: &str,
    column: Option<DiscrepancyColumn>,
    filter: &DiscrepancyFilter,
    commands: &mut Vec<Command>,
) {
    let Some(column) = column else {
        ui.strong(title);
        return;
    };
    let marker = match (filter.sort == Some(column), filter.descending) {
        (true, false) => " (a–z)",
        (true, true) => " (z–a)",
        (false, _) => "",
    };
    let button =
        egui::Button::new(egui::RichText::new(format!("{title}{marker}")).strong()).frame(false);
    if ui
        .add(button)
        .on_hover_text("Sort by this column; click again to reverse")
        .clicked()
    {
        let descending = filter.sort == Some(column) && !filter.descending;
        commands.push(Command::Findings(FindingsCommand::SetFilter(
            DiscrepancyFilter {
                sort: Some(column),
                descending,
                ..filter.clone()
            },
        )));
    }
}
