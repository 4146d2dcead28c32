//! What comparing the claims of one event shares: the pass's output, its context, the
//! claims of a big question that are compared pairwise, and how far a figure-less denial
//! reaches.

use foldhash::{HashMap, HashMapExt};

use crate::core::analysis::Analysis;
use crate::core::analysis::discrepancy::Discrepancy;
use crate::core::analysis::rules::propositions::Reading;
use crate::core::analysis::settings::Settings;
use crate::core::model::{Dataset, Stance};

/// What the comparison pass produces.
#[derive(Default)]
pub struct Comparisons {
    pub discrepancies: Vec<Discrepancy>,
    /// Claims that corroborate each other, each pair listed once (in either order).
    pub corroborations: Vec<(u32, u32)>,
    /// Claims that contradict each other, each pair listed once (in either order).
    pub contradictions: Vec<(u32, u32)>,
    /// The claims that had at least one comparable claim by another claimant (each listed
    /// once per event it was compared in).
    pub comparable: Vec<u32>,
    /// The questions too many claimants speak to for pairwise comparison, summarised.
    pub summaries: Vec<crate::core::analysis::discrepancy::QuestionSummary>,
}

impl Comparisons {
    /// Claims `a` and `b` were compared with each other.
    pub(crate) fn compared(&mut self, a: u32, b: u32) {
        self.comparable.extend([a, b]);
    }

    /// All of `parts`' results, in order.
    pub(crate) fn concat(mut parts: Vec<Self>) -> Self {
        fn joined<T>(
            parts: &mut [Comparisons],
            list: fn(&mut Comparisons) -> &mut Vec<T>,
        ) -> Vec<T> {
            let mut all = Vec::with_capacity(parts.iter_mut().map(|p| list(p).len()).sum());
            // Each part is freed as soon as it is copied, so the whole is never held twice.
            for part in parts {
                all.extend(std::mem::take(list(part)));
            }
            all
        }
        Self {
            discrepancies: joined(&mut parts, |p| &mut p.discrepancies),
            corroborations: joined(&mut parts, |p| &mut p.corroborations),
            contradictions: joined(&mut parts, |p| &mut p.contradictions),
            comparable: joined(&mut parts, |p| &mut p.comparable),
            summaries: joined(&mut parts, |p| &mut p.summaries),
        }
    }
}

/// A question with more current claims than this compares each claimant through its lowest
/// and highest figure (per stance), so a huge event costs claimants², not claims².
pub const MAX_COMPARED: usize = 64;

/// The claims of one question that are compared pairwise: all of them, or for a big question
/// each claimant's lowest and highest figure for each stance (and its first statement).
pub(crate) fn representatives(ds: &Dataset, analysis: &Analysis, claims: &[u32]) -> Vec<u32> {
    if claims.len() <= MAX_COMPARED {
        return claims.to_vec();
    }
    let mut extremes: HashMap<(&str, Stance), (u32, u32)> = HashMap::new();
    for &c in claims {
        let claim = &ds.claims[c as usize];
        let key = (analysis.facts[c as usize].claimant.as_ref(), claim.stance);
        let size = |c: u32| {
            ds.claims[c as usize]
                .quantity
                .map_or(0, |q| q.high().unwrap_or(q.low))
        };
        let entry = extremes.entry(key).or_insert((c, c));
        if size(c) < size(entry.0) {
            entry.0 = c;
        }
        if size(c) > size(entry.1) {
            entry.1 = c;
        }
    }
    let mut kept: Vec<u32> = extremes.into_values().flat_map(|(a, b)| [a, b]).collect();
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// What one event's comparisons share.
pub(crate) struct Context<'a> {
    pub ds: &'a Dataset,
    pub analysis: &'a Analysis,
    pub settings: &'a Settings,
    pub event: usize,
    /// The current statements of the event, each read once.
    pub readings: &'a HashMap<u32, Reading>,
    /// Who speaks in the event, by the words of their names: made the first time a denial
    /// needs it.
    pub speakers: std::cell::OnceCell<Speakers>,
}

