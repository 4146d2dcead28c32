//! Chart data as plain values: points, ranges, labels and colours, built once per change and
//! drawn by the window (and, later, by the exporters) without further work.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::analysis::Analysis;
use super::model::{ClaimKind, Dataset, SourceType, Stance};
use super::selection::Selection;

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

/// A marker shape; each source type has its own, the same in the window and in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Diamond,
    Up,
    Down,
    Plus,
    Asterisk,
}

impl Marker {
    pub fn of(source_type: SourceType) -> Self {
        match source_type {
            SourceType::Monitor => Self::Circle,
            SourceType::StateMedia => Self::Square,
            SourceType::Government => Self::Diamond,
            SourceType::Combatant => Self::Up,
            SourceType::IndependentMedia => Self::Down,
            SourceType::Analyst => Self::Plus,
            SourceType::Other => Self::Asterisk,
        }
    }
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
                .entry((claim.kind, facts.group.to_string()))
                .or_default()
                .push(RangeRow {
                    claim: c,
                    label: format!("{} · {}", facts.claimant, ds.opt_str(claim.quantity_text)),
                    source: facts.claimant.to_string(),
                    low: f64::from(q.low),
                    high: q.high.map(f64::from),
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
                detail: ds.opt_str(claim.detail).to_owned(),
                disputed: disputed.contains(&c),
                count: 1,
            }),
        }
    }
    let mut chart = EventChart {
        blocks: blocks
            .into_iter()
            .map(|((kind, group), rows)| RangeBlock {
                title: format!("{} · {group}", kind.as_str()),
                rows,
            })
            .collect(),
        propositions: merge_statements(propositions),
        omitted: Vec::new(),
    };
    limit_event_chart(&mut chart);
    chart
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

/// Which claims the charts show. Analysis always runs on everything; this only chooses.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ChartFilter {
    pub kind: ClaimKind,
    pub hidden_sources: std::collections::BTreeSet<String>,
    pub mode: TimelineMode,
    /// Plot log10 of the counts; zero is drawn at [`LOG_ZERO`], below 1.
    pub log: bool,
    /// Only claims about events from this day on …
    pub from: Option<chrono::NaiveDate>,
    /// … and up to this day.
    pub to: Option<chrono::NaiveDate>,
    pub hidden_types: std::collections::BTreeSet<SourceType>,
    /// Only claims about these places (none: every place).
    pub places: std::collections::BTreeSet<String>,
    /// Only claims about these groups (none: every group).
    pub groups: std::collections::BTreeSet<String>,
    /// Only claims whose quote, source, outlet, place, group or detail contains this text.
    pub search: String,
}

impl ChartFilter {
    /// The same filter with the timeline's own settings (kind, mode, scale) at their defaults:
    /// what decides which claims every view keeps.
    pub fn selecting(&self) -> Self {
        Self {
            kind: ClaimKind::Killed,
            mode: TimelineMode::Claims,
            log: false,
            ..self.clone()
        }
    }

    /// Whether a claim by this claimant and type, about an event on this day, is shown.
    pub fn shows(&self, claimant: &str, source_type: SourceType, day: chrono::NaiveDate) -> bool {
        !self.hidden_sources.contains(claimant)
            && !self.hidden_types.contains(&source_type)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }
}

/// Where a zero goes on a log axis: half a decade below 1, labelled "0".
pub const LOG_ZERO: f64 = -0.5;

/// A count as the y axis holds it.
pub fn y_value(count: f64, log: bool) -> f64 {
    if !log {
        count
    } else if count < 1.0 {
        LOG_ZERO
    } else {
        count.log10()
    }
}

/// The label of a y axis value.
pub fn y_label(value: f64, log: bool) -> String {
    if !log {
        return format!("{value}");
    }
    if value < LOG_ZERO / 2.0 {
        return if value >= LOG_ZERO - 0.01 {
            "0".to_owned()
        } else {
            String::new()
        };
    }
    let count = 10f64.powf(value);
    if count >= 10.0 || (count - count.round()).abs() < 0.05 {
        format!("{:.0}", count)
    } else {
        format!("{:.1}", count)
    }
}

