//! Analysis: events, current figures, discrepancies between sources, per-claim credibility
//! and a scorecard per source. Always over the whole imported set; filters only choose what
//! is shown.

pub mod compare;
pub mod credibility;
pub mod discrepancy;
pub mod events;
pub mod explain;
pub mod groups;
pub mod names;
pub mod pairs;
pub mod places;
pub mod rules;
pub mod score;
pub mod settings;

use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

use crate::core::progress::{Cancelled, Progress};
pub use compare::{Discrepancy, DiscrepancyKind, Severity, Subtype};
pub use events::Event;
pub use names::{Name, NameId, Names};
pub use score::SourceScore;
pub use settings::{AliasKind, Aliases, EventEdits, Settings};

use crate::core::model::strings::{Sym, TextRef};
use crate::core::model::{Claim, Dataset, SourceType};

/// What the analysis knows about one claim.
#[derive(Clone, Debug)]
pub struct ClaimFacts {
    /// The claimant after the user's aliases.
    pub claimant: Name,
    pub source_type: SourceType,
    pub side: Option<Name>,
    /// The normalised group.
    pub group: Name,
    /// Index into [`Analysis::events`].
    pub event: Option<u32>,
    /// The claimant's latest statement on this question, and not excluded by the analyst.
    pub current: bool,
    /// The analyst excluded it: it is still shown, never compared or scored.
    pub excluded: bool,
    /// The place resolved only from a description ("a village south of Kobane").
    pub approximate_place: bool,
    pub comparable: bool,
    /// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
    pub credibility: u8,
    /// The sides that corroborate and contradict it, behind the grade.
    pub sides: (u16, u16),
    pub interested: Option<compare::Interest>,
}

/// How one claim relates to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Corroborates,
    Contradicts,
    /// Comparable, but neither (two open floors).
    Neither,
}

/// Everything the analysis derives from a dataset.
pub struct Analysis {
    pub settings: Settings,
    pub events: Vec<Event>,
    /// Per claim, by claim index.
    pub facts: Vec<ClaimFacts>,
    /// Most severe first.
    pub discrepancies: Vec<Discrepancy>,
    pub scorecard: Vec<SourceScore>,
    /// Places as written left unresolved because several towns share the name and the row
    /// names no province or country that tells which.
    pub ambiguous_places: Vec<String>,
    /// The analyst's event splits and merges that could not be made, and why.
    pub unmade_edits: Vec<String>,
    /// The questions too many claimants speak to for pairwise comparison (more than
    /// [`rules::crowds::PAIRWISE_CLAIMANTS`]), summarised: each claim was set against the median.
    pub summaries: Vec<rules::crowds::QuestionSummary>,
    /// The claimants, sides and groups of the claims, each numbered once.
    pub names: Names,
    corroborations: Relations,
    contradictions: Relations,
}

impl Analysis {
    /// The claims that corroborate claim `c`.
    pub fn corroborated_by(&self, c: u32) -> &[u32] {
        self.corroborations.of(c)
    }

    /// The claims that contradict claim `c`.
    pub fn contradicted_by(&self, c: u32) -> &[u32] {
        self.contradictions.of(c)
    }

    /// The sentence that explains discrepancy `d` (of this analysis) in words.
    pub fn explanation(&self, ds: &Dataset, d: &Discrepancy) -> String {
        compare::explanation(ds, self, d)
    }
}

