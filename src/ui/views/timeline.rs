//! The Timeline tab: every source's claims over time, in its own colour.

use eframe::egui;
use egui_plot::{Arrows, Line, MarkerShape, Plot, PlotPoints, Points};

use crate::core::charts::{
    LOG_ZERO, Marker, TimelineChart, TimelineMode, TimelinePanel, TimelineSettings, TimelineSplit,
    date_label, date_ticks, log_ticks, y_label,
};
use crate::core::charts::{OPEN_RANGE_SHARE, open_range_end};
use crate::core::export::ChartKind;
use crate::core::model::{Dataset, SourceType};
use crate::ui::bidi::{self, display};
use crate::ui::commands::{Command, NavCommand, TimelineCommand};
use crate::ui::views::export_button::export_button_ui;
use crate::ui::views::legend::{Entry, beside};

/// Marker shape by source type, the same in every chart and export.
pub fn marker(source_type: SourceType) -> MarkerShape {
    match Marker::of(source_type) {
        Marker::Circle => MarkerShape::Circle,
        Marker::Square => MarkerShape::Square,
        Marker::Diamond => MarkerShape::Diamond,
        Marker::Up => MarkerShape::Up,
        Marker::Down => MarkerShape::Down,
        Marker::Plus => MarkerShape::Plus,
        Marker::Asterisk => MarkerShape::Asterisk,
    }
}

/// What the Timeline tab draws: the chart (and its small multiples, if split) and the
/// settings it was built with; the data and analysis name what a point's hover shows.
pub struct TimelineView<'a> {
    pub ds: &'a Dataset,
    pub analysis: &'a crate::core::analysis::Analysis,
    pub chart: &'a TimelineChart,
    pub panels: &'a [TimelinePanel],
    pub settings: &'a TimelineSettings,
}

pub fn timeline_ui(ui: &mut egui::Ui, view: &TimelineView<'_>, commands: &mut Vec<Command>) {
    let (chart, panels, settings) = (view.chart, view.panels, view.settings);
    toolbar_ui(ui, chart, settings, commands);
    if chart.series.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(
                "No figures to show: choose another claim kind or show more sources on the left.",
            );
        });
        return;
    }
    // The legend goes beside the plot, never over a point.
    let entries: Vec<Entry<'_>> = chart
        .series
        .iter()
        .map(|s| Entry {
            name: &s.source,
            color: s.color,
            marker: marker(s.source_type),
        })
        .collect();
    let area = ui.available_rect_before_wrap();
    let note = (settings.mode == TimelineMode::Claims).then_some(
        "A bar is a claim's range; an arrow, a range with no upper bound (\"at least\").",
    );
    let plot_rect = beside(ui, area, &entries, note);
    // Small multiples share the whole chart's value axis, so their heights compare.
    let extent = chart.value_max();
    if panels.is_empty() {
        let mut plot_ui = ui.new_child(egui::UiBuilder::new().max_rect(plot_rect));
        let response = plot_chart(&mut plot_ui, view, chart, extent, None);
        ui.ctx()
            .data_mut(|d| d.insert_temp(transform_id(), response.transform));
        open_clicked(&response, chart, commands);
    } else {
        let height = plot_rect.height() / panels.len() as f32;
        for (i, panel) in panels.iter().enumerate() {
            let rect = egui::Rect::from_min_size(
                plot_rect.min + egui::vec2(0.0, height * i as f32),
                egui::vec2(plot_rect.width(), height),
            );
            let mut panel_ui = ui.new_child(egui::UiBuilder::new().max_rect(rect));
            panel_ui.strong(display(&panel.title));
            let response = plot_chart(&mut panel_ui, view, &panel.chart, extent, Some(i));
            open_clicked(&response, &panel.chart, commands);
        }
    }
    ui.advance_cursor_after_rect(area);
}

