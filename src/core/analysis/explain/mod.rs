//! Explanations: one sentence per discrepancy that a journalist could paste. Each claim is
//! put as a clause ("SOHR (monitor) says at least 13 people were killed"), from the group's
//! own words, with the number of the verb agreeing with the figure, a denial of reports
//! worded as such, and both places when they differ.

use crate::core::analysis::{Analysis, ClaimFacts};
use crate::core::model::{ClaimKind, Dataset, Stance};

/// What a clause says of one claim.
#[derive(Clone, Debug)]
pub struct Statement<'a> {
    pub claimant: &'a str,
    /// "government, Taliban side".
    pub voice: String,
    pub kind: ClaimKind,
    pub stance: Stance,
    /// The figure as written ("at least 13"), none for a figure-less claim.
    pub figure: Option<String>,
    /// The figure is exactly one (the verb is singular).
    pub one: bool,
    /// The group as written; empty for everyone.
    pub group: &'a str,
    pub detail: &'a str,
    pub place: &'a str,
}

impl Default for Statement<'_> {
    fn default() -> Self {
        Self {
            claimant: "",
            voice: String::new(),
            kind: ClaimKind::Killed,
            stance: Stance::Asserts,
            figure: None,
            one: false,
            group: "",
            detail: "",
            place: "",
        }
    }
}

impl<'a> Statement<'a> {
    /// Claim `c` of the analysis, as a clause says it.
    pub fn of(ds: &'a Dataset, analysis: &'a Analysis, c: u32) -> Self {
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        Self {
            claimant: &facts.claimant,
            voice: voice_label(facts),
            kind: claim.kind,
            stance: claim.stance,
            figure: claim.quantity.map(|q| match claim.quantity_text {
                Some(t) => ds.str(t).to_owned(),
                None => written(q),
            }),
            one: claim
                .quantity
                .is_some_and(|q| q.low == 1 && q.high() == Some(1)),
            group: ds.str(claim.group),
            detail: ds.opt_str(claim.detail),
            place: ds.opt_str(claim.location),
        }
    }
}

/// One sentence for a discrepancy between claims `a` and `b`.
pub fn explain(ds: &Dataset, analysis: &Analysis, a: u32, b: u32, ratio: Option<f64>) -> String {
    let date = ds.claims[a as usize]
        .event_start
        .format("%-d %b %Y")
        .to_string();
    sentence(
        &Statement::of(ds, analysis, a),
        &Statement::of(ds, analysis, b),
        &date,
        ratio,
    )
}

/// "A says …, in P on D; B says …: 2.0× apart." Both places are named when they differ.
pub fn sentence(a: &Statement<'_>, b: &Statement<'_>, date: &str, ratio: Option<f64>) -> String {
    let apart = match ratio {
        Some(r) if r.is_finite() => format!(": {r:.1}× apart"),
        Some(_) => ": one says none".to_owned(),
        None => String::new(),
    };
    let at = |place: &str| {
        if place.is_empty() {
            String::new()
        } else {
            format!(" in {place}")
        }
    };
    let second_place = if b.place != a.place {
        at(b.place)
    } else {
        String::new()
    };
    let same = a.claimant == b.claimant;
    let second = if same {
        if speaks_as_many(b.claimant) {
            format!("they also {}", clause(b))
        } else {
            format!("it also {}", clause(b))
        }
    } else {
        format!("{} ({}) {}", b.claimant, b.voice, clause(b))
    };
    format!(
        "{} ({}) {}{} on {date}; {second}{second_place}{apart}.",
        a.claimant,
        a.voice,
        clause(a),
        at(a.place)
    )
}

/// What one claim says: "says at least 13 people were killed", "denies the reports that
/// civilians were killed", "says IS seized two districts".
/// The verb agrees with the claimant: "Turkish authorities deny …".
pub fn clause(s: &Statement<'_>) -> String {
    let one = clause_of_one(s);
    if speaks_as_many(s.claimant) {
        plural(&one)
    } else {
        one
    }
}

/// Whether a claimant's name is a plural noun phrase ("Turkish authorities", "security
/// forces", "local officials") that takes a plural verb.
pub fn speaks_as_many(claimant: &str) -> bool {
    const PLURAL_HEADS: [&str; 14] = [
        "authorities",
        "forces",
        "officials",
        "rebels",
        "militants",
        "residents",
        "activists",
        "medics",
        "sources",
        "witnesses",
        "troops",
        "police",
        "fighters",
        "doctors",
    ];
    let mut words = claimant.split_whitespace();
    let last = words.next_back().unwrap_or("").to_lowercase();
    // A name of one word is an organisation ("Airwars"), not a crowd.
    words.next().is_some() && PLURAL_HEADS.contains(&last.as_str())
}

/// "says …" → "say …", for a plural subject.
pub fn plural(clause: &str) -> String {
    for (one, many) in [("says ", "say "), ("denies ", "deny "), ("makes ", "make ")] {
        if let Some(rest) = clause.strip_prefix(one) {
            return format!("{many}{rest}");
        }
    }
    clause.to_owned()
}

