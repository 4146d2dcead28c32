//! Who a sentence says said it: "…, SOHR said", "according to the Observatory", "SANA denied
//! that …", "Both the YPG and Syrian state media claimed that …"; and the clause they said.

use super::speakers::{Speaker, WEEKDAYS, body_spoken_for, speaker};

/// Verbs that attribute a statement (with [`DENIES`], those that deny it).
const SAYS: [&str; 22] = [
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "claimed",
    "claims",
    "announced",
    "announcing",
    "told",
    "added",
    "stated",
    "confirmed",
    "alleged",
    "acknowledged",
    "admitted",
    "insisted",
    "estimated",
    "saying",
    "posted",
    "tweeted",
    "wrote",
];

/// Verbs that give a figure as their object, so only a speaker before them attributes it:
/// "The DHQ had earlier put the toll at 81 dead", "Abdulsalam had given a toll of 50 killed".
const GIVES: [&str; 9] = [
    "put", "puts", "gave", "given", "gives", "raised", "revised", "quoted", "recorded",
];

/// Words that deny what follows.
const DENIES: [&str; 9] = [
    "denied",
    "denies",
    "rejected",
    "rejects",
    "dismissed",
    "contested",
    "disputed",
    "ridiculed",
    "refuted",
];

/// A sentence's attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The claimants as written ("SOHR", "the YPG"), several when they speak jointly.
    pub claimants: Vec<Speaker>,
    pub denies: bool,
    /// What they said: the sentence without its attribution.
    pub clause: String,
    /// Which pattern found it, for `--json`.
    pub rule: &'static str,
}

impl Attribution {
    /// The claimants' names as written.
    pub fn names(&self) -> Vec<&str> {
        self.claimants.iter().map(|c| c.written.as_str()).collect()
    }
}

fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The parts of a sentence that two speakers say: "Authorities denied the allegations and the
/// governor … said that …" is two; most sentences are one.
pub fn parts(sentence: &str) -> Vec<&str> {
    let mut from = 0;
    while let Some((at, len)) = [" and ", ", while "]
        .iter()
        .filter_map(|m| sentence[from..].find(m).map(|at| (at, m.len())))
        .min()
    {
        let split = from + at;
        let (left, right) = (&sentence[..split], &sentence[split + len..]);
        let speaks = |part: &str| {
            word_spans(part)
                .iter()
                .take(10)
                .any(|(_, w)| SAYS.contains(&bare(w)) || DENIES.contains(&bare(w)))
        };
        if speaks(left) && speaks(right) && said_before(right).is_some() {
            return vec![left, right];
        }
        from = split + len;
    }
    vec![sentence]
}

/// The attribution of a sentence, if it has one.
pub fn attribution(sentence: &str) -> Option<Attribution> {
    citing(sentence)
        .or_else(|| cited_as_saying(sentence))
        .or_else(|| called_false(sentence))
        .or_else(|| according_to(sentence))
        .or_else(|| said_after(sentence))
        .or_else(|| said_before(sentence))
}

fn one(written: &str) -> Vec<Speaker> {
    vec![Speaker {
        written: written.trim().to_owned(),
        person: None,
    }]
}

/// "Citing the Yemeni Health Ministry, Al-Masirah reported that …": the source cited.
fn citing(s: &str) -> Option<Attribution> {
    let rest = s.strip_prefix("Citing ")?;
    let (cited, _) = rest.split_once(", ")?;
    let mut said = said_before(rest)?;
    said.claimants = one(cited);
    said.rule = "citing X";
    Some(said)
}

/// "Al-Ekhbariya … cited the coalition as saying …": the one cited says it.
fn cited_as_saying(s: &str) -> Option<Attribution> {
    let (_, rest) = s.split_once(" cited ")?;
    let (cited, clause) = rest.split_once(" as saying ")?;
    (cited.split_whitespace().count() <= 8).then(|| Attribution {
        claimants: one(cited),
        denies: false,
        clause: clause.trim_start_matches("that ").to_owned(),
        rule: "cited X as saying",
    })
}

