//! The rules: which figures are current, which claims corroborate or contradict which, and the
//! discrepancies between them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::core::analysis::groups::{ALL, group_is_side};
use crate::core::analysis::places::{Gazetteer, PlaceKey};
use crate::core::analysis::settings::Settings;
use crate::core::analysis::{Analysis, ClaimFacts};
use crate::core::model::{Claim, ClaimKind, Dataset, Stance};
use crate::core::parse::quantity::Quantity;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl DiscrepancyKind {
    pub const ALL: [Self; 3] = [Self::Numeric, Self::PartExceedsTotal, Self::Contradiction];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Numeric => "numeric",
            Self::PartExceedsTotal => "part exceeds total",
            Self::Contradiction => "contradiction",
        }
    }
}

impl Severity {
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    fn step_up(self) -> Self {
        match self {
            Self::Low => Self::Medium,
            Self::Medium | Self::High => Self::High,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    Numeric,
    PartExceedsTotal,
    Contradiction,
}

/// Two current claims about the same thing that cannot both be right.
#[derive(Clone, Debug, Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// `denial` or `competing` for contradictions, `denial` for a denied figure.
    pub subtype: Option<&'static str>,
    pub severity: Severity,
    /// Index into the analysis' events.
    pub event: usize,
    pub claim_kind: ClaimKind,
    pub group: String,
    /// The two claims, the earlier-listed claimant first.
    pub claims: [u32; 2],
    /// Ratio of the nearest bounds, for numeric discrepancies.
    pub ratio: Option<f64>,
    pub explanation: String,
}

/// How one claim relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Corroborates,
    Contradicts,
    /// Comparable, but neither (two open floors).
    Neither,
}

/// Compares two figures under the tolerance: `Some(ratio)` when they disagree.
pub fn numeric_gap(a: Quantity, b: Quantity, settings: &Settings) -> Option<f64> {
    let (lower, upper) = if a.low <= b.low { (a, b) } else { (b, a) };
    let lower_high = lower.high?;
    if upper.low <= lower_high {
        return None;
    }
    let gap = f64::from(upper.low - lower_high);
    let tolerance =
        (settings.tolerance_ratio * f64::from(upper.low)).max(f64::from(settings.tolerance_min));
    if gap <= tolerance {
        return None;
    }
    Some(if lower_high == 0 {
        f64::INFINITY
    } else {
        f64::from(upper.low) / f64::from(lower_high)
    })
}

/// The relation of two figures by two different claimants.
pub fn compare_figures(a: &Claim, b: &Claim, settings: &Settings) -> (Relation, Option<f64>) {
    let (Some(qa), Some(qb)) = (a.quantity, b.quantity) else {
        return (Relation::Neither, None);
    };
    let gap = numeric_gap(qa, qb, settings);
    let denial = a.stance == Stance::Denies || b.stance == Stance::Denies;
    match (denial, gap) {
        // A denied figure contradicts the assertions it overlaps and corroborates nothing.
        (true, _) if a.stance == b.stance => (Relation::Neither, None),
        (true, None) => (Relation::Contradicts, None),
        (true, Some(_)) => (Relation::Neither, None),
        (false, Some(ratio)) => (Relation::Contradicts, Some(ratio)),
        (false, None) if qa.high.is_none() && qb.high.is_none() => (Relation::Neither, None),
        (false, None) => (Relation::Corroborates, None),
    }
}

pub fn severity(ratio: Option<f64>, opposing: bool, settings: &Settings) -> Severity {
    let base = match ratio {
        Some(r) if r >= settings.high_ratio => Severity::High,
        Some(r) if r >= settings.medium_ratio => Severity::Medium,
        Some(_) => Severity::Low,
        None => Severity::Medium,
    };
    if opposing { base.step_up() } else { base }
}

