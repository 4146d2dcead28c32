//! From article text to proposed claims, by rules written on the app's own parts: who said it
//! (attribution, the source registry), what figure (the quantity parser), what happened (the
//! verb), where (the gazetteer) and when (the publication date and the words for days). No
//! model is downloaded; every claim keeps its sentence as the quote, the characters it came
//! from, the rule that found it and a confidence.

pub mod attribution;
pub mod evaluate;
pub mod figures;
pub mod sentences;
pub mod speakers;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use self::attribution::attribution;
use self::figures::figures;
use self::sentences::sentences;
use crate::core::analysis::places::{Gazetteer, PlaceKey};
use crate::core::import::registry::Registry;
use crate::core::model::{ClaimKind, SourceType, Stance};

/// What the article's header would say: when and where it was published.
#[derive(Clone, Debug, Default)]
pub struct ArticleInfo {
    pub article_id: String,
    pub outlet: String,
    pub url: String,
    pub published: Option<NaiveDate>,
}

/// A claim proposed from a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposed {
    pub source: String,
    pub source_type: Option<SourceType>,
    pub side: Option<String>,
    pub kind: ClaimKind,
    pub group: String,
    pub count: String,
    pub detail: String,
    pub stance: Stance,
    pub location: String,
    /// `YYYY-MM-DD` or a span `FROM/TO`; empty when the article has no date.
    pub event_date: String,
    /// The sentence, and where it lies in the text (characters, end exclusive).
    pub quote: String,
    pub span: (usize, usize),
    pub rule: &'static str,
    pub confidence: f32,
}

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

/// Words that make a sentence background rather than a report of an event.
const BACKGROUND: [&str; 16] = [
    "since the war",
    "since the conflict",
    "since the start",
    "since the beginning",
    "since the invasion",
    "since the uprising",
    "since the coup",
    "since 19",
    "since 20",
    "since it began",
    "has killed more than",
    "have been killed since",
    "over the years",
    "last year",
    "eventually",
    "had looked",
];

/// The claims an article's text proposes, sentence by sentence.
pub fn extract(text: &str, info: &ArticleInfo) -> Vec<Proposed> {
    let mut state = State::default();
    let mut out = Vec::new();
    for s in sentences(text) {
        let before = out.len();
        sentence_claims(&s, info, &mut state, &mut out);
        // "The city", "the town" and sentences naming no place mean the last place named.
        let named = out[before..]
            .last()
            .map(|c| c.location.clone())
            .filter(|l| !l.is_empty())
            .or_else(|| place(s.text));
        if named.is_some() {
            state.last_place = named;
        }
    }
    out
}

/// What earlier sentences said that later ones refer to.
#[derive(Default)]
struct State {
    /// The claimants named so far, the last named last.
    recent: Vec<Claimant>,
    /// People named as speaking for a claimant ("Mahmud Bassal" for the civil defence agency).
    people: Vec<(String, Claimant)>,
    last_place: Option<String>,
    /// The last claim without a figure, that "denied the allegations" denies.
    last_statement: Option<Proposed>,
}

#[derive(Clone, Debug)]
struct Claimant {
    name: String,
    source_type: Option<SourceType>,
    side: Option<String>,
}

fn sentence_claims(
    s: &sentences::Sentence<'_>,
    info: &ArticleInfo,
    state: &mut State,
    out: &mut Vec<Proposed>,
) {
    let lower = s.text.to_lowercase();
    if BACKGROUND.iter().any(|b| lower.contains(b)) {
        return;
    }
    for part in attribution::parts(s.text) {
        part_claims(s, part, info, state, out);
    }
}

