//! The event range chart: each claimant's figures for one event, per kind and group, and the
//! statements asserted or denied about it.

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::analysis::groups::{ALL, parent};
use crate::core::model::{ClaimKind, Dataset, SourceType, Stance};

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
    /// How many claims say the same (same claimant, stance and words), listed once.
    pub count: usize,
}

/// Everything the event view draws.
#[derive(Clone, Debug, Default)]
pub struct EventChart {
    pub blocks: Vec<RangeBlock>,
    pub propositions: Vec<PropositionRow>,
    /// What was left out of a very large event, in words (superseded figures, rows past the
    /// limit, statements past the limit); empty when nothing was.
    pub omitted: Vec<String>,
}

/// Most figure rows an event chart draws; past this superseded figures are left out, then
/// the rest past the limit (the claims table has them all).
pub const MAX_EVENT_ROWS: usize = 60;
/// Most distinct statements an event chart lists.
pub const MAX_EVENT_STATEMENTS: usize = 24;

/// The range chart of one event: each claimant's figures side by side, by kind and group, of
/// the claims `shown` keeps (the filters in force); how many it left out is said.
pub fn event_chart(
    ds: &Dataset,
    analysis: &Analysis,
    event: usize,
    shown: &dyn Fn(u32) -> bool,
) -> EventChart {
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
    let mut hidden = 0usize;
    for &c in &e.claims {
        if !shown(c) {
            hidden += 1;
            continue;
        }
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        match claim.quantity.filter(|_| claim.kind.is_numeric()) {
            Some(q) => blocks
                .entry((claim.kind, facts.group.to_string()))
                .or_default()
                .push(RangeRow {
                    claim: c,
                    label: format!("{} · {}", facts.claimant, figure_words(ds, claim, q)),
                    source: facts.claimant.to_string(),
                    low: f64::from(q.low),
                    high: q.high().map(f64::from),
                    point: q.point(),
                    denies: claim.stance == Stance::Denies,
                    disputed: disputed.contains(&c),
                    current: facts.current,
                }),
            None => propositions.push(PropositionRow {
                claim: c,
                source: facts.claimant.to_string(),
                source_type: facts.source_type,
                kind: claim.kind,
                stance: claim.stance,
                detail: statement_detail(ds, claim, &facts.group),
                disputed: disputed.contains(&c),
                count: 1,
            }),
        }
    }
    // Wholes before their parts (all, civilians, children), each part saying what it is in.
    let mut blocks: Vec<((ClaimKind, String), Vec<RangeRow>)> = blocks.into_iter().collect();
    blocks.sort_by_key(|((kind, group), _)| (*kind, group_path(group)));
    let mut chart = EventChart {
        blocks: blocks
            .into_iter()
            .map(|((kind, group), rows)| RangeBlock {
                title: match parent(&group) {
                    Some(whole) if whole != ALL => {
                        format!("{} · {group} (part of {whole})", kind.as_str())
                    }
                    _ => format!("{} · {group}", kind.as_str()),
                },
                rows,
            })
            .collect(),
        propositions: merge_statements(propositions),
        omitted: Vec::new(),
    };
    limit_event_chart(&mut chart);
    match hidden {
        0 => {}
        1 => chart
            .omitted
            .push("1 claim hidden by the filters".to_owned()),
        n => chart
            .omitted
            .push(format!("{n} claims hidden by the filters")),
    }
    chart
}

/// What a statement says: its detail; for a figure-less figure claim, who it is about and
/// that no number was given ("civilians, no figure: the reports denied").
fn statement_detail(ds: &Dataset, claim: &crate::core::model::Claim, group: &str) -> String {
    let detail = ds.opt_str(claim.detail);
    if !claim.kind.is_numeric() {
        return detail.to_owned();
    }
    let who = if group == ALL { "people" } else { group };
    if detail.is_empty() {
        format!("{who}, no figure")
    } else {
        format!("{who}, no figure: {detail}")
    }
}

/// A group's place in the hierarchy, from the top: ["all", "civilians", "children"].
fn group_path(group: &str) -> Vec<String> {
    let mut path = vec![group.to_owned()];
    let mut at = group;
    while let Some(whole) = parent(at) {
        path.push(whole.to_owned());
        at = whole;
    }
    path.reverse();
    path
}

/// Lists each statement once, with how many claims make it.
fn merge_statements(rows: Vec<PropositionRow>) -> Vec<PropositionRow> {
    let mut merged: Vec<PropositionRow> = Vec::new();
    let mut seen: std::collections::HashMap<(String, Stance, ClaimKind, String), usize> =
        std::collections::HashMap::new();
    for row in rows {
        let key = (row.source.clone(), row.stance, row.kind, row.detail.clone());
        match seen.get(&key) {
            Some(&at) => {
                merged[at].count += 1;
                merged[at].disputed |= row.disputed;
            }
            None => {
                seen.insert(key, merged.len());
                merged.push(row);
            }
        }
    }
    merged
}