/// What the comparison pass produces.
pub struct Comparisons {
    pub discrepancies: Vec<Discrepancy>,
    /// `(claim, other)`: `other` corroborates `claim` (both directions are listed).
    pub corroborations: Vec<(u32, u32)>,
    /// `(claim, other)`: `other` contradicts `claim` (both directions are listed).
    pub contradictions: Vec<(u32, u32)>,
    /// Per claim: it had at least one comparable claim by another claimant.
    pub comparable: Vec<bool>,
}

/// Runs every rule over every event.
pub fn compare(ds: &Dataset, analysis: &Analysis, settings: &Settings) -> Comparisons {
    let n = ds.claims.len();
    let mut out = Comparisons {
        discrepancies: Vec::new(),
        corroborations: Vec::new(),
        contradictions: Vec::new(),
        comparable: vec![false; n],
    };
    for (e, event) in analysis.events.iter().enumerate() {
        // Questions: (kind, group) → current claims.
        let mut questions: BTreeMap<(ClaimKind, &str), Vec<u32>> = BTreeMap::new();
        for &c in &event.claims {
            let facts = &analysis.facts[c as usize];
            let claim = &ds.claims[c as usize];
            if facts.current && claim.kind != ClaimKind::Other {
                questions
                    .entry((claim.kind, facts.group.as_ref()))
                    .or_default()
                    .push(c);
            }
        }
        for ((kind, group), claims) in &questions {
            for (i, &a) in claims.iter().enumerate() {
                for &b in &claims[i + 1..] {
                    relate(ds, analysis, settings, e, (*kind, group), [a, b], &mut out);
                }
            }
        }
        parts_and_totals(ds, analysis, settings, e, &questions, &mut out);
    }
    out
}

fn relate(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    event: usize,
    (kind, group): (ClaimKind, &str),
    [a, b]: [u32; 2],
    out: &mut Comparisons,
) {
    let (fa, fb) = (&analysis.facts[a as usize], &analysis.facts[b as usize]);
    if fa.claimant == fb.claimant {
        return;
    }
    let (ca, cb) = (&ds.claims[a as usize], &ds.claims[b as usize]);
    let same_side = fa.side.is_some() && fa.side == fb.side;
    let opposing = fa.side.is_some() && fb.side.is_some() && fa.side != fb.side;
    let (relation, ratio, subtype) = if kind.is_numeric() {
        let (relation, ratio) = compare_figures(ca, cb, settings);
        let subtype = (ca.stance != cb.stance).then_some("denial");
        (relation, ratio, subtype)
    } else if same_side {
        // One voice: a side does not contradict itself.
        (Relation::Corroborates, None, None)
    } else {
        let (relation, subtype) = compare_propositions(ds, kind, ca, cb);
        (relation, None, subtype)
    };
    out.comparable[a as usize] = true;
    out.comparable[b as usize] = true;
    match relation {
        Relation::Corroborates => {
            out.corroborations.extend([(a, b), (b, a)]);
        }
        Relation::Contradicts => {
            out.contradictions.extend([(a, b), (b, a)]);
            let kind_of = if kind.is_numeric() {
                DiscrepancyKind::Numeric
            } else {
                DiscrepancyKind::Contradiction
            };
            out.discrepancies.push(Discrepancy {
                kind: kind_of,
                subtype,
                severity: severity(ratio, opposing, settings),
                event,
                claim_kind: kind,
                group: group.to_owned(),
                claims: [a, b],
                ratio,
                explanation: explain(ds, analysis, a, b, ratio),
            });
        }
        Relation::Neither => {}
    }
}

