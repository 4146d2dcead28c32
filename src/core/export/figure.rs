//! One description of each chart, with no drawing code in it: titles, axes with their ticks,
//! series of marks in data coordinates, legend and caption. Built from the same derived data
//! the window draws (the timeline, the event chart, the bias chart); the SVG writer draws it,
//! and the PNG is that SVG rendered.

use crate::core::analysis::Analysis;
use crate::core::charts::{
    EventChart, LOG_ZERO, Marker, Rgb, TimelineChart, TimelineMode, TimelineSeries,
    TimelineSettings, date_ticks, day_number, open_range_end, range_axis_max, y_label,
};
use crate::core::model::Stance;

/// A labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    pub label: String,
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<Tick>,
}

/// Something drawn, in data coordinates.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A marker in the series' shape; hollow for a superseded figure.
    Point {
        at: [f64; 2],
        filled: bool,
    },
    /// A claimed range; `open` draws an arrow head at `to` (no upper bound was given).
    Range {
        from: [f64; 2],
        to: [f64; 2],
        open: bool,
        thick: bool,
    },
    Line(Vec<[f64; 2]>),
    /// A horizontal bar on row `y`, from zero to `value`.
    Bar {
        y: f64,
        value: f64,
    },
    /// A stretch of a map's border (thin) or coast.
    Border {
        points: Vec<[f64; 2]>,
        coast: bool,
    },
    /// A map's mark: a disc `radius` points across, with the number of events it stands for
    /// written on it when more than one.
    Bubble {
        at: [f64; 2],
        radius: f64,
        count: u32,
    },
    /// A place known only to an area: a shaded circle `radius` data units across, dashed.
    Area {
        at: [f64; 2],
        radius: f64,
    },
    /// A map's name: a place's, `offset` points right of its mark, or a country's (weak,
    /// centred).
    Label {
        at: [f64; 2],
        text: String,
        offset: f64,
        country: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    pub marker: Marker,
    pub marks: Vec<Mark>,
    /// Whether the legend lists it (the bias chart names its bars on the axis instead).
    pub in_legend: bool,
}

/// A non-numeric claim listed under the chart: who asserts, who denies.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub source: String,
    pub color: Rgb,
    pub marker: Marker,
    pub stance: Stance,
    pub text: String,
    /// Part of a discrepancy.
    pub disputed: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    pub title: String,
    pub subtitle: String,
    pub x: Axis,
    pub y: Axis,
    pub series: Vec<Series>,
    /// Vertical reference lines: `(x, label)`.
    pub rules: Vec<(f64, String)>,
    /// Headings between rows of a row chart: `(y, text)`.
    pub headings: Vec<(f64, String)>,
    pub statements: Vec<Statement>,
    /// Said under the plot ("shown as daily totals …", "too little to compare: …").
    pub notes: Vec<String>,
    /// Provenance: what the chart is, the filters, the files, the date and the version.
    pub caption: Vec<String>,
    /// A unit is as long on both axes (a map): the plot's ranges are widened to fit the page.
    pub equal_aspect: bool,
    /// Small multiples: charts drawn one above the other under this one's title, over its
    /// caption (this figure's own axes and series are then not drawn).
    pub panels: Vec<Figure>,
}

/// What the caption says besides the chart itself.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// Input file names (names only, never full paths).
    pub files: Vec<String>,
    /// The export date as it should read.
    pub date: String,
    /// The filters in force, in words.
    pub filters: String,
    /// Who reported what is shown: outlets (or claimants) and dates.
    pub reporting: String,
    /// What the analyst set aside ("Excluded by the analyst: 2 claims").
    pub judged: String,
}

impl Provenance {
    pub(crate) fn caption(&self) -> Vec<String> {
        let mut lines = vec![
            "Reported claims \u{2014} not verified totals.".to_owned(),
            format!("Filters: {}", self.filters),
        ];
        if !self.reporting.is_empty() {
            lines.extend(super::sourcing::caption_lines(
                "Reporting:",
                &self.reporting,
            ));
        }
        if !self.judged.is_empty() {
            lines.push(self.judged.clone());
        }
        lines.push(format!("Data: {}", self.files.join(", ")));
        lines.push(format!(
            "Exported {} with Triangulate {}",
            self.date,
            env!("CARGO_PKG_VERSION")
        ));
        lines
    }
}

/// One source's marks on the timeline: a line of totals, or each claim's point and range.
fn timeline_series(s: &TimelineSeries, extent: f64) -> Series {
    let mut marks = Vec::new();
    if s.claims.is_empty() {
        marks.push(Mark::Line(s.points.clone()));
    } else {
        for (p, (low, high)) in s.points.iter().zip(&s.ranges) {
            let top = high.unwrap_or(open_range_end(*low, extent));
            if top > *low {
                marks.push(Mark::Range {
                    from: [p[0], *low],
                    to: [p[0], top],
                    open: high.is_none(),
                    thick: false,
                });
            }
        }
        marks.extend(s.points.iter().map(|&at| Mark::Point { at, filled: true }));
    }
    Series {
        name: s.source.clone(),
        color: s.color,
        marker: Marker::of(s.source_type),
        marks,
        in_legend: true,
    }
}

