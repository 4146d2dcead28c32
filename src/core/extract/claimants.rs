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

/// Who an article's generic names mean: "the junta" or "the army" is the registry's military
/// of the country the article names most; "the rebels" the one group it names that the
/// registry calls rebels ("the rebels" in a Yemen article naming the Houthis).
#[derive(Clone, Debug, Default)]
pub struct Context {
    military: Option<Claimant>,
    rebels: Option<Claimant>,
}

impl Context {
    pub fn of(text: &str) -> Self {
        let registry = Registry::builtin();
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        let mut named: Vec<&str> = Vec::new();
        for len in 1..=3 {
            // Names start with a capital: only those windows are looked up.
            let named_here = |w: &&[&str]| w[0].starts_with(char::is_uppercase);
            for window in words.windows(len).filter(named_here) {
                let phrase = window.join(" ");
                if let Some(known) = registry.lookup(phrase.trim_end_matches("'s"))
                    && !named.contains(&known.name.as_str())
                {
                    named.push(known.name.as_str());
                }
            }
        }
        let rebels: Vec<&str> = named
            .into_iter()
            .filter(|n| {
                registry.goes_by(n, "rebel")
                    && registry
                        .lookup(n)
                        .is_some_and(|k| k.source_type == SourceType::Combatant)
            })
            .collect();
        Self {
            military: military_of_country(&words),
            rebels: (rebels.len() == 1).then(|| claimant(rebels[0])),
        }
    }

    /// The claimant a generic name means in this article: "the junta", "the military", "the
    /// ruling military council"; "the rebels", "rebel-run media".
    fn generic(&self, lower: &str, written: &str) -> Option<Claimant> {
        let bare = lower.strip_prefix("the ").unwrap_or(lower);
        let military_words = [
            "junta",
            "military",
            "army",
            "armed",
            "forces",
            "ruling",
            "council",
            "government",
        ];
        if bare.split_whitespace().all(|w| military_words.contains(&w))
            && ["junta", "military", "army"]
                .iter()
                .any(|w| bare.contains(w))
        {
            return self.military.clone();
        }
        let rebels = self.rebels.as_ref()?;
        if ["rebels", "the rebels"].contains(&lower) {
            return Some(rebels.clone());
        }
        // "Rebel-run media": the rebels' own, named as written with whose they are.
        (bare.starts_with("rebel-run ") || bare.starts_with("rebel-controlled ")).then(|| {
            Claimant {
                name: format!(
                    "{} ({})",
                    written.trim().trim_start_matches("the "),
                    rebels.name
                ),
                source_type: Some(SourceType::StateMedia)
                    .filter(|_| {
                        ["media", "tv", "television", "agency"]
                            .iter()
                            .any(|m| bare.contains(m))
                    })
                    .or(rebels.source_type),
                side: rebels.side.clone(),
            }
        })
    }
}

/// The registry's military of the country an article's words name most often (by the first
/// four letters: "Myanmar's", "Nigerian"), if one stands out.
fn military_of_country(words: &[&str]) -> Option<Claimant> {
    let registry = Registry::builtin();
    // A country's name and adjective are capitalised.
    let capitalised: Vec<String> = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.to_lowercase())
        .collect();
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for entry in registry.entries() {
        let named = [entry.name.as_str(), entry.full_name.as_str()]
            .into_iter()
            .find(|n| {
                let l = n.to_lowercase();
                [
                    "military",
                    "army",
                    "armed forces",
                    "defence forces",
                    "defense forces",
                ]
                .iter()
                .any(|m| l.contains(m))
            });
        let Some(country) = named.and_then(|n| n.split_whitespace().next()) else {
            continue;
        };
        let stem: String = country.to_lowercase().chars().take(4).collect();
        if stem.chars().count() < 4 || ["free", "the"].contains(&stem.as_str()) {
            continue;
        }
        let count = capitalised.iter().filter(|w| w.starts_with(&stem)).count();
        match best {
            Some((n, _)) if count < n => {}
            Some((n, _)) if count == n => tied = true,
            _ if count >= 2 => {
                best = Some((count, entry.name.as_str()));
                tied = false;
            }
            _ => {}
        }
    }
    best.filter(|_| !tied).map(|(_, name)| claimant(name))
}

