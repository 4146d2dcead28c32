//! Export: charts as SVG and PNG, findings as CSV tables, and a one-file HTML report. The
//! window and the command line both come here, with the same filters and the same data.

pub mod bias_figure;
pub mod error;
pub mod figure;
pub mod fonts;
pub mod html;
pub mod map_figure;
pub mod pivot_figure;
pub mod png;
pub mod sourcing;
pub mod svg;
pub mod tables;

use std::collections::BTreeMap;
use std::path::Path;

use self::bias_figure::bias_figure;
pub use self::error::ExportError;
use self::figure::{Figure, Provenance, event_figure, timeline_figure};
use self::map_figure::map_figure;
use self::pivot_figure::pivot_figure;
use self::svg::{Page, render_svg};
use crate::core::analysis::Analysis;
use crate::core::charts::{
    Rgb, TimelineSettings, event_chart, map_chart, pivot, selected_bias_chart, timeline,
    timeline_panels,
};
use crate::core::files::{Overwrite, Written, write_atomic};
use crate::core::model::Dataset;
use crate::core::view::filter::Filter;
use crate::core::view::selection::Selection;
pub use crate::core::view::selection::kept_sources;

/// The charts that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChartKind {
    Timeline,
    Event,
    Sources,
    /// The events on the map.
    Map,
    /// The timeline's claim kind totalled per week or month and source.
    Pivot(crate::core::charts::Period),
}

impl ChartKind {
    pub const ALL: [Self; 5] = [
        Self::Timeline,
        Self::Event,
        Self::Sources,
        Self::Map,
        Self::Pivot(crate::core::charts::Period::Month),
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Timeline => "timeline",
            Self::Event => "event",
            Self::Sources => "sources",
            Self::Map => "map",
            Self::Pivot(_) => "pivot",
        }
    }
}

/// A chart file format, chosen by the file's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
}

impl ChartFormat {
    pub fn of(path: &Path) -> Result<Self, ExportError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => Ok(Self::Svg),
            Some("png") => Ok(Self::Png),
            _ => Err(ExportError::UnknownExtension(path.to_owned())),
        }
    }
}

/// The size and look of an exported chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartStyle {
    pub page: Page,
    /// 1 for the screen, 2 for print: multiplies the PNG's pixels (an SVG has no pixels).
    pub scale: f32,
}

/// The most pixels a PNG may have (100 megapixels: 400 MB while it is drawn), and the most
/// points a side of an SVG page may have.
pub const MAX_MEGAPIXELS: u64 = 100;
const MAX_SIDE: f64 = 20_000.0;

impl ChartStyle {
    /// Whether a chart of this size can be drawn, said before anything is allocated.
    pub fn check(&self, format: ChartFormat) -> Result<(), ExportError> {
        let (w, h) = (self.page.width, self.page.height);
        let pixels = match format {
            ChartFormat::Png => w * h * f64::from(self.scale).powi(2),
            ChartFormat::Svg => 0.0,
        };
        let too_large = !(w.is_finite() && h.is_finite())
            || w > MAX_SIDE
            || h > MAX_SIDE
            || pixels > (MAX_MEGAPIXELS * 1_000_000) as f64;
        if too_large {
            return Err(ExportError::TooLarge {
                width: w as u32,
                height: h as u32,
                scale: self.scale,
                megapixels: (pixels / 1e6).ceil() as u64,
                limit: MAX_MEGAPIXELS,
            });
        }
        Ok(())
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self {
            page: Page::default(),
            scale: 1.0,
        }
    }
}

/// Everything a chart is drawn from: the data, its analysis and the filters in force.
pub struct ChartData<'a> {
    pub dataset: &'a Dataset,
    pub analysis: &'a Analysis,
    pub colors: &'a BTreeMap<String, Rgb>,
    pub filter: &'a Filter,
    pub timeline: &'a TimelineSettings,
    pub selection: &'a Selection,
    /// The analyst's judgement: grades of sources and credibility of claims over the
    /// suggested ones, verdicts and notes.
    pub corrections: &'a crate::core::workspace::Corrections,
    /// What the caption says: the files, the export date.
    pub provenance: Provenance,
    /// How wide the page is (the map shows the marks of the zoom level that fits it).
    pub page_width: f64,
}