/// One plot of the timeline (or of one of its small multiples, `panel`, whose time axes
/// move together).
fn plot_chart(
    ui: &mut egui::Ui,
    view: &TimelineView<'_>,
    chart: &TimelineChart,
    extent: f64,
    panel: Option<usize>,
) -> egui_plot::PlotResponse<()> {
    let (ds, analysis) = (view.ds, view.analysis);
    let log = view.settings.log;
    let mut plot = Plot::new(("timeline", panel))
        .x_grid_spacer(date_grid)
        .x_axis_formatter(|mark, _| date_label(mark.value, mark.step_size))
        .y_axis_formatter(move |mark, _| y_label(mark.value, log))
        // Counts are never below zero: the view starts at zero (at the zero below 1 on a log
        // scale), and a log scale is ticked at 1, 2 and 5 times each power of ten.
        .default_y_bounds(
            if log { LOG_ZERO - 0.1 } else { 0.0 },
            // Room above the highest point for an open range's arrow head.
            if log {
                extent + 0.1
            } else {
                extent * (1.05 + OPEN_RANGE_SHARE)
            },
        )
        .y_grid_spacer(y_grid(log))
        .y_axis_label(if log {
            "claimed count (log scale)"
        } else {
            "claimed count"
        })
        .label_formatter(|hover| hover_text(ds, analysis, chart, hover));
    if panel.is_some() {
        plot = plot.link_axis(egui::Id::unique("timeline-panels"), [true, false]);
    }
    plot.show(ui, |plot| {
        for s in &chart.series {
            let [r, g, b] = s.color;
            let color = egui::Color32::from_rgb(r, g, b);
            if s.claims.is_empty() {
                // Daily or cumulative totals: a line per source.
                plot.line(
                    Line::new(display(&s.source), PlotPoints::from(s.points.clone()))
                        .color(color)
                        .width(1.5),
                );
            } else {
                plot.points(
                    Points::new(display(&s.source), PlotPoints::from(s.points.clone()))
                        .shape(marker(s.source_type))
                        .radius(4.0)
                        .filled(true)
                        // A little see-through, so that crowded claims still show.
                        .color(color.gamma_multiply(0.8)),
                );
            }
            if !s.ranges.is_empty() && s.ranges.len() <= 5_000 {
                range_arrows(plot, s, extent, color);
            }
        }
    })
}

/// A click on a point opens its claim.
fn open_clicked(
    response: &egui_plot::PlotResponse<()>,
    chart: &TimelineChart,
    commands: &mut Vec<Command>,
) {
    if response.response.clicked()
        && let Some(pointer) = response.response.interact_pointer_pos()
        && let Some(claim) = nearest_claim(chart, &response.transform, pointer)
    {
        commands.push(Command::Nav(NavCommand::OpenClaim(claim)));
    }
}

fn hover_text(
    ds: &Dataset,
    analysis: &crate::core::analysis::Analysis,
    chart: &TimelineChart,
    hover: &egui_plot::HoverPosition<'_>,
) -> Option<String> {
    let egui_plot::HoverPosition::NearDataPoint {
        plot_name,
        position,
        index,
    } = hover
    else {
        return None;
    };
    // Series are named as drawn (right-to-left names in visual order).
    let series = chart
        .series
        .iter()
        .find(|s| display(&s.source) == *plot_name)?;
    let date = crate::core::charts::date_of(position.x)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let Some(&c) = series.claims.get(*index) else {
        return Some(format!("{plot_name}\n{date}: {:.0}", position.y));
    };
    let claim = ds.claims.get(c as usize)?;
    let quote = bidi::hover_text(&format!(
        "\u{201c}{}\u{201d}",
        crate::core::parse::text::clip(ds.quote(claim), 160)
    ));
    let credibility = analysis.facts.get(c as usize).map_or(String::new(), |f| {
        format!(
            "credibility {}/6: {}",
            f.credibility,
            crate::core::analysis::credibility::reason(f)
        )
    });
    let about = format!(
        "{} ({})\n{} {}: {}\n{} · {}\n{} · {}\n{credibility}",
        series.source,
        series.source_type.as_str(),
        claim.kind.as_str(),
        ds.str(claim.group),
        ds.opt_str(claim.quantity_text),
        ds.opt_str(claim.location),
        date,
        ds.opt_str(claim.outlet),
        ds.claim_id(claim),
    );
    Some(format!("{}\n{quote}", bidi::display_ltr(&about)))
}

/// Range bars as drawn: their floors and their tops.
pub(crate) type Segments = (Vec<[f64; 2]>, Vec<[f64; 2]>);

/// Each claim's range as the window draws it, `[closed, open]`, each as (floors, tops): an
/// open range ends where [`open_range_end`] says, as in exports.
pub(crate) fn range_segments(
    s: &crate::core::charts::TimelineSeries,
    extent: f64,
) -> [Segments; 2] {
    let mut closed = (Vec::new(), Vec::new());
    let mut open = (Vec::new(), Vec::new());
    for (p, (low, high)) in s.points.iter().zip(&s.ranges) {
        let target = if high.is_some() {
            &mut closed
        } else {
            &mut open
        };
        target.0.push([p[0], *low]);
        target
            .1
            .push([p[0], high.unwrap_or(open_range_end(*low, extent))]);
    }
    [closed, open]
}

