//! What the words around a figure say: whether a word is a number, what happened to the
//! people counted (the kind), and who they are (the group's head noun, its party).

use crate::core::model::ClaimKind;
use crate::core::parse::quantity::parse_quantity;

/// Nouns that name people (the head of a figure's group).
pub(super) const PEOPLE: [&str; 73] = [
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "children",
    "child",
    "women",
    "woman",
    "men",
    "man",
    "fighters",
    "fighter",
    "militants",
    "jihadists",
    "members",
    "soldiers",
    "soldier",
    "troops",
    "gunmen",
    "rebels",
    "police",
    "policemen",
    "officers",
    "personnel",
    "residents",
    "bodies",
    "palestinians",
    "israelis",
    "syrians",
    "kurds",
    "militiamen",
    "combatants",
    "non-combatants",
    "attackers",
    "terrorists",
    "insurgents",
    "staff",
    "workers",
    "journalists",
    "patients",
    "students",
    "pupils",
    "teachers",
    "worshippers",
    "refugees",
    "migrants",
    "villagers",
    "guards",
    "recruits",
    "militia",
    "others",
    "nationals",
    "hostages",
    "mercenaries",
    "prisoners",
    "detainees",
    "passengers",
    "doctors",
    "nurses",
    "farmers",
    "fishermen",
    "bystanders",
    "victims",
    "servicemen",
    "babies",
    "infants",
    "boys",
    "girls",
    "pilgrims",
    "traders",
    "miners",
    "protesters",
];

/// Words that say what happened to the people counted, and its kind.
pub(super) const KINDS: [(&str, ClaimKind); 30] = [
    ("killed", ClaimKind::Killed),
    ("loss", ClaimKind::Killed),
    // A military's words for killing fighters: "destroyed up to 180 mercenaries".
    ("destroyed", ClaimKind::Killed),
    ("eliminated", ClaimKind::Killed),
    ("neutralised", ClaimKind::Killed),
    ("neutralized", ClaimKind::Killed),
    ("liquidated", ClaimKind::Killed),
    ("dead", ClaimKind::Killed),
    ("died", ClaimKind::Killed),
    ("deaths", ClaimKind::Killed),
    ("death", ClaimKind::Killed),
    ("executed", ClaimKind::Killed),
    ("lives", ClaimKind::Killed),
    ("killing", ClaimKind::Killed),
    ("wounded", ClaimKind::Injured),
    ("injured", ClaimKind::Injured),
    ("injuring", ClaimKind::Injured),
    ("wounding", ClaimKind::Injured),
    ("hurt", ClaimKind::Injured),
    ("captured", ClaimKind::Captured),
    ("abducted", ClaimKind::Captured),
    ("kidnapped", ClaimKind::Captured),
    ("detained", ClaimKind::Captured),
    ("arrested", ClaimKind::Captured),
    ("prisoner", ClaimKind::Captured),
    ("hostage", ClaimKind::Captured),
    ("missing", ClaimKind::Missing),
    ("displaced", ClaimKind::Displaced),
    ("fled", ClaimKind::Displaced),
    ("homes", ClaimKind::Displaced),
];

pub(super) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

pub(super) fn is_number(word: &str) -> bool {
    let w = bare(word);
    if w == "number" {
        // Only as "a number of", which `vague_count` reads.
        return false;
    }
    // Digits, or a word the quantity parser reads as a number or a vague count ("two",
    // "dozens"); "twenty" to "ninety" too.
    (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ','))
        || (w.chars().all(char::is_alphabetic) && parse_quantity(&w).is_ok())
        || [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "hundred", "dozen",
        ]
        .contains(&w.as_str())
}

pub(super) fn kind_of(word: &str) -> Option<ClaimKind> {
    let w = bare(word);
    KINDS.iter().find(|(k, _)| *k == w).map(|(_, kind)| *kind)
}

