//! The Sources tab: the scorecard.

use crate::ui::commands::{Command, CorrectionCommand, FileCommand, JudgementCommand, NavCommand};
use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::core::analysis::{AliasKind, Analysis};
use crate::core::charts::bias_words;
use crate::core::charts::{BiasChart, Rgb, bias_label};
use crate::core::export::ChartKind;
use crate::core::model::SourceType;
use crate::core::view::analyzed::Analyzed;
use crate::core::workspace::Corrections;
use crate::ui::bidi::{display, display_ltr};
use crate::ui::views::export_button::export_button_ui;

/// What the Sources tab draws.
pub struct SourcesView<'a> {
    pub analyzed: &'a Analyzed,
    /// Rows of the analysis' scorecard that the filter keeps.
    pub visible: &'a [usize],
    pub bias: &'a BiasChart,
    /// The lines of evidence behind the selected source's grade.
    pub evidence: &'a [(String, u32)],
    pub corrections: &'a Corrections,
    /// The source whose evidence is shown.
    pub selected: Option<&'a str>,
}

/// The Sources tab: merges, the bias chart and a source's evidence, and the scorecard of the
/// sources the filter keeps.
pub fn sources_ui(ui: &mut egui::Ui, view: &SourcesView<'_>, commands: &mut Vec<Command>) {
    let (analyzed, bias, evidence) = (view.analyzed, view.bias, view.evidence);
    let (corrections, selected) = (view.corrections, view.selected);
    let analysis = &analyzed.analysis;
    merges_ui(ui, analysis, corrections, commands);
    let score = selected.and_then(|name| analysis.scorecard.iter().find(|s| s.source == name));
    egui::Panel::bottom("source-details")
        .resizable(true)
        .min_size(bias_plot_height(bias.bars.len()) + 100.0)
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                bias_plot_ui(&mut columns[0], bias, commands);
                match score {
                    Some(score) => {
                        let view = EvidenceView {
                            score,
                            evidence,
                            set: corrections.source_grades.get(&score.source).copied(),
                            min_comparable: analysis.settings.min_comparable,
                        };
                        evidence_ui(&mut columns[1], &view, commands);
                    }
                    None => {
                        columns[1].weak("Select a source to see the evidence behind its grade.");
                    }
                }
            });
        });
    // The table's column lines stop at the panel below instead of running through its chart.
    let rect = ui.available_rect_before_wrap();
    ui.scope(|ui| {
        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        scorecard_ui(ui, view, commands);
    });
}

/// A source's grade, the analyst's (marked *) or the one the evidence suggests.
fn grade_cell_ui(
    ui: &mut egui::Ui,
    s: &crate::core::analysis::SourceScore,
    set: Option<char>,
    min_comparable: usize,
) {
    let judgement = s.judgement(min_comparable);
    match set {
        Some(g) => ui.strong(format!("{g}*")).on_hover_text(format!(
            "Your grade; the evidence suggests {}: {judgement}",
            s.grade
        )),
        None => ui
            .strong(s.grade.to_string())
            .on_hover_text(format!("Suggested by the evidence: {judgement}")),
    };
}

