//! The Sources tab: the scorecard.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::analysis::Analysis;
use crate::core::analysis::output::bias_words;
use crate::core::charts::Rgb;
use crate::core::model::SourceType;

pub fn sources_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    colors: &std::collections::BTreeMap<String, Rgb>,
    commands: &mut Vec<super::commands::Command>,
) {
    ui.label(
        "Grades: A–E from the share of comparable claims that other sides corroborate and the bias \
         against their figures; F when fewer than 5 claims could be compared.",
    );
    let height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt("scorecard")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(50.0))
        .column(Column::initial(200.0).clip(true))
        .columns(Column::initial(90.0), 8)
        .column(Column::remainder())
        .header(height, |mut h| {
            for title in [
                "Grade",
                "Source",
                "Type",
                "Claims",
                "Comparable",
                "Corroborated",
                "Contradicted",
                "Rate",
                "Denials",
                "Bias",
                "Side",
            ] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(height, analysis.scorecard.len(), |mut row| {
                let Some(s) = analysis.scorecard.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.strong(s.grade.to_string());
                });
                row.col(|ui| {
                    let [r, g, b] = colors.get(&s.source).copied().unwrap_or([128, 128, 128]);
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
                    ui.label(s.source.as_str());
                });
                row.col(|ui| {
                    egui::ComboBox::from_id_salt(("source-type", s.source.as_str()))
                        .selected_text(s.source_type.as_str())
                        .width(110.0)
                        .show_ui(ui, |ui| {
                            for t in SourceType::ALL {
                                if ui
                                    .selectable_label(t == s.source_type, t.as_str())
                                    .clicked()
                                    && t != s.source_type
                                {
                                    commands.push(super::commands::Command::SetSourceType(
                                        s.source.clone(),
                                        t,
                                    ));
                                }
                            }
                        })
                        .response
                        .on_hover_text("Change this source's type: the analysis runs again");
                });
                let cells = [
                    s.claims.to_string(),
                    s.comparable.to_string(),
                    s.corroborated.to_string(),
                    s.contradicted.to_string(),
                    s.rate
                        .map_or("—".to_owned(), |r| format!("{:.0}%", r * 100.0)),
                    s.denials.to_string(),
                    bias_words(s.bias_log2),
                    s.side.clone().unwrap_or_else(|| "—".to_owned()),
                ];
                for text in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).truncate());
                    });
                }
            });
        });
}
