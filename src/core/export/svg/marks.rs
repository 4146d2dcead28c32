//! The marks of a figure in SVG: series (points, lines, ranges with their arrow heads), marker
//! shapes, the legend and the statements under the chart.

use std::fmt::Write;

use super::text::{escape, fit, text_content, text_width};
use super::{Frame, LEGEND_LINE, PAD, Palette, STATEMENT_LINE, TICK_SIZE, hex};
use crate::core::charts::Marker;
use crate::core::export::figure::{Mark, Series, Statement};
use crate::core::model::Stance;

pub fn series(out: &mut String, s: &Series, frame: &Frame, colors: &Palette) {
    let color = hex(s.color);
    let _ = write!(
        out,
        r#"<g class="series" data-series="{}">"#,
        escape(&s.name)
    );
    for mark in &s.marks {
        match mark {
            Mark::Range {
                from,
                to,
                open,
                thick,
            } => {
                let (x1, y1, x2, y2) = (
                    frame.px(from[0]),
                    frame.py(from[1]),
                    frame.px(to[0]),
                    frame.py(to[1]),
                );
                let width = if *thick { 4.0 } else { 1.6 };
                let _ = write!(
                    out,
                    r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{color}" stroke-opacity="0.75" stroke-width="{width}"/>"#
                );
                if *open {
                    arrow_head(out, (x1, y1), (x2, y2), &color);
                }
            }
            Mark::Point { at, filled } => {
                let radius = frame.marker_radius;
                let fill = if *filled {
                    color.as_str()
                } else {
                    colors.background
                };
                marker(
                    out,
                    s.marker,
                    (frame.px(at[0]), frame.py(at[1])),
                    radius,
                    fill,
                    &color,
                );
            }
            Mark::Line(points) => {
                out.push_str(r#"<polyline fill="none" stroke-width="1.8" stroke=""#);
                out.push_str(&color);
                out.push_str(r#"" points=""#);
                for p in points {
                    let _ = write!(out, "{:.1},{:.1} ", frame.px(p[0]), frame.py(p[1]));
                }
                out.push_str(r#""/>"#);
            }
            Mark::Border { .. } | Mark::Bubble { .. } | Mark::Area { .. } | Mark::Label { .. } => {
                map_mark(out, mark, frame, colors, &color);
            }
            Mark::Bar { y, value } => {
                let (x0, x1) = (frame.px(0.0), frame.px(*value));
                let band = (frame.row_height() * 0.6).max(2.0);
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{band:.1}" fill="{color}"/>"#,
                    x0.min(x1),
                    frame.py(*y) - band / 2.0,
                    // An even source still shows a sliver at the consensus line.
                    (x1 - x0).abs().max(2.0)
                );
            }
        }
    }
    out.push_str("</g>");
}

/// Places' names beside their marks, most important first (as listed): right of the mark, else
/// left of it, else left out, so that no name covers a mark, another name or the frame.
pub fn place_names(out: &mut String, all: &[Series], frame: &Frame, colors: &Palette) {
    type Box4 = [f64; 4];
    let meets = |a: &Box4, b: &Box4| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let marks = all.iter().flat_map(|s| &s.marks);
    let mut taken: Vec<Box4> = marks
        .clone()
        .filter_map(|m| {
            // Only bubbles take room that a name must keep clear of.
            let Mark::Bubble { at, radius, .. } = m else {
                return None;
            };
            let (x, y) = (frame.px(at[0]), frame.py(at[1]));
            Some([x - radius, y - radius, x + radius, y + radius])
        })
        .collect();
    let inside = |b: &Box4| {
        b[0] >= frame.left
            && b[2] <= frame.left + frame.width
            && b[1] >= frame.top
            && b[3] <= frame.top + frame.height
    };
    // Places first, then the countries around them where there is room.
    for countries in [false, true] {
        for m in marks.clone() {
            let Mark::Label {
                at,
                text,
                offset,
                country,
            } = m
            else {
                continue;
            };
            if *country != countries {
                continue;
            }
            let (x, y) = (frame.px(at[0]), frame.py(at[1]));
            let (size, fill) = if countries {
                (13.0, colors.weak)
            } else {
                (12.0, colors.text)
            };
            // Capitals run wider than the estimate for mixed text; a margin keeps names apart.
            let width = text_width(text, size) * if countries { 1.3 } else { 1.0 } + 6.0;
            let spots = if countries {
                vec![[x - width / 2.0, y - 8.0, x + width / 2.0, y + 6.0]]
            } else {
                vec![
                    [x + offset, y - 8.0, x + offset + width, y + 6.0],
                    [x - offset - width, y - 8.0, x - offset, y + 6.0],
                ]
            };
            let Some(spot) = spots
                .into_iter()
                .find(|b| inside(b) && !taken.iter().any(|t| meets(t, b)))
            else {
                continue;
            };
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size}" fill="{fill}">{}</text>"#,
                spot[0],
                y + 4.0,
                text_content(text)
            );
            taken.push(spot);
        }
    }
}

