//! From article text to proposed claims, by rules written on the app's own parts: who said it
//! (attribution, the source registry), what figure (the quantity parser), what happened (the
//! verb), where (the gazetteer) and when (the publication date and the words for days). No
//! model is downloaded; every claim keeps its sentence as the quote, the characters it came
//! from, the rule that found it and a confidence.

pub mod article;
pub mod attribution;
mod claimants;
pub mod dates;
pub mod evaluate;
pub mod figures;
pub mod sentences;
pub mod speakers;
mod statements;
mod words;

use std::collections::HashMap;

use chrono::NaiveDate;

use self::attribution::attribution;
use self::claimants::{Claimant, Known};
use self::figures::{Figure, figures};
use self::sentences::sentences;
use self::statements::{
    denies_responsibility, disputes, refers_to_earlier, split_denial, statement,
};
use crate::core::analysis::places::{Gazetteer, PlaceKey};
use crate::core::import::format::claims::columns::Field;
use crate::core::model::{ClaimKind, SourceType, Stance};
use crate::core::parse::text::guard;

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

/// Words that make a sentence background rather than a report of an event.
const BACKGROUND: [&str; 18] = [
    "since the war",
    "the war began",
    "since the conflict",
    "since the start",
    "since the beginning",
    "since the invasion",
    "since the uprising",
    "since the coup",
    "since 19",
    "since 20",
    "since it began",
    "since it broke out",
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
    state.known.context = claimants::Context::of(text);
    let mut out = Vec::new();
    for s in sentences(text).into_iter().filter(|s| !s.heading) {
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
    /// The claimants and people named so far.
    known: Known,
    last_place: Option<String>,
    /// The last claim without a figure, that "denied the allegations" denies.
    last_statement: Option<Proposed>,
    /// The kind of the last figure claimed, that "dismissed those reports" denies, and
    /// whether it came after `last_statement`.
    last_counted: Option<(ClaimKind, bool)>,
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

/// Who says a part of a sentence, and what.
struct Said<'a> {
    claimants: Vec<Claimant>,
    clause: &'a str,
    denies: bool,
    rule: &'static str,
    confidence: f32,
}

fn said<'a>(
    found: Option<&'a attribution::Attribution>,
    part: &'a str,
    info: &ArticleInfo,
    state: &State,
) -> Said<'a> {
    match found {
        Some(a) => Said {
            claimants: a
                .claimants
                .iter()
                .flat_map(|c| state.known.claimants_of(c))
                .collect(),
            clause: a.clause.as_str(),
            denies: a.denies,
            rule: a.rule,
            confidence: 0.8,
        },
        // The outlet's own narration: its own claim, never one it quotes.
        None => Said {
            claimants: vec![Claimant {
                name: info.outlet.clone(),
                source_type: None,
                side: None,
            }],
            clause: part,
            denies: false,
            rule: "the outlet's narration",
            confidence: 0.4,
        },
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
    let Said {
        claimants,
        clause,
        denies,
        rule,
        confidence,
    } = said(found.as_ref(), part, info, state);
    // "said there were no tents", "said it had not targeted any civilians", "the reverse of
    // the truth": said, and a denial.
    let denies = denies || (found.is_some() && disputes(clause));
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
        |who: &Claimant, kind, stance, (group, count, detail): (String, String, String)| Proposed {
            source: who.name.clone(),
            source_type: who.source_type,
            side: who.side.clone(),
            kind,
            group,
            count,
            detail,
            stance,
            location: location.clone(),
            event_date: dates::event_date(&lower, info.published),
            quote: s.text.to_owned(),
            span: (s.start, s.end),
            rule,
            confidence,
        };
    let mut counted = counted(clause, denies);
    if found.is_none() {
        counted.retain(|(f, _)| outlets_own(&lower, clause, f));
    }
    for who in &claimants {
        for (f, stance) in &counted {
            out.push(proposed(
                who,
                f.kind,
                *stance,
                (
                    owned_group(&f.group, who, found.as_ref()),
                    f.count.clone(),
                    String::new(),
                ),
            ));
        }
        let figures_denied = counted.iter().any(|(_, s)| *s == Stance::Denies);
        if let Some(mut claim) = statement(clause, denies, state)
            .filter(|_| !figures_denied)
            .map(|(kind, detail)| {
                proposed(
                    who,
                    kind,
                    stance_of(denies),
                    (String::new(), String::new(), detail),
                )
            })
        {
            if denies && let Some(previous) = refers_to_earlier(clause, state) {
                claim.kind = previous.kind;
                claim.detail = previous.detail.clone();
                claim.location = previous.location.clone();
            }
            state.last_statement = Some(claim.clone());
            state.last_counted = state.last_counted.map(|(k, _)| (k, false));
            out.push(claim);
        }
    }
    if let Some((f, _)) = counted.last() {
        state.last_counted = Some((f.kind, true));
    }
    if let Some(a) = &found {
        state.known.remember(a, &claimants);
    }
}

/// Whether a figure of the outlet's narration is its own: not "the 61 bodies" (a figure
/// already reported), not what it recalls of "earlier this month" (another event's
/// background), not "allegations surfaced that the dead could number 200" (someone alleges
/// it, and the outlet does not say who).
fn outlets_own(lower: &str, clause: &str, f: &Figure) -> bool {
    let recalled = ["earlier this month", "last month", "earlier this year"]
        .iter()
        .any(|w| lower.contains(w));
    let hearsay = ["allegations", "reports", "claims", "rumours", "rumors"]
        .iter()
        .any(|w| {
            ["surfaced that", "emerged that", "circulated that"]
                .iter()
                .any(|v| lower.contains(&format!("{w} {v}")))
        });
    !recalled && !hearsay && !clause.contains(&format!("the {}", f.count))
}

