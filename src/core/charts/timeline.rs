//! The timeline: every source's current figures over time for one claim kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::axes::{day_number, y_value};
use crate::core::analysis::Analysis;
use crate::core::model::{ClaimKind, Dataset, SourceType, Stance};
use crate::core::view::palette::Rgb;
use crate::core::view::selection::Selection;

/// What the timeline plots.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum TimelineMode {
    /// Every current claim at its point estimate, with its range.
    #[default]
    Claims,
    /// Per source and day, the sum of its current figures.
    Daily,
    /// Per source, the running total of its daily sums.
    Cumulative,
}

/// The timeline's own settings: which claim kind it charts, how, and on which scale. Apart
/// from the filter, which every view follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineSettings {
    pub kind: ClaimKind,
    pub mode: TimelineMode,
    /// Plot log10 of the counts; zero is drawn at [`super::axes::LOG_ZERO`], below 1.
    pub log: bool,
    /// One chart, or small multiples: a chart per group family or per place.
    pub split: TimelineSplit,
}

/// Whether the timeline is one chart or small multiples, one per group family or place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineSplit {
    #[default]
    None,
    /// A chart per group family (civilians with children and women; government forces with
    /// security forces and police; each other party; everyone).
    Group,
    /// A chart per place.
    Place,
}

impl TimelineSplit {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Group => "group",
            Self::Place => "place",
        }
    }
}

impl TimelineSettings {
    /// What the timeline plots, in words, for a caption.
    pub fn describe(&self) -> Vec<String> {
        let mode = match self.mode {
            TimelineMode::Claims => "each claim",
            TimelineMode::Daily => "daily totals",
            TimelineMode::Cumulative => "cumulative totals",
        };
        let mut parts = vec![format!("claim kind {}, {mode}", self.kind.as_str())];
        if self.log {
            parts.push("log scale".to_owned());
        }
        if self.split != TimelineSplit::None {
            parts.push(format!("a chart per {}", self.split.as_str()));
        }
        parts
    }
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            kind: ClaimKind::Killed,
            mode: TimelineMode::Claims,
            log: false,
            split: TimelineSplit::None,
        }
    }
}

/// One source's points on the timeline.
#[derive(Clone, Debug)]
pub struct TimelineSeries {
    pub source: String,
    pub source_type: SourceType,
    pub color: Rgb,
    /// `[day number, value]`.
    pub points: Vec<[f64; 2]>,
    /// Per point: the claim behind it (claims mode) for hover and selection.
    pub claims: Vec<u32>,
    /// Per point in claims mode: `(low, high)`, high `None` when open-ended.
    pub ranges: Vec<(f64, Option<f64>)>,
}

/// The timeline, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct TimelineChart {
    pub series: Vec<TimelineSeries>,
    pub points: usize,
    /// Set when there were more points than are drawn, and what was done.
    pub note: Option<String>,
}

impl TimelineChart {
    /// The largest value drawn: a point or either end of a range.
    pub fn value_max(&self) -> f64 {
        self.series
            .iter()
            .flat_map(|s| {
                let ranges = s.ranges.iter().map(|(low, high)| high.unwrap_or(*low));
                s.points.iter().map(|p| p[1]).chain(ranges)
            })
            .fold(0.0_f64, f64::max)
    }
}

/// Most claims drawn one by one (a marker and a range bar each); past this, claims are summed
/// per source and day, which the plot draws as lines.
pub const MAX_TIMELINE_POINTS: usize = 5_000;

pub fn timeline(
    ds: &Dataset,
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    settings: &TimelineSettings,
    selection: &Selection,
) -> TimelineChart {
    let by_source = counted_claims(ds, analysis, settings.kind, selection);
    timeline_of(ds, analysis, colors, settings, by_source)
}

/// One chart of small multiples: what it shows, and the chart.
#[derive(Clone, Debug)]
pub struct TimelinePanel {
    /// The group family or place ("civilians", "Kobane"), or "other groups" / "other places".
    pub title: String,
    pub chart: TimelineChart,
}

/// Most charts of small multiples; the rest share the last one.
pub const MAX_PANELS: usize = 6;

/// The timeline as small multiples, the group families or places with the most claims first;
/// empty when the settings ask for one chart.
pub fn timeline_panels(
    ds: &Dataset,
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    settings: &TimelineSettings,
    selection: &Selection,
) -> Vec<TimelinePanel> {
    let key = |c: u32| -> &str {
        let facts = &analysis.facts[c as usize];
        match settings.split {
            TimelineSplit::None => "",
            TimelineSplit::Group => crate::core::analysis::groups::family(&facts.group),
            TimelineSplit::Place => facts
                .event
                .and_then(|e| analysis.events.get(e as usize))
                .map_or("", |e| e.location.as_str()),
        }
    };
    if settings.split == TimelineSplit::None {
        return Vec::new();
    }
    let by_source = counted_claims(ds, analysis, settings.kind, selection);
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for &c in by_source.values().flatten() {
        *sizes.entry(key(c)).or_default() += 1;
    }
    let mut keys: Vec<(&str, usize)> = sizes.into_iter().collect();
    keys.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown: Vec<&str> = if keys.len() > MAX_PANELS {
        keys[..MAX_PANELS - 1].iter().map(|k| k.0).collect()
    } else {
        keys.iter().map(|k| k.0).collect()
    };
    let other = match settings.split {
        TimelineSplit::Place => "other places",
        TimelineSplit::None | TimelineSplit::Group => "other groups",
    };
    let mut titles: Vec<&str> = shown.clone();
    if keys.len() > MAX_PANELS {
        titles.push(other);
    }
    titles
        .into_iter()
        .map(|title| {
            let panel_of = |c: &u32| {
                let k = key(*c);
                if title == other {
                    !shown.contains(&k)
                } else {
                    k == title
                }
            };
            let claims: BTreeMap<&str, Vec<u32>> = by_source
                .iter()
                .map(|(s, cs)| {
                    (
                        *s,
                        cs.iter().copied().filter(panel_of).collect::<Vec<u32>>(),
                    )
                })
                .filter(|(_, cs)| !cs.is_empty())
                .collect();
            TimelinePanel {
                title: match title {
                    "" => "unplaced".to_owned(),
                    crate::core::analysis::groups::ALL
                        if settings.split == TimelineSplit::Group =>
                    {
                        "all (no group named)".to_owned()
                    }
                    _ => title.to_owned(),
                },
                chart: timeline_of(ds, analysis, colors, settings, claims),
            }
        })
        .collect()
}