/// One row per source: its grade, counts, bias and side.
fn scorecard_ui(ui: &mut egui::Ui, view: &SourcesView<'_>, commands: &mut Vec<Command>) {
    let (analyzed, visible, selected) = (view.analyzed, view.visible, view.selected);
    let grades = &view.corrections.source_grades;
    let (analysis, colors, sides) = (&analyzed.analysis, &analyzed.colors, &analyzed.sides);
    ui.label(
        "Grades are suggestions (Admiralty A–E) from agreement with other sides and the bias \
         against their figures; F: cannot be judged (fewer than 5 comparable claims). Select a \
         source to set your own; * marks yours.",
    );
    let height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt("scorecard")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(46.0))
        .column(Column::initial(180.0).clip(true))
        .column(Column::initial(140.0))
        .columns(Column::initial(70.0).clip(true), 6)
        .column(Column::initial(110.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(height, |mut h| {
            for title in [
                "Grade",
                "Source",
                "Type",
                "Claims",
                "Compared",
                "Agreed",
                "Disputed",
                "Agreement",
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
            body.rows(height, visible.len(), |mut row| {
                let Some(s) = visible
                    .get(row.index())
                    .and_then(|&i| analysis.scorecard.get(i))
                else {
                    return;
                };
                let min = analysis.settings.min_comparable;
                row.col(|ui| grade_cell_ui(ui, s, grades.get(&s.source).copied(), min));
                row.col(|ui| source_cell_ui(ui, s, colors, selected, commands));
                row.col(|ui| type_ui(ui, s, commands));
                let cells = [
                    s.claims.to_string(),
                    s.comparable.to_string(),
                    s.corroborated.to_string(),
                    s.contradicted.to_string(),
                    s.rate
                        .map_or("—".to_owned(), |r| format!("{:.0}%", r * 100.0)),
                    s.denials.to_string(),
                    bias_words(s.bias_log2),
                ];
                for text in cells {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).truncate());
                    });
                }
                row.col(|ui| side_ui(ui, s, sides, commands));
            });
        });
}

/// Merging sources: "the Observatory" is SOHR. Kept with the workspace; exported as an alias
/// file that `analyze --aliases` reads.
fn merges_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    corrections: &Corrections,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let id = egui::Id::unique("merge-from");
        let mut from: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let from_text = if from.is_empty() {
            "choose a source"
        } else {
            from.as_str()
        };
        egui::ComboBox::new("merge-from-box", "is the same source as")
            .selected_text(from_text)
            .show_ui(ui, |ui| {
                for s in &analysis.scorecard {
                    if ui
                        .selectable_label(from == s.source, display(&s.source))
                        .clicked()
                    {
                        from = s.source.clone();
                    }
                }
            });
        ui.data_mut(|d| d.insert_temp(id, from.clone()));
        egui::ComboBox::new("merge-into-box", "(merge)")
            .selected_text("choose the source it is")
            .show_ui(ui, |ui| {
                for s in analysis
                    .scorecard
                    .iter()
                    .filter(|s| s.source != from && !from.is_empty())
                {
                    if ui.selectable_label(false, display(&s.source)).clicked() {
                        commands.push(Command::Correction(CorrectionCommand::Merge(
                            AliasKind::Source,
                            from.clone(),
                            s.source.clone(),
                        )));
                    }
                }
            });
        if corrections.merge_count() > 0 {
            let list: Vec<String> = AliasKind::ALL
                .into_iter()
                .flat_map(|kind| corrections.merges(kind))
                .map(|(a, b)| format!("{a} = {b}"))
                .collect();
            ui.weak(list.join(", "));
            if ui.button("Undo merges").clicked() {
                commands.push(Command::Correction(CorrectionCommand::UndoMerges));
            }
            let export = ui
                .button("Export alias file")
                .on_hover_text("Writes triangulate-aliases.csv here, for analyze --aliases");
            if export.clicked() {
                commands.push(Command::File(FileCommand::ExportAliases(
                    std::path::PathBuf::from("triangulate-aliases.csv"),
                )));
            }
        }
    });
}

/// The side a source speaks for, changeable among the sides already known.
fn side_ui(
    ui: &mut egui::Ui,
    s: &crate::core::analysis::SourceScore,
    sides: &[String],
    commands: &mut Vec<Command>,
) {
    let current = s.side.as_deref().unwrap_or("no side");
    egui::ComboBox::from_id_salt(("source-side", s.source.as_str()))
        .selected_text(display(current))
        .width(150.0)
        .show_ui(ui, |ui| {
            let choices = std::iter::once(None).chain(sides.iter().map(|x| Some(x.as_str())));
            for choice in choices {
                let label = choice.unwrap_or("no side");
                if ui
                    .selectable_label(choice == s.side.as_deref(), display(label))
                    .clicked()
                    && choice != s.side.as_deref()
                {
                    let side = choice.map(str::to_owned);
                    commands.push(Command::Correction(CorrectionCommand::SetSourceSide(
                        s.source.clone(),
                        side,
                    )));
                }
            }
        });
}