fn clause_of_one(s: &Statement<'_>) -> String {
    if !s.kind.is_numeric() {
        return statement_clause(s);
    }
    let participle = participle(s.kind);
    match (s.figure.as_deref(), s.stance) {
        (Some(figure), stance) if NONE.contains(&figure.trim().to_lowercase().as_str()) => {
            let verb = if stance == Stance::Denies {
                "denies that"
            } else {
                "says"
            };
            format!("{verb} no {} were {participle}", noun(s.group, false))
        }
        (Some(figure), stance) => {
            let verb = if stance == Stance::Denies {
                "denies that"
            } else {
                "says"
            };
            let figure = figure.trim();
            let be = if s.one { "was" } else { "were" };
            // "Dozens of civilians"; "at least 13 civilians".
            let of = if VAGUE.contains(&figure.to_lowercase().as_str()) {
                " of"
            } else {
                ""
            };
            format!(
                "{verb} {figure}{of} {} {be} {participle}",
                noun(s.group, s.one)
            )
        }
        (None, Stance::Asserts) => {
            format!("says {} were {participle}", noun(s.group, false))
        }
        (None, Stance::Denies) => {
            let base = format!(
                "denies the reports that {} were {participle}",
                noun(s.group, false)
            );
            if s.detail.is_empty() {
                base
            } else {
                format!("{base} ({})", s.detail)
            }
        }
    }
}

/// A statement's clause: its detail, asserted or denied ("denies that IS holds the town").
fn statement_clause(s: &Statement<'_>) -> String {
    let detail = s.detail.trim();
    if detail.is_empty() {
        let verb = if s.stance == Stance::Denies {
            "denies a claim of"
        } else {
            "makes a claim of"
        };
        return format!("{verb} {}", s.kind.as_str());
    }
    match s.stance {
        Stance::Asserts => format!("says {detail}"),
        Stance::Denies => {
            // "Denies …", or "Turkey denies …": the detail says the denial already.
            let denies_already = detail
                .split_whitespace()
                .take(4)
                .any(|w| DENYING_VERBS.contains(&w.to_lowercase().as_str()));
            if denies_already {
                detail.to_owned()
            } else {
                format!("denies that {detail}")
            }
        }
    }
}

/// Figures that say none.
const NONE: [&str; 5] = ["none", "no", "zero", "0", "nil"];

/// A figure given as bounds, in words: "12", "10–15", "at least 13".
fn written(q: crate::core::parse::quantity::Quantity) -> String {
    match q.high() {
        Some(h) if h == q.low => h.to_string(),
        Some(h) => format!("{}–{h}", q.low),
        None => format!("at least {}", q.low),
    }
}

/// Figures that are nouns of their own ("dozens of", "hundreds of").
const VAGUE: [&str; 5] = ["tens", "dozens", "scores", "hundreds", "thousands"];

/// Verbs that already say a denial: a detail starting with one is not denied twice.
const DENYING_VERBS: [&str; 10] = [
    "denies",
    "denied",
    "deny",
    "rejects",
    "rejected",
    "disputes",
    "disputed",
    "dismisses",
    "dismissed",
    "refutes",
];

/// The group as its claimant put it: everyone is "people"; a nationality alone ("Turkish")
/// is people of it; one of a plural group is singular ("one civilian").
fn noun(group: &str, one: bool) -> String {
    let g = group.trim();
    let g = g.strip_prefix("the ").unwrap_or(g);
    let everyone = g.is_empty()
        || ["all", "people", "persons", "person", "everyone", "total"]
            .iter()
            .any(|w| g.eq_ignore_ascii_case(w));
    if everyone {
        return if one { "person" } else { "people" }.to_owned();
    }
    let nationality = !g.contains(' ')
        && g.chars().next().is_some_and(char::is_uppercase)
        && ["ish", "ese", "ian"].iter().any(|end| g.ends_with(end));
    if nationality {
        return format!("{g} {}", if one { "person" } else { "people" });
    }
    let last = g.rsplit(' ').next().unwrap_or(g);
    let plural = ["children", "women", "men", "people"].contains(&last)
        || (last.ends_with('s') && !last.ends_with("ss"));
    if one && plural {
        return singular(g);
    }
    g.to_owned()
}

/// The singular of a plural group as written: "civilians" → "civilian", "children" → "child".
fn singular(plural: &str) -> String {
    let (head, last) = match plural.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), plural),
    };
    let one = match last {
        "children" => "child".to_owned(),
        "women" => "woman".to_owned(),
        "men" => "man".to_owned(),
        "people" => "person".to_owned(),
        w if w.ends_with("ies") => format!("{}y", &w[..w.len() - 3]),
        w => w.strip_suffix('s').unwrap_or(w).to_owned(),
    };
    format!("{head}{one}")
}

fn participle(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Killed => "killed",
        ClaimKind::Injured => "injured",
        ClaimKind::Captured => "captured",
        ClaimKind::Missing => "missing",
        ClaimKind::Displaced => "displaced",
        ClaimKind::Control | ClaimKind::Origin | ClaimKind::Responsibility | ClaimKind::Other => {
            "involved"
        }
    }
}

fn voice_label(facts: &ClaimFacts) -> String {
    let kind = facts.source_type.as_str().replace('_', " ");
    match &facts.side {
        Some(side) => format!("{kind}, {side} side"),
        None => kind,
    }
}

#[cfg(test)]
mod tests;
