//! The Events tab: the list of events, and for the selected one every claimant side by side.

use std::collections::BTreeMap;

use eframe::egui;
use egui_plot::{Line, Plot, PlotPoints, Points};

use crate::core::analysis::Analysis;
use crate::core::charts::{EventChart, Rgb};
use crate::core::charts::{open_range_end, range_axis_max};
use crate::core::export::ChartKind;
use crate::core::model::Stance;
use crate::core::view::event_edits::EventEditChoices;
use crate::ui::bidi::{display, display_ltr};
use crate::ui::commands::{Command, CorrectionCommand, NavCommand};
use crate::ui::views::export_button::export_button_ui;
use crate::ui::views::readable;

/// What the Events tab draws: the list of events in `visible`, and the chart and the edits
/// offered for the one selected.
pub struct EventsView<'a> {
    pub analysis: &'a Analysis,
    pub visible: &'a [usize],
    /// The event selected (by index) and its chart.
    pub chart: Option<&'a (usize, EventChart)>,
    pub edits: &'a EventEditChoices,
    pub colors: &'a BTreeMap<String, Rgb>,
    /// Whether the analyst has split or merged any event (so there is something to undo).
    pub edited: bool,
}

pub fn events_ui(ui: &mut egui::Ui, view: &EventsView<'_>, commands: &mut Vec<Command>) {
    let (analysis, visible, chart) = (view.analysis, view.visible, view.chart);
    let (edits, colors, edited) = (view.edits, view.colors, view.edited);
    event_list_ui(ui, analysis, visible, chart.map(|(e, _)| *e), commands);
    let Some((event, chart)) = chart else {
        ui.centered_and_justified(|ui| {
            ui.label("Select an event on the left, or a discrepancy in the Discrepancies tab.");
        });
        return;
    };
    let Some(e) = analysis.events.get(*event) else {
        return;
    };
    ui.heading(display_ltr(&format!(
        "{} · {}",
        e.location,
        if e.date_from == e.date_to {
            e.date_from.to_string()
        } else {
            format!("{} to {}", e.date_from, e.date_to)
        }
    )));
    ui.horizontal(|ui| {
        ui.weak(format!(
            "Event {} · reported claims — not verified totals",
            e.id
        ));
        export_button_ui(ui, ChartKind::Event, commands);
        edit_buttons_ui(ui, &e.id, edits, edited, commands);
    });
    egui::ScrollArea::vertical()
        .id_salt("event-detail")
        .show(ui, |ui| {
            for (b, block) in chart.blocks.iter().enumerate() {
                ui.strong(block.title.as_str());
                range_plot_ui(ui, (*event, b), &block.rows, colors);
            }
            statements_ui(ui, *event, &chart.propositions, colors);
            if !chart.omitted.is_empty() {
                ui.weak(format!("Not drawn: {}.", chart.omitted.join("; ")));
            }
        });
}

