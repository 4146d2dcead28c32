//! Each claim's credibility: the Admiralty information grade (1 confirmed … 6 cannot be
//! judged) from how many other sides corroborate and contradict it.

use rayon::prelude::*;

use crate::core::analysis::{Analysis, Name, NameId};
use crate::core::model::Dataset;

/// A claimant's voice: its side, or itself when it has none.
fn voice(analysis: &Analysis, c: u32) -> &Name {
    let facts = &analysis.facts[c as usize];
    facts.side.as_ref().unwrap_or(&facts.claimant)
}

/// How many distinct voices `claims` have, not counting `own`. Names are told apart by their
/// numbers; `ids` is scratch space, reused between calls.
fn voices(analysis: &Analysis, claims: &[u32], own: &Name, ids: &mut Vec<NameId>) -> usize {
    let own = own.id();
    ids.clear();
    ids.extend(
        claims
            .iter()
            .map(|&c| voice(analysis, c).id())
            .filter(|&v| v != own),
    );
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Grades every claim from the sides that corroborate (S) and contradict (C) it.
pub fn grade_claims(ds: &Dataset, analysis: &mut Analysis) {
    let grades: Vec<(u8, (u16, u16))> = (0..ds.claims.len())
        .into_par_iter()
        .map_init(Vec::new, |ids, i| {
            let c = u32::try_from(i).unwrap_or(u32::MAX);
            let facts = &analysis.facts[i];
            let own = voice(analysis, c);
            let s = voices(analysis, analysis.corroborated_by(c), own, ids);
            let k = voices(analysis, analysis.contradicted_by(c), own, ids);
            let sides = (
                u16::try_from(s).unwrap_or(u16::MAX),
                u16::try_from(k).unwrap_or(u16::MAX),
            );
            (grade(facts.current, facts.comparable, s, k), sides)
        })
        .collect();
    for (facts, (grade, sides)) in analysis.facts.iter_mut().zip(grades) {
        facts.credibility = grade;
        facts.sides = sides;
    }
}

/// The reason for a claim's grade, in words.
pub fn reason(facts: &crate::core::analysis::ClaimFacts) -> String {
    let (s, c) = facts.sides;
    grade_reason(
        facts.current,
        facts.comparable,
        usize::from(s),
        usize::from(c),
    )
}

/// The Admiralty information grade (1 confirmed … 6 cannot be judged) of a claim that is
/// current or superseded, comparable or not, corroborated by `s` sides and contradicted by
/// `c`.
pub fn grade(current: bool, comparable: bool, s: usize, c: usize) -> u8 {
    if !current {
        return 6;
    }
    match (comparable, s, c) {
        (false, _, _) | (true, 0, 0) => 6,
        (_, s, 0) if s >= 2 => 1,
        (_, 1, 0) => 2,
        (_, 0, c) if c >= 2 => 5,
        (_, s, c) if s < c => 4,
        _ => 3,
    }
}

/// [`grade`]'s reason, in words.
pub fn grade_reason(current: bool, comparable: bool, s: usize, c: usize) -> String {
    let sides = |n: usize| {
        if n == 1 {
            "1 side".to_owned()
        } else {
            format!("{n} sides")
        }
    };
    match grade(current, comparable, s, c) {
        6 if !current => "superseded by the same claimant's later figure".to_owned(),
        6 => "nothing comparable: cannot be judged".to_owned(),
        1 => format!("confirmed by {} and contradicted by none", sides(s)),
        2 => "corroborated by 1 other side, contradicted by none".to_owned(),
        5 => format!("contradicted by {} and corroborated by none", sides(c)),
        4 => format!("contradicted by {}, corroborated by {}", sides(c), sides(s)),
        _ => format!("corroborated by {}, contradicted by {}", sides(s), sides(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_follows_the_admiralty_order() {
        assert_eq!(grade(true, false, 0, 0), 6);
        assert_eq!(grade(true, true, 2, 0), 1);
        assert_eq!(grade(true, true, 1, 0), 2);
        assert_eq!(grade(true, true, 0, 2), 5);
        assert_eq!(grade(true, true, 1, 2), 4);
        assert_eq!(grade(true, true, 0, 1), 4);
        assert_eq!(grade(true, true, 2, 1), 3);
        assert_eq!(grade(true, true, 1, 1), 3);
        assert_eq!(grade(false, true, 3, 0), 6);
        assert_eq!(
            grade_reason(true, true, 1, 2),
            "contradicted by 2 sides, corroborated by 1 side"
        );
        assert_eq!(
            grade_reason(false, true, 3, 0),
            "superseded by the same claimant's later figure"
        );
        assert_eq!(
            grade_reason(true, false, 2, 0),
            "nothing comparable: cannot be judged"
        );
    }
}
