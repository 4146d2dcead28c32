//! A question (an event's kind and group) that more claimants speak to than can be compared
//! pair by pair: each claimant's figures are set against the median claim only, and the
//! question is summarised: the middle half of the figures, the claims that contradict the
//! median, and for each claim how many others' ranges meet its own and how many do not,
//! counted with a sweep over the sorted ranges. A question of up to [`PAIRWISE_CLAIMANTS`]
//! claimants is compared pair by pair as before.

use crate::core::analysis::Name;
pub use crate::core::analysis::discrepancy::{QuestionSummary, Sides};
use crate::core::analysis::pairs::{Comparisons, Context};
use crate::core::analysis::rules::figures::as_claimed;
use crate::core::analysis::rules::relate::relate;
use crate::core::model::{ClaimKind, Stance};

pub use crate::core::analysis::settings::PAIRWISE_CLAIMANTS;

/// Sets each of `compared` against the question's median claim and summarises the question.
pub(crate) fn summarise(
    cx: &Context<'_>,
    (kind, group): (ClaimKind, &Name),
    compared: &[u32],
    claimants: usize,
    out: &mut Comparisons,
) -> QuestionSummary {
    let ds = cx.ds;
    let range = |c: u32| {
        let claim = &ds.claims[c as usize];
        let q = as_claimed(claim.quantity?, cx.settings);
        (claim.stance == Stance::Asserts).then_some((q.low, q.high().unwrap_or(u32::MAX)))
    };
    let mut figures: Vec<(u64, u32)> = compared
        .iter()
        .filter_map(|&c| {
            let (low, high) = range(c)?;
            let high = if high == u32::MAX { low } else { high };
            Some(((u64::from(low) + u64::from(high)) / 2, c))
        })
        .collect();
    figures.sort_unstable();
    let median_claim = figures
        .get(figures.len() / 2)
        .map_or(compared[0], |&(_, c)| c);
    let consensus = (kind.is_numeric() && !figures.is_empty()).then(|| {
        let at =
            |p: usize| u32::try_from(figures[(figures.len() - 1) * p / 4].0).unwrap_or(u32::MAX);
        (at(1), at(3))
    });
    let before = out.discrepancies.len();
    for &c in compared.iter().filter(|&&c| c != median_claim) {
        relate(cx, (kind, group), [median_claim, c], out);
    }
    let mut outliers: Vec<u32> = out.discrepancies[before..]
        .iter()
        .flat_map(|d| d.claims)
        .filter(|&c| c != median_claim)
        .collect();
    outliers.sort_unstable();
    outliers.dedup();
    let ranges: Vec<(u32, (u32, u32))> = compared
        .iter()
        .filter_map(|&c| range(c).map(|r| (c, r)))
        .collect();
    QuestionSummary {
        event: cx.event,
        kind,
        group: group.to_string(),
        claimants,
        consensus,
        median_claim,
        outliers,
        sides: sides(&ranges),
    }
}

/// For each range, how many of the others meet it and how many lie apart from it: with the
/// lows and the highs sorted once, the others meeting `[low, high]` are those whose low is at
/// most `high`, less those whose high is below `low`.
pub fn sides(ranges: &[(u32, (u32, u32))]) -> Vec<Sides> {
    let mut lows: Vec<u32> = ranges.iter().map(|(_, (low, _))| *low).collect();
    let mut highs: Vec<u32> = ranges.iter().map(|(_, (_, high))| *high).collect();
    lows.sort_unstable();
    highs.sort_unstable();
    let others = u32::try_from(ranges.len().saturating_sub(1)).unwrap_or(u32::MAX);
    ranges
        .iter()
        .map(|&(claim, (low, high))| {
            let starting = lows.partition_point(|&l| l <= high);
            let ended = highs.partition_point(|&h| h < low);
            // The range meets itself: it is not one of the others.
            let meeting = u32::try_from(starting - ended)
                .unwrap_or(u32::MAX)
                .saturating_sub(1);
            Sides {
                claim,
                meeting,
                apart: others - meeting,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: every pair of ranges compared.
    fn pairwise(ranges: &[(u32, (u32, u32))]) -> Vec<Sides> {
        ranges
            .iter()
            .enumerate()
            .map(|(i, &(claim, (low, high)))| {
                let meeting = ranges
                    .iter()
                    .enumerate()
                    .filter(|&(j, &(_, (l, h)))| j != i && l <= high && h >= low)
                    .count() as u32;
                Sides {
                    claim,
                    meeting,
                    apart: ranges.len() as u32 - 1 - meeting,
                }
            })
            .collect()
    }

    #[test]
    fn the_sweep_counts_the_sides_as_every_pair_does() {
        // Generated ranges: exact figures, ranges, open floors (high = u32::MAX), repeats.
        let mut seed = 7u64;
        let mut next = |n: u32| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) as u32) % n
        };
        for size in [1, 2, 3, 10, 50, 200] {
            let ranges: Vec<(u32, (u32, u32))> = (0..size)
                .map(|c| {
                    let low = next(500);
                    let high = match next(4) {
                        0 => low,
                        1 => u32::MAX,
                        _ => low + next(100),
                    };
                    (c, (low, high))
                })
                .collect();
            assert_eq!(sides(&ranges), pairwise(&ranges), "{size} ranges");
        }
    }
}