/// The claims of one speaker's part of a sentence.
fn part_claims(
    s: &sentences::Sentence<'_>,
    part: &str,
    info: &ArticleInfo,
    state: &mut State,
    out: &mut Vec<Proposed>,
) {
    let lower = s.text.to_lowercase();
    let found = attribution(part);
    let (claimants, clause, denies, rule, confidence) = match &found {
        Some(a) => (
            a.claimants
                .iter()
                .flat_map(|c| claimants_of(c, state))
                .collect::<Vec<_>>(),
            a.clause.as_str(),
            a.denies,
            a.rule,
            0.8,
        ),
        // The outlet's own narration: its own claim, never one it quotes.
        None => (
            vec![Claimant {
                name: info.outlet.clone(),
                source_type: None,
                side: None,
            }],
            part,
            false,
            "the outlet's narration",
            0.4,
        ),
    };
    // Where an attack came from is not where it happened: an origin's place is the event's.
    let origin = statement(clause, denies, state).is_some_and(|(k, _)| k == ClaimKind::Origin);
    let location = if origin {
        place(clause.split(" from ").next().unwrap_or(""))
    } else {
        place(clause).or_else(|| place(part))
    }
    .or_else(|| state.last_place.clone())
    .unwrap_or_default();
    let proposed =
        |who: &Claimant, kind, (group, count, detail): (String, String, String)| Proposed {
            source: who.name.clone(),
            source_type: who.source_type,
            side: who.side.clone(),
            kind,
            group,
            count,
            detail,
            stance: if denies {
                Stance::Denies
            } else {
                Stance::Asserts
            },
            location: location.clone(),
            event_date: event_date(&lower, info.published),
            quote: s.text.to_owned(),
            span: (s.start, s.end),
            rule,
            confidence,
        };
    let counted = figures(clause);
    for who in &claimants {
        for f in &counted {
            out.push(proposed(
                who,
                f.kind,
                (f.group.clone(), f.count.clone(), String::new()),
            ));
        }
        if let Some(mut claim) = statement(clause, denies, state)
            .map(|(kind, detail)| proposed(who, kind, (String::new(), String::new(), detail)))
        {
            if denies && let Some(previous) = refers_to_earlier(clause, state) {
                claim.kind = previous.kind;
                claim.detail = previous.detail.clone();
                claim.location = previous.location.clone();
            }
            state.last_statement = Some(claim.clone());
            out.push(claim);
        }
    }
    if let Some(a) = &found {
        remember(a, &claimants, state);
    }
}

/// The claimants and people of an attribution, for later sentences to refer back to.
fn remember(a: &attribution::Attribution, claimants: &[Claimant], state: &mut State) {
    for (speaker, who) in a.claimants.iter().zip(claimants) {
        if let Some(person) = &speaker.person {
            state.people.push((person.clone(), who.clone()));
        }
    }
    for who in claimants {
        state.recent.retain(|c| c.name != who.name);
        state.recent.push(who.clone());
    }
}

/// The claimants a speaker names: those named before for "it", "the agency", "Bassal" or
/// "both groups"; else the one written.
fn claimants_of(speaker: &speakers::Speaker, state: &State) -> Vec<Claimant> {
    let lower = speaker.written.trim().to_lowercase();
    if BOTH.contains(&lower.as_str()) && state.recent.len() >= 2 {
        return state.recent[state.recent.len() - 2..].to_vec();
    }
    if let Some(earlier) = named_before(&lower, state) {
        return vec![earlier];
    }
    vec![claimant(&speaker.written)]
}

/// The claimant named before that words refer to: any for "it" or "he"; one whose name has the
/// head noun of "the agency", "the military", "the committee"; the one a person named before
/// spoke for ("Bassal", "Zaw Min Tun").
fn named_before(lower: &str, state: &State) -> Option<Claimant> {
    if REFERS_BACK.contains(&lower) {
        return state.recent.last().cloned();
    }
    if let Some((_, who)) = state.people.iter().rev().find(|(person, _)| {
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
    state
        .recent
        .iter()
        .rev()
        .find(|c| {
            c.name
                .to_lowercase()
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w == head)
        })
        .cloned()
}

/// A claimant as written, known to the registry (its name, type and side) or kept as written
/// with a type guessed from its words.
fn claimant(written: &str) -> Claimant {
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

/// A claim without a figure the clause makes: control of a place, where an attack came from,
/// who did it; a denial of any of these. `None` when the clause says none of them.
fn statement(clause: &str, denies: bool, state: &State) -> Option<(ClaimKind, String)> {
    let lower = clause.to_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|c| lower.contains(c));
    let detail = clause
        .trim()
        .trim_end_matches(['.', ','])
        .trim_start_matches("that ")
        .to_owned();
    let kind = if has(&[
        "from the turkish side",
        "entered",
        "attacked from",
        "launched from",
        "came from",
        "crossed from",
    ]) && has(&[" from "])
    {
        ClaimKind::Origin
    } else if has(&[
        "seized",
        "took control",
        "took complete control",
        "overran",
        "foothold",
        "retook",
        "captured the",
        "pushing is out",
        "pushed is out",
    ]) {
        ClaimKind::Control
    } else if has(&["claimed responsibility", "responsible for", "blamed"]) {
        ClaimKind::Responsibility
    } else if denies && refers_to_earlier(clause, state).is_some() {
        ClaimKind::Other
    } else {
        return None;
    };
    Some((kind, detail))
}

/// The earlier claim a denial of "the allegations" or "the reports" denies.
fn refers_to_earlier<'a>(clause: &str, state: &'a State) -> Option<&'a Proposed> {
    let lower = clause.to_lowercase();
    [
        "the allegations",
        "the claims",
        "the reports",
        "the accusations",
        "the allegation",
    ]
    .iter()
    .any(|w| lower.contains(w))
    .then_some(())
    .and(state.last_statement.as_ref())
}

