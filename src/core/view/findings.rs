//! Findings: the disagreements put as a reader would tell them. The discrepancies of one
//! question (one event, one kind of claim, one group) make one finding, whose claimants fall
//! on two sides: "SOHR says IS seized two districts of Hasaka; SANA denies it". Each side keeps
//! every claim behind it, with its outlet, date, quote and link.

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use crate::core::analysis::explain::{Statement, clause, plural, speaks_as_many};
use crate::core::analysis::{Analysis, Discrepancy, DiscrepancyKind, Severity};
use crate::core::model::{ClaimKind, Dataset};
use crate::core::parse::dates::long_date;

/// One disagreement, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable across runs: the event's id and the question (`hasakah-2015-06-25/control`).
    pub id: String,
    /// Index into the analysis' events.
    pub event: usize,
    pub severity: Severity,
    /// The most people in dispute among its discrepancies.
    pub people: Option<u32>,
    pub kind: DiscrepancyKind,
    pub claim_kind: ClaimKind,
    /// The question: "Who holds Hasaka", "How many civilians were killed in Kobane".
    pub title: String,
    /// The event's date as captions write it ("25 June 2015").
    pub date: String,
    /// Both sides in one or two sentences.
    pub summary: String,
    /// The two sides, each with every claim behind it (indices into the dataset's claims);
    /// [`Finding::witnesses`] says what each claim says and where it was published.
    pub sides: [Vec<u32>; 2],
    /// What each side is: "One side" and "The other", or "Lower figures" and "Higher figures".
    pub headings: [&'static str; 2],
    /// Indices into the analysis' discrepancies.
    pub discrepancies: Vec<usize>,
}

/// One claim behind a side of a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Witness {
    pub claim: u32,
    pub claimant: String,
    /// "state media, Syrian government side".
    pub voice: String,
    /// "says at least 13 people were killed".
    pub says: String,
    /// Who published it, when it does not speak for itself ("VICE News").
    pub outlet: String,
    /// When it was reported or published ("25 June 2015").
    pub date: String,
    pub quote: String,
    pub url: String,
    /// The claim's id (`file:line`).
    pub claim_id: String,
}

impl Witness {
    /// Where the claim comes from: "SOHR via VICE News, 25 June 2015".
    pub fn provenance(&self) -> String {
        let mut s = self.claimant.clone();
        if !self.outlet.is_empty() && self.outlet != self.claimant {
            s.push_str(" via ");
            s.push_str(&self.outlet);
        }
        if !self.date.is_empty() {
            s.push_str(", ");
            s.push_str(&self.date);
        }
        s
    }
}

impl Finding {
    /// The first `limit` claims of one side (all when none) in words, with their provenance.
    pub fn witnesses(
        &self,
        ds: &Dataset,
        analysis: &Analysis,
        side: usize,
        limit: Option<usize>,
    ) -> Vec<Witness> {
        let claims = self.sides.get(side).map_or(&[][..], Vec::as_slice);
        let claims = &claims[..limit.map_or(claims.len(), |n| n.min(claims.len()))];
        claims.iter().map(|&c| witness(ds, analysis, c)).collect()
    }

    /// The finding as plain text, for the clipboard or a report: the question, both sides
    /// with their provenance and quotes.
    pub fn to_text(&self, ds: &Dataset, analysis: &Analysis) -> String {
        let mut text = format!(
            "{} ({}, {} severity)\n{}\n",
            self.title,
            self.date,
            self.severity.as_str(),
            self.summary
        );
        for (side, heading) in self.headings.iter().enumerate() {
            text.push_str(&format!("\n{heading}:\n"));
            for w in &self.witnesses(ds, analysis, side, None) {
                text.push_str(&format!(
                    "- {} {} ({})\n",
                    w.claimant,
                    w.says,
                    w.provenance()
                ));
                if !w.quote.is_empty() {
                    text.push_str(&format!("  \"{}\"\n", w.quote));
                }
                if !w.url.is_empty() {
                    text.push_str(&format!("  {}\n", w.url));
                }
            }
        }
        text
    }

