//! Statements without figures: who controls a place, where an attack came from, who did it,
//! and other statements. Each is read as an actor and an outcome, so that two claims are
//! compared on what they say, whatever nouns they use.

use std::collections::HashMap;

use crate::core::analysis::discrepancy::Subtype;
use crate::core::analysis::groups::{GOVERNMENT_FORCES, party_named};
use crate::core::analysis::places::{Gazetteer, PlaceKey, fold_words};
use crate::core::analysis::rules::attacks::{Strike, Target, strike, target};
use crate::core::analysis::{ClaimFacts, Relation};
use crate::core::model::{Claim, ClaimKind, Dataset, Stance};

/// What a control statement says happened to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The actor took or holds the place (took, seized, captured, liberated, holds, controls,
    /// repelled an assault on it).
    Holds,
    /// The place is fought over: the actor holds part of it, is besieged, the assault goes on.
    Contested,
    /// The actor lost the place or withdrew from it.
    Lost,
}

/// Words that say an outcome, checked in this order: the first table that matches wins, so
/// "holds only part of the town" is contested, not held.
const OUTCOMES: [(Outcome, &[&str]); 3] = [
    (
        Outcome::Contested,
        &[
            "only part",
            "parts of",
            "partial",
            "fighting continu",
            "clashes continu",
            "under way",
            "ongoing",
            "besieg",
            "under siege",
            "cut off",
            "encircl",
            "contested",
            "not fully",
        ],
    ),
    (
        Outcome::Lost,
        &[
            "withdrew",
            "withdrawn",
            "withdraw",
            "retreat",
            "pulled back",
            "pulled out",
            "lost",
            "driven out",
            "expelled",
            "pushed back",
        ],
    ),
    (
        Outcome::Holds,
        &[
            "seized",
            "captured",
            "took",
            "taken",
            "retook",
            "recaptured",
            "regained",
            "liberated",
            "entered",
            "overran",
            "stormed",
            "advanced",
            "control",
            "hold",
            "in their hands",
            "repelled",
            "repulsed",
            "foiled",
            "thwarted",
            "aborted",
            "overpowered",
        ],
    ),
];

/// The outcome a control statement's words say, if any.
pub fn outcome(detail: &str) -> Option<Outcome> {
    let text = detail.to_lowercase();
    let found = OUTCOMES
        .iter()
        .find(|(_, words)| words.iter().any(|w| text.contains(w)))
        .map(|(o, _)| *o)?;
    // "Forced the others to retreat": the actor holds; the retreat is the other side's ("was
    // forced to withdraw" is the actor's own loss).
    let forced = [
        "forced the",
        "drove the",
        "pushed the",
        "forced them",
        "drove them",
    ]
    .iter()
    .any(|w| text.contains(w));
    Some(if found == Outcome::Lost && forced {
        Outcome::Holds
    } else {
        found
    })
}

/// A word as a statement's words are compared: lower case, folded, without a plural `s`.
fn stem(word: &str) -> String {
    word.trim_end_matches('s').to_owned()
}

/// The sides speaking in an event, each with the words of its name that identify it, worked
/// out once for all the event's statements.
pub struct SideNames<'a> {
    names: Vec<&'a str>,
    words: Vec<Vec<String>>,
}

