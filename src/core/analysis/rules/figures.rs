//! The numeric rules: when two figures disagree (and by how much), when they corroborate
//! each other, and which statement of a claimant revises its earlier one.

use crate::core::analysis::Relation;
use crate::core::analysis::discrepancy::Severity;
use crate::core::analysis::settings::Settings;
use crate::core::model::{Claim, Dataset, Stance};
use crate::core::parse::quantity::{Qualifier, Quantity};

/// How far apart two figures that disagree are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The ratio of the nearest bounds (infinite when one says none).
    pub ratio: f64,
    /// The number of people between the nearest bounds.
    pub people: u32,
    /// Within the tolerance: two exact figures that differ a little ("seven" and "only six").
    pub close: bool,
}

/// Whether a figure is exact as written ("seven", "81"), not approximate or a bound.
fn is_exact(q: Quantity) -> bool {
    q.qualifier == Qualifier::Exact && q.high() == Some(q.low)
}

/// Whether a figure is as precise as its digits: exact, or approximate in words only ("an
/// estimated 171": a count, where "about 170" is an estimate). A figure of 100 or more that
/// gives its units says more than the tolerance would allow it.
fn is_precise(q: Quantity) -> bool {
    if is_exact(q) {
        return true;
    }
    let Some(high) = q.high() else { return false };
    let sum = u64::from(q.low) + u64::from(high);
    let mid = sum / 2;
    q.qualifier == Qualifier::About && sum % 2 == 0 && mid >= 100 && mid % 10 != 0
}

/// A figure as it is claimed against another claimant's: a precise figure is the one number
/// it gives; a ceiling ("up to 180", "as many as 200") is a claim that the toll reaches it,
/// read as its top less the tolerance. Everything else as its interval.
pub fn as_claimed(q: Quantity, settings: &Settings) -> Quantity {
    match q.high() {
        Some(high) if is_precise(q) => {
            Quantity::exact(u32::try_from((u64::from(q.low) + u64::from(high)) / 2).unwrap_or(high))
        }
        Some(high) if q.qualifier == Qualifier::AtMost && high > 0 => {
            let band = (f64::from(high) * settings.tolerance_ratio) as u32;
            Quantity::new(
                high.saturating_sub(band.max(settings.tolerance_min)),
                Some(high),
                Qualifier::AtMost,
            )
        }
        _ => q,
    }
}

/// The gap between two figures when they cannot both be right. Approximate figures, ranges
/// and bounds get the tolerance; two precise figures that differ at all disagree (close ones
/// are marked close).
pub fn numeric_gap(a: Quantity, b: Quantity, settings: &Settings) -> Option<Gap> {
    let (a, b) = (as_claimed(a, settings), as_claimed(b, settings));
    let (lower, upper) = if a.low <= b.low { (a, b) } else { (b, a) };
    let lower_high = lower.high()?;
    if upper.low <= lower_high {
        return None;
    }
    let people = upper.low - lower_high;
    let tolerance =
        (settings.tolerance_ratio * f64::from(upper.low)).max(f64::from(settings.tolerance_min));
    let within = f64::from(people) <= tolerance;
    if within && !(is_precise(a) && is_precise(b)) {
        return None;
    }
    Some(Gap {
        ratio: if lower_high == 0 {
            f64::INFINITY
        } else {
            f64::from(upper.low) / f64::from(lower_high)
        },
        people,
        close: within,
    })
}

/// A floor far below another figure of the same voice ("at least 19" beside 40): both can be
/// true, but one side giving both is giving two figures. `None` unless the ratio reaches the
/// medium severity.
pub fn floor_far_below(a: Quantity, b: Quantity, settings: &Settings) -> Option<Gap> {
    let (floor, other) = match (a.high(), b.high()) {
        (None, _) if b.low >= a.low => (a.low, b.low),
        (_, None) if a.low >= b.low => (b.low, a.low),
        _ => return None,
    };
    let ratio = f64::from(other) / f64::from(floor.max(1));
    (floor > 0 && ratio >= settings.medium_ratio).then_some(Gap {
        ratio,
        people: other - floor,
        close: false,
    })
}

