//! Draws a [`Figure`] as SVG. Text stays text (in logical order: viewers shape and order it),
//! in a font list that covers Latin and Arabic script; the PNG export renders this same SVG.

mod marks;
mod text;

use std::fmt::Write;

use crate::core::charts::Rgb;
use crate::core::export::figure::{Axis, Figure, Mark, Series};

use self::marks::{legend_ui, series, statements_ui};
pub use self::text::escape;
use self::text::{fit, text_content, text_width};

/// The fonts the SVG asks for, first the ones the PNG renderer carries.
pub const FONT_FAMILY: &str =
    "'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

/// The fonts for a line with right-to-left letters: one font with Latin and Arabic together.
pub const MIXED_FONT_FAMILY: &str = "'DejaVu Sans', 'Noto Sans Arabic', sans-serif";

/// The page a figure is drawn on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub dark: bool,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            width: 1200.0,
            height: 700.0,
            dark: false,
        }
    }
}

struct Palette {
    background: &'static str,
    text: &'static str,
    weak: &'static str,
    grid: &'static str,
    frame: &'static str,
    denies: &'static str,
}

const LIGHT: Palette = Palette {
    background: "#ffffff",
    text: "#1f2328",
    weak: "#59636e",
    grid: "#e1e4e8",
    frame: "#8c959f",
    denies: "#c62828",
};

const DARK: Palette = Palette {
    background: "#1b1f24",
    text: "#e6edf3",
    weak: "#9da7b3",
    grid: "#30363d",
    frame: "#6e7681",
    denies: "#ff7b72",
};

const PAD: f64 = 18.0;
const TICK_SIZE: f64 = 12.0;
const CAPTION_LINE: f64 = 15.0;
const STATEMENT_LINE: f64 = 20.0;
const NOTE_LINE: f64 = 17.0;
const LEGEND_LINE: f64 = 20.0;

pub(super) fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Where the plot sits on the page, and how data maps onto it.
struct Frame {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    x: (f64, f64),
    y: (f64, f64),
    /// Smaller markers where there are many.
    marker_radius: f64,
}

impl Frame {
    fn px(&self, v: f64) -> f64 {
        let (min, max) = self.x;
        self.left + (v - min) / (max - min).max(f64::EPSILON) * self.width
    }

    fn py(&self, v: f64) -> f64 {
        let (min, max) = self.y;
        self.top + self.height - (v - min) / (max - min).max(f64::EPSILON) * self.height
    }

    fn row_height(&self) -> f64 {
        self.height / (self.y.1 - self.y.0).max(f64::EPSILON)
    }
}

/// The figure as a standalone SVG document.
pub fn render_svg(fig: &Figure, page: &Page) -> String {
    if !fig.panels.is_empty() {
        return render_panels(fig, page);
    }
    let colors = if page.dark { &DARK } else { &LIGHT };
    let (w, h) = (page.width.max(200.0), page.height.max(150.0));
    let (legend, legend_width) = legend_of(fig, w);
    let frame = layout(fig, (w, h), legend_width);
    let mut out = String::new();
    head(&mut out, fig, (w, h), colors);
    axes(&mut out, fig, &frame, colors);
    plot(&mut out, fig, page, &frame, colors);
    legend_ui(&mut out, &legend, &frame, colors, legend_width);
    footer(&mut out, fig, &frame, w, colors);
    out.push_str("</svg>\n");
    out
}

/// The series a figure's legend lists, and how wide it is on a page `w` wide.
fn legend_of(fig: &Figure, w: f64) -> (Vec<&Series>, f64) {
    let legend: Vec<&Series> = fig.series.iter().filter(|s| s.in_legend).collect();
    let width = legend
        .iter()
        .map(|s| text_width(&s.name, TICK_SIZE) + 36.0)
        .fold(0.0_f64, f64::max)
        .min(w * 0.3);
    (legend, width)
}

