//! The filter panel: which claim kind, and which sources, the charts show.

use eframe::egui;

use super::commands::Command;
use crate::core::analysis::Analysis;
use crate::core::charts::{ChartFilter, Rgb};
use crate::core::model::ClaimKind;

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