impl<'a> SideNames<'a> {
    pub fn new(names: &[&'a str]) -> Self {
        let words = names
            .iter()
            .map(|side| {
                fold_words(side)
                    .iter()
                    .map(|w| stem(w))
                    .filter(|w| w.len() > 2 && !GENERIC.contains(&w.as_str()))
                    .collect()
            })
            .collect();
        Self {
            names: names.to_vec(),
            words,
        }
    }
}

/// The actor a statement names: the side (of those speaking in the event) or well-known party
/// its words name first; "the army", "the military", "government troops" name the
/// government's forces.
pub fn named_actor(detail: &str, sides: &SideNames<'_>) -> Option<String> {
    let words: Vec<String> = fold_words(detail).iter().map(|w| stem(w)).collect();
    let mut best: Option<(usize, String)> = None;
    let mut consider = |at: Option<usize>, name: String| {
        if let Some(at) = at
            && best.as_ref().is_none_or(|(b, _)| at < *b)
        {
            best = Some((at, name));
        }
    };
    for (side, side_words) in sides.names.iter().zip(&sides.words) {
        let at = words.iter().position(|w| side_words.contains(w));
        consider(at, (*side).to_owned());
    }
    // "Armed forces" name a state's; "armed men", "anti-government rebels" and "the
    // government's armed opponents" do not.
    let government = words.iter().enumerate().position(|(i, w)| {
        let before = i
            .checked_sub(1)
            .and_then(|b| words.get(b))
            .map(String::as_str);
        let after = words.get(i + 1).map(String::as_str);
        let opposed = matches!(before, Some("anti" | "pro"))
            || words
                .iter()
                .skip(i + 1)
                .take(3)
                .any(|w| OPPONENT_WORDS.contains(&w.as_str()));
        (GOVERNMENT_WORDS.contains(&w.as_str()) && !opposed)
            || (w == "armed" && after.is_some_and(|a| a.starts_with("force")))
    });
    consider(government, GOVERNMENT_FORCES.to_owned());
    // Aircraft a side does not name are a state's: armed groups fly drones, not helicopters.
    let aircraft = words
        .iter()
        .position(|w| AIRCRAFT_WORDS.contains(&w.as_str()));
    consider(aircraft, GOVERNMENT_FORCES.to_owned());
    // Insurgents, rebels and the state's opponents that no side's name identifies.
    let opposition = words.iter().position(|w| {
        OPPONENT_WORDS.contains(&w.as_str()) || INSURGENT_WORDS.contains(&w.as_str())
    });
    consider(opposition, ARMED_OPPOSITION.to_owned());
    // "IS" in capitals names the group (in running text "is" is a verb).
    if detail
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "IS")
    {
        let at = words.iter().position(|w| w == "i" || w == "is");
        consider(at, "IS".to_owned());
    }
    let opposed = detail.to_lowercase().contains("anti-") || detail.to_lowercase().contains("pro-");
    best.map(|(_, name)| name).or_else(|| {
        (!opposed)
            .then(|| party_named(detail))
            .flatten()
            .map(str::to_owned)
    })
}

/// The actor of a statement: the one it names, else the claimant's own side ("we repelled
/// the assault").
pub fn actor(detail: &str, sides: &SideNames<'_>, own_side: Option<&str>) -> Option<String> {
    named_actor(detail, sides).or_else(|| own_side.map(str::to_owned))
}

/// Words (stemmed) that name a state's forces whoever the state is.
const GOVERNMENT_WORDS: [&str; 6] = [
    "army",
    "military",
    "government",
    "regime",
    "troop",
    "soldier",
];

/// Words (stemmed) that name the state's armed opponents after a word for the state.
const OPPONENT_WORDS: [&str; 4] = ["opponent", "opposition", "enemie", "enemy"];

/// Words (stemmed) for armed groups fighting a state, whoever they are.
const INSURGENT_WORDS: [&str; 7] = [
    "insurgent",
    "rebel",
    "militant",
    "jihadist",
    "gunmen",
    "attacker",
    "bandit",
];

/// Words (stemmed) for military aircraft.
const AIRCRAFT_WORDS: [&str; 5] = ["helicopter", "warplane", "jet", "bomber", "gunship"];

/// The actor named by words for a state's armed opponents.
pub const ARMED_OPPOSITION: &str = "armed opposition";

/// Words too common in names of sides to identify one.
const GENERIC: [&str; 12] = [
    "government",
    "force",
    "forces",
    "state",
    "national",
    "led",
    "the",
    "and",
    "army",
    "military",
    "front",
    "group",
];

/// What a statement says, read once per claim: its outcome and actor (control), the actor it
/// names (responsibility), the place it names (origin), the words it is about (other).
#[derive(Clone, Debug, Default)]
pub struct Reading {
    pub stance: Stance,
    /// An origin claim (its place is where the attack came from, not its target).
    is_origin: bool,
    outcome: Option<Outcome>,
    actor: Option<String>,
    named: Option<String>,
    origin: Option<PlaceKey>,
    subject: Vec<String>,
    /// Whether the attack hit or failed, and what it struck ("other" statements).
    strike: Option<Strike>,
    target: Option<Target>,
}

/// Reads a statement of kind `kind` with the sides speaking in its event.
pub fn read(ds: &Dataset, claim: &Claim, facts: &ClaimFacts, sides: &SideNames<'_>) -> Reading {
    let detail = ds.opt_str(claim.detail);
    let mut reading = Reading {
        stance: claim.stance,
        is_origin: claim.kind == ClaimKind::Origin,
        ..Reading::default()
    };
    match claim.kind {
        ClaimKind::Control => {
            reading.outcome = outcome(detail);
            reading.actor = actor(detail, sides, facts.side.as_deref());
        }
        ClaimKind::Responsibility | ClaimKind::Origin => {
            let gazetteer = Gazetteer::builtin();
            let r = gazetteer.resolve(detail, &HashMap::new());
            reading.origin = matches!(r.key, PlaceKey::Known(_)).then_some(r.key);
            // Where an attack came from is a place when it names one, else who launched it.
            if claim.kind == ClaimKind::Responsibility || reading.origin.is_none() {
                reading.named = named_actor(detail, sides);
            }
        }
        ClaimKind::Killed
        | ClaimKind::Injured
        | ClaimKind::Captured
        | ClaimKind::Missing
        | ClaimKind::Displaced
        | ClaimKind::Other => {
            reading.subject = subject_words(detail);
            reading.strike = strike(detail, claim.stance);
            reading.target = target(detail, claim.stance);
        }
    }
    reading
}

