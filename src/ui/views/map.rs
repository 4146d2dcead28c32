//! The Map tab: the events the filters keep over Natural Earth's borders. Drag to pan, scroll
//! (or + and −) to zoom; a mark opens its event, a mark of several places zooms in on them.
//! Beside the map: the legend, the events placed only to an area, and what has no place.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2};

use crate::core::analysis::Analysis;
use crate::core::charts::basemap::{BORDERS_CREDIT, basemap, country_labels};
use crate::core::charts::map::{
    Cluster, MapChart, Placement, SEVERITIES, bubble_radius, severity_color, severity_name,
};
use crate::core::export::ChartKind;
use crate::core::export::map_figure::{MIN_SPAN, events};
use crate::ui::commands::{Command, NavCommand};
use crate::ui::views::export_button::export_button_ui;

/// What the map shows: its centre (projected units) and scale (screen points per unit).
#[derive(Clone, Copy, Debug, PartialEq)]
struct MapView {
    center: [f64; 2],
    scale: f64,
    /// What the view was fitted to; a new one is fitted when this changes.
    fitted_to: u64,
}

impl MapView {
    fn screen(self, rect: Rect, p: [f64; 2]) -> Pos2 {
        let c = rect.center();
        Pos2::new(
            c.x + ((p[0] - self.center[0]) * self.scale) as f32,
            c.y - ((p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    fn map_point(self, rect: Rect, p: Pos2) -> [f64; 2] {
        let c = rect.center();
        [
            self.center[0] + f64::from(p.x - c.x) / self.scale,
            self.center[1] - f64::from(p.y - c.y) / self.scale,
        ]
    }

    /// The box on screen, in projected units.
    fn visible(self, rect: Rect) -> ([f64; 2], [f64; 2]) {
        let a = self.map_point(rect, rect.left_bottom());
        let b = self.map_point(rect, rect.right_top());
        (a, b)
    }

    /// The view that shows `[min, max]` with a margin, at least a few degrees across.
    fn fitting(rect: Rect, bounds: Option<[[f64; 2]; 2]>, fitted_to: u64) -> Self {
        let [min, max] = bounds.unwrap_or([[-170.0, -60.0], [170.0, 80.0]]);
        let span = [
            (max[0] - min[0]).max(MIN_SPAN),
            (max[1] - min[1]).max(MIN_SPAN),
        ];
        let scale =
            (f64::from(rect.width()) / span[0]).min(f64::from(rect.height()) / span[1]) * 0.8;
        Self {
            center: [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0],
            scale: scale.max(0.5),
            fitted_to,
        }
    }

    /// Zooms by `factor` keeping the map point under `anchor` where it is.
    fn zoom(&mut self, rect: Rect, factor: f64, anchor: Pos2) {
        let before = self.map_point(rect, anchor);
        self.scale = (self.scale * factor).clamp(0.5, 200_000.0);
        let after = self.map_point(rect, anchor);
        self.center[0] += before[0] - after[0];
        self.center[1] += before[1] - after[1];
    }
}

fn view_id() -> egui::Id {
    egui::Id::unique("map-view")
}

fn marks_id() -> egui::Id {
    egui::Id::unique("map-marks")
}

/// Width of the legend and list beside the map.
const SIDE_WIDTH: f32 = 260.0;

/// The Map tab. `fit_key` changes when other data is open: the view is fitted to it again.
pub fn map_ui(
    ui: &mut egui::Ui,
    a: &Analysis,
    chart: &MapChart,
    fit_key: u64,
    commands: &mut Vec<Command>,
) {
    let mut fit = false;
    let mut zoom = 1.0;
    ui.horizontal_wrapped(|ui| {
        ui.strong("Events on the map — reported claims, not verified");
        ui.weak(events(chart.events.len()));
        fit = ui
            .button("Fit")
            .on_hover_text("Show every event (F)")
            .clicked();
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            zoom = 2.0;
        }
        if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
            zoom = 0.5;
        }
        export_button_ui(ui, ChartKind::Map, commands);
        ui.weak("Drag to pan, scroll to zoom; click a mark to open its event.");
    });
    let area = ui.available_rect_before_wrap();
    let rect = Rect::from_min_max(
        area.min,
        Pos2::new(
            (area.max.x - SIDE_WIDTH - 8.0).max(area.min.x + 100.0),
            area.max.y,
        ),
    );
    let side = Rect::from_min_max(Pos2::new(rect.max.x + 8.0, area.min.y), area.max);
    let response = ui.interact(rect, view_id(), Sense::click_and_drag());
    let mut view = ui
        .ctx()
        .data(|d| d.get_temp::<MapView>(view_id()))
        .filter(|v| v.fitted_to == fit_key)
        .unwrap_or_else(|| MapView::fitting(rect, chart.bounds, fit_key));
    fit |= response.hovered() && ui.input(|i| i.key_pressed(egui::Key::F));
    if fit {
        view = MapView::fitting(rect, chart.bounds, fit_key);
    }
    navigate(ui, &response, rect, &mut view, zoom);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    draw_borders(ui, &painter, rect, &view);
    let drawn = draw_marks(ui, &painter, (rect, &view), chart);
    painter.rect_stroke(
        rect,
        0.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    pointer_ui(ui, &response, (rect, &mut view), chart, &drawn, commands);
    ui.ctx().data_mut(|d| {
        d.insert_temp(view_id(), view);
        d.insert_temp(marks_id(), drawn);
    });
    let mut side_ui = ui.new_child(egui::UiBuilder::new().max_rect(side));
    side_ui_contents(&mut side_ui, a, chart, commands);
    ui.advance_cursor_after_rect(area);
}

/// Drag, scroll, pinch and the keys move the view.
fn navigate(
    ui: &egui::Ui,
    response: &egui::Response,
    rect: Rect,
    view: &mut MapView,
    mut zoom: f64,
) {
    if response.dragged() {
        let d = response.drag_delta();
        view.center[0] -= f64::from(d.x) / view.scale;
        view.center[1] += f64::from(d.y) / view.scale;
    }
    let anchor = response.hover_pos().unwrap_or(rect.center());
    if response.hovered() {
        let (scroll, pinch, plus, minus) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                i.key_pressed(egui::Key::Minus),
            )
        });
        zoom *= (f64::from(scroll) * 0.003).exp() * f64::from(pinch);
        zoom *= if plus { 2.0 } else { 1.0 } * if minus { 0.5 } else { 1.0 };
    }
    if (zoom - 1.0).abs() > 1e-6 {
        view.zoom(rect, zoom, anchor);
    }
}