/// The timeline as drawn in the window, in its mode and scale.
pub fn timeline_figure(
    chart: &TimelineChart,
    settings: &TimelineSettings,
    about: &Provenance,
) -> Figure {
    let log = settings.log;
    let (mut x_min, mut x_max, mut y_max) = (f64::MAX, f64::MIN, 1.0_f64);
    for s in &chart.series {
        for p in &s.points {
            x_min = x_min.min(p[0]);
            x_max = x_max.max(p[0]);
            y_max = y_max.max(p[1]);
        }
        for (_, high) in &s.ranges {
            y_max = y_max.max(high.unwrap_or(0.0));
        }
    }
    if x_min > x_max {
        let today = day_number(crate::core::export::today());
        (x_min, x_max) = (today - 30.0, today);
    }
    let pad = ((x_max - x_min) * 0.02).max(1.0);
    let x = date_axis(x_min - pad, x_max + pad);
    let y = if log {
        log_axis(y_max)
    } else {
        linear_axis(0.0, y_max * 1.08, "claimed count")
    };
    // The same extent the window draws open ranges against: one rule, one length.
    let extent = chart.value_max();
    let series = chart
        .series
        .iter()
        .map(|s| timeline_series(s, extent))
        .collect();
    // Past the most claims drawn one by one, the chart is daily totals: so it says.
    let mode = match (settings.mode, &chart.note) {
        (TimelineMode::Claims, Some(_)) => TimelineMode::Daily,
        (mode, _) => mode,
    };
    let (title, subtitle) = match mode {
        TimelineMode::Claims => (
            format!(
                "{}: claims by source over time",
                capitalised(settings.kind.as_str())
            ),
            "Each claim at its point estimate; a bar is its range, an arrow an open upper bound.",
        ),
        TimelineMode::Daily => (
            format!(
                "{}: daily totals by source",
                capitalised(settings.kind.as_str())
            ),
            "One current figure per claimant, event and group, summed per day; parts never on top of their whole.",
        ),
        TimelineMode::Cumulative => (
            format!(
                "{}: cumulative totals by source",
                capitalised(settings.kind.as_str())
            ),
            "Running totals of each source's daily sums.",
        ),
    };
    Figure {
        title,
        subtitle: subtitle.to_owned(),
        x,
        y,
        series,
        notes: chart.note.iter().cloned().collect(),
        caption: about.caption(),
        ..Figure::default()
    }
}

/// One event, each claimant side by side: figures as ranges with their point estimates,
/// grouped by claim kind and group, and the statements (who asserts, who denies) beneath.
pub fn event_figure(
    analysis: &Analysis,
    event: usize,
    chart: &EventChart,
    colors: &std::collections::BTreeMap<String, Rgb>,
    about: &Provenance,
) -> Figure {
    let color = |source: &str| colors.get(source).copied().unwrap_or([128, 128, 128]);
    let source_type = |claim: u32| {
        analysis
            .facts
            .get(claim as usize)
            .map(|f| Marker::of(f.source_type))
            .unwrap_or(Marker::Circle)
    };
    let rows: usize = chart.blocks.iter().map(|b| b.rows.len() + 1).sum();
    let x_max = range_axis_max(
        chart
            .blocks
            .iter()
            .flat_map(|b| &b.rows)
            .map(|r| r.high.unwrap_or(r.low).max(r.point)),
    );
    let x = linear_axis(0.0, x_max, "claimed count");
    let mut y_ticks = Vec::new();
    let mut headings = Vec::new();
    let mut by_source: std::collections::BTreeMap<String, Series> = Default::default();
    // Rows from the top: row 0 has the highest y.
    let mut row = 0usize;
    let y_of = |row: usize| (rows - row) as f64;
    for block in &chart.blocks {
        headings.push((y_of(row), block.title.clone()));
        row += 1;
        for r in &block.rows {
            let y = y_of(row);
            let label = if r.denies {
                format!("{} (denies)", r.label)
            } else {
                r.label.clone()
            };
            y_ticks.push(Tick { value: y, label });
            let series = by_source.entry(r.source.clone()).or_insert_with(|| Series {
                name: r.source.clone(),
                color: color(&r.source),
                marker: source_type(r.claim),
                marks: Vec::new(),
                in_legend: true,
            });
            let top = r.high.unwrap_or(open_range_end(r.low, x.max));
            if top > r.low {
                series.marks.push(Mark::Range {
                    from: [r.low, y],
                    to: [top, y],
                    open: r.high.is_none(),
                    thick: r.disputed,
                });
            }
            series.marks.push(Mark::Point {
                at: [r.point, y],
                filled: r.current,
            });
            row += 1;
        }
    }
    let statements = statements_of(chart, &color);
    let (title, subtitle) = event_titles(analysis, event);
    let notes = event_notes(chart);
    Figure {
        title,
        subtitle,
        x,
        y: Axis {
            label: String::new(),
            min: 0.3,
            max: rows as f64 + 0.7,
            ticks: y_ticks,
        },
        series: by_source.into_values().collect(),
        headings,
        statements,
        notes,
        caption: about.caption(),
        ..Figure::default()
    }
}