/// Words that call a report untrue.
pub const FALSE: [&str; 12] = [
    "exaggerated",
    "untrue",
    "not true",
    "false",
    "fabricated",
    "baseless",
    "inaccurate",
    "not look accurate",
    "did not match",
    "invented",
    "reverse of the truth",
    "lies",
];

/// Whether a text calls something untrue, by whole words ("lies", never "supplies").
pub fn calls_false(text: &str) -> bool {
    let words = format!(
        " {} ",
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    FALSE.iter().any(|f| words.contains(&format!(" {f} ")))
}

/// "Al-Shamari called the report of 200 deaths exaggerated": who calls a report untrue denies
/// it.
fn called_false(s: &str) -> Option<Attribution> {
    let (who, rest) = [" called ", " branded ", " described "]
        .iter()
        .find_map(|v| s.split_once(v))?;
    let lower = rest.to_lowercase();
    let report = ["report", "figure", "toll", "claim", "account", "number"]
        .iter()
        .any(|w| {
            lower.starts_with(&format!("the {w}")) || lower.starts_with(&format!("those {w}"))
        });
    if !report || !calls_false(&lower) || who.split_whitespace().count() > 8 {
        return None;
    }
    Some(Attribution {
        claimants: vec![speaker(who)?],
        denies: true,
        clause: rest.to_owned(),
        rule: "X called it false",
    })
}

/// "…, according to X" (or "According to X, …"; "By his account, …").
fn according_to(s: &str) -> Option<Attribution> {
    let lower = s.to_lowercase();
    if let Some(rest) = lower.strip_prefix("by ")
        && let Some((whose, _)) = rest.split_once(" account, ")
    {
        let who = match whose {
            "his" => "he",
            "her" => "she",
            "their" => "they",
            "its" => "it",
            other => other.trim_end_matches("'s"),
        };
        return Some(Attribution {
            claimants: one(who),
            denies: false,
            clause: s[4 + whose.len() + " account, ".len()..].to_owned(),
            rule: "according to",
        });
    }
    let at = lower.find("according to ")?;
    let after = at + "according to ".len();
    let end = name_end(s, after);
    // "…, according to Col. Muntathar Al-Shamari, the head of the Iraqi Counterterrorism
    // Unit in Mosul.": the speaker with the body he speaks for.
    if at > 0 && s[end..].starts_with(", ") {
        let aside = s[end + 2..].trim_end().trim_end_matches('.');
        let person = s[after..end].trim();
        if let Some(body) = body_spoken_for(aside) {
            let who = Speaker {
                written: body,
                person: Some(person.to_owned()),
            };
            return Some(Attribution {
                claimants: vec![who],
                denies: false,
                clause: s[..at].to_owned(),
                rule: "according to",
            });
        }
    }
    let clause = if at == 0 {
        s[end.min(s.len())..].to_owned()
    } else {
        format!("{}{}", &s[..at], &s[end.min(s.len())..])
    };
    Some(Attribution {
        claimants: one(&s[after..end]),
        denies: false,
        clause,
        rule: "according to",
    })
}

/// Where a name that starts at `from` ends: at a comma, a semicolon or a full stop that does
/// not close a title ("Col. Muntathar Al-Shamari").
fn name_end(s: &str, from: usize) -> usize {
    const TITLES: [&str; 14] = [
        "Col", "Gen", "Maj", "Lt", "Dr", "Mr", "Mrs", "Ms", "Capt", "Sgt", "Brig", "Adm", "Gov",
        "Sen",
    ];
    let mut at = from;
    while let Some(e) = s[at..].find([',', '.', ';']) {
        let end = at + e;
        let word = s[..end].rsplit(' ').next().unwrap_or("");
        if s[end..].starts_with('.') && TITLES.contains(&word) {
            at = end + 1;
            continue;
        }
        return end;
    }
    s.len()
}

/// Where each attribution verb of `verbs` stands in `s` as a whole word (byte offsets of the
/// verb and past it), skipping "said to be" and "said to have".
fn verbs_in<'a>(s: &'a str, verbs: &'a [&'a str]) -> impl Iterator<Item = (usize, usize, &'a str)> {
    word_spans(s).into_iter().filter_map(move |(at, w)| {
        let word = bare(w);
        let verb = verbs.iter().find(|v| **v == word)?;
        let end = at + w.find(word).unwrap_or(0) + word.len();
        let next = s[end..].trim_start();
        // "said to be"; "claims of civilian casualties" and "reports of" are nouns.
        let noun = ["claims", "reports"].contains(verb) && next.starts_with("of ");
        (!(next.starts_with("to be") || next.starts_with("to have") || noun))
            .then_some((at, end, *verb))
    })
}