/// The document's opening, its background, title and subtitle.
fn head(out: &mut String, fig: &Figure, (w, h): (f64, f64), colors: &Palette) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}" font-size="{TICK_SIZE}">"#,
        escape(FONT_FAMILY)
    );
    let _ = write!(out, "<title>{}</title>", escape(&fig.title));
    let _ = write!(
        out,
        r#"<rect width="{w}" height="{h}" fill="{}"/><text x="{PAD}" y="{}" font-size="20" font-weight="bold" fill="{}">{}</text>"#,
        colors.background,
        PAD + 20.0,
        colors.text,
        text_content(&fit(&fig.title, 20.0, w - 2.0 * PAD))
    );
    if !fig.subtitle.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{PAD}" y="{}" font-size="13" fill="{}">{}</text>"#,
            PAD + 42.0,
            colors.weak,
            text_content(&fit(&fig.subtitle, 13.0, w - 2.0 * PAD))
        );
    }
}

/// Small multiples: the title, each panel as a chart of its own one above the other, and the
/// caption.
fn render_panels(fig: &Figure, page: &Page) -> String {
    let colors = if page.dark { &DARK } else { &LIGHT };
    let (w, h) = (page.width.max(200.0), page.height.max(150.0));
    let top = PAD + 26.0 + if fig.subtitle.is_empty() { 0.0 } else { 20.0 } + 8.0;
    let bottom = CAPTION_LINE * fig.caption.len() as f64 + PAD;
    let each = ((h - top - bottom) / fig.panels.len() as f64).max(80.0);
    let (legend, legend_width) = legend_of(fig, w);
    let panel_width = w - legend_width - 12.0;
    let mut out = String::new();
    head(&mut out, fig, (w, h), colors);
    for (i, panel) in fig.panels.iter().enumerate() {
        let y = top + each * i as f64;
        let inner = render_svg(
            panel,
            &Page {
                width: panel_width,
                height: each,
                dark: page.dark,
            },
        );
        // The panel's own document, placed as a nested picture.
        out.push_str(
            &inner
                .trim_end()
                .replacen("<svg ", &format!(r#"<svg x="0" y="{y:.1}" "#), 1),
        );
    }
    let legend_frame = Frame {
        left: 0.0,
        top,
        width: panel_width - 14.0,
        height: each * fig.panels.len() as f64,
        x: (0.0, 1.0),
        y: (0.0, 1.0),
        marker_radius: 5.0,
    };
    legend_ui(&mut out, &legend, &legend_frame, colors, legend_width);
    let y = top + each * fig.panels.len() as f64;
    caption_ui(&mut out, &fig.caption, (y, w), colors);
    out.push_str("</svg>\n");
    out
}

/// The page height at which every row of a row chart gets a line of its own (at least
/// `height`): what an export uses when no height is asked for.
pub fn preferred_height(fig: &Figure, height: f64) -> f64 {
    if !fig.panels.is_empty() {
        let (top, bottom) = (PAD + 62.0, CAPTION_LINE * fig.caption.len() as f64 + PAD);
        return (top + bottom + 280.0 * fig.panels.len() as f64).clamp(height, 6000.0);
    }
    if fig.headings.is_empty() {
        return height;
    }
    let rows = (fig.y.max - fig.y.min).max(1.0);
    let (top, bottom) = (PAD + 62.0, footer_height(fig));
    (top + bottom + rows * 22.0).clamp(height, 6000.0)
}

fn footer_height(fig: &Figure) -> f64 {
    let statements = if fig.statements.is_empty() {
        0.0
    } else {
        24.0 + STATEMENT_LINE * fig.statements.len() as f64
    };
    x_labels_height(fig)
        + NOTE_LINE * fig.notes.len() as f64
        + statements
        + CAPTION_LINE * fig.caption.len() as f64
        + PAD
}

/// Where the plot goes: what is left of the page after titles, labels, legend and footer.
fn layout(fig: &Figure, (w, h): (f64, f64), legend_width: f64) -> Frame {
    let label_width = fig
        .y
        .ticks
        .iter()
        .map(|t| text_width(&t.label, TICK_SIZE))
        .chain(fig.headings.iter().map(|(_, t)| text_width(t, 13.0)))
        .fold(0.0_f64, f64::max)
        .min(w * 0.4);
    let y_title = if fig.y.label.is_empty() { 0.0 } else { 22.0 };
    let top = PAD + 26.0 + if fig.subtitle.is_empty() { 0.0 } else { 20.0 } + 16.0;
    let bottom = footer_height(fig);
    let left = PAD + y_title + label_width + 10.0;
    // Room for half the last x label, which is centred on its tick.
    let last_label = fig
        .x
        .ticks
        .last()
        .map_or(0.0, |t| text_width(&t.label, TICK_SIZE) / 2.0);
    let right = PAD
        + if legend_width > 0.0 {
            legend_width + 12.0
        } else {
            last_label.max(8.0)
        };
    let (width, height) = ((w - left - right).max(60.0), (h - top - bottom).max(60.0));
    let (x, y) = if fig.equal_aspect {
        equal_aspect(
            (fig.x.min, fig.x.max),
            (fig.y.min, fig.y.max),
            (width, height),
        )
    } else {
        ((fig.x.min, fig.x.max), (fig.y.min, fig.y.max))
    };
    Frame {
        left,
        top,
        width,
        height,
        x,
        y,
        marker_radius: match points(fig) {
            0..=200 => 5.5,
            201..=1000 => 4.0,
            _ => 3.0,
        },
    }
}

/// Ranges widened about their centres so that a unit is as long across as up.
fn equal_aspect(
    x: (f64, f64),
    y: (f64, f64),
    (width, height): (f64, f64),
) -> ((f64, f64), (f64, f64)) {
    let (dx, dy) = ((x.1 - x.0).max(1e-9), (y.1 - y.0).max(1e-9));
    let per_unit = (width / dx).min(height / dy);
    let widen = |(min, max): (f64, f64), span: f64| {
        let middle = (min + max) / 2.0;
        (middle - span / 2.0, middle + span / 2.0)
    };
    (widen(x, width / per_unit), widen(y, height / per_unit))
}

/// The height of the x tick labels and the x axis title under the plot.
fn x_labels_height(fig: &Figure) -> f64 {
    20.0 + if fig.x.label.is_empty() { 0.0 } else { 20.0 } + 8.0
}

/// Reference lines and series, clipped to the plot.
fn plot(out: &mut String, fig: &Figure, page: &Page, frame: &Frame, colors: &Palette) {
    // Several charts may share one HTML page: the clip path's id is the figure's own.
    let clip = clip_id(fig, page);
    let _ = write!(
        out,
        r#"<clipPath id="{clip}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
        frame.left, frame.top, frame.width, frame.height
    );
    let _ = write!(out, r#"<g clip-path="url(#{clip})">"#);
    for (x, label) in &fig.rules {
        let px = frame.px(*x);
        let _ = write!(
            out,
            r#"<line x1="{px:.1}" y1="{:.1}" x2="{px:.1}" y2="{:.1}" stroke="{}" stroke-dasharray="5 4" stroke-width="1.2"/><text x="{:.1}" y="{:.1}" fill="{}">{}</text>"#,
            frame.top,
            frame.top + frame.height,
            colors.weak,
            px + 4.0,
            frame.top + 14.0,
            colors.weak,
            text_content(label)
        );
    }
    for s in &fig.series {
        series(out, s, frame, colors);
    }
    marks::place_names(out, &fig.series, frame, colors);
    out.push_str("</g>");
}

/// The caption's lines from `y` down, on a page `w` wide.
fn caption_ui(out: &mut String, caption: &[String], (mut y, w): (f64, f64), colors: &Palette) {
    for line in caption {
        y += CAPTION_LINE;
        let _ = write!(
            out,
            r#"<text x="{PAD}" y="{y:.1}" font-size="11" fill="{}">{}</text>"#,
            colors.weak,
            text_content(&fit(line, 11.0, w - 2.0 * PAD))
        );
    }
}

/// Notes, statements and the caption, under the plot.
fn footer(out: &mut String, fig: &Figure, frame: &Frame, w: f64, colors: &Palette) {
    let mut y = frame.top + frame.height + x_labels_height(fig);
    for note in &fig.notes {
        y += NOTE_LINE - 4.0;
        let _ = write!(
            out,
            r#"<text x="{}" y="{y:.1}" font-size="12" fill="{}">{}</text>"#,
            frame.left,
            colors.weak,
            text_content(&fit(note, 12.0, w - frame.left - PAD))
        );
        y += 4.0;
    }
    if !fig.statements.is_empty() {
        y = statements_ui(out, &fig.statements, y, w, colors);
    }
    caption_ui(out, &fig.caption, (y, w), colors);
}

fn points(fig: &Figure) -> usize {
    fig.series
        .iter()
        .flat_map(|s| &s.marks)
        .filter(|m| matches!(m, Mark::Point { .. }))
        .count()
}

/// An id for the plot's clip path, the same for the same figure on the same page.
fn clip_id(fig: &Figure, page: &Page) -> String {
    // FNV-1a over what tells figures apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let sizes = format!("{}x{}", page.width, page.height);
    for byte in fig
        .title
        .bytes()
        .chain(fig.subtitle.bytes())
        .chain(sizes.bytes())
    {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("plot-{hash:016x}")
}

/// Grid, frame, tick labels and axis titles.
fn axes(out: &mut String, fig: &Figure, frame: &Frame, colors: &Palette) {
    let (left, right) = (frame.left, frame.left + frame.width);
    let (top, bottom) = (frame.top, frame.top + frame.height);
    for t in &fig.x.ticks {
        let x = frame.px(t.value);
        if x < left - 0.5 || x > right + 0.5 {
            continue;
        }
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="{}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{}">{}</text>"#,
            colors.grid,
            bottom + 17.0,
            colors.text,
            text_content(&t.label)
        );
    }
    // Labels closer than a line of text are left out (the grid line stays): a chart too small
    // for its rows stays legible.
    let mut last_label = f64::NEG_INFINITY;
    for t in &fig.y.ticks {
        let y = frame.py(t.value);
        if y < top - 0.5 || y > bottom + 0.5 {
            continue;
        }
        let _ = write!(
            out,
            r#"<line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="{}"/>"#,
            colors.grid
        );
        if (y - last_label).abs() >= TICK_SIZE + 2.0 {
            last_label = y;
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{}">{}</text>"#,
                left - 8.0,
                y + 4.0,
                colors.text,
                text_content(&t.label)
            );
        }
    }
    for (value, heading) in &fig.headings {
        let y = frame.py(*value);
        let _ = write!(
            out,
            r#"<text x="{PAD}" y="{:.1}" font-size="13" font-weight="bold" fill="{}">{}</text>"#,
            y + 4.5,
            colors.text,
            text_content(heading)
        );
    }
    let _ = write!(
        out,
        r#"<rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{}"/>"#,
        frame.width, frame.height, colors.frame
    );
    axis_titles(out, &fig.x, &fig.y, frame, colors);
}

fn axis_titles(out: &mut String, x: &Axis, y: &Axis, frame: &Frame, colors: &Palette) {
    if !x.label.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="13" fill="{}">{}</text>"#,
            frame.left + frame.width / 2.0,
            frame.top + frame.height + 38.0,
            colors.weak,
            text_content(&x.label)
        );
    }
    if !y.label.is_empty() {
        let (cx, cy) = (PAD + 12.0, frame.top + frame.height / 2.0);
        let _ = write!(
            out,
            r#"<text x="{cx:.1}" y="{cy:.1}" transform="rotate(-90 {cx:.1} {cy:.1})" text-anchor="middle" font-size="13" fill="{}">{}</text>"#,
            colors.weak,
            text_content(&y.label)
        );
    }
}
