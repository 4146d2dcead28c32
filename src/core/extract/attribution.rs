//! Who a sentence says said it: "…, SOHR said", "according to the Observatory", "SANA denied
//! that …", "Both the YPG and Syrian state media claimed that …"; and the clause they said.

/// Verbs that attribute a statement; the last ones deny it.
const SAYS: [&str; 17] = [
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "claimed",
    "claims",
    "announced",
    "told",
    "added",
    "stated",
    "confirmed",
    "alleged",
    "denied",
    "denies",
    "rejected",
    "dismissed",
];

/// Words that deny what follows.
const DENIES: [&str; 4] = ["denied", "denies", "rejected", "dismissed"];

/// A sentence's attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The claimants as written ("SOHR", "the YPG"), several when they speak jointly.
    pub claimants: Vec<String>,
    pub denies: bool,
    /// What they said: the sentence without its attribution.
    pub clause: String,
    /// Which pattern found it, for `--json`.
    pub rule: &'static str,
}

/// The parts of a sentence that two speakers say: "Authorities denied the allegations and the
/// governor … said that …" is two; most sentences are one.
pub fn parts(sentence: &str) -> Vec<&str> {
    let mut from = 0;
    while let Some(at) = sentence[from..].find(" and ") {
        let split = from + at;
        let (left, right) = (&sentence[..split], &sentence[split + 5..]);
        let speaks = |part: &str| {
            word_spans(part)
                .iter()
                .take(10)
                .any(|(_, w)| SAYS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        };
        if speaks(left) && speaks(right) && said_before(right).is_some() {
            return vec![left, right];
        }
        from = split + 5;
    }
    vec![sentence]
}

/// The attribution of a sentence, if it has one.
pub fn attribution(sentence: &str) -> Option<Attribution> {
    according_to(sentence)
        .or_else(|| said_after(sentence))
        .or_else(|| said_before(sentence))
}

/// "…, according to X" (or "According to X, …").
fn according_to(s: &str) -> Option<Attribution> {
    let lower = s.to_lowercase();
    let at = lower.find("according to ")?;
    let after = at + "according to ".len();
    let end = s[after..]
        .find([',', '.', ';'])
        .map_or(s.len(), |e| after + e);
    let clause = if at == 0 {
        s[end.min(s.len())..].to_owned()
    } else {
        format!("{}{}", &s[..at], &s[end.min(s.len())..])
    };
    Some(Attribution {
        claimants: vec![s[after..end].trim().to_owned()],
        denies: false,
        clause,
        rule: "according to",
    })
}

/// "…, X said[, …]": the claimant between the comma and the verb.
fn said_after(s: &str) -> Option<Attribution> {
    for verb in SAYS {
        let pattern = format!(" {verb}");
        let mut from = 0;
        while let Some(found) = s[from..].find(&pattern) {
            let at = from + found;
            from = at + pattern.len();
            let next = s[from..].chars().next();
            if next.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let Some(comma) = s[..at].rfind(", ") else {
                continue;
            };
            let who = s[comma + 2..at].trim();
            let words = who.split_whitespace().count();
            if words == 0 || words > 6 || !next.is_none_or(|c| matches!(c, ',' | '.' | ';')) {
                continue;
            }
            // A wire's "…, Reuters reported" after a sentence that names its own speaker
            // is how the outlet heard it, not who said it.
            if let Some(inner) = said_before(&s[..comma]) {
                return Some(inner);
            }
            return Some(Attribution {
                claimants: vec![who.to_owned()],
                denies: DENIES.contains(&verb),
                clause: format!("{}{}", &s[..comma], &s[from..]),
                rule: "clause, X said",
            });
        }
    }
    None
}

/// "X said (in a statement) (that) …", "X denied that …": the claimant from the sentence's
/// start (past "In a later update", a dash's aside) to the verb.
fn said_before(s: &str) -> Option<Attribution> {
    let words: Vec<(usize, &str)> = word_spans(s);
    let (i, verb) = words.iter().enumerate().find_map(|(i, (_, w))| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        SAYS.iter().find(|v| **v == bare).map(|v| (i, *v))
    })?;
    if i == 0 || i > 24 {
        return None;
    }
    let verb_at = words[i].0;
    let before = strip_aside(&s[..verb_at]);
    // "In a later update the YPG said": the claimant follows the last comma or an opening
    // phrase, unless that is an aside ("A member of the team, who asked not to be named,
    // said"; "…, however, the ministry said").
    let aside = |p: &str| {
        let p = p.trim().to_lowercase();
        p.is_empty()
            || ["who ", "which ", "however", "and "]
                .iter()
                .any(|w| p.starts_with(w))
    };
    let parts: Vec<&str> = before.split(", ").collect();
    let mut who = parts
        .iter()
        .rev()
        .find(|p| !aside(p))
        .copied()
        .unwrap_or("")
        .to_owned();
    // A dateline's "KABUL: Officials said".
    if let Some((city, rest)) = who.split_once(": ")
        && city.chars().all(|c| c.is_uppercase() || c == ' ')
    {
        who = rest.to_owned();
    }
    for adverb in [
        " also",
        " later",
        " further",
        " again",
        " then",
        " on Sunday",
    ] {
        if let Some(rest) = who.strip_suffix(adverb) {
            who = rest.to_owned();
        }
    }
    for opening in ["In a later update ", "In a statement ", "On Thursday "] {
        if let Some(rest) = who.strip_prefix(opening) {
            who = rest.to_owned();
        }
    }
    let who = who.trim().trim_start_matches("Both ").trim().to_owned();
    if who.is_empty() || who.split_whitespace().count() > 12 {
        return None;
    }
    let mut start = verb_at + verb.len();
    for skip in [" in a statement", " on Thursday", " on Wednesday", " that"] {
        if let Some(r) = s[start..].strip_prefix(skip) {
            start = s.len() - r.len();
        }
    }
    Some(Attribution {
        claimants: split_joint(&who),
        denies: DENIES.contains(&verb),
        clause: s[start.min(s.len())..].to_owned(),
        rule: "X said that",
    })
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
    if parts.len() == 2 && parts.iter().all(|p| named(p)) {
        parts.into_iter().map(str::to_owned).collect()
    } else {
        vec![who.to_owned()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_before_after_and_joint() {
        let a = attribution("IS seized two neighborhoods in Hasaka, SOHR said, after fighting.")
            .unwrap();
        assert_eq!(a.claimants, ["SOHR"]);
        assert!(!a.denies);
        let a = attribution("The state-run SANA news agency denied that IS had gained a foothold.")
            .unwrap();
        assert_eq!(a.claimants, ["The state-run SANA news agency"]);
        assert!(a.denies);
        let a = attribution(
            "Both the YPG and Syrian state media \u{2014} which often says so \u{2014} claimed that the vehicle had entered Kobane.",
        )
        .unwrap();
        assert_eq!(a.claimants, ["the YPG", "Syrian state media"]);
        let a = attribution(
            "A member of the team, who asked not to be named for his safety, said 171 people died.",
        )
        .unwrap();
        assert_eq!(a.claimants, ["A member of the team"]);
        let a = attribution("KABUL: Officials said at least 40 civilians were killed.").unwrap();
        assert_eq!(a.claimants, ["Officials"]);
        let a = attribution("It also said eight people were killed.").unwrap();
        assert_eq!(a.claimants, ["It"]);
        let s = "Fighting left at least 13 people dead, according to the monitoring group.";
        let a = attribution(s).unwrap();
        assert_eq!(a.claimants, ["the monitoring group"]);
        assert!(a.clause.contains("13 people"));
    }
}
