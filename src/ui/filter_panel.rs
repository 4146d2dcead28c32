//! The filter panel: which claim kind, and which sources, the charts show.

use eframe::egui;

use super::commands::Command;
use crate::core::analysis::Analysis;
use crate::core::charts::{ChartFilter, Rgb};
use crate::core::dates::parse_date;
use crate::core::model::{ClaimKind, SourceType};

pub fn filter_panel_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    colors: &std::collections::BTreeMap<String, Rgb>,
    filter: &ChartFilter,
    commands: &mut Vec<Command>,
) {
    egui::ComboBox::new("claim-kind", "Claim kind")
        .selected_text(filter.kind.as_str())
        .show_ui(ui, |ui| {
            for kind in ClaimKind::ALL.into_iter().filter(|k| k.is_numeric()) {
                if ui
                    .selectable_label(filter.kind == kind, kind.as_str())
                    .clicked()
                {
                    commands.push(Command::SetClaimKind(kind));
                }
            }
        });
    ui.separator();
    dates_ui(ui, filter, commands);
    ui.separator();
    ui.strong("Source types");
    for t in SourceType::ALL {
        let mut shown = !filter.hidden_types.contains(&t);
        if ui.checkbox(&mut shown, t.as_str()).changed() {
            commands.push(Command::ToggleSourceType(t));
        }
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong("Sources");
        if ui.small_button("All").clicked() {
            commands.push(Command::ShowAllSources);
        }
        if ui.small_button("None").clicked() {
            let all = analysis
                .scorecard
                .iter()
                .map(|s| s.source.clone())
                .collect();
            commands.push(Command::HideSources(all));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("filter-sources")
        .show(ui, |ui| {
            for s in &analysis.scorecard {
                ui.horizontal(|ui| {
                    let [r, g, b] = colors.get(&s.source).copied().unwrap_or([128, 128, 128]);
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
                    let mut shown = !filter.hidden_sources.contains(&s.source);
                    let label = format!("{} ({})", s.source, s.claims);
                    if ui.checkbox(&mut shown, label).changed() {
                        commands.push(Command::ToggleSource(s.source.clone()));
                    }
                });
            }
        });
}

/// From and to dates, typed in any form the importer reads; an empty field is no limit.
fn dates_ui(ui: &mut egui::Ui, filter: &ChartFilter, commands: &mut Vec<Command>) {
    ui.strong("Event dates");
    let mut changed = None;
    for (label, current, is_from) in [("from", filter.from, true), ("to", filter.to, false)] {
        ui.horizontal(|ui| {
            ui.label(label);
            let id = egui::Id::unique(("date-filter", is_from));
            let mut text: String = ui
                .data(|d| d.get_temp(id))
                .unwrap_or_else(|| current.map(|d| d.to_string()).unwrap_or_default());
            let edit = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(110.0)
                    .hint_text("any date"),
            );
            let parsed = if text.trim().is_empty() {
                Some(None)
            } else {
                parse_date(&text).ok().map(|p| Some(p.when.date))
            };
            if parsed.is_none() {
                edit.on_hover_text(
                    "Not a date I can read: 2015-06-25, 25/06/2015 or June 25, 2015",
                );
            } else if let Some(date) = parsed
                && date != current
            {
                changed = Some((is_from, date));
            }
            ui.data_mut(|d| d.insert_temp(id, text));
        });
    }
    if let Some((is_from, date)) = changed {
        let (from, to) = if is_from {
            (date, filter.to)
        } else {
            (filter.from, date)
        };
        commands.push(Command::SetDateRange(from, to));
    }
}
