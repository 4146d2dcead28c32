//! What a statement says about the attack itself, whatever nouns it uses: whether it hit or
//! failed ("the target was hit accurately" against "the boat attack was foiled"), whether what
//! it struck was a military or a civilian site ("drone and missile storage" against "the
//! jail"), and whether it happened at all ("the reports were invented").

use crate::core::analysis::places::fold_words;
use crate::core::model::Stance;

/// Whether an attack reached its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strike {
    Hit,
    Failed,
}

/// What a struck site was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Military,
    Civilian,
}

/// Words (as folded) that say an attack reached its target.
const HIT: [&str; 6] = [
    "hit",
    "struck",
    "destroyed",
    "damaged",
    "accurately",
    "successful",
];

/// Words that say it did not.
const FAILED: [&str; 8] = [
    "foiled",
    "thwarted",
    "intercepted",
    "downed",
    "failed",
    "missed",
    "aborted",
    "repelled",
];

/// Words that make a site military.
const MILITARY: [&str; 20] = [
    "military",
    "militants",
    "militant",
    "fighters",
    "terrorists",
    "terrorist",
    "weapons",
    "arms",
    "ammunition",
    "depot",
    "storage",
    "missile",
    "missiles",
    "launchers",
    "command",
    "headquarters",
    "barracks",
    "operatives",
    "commanders",
    "base",
];

/// Words that make a site civilian.
const CIVILIAN: [&str; 22] = [
    "civilians",
    "civilian",
    "prison",
    "jail",
    "detention",
    "detainees",
    "prisoners",
    "school",
    "hospital",
    "clinic",
    "market",
    "tents",
    "tent",
    "displaced",
    "homes",
    "houses",
    "residential",
    "wedding",
    "mosque",
    "church",
    "shelter",
    "humanitarian",
];

/// Words that deny an attack happened at all.
const FABRICATED: [&str; 9] = [
    "invented",
    "fabricated",
    "fabrication",
    "fake",
    "staged",
    "hoax",
    "never happened",
    "did not happen",
    "made up",
];

/// Words that negate the word after them ("no civilians were present").
const NEGATIONS: [&str; 4] = ["no", "not", "without", "never"];

/// The words of a statement that are not negated, folded.
fn affirmed(text: &str) -> Vec<String> {
    let words = fold_words(text);
    words
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            i.checked_sub(1)
                .and_then(|b| words.get(b))
                .is_none_or(|w| !NEGATIONS.contains(&w.as_str()))
        })
        .map(|(_, w)| w.clone())
        .collect()
}

/// Whether the statement says the attack hit or failed. A failure word wins; a hit denied
/// ("denies the target was hit") is a failure.
pub fn strike(text: &str, stance: Stance) -> Option<Strike> {
    let words = fold_words(text);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&FAILED) || (has(&HIT) && stance == Stance::Denies) {
        Some(Strike::Failed)
    } else if has(&HIT) {
        Some(Strike::Hit)
    } else {
        None
    }
}

/// What the statement says the site was, when it says one thing only.
pub fn target(text: &str, stance: Stance) -> Option<Target> {
    if stance == Stance::Denies {
        return None;
    }
    let words = affirmed(text);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    match (has(&MILITARY), has(&CIVILIAN)) {
        (true, false) => Some(Target::Military),
        (false, true) => Some(Target::Civilian),
        _ => None,
    }
}

/// Whether the statement says the attack (or the reports of it) never happened.
pub fn denies_it_happened(text: &str) -> bool {
    let lower = text.to_lowercase();
    FABRICATED.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_against_a_foiled_attack() {
        assert_eq!(
            strike("rebels hit a military target", Stance::Asserts),
            Some(Strike::Hit)
        );
        assert_eq!(
            strike("explosives-laden boat attack was foiled", Stance::Denies),
            Some(Strike::Failed)
        );
        assert_eq!(
            strike("the target was hit", Stance::Denies),
            Some(Strike::Failed)
        );
        assert_eq!(strike("toll may rise", Stance::Asserts), None);
    }

    #[test]
    fn military_and_civilian_sites() {
        assert_eq!(
            target(
                "target was Houthi military sites and a drone and missile storage facility",
                Stance::Asserts
            ),
            Some(Target::Military)
        );
        assert_eq!(
            target("the strikes targeted the jail", Stance::Asserts),
            Some(Target::Civilian)
        );
        // A negated word says nothing of the site.
        assert_eq!(
            target(
                "only Hamas terrorists, no civilians, present in the compound",
                Stance::Asserts
            ),
            Some(Target::Military)
        );
        assert_eq!(
            target("a command centre inside a school", Stance::Asserts),
            None
        );
    }

    #[test]
    fn reports_called_invented() {
        assert!(denies_it_happened(
            "reports of the school attack were invented"
        ));
        assert!(!denies_it_happened("denies carrying out an air attack"));
    }
}
