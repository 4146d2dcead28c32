//! The pivot as a figure: each source's totals per week or month (its places summed), a line
//! with a marker at each period, in the source's colour.

use std::collections::BTreeMap;

use super::figure::{
    Axis, Figure, Mark, Provenance, Series, Tick, capitalised, date_axis, linear_axis,
};
use crate::core::charts::{Marker, Pivot, Rgb, day_number};

pub fn pivot_figure(pivot: &Pivot, colors: &BTreeMap<String, Rgb>, about: &Provenance) -> Figure {
    let (mut x_min, mut x_max, mut y_max) = (f64::MAX, f64::MIN, 1.0_f64);
    let series: Vec<Series> = pivot
        .lines()
        .into_iter()
        .map(|(source, points)| {
            for p in &points {
                x_min = x_min.min(p[0]);
                x_max = x_max.max(p[0]);
                y_max = y_max.max(p[1]);
            }
            let mut marks = vec![Mark::Line(points.clone())];
            marks.extend(
                points
                    .into_iter()
                    .map(|at| Mark::Point { at, filled: true }),
            );
            Series {
                name: source.to_owned(),
                color: colors.get(source).copied().unwrap_or([128, 128, 128]),
                marker: Marker::Circle,
                marks,
                in_legend: true,
            }
        })
        .collect();
    if x_min > x_max {
        let today = day_number(crate::core::export::today());
        (x_min, x_max) = (today - 60.0, today);
    }
    // Half a period each side, so a lone period's total is not lost in an axis of days.
    let pad = match pivot.period {
        crate::core::charts::Period::Week => 4.0,
        crate::core::charts::Period::Month => 16.0,
    };
    let period = pivot.period.as_str();
    let kind = pivot.kind.map_or("claims", |k| k.as_str());
    Figure {
        title: format!("{}: totals per {period} by source", capitalised(kind)),
        subtitle: format!(
            "One current figure per claimant, event and group, summed per {period} over every place; the table gives each place."
        ),
        x: period_axis(pivot, (x_min - pad, x_max + pad)),
        y: linear_axis(0.0, y_max * 1.08, "claimed count"),
        series,
        caption: about.caption(),
        ..Figure::default()
    }
}

/// A tick at each period's first day when there are a dozen or fewer ("Jun 2015", "22 Jun
/// 2015" for a week), else the calendar ticks of any date axis.
fn period_axis(pivot: &Pivot, (min, max): (f64, f64)) -> Axis {
    let periods: std::collections::BTreeSet<chrono::NaiveDate> =
        pivot.rows.iter().map(|r| r.period).collect();
    let mut axis = date_axis(min, max);
    if periods.len() <= 12 {
        axis.ticks = periods
            .into_iter()
            .map(|p| Tick {
                value: day_number(p),
                label: match pivot.period {
                    crate::core::charts::Period::Week => p.format("%-d %b %Y").to_string(),
                    crate::core::charts::Period::Month => p.format("%b %Y").to_string(),
                },
            })
            .collect();
        axis.label = format!("{} starting", pivot.period.as_str());
    }
    axis
}
