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

/// Words that open a figure ("at least", "more than").
const QUALIFIERS: [&str; 12] = [
    "at least",
    "more than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "up to",
    "as many as",
    "some",
    "roughly",
    "approximately",
];

/// Nouns that name people (the head of a figure's group).
const PEOPLE: [&str; 44] = [
    "people",
    "persons",
    "civilians",
    "children",
    "women",
    "men",
    "fighters",
    "militants",
    "jihadists",
    "members",
    "soldiers",
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
    "attackers",
    "terrorists",
    "insurgents",
    "staff",
    "workers",
    "journalists",
    "patients",
    "students",
    "worshippers",
    "refugees",
    "migrants",
    "villagers",
    "guards",
    "recruits",
    "militia",
    "others",
    "fighter",
    "civilian",
];

/// Words that say what happened to the people counted, and its kind.
const KINDS: [(&str, ClaimKind); 20] = [
    ("killed", ClaimKind::Killed),
    ("dead", ClaimKind::Killed),
    ("died", ClaimKind::Killed),
    ("deaths", ClaimKind::Killed),
    ("executed", ClaimKind::Killed),
    ("lives", ClaimKind::Killed),
    ("wounded", ClaimKind::Injured),
    ("injured", ClaimKind::Injured),
    ("injuring", ClaimKind::Injured),
    ("hurt", ClaimKind::Injured),
    ("captured", ClaimKind::Captured),
    ("abducted", ClaimKind::Captured),
    ("kidnapped", ClaimKind::Captured),
    ("detained", ClaimKind::Captured),
    ("arrested", ClaimKind::Captured),
    ("missing", ClaimKind::Missing),
    ("displaced", ClaimKind::Displaced),
    ("fled", ClaimKind::Displaced),
    ("killing", ClaimKind::Killed),
    ("wounding", ClaimKind::Injured),
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

/// The figures of a clause. A figure's kind is the nearest kind word after it (before the next
/// figure), else the last one before it ("fighting that killed at least 30 …, as well as 20 IS
/// members").
pub fn figures(clause: &str) -> Vec<Figure> {
    let words = word_spans(clause);
    let texts: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        if !is_number(texts[i]) || preceded_by_name(&texts, i) {
            i += 1;
            continue;
        }
        let (from, qualifier) = qualifier_before(&texts, i);
        let _ = qualifier;
        let (group_start, head) = group_head(&texts, i);
        let kind_next = texts
            .get(head.map_or(i + 1, |h| h + 1))
            .and_then(|w| kind_of(w));
        let Some(head) = head.or_else(|| kind_next.map(|_| i)) else {
            i += 1;
            continue;
        };
        // "…, including 40 children": a part of the figure before, of its kind.
        let part_of = from > 0 && bare(texts[from - 1]) == "including";
        let kind = match (part_of, out.last()) {
            (true, Some(Figure { kind, .. })) => Some(*kind),
            _ => after_kind(&texts, head).or_else(|| before_kind(&texts, from)),
        };
        let Some(kind) = kind else {
            i = head + 1;
            continue;
        };
        let count = texts[from..=i].join(" ");
        let count = count
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned();
        if parse_quantity(&count).is_err() {
            i += 1;
            continue;
        }
        let group = if head >= group_start {
            let words: Vec<&str> = texts[group_start..=head]
                .iter()
                .copied()
                .skip_while(|w| ["them", "whom", "which", "of"].contains(&bare(w).as_str()))
                .collect();
            words.join(" ")
        } else {
            "people".to_owned()
        };
        out.push(Figure {
            count,
            group: group
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_owned(),
            kind,
        });
        i = head + 1;
    }
    out
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
        if stop
            || (w == "and" && texts.get(j + 1).is_some_and(|n| is_number(n)))
            || ["were", "was", "had", "have", "in", "on", "at", "as", "from"].contains(&w.as_str())
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

/// The kind word after a figure's group, before the next figure.
fn after_kind(texts: &[&str], head: usize) -> Option<ClaimKind> {
    texts
        .iter()
        .skip(head + 1)
        .take(6)
        .take_while(|w| !is_number(w))
        .find_map(|w| kind_of(w))
}

/// The last kind word before a figure.
fn before_kind(texts: &[&str], from: usize) -> Option<ClaimKind> {
    texts[..from].iter().rev().find_map(|w| kind_of(w))
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
                ("79", "others", ClaimKind::Injured),
            ]
        );
        let f = figures("at least 15 jihadists had been killed and one captured");
        assert_eq!(
            (f[0].count.as_str(), f[0].kind),
            ("at least 15", ClaimKind::Killed)
        );
    }
}
