//! The pivot as a figure: each source's totals per week or month (its places summed), a line
//! with a marker at each period, in the source's colour.

use std::collections::BTreeMap;

use super::figure::{Figure, Mark, Provenance, Series, capitalised, date_axis, linear_axis};
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
    let pad = ((x_max - x_min) * 0.03).max(3.0);
    let period = pivot.period.as_str();
    let kind = pivot.kind.map_or("claims", |k| k.as_str());
    Figure {
        title: format!("{}: totals per {period} by source", capitalised(kind)),
        subtitle: format!(
            "One current figure per claimant, event and group, summed per {period} over every place; the table gives each place."
        ),
        x: date_axis(x_min - pad, x_max + pad),
        y: linear_axis(0.0, y_max * 1.08, "claimed count"),
        series,
        caption: about.caption(),
        ..Figure::default()
    }
}