/// Split off the claims of a date or a claimant; merge into a nearby event; undo.
fn edit_buttons_ui(
    ui: &mut egui::Ui,
    event: &str,
    edits: &EventEditChoices,
    edited: bool,
    commands: &mut Vec<Command>,
) {
    if !edits.splits.is_empty() {
        ui.menu_button("Split off…", |ui| {
            ui.weak("Take these claims into an event of their own:");
            for choice in &edits.splits {
                if ui.button(display_ltr(&choice.label)).clicked() {
                    commands.push(Command::Correction(CorrectionCommand::SplitEvent(
                        choice.claims.clone(),
                    )));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("These claims are about another incident");
    }
    if !edits.merges.is_empty() {
        ui.menu_button("Merge into…", |ui| {
            ui.weak("This event is the same incident as:");
            for (id, label) in &edits.merges {
                if ui.button(display_ltr(label)).clicked() {
                    commands.push(Command::Correction(CorrectionCommand::MergeEvents(
                        event.to_owned(),
                        id.clone(),
                    )));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Move this event's claims into another event");
    }
    if edited
        && ui
            .button("Undo event edits")
            .on_hover_text("Every split and merge of events goes back to the automatic grouping")
            .clicked()
    {
        commands.push(Command::Correction(CorrectionCommand::UndoEventEdits));
    }
}

/// One row per claimant: the interval as a bar (open-ended ones run off to the right with an
/// arrow), the point estimate as a dot; disputed rows drawn thicker.
fn range_plot_ui(
    ui: &mut egui::Ui,
    id: (usize, usize),
    rows: &[crate::core::charts::RangeRow],
    colors: &BTreeMap<String, Rgb>,
) {
    let max = range_axis_max(rows.iter().map(|r| r.high.unwrap_or(r.low).max(r.point)));
    let labels: Vec<String> = rows
        .iter()
        .map(|r| display_ltr(&r.label).into_owned())
        .collect();
    let height = 40.0 + 26.0 * rows.len() as f32;
    Plot::new(("range", id.0, id.1))
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_x(0.0)
        .include_x(max)
        .include_y(-0.6)
        .include_y(rows.len() as f64 - 0.4)
        .show_grid([true, false])
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            for (i, row) in rows.iter().enumerate() {
                let y = i as f64;
                let [r, g, b] = colors.get(&row.source).copied().unwrap_or([128, 128, 128]);
                let color = egui::Color32::from_rgb(r, g, b);
                let end = row.high.unwrap_or(open_range_end(row.low, max));
                let width = if row.disputed { 6.0 } else { 3.0 };
                let name = display_ltr(&row.label).into_owned();
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(vec![[row.low, y], [end, y]]))
                        .color(color)
                        .width(width),
                );
                if row.high.is_none() {
                    plot.points(
                        Points::new(name.clone(), PlotPoints::from(vec![[end, y]]))
                            .shape(egui_plot::MarkerShape::Right)
                            .radius(6.0)
                            .color(color),
                    );
                }
                let shape = if row.denies {
                    egui_plot::MarkerShape::Cross
                } else {
                    egui_plot::MarkerShape::Circle
                };
                plot.points(
                    Points::new(name, PlotPoints::from(vec![[row.point, y]]))
                        .shape(shape)
                        .radius(5.0)
                        .color(color)
                        .filled(row.current),
                );
            }
        });
}

fn event_list_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    visible: &[usize],
    selected: Option<usize>,
    commands: &mut Vec<Command>,
) {
    egui::Panel::left("event-list")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| {
            if visible.len() == analysis.events.len() {
                ui.strong(format!("Events ({})", analysis.events.len()));
            } else {
                ui.strong(format!(
                    "Events ({} of {}, filtered)",
                    visible.len(),
                    analysis.events.len()
                ));
            }
            if !analysis.ambiguous_places.is_empty() {
                ui.weak(format!(
                    "{} place(s) left unresolved: several towns share the name",
                    analysis.ambiguous_places.len()
                ))
                // The list is joined only while the pointer is on the line.
                .on_hover_ui(|ui| {
                    ui.label(format!(
                        "Name the province or country in the location to resolve them: {}",
                        analysis.ambiguous_places.join("; ")
                    ));
                });
            }
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            let height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
            let mut scroll = egui::ScrollArea::vertical().id_salt("events-scroll");
            // An event opened from elsewhere (a discrepancy, a timeline point) is scrolled to.
            let shown_id = egui::Id::unique("events-scrolled-to");
            if ui.data(|d| d.get_temp::<Option<usize>>(shown_id)) != Some(selected) {
                ui.data_mut(|d| d.insert_temp(shown_id, selected));
                if let Some(row) = selected.and_then(|s| visible.iter().position(|&i| i == s)) {
                    let spacing = ui.spacing().item_spacing.y;
                    let offset = row as f32 * (height + spacing) - ui.available_height() / 3.0;
                    scroll = scroll.vertical_scroll_offset(offset.max(0.0));
                }
            }
            scroll.show_rows(ui, height, visible.len(), |ui, range| {
                for &i in visible.get(range).unwrap_or_default() {
                    let Some(e) = analysis.events.get(i) else {
                        continue;
                    };
                    // The count first: a narrow list cuts the end of the line, not the count.
                    let disputed = if e.disputes > 0 {
                        format!("{} disputed · ", e.disputes)
                    } else {
                        String::new()
                    };
                    let sources = if e.sources == 1 { "source" } else { "sources" };
                    let text = format!(
                        "{disputed}{} · {} · {} {sources}",
                        e.location, e.date_from, e.sources
                    );
                    if ui
                        .selectable_label(selected == Some(i), display_ltr(&text))
                        .clicked()
                    {
                        commands.push(Command::Nav(NavCommand::OpenEvent(i)));
                    }
                }
            });
        });
}

/// The non-numeric claims of an event: who asserts, who denies.
fn statements_ui(
    ui: &mut egui::Ui,
    event: usize,
    propositions: &[crate::core::charts::PropositionRow],
    colors: &BTreeMap<String, Rgb>,
) {
    if !propositions.is_empty() {
        ui.strong("Statements");
        egui::Grid::new(("propositions", event))
            .striped(true)
            .show(ui, |ui| {
                for p in propositions {
                    let [r, g, b] = colors.get(&p.source).copied().unwrap_or([128, 128, 128]);
                    ui.colored_label(readable(ui, [r, g, b]), display(&p.source));
                    ui.label(p.kind.as_str());
                    let stance = match p.stance {
                        Stance::Asserts => egui::RichText::new("asserts"),
                        Stance::Denies => egui::RichText::new("denies").strong(),
                    };
                    ui.label(stance);
                    let said = if p.count > 1 {
                        format!("{} (\u{d7}{})", p.detail, p.count)
                    } else {
                        p.detail.clone()
                    };
                    let detail = egui::RichText::new(display(&said));
                    let detail = if p.disputed {
                        detail.color(ui.visuals().warn_fg_color)
                    } else {
                        detail
                    };
                    // Wrapped in the room left, never past the window's edge.
                    ui.add(egui::Label::new(detail).wrap());
                    ui.end_row();
                }
            });
    }
}