/// For every claim, a list of other claims, stored in one buffer.
#[derive(Debug, Default)]
struct Relations {
    /// Claim `c`'s list is `items[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Relations {
    /// The relation of `n` claims from its pairs, each listed once in either order (or more
    /// than once: repeats count once).
    fn from_pairs(n: usize, mut pairs: Vec<(u32, u32)>) -> Self {
        // With the smaller claim first and the pairs sorted, each claim's partners come out in
        // ascending order: those below it, then those above.
        for pair in &mut pairs {
            if pair.0 > pair.1 {
                *pair = (pair.1, pair.0);
            }
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        // Counted one place to the right, so that after the running sum `starts[c + 1]` is
        // where claim `c`'s partners begin: it serves as the cursor that fills them, and ends
        // where they end, which is where claim `c + 1`'s begin.
        let mut starts = vec![0u32; n + 2];
        for &(a, b) in &pairs {
            starts[a as usize + 2] += 1;
            if a != b {
                starts[b as usize + 2] += 1;
            }
        }
        for c in 0..n {
            starts[c + 2] += starts[c + 1];
        }
        let mut items = vec![0u32; starts[n + 1] as usize];
        let mut put = |c: u32, other: u32| {
            let at = &mut starts[c as usize + 1];
            items[*at as usize] = other;
            *at += 1;
        };
        for &(a, b) in &pairs {
            put(a, b);
            if a != b {
                put(b, a);
            }
        }
        drop(pairs);
        starts.pop();
        Self { starts, items }
    }

    fn of(&self, c: u32) -> &[u32] {
        let c = c as usize;
        match (self.starts.get(c), self.starts.get(c + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Runs the whole analysis.
pub fn analyze(ds: &Dataset, settings: &Settings, aliases: &Aliases) -> Analysis {
    // Nothing else holds this progress, so nothing can cancel it.
    analyze_with(ds, settings, aliases, &Progress::default())
        .unwrap_or_else(|Cancelled| unreachable!("an analysis no one can cancel was cancelled"))
}

/// Runs the whole analysis, saying how far it is in `progress` (four steps of the number of
/// claims: events, then the comparisons event by event, then the scores) and stopping when
/// it is cancelled.
pub fn analyze_with(
    ds: &Dataset,
    settings: &Settings,
    aliases: &Aliases,
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    let steps = ds.claims.len() as u64;
    progress.add_total(4 * steps.max(1));
    let index = events::build_events(ds, settings, aliases);
    progress.check()?;
    progress.add_done(steps);
    let mut names = Names::default();
    let facts = claim_facts(ds, aliases, &index, &mut names);
    let mut analysis = Analysis {
        settings: settings.clone(),
        facts,
        names,
        events: index.events,
        discrepancies: Vec::new(),
        scorecard: Vec::new(),
        ambiguous_places: index.ambiguous,
        unmade_edits: index.unmade_edits,
        summaries: Vec::new(),
        corroborations: Relations::default(),
        contradictions: Relations::default(),
    };
    // Each claim's event is in its facts now: the index's copy goes before the comparisons.
    drop((index.event_of, index.approximate));
    mark_current(ds, &mut analysis);
    progress.add_done(steps);
    let pairs::Comparisons {
        discrepancies,
        corroborations,
        contradictions,
        comparable,
        summaries,
    } = compare::compare(ds, &analysis, settings, progress)?;
    for c in comparable {
        analysis.facts[c as usize].comparable = true;
    }
    let n = ds.claims.len();
    analysis.corroborations = Relations::from_pairs(n, corroborations);
    analysis.contradictions = Relations::from_pairs(n, contradictions);
    analysis.discrepancies = discrepancies;
    analysis.summaries = summaries;
    // Most severe first; within a severity, the most people in dispute, then the ratio (a
    // stable sort, in parallel).
    analysis.discrepancies.par_sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.people.unwrap_or(0).cmp(&a.people.unwrap_or(0)))
            .then(b.ratio.unwrap_or(0.0).total_cmp(&a.ratio.unwrap_or(0.0)))
            .then(a.claims.cmp(&b.claims))
    });
    count_per_event(&mut analysis);
    progress.check()?;
    credibility::grade_claims(ds, &mut analysis);
    analysis.scorecard = score::scorecard(ds, &analysis);
    progress.add_done(steps);
    Ok(analysis)
}

fn claim_facts(
    ds: &Dataset,
    aliases: &Aliases,
    index: &events::EventIndex,
    names: &mut Names,
) -> Vec<ClaimFacts> {
    let mut group_cache: HashMap<Sym, Name> = HashMap::new();
    // A source as written (name, side, type) → the claimant the aliases make of it.
    type Written = (Sym, Option<Sym>, SourceType);
    type Who = (Name, Option<Name>, SourceType);
    let mut who_cache: HashMap<Written, Who> = HashMap::new();
    type WhoseLosses = (
        NameId,
        Option<NameId>,
        SourceType,
        crate::core::model::ClaimKind,
    );
    let mut interested_cache: HashMap<WhoseLosses, Option<compare::Interest>> = HashMap::new();
    let mut name = |s: &str| names.intern(s);
    ds.claims
        .iter()
        .enumerate()
        .map(|(i, claim)| {
            let group = group_cache
                .entry(claim.group)
                // Through `name`: one shared name per group, which the analysis keys by.
                .or_insert_with(|| {
                    name(&groups::normalize_group(
                        ds.str(claim.group),
                        &aliases.groups,
                    ))
                })
                .clone();
            // A claimant as the aliases name it, worked out once per source as written.
            let (claimant, side, source_type) = who_cache
                .entry((claim.source, claim.side, claim.source_type))
                .or_insert_with(|| {
                    let claimant = aliases.source(ds.str(claim.source));
                    let side = match aliases.source_sides.get(claimant) {
                        Some(side) => side.as_deref().map(&mut name),
                        None => claim.side.map(|s| name(ds.str(s))),
                    };
                    let source_type = aliases
                        .source_types
                        .get(claimant)
                        .copied()
                        .unwrap_or(claim.source_type);
                    (name(claimant), side, source_type)
                })
                .clone();
            let mut facts = ClaimFacts {
                source_type,
                claimant,
                side,
                group,
                event: index.event_of.get(i).copied().flatten(),
                current: true,
                approximate_place: index.approximate.get(i).copied().unwrap_or(false),
                // Every field given: a default name would allocate, twice per claim.
                excluded: false,
                comparable: false,
                credibility: 0,
                sides: (0, 0),
                interested: None,
            };
            // Whose losses a party's figure counts depends on the group and side alone.
            let question = (
                facts.group.id(),
                facts.side.as_ref().map(Name::id),
                facts.source_type,
                claim.kind,
            );
            facts.interested = *interested_cache
                .entry(question)
                .or_insert_with(|| compare::interested(&facts, claim.kind));
            if !aliases.excluded.is_empty() && aliases.excluded.contains(&ds.claim_id(claim)) {
                facts.excluded = true;
                facts.current = false;
            }
            facts
        })
        .collect()
}

/// For each claimant, event, kind and group, only the latest statement is current: a strictly
/// later `reported_at`, or at the same time a statement worded as a revision ("rose to",
/// "updated"), supersedes. Two statements of one claimant at the same time are both current
/// (if they disagree, that is shown as the claimant giving two figures). A re-quote keeps the
/// claimant's own date, so it never makes an old figure newer. Statements (control, origin,
/// responsibility, other) supersede only a statement of the same question: the same detail.
fn mark_current(ds: &Dataset, analysis: &mut Analysis) {
    // Events are disjoint: each is read on its own, in parallel, with small tables per run of
    // events.
    let superseded = analysis
        .events
        .par_iter()
        .with_min_len(64)
        .fold(
            || (Vec::new(), Latest::default()),
            |(mut superseded, mut latest), event| {
                superseded_in(ds, analysis, event, &mut latest, &mut superseded);
                (superseded, latest)
            },
        )
        .map(|(superseded, _)| superseded)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    for c in superseded {
        analysis.facts[c as usize].current = false;
    }
}

/// A question of one event: who asks it of which group, about what. A later statement of the
/// same question supersedes an earlier one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Question {
    claimant: NameId,
    kind: crate::core::model::ClaimKind,
    group: NameId,
    asks: Asks,
}

/// What a claim says of its question: a figure never supersedes a figure-less statement, nor
/// the other way round, and statements supersede those of the same detail.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Asks {
    Figure,
    /// A kind that counts, said without a figure.
    NoFigure,
    /// A statement, by its detail's interned text.
    Statement(Option<Sym>),
}