/// "…, X said[ on Sunday | in a statement | told AFP][, …]": the claimant between the comma
/// and the verb, and a short tail with no figure after it.
fn said_after(s: &str) -> Option<Attribution> {
    // "Its troops, the division went on, had …": "went on" between commas says it too.
    let went_on = verbs_in(s, &["went"])
        .filter(|&(_, end, _)| s[end..].starts_with(" on,"))
        .map(|(at, end, verb)| (at, end + 3, verb));
    for (at, end, verb) in verbs_in(s, &SAYS)
        .chain(verbs_in(s, &DENIES))
        .chain(went_on)
    {
        let Some(comma) = s[..at].rfind(", ") else {
            continue;
        };
        let who = s[comma + 2..at].trim();
        let words = who.split_whitespace().count();
        let tail_end = s[end..].find([',', '.', ';']).map_or(s.len(), |e| end + e);
        let tail = &s[end..tail_end];
        // What may follow the verb: nothing, or when, where and to whom it was said.
        let first = tail.split_whitespace().next().map(|w| w.to_lowercase());
        let short_tail = tail.split_whitespace().count() <= 7
            && !tail.chars().any(|c| c.is_ascii_digit())
            && !tail.contains(" that")
            && first.is_none_or(|w| {
                [
                    "on",
                    "in",
                    "at",
                    "late",
                    "early",
                    "last",
                    "this",
                    "yesterday",
                    "today",
                    "told",
                    "to",
                    "via",
                    "earlier",
                    "later",
                    "overnight",
                    "separately",
                ]
                .contains(&w.as_str())
                    || WEEKDAYS.contains(&w.as_str())
            });
        let conjunction = ["and", "but", "while"].contains(&who.to_lowercase().as_str());
        let says = who
            .split_whitespace()
            .any(|w| SAYS.contains(&bare(w)) || DENIES.contains(&bare(w)));
        if words == 0 || words > 8 || !short_tail || verb == "saying" || conjunction || says {
            continue;
        }
        // A wire's "…, Reuters reported" after a sentence that names its own speaker
        // is how the outlet heard it, not who said it.
        if let Some(inner) = said_before(&s[..comma]) {
            return Some(inner);
        }
        let Some(who) = speaker(who) else { continue };
        return Some(Attribution {
            claimants: vec![who],
            denies: DENIES.contains(&verb),
            clause: format!("{}{}", &s[..comma], &s[tail_end..]),
            rule: "clause, X said",
        });
    }
    None
}

/// "X said (in a statement) (that) …", "X denied that …", "X put the toll at …": the claimant
/// from the sentence's start (past openings, datelines, asides) to the verb.
fn said_before(s: &str) -> Option<Attribution> {
    let (at, end, verb) = verbs_in(s, &SAYS)
        .chain(verbs_in(s, &DENIES))
        .chain(verbs_in(s, &GIVES))
        .min_by_key(|(at, _, _)| *at)?;
    let index = s[..at].split_whitespace().count();
    if index == 0 || index > 30 {
        return None;
    }
    let before = s[..at].trim_end();
    // "The IDF described the target as …, and said": the sentence's subject said it.
    let who = if before.ends_with(" and") && index > 3 {
        speaker(&subject(before))?
    } else {
        speaker(&strip_aside(before))?
    };
    let claimants = if who.person.is_none() {
        split_joint(&who.written)
            .into_iter()
            .map(|w| Speaker {
                written: w,
                person: None,
            })
            .collect()
    } else {
        vec![who]
    };
    let mut start = end;
    for skip in [
        " as saying",
        " in a statement",
        " on Twitter",
        " on Sunday",
        " on Monday",
        " on Tuesday",
        " on Wednesday",
        " on Thursday",
        " on Friday",
        " on Saturday",
        " that",
    ] {
        if let Some(r) = s[start..].strip_prefix(skip) {
            start = s.len() - r.len();
        }
    }
    Some(Attribution {
        claimants,
        denies: DENIES.contains(&verb),
        clause: s[start.min(s.len())..].to_owned(),
        rule: "X said that",
    })
}