impl Default for ChartFilter {
    fn default() -> Self {
        Self {
            kind: ClaimKind::Killed,
            hidden_sources: std::collections::BTreeSet::new(),
            mode: TimelineMode::Claims,
            log: false,
            from: None,
            to: None,
            hidden_types: std::collections::BTreeSet::new(),
            places: std::collections::BTreeSet::new(),
            groups: std::collections::BTreeSet::new(),
            search: String::new(),
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

/// Most claims drawn one by one (a marker and a range bar each); past this, claims are summed
/// per source and day, which the plot draws as lines.
pub const MAX_TIMELINE_POINTS: usize = 5_000;

pub fn timeline(
    ds: &Dataset,
    analysis: &Analysis,
    colors: &BTreeMap<String, Rgb>,
    filter: &ChartFilter,
    selection: &Selection,
) -> TimelineChart {
    let mut by_source: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, (claim, facts)) in ds.claims.iter().zip(&analysis.facts).enumerate() {
        if claim.kind != filter.kind
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
    let total: usize = by_source.values().map(Vec::len).sum();
    let mode = if filter.mode == TimelineMode::Claims && total > MAX_TIMELINE_POINTS {
        TimelineMode::Daily
    } else {
        filter.mode
    };
    let note = (mode != filter.mode).then(|| {
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
    if filter.log {
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
        if &*facts.group == super::analysis::groups::ALL {
            entry.0 = Some(entry.0.unwrap_or(0.0).max(q.point()));
        } else {
            entry.1 += q.point();
        }
    }
    let mut per_day: BTreeMap<chrono::NaiveDate, f64> = BTreeMap::new();
    for (_, (whole, parts, day)) in per_event {
        *per_day.entry(day).or_default() += whole.unwrap_or(parts);
    }
    let mut running = 0.0;
    for (day, value) in per_day {
        running += value;
        s.points
            .push([day_number(day), if cumulative { running } else { value }]);
    }
}

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

/// A label for the bias axis: `log2` as a ratio to the consensus.
pub fn bias_label(log2: f64) -> String {
    if log2.abs() < 1e-9 {
        "consensus".to_owned()
    } else if log2 > 0.0 {
        format!("×{} higher", trim_number(log2.exp2()))
    } else {
        format!("×{} lower", trim_number((-log2).exp2()))
    }
}

fn trim_number(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// A date label for the timeline's x axis, coarser as the view widens.
pub fn date_label(day: f64, step_days: f64) -> String {
    let Some(date) = date_of(day) else {
        return String::new();
    };
    if step_days >= 300.0 {
        date.format("%Y").to_string()
    } else if step_days >= 25.0 {
        date.format("%b %Y").to_string()
    } else {
        date.format("%-d %b").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_axis_values_and_labels() {
        assert_eq!(y_value(100.0, true), 2.0);
        assert_eq!(y_value(0.0, true), LOG_ZERO);
        assert_eq!(y_value(7.0, false), 7.0);
        assert_eq!(y_label(2.0, true), "100");
        assert_eq!(y_label(0.0, true), "1");
        assert_eq!(y_label(0.2, true), "1.6");
        assert_eq!(y_label(LOG_ZERO, true), "0");
        assert_eq!(y_label(-0.9, true), "");
        assert_eq!(y_label(15.0, false), "15");
    }

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

    #[test]
    fn bias_labels_read_as_ratios() {
        assert_eq!(bias_label(0.0), "consensus");
        assert_eq!(bias_label(1.0), "×2 higher");
        assert_eq!(bias_label(-2.0), "×4 lower");
        assert_eq!(bias_label(0.5), "×1.4 higher");
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = chrono::NaiveDate::from_ymd_opt(2015, 6, 25).unwrap();
        assert_eq!(
            day_number(chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0.0
        );
        assert_eq!(date_of(day_number(d)), Some(d));
        assert_eq!(date_label(day_number(d), 1.0), "25 Jun");
        assert_eq!(date_label(day_number(d), 30.0), "Jun 2015");
        assert_eq!(date_label(day_number(d), 365.0), "2015");
    }
}