/// Assertion against denial; or two assertions of where an attack came from, or who did it,
/// that name different places or actors (unless one place contains the other).
fn compare_propositions(
    ds: &Dataset,
    kind: ClaimKind,
    a: &Claim,
    b: &Claim,
) -> (Relation, Option<&'static str>) {
    if a.stance != b.stance {
        return (Relation::Contradicts, Some("denial"));
    }
    if a.stance == Stance::Denies || kind == ClaimKind::Control {
        return (Relation::Corroborates, None);
    }
    let (da, db) = (ds.opt_str(a.detail), ds.opt_str(b.detail));
    let gazetteer = Gazetteer::builtin();
    let place = |text: &str| -> Option<PlaceKey> {
        let r = gazetteer.resolve(text, &HashMap::new());
        matches!(r.key, PlaceKey::Known(_)).then_some(r.key)
    };
    if kind == ClaimKind::Origin
        && let (Some(pa), Some(pb)) = (place(da), place(db))
    {
        let agree = gazetteer.contains(&pa, &pb) || gazetteer.contains(&pb, &pa);
        return if agree {
            (Relation::Corroborates, None)
        } else {
            (Relation::Contradicts, Some("competing"))
        };
    }
    let actor = crate::core::analysis::groups::party_named;
    if kind == ClaimKind::Responsibility
        && let (Some(x), Some(y)) = (actor(da), actor(db))
    {
        return if x == y {
            (Relation::Corroborates, None)
        } else {
            (Relation::Contradicts, Some("competing"))
        };
    }
    (Relation::Neither, None)
}

/// `part_exceeds_total`: a part's floor above another claimant's ceiling for everyone.
fn parts_and_totals(
    ds: &Dataset,
    analysis: &Analysis,
    settings: &Settings,
    event: usize,
    questions: &BTreeMap<(ClaimKind, &str), Vec<u32>>,
    out: &mut Comparisons,
) {
    for ((kind, group), totals) in questions.range((ClaimKind::Killed, "")..) {
        if *group != ALL || !kind.is_numeric() {
            continue;
        }
        let parts = questions
            .iter()
            .filter(|((k, g), _)| k == kind && *g != ALL)
            .flat_map(|(_, claims)| claims.iter().copied());
        for part in parts {
            for &total in totals {
                let (fp, ft) = (
                    &analysis.facts[part as usize],
                    &analysis.facts[total as usize],
                );
                let (cp, ct) = (&ds.claims[part as usize], &ds.claims[total as usize]);
                let (Some(qp), Some(qt)) = (cp.quantity, ct.quantity) else {
                    continue;
                };
                let Some(total_high) = qt.high else { continue };
                if fp.claimant == ft.claimant
                    || cp.stance == Stance::Denies
                    || ct.stance == Stance::Denies
                    || qp.low <= total_high
                {
                    continue;
                }
                out.contradictions.extend([(part, total), (total, part)]);
                out.comparable[part as usize] = true;
                out.comparable[total as usize] = true;
                let ratio = Some(f64::from(qp.low) / f64::from(total_high.max(1)));
                let opposing = fp.side.is_some() && ft.side.is_some() && fp.side != ft.side;
                out.discrepancies.push(Discrepancy {
                    kind: DiscrepancyKind::PartExceedsTotal,
                    subtype: None,
                    severity: severity(ratio, opposing, settings),
                    event,
                    claim_kind: *kind,
                    group: fp.group.to_string(),
                    claims: [part, total],
                    ratio,
                    explanation: format!(
                        "{} — a part larger than another claimant's total.",
                        explain(ds, analysis, part, total, None).trim_end_matches('.')
                    ),
                });
            }
        }
    }
}

/// One sentence a journalist could paste.
pub fn explain(ds: &Dataset, analysis: &Analysis, a: u32, b: u32, ratio: Option<f64>) -> String {
    let say = |c: u32| -> String {
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        let who = voice_label(facts);
        let what = match (claim.kind.is_numeric(), claim.quantity) {
            (true, Some(q)) => {
                let verb = if claim.stance == Stance::Denies {
                    "denies that"
                } else {
                    "says"
                };
                format!(
                    "{verb} {} {} were {}",
                    figure(claim, q, ds),
                    facts.group,
                    participle(claim.kind)
                )
            }
            _ => {
                let verb = if claim.stance == Stance::Denies {
                    "denies"
                } else {
                    "says"
                };
                let detail = ds.opt_str(claim.detail);
                let detail = if detail.is_empty() {
                    claim.kind.as_str()
                } else {
                    detail
                };
                format!("{verb} {detail} ({})", claim.kind.as_str())
            }
        };
        format!("{} ({who}) {what}", facts.claimant)
    };
    let claim = &ds.claims[a as usize];
    let place = ds.opt_str(claim.location);
    let date = claim.event_start.format("%-d %b %Y");
    let apart = match ratio {
        Some(r) if r.is_finite() => format!(": {r:.1}× apart"),
        Some(_) => ": one says none".to_owned(),
        None => String::new(),
    };
    format!("{} in {place} on {date}; {}{apart}.", say(a), say(b))
}

