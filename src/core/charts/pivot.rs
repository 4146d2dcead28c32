//! The pivot analysts build in a spreadsheet: a claim kind's totals per week or month, per
//! source and place. Each source counts one figure per event (its figure for everyone, else
//! its parts summed), its current one, as the timeline's daily totals do; so the pivot's
//! totals are the daily totals summed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::core::analysis::Analysis;
use crate::core::charts::timeline::{counted_claims, event_figures};
use crate::core::model::{ClaimKind, Dataset};
use crate::core::view::selection::Selection;

/// How long a pivot's periods are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Monday to Sunday.
    Week,
    #[default]
    Month,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The first day of the period `day` falls in.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Self::Week => day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday())),
            Self::Month => day.with_day(1).unwrap_or(day),
        }
    }
}

/// One cell of the pivot: a source's total at a place in a period.
#[derive(Clone, Debug, PartialEq)]
pub struct PivotRow {
    /// The first day of the period.
    pub period: NaiveDate,
    pub source: String,
    pub place: String,
    pub total: f64,
    /// How many events the total counts.
    pub events: usize,
}

/// A claim kind's totals per period, source and place, in that order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pivot {
    pub kind: Option<ClaimKind>,
    pub period: Period,
    pub rows: Vec<PivotRow>,
}

pub fn pivot(
    ds: &Dataset,
    analysis: &Analysis,
    (kind, period): (ClaimKind, Period),
    selection: &Selection,
) -> Pivot {
    let mut cells: BTreeMap<(NaiveDate, &str, &str), (f64, usize)> = BTreeMap::new();
    for (source, claims) in counted_claims(ds, analysis, kind, selection) {
        for (event, day, figure) in event_figures(ds, analysis, &claims) {
            let place = analysis
                .events
                .get(event as usize)
                .map_or("", |e| e.location.as_str());
            let cell = cells.entry((period.start(day), source, place)).or_default();
            cell.0 += figure;
            cell.1 += 1;
        }
    }
    Pivot {
        kind: Some(kind),
        period,
        rows: cells
            .into_iter()
            .map(|((period, source, place), (total, events))| PivotRow {
                period,
                source: source.to_owned(),
                place: place.to_owned(),
                total,
                events,
            })
            .collect(),
    }
}

impl Pivot {
    /// Each source's totals per period, its places summed: `[first day's number, total]` in
    /// date order. The window's chart and the exported one both draw these.
    pub fn lines(&self) -> BTreeMap<&str, Vec<[f64; 2]>> {
        let mut per_source: BTreeMap<&str, BTreeMap<NaiveDate, f64>> = BTreeMap::new();
        for row in &self.rows {
            *per_source
                .entry(row.source.as_str())
                .or_default()
                .entry(row.period)
                .or_default() += row.total;
        }
        per_source
            .into_iter()
            .map(|(source, totals)| {
                let points = totals
                    .into_iter()
                    .map(|(period, total)| [super::axes::day_number(period), total])
                    .collect();
                (source, points)
            })
            .collect()
    }

    /// The rows' order for a table sorted by `column`; ties keep period, source, place order.
    pub fn sorted(&self, column: PivotColumn, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.rows[a], &self.rows[b]);
            let by = match column {
                PivotColumn::Period => x.period.cmp(&y.period),
                PivotColumn::Source => x.source.cmp(&y.source),
                PivotColumn::Place => x.place.cmp(&y.place),
                PivotColumn::Total => x.total.total_cmp(&y.total),
                PivotColumn::Events => x.events.cmp(&y.events),
            };
            if descending { by.reverse() } else { by }
        });
        order
    }
}

/// A column of the pivot table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PivotColumn {
    #[default]
    Period,
    Source,
    Place,
    Total,
    Events,
}

impl PivotColumn {
    pub const ALL: [Self; 5] = [
        Self::Period,
        Self::Source,
        Self::Place,
        Self::Total,
        Self::Events,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Period => "Period",
            Self::Source => "Source",
            Self::Place => "Place",
            Self::Total => "Total",
            Self::Events => "Events",
        }
    }
}