/// Vertical bars for each claim's range: closed ones plain, open-ended ones with an arrow head
/// a share of the value axis past the floor.
fn range_arrows(
    plot: &mut egui_plot::PlotUi<'_>,
    s: &crate::core::charts::TimelineSeries,
    extent: f64,
    color: egui::Color32,
) {
    let [closed, open] = range_segments(s, extent);
    let color = color.gamma_multiply(0.6);
    for ((origins, tips), tip) in [(closed, 0.0), (open, 6.0)] {
        if !origins.is_empty() {
            plot.arrows(
                Arrows::new(
                    display(&s.source),
                    PlotPoints::from(origins),
                    PlotPoints::from(tips),
                )
                .tip_length(tip)
                .color(color),
            );
        }
    }
}

fn transform_id() -> egui::Id {
    egui::Id::unique("timeline-transform")
}

/// Where the timeline last drew a claim, on screen.
pub fn claim_position(
    ctx: &egui::Context,
    chart: &TimelineChart,
    claim: u32,
) -> Option<egui::Pos2> {
    let transform: egui_plot::PlotTransform = ctx.data(|d| d.get_temp(transform_id()))?;
    chart.series.iter().find_map(|s| {
        let at = s.claims.iter().position(|&c| c == claim)?;
        let p = s.points.get(at)?;
        Some(transform.position_from_point(&egui_plot::PlotPoint::new(p[0], p[1])))
    })
}

/// The modes, the log scale, export, and what is drawn.
fn toolbar_ui(
    ui: &mut egui::Ui,
    chart: &TimelineChart,
    settings: &TimelineSettings,
    commands: &mut Vec<Command>,
) {
    let (mode, log) = (settings.mode, settings.log);
    // Wrapped: a long note goes to a second line rather than widening the window's content.
    ui.horizontal_wrapped(|ui| {
        ui.strong("Reported claims — not verified totals");
        for (m, label) in [
            (TimelineMode::Claims, "Claims"),
            (TimelineMode::Daily, "Daily totals"),
            (TimelineMode::Cumulative, "Cumulative"),
        ] {
            if ui.selectable_label(mode == m, label).clicked() {
                commands.push(Command::Timeline(TimelineCommand::SetMode(m)));
            }
        }
        let mut log_scale = log;
        if ui
            .checkbox(&mut log_scale, "Log scale")
            .on_hover_text("log10 of the counts; zero is drawn below 1, labelled 0")
            .changed()
        {
            commands.push(Command::Timeline(TimelineCommand::SetLogScale(log_scale)));
        }
        ui.separator();
        ui.label("Charts:");
        for (split, label) in [
            (TimelineSplit::None, "One chart"),
            (TimelineSplit::Group, "Per group"),
            (TimelineSplit::Place, "Per place"),
        ] {
            if ui
                .selectable_label(settings.split == split, label)
                .on_hover_text("Small multiples: a chart per group family or per place")
                .clicked()
            {
                commands.push(Command::Timeline(TimelineCommand::SetSplit(split)));
            }
        }
        export_button_ui(ui, ChartKind::Timeline, commands);
        ui.weak(format!("{} points", chart.points));
        if let Some(note) = &chart.note {
            ui.weak(note.as_str());
        }
    });
}

/// The time axis' grid on calendar boundaries (days, month starts, new years), ticked as the
/// exports tick it, so that "Jun 2015" always stands on 1 June.
#[expect(
    clippy::needless_pass_by_value,
    reason = "egui_plot hands the spacer its input by value"
)]
pub fn date_grid(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    date_ticks(input.bounds.0, input.bounds.1)
        .into_iter()
        .map(|(value, step_size, _)| egui_plot::GridMark { value, step_size })
        .collect()
}

/// The y axis' grid: on a log scale at 1, 2 and 5 times each power of ten (never 794, 631 …),
/// else egui_plot's decimal steps.
fn y_grid(log: bool) -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let decimal = egui_plot::log_grid_spacer(10);
    move |input| {
        if !log {
            return decimal(input);
        }
        log_ticks(input.bounds, 12)
            .into_iter()
            .map(|(value, power)| egui_plot::GridMark {
                value,
                step_size: if power { 1.0 } else { 0.3 },
            })
            .collect()
    }
}

/// The claim drawn nearest to a screen position, within 10 points.
fn nearest_claim(
    chart: &TimelineChart,
    transform: &egui_plot::PlotTransform,
    pointer: egui::Pos2,
) -> Option<u32> {
    let mut best: Option<(f32, u32)> = None;
    for s in &chart.series {
        for (p, &claim) in s.points.iter().zip(&s.claims) {
            let at = transform.position_from_point(&egui_plot::PlotPoint::new(p[0], p[1]));
            let d = at.distance(pointer);
            if d <= 10.0 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, claim));
            }
        }
    }
    best.map(|(_, claim)| claim)
}