fn figure(claim: &Claim, q: Quantity, ds: &Dataset) -> String {
    match claim.quantity_text {
        Some(text) => ds.str(text).to_owned(),
        None => match q.high {
            Some(h) if h == q.low => h.to_string(),
            Some(h) => format!("{}–{h}", q.low),
            None => format!("at least {}", q.low),
        },
    }
}

fn participle(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Killed => "killed",
        ClaimKind::Injured => "injured",
        ClaimKind::Captured => "captured",
        ClaimKind::Missing => "missing",
        ClaimKind::Displaced => "displaced",
        _ => "involved",
    }
}

fn voice_label(facts: &ClaimFacts) -> String {
    let kind = facts.source_type.as_str().replace('_', " ");
    match &facts.side {
        Some(side) => format!("{kind}, {side} side"),
        None => kind,
    }
}

/// Whether a claimant of this type and side is speaking of its own or its adversary's losses.
pub fn interested(facts: &ClaimFacts, kind: ClaimKind) -> Option<&'static str> {
    use crate::core::model::SourceType;
    let side = facts.side.as_deref()?;
    if !kind.is_numeric()
        || !matches!(
            facts.source_type,
            SourceType::Combatant | SourceType::StateMedia | SourceType::Government
        )
        || &*facts.group == ALL
        || &*facts.group == crate::core::analysis::groups::CIVILIANS
    {
        return None;
    }
    Some(if group_is_side(&facts.group, side) {
        "own losses"
    } else {
        "adversary's losses"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::quantity::{Qualifier, parse_quantity};

    fn q(text: &str) -> Quantity {
        parse_quantity(text).unwrap()
    }

    fn gap(a: &str, b: &str) -> Option<f64> {
        numeric_gap(q(a), q(b), &Settings::default())
    }

    #[test]
    fn tolerance_is_ten_percent_or_one() {
        assert_eq!(gap("40", "42"), None);
        assert!(gap("4", "6").is_some());
        assert_eq!(gap("5", "6"), None);
        assert_eq!(gap("10-15", "12"), None);
    }

    #[test]
    fn open_floors_and_floors_against_figures() {
        assert_eq!(gap("at least 13", "at least 200"), None);
        // A floor contradicts a bounded figure below it, not one above it.
        assert!(gap("at least 30", "4").is_some());
        assert_eq!(gap("at least 30", "45"), None);
        let ratio = gap("at least 30", "4").unwrap();
        assert!((ratio - 7.5).abs() < 1e-9);
    }

    #[test]
    fn zero_counts_compare() {
        assert_eq!(gap("0", "1"), None, "within the minimum tolerance of one");
        assert_eq!(gap("0", "3"), Some(f64::INFINITY));
        assert_eq!(gap("none", "0"), None);
    }

    #[test]
    fn severity_steps_up_for_opposing_sides() {
        let s = Settings::default();
        assert_eq!(severity(Some(1.2), false, &s), Severity::Low);
        assert_eq!(severity(Some(2.0), false, &s), Severity::Medium);
        assert_eq!(severity(Some(7.5), false, &s), Severity::High);
        assert_eq!(severity(Some(1.2), true, &s), Severity::Medium);
        assert_eq!(severity(Some(7.5), true, &s), Severity::High);
        assert_eq!(Qualifier::Exact, q("3").qualifier);
    }
}
