//! The bias chart: one bar per source, how its figures sit against the other sides'.

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::view::palette::Rgb;
use crate::core::view::selection::{Selection, kept_sources};

/// One source's bar in the bias chart.
#[derive(Clone, Debug)]
pub struct BiasBar {
    pub source: String,
    pub color: Rgb,
    /// log2 of its figures over the consensus: +1 is twice as high, -1 half.
    pub log2: f64,
    pub grade: char,
    pub comparable: usize,
}

/// How each source's figures sit against the other sides', on a log scale.
#[derive(Clone, Debug, Default)]
pub struct BiasChart {
    /// Highest bias first.
    pub bars: Vec<BiasBar>,
    /// Sources with too little to compare, named under the chart.
    pub without: Vec<String>,
}

impl BiasChart {
    /// How far the axis must reach each side of the consensus: whole doublings, at least one.
    pub fn reach(&self) -> f64 {
        self.bars
            .iter()
            .map(|b| b.log2.abs())
            .fold(1.0_f64, f64::max)
            .ceil()
    }
}

/// The bias chart of the sources with at least one claim the selection keeps: what the
/// Sources tab draws and what its export writes.
pub fn selected_bias_chart(
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    selection: &Selection,
) -> BiasChart {
    let kept = kept_sources(analysis, selection);
    bias_chart(analysis, colors, |s| kept.contains(s))
}

/// The bias chart of the sources `keep` keeps.
pub fn bias_chart(
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    keep: impl Fn(&str) -> bool,
) -> BiasChart {
    let mut chart = BiasChart::default();
    for s in analysis.scorecard.iter().filter(|s| keep(&s.source)) {
        match s.bias_log2 {
            Some(log2) => chart.bars.push(BiasBar {
                source: s.source.clone(),
                color: colors.get(&s.source).copied().unwrap_or([128, 128, 128]),
                log2,
                grade: s.grade,
                comparable: s.comparable,
            }),
            None => chart.without.push(s.source.clone()),
        }
    }
    chart.bars.sort_by(|a, b| {
        b.log2
            .total_cmp(&a.log2)
            .then_with(|| a.source.cmp(&b.source))
    });
    chart
}
