//! The Pivot tab: the timeline's claim kind totalled per week or month, per source and place,
//! as a chart (each source's places summed) over a sortable table.

use std::collections::BTreeMap;

use eframe::egui;
use egui_extras::{Column, TableBuilder};
use egui_plot::{Line, MarkerShape, Plot, PlotPoints, Points};

use crate::core::charts::{Period, Pivot, PivotColumn, Rgb, date_label};
use crate::core::export::ChartKind;
use crate::core::export::ExportTarget;
use crate::core::export::tables::TableKind;
use crate::ui::app::state::PivotSettings;
use crate::ui::commands::{Command, ExportCommand, TableCommand};
use crate::ui::views::export_button::export_button_ui;
use crate::ui::views::legend::{Entry, beside};

/// What the Pivot tab draws: the totals, their rows in the table's order, each source's
/// colour and the tab's settings.
pub struct PivotView<'a> {
    pub pivot: &'a Pivot,
    /// Rows of `pivot` in the order the table lists them.
    pub order: &'a [usize],
    pub colors: &'a BTreeMap<String, Rgb>,
    pub settings: &'a PivotSettings,
}

pub fn pivot_ui(ui: &mut egui::Ui, view: &PivotView<'_>, commands: &mut Vec<Command>) {
    let (pivot, order, colors, settings) = (view.pivot, view.order, view.colors, view.settings);
    toolbar_ui(ui, pivot, settings, commands);
    if pivot.rows.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(
                "No figures to total: choose another claim kind or show more sources on the left.",
            );
        });
        return;
    }
    let lines = pivot.lines();
    let color = |source: &str| colors.get(source).copied().unwrap_or([128, 128, 128]);
    let entries: Vec<Entry<'_>> = lines
        .keys()
        .map(|&name| Entry {
            name,
            color: color(name),
            marker: MarkerShape::Circle,
        })
        .collect();
    let height = (ui.available_height() * 0.45).max(160.0);
    let area = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    let plot_rect = beside(
        ui,
        area,
        &entries,
        Some("The chart sums each source's places; the table below gives each place."),
    );
    let mut plot_ui = ui.new_child(egui::UiBuilder::new().max_rect(plot_rect));
    Plot::new("pivot")
        .height(height)
        .x_grid_spacer(crate::ui::views::timeline::date_grid)
        .x_axis_formatter(|mark, _| date_label(mark.value, mark.step_size))
        .y_axis_label("claimed count")
        .default_y_bounds(
            0.0,
            lines.values().flatten().map(|p| p[1]).fold(1.0, f64::max) * 1.08,
        )
        .show(&mut plot_ui, |plot| {
            for (source, points) in &lines {
                let [r, g, b] = color(source);
                let c = egui::Color32::from_rgb(r, g, b);
                let name = crate::ui::bidi::display(source);
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(points.clone()))
                        .color(c)
                        .width(1.5),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(points.clone()))
                        .radius(3.5)
                        .filled(true)
                        .color(c),
                );
            }
        });
    ui.advance_cursor_after_rect(area);
    ui.separator();
    table_ui(ui, pivot, order, settings, commands);
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    pivot: &Pivot,
    settings: &PivotSettings,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let kind = pivot.kind.map_or("claims", |k| k.as_str());
        ui.strong(format!("Reported {kind}: totals per"));
        for (period, label) in [(Period::Week, "Week"), (Period::Month, "Month")] {
            if ui
                .selectable_label(settings.period == period, label)
                .clicked()
            {
                commands.push(Command::Table(TableCommand::SetPivotPeriod(period)));
            }
        }
        ui.weak("by source and place — one current figure per claimant, event and group");
        export_button_ui(ui, ChartKind::Pivot(settings.period), commands);
        if ui
            .button("Export table…")
            .on_hover_text("Save the table as CSV")
            .clicked()
        {
            commands.push(Command::Export(ExportCommand::ShowDialog(Some(
                ExportTarget::Table(TableKind::Pivot(settings.period)),
            ))));
        }
        ui.weak(format!("{} rows", pivot.rows.len()));
    });
}

/// The table, its headers sorting it (again: the other way).
fn table_ui(
    ui: &mut egui::Ui,
    pivot: &Pivot,
    order: &[usize],
    settings: &PivotSettings,
    commands: &mut Vec<Command>,
) {
    let date = |d: chrono::NaiveDate| match pivot.period {
        Period::Week => format!("week of {}", d.format("%-d %b %Y")),
        Period::Month => d.format("%B %Y").to_string(),
    };
    TableBuilder::new(ui)
        .id_salt("pivot-table")
        .striped(true)
        .column(Column::initial(150.0).resizable(true))
        .column(Column::initial(260.0).resizable(true).clip(true))
        .column(Column::initial(200.0).resizable(true).clip(true))
        .column(Column::initial(90.0))
        .column(Column::initial(80.0))
        .header(22.0, |mut header| {
            for column in PivotColumn::ALL {
                header.col(|ui| {
                    let arrow = match (settings.sort == column, settings.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        (false, _) => "",
                    };
                    if ui
                        .button(format!("{}{arrow}", column.title()))
                        .on_hover_text("Sort by this column")
                        .clicked()
                    {
                        commands.push(Command::Table(TableCommand::SortPivot(column)));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(20.0, order.len(), |mut row| {
                let Some(r) = order.get(row.index()).and_then(|&i| pivot.rows.get(i)) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(date(r.period));
                });
                row.col(|ui| {
                    ui.label(crate::ui::bidi::display(&r.source));
                });
                row.col(|ui| {
                    ui.label(crate::ui::bidi::display(&r.place));
                });
                row.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.add_space(12.0);
                        ui.monospace(format!("{:.0}", r.total));
                    });
                });
                row.col(|ui| {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.add_space(12.0);
                        ui.monospace(r.events.to_string());
                    });
                });
            });
        });
}