/// The most specific place a text names: a town before a province before a country.
fn place(text: &str) -> Option<String> {
    let gazetteer = Gazetteer::builtin();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let none = HashMap::new();
    let mut best: Option<(u8, String)> = None;
    for len in (1..=3).rev() {
        for window in words.windows(len) {
            // Capitalised, and not an acronym (SANA is an agency, not Sanaa).
            let acronym = |w: &str| {
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            };
            if !window[0].chars().next().is_some_and(char::is_uppercase)
                || window.iter().any(|w| acronym(w))
            {
                continue;
            }
            let phrase = window.join(" ");
            let phrase = phrase.trim_end_matches("'s");
            let r = gazetteer.resolve(phrase, &none);
            let PlaceKey::Known(i) = r.key else { continue };
            if r.approximate {
                continue;
            }
            let Some(p) = gazetteer.place(i) else {
                continue;
            };
            let rank = match p.kind.as_str() {
                "town" => 3,
                "country" => 1,
                _ => 2,
            };
            if best.as_ref().is_none_or(|(b, _)| rank > *b) {
                best = Some((rank, p.name.clone()));
            }
        }
    }
    best.map(|(_, name)| name)
}

/// When it happened: the day a weekday names (the last one before publication), the day before
/// for "overnight" or "yesterday", the week before for "last week", else the publication date.
fn event_date(lower: &str, published: Option<NaiveDate>) -> String {
    let Some(day) = published else {
        return String::new();
    };
    let days = [
        ("monday", chrono::Weekday::Mon),
        ("tuesday", chrono::Weekday::Tue),
        ("wednesday", chrono::Weekday::Wed),
        ("thursday", chrono::Weekday::Thu),
        ("friday", chrono::Weekday::Fri),
        ("saturday", chrono::Weekday::Sat),
        ("sunday", chrono::Weekday::Sun),
    ];
    if lower.contains("last week") {
        let from =
            day - chrono::Duration::days(7 + i64::from(day.weekday().num_days_from_monday()));
        let to = from + chrono::Duration::days(6);
        return format!("{from}/{to}");
    }
    if let Some((_, weekday)) = days
        .iter()
        .find(|(name, _)| lower.contains(&format!("on {name}")))
    {
        let mut d = day;
        while d.weekday() != *weekday {
            d -= chrono::Duration::days(1);
        }
        return d.to_string();
    }
    day.to_string()
}

/// The columns a proposed claims file has: the import format's, then where each claim came
/// from.
pub const CSV_HEADER: [&str; 20] = [
    "article_id",
    "outlet",
    "published",
    "reported_at",
    "url",
    "source",
    "source_type",
    "side",
    "claim",
    "group",
    "count",
    "detail",
    "stance",
    "location",
    "event_date",
    "quote",
    "span_start",
    "span_end",
    "rule",
    "confidence",
];

/// A proposed claim's row under [`CSV_HEADER`].
pub fn csv_row(info: &ArticleInfo, c: &Proposed) -> Vec<String> {
    let published = info.published.map(|d| d.to_string()).unwrap_or_default();
    vec![
        info.article_id.clone(),
        info.outlet.clone(),
        published.clone(),
        published,
        info.url.clone(),
        c.source.clone(),
        c.source_type
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default(),
        c.side.clone().unwrap_or_default(),
        c.kind.as_str().to_owned(),
        c.group.clone(),
        c.count.clone(),
        c.detail.clone(),
        c.stance.as_str().to_owned(),
        c.location.clone(),
        c.event_date.clone(),
        c.quote.clone(),
        c.span.0.to_string(),
        c.span.1.to_string(),
        c.rule.to_owned(),
        format!("{:.2}", c.confidence),
    ]
}

/// The claims of several articles as one claims file, which the importer reads.
pub fn to_csv(articles: &[(ArticleInfo, Vec<Proposed>)]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    for (info, claims) in articles {
        for c in claims {
            writer.write_record(csv_row(info, c))?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