/// The tables for finding the current claims, kept over a run of events: each question's
/// latest claims so far in one event (the lists kept from event to event, cleared, not freed,
/// so that they are allocated once), and whether a wording (detail and quote) reads as a
/// revision, read once per wording: a sentence republished by several outlets is one quote.
#[derive(Default)]
struct Latest {
    slot_of: HashMap<Question, usize>,
    slots: Vec<Vec<u32>>,
    revisions: HashMap<(Option<Sym>, TextRef), bool>,
}

/// Adds the claims of `event` that a later statement of the same claimant supersedes.
fn superseded_in(
    ds: &Dataset,
    analysis: &Analysis,
    event: &Event,
    latest: &mut Latest,
    superseded: &mut Vec<u32>,
) {
    // Clearing costs the table's capacity: after a big event, start a small one again.
    if latest.slot_of.capacity() > 4 * event.claims.len() + 64 {
        latest.slot_of = HashMap::default();
        latest.slots.truncate(event.claims.len());
    } else {
        latest.slot_of.clear();
    }
    let revisions = &mut latest.revisions;
    // Worded as a revision: read only when two statements share a time.
    let mut revision = |c: &Claim| {
        *revisions
            .entry((c.detail, c.quote))
            .or_insert_with(|| rules::figures::is_revision(ds, c))
    };
    let mut later = |c: u32, best: u32| {
        let (a, b) = (&ds.claims[c as usize], &ds.claims[best as usize]);
        // Copies of one statement (re-published by several outlets) are worded alike.
        let alike = a.detail == b.detail && ds.texts.same(a.quote, b.quote);
        a.reported_at.cmp(&b.reported_at).then_with(|| {
            if alike {
                std::cmp::Ordering::Equal
            } else {
                revision(a).cmp(&revision(b))
            }
        })
    };
    for &c in &event.claims {
        let facts = &analysis.facts[c as usize];
        if facts.excluded {
            // Out of the analysis: it neither supersedes nor is superseded.
            continue;
        }
        let claim = &ds.claims[c as usize];
        // A figure-less statement never supersedes a figure, nor the other way round.
        let asks = if !claim.kind.is_numeric() {
            Asks::Statement(claim.detail)
        } else if claim.quantity.is_some() {
            Asks::Figure
        } else {
            Asks::NoFigure
        };
        let key = Question {
            claimant: facts.claimant.id(),
            kind: claim.kind,
            group: facts.group.id(),
            asks,
        };
        let next = latest.slot_of.len();
        let slot = *latest.slot_of.entry(key).or_insert(next);
        if slot == latest.slots.len() {
            latest.slots.push(Vec::new());
        }
        let current = &mut latest.slots[slot];
        if slot == next {
            current.clear();
        }
        match current.first().map(|&best| later(c, best)) {
            Some(std::cmp::Ordering::Greater) => {
                superseded.append(current);
                current.push(c);
            }
            Some(std::cmp::Ordering::Less) => superseded.push(c),
            Some(std::cmp::Ordering::Equal) | None => current.push(c),
        }
    }
}