/// The event's claimants (with their side), each once, and which of them each word of a name
/// belongs to.
#[derive(Default)]
pub(crate) struct Speakers {
    who: Vec<(
        crate::core::analysis::Name,
        Option<crate::core::analysis::Name>,
    )>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Speakers {
    fn of(analysis: &Analysis, event: usize) -> Self {
        let mut speakers = Self::default();
        let mut seen = std::collections::HashSet::new();
        let claims = analysis
            .events
            .get(event)
            .map(|e| e.claims.as_slice())
            .unwrap_or_default();
        for &c in claims {
            let f = &analysis.facts[c as usize];
            if !seen.insert((f.claimant.clone(), f.side.clone())) {
                continue;
            }
            let at = speakers.who.len();
            for word in names(analysis, c) {
                speakers.by_word.entry(word).or_default().push(at);
            }
            speakers.who.push((f.claimant.clone(), f.side.clone()));
        }
        speakers
    }
}

/// The words of a claim's claimant and side.
fn names(analysis: &Analysis, c: u32) -> Vec<String> {
    let f = &analysis.facts[c as usize];
    let mut text = f.claimant.to_string();
    if let Some(side) = &f.side {
        text.push(' ');
        text.push_str(side);
    }
    subject_words(&text)
}

/// [`denial_covers`] for a pair compared within an event, with the event's speakers indexed
/// once by the words of their names, so that a denial costs the words it names, not the
/// event's claims.
pub(crate) fn denial_covers_in(cx: &Context<'_>, pair: [u32; 2]) -> bool {
    let speakers = || {
        cx.speakers
            .get_or_init(|| Speakers::of(cx.analysis, cx.event))
    };
    covers(cx.ds, cx.analysis, speakers, pair)
}

/// Whether the denial of the pair reaches the other claim, the event's speakers asked for only
/// when the denial names no figure.
fn covers<S: std::borrow::Borrow<Speakers>>(
    ds: &Dataset,
    analysis: &Analysis,
    speakers: impl FnOnce() -> S,
    pair: [u32; 2],
) -> bool {
    let claim = |c: u32| &ds.claims[c as usize];
    let Some(&denial) = pair
        .iter()
        .find(|&&c| claim(c).stance == Stance::Denies && claim(c).quantity.is_none())
    else {
        return true;
    };
    let Some(&target) = pair.iter().find(|&&c| c != denial) else {
        return true;
    };
    let detail = ds.opt_str(claim(denial).detail);
    let figures = figures_in(detail);
    if !figures.is_empty() {
        // The figure as stated: one of its bounds.
        return claim(target)
            .quantity
            .is_some_and(|q| figures.iter().any(|&n| q.low == n || q.high() == Some(n)));
    }
    let words = subject_words(detail);
    let speakers = speakers();
    let speakers = speakers.borrow();
    let d = &analysis.facts[denial as usize];
    let names_someone = words.iter().any(|w| {
        speakers.by_word.get(w).is_some_and(|who| {
            who.iter().any(|&i| {
                let (claimant, side) = &speakers.who[i];
                *claimant != d.claimant && (side.is_none() || *side != d.side)
            })
        })
    });
    !names_someone || names(analysis, target).iter().any(|w| words.contains(w))
}

/// Whether a figure-less denial reaches the other claim of the pair. A denial that cites a
/// figure ("disputes the toll of 40") denies the claims giving that figure; one that names
/// claimants ("figures released by the ministry") denies theirs; one that names neither
/// denies every assertion of its kind and group. Any other contradiction is kept.
pub(crate) fn denial_covers(
    ds: &Dataset,
    analysis: &Analysis,
    event: usize,
    pair: [u32; 2],
) -> bool {
    covers(ds, analysis, || Speakers::of(analysis, event), pair)
}

/// The whole numbers a text gives ("the toll of 40", "22 Taliban").
pub(crate) fn figures_in(text: &str) -> Vec<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let digits: String = w
                .trim_matches(|c: char| !c.is_ascii_digit())
                .chars()
                .filter(|c| *c != ',')
                .collect();
            let n: u32 = digits.parse().ok()?;
            // "12 June" is a date, not a toll.
            let next = words
                .get(i + 1)
                .map(|w| w.to_lowercase())
                .unwrap_or_default();
            let a_date = n <= 31 && MONTHS.iter().any(|m| next.starts_with(m));
            (!a_date).then_some(n)
        })
        .collect()
}

/// The words of a text that can name something: four letters or more, without a plural s.
fn subject_words(text: &str) -> Vec<String> {
    crate::core::analysis::places::fold_words(text)
        .into_iter()
        .map(|w| w.trim_end_matches('s').to_owned())
        .filter(|w| w.chars().count() >= 3 && !COMMON.contains(&w.as_str()))
        .collect()
}

/// Short words that name nothing.
const COMMON: [&str; 12] = [
    "the", "and", "for", "not", "was", "had", "has", "are", "but", "all", "its", "who",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_denial_citing_a_figure_or_a_name_reaches_only_those() {
        assert_eq!(figures_in("disputes the toll of 40 given"), vec![40]);
        assert_eq!(figures_in("disputes the toll of 1,200"), vec![1200]);
        assert_eq!(
            figures_in("reports of 12 June were false"),
            Vec::<u32>::new()
        );
        assert!(figures_in("rejects the reports").is_empty());
        let words = subject_words("figures released by Hamas-run authorities");
        assert!(words.contains(&"hama".to_owned()), "{words:?}");
    }
}