/// Whether two figures that do not disagree also corroborate each other: bounded figures
/// that overlap; a floor and a figure no more than the tolerance above it; two floors equal
/// within the tolerance. Anything else that overlaps is merely consistent.
fn corroborates(a: Quantity, b: Quantity, settings: &Settings) -> bool {
    let within = |floor: u32, x: u32| {
        f64::from(x) <= f64::from(floor) * (1.0 + settings.tolerance_ratio)
            || x.saturating_sub(floor) <= settings.tolerance_min
    };
    match (a.high(), b.high()) {
        (Some(_), Some(_)) => true,
        (None, Some(high)) => within(a.low, high),
        (Some(high), None) => within(b.low, high),
        (None, None) => within(a.low.min(b.low), a.low.max(b.low)),
    }
}

/// The relation of two claims about the same figure (kind, group, event) by two claimants.
/// A figure-less denial ("the ministry denied the reports") contradicts every assertion that
/// something happened; a figure-less assertion contradicts a figure of none.
pub fn compare_figures(a: &Claim, b: &Claim, settings: &Settings) -> (Relation, Option<Gap>) {
    if a.stance == Stance::Denies && b.stance == Stance::Denies {
        // Two denials say what did not happen: they neither confirm nor contradict each other.
        return (Relation::Neither, None);
    }
    let denial = a.stance != b.stance;
    match (a.quantity, b.quantity) {
        (None, None) if denial => (Relation::Contradicts, None),
        (None, None) => (Relation::Neither, None),
        (None, Some(q)) | (Some(q), None) => {
            let figure_less = if a.quantity.is_none() { a } else { b };
            let with_figure = if a.quantity.is_none() { b } else { a };
            let happened = q.high() != Some(0);
            let contradicts = match (figure_less.stance, with_figure.stance) {
                (Stance::Denies, Stance::Asserts) => happened,
                (Stance::Asserts, Stance::Asserts) => !happened,
                _ => false,
            };
            let relation = if contradicts {
                Relation::Contradicts
            } else {
                Relation::Neither
            };
            (relation, None)
        }
        (Some(qa), Some(qb)) => {
            let gap = numeric_gap(qa, qb, settings);
            match (denial, gap) {
                // A denied figure contradicts the assertions it overlaps, corroborates none.
                (true, None) => (Relation::Contradicts, None),
                (true, Some(_)) => (Relation::Neither, None),
                (false, Some(gap)) => (Relation::Contradicts, Some(gap)),
                (false, None) if a.stance == Stance::Denies => (Relation::Neither, None),
                (false, None) if corroborates(qa, qb, settings) => (Relation::Corroborates, None),
                (false, None) => (Relation::Neither, None),
            }
        }
    }
}

/// Whether a claim is worded as a revision of its claimant's earlier figure ("the toll rose
/// to 40", "updated", "revised"): at the same time as another of its statements, it is the
/// newer one.
pub fn is_revision(ds: &Dataset, claim: &Claim) -> bool {
    const WORDS: [&str; 9] = [
        "rose to",
        "risen to",
        "climbed to",
        "increased to",
        "revised",
        "updated",
        "update",
        "new toll",
        "later said",
    ];
    static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| WORDS.iter().map(memchr::memmem::Finder::new).collect());
    // The words are ASCII: lowering ASCII letters finds them as lowering the whole text would.
    let (detail, quote) = (ds.opt_str(claim.detail), ds.quote(claim));
    let mut text = Vec::with_capacity(detail.len() + 1 + quote.len());
    text.extend(detail.bytes().map(|b| b.to_ascii_lowercase()));
    text.push(b' ');
    text.extend(quote.bytes().map(|b| b.to_ascii_lowercase()));
    FINDERS.iter().any(|f| f.find(&text).is_some())
}