fn stance_of(denied: bool) -> Stance {
    if denied {
        Stance::Denies
    } else {
        Stance::Asserts
    }
}

/// The figures of a clause with their stance: "X dismissed those reports, saying just three of
/// their men had been wounded" asserts what follows "saying".
fn counted(clause: &str, denies: bool) -> Vec<(Figure, Stance)> {
    let (denied, asserted) = if denies {
        split_denial(clause)
    } else {
        ("", clause)
    };
    // A denial of a report's figures denies the report, not each figure: one figure-less
    // denial of the first figure's kind (none when it denies having done it).
    let denied = figures(denied)
        .into_iter()
        .take(usize::from(!denies_responsibility(denied)))
        .map(|f| {
            let figure = Figure {
                count: String::new(),
                ..f
            };
            (figure, stance_of(true))
        });
    denied
        .chain(figures(asserted).into_iter().map(|f| (f, stance_of(false))))
        .collect()
}

/// A group that belongs to its speaker, named for them: "six of its members" of the Resistance
/// Front are "Resistance Front members"; "three of their men" of Taliban leaders are "Taliban
/// fighters".
fn owned_group(group: &str, who: &Claimant, found: Option<&attribution::Attribution>) -> String {
    let Some(noun) = ["its ", "their ", "our "]
        .iter()
        .find_map(|p| group.strip_prefix(p))
    else {
        return group.to_owned();
    };
    let noun = if ["men", "man"].contains(&noun) {
        "fighters"
    } else {
        noun
    };
    let written = found
        .and_then(|a| a.claimants.first())
        .map_or(who.name.as_str(), |s| s.written.as_str());
    let party = claimants::party_within(written).unwrap_or_else(|| {
        written
            .trim()
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .to_owned()
    });
    format!("{party} {noun}")
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

/// Where in the article each proposed claim came from, and which rule proposed it.
const PROVENANCE: [&str; 4] = ["span_start", "span_end", "rule", "confidence"];

/// How a proposed claim fills a column of the claims table.
type Filler = fn(&ArticleInfo, &Proposed) -> String;

/// How a proposed claim fills `field`, or `None` for a field an article does not fill: the
/// figure is written as words in `count`, and an article names no event id, compiler or
/// coordinates.
fn filler(field: Field) -> Option<Filler> {
    let published: Filler = |info, _| info.published.map(|d| d.to_string()).unwrap_or_default();
    let fill: Filler = match field {
        Field::ArticleId => |info, _| info.article_id.clone(),
        Field::Outlet => |info, _| info.outlet.clone(),
        // A claim is taken as said on the day the article was published.
        Field::Published | Field::ReportedAt => published,
        Field::Url => |info, _| info.url.clone(),
        Field::Source => |_, c| c.source.clone(),
        Field::SourceType => |_, c| {
            c.source_type
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default()
        },
        Field::Side => |_, c| c.side.clone().unwrap_or_default(),
        Field::Claim => |_, c| c.kind.as_str().to_owned(),
        Field::Group => |_, c| c.group.clone(),
        Field::Count => |_, c| c.count.clone(),
        Field::Detail => |_, c| c.detail.clone(),
        Field::Stance => |_, c| c.stance.as_str().to_owned(),
        Field::Location => |_, c| c.location.clone(),
        Field::EventDate => |_, c| c.event_date.clone(),
        Field::Quote => |_, c| c.quote.clone(),
        Field::Low
        | Field::High
        | Field::Best
        | Field::Qualifier
        | Field::DateStart
        | Field::DateEnd
        | Field::EventId
        | Field::Latitude
        | Field::Longitude
        | Field::CompiledBy => return None,
    };
    Some(fill)
}

/// The columns a proposed claims file has: those of the claims table an article fills (in
/// the table's order, under their canonical names), then where each claim came from.
pub fn csv_header() -> Vec<&'static str> {
    Field::WRITTEN
        .into_iter()
        .filter(|&field| filler(field).is_some())
        .map(Field::name)
        .chain(PROVENANCE)
        .collect()
}

/// A proposed claim's row under [`csv_header`].
pub fn csv_row(info: &ArticleInfo, c: &Proposed) -> Vec<String> {
    let mut row: Vec<String> = Field::WRITTEN
        .into_iter()
        .filter_map(filler)
        .map(|fill| fill(info, c))
        .collect();
    row.extend([
        c.span.0.to_string(),
        c.span.1.to_string(),
        c.rule.to_owned(),
        format!("{:.2}", c.confidence),
    ]);
    row
}

/// The claims of several articles as one claims file, which the importer reads. A cell a
/// spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd`, `＝…`) gets a leading
/// apostrophe, as in every table written, and the importer reads it back as written.
pub fn to_csv(articles: &[(ArticleInfo, Vec<Proposed>)]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(csv_header())?;
    for (info, claims) in articles {
        for c in claims {
            let row = csv_row(info, c);
            writer.write_record(row.iter().map(|cell| guard(cell).into_owned()))?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
