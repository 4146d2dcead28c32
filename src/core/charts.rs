//! Chart data as plain values: points, ranges, labels and colours, built once per change and
//! drawn by the window (and, later, by the exporters) without further work.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::analysis::Analysis;
use super::model::{ClaimKind, Dataset, SourceType, Stance};

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Colours for sources, distinct on light and dark backgrounds (Tableau 10, then more).
const PALETTE: [Rgb; 12] = [
    [78, 121, 167],
    [242, 142, 43],
    [225, 87, 89],
    [118, 183, 178],
    [89, 161, 79],
    [237, 201, 72],
    [176, 122, 161],
    [255, 157, 167],
    [156, 117, 95],
    [186, 176, 172],
    [31, 119, 180],
    [148, 103, 189],
];

/// A stable colour for every claimant: sources sorted by name take the palette in turn, so a
/// source has the same colour in every tab and export.
pub fn source_colors(analysis: &Analysis) -> BTreeMap<String, Rgb> {
    let mut names: Vec<&str> = analysis
        .scorecard
        .iter()
        .map(|s| s.source.as_str())
        .collect();
    names.sort_unstable();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name.to_owned(), PALETTE[i % PALETTE.len()]))
        .collect()
}

/// Days since 1970-01-01, the x axis of date charts.
pub fn day_number(date: chrono::NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date of a day number.
pub fn date_of(day: f64) -> Option<chrono::NaiveDate> {
    let days = i32::try_from(day.round() as i64).ok()?;
    chrono::NaiveDate::from_num_days_from_ce_opt(days + 719_163)
}

/// One claimant's figure in the event range chart.
#[derive(Clone, Debug)]
pub struct RangeRow {
    pub claim: u32,
    pub label: String,
    pub source: String,
    pub low: f64,
    /// `None` when open-ended.
    pub high: Option<f64>,
    pub point: f64,
    pub denies: bool,
    /// Part of at least one discrepancy.
    pub disputed: bool,
    pub current: bool,
}

/// A block of rows about one kind and group ("killed · civilians").
#[derive(Clone, Debug)]
pub struct RangeBlock {
    pub title: String,
    pub rows: Vec<RangeRow>,
}

/// A non-numeric claim beside the chart: who asserts, who denies.
#[derive(Clone, Debug)]
pub struct PropositionRow {
    pub claim: u32,
    pub source: String,
    pub source_type: SourceType,
    pub kind: ClaimKind,
    pub stance: Stance,
    pub detail: String,
    pub disputed: bool,
}

/// Everything the event view draws.
#[derive(Clone, Debug, Default)]
pub struct EventChart {
    pub blocks: Vec<RangeBlock>,
    pub propositions: Vec<PropositionRow>,
}

/// The range chart of one event: each claimant's figures side by side, by kind and group.
pub fn event_chart(ds: &Dataset, analysis: &Analysis, event: usize) -> EventChart {
    let Some(e) = analysis.events.get(event) else {
        return EventChart::default();
    };
    let disputed: std::collections::HashSet<u32> = analysis
        .discrepancies
        .iter()
        .filter(|d| d.event == event)
        .flat_map(|d| d.claims)
        .collect();
    let mut blocks: BTreeMap<(ClaimKind, String), Vec<RangeRow>> = BTreeMap::new();
    let mut propositions = Vec::new();
    for &c in &e.claims {
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        match claim.quantity.filter(|_| claim.kind.is_numeric()) {
            Some(q) => blocks
                .entry((claim.kind, facts.group.clone()))
                .or_default()
                .push(RangeRow {
                    claim: c,
                    label: format!("{} · {}", facts.claimant, ds.opt_str(claim.quantity_text)),
                    source: facts.claimant.clone(),
                    low: f64::from(q.low),
                    high: q.high.map(f64::from),
                    point: q.point(),
                    denies: claim.stance == Stance::Denies,
                    disputed: disputed.contains(&c),
                    current: facts.current,
                }),
            None => propositions.push(PropositionRow {
                claim: c,
                source: facts.claimant.clone(),
                source_type: claim.source_type,
                kind: claim.kind,
                stance: claim.stance,
                detail: ds.opt_str(claim.detail).to_owned(),
                disputed: disputed.contains(&c),
            }),
        }
    }
    EventChart {
        blocks: blocks
            .into_iter()
            .map(|((kind, group), rows)| RangeBlock {
                title: format!("{} · {group}", kind.as_str()),
                rows,
            })
            .collect(),
        propositions,
    }
}