/// The type of a source, changeable; the analysis runs again.
fn type_ui(ui: &mut egui::Ui, s: &crate::core::analysis::SourceScore, commands: &mut Vec<Command>) {
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
                    commands.push(Command::Correction(CorrectionCommand::SetSourceType(
                        s.source.clone(),
                        t,
                    )));
                }
            }
        })
        .response
        .on_hover_text("Change this source's type: the analysis runs again");
}

/// The analyst's grade of a source, over the one the evidence suggests.
fn grade_picker_ui(
    ui: &mut egui::Ui,
    s: &crate::core::analysis::SourceScore,
    set: Option<char>,
    commands: &mut Vec<Command>,
) {
    let shown = set.map_or(format!("suggested: {}", s.grade), |g| g.to_string());
    egui::ComboBox::from_id_salt(("grade", s.source.as_str()))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            let suggested = format!("the suggestion ({})", s.grade);
            if ui.selectable_label(set.is_none(), suggested).clicked() {
                commands.push(Command::Judgement(JudgementCommand::SetSourceGrade(
                    s.source.clone(),
                    None,
                )));
            }
            for (letter, meaning) in ADMIRALTY {
                let label = format!("{letter}: {meaning}");
                if ui.selectable_label(set == Some(letter), label).clicked() {
                    commands.push(Command::Judgement(JudgementCommand::SetSourceGrade(
                        s.source.clone(),
                        Some(letter),
                    )));
                }
            }
        })
        .response
        .on_hover_text("Your grade of this source's reliability, kept with the workspace");
}

/// The Admiralty code's reliability letters.
const ADMIRALTY: [(char, &str); 6] = [
    ('A', "completely reliable"),
    ('B', "usually reliable"),
    ('C', "fairly reliable"),
    ('D', "not usually reliable"),
    ('E', "unreliable"),
    ('F', "reliability cannot be judged"),
];

/// A source's grade, the analyst's own if set, and the comparisons behind it.
struct EvidenceView<'a> {
    score: &'a crate::core::analysis::SourceScore,
    evidence: &'a [(String, u32)],
    /// The analyst's grade, if set.
    set: Option<char>,
    /// Fewer comparable claims than this, and reliability cannot be judged.
    min_comparable: usize,
}

/// The comparisons behind a source's grade.
fn evidence_ui(ui: &mut egui::Ui, view: &EvidenceView<'_>, commands: &mut Vec<Command>) {
    let (s, evidence, set) = (view.score, view.evidence, view.set);
    let min_comparable = view.min_comparable;
    ui.horizontal_wrapped(|ui| {
        let grade = set.unwrap_or(s.grade);
        let whose = if set.is_some() { "yours" } else { "suggested" };
        ui.strong(display_ltr(&format!(
            "{}: grade {grade} ({whose})",
            s.source
        )));
        grade_picker_ui(ui, s, set, commands);
    });
    ui.label(format!(
        "The evidence {}; bias {}{} (own side {}, adversaries {}).",
        s.judgement(min_comparable),
        bias_words(s.bias_log2),
        s.bias_interval.map_or(String::new(), |(low, high)| format!(
            " over {} figures, middle half {} to {}",
            s.bias_n,
            bias_words(Some(low)),
            bias_words(Some(high))
        )),
        bias_words(s.bias_own),
        bias_words(s.bias_adversary)
    ));
    ui.horizontal(|ui| {
        if ui
            .button("Show its claims")
            .on_hover_text("The Claims tab with only this source ticked")
            .clicked()
        {
            commands.push(Command::Nav(NavCommand::ShowSourceClaims(s.source.clone())));
        }
        if s.contradicted > 0
            && ui
                .button(format!("Its disputes ({})", s.contradicted))
                .on_hover_text("The Findings tab with only the disputes this source is party to")
                .clicked()
        {
            commands.push(Command::Nav(NavCommand::ShowSourceDisputes(
                s.source.clone(),
            )));
        }
        if ui.button("Close").clicked() {
            commands.push(Command::Nav(NavCommand::SelectSource(None)));
        }
    });
    if s.evidence_n == 0 {
        ui.weak("No other source spoke of the same events: nothing to compare.");
        return;
    }
    if evidence.len() < s.evidence_n {
        ui.weak(format!(
            "The first {} of {} lines of evidence:",
            evidence.len(),
            s.evidence_n
        ));
    }
    let height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical().id_salt("evidence").show_rows(
        ui,
        height,
        evidence.len(),
        |ui, range| {
            for (line, other) in evidence.iter().skip(range.start).take(range.len()) {
                let other = *other;
                // Each line opens the other source's claim and its event.
                if ui
                    .link(display(line))
                    .on_hover_text("Open this claim and its event")
                    .clicked()
                {
                    commands.push(Command::Nav(NavCommand::OpenClaim(other)));
                }
            }
        },
    );
}