/// Each event's number of claimants and of discrepancies, counted once for the views.
fn count_per_event(analysis: &mut Analysis) {
    for d in &analysis.discrepancies {
        if let Some(e) = analysis.events.get_mut(d.event) {
            e.disputes += 1;
        }
    }
    // Claimants told apart by their shared names, as everywhere in an analysis.
    let mut claimants = Vec::new();
    for e in &mut analysis.events {
        claimants.clear();
        claimants.extend(
            e.claims
                .iter()
                .map(|&c| analysis.facts[c as usize].claimant.id()),
        );
        claimants.sort_unstable();
        claimants.dedup();
        e.sources = claimants.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claims_facts_stay_compact() {
        // Three shared names of 8 bytes each: a million claims' facts take 48 MB.
        assert_eq!(std::mem::size_of::<Name>(), 8);
        assert!(
            std::mem::size_of::<ClaimFacts>() <= 48,
            "{}",
            std::mem::size_of::<ClaimFacts>()
        );
    }

    #[test]
    fn relations_list_each_claims_partners_once_in_order() {
        let r = Relations::from_pairs(5, vec![(3, 1), (1, 3), (4, 1), (0, 1), (2, 3)]);
        assert_eq!(r.of(1), [0, 3, 4]);
        assert_eq!(r.of(3), [1, 2]);
        assert_eq!(r.of(0), [1]);
        assert_eq!(r.of(4), [1]);
        assert_eq!(r.of(2), [3]);
        assert!(r.of(5).is_empty());
        assert!(Relations::from_pairs(2, Vec::new()).of(0).is_empty());
    }
}