impl ChartData<'_> {
    /// The figure of `kind`; `event` chooses the event chart's event.
    pub fn figure(&self, kind: ChartKind, event: Option<usize>) -> Result<Figure, ExportError> {
        let mut about = Provenance {
            filters: describe_filter(self.filter, self.timeline, kind),
            judged: sourcing::excluded(self.analysis),
            ..self.provenance.clone()
        };
        match kind {
            ChartKind::Timeline => {
                about.reporting = self.outlets_shown(Some(self.timeline.kind));
                let chart = timeline(
                    self.dataset,
                    self.analysis,
                    self.colors,
                    self.timeline,
                    self.selection,
                );
                let mut figure = timeline_figure(&chart, self.timeline, &about);
                figure.title.push_str(&where_and_when(self.filter));
                let panels = timeline_panels(
                    self.dataset,
                    self.analysis,
                    self.colors,
                    self.timeline,
                    self.selection,
                );
                figure.panels = panels
                    .iter()
                    .map(|p| {
                        let mut panel = timeline_figure(&p.chart, self.timeline, &about);
                        // The same value axis in every panel, so their heights compare.
                        (panel.x, panel.y) = (figure.x.clone(), figure.y.clone());
                        panel.title = p.title.clone();
                        panel.subtitle.clear();
                        panel.caption.clear();
                        // One legend for every panel, beside them (the whole chart's).
                        for s in &mut panel.series {
                            s.in_legend = false;
                        }
                        panel
                    })
                    .collect();
                Ok(figure)
            }
            ChartKind::Event => {
                let event = event
                    .or_else(|| self.default_event())
                    .ok_or(ExportError::NoEvent)?;
                let chart = event_chart(self.dataset, self.analysis, event, &|c| {
                    self.selection.shows(c)
                });
                if let Some(e) = self.analysis.events.get(event) {
                    about.reporting = sourcing::voices(self.dataset, self.analysis, &e.claims);
                }
                Ok(event_figure(
                    self.analysis,
                    event,
                    &chart,
                    self.colors,
                    &about,
                ))
            }
            ChartKind::Sources => {
                about.reporting = self.outlets_shown(None);
                let chart = selected_bias_chart(self.analysis, self.colors, self.selection);
                Ok(bias_figure(&chart, &about))
            }
            ChartKind::Map => {
                about.reporting = self.outlets_shown(None);
                let chart = map_chart(self.dataset, self.analysis, self.selection);
                let mut figure = map_figure(&chart, &about, self.page_width);
                figure.title.push_str(&where_and_when(self.filter));
                Ok(figure)
            }
            ChartKind::Pivot(period) => {
                let kind = self.timeline.kind;
                about.reporting = self.outlets_shown(Some(kind));
                let table = pivot(self.dataset, self.analysis, (kind, period), self.selection);
                let mut figure = pivot_figure(&table, self.colors, &about);
                figure.title.push_str(&where_and_when(self.filter));
                Ok(figure)
            }
        }
    }

    /// The outlets behind the claims the filters keep (of one kind, if given).
    fn outlets_shown(&self, kind: Option<crate::core::model::ClaimKind>) -> String {
        let ds = self.dataset;
        let shown = (0..ds.claims.len())
            .filter_map(|c| u32::try_from(c).ok())
            .filter(|&c| self.selection.shows(c))
            .filter(|&c| kind.is_none_or(|k| ds.claims[c as usize].kind == k));
        sourcing::outlets(ds, shown)
    }

    /// The event with the most claims among those the filters keep.
    pub fn default_event(&self) -> Option<usize> {
        self.analysis
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let kept = e
                    .claims
                    .iter()
                    .filter(|&&c| self.selection.shows(c))
                    .count();
                (kept, e.disputes, std::cmp::Reverse(i))
            })
            .filter(|(kept, _, _)| *kept > 0)
            .max()
            .map(|(_, _, std::cmp::Reverse(i))| i)
    }

    /// The event with this id (`hasaka-2015-06-25`).
    pub fn event_by_id(&self, id: &str) -> Result<usize, ExportError> {
        self.analysis
            .events
            .iter()
            .position(|e| e.id.eq_ignore_ascii_case(id))
            .ok_or_else(|| {
                let some: Vec<&str> = self
                    .analysis
                    .events
                    .iter()
                    .take(5)
                    .map(|e| e.id.as_str())
                    .collect();
                ExportError::UnknownEvent {
                    id: id.to_owned(),
                    examples: some.join(", "),
                }
            })
    }
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    Chart(ChartKind),
    Table(tables::TableKind),
    Report,
}

impl ExportTarget {
    /// A file name to offer.
    pub fn default_file_name(self) -> String {
        match self {
            Self::Chart(kind) => format!("triangulate-{}.png", kind.as_str()),
            Self::Table(kind) => format!("triangulate-{}.csv", kind.as_str()),
            Self::Report => "triangulate-report.html".to_owned(),
        }
    }
}