/// A source's colour swatch and name; clicking the name shows its evidence.
fn source_cell_ui(
    ui: &mut egui::Ui,
    s: &crate::core::analysis::SourceScore,
    colors: &std::collections::BTreeMap<String, Rgb>,
    selected: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let [r, g, b] = colors.get(&s.source).copied().unwrap_or([128, 128, 128]);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 2.0, egui::Color32::from_rgb(r, g, b));
    let is_selected = selected == Some(s.source.as_str());
    let label = ui.selectable_label(is_selected, display(&s.source));
    if label
        .on_hover_text("Show the evidence behind this grade")
        .clicked()
    {
        let next = (!is_selected).then(|| s.source.clone());
        commands.push(Command::Nav(NavCommand::SelectSource(next)));
    }
}

fn bias_plot_height(bars: usize) -> f32 {
    (50.0 + 24.0 * bars as f32).min(360.0)
}

/// One bar per source: how far its figures sit above or below the other sides', log scale.
fn bias_plot_ui(ui: &mut egui::Ui, chart: &BiasChart, commands: &mut Vec<Command>) {
    use egui_plot::{Bar, BarChart, Plot, VLine};
    ui.horizontal(|ui| {
        ui.strong("Bias against the other sides' figures");
        export_button_ui(ui, ChartKind::Sources, commands);
    });
    ui.weak("Median ratio of each source's figures to the others' on the same events (log scale)");
    let n = chart.bars.len();
    let bars: Vec<Bar> = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let [r, g, bl] = b.color;
            Bar::new((n - 1 - i) as f64, b.log2)
                .name(format!("{} (grade {})", b.source, b.grade))
                .fill(egui::Color32::from_rgb(r, g, bl))
                .width(0.7)
        })
        .collect();
    let names: Vec<String> = chart
        .bars
        .iter()
        .map(|b| display(&b.source).into_owned())
        .collect();
    let reach = chart.reach();
    let height = bias_plot_height(n);
    Plot::new("bias-chart")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_x(-reach)
        .include_x(reach)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show_grid([true, false])
        // A mark per doubling; labels on whole doublings only.
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 2.0, 4.0]))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                bias_label(mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            names
                .get(n.saturating_sub(1 + i as usize))
                .cloned()
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.vline(VLine::new("consensus", 0.0).color(egui::Color32::GRAY));
            plot.bar_chart(
                BarChart::new("bias", bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| {
                        format!("{}\n{}", bar.name, bias_label(bar.value))
                    })),
            );
        });
    if !chart.without.is_empty() {
        ui.weak(display_ltr(&format!(
            "Too little to compare: {}",
            chart.without.join(", ")
        )));
    }
}
