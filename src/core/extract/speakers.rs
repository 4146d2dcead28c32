//! Who the words before an attribution verb name: "Omar Zwak, spokesman for the provincial
//! governor," is Omar Zwak; "Malek Merset, who speaks for the Tripoli health ministry," is the
//! ministry; "Earlier on Sunday, the Iraqi military" is the military; "Bassal had" is Bassal.

use crate::core::import::registry::Registry;

/// A speaker as the sentence names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    /// The claimant as written: the organisation a spokesperson speaks for, else the name.
    pub written: String,
    /// The person who spoke for `written`, when the sentence names one ("Malek Merset").
    pub person: Option<String>,
}

/// Words at the end of a speaker's words that are not part of the name.
const TRAILING: [&str; 25] = [
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "also",
    "later",
    "earlier",
    "further",
    "again",
    "then",
    "both",
    "previously",
    "initially",
    "separately",
    "however",
    "first",
    "itself",
    "likewise",
    "then",
    "went",
    // "The military went on to say".
    "on",
    "to",
    "go",
];

/// The days of the week, as they follow a verb or a name ("said on Sunday").
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Phrases opening a sentence before its subject ("In a statement, …", "Earlier on Sunday, …").
const OPENINGS: [&str; 18] = [
    "in ",
    "on ",
    "earlier",
    "before",
    "after",
    "speaking",
    "citing",
    "also",
    "but",
    "meanwhile",
    "however",
    "late",
    "early",
    "by ",
    "at ",
    "during",
    "overnight",
    "separately",
];

/// Words before the subject that are not part of it.
const LEADING: [&str; 10] = [
    "But ",
    "And ",
    "However ",
    "Also ",
    "Meanwhile ",
    "Both ",
    "Yet ",
    "So ",
    "Still ",
    "Instead ",
];

/// Words naming a body that people speak for.
const BODIES: [&str; 24] = [
    "unit",
    "division",
    "ministry",
    "agency",
    "forces",
    "force",
    "army",
    "military",
    "police",
    "group",
    "committee",
    "council",
    "government",
    "command",
    "headquarters",
    "office",
    "movement",
    "front",
    "coalition",
    "authority",
    "authorities",
    "service",
    "department",
    "organisation",
];

/// The speaker the words before a verb name, or `None` when they name nobody (too long, or
/// empty once the openings and asides are dropped).
pub fn speaker(before: &str) -> Option<Speaker> {
    let mut text = before.trim().to_owned();
    if let Some((_, after)) = text.rsplit_once("; ") {
        text = after.to_owned();
    }
    text = drop_dateline(&text);
    text = drop_trailing(&text);
    let parts: Vec<&str> = text
        .split(", ")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Asides ("who asked not to be named", "a pro-democracy group") and openings ("In a
    // statement", "some 180km east of el-Fasher") are not the speaker; an aside may say whom
    // the speaker speaks for.
    let mut name: Option<&str> = None;
    let mut speaks_for = None;
    for (i, part) in parts.iter().enumerate() {
        let lower = part.to_lowercase();
        let last = i + 1 == parts.len();
        let opening = OPENINGS.iter().any(|o| lower.starts_with(o))
            || part.chars().any(|c| c.is_ascii_digit());
        if opening && !last {
            name = None;
            continue;
        }
        if let Some(before) = name
            && is_aside(part)
        {
            speaks_for = speaks_for.or_else(|| body_spoken_for(part));
            if prefer_aside(before, part) {
                name = Some(part);
            }
            continue;
        }
        name = Some(part);
        speaks_for = body_spoken_for(part);
    }
    let mut name = drop_opening(name?);
    for lead in LEADING {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_owned();
        }
    }
    let name = name.trim().trim_end_matches([',', ':']).trim().to_owned();
    // "76 were admitted to hospital" names no speaker.
    if name.is_empty()
        || name.split_whitespace().count() > 12
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(match speaks_for {
        Some(body) if !body.eq_ignore_ascii_case(&name) => Speaker {
            written: body,
            person: Some(person_of(&name)).filter(|p| !p.is_empty()),
        },
        _ => Speaker {
            written: name,
            person: None,
        },
    })
}

/// "BENGHAZI, LIBYA - A health official" → "A health official"; "KABUL: Officials" →
/// "Officials".
fn drop_dateline(text: &str) -> String {
    for mark in [" - ", ": ", " \u{2014} ", " \u{2013} "] {
        if let Some((head, rest)) = text.split_once(mark)
            && head.chars().any(char::is_alphabetic)
            && head.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        {
            return rest.to_owned();
        }
    }
    text.to_owned()
}