/// A map's marks: borders, discs and areas.
fn map_mark(out: &mut String, mark: &Mark, frame: &Frame, colors: &Palette, color: &str) {
    match mark {
        Mark::Border { points, coast } => {
            let (width, stroke) = if *coast {
                (0.9, colors.frame)
            } else {
                (0.7, colors.weak)
            };
            let _ = write!(
                out,
                r#"<polyline fill="none" stroke-width="{width}" stroke="{stroke}" stroke-opacity="0.8" points=""#
            );
            for p in points {
                let _ = write!(out, "{:.1},{:.1} ", frame.px(p[0]), frame.py(p[1]));
            }
            out.push_str(r#""/>"#);
        }
        Mark::Bubble { at, radius, count } => {
            let (x, y) = (frame.px(at[0]), frame.py(at[1]));
            let _ = write!(
                out,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{radius:.1}" fill="{color}" fill-opacity="0.8" stroke="{}" stroke-width="1.2"/>"#,
                colors.background
            );
            if *count > 1 {
                let _ = write!(
                    out,
                    r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" font-weight="bold" fill="white">{count}</text>"#,
                    y + 4.0
                );
            }
        }
        Mark::Area { at, radius } => {
            let (x, y) = (frame.px(at[0]), frame.py(at[1]));
            let r = (frame.px(at[0] + radius) - x).abs().max(3.0);
            let _ = write!(
                out,
                r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{color}" fill-opacity="0.18" stroke="{color}" stroke-width="1.6" stroke-dasharray="6 4"/>"#
            );
        }
        // Names are placed once every mark is drawn (`place_names`).
        Mark::Point { .. }
        | Mark::Range { .. }
        | Mark::Line(_)
        | Mark::Bar { .. }
        | Mark::Label { .. } => {}
    }
}

/// A filled triangle at `tip`, pointing away from `from`.
fn arrow_head(out: &mut String, from: (f64, f64), tip: (f64, f64), color: &str) {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(f64::EPSILON);
    let (ux, uy) = (dx / length, dy / length);
    let (size, half) = (9.0, 4.5);
    let base = (tip.0 - ux * size, tip.1 - uy * size);
    let _ = write!(
        out,
        r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{color}"/>"#,
        tip.0,
        tip.1,
        base.0 - uy * half,
        base.1 + ux * half,
        base.0 + uy * half,
        base.1 - ux * half
    );
}

/// A marker of `shape` centred on `at`.
fn marker(out: &mut String, shape: Marker, at: (f64, f64), r: f64, fill: &str, stroke: &str) {
    let (x, y) = at;
    let style = format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="1.6""#);
    let _ = match shape {
        Marker::Circle => write!(out, r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" {style}/>"#),
        Marker::Square => write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {style}/>"#,
            x - r * 0.85,
            y - r * 0.85,
            r * 1.7,
            r * 1.7
        ),
        Marker::Diamond => write!(
            out,
            r#"<polygon points="{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}" {style}/>"#,
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        Marker::Up | Marker::Down => {
            let s = if shape == Marker::Up { 1.0 } else { -1.0 };
            write!(
                out,
                r#"<polygon points="{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" {style}/>"#,
                y - s * r * 1.2,
                x + r * 1.1,
                y + s * r * 0.8,
                x - r * 1.1,
                y + s * r * 0.8
            )
        }
        Marker::Plus | Marker::Asterisk => {
            let mut d = format!(
                "M{:.1} {y:.1}H{:.1}M{x:.1} {:.1}V{:.1}",
                x - r,
                x + r,
                y - r,
                y + r
            );
            if shape == Marker::Asterisk {
                let k = r * 0.7;
                let _ = write!(
                    d,
                    "M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}",
                    x - k,
                    y - k,
                    x + k,
                    y + k,
                    x - k,
                    y + k,
                    x + k,
                    y - k
                );
            }
            write!(
                out,
                r#"<path d="{d}" fill="none" stroke="{stroke}" stroke-width="2.2"/>"#
            )
        }
    };
}

pub fn legend_ui(
    out: &mut String,
    legend: &[&Series],
    frame: &Frame,
    colors: &Palette,
    width: f64,
) {
    let x = frame.left + frame.width + 14.0;
    let fits = ((frame.height - 8.0) / LEGEND_LINE).floor().max(1.0) as usize;
    for (i, s) in legend.iter().enumerate() {
        let y = frame.top + 12.0 + LEGEND_LINE * i as f64;
        if i + 1 == fits && legend.len() > fits {
            let _ = write!(
                out,
                r#"<text x="{x:.1}" y="{:.1}" fill="{}">+ {} more</text>"#,
                y + 4.0,
                colors.weak,
                legend.len() - i
            );
            break;
        }
        let color = hex(s.color);
        marker(out, s.marker, (x + 7.0, y), 5.0, &color, &color);
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
            x + 20.0,
            y + 4.0,
            colors.text,
            text_content(&fit(&s.name, TICK_SIZE, width - 24.0))
        );
    }
}

/// The non-numeric claims, one line each; returns where the next line starts.
pub fn statements_ui(
    out: &mut String,
    statements: &[Statement],
    mut y: f64,
    width: f64,
    colors: &Palette,
) -> f64 {
    y += 18.0;
    let _ = write!(
        out,
        r#"<text x="{PAD}" y="{y:.1}" font-size="13" font-weight="bold" fill="{}">Statements</text>"#,
        colors.text
    );
    y += 6.0;
    // Bold text runs wider than the estimate: leave a margin before the stance column.
    let source_width = statements
        .iter()
        .map(|s| text_width(&s.source, 13.0) * 1.15 + 12.0)
        .fold(0.0_f64, f64::max)
        .min(width * 0.35);
    for s in statements {
        y += STATEMENT_LINE;
        let color = hex(s.color);
        marker(out, s.marker, (PAD + 6.0, y - 4.5), 5.0, &color, &color);
        let (stance, stance_color) = match s.stance {
            Stance::Denies => ("denies", colors.denies),
            Stance::Asserts => ("asserts", colors.text),
        };
        let disputed = if s.disputed { " (disputed)" } else { "" };
        let _ = write!(
            out,
            // Three text elements, not tspans: resvg falls back to another font only once per
            // text element, and each part may need the Arabic font.
            r#"<text x="{:.1}" y="{y:.1}" font-size="13" font-weight="bold" fill="{}">{}</text><text x="{:.1}" y="{y:.1}" font-size="13" fill="{stance_color}">{stance}</text><text x="{:.1}" y="{y:.1}" font-size="13" fill="{}">{}{disputed}</text>"#,
            PAD + 18.0,
            colors.text,
            text_content(&fit(&s.source, 13.0, source_width - 12.0)),
            PAD + 18.0 + source_width,
            PAD + 18.0 + source_width + 62.0,
            colors.text,
            text_content(&fit(&s.text, 13.0, width - 2.0 * PAD - source_width - 90.0))
        );
    }
    y + 4.0
}