/// A sentence's subject: its first words, while they are capitalised (or "the", "of").
fn subject(s: &str) -> String {
    s.split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase) || ["the", "of"].contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of `s` with their byte offsets.
pub fn word_spans(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// The text without an aside between dashes ("— which often seeks … —").
fn strip_aside(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for part in s.split('\u{2014}') {
        if !inside {
            out.push_str(part);
        }
        inside = !inside;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "the YPG and Syrian state media" → both; "Doctors and Nurses Union" stays one when a part
/// is not a name of its own.
fn split_joint(who: &str) -> Vec<String> {
    let parts: Vec<&str> = who.split(" and ").map(str::trim).collect();
    let named = |p: &str| {
        let p = p.trim_start_matches("the ");
        p.chars().next().is_some_and(char::is_uppercase) && p.split_whitespace().count() <= 4
    };
    // "A member of the team and media reports", "The military and local rescue groups".
    let speakers = |p: &str| {
        let last = p.split_whitespace().last().unwrap_or("").to_lowercase();
        p.split_whitespace().count() <= 4
            && [
                "reports",
                "groups",
                "media",
                "officials",
                "sources",
                "activists",
                "residents",
                "witnesses",
                "monitors",
                "military",
                "army",
                "police",
            ]
            .contains(&last.as_str())
    };
    if parts.len() == 2 && (parts.iter().all(|p| named(p)) || speakers(parts[1])) {
        parts.into_iter().map(str::to_owned).collect()
    } else {
        vec![who.to_owned()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_calls_a_report_false_or_is_cited_as_saying_is_the_speaker() {
        let a = attribution("Al-Shamari called the report of 200 deaths exaggerated.").unwrap();
        assert_eq!((a.names(), a.denies), (vec!["Al-Shamari"], true));
        assert!(attribution("The minister called for calm.").is_none());
        let a = attribution(
            "Al-Ekhbariya, the state channel, cited the coalition as saying an attack had been foiled.",
        )
        .unwrap();
        assert_eq!(a.names(), ["the coalition"]);
        assert_eq!(a.clause, "an attack had been foiled.");
        // "claims of" is a noun, not the verb of a second speaker.
        let s = "The official said it was confirmed, and that Taliban claims of civilian casualties did not look accurate.";
        assert_eq!(parts(s).len(), 1);
    }

    #[test]
    fn attributions_before_after_and_joint() {
        let a = attribution("IS seized two neighborhoods in Hasaka, SOHR said, after fighting.")
            .unwrap();
        assert_eq!(a.names(), ["SOHR"]);
        assert!(!a.denies);
        let a = attribution("The state-run SANA news agency denied that IS had gained a foothold.")
            .unwrap();
        assert_eq!(a.names(), ["The state-run SANA news agency"]);
        assert!(a.denies);
        let a = attribution(
            "Both the YPG and Syrian state media \u{2014} which often says so \u{2014} claimed that the vehicle had entered Kobane.",
        )
        .unwrap();
        assert_eq!(a.names(), ["the YPG", "Syrian state media"]);
        let a = attribution(
            "A member of the team, who asked not to be named for his safety, said 171 people died.",
        )
        .unwrap();
        assert_eq!(a.names(), ["A member of the team"]);
        let a = attribution("KABUL: Officials said at least 40 civilians were killed.").unwrap();
        assert_eq!(a.names(), ["Officials"]);
        let a = attribution("It also said eight people were killed.").unwrap();
        assert_eq!(a.names(), ["It"]);
        let s = "Fighting left at least 13 people dead, according to the monitoring group.";
        let a = attribution(s).unwrap();
        assert_eq!(a.names(), ["the monitoring group"]);
        assert!(a.clause.contains("13 people"));
    }
}
