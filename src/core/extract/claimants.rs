//! Who the words of an attribution name: a claimant the registry knows, one named before
//! ("it", "the agency", "Bassal", "both groups"), or one kept as written with a type guessed
//! from its words.

use super::attribution::Attribution;
use super::speakers::Speaker;
use crate::core::import::registry::Registry;
use crate::core::model::SourceType;

/// Words that refer back to the last claimant named, whoever it was.
const REFERS_BACK: [&str; 7] = [
    "it",
    "he",
    "she",
    "they",
    "the statement",
    "the organisation",
    "the organization",
];

/// Words that refer back to the last two claimants named.
const BOTH: [&str; 5] = ["groups", "the two groups", "both sides", "both", "the two"];

#[derive(Clone, Debug)]
pub struct Claimant {
    pub name: String,
    pub source_type: Option<SourceType>,
    pub side: Option<String>,
}

/// The claimants and people named so far in an article.
#[derive(Default)]
pub struct Known {
    /// The claimants named so far, the last named last.
    recent: Vec<Claimant>,
    /// People named as speaking for a claimant ("Mahmud Bassal" for the civil defence agency).
    people: Vec<(String, Claimant)>,
}

impl Known {
    /// The claimants and people of an attribution, for later sentences to refer back to.
    pub fn remember(&mut self, a: &Attribution, claimants: &[Claimant]) {
        for (speaker, who) in a.claimants.iter().zip(claimants) {
            if let Some(person) = &speaker.person {
                self.people.push((person.clone(), who.clone()));
            }
        }
        for who in claimants {
            self.recent.retain(|c| c.name != who.name);
            self.recent.push(who.clone());
        }
    }

    /// The claimants a speaker names: those named before for "it", "the agency", "Bassal" or
    /// "both groups"; else the one written.
    pub fn claimants_of(&self, speaker: &Speaker) -> Vec<Claimant> {
        let lower = speaker.written.trim().to_lowercase();
        if BOTH.contains(&lower.as_str()) && self.recent.len() >= 2 {
            return self.recent[self.recent.len() - 2..].to_vec();
        }
        if let Some(earlier) = self.named_before(&lower) {
            return vec![earlier];
        }
        vec![claimant(&speaker.written)]
    }

    /// The claimant named before that words refer to: any for "it" or "he"; one whose name has the
    /// head noun of "the agency", "the military", "the committee"; the one a person named before
    /// spoke for ("Bassal", "Zaw Min Tun").
    fn named_before(&self, lower: &str) -> Option<Claimant> {
        if REFERS_BACK.contains(&lower) {
            return self.recent.last().cloned();
        }
        if let Some((_, who)) = self.people.iter().rev().find(|(person, _)| {
            let person = person.to_lowercase();
            person == lower
                || person.split_whitespace().last().is_some_and(|surname| {
                    surname.len() > 3 && lower.split_whitespace().last() == Some(surname)
                })
        }) {
            return Some(who.clone());
        }
        let generic = lower
            .strip_prefix("the ")
            .or_else(|| lower.strip_prefix("its "))?;
        if generic.split_whitespace().count() > 3 || generic.chars().any(char::is_uppercase) {
            return None;
        }
        let head = generic.split_whitespace().last()?;
        // "the junta" is the military named before; "the regime" its government.
        let heads: Vec<&str> = match head {
            "junta" => vec!["junta", "military", "army"],
            "regime" => vec!["regime", "government"],
            "army" => vec!["army", "military", "forces"],
            other => vec![other],
        };
        self.recent
            .iter()
            .rev()
            .find(|c| {
                c.name
                    .to_lowercase()
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| heads.contains(&w))
            })
            .cloned()
    }
}

/// A claimant as written, known to the registry (its name, type and side) or kept as written
/// with a type guessed from its words.
pub fn claimant(written: &str) -> Claimant {
    let cleaned = written
        .trim()
        .trim_end_matches("'s")
        .trim_start_matches("The ")
        .trim_start_matches("the ")
        .to_owned();
    let registry = Registry::builtin();
    let candidates = [
        cleaned.clone(),
        cleaned.rsplit(" the ").next().unwrap_or("").to_owned(),
        cleaned.trim_start_matches("state-run ").to_owned(),
        cleaned.replace(" news agency", ""),
    ];
    for c in &candidates {
        if let Some(known) = registry.lookup(c) {
            return Claimant {
                name: known.name.clone(),
                source_type: Some(known.source_type),
                side: known.side.clone(),
            };
        }
    }
    Claimant {
        source_type: guess_type(&cleaned.to_lowercase()),
        name: cleaned,
        side: None,
    }
}

/// A claimant's type from its words, when the registry does not know it.
fn guess_type(name: &str) -> Option<SourceType> {
    let cues: [(&str, SourceType); 9] = [
        ("ministry", SourceType::Government),
        ("governor", SourceType::Government),
        ("authorities", SourceType::Government),
        ("state media", SourceType::StateMedia),
        ("state-run", SourceType::StateMedia),
        ("monitor", SourceType::Monitor),
        ("observatory", SourceType::Monitor),
        ("activists", SourceType::Other),
        ("residents", SourceType::Other),
    ];
    cues.iter()
        .find(|(cue, _)| name.contains(cue))
        .map(|(_, t)| *t)
}
