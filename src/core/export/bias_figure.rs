//! The sources' bias chart as a figure: a bar per source against the consensus, on a log
//! scale.

use super::figure::{Axis, Figure, Mark, Provenance, Series, Tick};
use crate::core::charts::{BiasChart, Marker, bias_label};

/// The sources' bias: one bar per source, above or below the consensus on a log scale.
pub fn bias_figure(chart: &BiasChart, about: &Provenance) -> Figure {
    let n = chart.bars.len();
    let reach = chart.reach();
    let step = if reach > 6.0 { 2.0 } else { 1.0 };
    let mut ticks = Vec::new();
    let mut t = -reach;
    while t <= reach + 1e-9 {
        ticks.push(Tick {
            value: t,
            label: bias_label(t),
        });
        t += step;
    }
    let y_of = |i: usize| (n - i) as f64;
    let series = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| Series {
            name: b.source.clone(),
            color: b.color,
            marker: Marker::Square,
            marks: vec![Mark::Bar {
                y: y_of(i),
                value: b.log2,
            }],
            in_legend: false,
        })
        .collect();
    let y_ticks = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| Tick {
            value: y_of(i),
            label: format!("{} (grade {})", b.source, b.grade),
        })
        .collect();
    let mut notes = Vec::new();
    if !chart.without.is_empty() {
        notes.push(format!(
            "Too little to compare: {}.",
            chart.without.join(", ")
        ));
    }
    Figure {
        title: "How each source's figures sit against the other sides'".to_owned(),
        subtitle:
            "Median ratio of a source's figures to the others' on the same events (log scale)"
                .to_owned(),
        x: Axis {
            label: "figures against the other sides'".to_owned(),
            min: -reach,
            max: reach,
            ticks,
        },
        y: Axis {
            label: String::new(),
            min: 0.3,
            max: n as f64 + 0.7,
            ticks: y_ticks,
        },
        series,
        rules: vec![(0.0, "consensus".to_owned())],
        notes,
        caption: about.caption(),
        ..Figure::default()
    }
}
