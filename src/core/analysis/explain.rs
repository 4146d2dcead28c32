//! Explanations: one sentence per discrepancy that a journalist could paste.

use crate::core::analysis::{Analysis, ClaimFacts};
use crate::core::model::{Claim, ClaimKind, Dataset, Stance};
use crate::core::parse::quantity::Quantity;

/// One sentence a journalist could paste.
pub fn explain(ds: &Dataset, analysis: &Analysis, a: u32, b: u32, ratio: Option<f64>) -> String {
    let say = |c: u32| -> String {
        let claim = &ds.claims[c as usize];
        let facts = &analysis.facts[c as usize];
        let who = voice_label(facts);
        let what = match (claim.kind.is_numeric(), claim.quantity) {
            (true, Some(q)) => {
                let verb = if claim.stance == Stance::Denies {
                    "denies that"
                } else {
                    "says"
                };
                format!(
                    "{verb} {} {} were {}",
                    figure(claim, q, ds),
                    facts.group,
                    participle(claim.kind)
                )
            }
            _ => {
                let verb = if claim.stance == Stance::Denies {
                    "denies"
                } else {
                    "says"
                };
                let detail = ds.opt_str(claim.detail);
                let detail = if detail.is_empty() {
                    claim.kind.as_str()
                } else {
                    detail
                };
                format!("{verb} {detail} ({})", claim.kind.as_str())
            }
        };
        format!("{} ({who}) {what}", facts.claimant)
    };
    let claim = &ds.claims[a as usize];
    let place = ds.opt_str(claim.location);
    let date = claim.event_start.format("%-d %b %Y");
    let apart = match ratio {
        Some(r) if r.is_finite() => format!(": {r:.1}× apart"),
        Some(_) => ": one says none".to_owned(),
        None => String::new(),
    };
    format!("{} in {place} on {date}; {}{apart}.", say(a), say(b))
}

fn figure(claim: &Claim, q: Quantity, ds: &Dataset) -> String {
    match claim.quantity_text {
        Some(text) => ds.str(text).to_owned(),
        None => match q.high {
            Some(h) if h == q.low => h.to_string(),
            Some(h) => format!("{}–{h}", q.low),
            None => format!("at least {}", q.low),
        },
    }
}

fn participle(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Killed => "killed",
        ClaimKind::Injured => "injured",
        ClaimKind::Captured => "captured",
        ClaimKind::Missing => "missing",
        ClaimKind::Displaced => "displaced",
        _ => "involved",
    }
}

fn voice_label(facts: &ClaimFacts) -> String {
    let kind = facts.source_type.as_str().replace('_', " ");
    match &facts.side {
        Some(side) => format!("{kind}, {side} side"),
        None => kind,
    }
}