/// Keeps a very large event drawable: superseded figures go first, then rows and statements
/// past the limits; `omitted` says what went.
fn limit_event_chart(chart: &mut EventChart) {
    let rows = |c: &EventChart| c.blocks.iter().map(|b| b.rows.len()).sum::<usize>();
    let before = rows(chart);
    if before > MAX_EVENT_ROWS {
        for block in &mut chart.blocks {
            block.rows.retain(|r| r.current);
        }
        let superseded = before - rows(chart);
        if superseded > 0 {
            chart
                .omitted
                .push(format!("{superseded} superseded figures"));
        }
    }
    let mut room = MAX_EVENT_ROWS;
    let mut cut = 0;
    for block in &mut chart.blocks {
        if block.rows.len() > room {
            cut += block.rows.len() - room;
            block.rows.truncate(room);
        }
        room -= block.rows.len();
    }
    chart.blocks.retain(|b| !b.rows.is_empty());
    if cut > 0 {
        chart.omitted.push(format!(
            "{cut} more figures past the first {MAX_EVENT_ROWS} (the claims table lists them all)"
        ));
    }
    let statements = chart.propositions.len();
    if statements > MAX_EVENT_STATEMENTS {
        chart.propositions.truncate(MAX_EVENT_STATEMENTS);
        chart.omitted.push(format!(
            "{} more statements",
            statements - MAX_EVENT_STATEMENTS
        ));
    }
}

/// A figure as written, or, read from bounds, as a range with its best estimate
/// ("7–12, best 9").
fn figure_words(
    ds: &crate::core::model::Dataset,
    claim: &crate::core::model::Claim,
    q: crate::core::parse::quantity::Quantity,
) -> String {
    let written = ds.opt_str(claim.quantity_text);
    if !written.is_empty() {
        return written.to_owned();
    }
    let range = match q.high() {
        Some(high) if high == q.low => high.to_string(),
        Some(high) => format!("{}–{high}", q.low),
        None => format!("at least {}", q.low),
    };
    match q.best() {
        Some(best) if q.high() != Some(q.low) => format!("{range}, best {best}"),
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(claim: u32, current: bool) -> RangeRow {
        RangeRow {
            claim,
            label: format!("source {claim}"),
            source: format!("source {claim}"),
            low: 1.0,
            high: Some(2.0),
            point: 1.5,
            denies: false,
            disputed: false,
            current,
        }
    }

    fn statement(source: &str, detail: &str) -> PropositionRow {
        PropositionRow {
            claim: 0,
            source: source.to_owned(),
            source_type: SourceType::Monitor,
            kind: ClaimKind::Control,
            stance: Stance::Asserts,
            detail: detail.to_owned(),
            disputed: false,
            count: 1,
        }
    }

    #[test]
    fn a_huge_event_is_cut_to_what_a_chart_can_show_and_says_so() {
        let rows: Vec<RangeRow> = (0..500).map(|i| row(i, i % 10 == 0)).collect();
        let mut statements: Vec<PropositionRow> =
            (0..300).map(|_| statement("A", "took the town")).collect();
        statements.extend((0..40).map(|i| statement("B", &format!("claim {i}"))));
        let mut chart = EventChart {
            blocks: vec![RangeBlock {
                title: "killed · all".to_owned(),
                rows,
            }],
            propositions: merge_statements(statements),
            omitted: Vec::new(),
        };
        assert_eq!(chart.propositions[0].count, 300, "one line for 300 repeats");
        limit_event_chart(&mut chart);
        let kept: Vec<&RangeRow> = chart.blocks.iter().flat_map(|b| &b.rows).collect();
        assert_eq!(
            kept.len(),
            50,
            "the 50 current figures, superseded ones left out"
        );
        assert!(kept.iter().all(|r| r.current));
        assert_eq!(chart.propositions.len(), MAX_EVENT_STATEMENTS);
        assert_eq!(
            chart.omitted,
            ["450 superseded figures", "17 more statements"],
            "{:?}",
            chart.omitted
        );
        let mut many = EventChart {
            blocks: vec![RangeBlock {
                title: "killed · all".to_owned(),
                rows: (0..100).map(|i| row(i, true)).collect(),
            }],
            ..EventChart::default()
        };
        limit_event_chart(&mut many);
        assert_eq!(many.blocks[0].rows.len(), MAX_EVENT_ROWS);
        assert!(many.omitted[0].starts_with("40 more figures"));
    }
}