/// How severe a disagreement is: by the ratio of the nearest bounds (a close exact
/// difference is low), one step higher when the claimants are on opposing sides.
pub fn severity(gap: Option<Gap>, opposing: bool, settings: &Settings) -> Severity {
    let base = match gap {
        Some(g) if g.close => return Severity::Low,
        Some(g) if g.ratio >= settings.high_ratio => Severity::High,
        Some(g) if g.ratio >= settings.medium_ratio => Severity::Medium,
        Some(_) => Severity::Low,
        None => Severity::Medium,
    };
    if opposing { base.step_up() } else { base }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::quantity::{Qualifier, parse_quantity};

    fn q(text: &str) -> Quantity {
        parse_quantity(text).unwrap()
    }

    fn gap(a: &str, b: &str) -> Option<f64> {
        numeric_gap(q(a), q(b), &Settings::default()).map(|g| g.ratio)
    }

    fn close(a: &str, b: &str) -> bool {
        numeric_gap(q(a), q(b), &Settings::default()).is_some_and(|g| g.close)
    }

    #[test]
    fn approximate_figures_get_the_tolerance_exact_ones_do_not() {
        assert_eq!(gap("about 40", "42"), None);
        assert_eq!(gap("10-15", "12"), None);
        assert_eq!(gap("at least 40", "42"), None);
        // "Seven" against "only six": exact figures that differ at all disagree, closely.
        assert!(gap("seven", "only six").is_some());
        assert!(close("seven", "only six"));
        assert!(close("40", "42"));
        assert!(!close("4", "6"));
        assert!(gap("4", "6").is_some());
        // An approximate word before a count that is not round keeps the count's precision.
        assert!(close("an estimated 171", "168"));
        assert_eq!(gap("about 170", "168"), None);
        assert_eq!(gap("about 13", "12"), None);
        assert_eq!(gap("about 52", "50"), None);
        // A ceiling claims the toll reaches it.
        assert!(gap("up to 180", "35").is_some());
        assert_eq!(gap("as many as 200", "190"), None);
    }

    #[test]
    fn a_floor_far_below_another_figure_of_one_voice() {
        let s = Settings::default();
        let far = |a: &str, b: &str| floor_far_below(q(a), q(b), &s).map(|g| g.people);
        assert_eq!(far("at least 19", "40"), Some(21));
        assert_eq!(far("40", "at least 19"), Some(21));
        assert_eq!(far("at least 19", "22"), None);
        assert_eq!(far("at least 19", "10"), None);
        assert_eq!(far("19", "40"), None);
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
        assert_eq!(gap("0", "3"), Some(f64::INFINITY));
        assert_eq!(gap("none", "0"), None);
        assert!(
            close("0", "1"),
            "one against none is a close exact difference"
        );
    }

    #[test]
    fn corroboration_needs_more_than_overlap() {
        let s = Settings::default();
        // Bounded figures that overlap corroborate.
        assert!(corroborates(q("10-15"), q("12"), &s));
        // A floor and a figure near it corroborate; a figure far above a floor is merely
        // consistent with it ("scores" do not confirm 500).
        assert!(corroborates(q("at least 60"), q("62"), &s));
        assert!(!corroborates(q("at least 60"), q("500"), &s));
        assert!(!corroborates(q("scores"), q("500"), &s));
        // Two floors corroborate when equal within the tolerance.
        assert!(corroborates(q("at least 40"), q("at least 40"), &s));
        assert!(!corroborates(q("at least 40"), q("at least 60"), &s));
    }

    fn gap_of(ratio: f64) -> Option<Gap> {
        Some(Gap {
            ratio,
            people: 1,
            close: false,
        })
    }

    #[test]
    fn severity_steps_up_for_opposing_sides_and_close_figures_stay_low() {
        let s = Settings::default();
        assert_eq!(severity(gap_of(1.2), false, &s), Severity::Low);
        assert_eq!(severity(gap_of(2.0), false, &s), Severity::Medium);
        assert_eq!(severity(gap_of(7.5), false, &s), Severity::High);
        assert_eq!(severity(gap_of(1.2), true, &s), Severity::Medium);
        assert_eq!(severity(gap_of(7.5), true, &s), Severity::High);
        let close = Some(Gap {
            ratio: 1.17,
            people: 1,
            close: true,
        });
        assert_eq!(severity(close, true, &s), Severity::Low);
        assert_eq!(Qualifier::Exact, q("3").qualifier);
    }
}