/// Statement against statement: a denial of what the other asserts; two assertions of who
/// holds a place that cannot both be true; two assertions of where an attack came from, or
/// who did it, that differ; two "other" statements about the same thing, one denied.
pub fn compare_propositions(kind: ClaimKind, [a, b]: [&Reading; 2]) -> (Relation, Option<Subtype>) {
    if kind == ClaimKind::Other {
        return compare_other(a, b);
    }
    if a.stance != b.stance {
        return (Relation::Contradicts, Some(Subtype::Denial));
    }
    if a.stance == Stance::Denies {
        return (Relation::Corroborates, None);
    }
    match kind {
        ClaimKind::Control => compare_control(a, b),
        // Origin and responsibility are one question: where the attack came from and who
        // launched it, whatever noun names the attack.
        ClaimKind::Origin | ClaimKind::Responsibility => match (&a.named, &b.named) {
            // Two origins compare their places; a responsibility's place is its target.
            _ if a.is_origin && b.is_origin && a.origin.is_some() && b.origin.is_some() => {
                compare_origins(a.origin.as_ref(), b.origin.as_ref())
            }
            (Some(x), Some(y)) if x == y => (Relation::Corroborates, None),
            (Some(_), Some(_)) => (Relation::Contradicts, Some(Subtype::Competing)),
            _ => (Relation::Neither, None),
        },
        ClaimKind::Killed
        | ClaimKind::Injured
        | ClaimKind::Captured
        | ClaimKind::Missing
        | ClaimKind::Displaced
        | ClaimKind::Other => (Relation::Neither, None),
    }
}

/// Two "other" statements: an attack said to have hit against one said to have failed; a
/// military site against a civilian one; one denying what the other says of the same thing.
fn compare_other(a: &Reading, b: &Reading) -> (Relation, Option<Subtype>) {
    fn differ<T: PartialEq + Copy>(x: Option<T>, y: Option<T>) -> bool {
        x.is_some() && y.is_some() && x != y
    }
    if differ(a.strike, b.strike) {
        return (Relation::Contradicts, Some(Subtype::Competing));
    }
    if differ(a.target, b.target) {
        return (Relation::Contradicts, Some(Subtype::Target));
    }
    let about_the_same = a.subject.iter().any(|w| b.subject.contains(w));
    if a.stance != b.stance && about_the_same {
        (Relation::Contradicts, Some(Subtype::Denial))
    } else {
        (Relation::Neither, None)
    }
}

/// Who holds a place: one actor holding it against another holding it, against fighting that
/// goes on, or against the same actor losing it, cannot both be true.
fn compare_control(a: &Reading, b: &Reading) -> (Relation, Option<Subtype>) {
    let (Some(oa), Some(ob), Some(xa), Some(xb)) = (a.outcome, b.outcome, &a.actor, &b.actor)
    else {
        return (Relation::Neither, None);
    };
    let same_actor = xa == xb;
    let contradicts = match (oa, ob) {
        (Outcome::Holds, Outcome::Holds) => !same_actor,
        (Outcome::Holds, Outcome::Contested) | (Outcome::Contested, Outcome::Holds) => true,
        (Outcome::Holds, Outcome::Lost) | (Outcome::Lost, Outcome::Holds) => same_actor,
        _ => false,
    };
    if contradicts {
        (Relation::Contradicts, Some(Subtype::Competing))
    } else if same_actor && oa == ob {
        (Relation::Corroborates, None)
    } else {
        (Relation::Neither, None)
    }
}

/// Two origins contradict when they name different known places, neither inside the other.
fn compare_origins(pa: Option<&PlaceKey>, pb: Option<&PlaceKey>) -> (Relation, Option<Subtype>) {
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return (Relation::Neither, None);
    };
    let gazetteer = Gazetteer::builtin();
    if gazetteer.contains(pa, pb) || gazetteer.contains(pb, pa) {
        (Relation::Corroborates, None)
    } else {
        (Relation::Contradicts, Some(Subtype::Competing))
    }
}

