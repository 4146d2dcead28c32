//! Claims without a figure and denials: control of a place, where an attack came from, who
//! did it; what a denial denies ("those reports", "the allegations", "responsibility") and
//! what a speaker disputes ("there were no tents", a report "exaggerated").

use super::figures::figures;
use super::{Proposed, State, attribution};
use crate::core::model::ClaimKind;

/// A denial's clause cut where it turns to what the speaker asserts instead: ("those reports",
/// "just three of their men had been wounded"); the whole clause is denied when it does not.
pub(super) fn split_denial(clause: &str) -> (&str, &str) {
    [
        ", saying ",
        " and said ",
        " but said ",
        ", adding ",
        ", insisting ",
    ]
    .iter()
    .filter_map(|m| clause.find(m).map(|at| (at, m.len())))
    .min()
    .map_or((clause, ""), |(at, len)| {
        (&clause[..at], &clause[at + len..])
    })
}

/// A claim without a figure the clause makes: control of a place, where an attack came from,
/// who did it; a denial of any of these. `None` when the clause says none of them.
pub(super) fn statement(clause: &str, denies: bool, state: &State) -> Option<(ClaimKind, String)> {
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
    } else if has(&[
        "claimed responsibility",
        "responsible for",
        "blamed",
        "were behind the",
        "was behind the",
    ]) || (denies && denies_responsibility(split_denial(clause).0))
    {
        ClaimKind::Responsibility
    } else if denies
        && has(&[
            "that number",
            "the number",
            "the toll",
            "that toll",
            "the figure",
            "that figure",
            "those figures",
            "casualty figures",
            "casualty numbers",
            "the death toll",
            "casualties",
            "deaths",
            "had died",
            "were killed",
        ])
    {
        // A toll denied without a figure of the speaker's own.
        ClaimKind::Killed
    } else if let Some(kind) = denies.then(|| reports_of_figures(clause, state)).flatten() {
        // "dismissed those reports" after a reported toll: the toll's kind, denied.
        kind
    } else if denies && (refers_to_earlier(clause, state).is_some() || disputes(clause)) {
        ClaimKind::Other
    } else {
        return None;
    };
    Some((kind, detail))
}

/// Whether what a speaker says disputes something: "there were no tents", "it had not
/// targeted any civilians", "nobody had forced them", "foiled the attack", a report "invented".
pub(super) fn disputes(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    let opening: String = lower
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    attribution::calls_false(&lower)
        || ["foiled", "thwarted", "intercepted"]
            .iter()
            .any(|w| lower.contains(w))
        || [
            "there were no ",
            "there was no ",
            "nobody ",
            "no one ",
            "had not ",
            "did not ",
            "was not ",
            "were not ",
        ]
        .iter()
        .any(|n| opening.contains(n.trim_end()) && lower.contains(n))
}

/// Whether a denial's words deny having done it: "rejected responsibility", "denied striking
/// the detention centre", "rejected reports that its forces had attacked a school".
pub(super) fn denies_responsibility(denied: &str) -> bool {
    let lower = denied.to_lowercase();
    let opening = lower.split_whitespace().next().unwrap_or("");
    ["responsibility", "involvement", "any role"]
        .iter()
        .any(|w| lower.contains(w))
        || [
            "striking",
            "attacking",
            "bombing",
            "shelling",
            "targeting",
            "carrying",
        ]
        .contains(&opening)
        || [
            "its forces had",
            "it had carried out",
            "its forces carried out",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// The kind of the figures a denial of "those reports" denies, when a figure was the last
/// thing claimed before it.
pub(super) fn reports_of_figures(clause: &str, state: &State) -> Option<ClaimKind> {
    let denied = split_denial(clause).0.to_lowercase();
    let reports = [
        "those reports",
        "these reports",
        "such reports",
        "the reports",
        "the claims",
    ]
    .iter()
    .any(|w| denied.contains(w));
    match state.last_counted {
        Some((kind, true)) if reports && figures(&denied).is_empty() => Some(kind),
        _ => None,
    }
}

/// The earlier claim a denial of "the allegations" or "the reports" denies.
pub(super) fn refers_to_earlier<'a>(clause: &str, state: &'a State) -> Option<&'a Proposed> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_speaker_disputes_is_told_apart_from_what_it_reports() {
        assert!(disputes("there were no tents in the vicinity."));
        assert!(disputes("it had not targeted any civilians."));
        assert!(disputes("the report of 200 deaths was exaggerated"));
        assert!(disputes("it had foiled the attack"));
        // "supplies" holds "lies"; a negation late in the clause is not the claim's.
        assert!(!disputes("a big store of supplies had been destroyed"));
        assert!(!disputes(
            "families in the community had confirmed the loss of 86 people, who did not survive"
        ));
    }

    #[test]
    fn a_denial_of_having_done_it_is_a_denial_of_responsibility() {
        assert!(denies_responsibility("responsibility for the strike"));
        assert!(denies_responsibility("striking the detention centre"));
        assert!(denies_responsibility(
            "reports that its forces had attacked a school from the air"
        ));
        assert!(!denies_responsibility("those reports"));
    }
}
