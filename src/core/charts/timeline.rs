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
        parts
    }
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            kind: ClaimKind::Killed,
            mode: TimelineMode::Claims,
            log: false,
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
        s.ranges.push((f64::from(q.low), q.high.map(f64::from)));
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