/// An export as the window or the command line asks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub target: ExportTarget,
    pub path: std::path::PathBuf,
    pub style: ChartStyle,
    /// The event of an event chart (the one with the most claims when none).
    pub event: Option<usize>,
    /// Make an event chart taller than the page asks when its rows need the room.
    pub grow: bool,
    /// Start CSV tables with a byte-order mark.
    pub bom: bool,
    pub overwrite: Overwrite,
}

/// Writes what `request` asks for; says what was written.
pub fn export(
    data: &ChartData<'_>,
    files: &[html::InputFile],
    request: &ExportRequest,
) -> Result<String, ExportError> {
    let path = &request.path;
    match request.target {
        ExportTarget::Chart(kind) => {
            let format = ChartFormat::of(path)?;
            request.style.check(format)?;
            let sized = ChartData {
                page_width: request.style.page.width,
                provenance: data.provenance.clone(),
                ..*data
            };
            let figure = sized.figure(kind, request.event)?;
            let mut style = request.style;
            if request.grow {
                style.page.height = svg::preferred_height(&figure, style.page.height);
            }
            style.check(format)?;
            let written = write_chart(&figure, &style, path, request.overwrite)?;
            Ok(saved(
                format!(
                    "Saved the {} chart \u{201c}{}\u{201d} to {}",
                    kind.as_str(),
                    figure.title,
                    path.display()
                ),
                &written,
            ))
        }
        ExportTarget::Table(kind) => {
            let bytes = tables::table_csv(kind, data, request.bom)?;
            let written = write_atomic(path, &bytes, request.overwrite)?;
            let message = format!("Saved the {} table to {}", kind.as_str(), path.display());
            Ok(saved(message, &written))
        }
        ExportTarget::Report => {
            let html = html::report_html(data, files)?;
            let written = write_atomic(path, html.as_bytes(), request.overwrite)?;
            Ok(saved(
                format!("Saved the report to {}", path.display()),
                &written,
            ))
        }
    }
}

/// "Saved … to PATH", and where the bytes went when that was not PATH itself.
fn saved(message: String, written: &Written) -> String {
    match written.note() {
        Some(note) => format!("{message} {note}"),
        None => message,
    }
}

/// Draws a figure in the format and writes it atomically.
pub fn write_chart(
    figure: &Figure,
    style: &ChartStyle,
    path: &Path,
    overwrite: Overwrite,
) -> Result<Written, ExportError> {
    let format = ChartFormat::of(path)?;
    style.check(format)?;
    let svg = render_svg(figure, &style.page);
    let bytes = match format {
        ChartFormat::Svg => svg.into_bytes(),
        ChartFormat::Png => png::render_png(&svg, style.scale)?,
    };
    Ok(write_atomic(path, &bytes, overwrite)?)
}

/// The filters in force, in words, for a caption; a timeline also says what it plots.
pub fn describe_filter(filter: &Filter, timeline: &TimelineSettings, kind: ChartKind) -> String {
    let mut parts = Vec::new();
    if kind == ChartKind::Timeline {
        parts.extend(timeline.describe());
    }
    parts.extend(filter.describe());
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join("; ")
    }
}

/// The places and dates a filter keeps, for a chart's title: " in Hasaka, 1 June 2015 to 30
/// June 2015"; empty when it keeps every place and date.
pub fn where_and_when(filter: &Filter) -> String {
    let mut title = String::new();
    if !filter.places.is_empty() {
        let places: Vec<&str> = filter.places.iter().map(String::as_str).collect();
        title.push_str(" in ");
        title.push_str(&places.join(", "));
    }
    match (filter.from, filter.to) {
        (Some(from), Some(to)) => {
            title.push_str(&format!(", {} to {}", caption_date(from), caption_date(to)));
        }
        (Some(from), None) => title.push_str(&format!(", from {}", caption_date(from))),
        (None, Some(to)) => title.push_str(&format!(", up to {}", caption_date(to))),
        (None, None) => {}
    }
    if filter.places.is_empty()
        && let Some(rest) = title.strip_prefix(", ")
    {
        return format!(" ({rest})");
    }
    title
}

/// A date as captions write it: "23 November 2026".
pub fn caption_date(date: chrono::NaiveDate) -> String {
    crate::core::parse::dates::long_date(date)
}

/// Today's date (UTC), the default export date of captions.
pub fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    i32::try_from(days)
        .ok()
        .and_then(|d| chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + d))
        .unwrap_or_default()
}

/// The name of a file without its folders, as captions give it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