/// Borders and coasts that cross the view, coarser when it is wide.
fn draw_borders(ui: &egui::Ui, painter: &egui::Painter, rect: Rect, view: &MapView) {
    let (min, max) = view.visible(rect);
    let weak = ui.visuals().weak_text_color();
    let coast = Stroke::new(1.0, weak.gamma_multiply(0.9));
    let border = Stroke::new(0.8, weak.gamma_multiply(0.6));
    for arc in basemap().arcs_in(min, max) {
        let points: Vec<Pos2> = arc.points.iter().map(|&p| view.screen(rect, p)).collect();
        painter.add(Shape::line(points, if arc.coast { coast } else { border }));
    }
}

/// A mark drawn this frame: the event it opens (its most disputed), where it is on screen,
/// how far it reaches, and the cluster it stands for.
#[derive(Clone, Debug)]
pub struct DrawnMark {
    pub event: u32,
    pub at: Pos2,
    pub radius: f32,
    pub cluster: Cluster,
}

fn color(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// The marks of the zoom level in view: areas as dashed shaded circles, others as discs sized
/// by the largest figure claimed, coloured by the worst dispute, with their place's name.
fn draw_marks(
    ui: &egui::Ui,
    painter: &egui::Painter,
    (rect, view): (Rect, &MapView),
    chart: &MapChart,
) -> Vec<DrawnMark> {
    let (min, max) = view.visible(rect);
    let clusters: Vec<&Cluster> = chart
        .level_for(view.scale)
        .iter()
        .filter(|c| {
            let margin = 30.0 / view.scale;
            c.max[0] + margin >= min[0]
                && c.min[0] - margin <= max[0]
                && c.max[1] + margin >= min[1]
                && c.min[1] - margin <= max[1]
        })
        .collect();
    let named = clusters.len() <= 60;
    let text = ui.visuals().text_color();
    let background = ui.visuals().extreme_bg_color;
    let mut drawn = Vec::with_capacity(clusters.len());
    let mut labels = Vec::new();
    for c in clusters {
        let top = &chart.events[c.top as usize];
        let at = view.screen(rect, c.at);
        let fill = color(severity_color(c.severity));
        let radius = match top.area_radius() {
            Some(r) if c.count == 1 => {
                let r = (r * view.scale).max(6.0) as f32;
                painter.circle_filled(at, r, fill.gamma_multiply(0.2));
                let ring: Vec<Pos2> = (0..=48)
                    .map(|i| {
                        let t = i as f32 / 48.0 * std::f32::consts::TAU;
                        at + Vec2::new(t.cos(), t.sin()) * r
                    })
                    .collect();
                painter.extend(Shape::dashed_line(&ring, Stroke::new(1.5, fill), 6.0, 4.0));
                r
            }
            _ => {
                let r = bubble_radius(c.figure) as f32;
                painter.circle(
                    at,
                    r,
                    fill.gamma_multiply(0.85),
                    Stroke::new(1.2, background),
                );
                r
            }
        };
        if c.count > 1 && radius >= 8.0 {
            painter.text(
                at,
                egui::Align2::CENTER_CENTER,
                c.count.to_string(),
                egui::FontId::proportional(11.0),
                Color32::WHITE,
            );
        }
        drawn.push(DrawnMark {
            event: top.event,
            at,
            // An area is picked near its centre, not anywhere inside it.
            radius: radius.min(14.0),
            cluster: c.clone(),
        });
        labels.push((c, at, radius));
    }
    if !named {
        labels.clear();
    }
    let placed = place_labels(painter, rect, chart, labels, text);
    country_names(
        painter,
        (rect, view),
        placed,
        ui.visuals().weak_text_color(),
    );
    drawn
}

/// The countries' names where they cover no mark and no other name.
fn country_names(
    painter: &egui::Painter,
    (rect, view): (Rect, &MapView),
    mut placed: Vec<Rect>,
    color: Color32,
) {
    for (name, at) in country_labels() {
        let at = view.screen(rect, *at);
        let galley = painter.layout_no_wrap(
            name.clone(),
            egui::FontId::proportional(13.0),
            color.gamma_multiply(0.7),
        );
        let r = Rect::from_center_size(at, galley.size());
        if rect.contains_rect(r) && !placed.iter().any(|p| p.intersects(r)) {
            painter.galley(r.min, galley, color);
            placed.push(r);
        }
    }
}

/// The names beside the marks, the most disputed first; a name that would cover another or a
/// mark is left out (its mark's tooltip still gives it), one that would leave the map goes left.
fn place_labels(
    painter: &egui::Painter,
    rect: Rect,
    chart: &MapChart,
    mut labels: Vec<(&Cluster, Pos2, f32)>,
    color: Color32,
) -> Vec<Rect> {
    labels.sort_by_key(|(c, _, _)| std::cmp::Reverse((c.severity, c.count)));
    // Names never cover a mark, nor each other.
    let mut placed: Vec<Rect> = labels
        .iter()
        .map(|(_, at, r)| Rect::from_center_size(*at, Vec2::splat(2.0 * r.min(40.0))))
        .collect();
    for (c, at, radius) in labels {
        let top = &chart.events[c.top as usize];
        let label = match (c.one_spot(), c.count > 1 && radius < 8.0) {
            (true, false) => top.place.clone(),
            (true, true) => format!("{} ({})", top.place, c.count),
            (false, _) => format!("{} and nearby ({})", top.place, c.count),
        };
        let galley = painter.layout_no_wrap(
            crate::ui::bidi::display(&label).into_owned(),
            egui::FontId::proportional(12.0),
            color,
        );
        let size = galley.size();
        let right = at + Vec2::new(radius + 4.0, -size.y / 2.0);
        let left = at + Vec2::new(-radius - 4.0 - size.x, -size.y / 2.0);
        let spot = [right, left]
            .into_iter()
            .map(|p| Rect::from_min_size(p, size))
            .find(|r| rect.contains_rect(*r) && !placed.iter().any(|p| p.intersects(*r)));
        if let Some(r) = spot {
            painter.galley(r.min, galley, color);
            placed.push(r);
        }
    }
    placed
}

/// The mark under the pointer: its tooltip, and on a click its event (or, for marks of
/// several places, a closer view of them).
fn pointer_ui(
    ui: &egui::Ui,
    response: &egui::Response,
    (rect, view): (Rect, &mut MapView),
    chart: &MapChart,
    drawn: &[DrawnMark],
    commands: &mut Vec<Command>,
) {
    let Some(pointer) = response.hover_pos().or(response.interact_pointer_pos()) else {
        return;
    };
    let Some(mark) = nearest(drawn, pointer) else {
        return;
    };
    let c = &mark.cluster;
    let top = &chart.events[c.top as usize];
    if response.clicked() {
        if c.count == 1 || c.one_spot() {
            commands.push(Command::Nav(NavCommand::OpenEvent(mark.event as usize)));
        } else {
            let span = (c.max[0] - c.min[0]).max(c.max[1] - c.min[1]).max(0.05);
            view.center = c.at;
            view.scale =
                (f64::from(rect.width().min(rect.height())) / span * 0.6).max(view.scale * 2.0);
        }
    }
    let worst = severity_name(c.severity);
    let figure = c.figure.map_or("no figure".to_owned(), |f| {
        format!("largest figure claimed {f:.0}")
    });
    let text = if c.count == 1 || c.one_spot() {
        let where_ = match top.placement {
            Placement::Area { reach, .. } => format!(" (placed only to {})", reach.as_str()),
            Placement::Town => " (the town's centre)".to_owned(),
            Placement::Point => String::new(),
        };
        format!(
            "{}{where_}\n{} event(s) · {worst} · {figure}\nClick to open the most disputed.",
            top.place, c.count
        )
    } else {
        format!(
            "{} events here · worst: {worst} · {figure}\nClick to zoom in.",
            c.count
        )
    };
    response.clone().on_hover_text_at_pointer(text);
    let _ = ui;
}

fn nearest(drawn: &[DrawnMark], pointer: Pos2) -> Option<&DrawnMark> {
    drawn
        .iter()
        .map(|m| (m, m.at.distance(pointer)))
        .filter(|(m, d)| *d <= m.radius + 4.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| m)
}

/// Where the map last drew the mark that opens `event`, on screen.
pub fn mark_position(ctx: &egui::Context, event: usize) -> Option<Pos2> {
    let drawn: Vec<DrawnMark> = ctx.data(|d| d.get_temp(marks_id()))?;
    drawn
        .iter()
        .find(|m| m.event as usize == event)
        .map(|m| m.at)
}

/// The legend, the events placed only to an area, and those with no place.
fn side_ui_contents(
    ui: &mut egui::Ui,
    a: &Analysis,
    chart: &MapChart,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .id_salt("map-side")
        .show(ui, |ui| {
            ui.strong("Colour: the worst dispute");
            for severity in SEVERITIES {
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                    ui.painter()
                        .circle_filled(r.center(), 6.0, color(severity_color(severity)));
                    ui.label(severity_name(severity));
                });
            }
            ui.label("Size: the largest figure claimed. A number: events drawn as one mark.");
            ui.label("Dashed circle: an event placed only to a province, a country or near a town — never a point.");
            ui.separator();
            areas_ui(ui, a, chart, commands);
            if chart.unplaced > 0 {
                ui.label(format!(
                    "Not on the map: {} with no coordinates and no place the gazetteer knows.",
                    events(chart.unplaced)
                ));
            }
            ui.separator();
            ui.weak(BORDERS_CREDIT);
        });
}

/// Most areas listed by name.
const AREAS_LISTED: usize = 40;

fn areas_ui(ui: &mut egui::Ui, a: &Analysis, chart: &MapChart, commands: &mut Vec<Command>) {
    let areas: Vec<_> = chart.areas().collect();
    if areas.is_empty() {
        ui.weak("Every event on the map is placed to a town or by coordinates.");
        return;
    }
    ui.strong(format!("Placed only to an area ({})", areas.len()));
    for e in areas.iter().take(AREAS_LISTED) {
        let Placement::Area { reach, .. } = e.placement else {
            continue;
        };
        let date = a.events.get(e.event as usize).map_or(String::new(), |ev| {
            ev.date_from.format("%-d %b %Y").to_string()
        });
        let label = format!("{} ({}), {date}", e.place, reach.as_str());
        if ui
            .link(crate::ui::bidi::display(&label))
            .on_hover_text("Open this event")
            .clicked()
        {
            commands.push(Command::Nav(NavCommand::OpenEvent(e.event as usize)));
        }
    }
    if areas.len() > AREAS_LISTED {
        ui.weak(format!("and {} more", areas.len() - AREAS_LISTED));
    }
}