/// A figure's group as written, from its first word to its head: "them" and "of" dropped,
/// the party of "members of the Resistance Front" put first, "others" as people, "people,
/// mostly women and children" as civilians.
pub(super) fn group_words(texts: &[&str], group_start: usize, head: usize) -> String {
    let words: Vec<&str> = texts[group_start..=head]
        .iter()
        .copied()
        .skip_while(|w| ["them", "whom", "which", "of"].contains(&bare(w).as_str()))
        .collect();
    let group = words.join(" ");
    let mostly = texts
        .get(head + 1..(head + 4).min(texts.len()))
        .map(|w| w.iter().map(|w| bare(w)).collect::<Vec<_>>().join(" "));
    match party_after(texts, head) {
        Some(party) => format!("{party} {}", group.trim_end_matches([',', '.'])),
        // "wounding 79 others": others are people; bodies are of people.
        None if ["others", "bodies"].contains(&bare(&group).as_str()) => "people".to_owned(),
        None if bare(&group) == "people"
            && mostly.is_some_and(|m| {
                [
                    "mostly women and",
                    "mostly civilians",
                    "mainly women and",
                    "mainly civilians",
                ]
                .iter()
                .any(|c| m.starts_with(c))
            }) =>
        {
            "civilians".to_owned()
        }
        None => group,
    }
}

/// The party a group's "of the …" names: "members of the Resistance Front" → "Resistance
/// Front"; "fighters of the paramilitary Rapid Support Forces (RSF)" → "RSF".
pub(super) fn party_after(texts: &[&str], head: usize) -> Option<String> {
    if texts.get(head)?.ends_with([',', '.', ';']) || bare(texts.get(head + 1)?) != "of" {
        return None;
    }
    let mut at = head + 2;
    if texts.get(at).is_some_and(|w| bare(w) == "the") {
        at += 1;
    }
    let mut name = Vec::new();
    for w in texts.iter().skip(at).take(6) {
        let word = bare(w);
        if let Some(acronym) = w.strip_prefix('(') {
            return Some(
                acronym
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_owned(),
            );
        }
        if w.starts_with(char::is_uppercase) {
            name.push(w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned());
        } else if !name.is_empty() {
            break;
        } else if !["paramilitary", "armed", "rebel", "militant"].contains(&word.as_str()) {
            return None;
        }
        if w.ends_with([',', '.', ';']) {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// Where the group of the figure at `i` starts, and its head noun (a word for people): the
/// words after the number up to a verb, a comma or the next figure.
pub(super) fn group_head(texts: &[&str], i: usize) -> (usize, Option<usize>) {
    let mut j = i + 1;
    if texts.get(j).is_some_and(|w| bare(w) == "of") {
        j += 1;
    }
    let group_start = j;
    let mut head = None;
    while j < texts.len() && j < group_start + 6 {
        let w = bare(texts[j]);
        if kind_of(texts[j]).is_some() || is_number(texts[j]) {
            break;
        }
        if PEOPLE.contains(&w.as_str()) || is_demonym(texts[j]) {
            head = Some(j);
        }
        let stop = texts[j].ends_with([',', '.', ';']);
        let next_ends = texts.get(j + 1).is_some_and(|n| {
            is_number(n) || ["said", "says", "that", "was", "were"].contains(&bare(n).as_str())
        });
        if stop
            || (w == "and" && next_ends)
            || [
                "were", "was", "had", "have", "in", "on", "at", "as", "from", "when", "after",
                "while", "who", "that", "during",
            ]
            .contains(&w.as_str())
        {
            if stop && (PEOPLE.contains(&w.as_str()) || is_demonym(texts[j])) {
                head = Some(j);
            }
            break;
        }
        j += 1;
    }
    (group_start, head)
}

/// A people's name standing for its people: "one Bangladeshi", "three Iraqis", "two
/// Afghans".
pub(super) fn is_demonym(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.len() > 4
        && w.starts_with(char::is_uppercase)
        && w.chars().skip(1).all(char::is_lowercase)
        && ["i", "is", "ese", "ian", "ians", "ans"]
            .iter()
            .any(|end| w.ends_with(end))
}