    /// Whether `name` speaks on either side.
    pub fn involves(&self, analysis: &Analysis, name: &str) -> bool {
        self.sides
            .iter()
            .flatten()
            .any(|&c| analysis.facts[c as usize].claimant.as_ref() == name)
    }
}

/// Every finding of an analysis, most important first: severity, then people in dispute, then
/// what is at stake (lives, then ground, then who did it, then where it came from), then how
/// many claimants take part, then date.
pub fn findings(ds: &Dataset, analysis: &Analysis) -> Vec<Finding> {
    // Each question's discrepancies in their order, grouped without writing the question out.
    let mut questions: HashMap<(usize, ClaimKind, u8, &str), Vec<usize>> = HashMap::new();
    for (i, d) in analysis.discrepancies.iter().enumerate() {
        let (shape, group) = question_shape(d);
        questions
            .entry((d.event, d.claim_kind, shape, group))
            .or_default()
            .push(i);
    }
    let questions: Vec<_> = questions.into_iter().collect();
    // With the number of claimants each finding has, which its order needs.
    let mut found: Vec<(usize, Finding)> = questions
        .into_par_iter()
        .map(|((event, ..), list)| {
            let q = question(&analysis.discrepancies[list[0]]);
            let finding = finding(ds, analysis, event, &q, list);
            (claimants(analysis, &finding), finding)
        })
        .collect();
    found.par_sort_unstable_by(|(a_claimants, a), (b_claimants, b)| {
        b.severity
            .cmp(&a.severity)
            .then(b.people.unwrap_or(0).cmp(&a.people.unwrap_or(0)))
            .then(stake(a.claim_kind).cmp(&stake(b.claim_kind)))
            .then(b_claimants.cmp(a_claimants))
            .then_with(|| {
                let date = |f: &Finding| analysis.events.get(f.event).map(|e| e.date_from);
                date(a).cmp(&date(b))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    found.into_iter().map(|(_, finding)| finding).collect()
}

/// What [`question`] writes out, as a key: the kind of disagreement and, where it counts,
/// the group.
fn question_shape(d: &Discrepancy) -> (u8, &str) {
    match d.kind {
        DiscrepancyKind::Numeric => (0, &d.group),
        DiscrepancyKind::Contradiction if d.claim_kind.is_numeric() => (1, &d.group),
        DiscrepancyKind::Contradiction => (2, ""),
        DiscrepancyKind::PartExceedsTotal => (3, ""),
        DiscrepancyKind::Status => (4, ""),
    }
}

/// What a discrepancy is a disagreement about: its kind of claim, and for figures the group.
fn question(d: &Discrepancy) -> String {
    let kind = d.claim_kind.as_str();
    match d.kind {
        DiscrepancyKind::Numeric => format!("{kind}/{}", d.group),
        DiscrepancyKind::Contradiction if d.claim_kind.is_numeric() => {
            format!("{kind}/{}/denied", d.group)
        }
        DiscrepancyKind::Contradiction => kind.to_owned(),
        DiscrepancyKind::PartExceedsTotal => format!("{kind}/parts"),
        DiscrepancyKind::Status => format!("{kind}/status"),
    }
}

/// Lower is graver: lives first, then ground, responsibility, origin, the rest.
fn stake(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Killed => 0,
        ClaimKind::Injured | ClaimKind::Captured | ClaimKind::Missing => 1,
        ClaimKind::Displaced => 2,
        ClaimKind::Control => 3,
        ClaimKind::Responsibility => 4,
        ClaimKind::Origin => 5,
        ClaimKind::Other => 6,
    }
}

fn claimants(analysis: &Analysis, f: &Finding) -> usize {
    let mut names: Vec<&str> = f
        .sides
        .iter()
        .flatten()
        .map(|&c| analysis.facts[c as usize].claimant.as_ref())
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

fn finding(
    ds: &Dataset,
    analysis: &Analysis,
    event: usize,
    question: &str,
    discrepancies: Vec<usize>,
) -> Finding {
    let list: Vec<&Discrepancy> = discrepancies
        .iter()
        .map(|&i| &analysis.discrepancies[i])
        .collect();
    let top = list[0];
    let numeric = top.kind == DiscrepancyKind::Numeric;
    let [one, other] = if numeric {
        low_and_high(ds, &list)
    } else {
        two_sides(&list)
    };
    // The sentence is made from the first claims of each side, enough for its few clauses.
    let sample = |side: &[u32]| -> Vec<Witness> {
        side.iter()
            .take(SAMPLE)
            .map(|&c| witness(ds, analysis, c))
            .collect()
    };
    let said = [
        side_sentence(&sample(&one), one.len()),
        side_sentence(&sample(&other), other.len()),
    ];
    let sides = [one, other];
    let place = analysis
        .events
        .get(event)
        .map_or("", |e| e.location.as_str());
    let date = analysis
        .events
        .get(event)
        .map(|e| long_date(e.date_from))
        .unwrap_or_default();
    let people = list.iter().filter_map(|d| d.people).max();
    let gap = match (people, top.ratio) {
        (Some(p), Some(r)) if r.is_finite() => {
            format!(" They are {r:.1}× apart: {p} people in dispute.")
        }
        _ => String::new(),
    };
    let summary = format!("{} {}{gap}", said[0], said[1]);
    Finding {
        id: format!(
            "{}/{question}",
            analysis.events.get(event).map_or("", |e| e.id.as_str())
        ),
        event,
        severity: list
            .iter()
            .map(|d| d.severity)
            .max()
            .unwrap_or(Severity::Low),
        people,
        kind: top.kind,
        claim_kind: top.claim_kind,
        title: title(top, place),
        date,
        summary,
        sides,
        headings: if numeric {
            ["Lower figures", "Higher figures"]
        } else {
            ["One side", "The other"]
        },
        discrepancies,
    }
}

/// The claims of a numeric question split where their figures are furthest apart (by ratio),
/// each side lowest first.
fn low_and_high(ds: &Dataset, list: &[&Discrepancy]) -> [Vec<u32>; 2] {
    let mut claims: Vec<(f64, u32)> = list
        .iter()
        .flat_map(|d| d.claims)
        .map(|c| {
            let point = ds.claims[c as usize].quantity.map_or(0.0, |q| q.point());
            (point, c)
        })
        .collect();
    claims.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    claims.dedup_by_key(|(_, c)| *c);
    let gap = |w: &[(f64, u32)]| (w[1].0 + 1.0) / (w[0].0 + 1.0);
    let split = claims
        .windows(2)
        .enumerate()
        .max_by(|(_, a), (_, b)| gap(a).total_cmp(&gap(b)))
        .map_or(1, |(i, _)| i + 1);
    let (low, high) = claims.split_at(split.min(claims.len()));
    [
        low.iter().map(|&(_, c)| c).collect(),
        high.iter().map(|&(_, c)| c).collect(),
    ]
}

/// The question a finding answers, as a heading.
fn title(d: &Discrepancy, place: &str) -> String {
    let at = if place.is_empty() {
        String::new()
    } else {
        format!(" in {place}")
    };
    let participle = d.claim_kind.as_str();
    let group = if d.group.is_empty() || &*d.group == "people" {
        "people"
    } else {
        d.group.as_ref()
    };
    match (d.kind, d.claim_kind) {
        (DiscrepancyKind::Numeric, _) => format!("How many {group} were {participle}{at}"),
        (DiscrepancyKind::PartExceedsTotal, _) => {
            format!("A part larger than its total: {participle}{at}")
        }
        (DiscrepancyKind::Status, _) => {
            format!("Civilians or fighters: who was {participle}{at}")
        }
        (DiscrepancyKind::Contradiction, ClaimKind::Control) => {
            format!(
                "Who holds {}",
                if place.is_empty() {
                    "the ground"
                } else {
                    place
                }
            )
        }
        (DiscrepancyKind::Contradiction, ClaimKind::Origin) => {
            format!(
                "Where the attack{} came from",
                at.replacen(" in ", " on ", 1)
            )
        }
        (DiscrepancyKind::Contradiction, ClaimKind::Responsibility) => {
            format!("Who was behind it{at}")
        }
        (DiscrepancyKind::Contradiction, ClaimKind::Other) => format!("What happened{at}"),
        (DiscrepancyKind::Contradiction, _) => {
            format!("Whether {group} were {participle}{at}")
        }
    }
}

/// The claims of a question on two sides: each discrepancy puts its claims on opposite sides
/// (two-colouring the claims); claims no discrepancy sets apart (three figures, each apart
/// from the others) go against the first claim of the gravest discrepancy.
fn two_sides(list: &[&Discrepancy]) -> [Vec<u32>; 2] {
    let mut side: HashMap<u32, usize> = HashMap::new();
    let mut order: Vec<u32> = Vec::new();
    for d in list {
        for c in d.claims {
            if !order.contains(&c) {
                order.push(c);
            }
        }
    }
    // Sides spread from the first claim; a claim set against claims of both sides goes with
    // the side it is against least.
    if let Some(&first) = order.first() {
        side.insert(first, 0);
    }
    let mut changed = true;
    while changed {
        changed = false;
        for d in list {
            let [a, b] = d.claims;
            match (side.get(&a).copied(), side.get(&b).copied()) {
                (Some(s), None) => {
                    side.insert(b, 1 - s);
                    changed = true;
                }
                (None, Some(s)) => {
                    side.insert(a, 1 - s);
                    changed = true;
                }
                _ => {}
            }
        }
    }
    let mut sides: [Vec<u32>; 2] = [Vec::new(), Vec::new()];
    for c in order {
        sides[side.get(&c).copied().unwrap_or(1)].push(c);
    }
    sides
}

fn witness(ds: &Dataset, analysis: &Analysis, c: u32) -> Witness {
    let statement = Statement::of(ds, analysis, c);
    let claim = &ds.claims[c as usize];
    let date = claim
        .reported_at
        .or(claim.published)
        .map(|w| long_date(w.date))
        .unwrap_or_default();
    Witness {
        claim: c,
        claimant: statement.claimant.to_owned(),
        voice: statement.voice.clone(),
        says: clause(&statement),
        outlet: ds.opt_str(claim.outlet).to_owned(),
        date,
        quote: ds.quote(claim).to_owned(),
        url: ds.texts.get(claim.url).to_owned(),
        claim_id: ds.claim_id(claim),
    }
}

/// How many different statements a side's sentence gives before "and N more".
const SAID: usize = 3;
/// How many claims of a side its sentence is made from.
const SAMPLE: usize = 12;

/// One side as a sentence: claimants who say the same thing named together ("YPG and Syrian
/// state media say …"), different things joined ("…; the Sanliurfa governor says …"), at
/// most a few.
fn side_sentence(side: &[Witness], claims: usize) -> String {
    let mut said: Vec<(&str, Vec<&str>)> = Vec::new();
    for w in side {
        match said.iter_mut().find(|(says, _)| *says == w.says) {
            Some((_, names)) => {
                if !names.contains(&w.claimant.as_str()) {
                    names.push(&w.claimant);
                }
            }
            None => said.push((&w.says, vec![&w.claimant])),
        }
    }
    let clauses: Vec<String> = said
        .iter()
        .map(|(says, names)| {
            if names.len() == 1 {
                format!("{} {says}", names[0])
            } else if names.iter().all(|n| speaks_as_many(n)) {
                let (last, rest) = names.split_last().unwrap_or((&"", &[]));
                format!("{} and {last} {says}", rest.join(", "))
            } else {
                let (last, rest) = names.split_last().unwrap_or((&"", &[]));
                format!("{} and {last} {}", rest.join(", "), plural(says))
            }
        })
        .collect();
    let more = clauses.len().saturating_sub(SAID);
    let mut sentence = clauses[..clauses.len().min(SAID)].join("; ");
    if claims > side.len() {
        sentence.push_str(&format!("; {claims} claims in all"));
    } else if more > 0 {
        sentence.push_str(&format!("; and {more} more"));
    }
    if !sentence.ends_with('.') {
        sentence.push('.');
    }
    sentence
}