/// The chart of these claims, by claimant.
fn timeline_of(
    ds: &Dataset,
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    settings: &TimelineSettings,
    by_source: BTreeMap<&str, Vec<u32>>,
) -> TimelineChart {
    let total: usize = by_source.values().map(Vec::len).sum();
    let mode = if settings.mode == TimelineMode::Claims && total > MAX_TIMELINE_POINTS {
        TimelineMode::Daily
    } else {
        settings.mode
    };
    let note = (mode != settings.mode).then(|| {
        format!("{total} claims: shown as daily totals per source (claims are drawn one by one up to {MAX_TIMELINE_POINTS})")
    });
    let mut series: Vec<TimelineSeries> = by_source
        .into_iter()
        .map(|(source, claims)| {
            let facts = &analysis.facts[claims[0] as usize];
            let mut s = TimelineSeries {
                source: source.to_owned(),
                source_type: facts.source_type,
                color: colors.get(source).copied().unwrap_or([128, 128, 128]),
                points: Vec::new(),
                claims: Vec::new(),
                ranges: Vec::new(),
            };
            match mode {
                TimelineMode::Claims => claim_points(ds, &claims, &mut s),
                TimelineMode::Daily | TimelineMode::Cumulative => {
                    daily_points(
                        ds,
                        analysis,
                        &claims,
                        mode == TimelineMode::Cumulative,
                        &mut s,
                    );
                }
            }
            s
        })
        .collect();
    if settings.log {
        for s in &mut series {
            for p in &mut s.points {
                p[1] = y_value(p[1], true);
            }
            for (low, high) in &mut s.ranges {
                *low = y_value(*low, true);
                *high = high.map(|h| y_value(h, true));
            }
        }
    }
    TimelineChart {
        points: series.iter().map(|s| s.points.len()).sum(),
        series,
        note,
    }
}

fn claim_points(ds: &Dataset, claims: &[u32], s: &mut TimelineSeries) {
    for &c in claims {
        let claim = &ds.claims[c as usize];
        let Some(q) = claim.quantity else { continue };
        s.points.push([day_number(claim.event_start), q.point()]);
        s.claims.push(c);
        s.ranges.push((f64::from(q.low), q.high().map(f64::from)));
    }
}

/// One figure per claimant, event and group (the current one), summed per day; a part is
/// never added on top of its whole: when the claimant gave a figure for everyone, its parts
/// are left out.
fn daily_points(
    ds: &Dataset,
    analysis: &Analysis,
    claims: &[u32],
    cumulative: bool,
    s: &mut TimelineSeries,
) {
    let mut per_day: BTreeMap<chrono::NaiveDate, f64> = BTreeMap::new();
    for (_, day, value) in event_figures(ds, analysis, claims) {
        *per_day.entry(day).or_default() += value;
    }
    let mut running = 0.0;
    for (day, value) in per_day {
        running += value;
        s.points
            .push([day_number(day), if cumulative { running } else { value }]);
    }
}

/// One source's figure for each event: its figure for everyone, else its parts summed (a part
/// is never added on top of its whole), with the event's first date: `(event, day, figure)`.
/// The daily totals and the pivot both count this.
pub fn event_figures(
    ds: &Dataset,
    analysis: &Analysis,
    claims: &[u32],
) -> Vec<(u32, chrono::NaiveDate, f64)> {
    let mut per_event: BTreeMap<u32, (Option<f64>, f64, chrono::NaiveDate)> = BTreeMap::new();
    for &c in claims {
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        let (Some(event), Some(q)) = (facts.event, claim.quantity) else {
            continue;
        };
        let entry = per_event
            .entry(event)
            .or_insert((None, 0.0, claim.event_start));
        if &*facts.group == crate::core::analysis::groups::ALL {
            entry.0 = Some(entry.0.unwrap_or(0.0).max(q.point()));
        } else {
            entry.1 += q.point();
        }
    }
    per_event
        .into_iter()
        .map(|(event, (whole, parts, day))| (event, day, whole.unwrap_or(parts)))
        .collect()
}

/// The claims a timeline of `kind` counts, by claimant: current, asserted, with a figure,
/// kept by the selection.
pub fn counted_claims<'a>(
    ds: &Dataset,
    analysis: &'a Analysis,
    kind: crate::core::model::ClaimKind,
    selection: &Selection,
) -> BTreeMap<&'a str, Vec<u32>> {
    let mut by_source: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, (claim, facts)) in ds.claims.iter().zip(&analysis.facts).enumerate() {
        if claim.kind != kind
            || !facts.current
            || claim.stance == Stance::Denies
            || claim.quantity.is_none()
        {
            continue;
        }
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        if !selection.shows(index) {
            continue;
        }
        by_source
            .entry(facts.claimant.as_ref())
            .or_default()
            .push(index);
    }
    by_source
}