/// Words that say nothing of what a statement is about.
const STOP: [&str; 24] = [
    "that", "this", "with", "from", "were", "was", "have", "had", "been", "their", "they", "there",
    "denies", "denied", "deny", "says", "said", "claims", "claimed", "reports", "report", "about",
    "into", "near",
];

/// The words a statement is about (four letters or more, without a plural s).
fn subject_words(text: &str) -> Vec<String> {
    fold_words(text)
        .into_iter()
        .map(|w| w.trim_end_matches('s').to_owned())
        .filter(|w| w.chars().count() >= 4 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Whether two statements share a word of what they are about.
#[cfg(test)]
fn share_subject(a: &str, b: &str) -> bool {
    let (wa, wb) = (subject_words(a), subject_words(b));
    wa.iter().any(|w| wb.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_outcomes_are_read_from_their_verbs() {
        assert_eq!(outcome("Wagner seized Soledar"), Some(Outcome::Holds));
        assert_eq!(
            outcome("government forces hold only part of the town"),
            Some(Outcome::Contested)
        );
        assert_eq!(
            outcome("the army repelled the assault"),
            Some(Outcome::Holds)
        );
        assert_eq!(
            outcome("the fighters withdrew from the town"),
            Some(Outcome::Lost)
        );
        assert_eq!(
            outcome("the operation forced the rebels to retreat"),
            Some(Outcome::Holds)
        );
        assert_eq!(outcome("a statement on the situation"), None);
        assert_eq!(
            outcome("the army was forced to withdraw"),
            Some(Outcome::Lost)
        );
        assert_eq!(
            outcome("the army took the town as residents fled"),
            Some(Outcome::Holds)
        );
    }

    #[test]
    fn the_actor_is_the_side_named_first() {
        let sides = SideNames::new(&["Houthis", "Saudi-led coalition"]);
        assert_eq!(
            actor("Saudi-led coalition air raids", &sides, Some("Houthis")).as_deref(),
            Some("Saudi-led coalition")
        );
        assert_eq!(
            actor("Houthi rebels", &sides, Some("Saudi-led coalition")).as_deref(),
            Some("Houthis")
        );
        assert_eq!(
            actor("the situation is calm", &sides, Some("Houthis")).as_deref(),
            Some("Houthis")
        );
        assert_eq!(
            named_actor("Armed men stormed the village", &SideNames::new(&[])),
            None
        );
        assert_eq!(
            named_actor(
                "the armed forces carried out the strike",
                &SideNames::new(&[])
            )
            .as_deref(),
            Some(GOVERNMENT_FORCES)
        );
        assert_eq!(
            named_actor("anti-government rebels took the town", &SideNames::new(&[])).as_deref(),
            Some(ARMED_OPPOSITION)
        );
        assert_eq!(
            named_actor("the government's armed opponents", &SideNames::new(&[])).as_deref(),
            Some(ARMED_OPPOSITION)
        );
        assert_eq!(
            named_actor(
                "insurgents overpowered the security personnel",
                &SideNames::new(&[])
            )
            .as_deref(),
            Some(ARMED_OPPOSITION)
        );
        assert_eq!(
            named_actor("two helicopters fired on the school", &SideNames::new(&[])).as_deref(),
            Some(GOVERNMENT_FORCES)
        );
        assert_eq!(
            named_actor(
                "the army thwarted the insurgents' attack",
                &SideNames::new(&[])
            )
            .as_deref(),
            Some(GOVERNMENT_FORCES)
        );
    }

    #[test]
    fn two_sides_each_holding_the_town_contradict() {
        let reading = |text: &str, actor: &str| Reading {
            outcome: outcome(text),
            actor: Some(actor.to_owned()),
            ..Reading::default()
        };
        let rel = |a: &str, xa: &str, b: &str, xb: &str| {
            compare_control(&reading(a, xa), &reading(b, xb)).0
        };
        assert_eq!(
            rel(
                "fighters advanced into the town",
                "rebels",
                "the army repelled the assault",
                "army"
            ),
            Relation::Contradicts
        );
        assert_eq!(
            rel(
                "retook the town",
                "army",
                "holds only part of the town",
                "army"
            ),
            Relation::Contradicts
        );
        assert_eq!(
            rel("seized the town", "army", "captured the town", "army"),
            Relation::Corroborates
        );
        assert_eq!(
            rel(
                "fighting continues",
                "army",
                "heavy clashes continue",
                "rebels"
            ),
            Relation::Neither
        );
    }

    #[test]
    fn other_statements_meet_on_a_shared_word() {
        assert!(share_subject(
            "no tents near the target",
            "the strike hit tents"
        ));
        assert!(!share_subject(
            "the bridge was destroyed",
            "the market was hit"
        ));
    }
}