/// The words without what follows a name: "Bassal had", "the ministry also", "Russia on
/// Sunday", "The DHQ had earlier".
fn drop_trailing(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while let Some(last) = words.last() {
        let bare = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if words.len() >= 2
            && ["on", "in", "at", "late", "early"]
                .contains(&words[words.len() - 2].to_lowercase().as_str())
            && (WEEKDAYS.contains(&bare.as_str()) || bare == "statement")
        {
            words.truncate(words.len() - 2);
        } else if TRAILING.contains(&bare.as_str()) || WEEKDAYS.contains(&bare.as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ").trim_end_matches(',').to_owned()
}

/// "On Wednesday evening he" → "he"; "In a statement the ministry" → "the ministry"; "In a
/// statement" alone names nobody.
fn drop_opening(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let first = lower.first().map_or("", String::as_str);
    let mut from = 0;
    if ["on", "late", "early"].contains(&first)
        && lower.get(1).is_some_and(|w| WEEKDAYS.contains(&w.as_str()))
    {
        from = 2;
        if lower
            .get(2)
            .is_some_and(|w| ["evening", "night", "morning", "afternoon"].contains(&w.as_str()))
        {
            from = 3;
        }
    } else if first == "in"
        && let Some(at) = lower.iter().position(|w| w == "statement")
    {
        from = at + 1;
    } else if first == "earlier" || first == "later" {
        from = 1;
    }
    words[from.min(words.len())..].join(" ")
}

/// A part between commas that describes the one before rather than naming a speaker.
fn is_aside(part: &str) -> bool {
    let lower = part.to_lowercase();
    [
        "who ", "which ", "whose ", "a ", "an ", "the ", "and ", "one of ",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        || [" who ", " whose ", " which "]
            .iter()
            .any(|w| lower.contains(w))
        || (part.chars().next().is_some_and(char::is_lowercase)
            && part.split_whitespace().count() >= 2)
}

/// Whether an appositive names the speaker better than the words before it: "The country's
/// army, the Sudanese Armed Forces (SAF)" names it by its name.
fn prefer_aside(name: &str, aside: &str) -> bool {
    let lower = aside.to_lowercase();
    if ["who ", "which ", "whose ", "and "]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return false;
    }
    let registry = Registry::builtin();
    if registry.lookup(name).is_some() {
        return false;
    }
    if registry.lookup(aside).is_some() {
        return true;
    }
    capitals(aside) > capitals(name)
}

/// Capitalised words after the first.
fn capitals(s: &str) -> usize {
    s.split_whitespace()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

/// The body a description says its person speaks for: "who speaks for the Tripoli health
/// ministry", "a spokesman for the agency", "who heads the delegation of the International
/// Committee of the Red Cross (ICRC)", "The NRF spokesperson".
pub fn body_spoken_for(text: &str) -> Option<String> {
    let registry = Registry::builtin();
    if let Some((_, inside)) = text.split_once('(') {
        let inside = inside.split(')').next().unwrap_or("");
        if registry.lookup(inside).is_some() {
            return Some(inside.to_owned());
        }
    }
    let lower = text.to_lowercase();
    for cue in [
        "speaks for ",
        "spokesman for ",
        "spokeswoman for ",
        "spokesperson for ",
        "spokesman of ",
        "speaking for ",
        "head of ",
        "heads ",
        "who runs ",
        "leader of ",
        "founder of ",
        "commander of ",
        "spokesperson of ",
        "spokeswoman of ",
        "chief of ",
        "official of ",
        "official from ",
    ] {
        let Some(at) = lower.find(cue) else { continue };
        let rest = text[at + cue.len()..].trim_end_matches([',', '.']);
        let rest = rest.split(" in ").next().unwrap_or(rest);
        // "who runs Wagner and is close to …".
        let rest = rest.split([',', ';']).next().unwrap_or(rest);
        let rest = rest.split(" and ").next().unwrap_or(rest);
        let body = rest
            .split_once(" of the ")
            .map_or(rest, |(_, of)| of)
            .split(" (")
            .next()
            .unwrap_or(rest);
        if names_body(body) {
            return Some(body.trim().to_owned());
        }
    }
    // "The NRF spokesperson", "The state police command's spokesman, Muhammad Shehu".
    for cue in ["spokesman", "spokeswoman", "spokesperson"] {
        let Some(at) = lower.find(cue) else { continue };
        let body = text[..at].trim().trim_end_matches("'s").trim();
        let body = body
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .trim_start_matches("A ")
            .trim_start_matches("a ");
        let named = body.chars().next().is_some_and(char::is_uppercase);
        if !body.is_empty() && (named || names_body(body)) {
            return Some(body.to_owned());
        }
    }
    None
}

fn names_body(text: &str) -> bool {
    let lower = text.to_lowercase();
    Registry::builtin().lookup(text).is_some()
        || lower
            .split_whitespace()
            .any(|w| BODIES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// The person's name in words like "Military spokesman Zaw Min Tun" or "Malek Merset".
fn person_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let from = words
        .iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map_or(0, |i| i + 1);
    words[from..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(before: &str) -> String {
        speaker(before).map(|s| s.written).unwrap_or_default()
    }

    #[test]
    fn a_speaker_past_openings_asides_and_auxiliaries() {
        assert_eq!(
            written("Omar Zwak, spokesman for the provincial governor, "),
            "Omar Zwak"
        );
        assert_eq!(
            written("The Wad Madani Resistance Committee, a pro-democracy group, "),
            "The Wad Madani Resistance Committee"
        );
        assert_eq!(
            written("Earlier on Sunday, the Iraqi military "),
            "the Iraqi military"
        );
        assert_eq!(written("In an earlier count, Bassal had "), "Bassal");
        assert_eq!(
            written("BENGHAZI, LIBYA - A health official "),
            "A health official"
        );
        assert_eq!(
            written("The country's army, the Sudanese Armed Forces (SAF), "),
            "SAF",
            "the registry knows the acronym the appositive gives"
        );
        assert_eq!(
            written("The country's army, the Northern Field Forces (NFF), "),
            "the Northern Field Forces (NFF)"
        );
        assert_eq!(
            written(
                "The two sides traded blame for the shelling; Malek Merset, who speaks for the Tripoli health ministry, "
            ),
            "the Tripoli health ministry"
        );
        assert_eq!(
            written("Mahmud Bassal, a spokesman for the agency, "),
            "the agency"
        );
        assert_eq!(written("The NRF spokesperson also "), "NRF");
        assert_eq!(written("Russia on Sunday "), "Russia");
        let s = speaker("Malek Merset, who speaks for the Tripoli health ministry, ").unwrap();
        assert_eq!(s.person.as_deref(), Some("Malek Merset"));
    }
}