/// The claimants and people named so far in an article.
#[derive(Default)]
pub struct Known {
    /// What the article's generic names mean.
    pub context: Context,
    /// The claimants named so far, the last named last.
    recent: Vec<Claimant>,
    /// People named as speaking for a claimant ("Mahmud Bassal" for the civil defence agency).
    people: Vec<(String, Claimant)>,
    /// Claimants as the text wrote them, where that differs from their name.
    written: Vec<(String, Claimant)>,
}

impl Known {
    /// The claimants and people of an attribution, for later sentences to refer back to.
    pub fn remember(&mut self, a: &Attribution, claimants: &[Claimant]) {
        for (speaker, who) in a.claimants.iter().zip(claimants) {
            if let Some(person) = &speaker.person {
                self.people.push((person.clone(), who.clone()));
            }
            // "the 6th Infantry Division of the SAF" is the SAF; "the division" later too.
            if speaker.written.to_lowercase() != who.name.to_lowercase() {
                self.written
                    .push((speaker.written.to_lowercase(), who.clone()));
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
        if let Some(meant) = self.context.generic(&lower, &speaker.written) {
            return vec![meant];
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
            // "Zaw Min Tun" for "Maj. Gen. Zaw Min Tun": the whole name after a title.
            person == lower
                || (lower.contains(' ') && person.ends_with(&format!(" {lower}")))
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
        let has_head = |name: &str| {
            name.to_lowercase()
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| heads.contains(&w))
        };
        self.recent
            .iter()
            .rev()
            .find(|c| has_head(&c.name))
            .or_else(|| {
                self.written
                    .iter()
                    .rev()
                    .find(|(w, _)| has_head(w))
                    .map(|(_, c)| c)
            })
            .cloned()
    }
}

/// The words of a known claimant inside a longer name, as written: "Taliban" in "Local
/// Taliban leaders in Afghanistan's Panjshir", "Resistance Front" in "The Resistance Front".
pub fn party_within(name: &str) -> Option<String> {
    let registry = Registry::builtin();
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .collect();
    (1..=words.len().min(4)).rev().find_map(|len| {
        words
            .windows(len)
            .map(|w| w.join(" "))
            .find(|phrase| registry.lookup(phrase).is_some())
    })
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
        // "Tripoli-based government that opposes Haftar".
        cleaned
            .split([',', ' '])
            .collect::<Vec<_>>()
            .join(" ")
            .split(" that ")
            .next()
            .unwrap_or("")
            .to_owned(),
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
    if let Some(known) = state_media_of(&cleaned) {
        return known;
    }
    Claimant {
        source_type: guess_type(&cleaned.to_lowercase()),
        name: cleaned,
        side: None,
    }
}

/// "The official media of the United Arab Emirates", "Syria's state media": the one state
/// medium the registry knows for that country, if it knows exactly one.
fn state_media_of(name: &str) -> Option<Claimant> {
    let lower = name.to_lowercase();
    let country = ["official media of ", "state media of "]
        .iter()
        .find_map(|cue| lower.split_once(cue).map(|(_, c)| c))
        .or_else(|| {
            ["'s official media", "'s state media"]
                .iter()
                .find_map(|cue| lower.split_once(cue).map(|(c, _)| c))
        })?;
    let country = country.trim().trim_start_matches("the ");
    let registry = Registry::builtin();
    let mut media = registry.entries().iter().filter(|e| {
        e.source_type == SourceType::StateMedia
            && e.side
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(country))
    });
    match (media.next(), media.next()) {
        (Some(one), None) => Some(claimant(&one.name)),
        _ => None,
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
