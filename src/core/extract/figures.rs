//! Casualty figures in prose: "at least 30 government troops and allied militia members, as
//! well as 20 IS members and two civilians" is three figures with their groups; "more than 450
//! strikes" or "30 miles" is none (the noun is not a kind of people).

use super::attribution::word_spans;
use crate::core::model::ClaimKind;
use crate::core::parse::quantity::parse_quantity;

/// A figure found in a clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The figure as written, with its qualifier ("at least 13").
    pub count: String,
    /// Who it counts, as written ("government troops and allied militia members").
    pub group: String,
    pub kind: ClaimKind,
}

/// Words that open a figure ("at least", "more than"), longest first.
const QUALIFIERS: [&str; 18] = [
    "at least",
    "more than",
    "no fewer than",
    "not less than",
    "an estimated",
    "as many as",
    "up to",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "near",
    "above",
    "just",
];

/// Nouns that name people (the head of a figure's group).
const PEOPLE: [&str; 73] = [
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
const KINDS: [(&str, ClaimKind); 24] = [
    ("killed", ClaimKind::Killed),
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

/// Words between a figure and the kind it qualifies ("two badly wounded children").
const DEGREES: [&str; 6] = [
    "badly",
    "seriously",
    "critically",
    "severely",
    "slightly",
    "lightly",
];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn is_number(word: &str) -> bool {
    let w = bare(word);
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

fn kind_of(word: &str) -> Option<ClaimKind> {
    let w = bare(word);
    KINDS.iter().find(|(k, _)| *k == w).map(|(_, kind)| *kind)
}

/// The figures of a clause. A figure's kind is the kind verb just before it ("killing 30
/// people"), else the nearest kind word after it (before the next figure), else the last one
/// before it ("fighting that killed at least 30 …, as well as 20 IS members"). "40 of them
/// children" and "including 40 children" are parts of the figure before; "killed and wounded"
/// gives the figure twice; "put the toll at 87" and "raised its count of the dead to 171" are
/// figures of the toll's kind.
pub fn figures(clause: &str) -> Vec<Figure> {
    let words = word_spans(clause);
    let texts: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        // "no fewer than 15": the figure is 15, with its qualifier.
        let qualifying = bare(texts[i]) == "no"
            && texts
                .get(i + 1)
                .is_some_and(|w| ["fewer", "less", "more"].contains(&bare(w).as_str()));
        if !is_number(texts[i]) || preceded_by_name(&texts, i) || qualifying {
            i += 1;
            continue;
        }
        match figure_at(&texts, i, out.last()) {
            Some((found, next)) => {
                out.extend(found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The figure (or the two, for "killed and wounded") whose number is at `i`, and the word
/// after it.
fn figure_at(texts: &[&str], i: usize, before: Option<&Figure>) -> Option<(Vec<Figure>, usize)> {
    let (from, _) = qualifier_before(texts, i);
    let count = [texts[from..=i].join(" "), texts[i].to_owned()]
        .into_iter()
        .map(|c| c.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .find(|c| parse_quantity(c).is_ok())?;
    let figure = |kind, group: &str| Figure {
        count: count.clone(),
        group: group
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned(),
        kind,
    };
    // "two badly wounded children", "50 critically injured people".
    let j = i
        + 1
        + usize::from(
            texts
                .get(i + 1)
                .is_some_and(|w| DEGREES.contains(&bare(w).as_str())),
        );
    if let (Some(kind), Some(noun)) = (texts.get(j).and_then(|w| kind_of(w)), texts.get(j + 1))
        && PEOPLE.contains(&bare(noun).as_str())
    {
        return Some((vec![figure(kind, noun)], j + 2));
    }
    let verb_before = from.checked_sub(1).and_then(|b| kind_of(texts[b]));
    let part_of = from > 0 && bare(texts[from - 1]) == "including"
        || (texts.get(i + 1).is_some_and(|w| bare(w) == "of")
            && texts
                .get(i + 2)
                .is_some_and(|w| ["them", "whom"].contains(&bare(w).as_str())));
    let (group_start, head) = group_head(texts, i);
    let kind_next = texts
        .get(head.map_or(i + 1, |h| h + 1))
        .and_then(|w| kind_of(w));
    let Some(head) = head.or_else(|| kind_next.or(verb_before).map(|_| i)) else {
        return headless(texts, (from, i), before)
            .map(|(kind, group)| (vec![figure(kind, &group)], i + 1));
    };
    let after = after_kind(texts, head);
    let kind = match (part_of, before) {
        (true, Some(b)) => Some(b.kind),
        _ => verb_before
            .or(after.map(|(k, _)| k))
            .or_else(|| before_kind(texts, from)),
    }?;
    let group = if head >= group_start {
        let words: Vec<&str> = texts[group_start..=head]
            .iter()
            .copied()
            .skip_while(|w| ["them", "whom", "which", "of"].contains(&bare(w).as_str()))
            .collect();
        let group = words.join(" ");
        match party_after(texts, head) {
            Some(party) => format!("{party} {}", group.trim_end_matches([',', '.'])),
            // "wounding 79 others": others are people.
            None if bare(&group) == "others" => "people".to_owned(),
            None => group,
        }
    } else {
        "people".to_owned()
    };
    let mut found = vec![figure(kind, &group)];
    // "had been killed and wounded": the same figure of both kinds.
    if let Some((k, at)) = after
        && k == kind
        && texts.get(at + 1).is_some_and(|w| bare(w) == "and")
        && let Some(other) = texts.get(at + 2).and_then(|w| kind_of(w))
        && other != kind
    {
        found.push(figure(other, &group));
    }
    Some((found, head + 1))
}

/// The party a group's "of the …" names: "members of the Resistance Front" → "Resistance
/// Front"; "fighters of the paramilitary Rapid Support Forces (RSF)" → "RSF".
fn party_after(texts: &[&str], head: usize) -> Option<String> {
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
            name.push(word);
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

/// The kind and group of a figure with no word for people after it: "nine civilians in
/// Al-Foua and two in Adwan" takes the figure before's; a toll's ("put the toll at 87"); its
/// own verb's ("250 were taken hostage").
fn headless(
    texts: &[&str],
    (from, i): (usize, usize),
    before: Option<&Figure>,
) -> Option<(ClaimKind, String)> {
    let elided = from > 0
        && bare(texts[from - 1]) == "and"
        && texts
            .get(i + 1)
            .is_some_and(|w| ["in", "at", "on"].contains(&bare(w).as_str()));
    if let (true, Some(b)) = (elided, before) {
        return Some((b.kind, b.group.clone()));
    }
    let toll = toll(texts, from);
    let kind = toll
        .as_ref()
        .map(|(k, _)| *k)
        .or_else(|| said_of(texts, i))?;
    Some((kind, toll.map_or_else(|| "people".to_owned(), |(_, g)| g)))
}

/// What a bare figure's own verb says happened to it: "about 250 were taken hostage", "76
/// were admitted to hospital", "15 had been wounded".
fn said_of(texts: &[&str], i: usize) -> Option<ClaimKind> {
    let verb = texts.get(i + 1).map(|w| bare(w))?;
    if !["were", "was", "had", "have", "are"].contains(&verb.as_str()) {
        return None;
    }
    texts
        .iter()
        .skip(i + 2)
        .take(4)
        .take_while(|w| !is_number(w))
        .find_map(|w| {
            let word = bare(w);
            kind_of(w).or_else(|| {
                ["hospital", "hospitalised", "hospitalized"]
                    .contains(&word.as_str())
                    .then_some(ClaimKind::Injured)
            })
        })
}

/// A figure a toll gives: "put the toll at 87", "the number of injured at 87", "raised its
/// count of the dead to 171 from the 130": the kind named between the toll's word and the
/// figure, else killed; a word for people there is the group.
fn toll(texts: &[&str], from: usize) -> Option<(ClaimKind, String)> {
    let window = &texts[from.saturating_sub(8)..from];
    let at = window.iter().rposition(|w| {
        ["toll", "count", "number", "figure", "tally"].contains(&bare(w).as_str())
    })?;
    let between = &window[at..];
    let kind = between
        .iter()
        .find_map(|w| kind_of(w))
        .unwrap_or(ClaimKind::Killed);
    let group = between
        .iter()
        .map(|w| bare(w))
        .find(|w| PEOPLE.contains(&w.as_str()))
        .unwrap_or_else(|| "people".to_owned());
    Some((kind, group))
}

/// Where the group of the figure at `i` starts, and its head noun (a word for people): the
/// words after the number up to a verb, a comma or the next figure.
fn group_head(texts: &[&str], i: usize) -> (usize, Option<usize>) {
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
        if PEOPLE.contains(&w.as_str()) {
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
            if stop && PEOPLE.contains(&w.as_str()) {
                head = Some(j);
            }
            break;
        }
        j += 1;
    }
    (group_start, head)
}

/// "Brigade 93", "Resolution 2254": a number that is part of a name.
fn preceded_by_name(texts: &[&str], i: usize) -> bool {
    i > 0
        && texts[i - 1].chars().next().is_some_and(char::is_uppercase)
        && bare(texts[i]).chars().all(|c| c.is_ascii_digit())
        && !QUALIFIERS
            .iter()
            .any(|q| q.eq_ignore_ascii_case(texts[i - 1]))
}

/// Where a figure starts: at its qualifier ("at least", "more than"), if it has one.
fn qualifier_before(texts: &[&str], i: usize) -> (usize, Option<&'static str>) {
    for q in QUALIFIERS {
        let n = q.split(' ').count();
        if i >= n {
            let before: Vec<String> = texts[i - n..i].iter().map(|w| bare(w)).collect();
            if before.join(" ") == q {
                return (i - n, Some(q));
            }
        }
    }
    (i, None)
}

/// The kind word after a figure's group, before the next figure, and where it stands.
fn after_kind(texts: &[&str], head: usize) -> Option<(ClaimKind, usize)> {
    texts
        .iter()
        .enumerate()
        .skip(head + 1)
        .take(8)
        .take_while(|(_, w)| !is_number(w))
        .find_map(|(at, w)| kind_of(w).map(|k| (k, at)))
}

/// The last kind word before a figure, in what the same speaker says (not past "said").
fn before_kind(texts: &[&str], from: usize) -> Option<ClaimKind> {
    texts[..from]
        .iter()
        .rev()
        .take_while(|w| !["said", "says", "told"].contains(&bare(w).as_str()))
        .find_map(|w| kind_of(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triples(f: &[Figure]) -> Vec<(&str, &str, ClaimKind)> {
        f.iter()
            .map(|f| (f.count.as_str(), f.group.as_str(), f.kind))
            .collect()
    }

    #[test]
    fn several_figures_with_their_groups_share_the_verb() {
        let f = figures(
            "after fighting that killed at least 30 government troops and allied militia members, as well as 20 IS members and two civilians.",
        );
        let got = triples(&f);
        assert_eq!(
            got,
            [
                (
                    "at least 30",
                    "government troops and allied militia members",
                    ClaimKind::Killed
                ),
                ("20", "IS members", ClaimKind::Killed),
                ("two", "civilians", ClaimKind::Killed),
            ]
        );
    }

    #[test]
    fn a_figure_needs_people_and_what_happened_to_them() {
        assert!(figures("more than 450 strikes hit the city").is_empty());
        assert!(figures("within 30 miles of Raqqa").is_empty());
        assert!(figures("reaching the key Brigade 93 base").is_empty());
        let f = figures("leaving at least 13 people dead and many more injured");
        assert_eq!(f[0].count, "at least 13");
        assert_eq!(f[0].kind, ClaimKind::Killed);
        let f =
            figures("killing at least 51 people, including 40 children, and wounding 79 others");
        let got = triples(&f);
        assert_eq!(
            got,
            [
                ("at least 51", "people", ClaimKind::Killed),
                ("40", "children", ClaimKind::Killed),
                ("79", "people", ClaimKind::Injured),
            ]
        );
        let f = figures("in which about 250 were taken hostage and 76 were admitted to hospital");
        let kinds: Vec<ClaimKind> = f.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [ClaimKind::Captured, ClaimKind::Injured]);
        assert!(figures("while 40 were in the building").is_empty());
        let f = figures("at least 15 jihadists had been killed and one captured");
        assert_eq!(
            (f[0].count.as_str(), f[0].kind),
            ("at least 15", ClaimKind::Killed)
        );
    }
}
