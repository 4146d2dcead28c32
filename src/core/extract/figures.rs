//! Casualty figures in prose: "at least 30 government troops and allied militia members, as
//! well as 20 IS members and two civilians" is three figures with their groups; "more than 450
//! strikes" or "30 miles" is none (the noun is not a kind of people).

use super::attribution::word_spans;
use super::words::{PEOPLE, bare, group_head, group_words, is_number, kind_of};
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

/// Words between a figure and the kind it qualifies ("two badly wounded children").
const DEGREES: [&str; 6] = [
    "badly",
    "seriously",
    "critically",
    "severely",
    "slightly",
    "lightly",
];

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
        let vague = vague_count(&texts, i);
        // "as many as 200": the figure is 200, its qualifier "as many as".
        let qualifying = qualifying
            || (bare(texts[i]) == "many"
                && i > 0
                && bare(texts[i - 1]) == "as"
                && texts.get(i + 1).is_some_and(|w| bare(w) == "as"));
        if !(is_number(texts[i]) || vague) || preceded_by_name(&texts, i) || qualifying {
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

/// "a number of people": a vague count of several words, its number at the word "number".
fn vague_count(texts: &[&str], i: usize) -> bool {
    bare(texts[i]) == "number"
        && i > 0
        && bare(texts[i - 1]) == "a"
        && texts.get(i + 1).is_some_and(|w| bare(w) == "of")
}

/// The figure (or the two, for "killed and wounded") whose number is at `i`, and the word
/// after it.
fn figure_at(texts: &[&str], i: usize, before: Option<&Figure>) -> Option<(Vec<Figure>, usize)> {
    let (from, _) = if vague_count(texts, i) {
        (i - 1, None)
    } else {
        qualifier_before(texts, i)
    };
    let to = (i + 1).min(texts.len() - 1);
    let count = [
        texts[from..=i].join(" "),
        texts[i].to_owned(),
        texts[from..=to].join(" "),
    ]
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
    // "13 more hurt", "many more wounded".
    let more = usize::from(texts.get(i + 1).is_some_and(|w| bare(w) == "more"));
    // "one of whom died".
    let of_whom = if part_of && head.is_none() { 2 } else { 0 };
    let kind_next = texts
        .get(head.map_or(i + 1 + more + of_whom, |h| h + 1))
        .and_then(|w| kind_of(w));
    let Some(head) = head.or_else(|| kind_next.or(verb_before).map(|_| i)) else {
        return headless(texts, (from, i), before)
            .map(|(kind, group)| (vec![figure(kind, &group)], i + 1));
    };
    let after = after_kind(texts, head);
    let kind = match (part_of, before) {
        // "one of whom died": its own verb.
        (true, Some(b)) => Some(kind_next.filter(|_| of_whom > 0).unwrap_or(b.kind)),
        _ => verb_before
            .or(after.map(|(k, _)| k))
            .or_else(|| before_kind(texts, from))
            // Bodies are of the dead: "61 bodies had been pulled out".
            .or_else(|| (bare(texts[head]) == "bodies").then_some(ClaimKind::Killed)),
    }?;
    let of_those = texts.get(i + 1).is_some_and(|w| bare(w) == "of")
        && texts
            .get(i + 2)
            .is_some_and(|w| ["those", "these"].contains(&bare(w).as_str()));
    let group = if let (true, Some(b)) = (of_those, before) {
        // "76 had been taken to hospital, and one of those patients died": one of the 76.
        b.group.clone()
    } else if head >= group_start {
        group_words(texts, group_start, head)
    } else if more == 1 || (verb_before.is_some() && !texts[from - 1].ends_with(':')) {
        // "13 more hurt": more people, not said which; "wounded dozens": people (but "two
        // died: one when …" is one of the two).
        "people".to_owned()
    } else {
        // "at least 15 jihadists had been killed and one captured": the one is a jihadist.
        before.map_or_else(|| "people".to_owned(), |b| b.group.clone())
    };
    let mut found = vec![figure(kind, &group)];
    if let Some(other) = both_kinds(texts, from, kind, after, verb_before)
        && other != kind
    {
        found.push(figure(other, &group));
    }
    Some((found, head + 1))
}

/// The second kind of a figure said to be both: "had been killed and wounded", "killing and
/// wounding several".
fn both_kinds(
    texts: &[&str],
    from: usize,
    kind: ClaimKind,
    after: Option<(ClaimKind, usize)>,
    verb_before: Option<ClaimKind>,
) -> Option<ClaimKind> {
    after
        .filter(|&(k, _)| k == kind)
        .and_then(|(_, at)| and_kind(texts, at + 1))
        .or_else(|| {
            let b = from.checked_sub(2)?;
            (verb_before.is_some() && bare(texts[b]) == "and")
                .then(|| kind_of(texts[b.checked_sub(1)?]))
                .flatten()
        })
}

/// The kind after an "and" at `at` ("killed and wounded").
fn and_kind(texts: &[&str], at: usize) -> Option<ClaimKind> {
    (bare(texts.get(at)?) == "and")
        .then(|| texts.get(at + 1).and_then(|w| kind_of(w)))
        .flatten()
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
    fn prose_counts_take_their_kind_and_group_from_around_them() {
        use ClaimKind::{Captured, Injured, Killed};
        type Expected = &'static [(&'static str, &'static str, ClaimKind)];
        let cases: [(&str, Expected); 8] = [
            (
                "at least 13 people killed and many more wounded",
                &[
                    ("at least 13", "people", Killed),
                    ("many", "people", Injured),
                ],
            ),
            (
                "where a number of people had been executed by IS",
                &[("a number of", "people", Killed)],
            ),
            (
                "injuring tens of people, mostly women and children",
                &[("tens", "civilians", Injured)],
            ),
            (
                "killing and wounding several terrorists",
                &[
                    ("several", "terrorists", Injured),
                    ("several", "terrorists", Killed),
                ],
            ),
            (
                "those detained included five Pakistani nationals as well as one Bangladeshi.",
                &[
                    ("five", "Pakistani nationals", Captured),
                    ("one", "Bangladeshi", Captured),
                ],
            ),
            (
                "61 bodies had been pulled out of the debris",
                &[("61", "people", Killed)],
            ),
            (
                "at least 10 members of the Resistance Front had been killed",
                &[("at least 10", "Resistance Front members", Killed)],
            ),
            (
                "two non-combatants might have died: one when a fighter set off a vest",
                &[
                    ("two", "non-combatants", Killed),
                    ("one", "non-combatants", Killed),
                ],
            ),
        ];
        for (text, expected) in cases {
            let found = figures(text);
            assert_eq!(triples(&found), expected, "{text}");
        }
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
            triples(&f),
            [
                ("at least 15", "jihadists", ClaimKind::Killed),
                ("one", "jihadists", ClaimKind::Captured)
            ]
        );
    }
}