/// What an event chart says about itself: that it has no figures, or what it left out.
fn event_notes(chart: &EventChart) -> Vec<String> {
    let mut notes = Vec::new();
    if chart.blocks.is_empty() {
        notes.push("No figures were given for this event: statements only.".to_owned());
    }
    if !chart.omitted.is_empty() {
        notes.push(format!("Not drawn: {}.", chart.omitted.join("; ")));
    }
    notes
}

fn statements_of(chart: &EventChart, color: &impl Fn(&str) -> Rgb) -> Vec<Statement> {
    chart
        .propositions
        .iter()
        .map(|p| Statement {
            source: p.source.clone(),
            color: color(&p.source),
            marker: Marker::of(p.source_type),
            stance: p.stance,
            text: {
                let said = if p.detail.is_empty() {
                    p.kind.as_str().to_owned()
                } else {
                    format!("{}: {}", p.kind.as_str(), p.detail)
                };
                if p.count > 1 {
                    format!("{said} (\u{d7}{})", p.count)
                } else {
                    said
                }
            },
            disputed: p.disputed,
        })
        .collect()
}

fn event_titles(analysis: &Analysis, event: usize) -> (String, String) {
    analysis.events.get(event).map_or_else(
        || ("No event".to_owned(), String::new()),
        |e| {
            let dates = if e.date_from == e.date_to {
                crate::core::export::caption_date(e.date_from)
            } else {
                format!("{} to {}", e.date_from, e.date_to)
            };
            (
                format!("{} \u{b7} {dates}", e.location),
                format!(
                    "Event {}: each claimant side by side; thick bars are disputed, hollow dots superseded",
                    e.id
                ),
            )
        },
    )
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A count axis from `min` to `max` with ticks at 1, 2 or 5 times a power of ten.
pub fn linear_axis(min: f64, max: f64, label: &str) -> Axis {
    let span = (max - min).max(1.0);
    let rough = span / 6.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| span / s <= 8.0)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    let mut ticks = Vec::new();
    let mut t = (min / step).ceil() * step;
    while t <= max + 1e-9 {
        ticks.push(Tick {
            value: t,
            label: y_label(t, false),
        });
        t += step;
    }
    Axis {
        label: label.to_owned(),
        min,
        max,
        ticks,
    }
}

/// The log axis of counts: a tick per power of ten, and zero drawn below 1.
fn log_axis(max_log: f64) -> Axis {
    let top = max_log.max(1.0).ceil();
    let mut ticks = vec![Tick {
        value: LOG_ZERO,
        label: "0".to_owned(),
    }];
    let mut t = 0.0;
    while t <= top + 1e-9 {
        ticks.push(Tick {
            value: t,
            label: y_label(t, true),
        });
        t += 1.0;
    }
    Axis {
        label: "claimed count (log scale; 0 drawn below 1)".to_owned(),
        min: LOG_ZERO - 0.25,
        max: top + 0.1,
        ticks,
    }
}

/// A date axis: ticks on days, months or years, whichever gives four to twelve.
pub fn date_axis(min: f64, max: f64) -> Axis {
    Axis {
        label: "event date".to_owned(),
        min,
        max,
        ticks: date_ticks(min, max)
            .into_iter()
            .map(|(value, _, label)| Tick { value, label })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_have_readable_ticks() {
        let a = linear_axis(0.0, 830.0, "n");
        let values: Vec<f64> = a.ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, [0.0, 200.0, 400.0, 600.0, 800.0]);
        let small = linear_axis(0.0, 3.2, "n");
        assert_eq!(small.ticks.len(), 4, "{:?}", small.ticks);
        let d = |y, m, day| day_number(chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap());
        let months = date_axis(d(2023, 1, 1), d(2023, 10, 31));
        assert_eq!(months.ticks[0].label, "Jan 2023");
        assert!(months.ticks.len() >= 4 && months.ticks.len() <= 12);
        let days = date_axis(d(2015, 6, 24), d(2015, 6, 27));
        assert_eq!(days.ticks[1].label, "25 Jun 2015");
        let years = date_axis(d(2011, 3, 1), d(2019, 1, 1));
        assert_eq!(years.ticks[0].label, "2012");
        let log = log_axis(2.3);
        assert_eq!(log.ticks[0].label, "0");
        assert_eq!(log.ticks.last().map(|t| t.label.as_str()), Some("1000"));
    }
}
