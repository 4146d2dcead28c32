//! A chart's legend beside its plot, never over the data: each series' marker in its colour
//! and its name, cut with an ellipsis when long.

use eframe::egui::{self, Color32, Sense, Vec2};
use egui_plot::MarkerShape;

/// One line of a legend.
pub struct Entry<'a> {
    pub name: &'a str,
    pub color: [u8; 3],
    pub marker: MarkerShape,
}

/// The legend in its own column at the right of `rect` (a sixth of it, 180 to 300 points),
/// with a note under the entries; returns what is left for the plot.
pub fn beside(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    entries: &[Entry<'_>],
    note: Option<&str>,
) -> egui::Rect {
    if entries.is_empty() {
        return rect;
    }
    let width = (rect.width() / 6.0).clamp(180.0, 300.0);
    let split = (rect.max.x - width).max(rect.min.x + 120.0);
    let plot = egui::Rect::from_min_max(rect.min, egui::pos2(split - 6.0, rect.max.y));
    let column = egui::Rect::from_min_max(egui::pos2(split + 4.0, rect.min.y), rect.max);
    let mut legend = ui.new_child(egui::UiBuilder::new().max_rect(column));
    legend.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    egui::ScrollArea::vertical()
        .id_salt("legend")
        .show(&mut legend, |ui| {
            for e in entries {
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                    let [red, green, blue] = e.color;
                    marker(
                        ui.painter(),
                        r.center(),
                        e.marker,
                        Color32::from_rgb(red, green, blue),
                    );
                    ui.label(crate::ui::bidi::display(e.name))
                        .on_hover_text(e.name);
                });
            }
            if let Some(note) = note {
                ui.add_space(6.0);
                ui.scope(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                    ui.weak(note);
                });
            }
        });
    plot
}

/// A marker shape drawn as the plots draw it.
fn marker(painter: &egui::Painter, at: egui::Pos2, shape: MarkerShape, color: Color32) {
    let r = 5.0;
    let stroke = egui::Stroke::new(2.0, color);
    let points = |corners: &[(f32, f32)]| -> Vec<egui::Pos2> {
        corners
            .iter()
            .map(|(x, y)| at + Vec2::new(x * r, y * r))
            .collect()
    };
    match shape {
        MarkerShape::Square => {
            painter.rect_filled(
                egui::Rect::from_center_size(at, Vec2::splat(2.0 * r * 0.85)),
                0.0,
                color,
            );
        }
        MarkerShape::Diamond => {
            painter.add(egui::Shape::convex_polygon(
                points(&[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)]),
                color,
                egui::Stroke::NONE,
            ));
        }
        MarkerShape::Up => {
            painter.add(egui::Shape::convex_polygon(
                points(&[(0.0, -1.0), (0.9, 0.7), (-0.9, 0.7)]),
                color,
                egui::Stroke::NONE,
            ));
        }
        MarkerShape::Down => {
            painter.add(egui::Shape::convex_polygon(
                points(&[(0.0, 1.0), (0.9, -0.7), (-0.9, -0.7)]),
                color,
                egui::Stroke::NONE,
            ));
        }
        MarkerShape::Plus | MarkerShape::Cross => {
            painter.line_segment([at - Vec2::new(r, 0.0), at + Vec2::new(r, 0.0)], stroke);
            painter.line_segment([at - Vec2::new(0.0, r), at + Vec2::new(0.0, r)], stroke);
        }
        MarkerShape::Asterisk => {
            for angle in [0.0_f32, 60.0, 120.0] {
                let d = Vec2::angled(angle.to_radians()) * r;
                painter.line_segment([at - d, at + d], stroke);
            }
        }
        MarkerShape::Circle | MarkerShape::Left | MarkerShape::Right => {
            painter.circle_filled(at, r, color);
        }
    }
}
