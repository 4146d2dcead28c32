//! `triangulate analyze` output: readable text, or one JSON object.

use crate::core::analysis::score::evidence_line;
use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::core::analysis::{Analysis, Discrepancy, Settings, SourceScore, Subtype};
use crate::core::charts::bias_words;
use crate::core::model::Dataset;
use crate::core::view::claim_record::ClaimRecord;
use crate::core::view::selection::{Selection, kept_sources};

#[derive(Serialize)]
struct EventRecord<'a> {
    id: &'a str,
    location: &'a str,
    date_from: String,
    date_to: String,
    period: bool,
    claims: Vec<String>,
}

#[derive(Serialize)]
struct DiscrepancyRecord<'a> {
    kind: crate::core::analysis::DiscrepancyKind,
    subtype: Option<&'static str>,
    severity: crate::core::analysis::Severity,
    event: &'a str,
    claim: &'static str,
    group: &'a str,
    sources: [&'a str; 2],
    claims: [String; 2],
    ratio: Option<f64>,
    explanation: String,
}

#[derive(Serialize)]
struct AnalyzedClaim<'a> {
    #[serde(flatten)]
    claim: ClaimRecord<'a>,
    event: Option<&'a str>,
    normalized_group: &'a str,
    current: bool,
    credibility: u8,
    credibility_reason: String,
    interested: Option<&'static str>,
    corroborated_by: Vec<String>,
    contradicted_by: Vec<String>,
}

/// The whole `analyze --json` document.
pub struct AnalysisJson<'a> {
    pub dataset: &'a Dataset,
    pub analysis: &'a Analysis,
    /// The claims the filters keep: events, discrepancies, sources and claims are listed
    /// when they involve them.
    pub selection: &'a Selection,
}

impl Serialize for AnalysisJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ds, a, kept) = (self.dataset, self.analysis, self.selection);
        let id = |c: u32| ds.claim_id(&ds.claims[c as usize]);
        let events: Vec<EventRecord<'_>> = a
            .events
            .iter()
            .filter(|e| kept.keeps_event(e))
            .map(|e| EventRecord {
                id: &e.id,
                location: &e.location,
                date_from: e.date_from.to_string(),
                date_to: e.date_to.to_string(),
                period: e.period,
                claims: e.claims.iter().map(|&c| id(c)).collect(),
            })
            .collect();
        let discrepancies: Vec<DiscrepancyRecord<'_>> = a
            .discrepancies
            .iter()
            .filter(|d| kept.keeps_discrepancy(d))
            .map(|d| DiscrepancyRecord {
                kind: d.kind,
                subtype: d.subtype.map(Subtype::as_str),
                severity: d.severity,
                event: a.events.get(d.event).map_or("", |e| e.id.as_str()),
                claim: d.claim_kind.as_str(),
                group: &d.group,
                sources: d.claims.map(|c| a.facts[c as usize].claimant.as_ref()),
                claims: d.claims.map(id),
                ratio: d.ratio.filter(|r| r.is_finite()),
                explanation: a.explanation(ds, d),
            })
            .collect();
        let mut doc = serializer.serialize_struct("Analysis", 5)?;
        doc.serialize_field("settings", &a.settings)?;
        doc.serialize_field("events", &events)?;
        doc.serialize_field("discrepancies", &discrepancies)?;
        let sources = kept_sources(a, kept);
        let scorecard: Vec<_> = a
            .scorecard
            .iter()
            .filter(|s| sources.contains(s.source.as_str()))
            .map(|s| ScoreWithEvidence {
                score: s,
                evidence: s
                    .evidence(a)
                    .map(|pair| evidence_line(ds, a, pair))
                    .collect(),
            })
            .collect();
        doc.serialize_field("scorecard", &scorecard)?;
        doc.serialize_field("claims", &Claims(ds, a, kept))?;
        doc.end()
    }
}

struct Claims<'a>(&'a Dataset, &'a Analysis, &'a Selection);

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ds, a, kept) = (self.0, self.1, self.2);
        let id = |c: &u32| ds.claim_id(&ds.claims[*c as usize]);
        serializer.collect_seq(
            ds.claims
                .iter()
                .zip(&a.facts)
                .zip(0u32..)
                .filter(|(_, i)| kept.shows(*i))
                .map(|((claim, f), i)| AnalyzedClaim {
                    claim: ClaimRecord::new(ds, claim),
                    event: f
                        .event
                        .and_then(|e| a.events.get(e as usize))
                        .map(|e| e.id.as_str()),
                    normalized_group: &f.group,
                    current: f.current,
                    credibility: f.credibility,
                    credibility_reason: crate::core::analysis::credibility::reason(f),
                    interested: f.interested.map(|i| i.as_str()),
                    corroborated_by: a.corroborated_by(i).iter().map(id).collect(),
                    contradicted_by: a.contradicted_by(i).iter().map(id).collect(),
                }),
        )
    }
}

/// The analysis as text: settings, discrepancies (most severe first), scorecard, events.
pub fn render_text(ds: &Dataset, a: &Analysis, kept: &Selection, max_rows: usize) -> String {
    let mut out = String::new();
    render_settings(&mut out, &a.settings);
    let discrepancies: Vec<_> = a
        .discrepancies
        .iter()
        .filter(|d| kept.keeps_discrepancy(d))
        .collect();
    let events: Vec<_> = a.events.iter().filter(|e| kept.keeps_event(e)).collect();
    let _ = writeln!(
        out,
        "\nReported claims — not verified totals. {} claims, {} events, {} discrepancies.",
        kept.count(),
        events.len(),
        discrepancies.len()
    );
    render_discrepancies(&mut out, ds, a, &discrepancies, max_rows);
    let _ = writeln!(
        out,
        "\nScorecard (rate: agreement with other sides; grades are suggestions from that evidence, \
         Admiralty A–E; F: cannot be judged, fewer than {} comparable claims):",
        a.settings.min_comparable
    );
    let _ = writeln!(
        out,
        "  {:<28} {:<17} {:>6} {:>10} {:>12} {:>12} {:>6} {:>7}  {:<12} grade",
        "source",
        "type",
        "claims",
        "comparable",
        "corroborated",
        "contradicted",
        "rate",
        "denials",
        "bias"
    );
    let sources = kept_sources(a, kept);
    for s in a
        .scorecard
        .iter()
        .filter(|s| sources.contains(s.source.as_str()))
    {
        render_score(&mut out, s);
    }
    render_ambiguous(&mut out, &a.ambiguous_places);
    render_summaries(&mut out, a);
    let _ = writeln!(out, "\nEvents ({}):", events.len());
    for e in events.iter().take(max_rows) {
        let period = if e.period { " (period totals)" } else { "" };
        let _ = writeln!(
            out,
            "  {}: {} {}..{}, {} claims{period}",
            e.id,
            e.location,
            e.date_from,
            e.date_to,
            e.claims.len()
        );
    }
    if events.len() > max_rows {
        let _ = writeln!(out, "  … and {} more", events.len() - max_rows);
    }
    out
}

/// The discrepancies kept, most severe first, at most `max_rows` of them.
fn render_discrepancies(
    out: &mut String,
    ds: &Dataset,
    a: &Analysis,
    discrepancies: &[&Discrepancy],
    max_rows: usize,
) {
    let _ = writeln!(out, "\nDiscrepancies (most severe first):");
    for d in discrepancies.iter().take(max_rows) {
        let event = a.events.get(d.event).map_or("", |e| e.id.as_str());
        let subtype = d
            .subtype
            .map(|s| format!("/{}", s.as_str()))
            .unwrap_or_default();
        let kind = d.kind.code();
        let _ = writeln!(
            out,
            "  [{}] {kind}{subtype} @ {event}: {}",
            d.severity.as_str(),
            a.explanation(ds, d)
        );
    }
    if discrepancies.len() > max_rows {
        let _ = writeln!(
            out,
            "  … and {} more (use --json for all)",
            discrepancies.len() - max_rows
        );
    }
}

/// The questions too many claimants speak to for pairwise comparison, as summarised.
fn render_summaries(out: &mut String, a: &Analysis) {
    if a.summaries.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nQuestions of more than {} claimants, each claim set against the median one:",
        a.settings.pairwise_claimants
    );
    for q in &a.summaries {
        let place = a.events.get(q.event).map_or("", |e| e.location.as_str());
        let consensus = q
            .consensus
            .map(|(low, high)| format!("; the middle half of the figures {low}–{high}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {place}, {} {}: {} claimants{consensus}; {} in dispute with the median",
            q.kind.as_str(),
            q.group,
            q.claimants,
            q.outliers.len()
        );
    }
}

/// Places left unresolved because several towns share the name.
fn render_ambiguous(out: &mut String, places: &[String]) {
    if places.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nwarning: {} place(s) not resolved: several towns share the name and the row names no \
         province or country that tells which: {}",
        places.len(),
        places
            .iter()
            .take(10)
            .map(|p| format!("'{p}'"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

fn render_settings(out: &mut String, s: &Settings) {
    let _ = writeln!(
        out,
        "Settings: event window {} days; consistent within max({}, {:.0}% of the larger bound); severity medium from {}×, high from {}×; a source is judged from {} comparable claims; a question of more than {} claimants is summarised.",
        s.window_days,
        s.tolerance_min,
        s.tolerance_ratio * 100.0,
        s.medium_ratio,
        s.high_ratio,
        s.min_comparable,
        s.pairwise_claimants
    );
}

fn render_score(out: &mut String, s: &SourceScore) {
    let rate = s
        .rate
        .map_or("—".to_owned(), |r| format!("{:.0}%", r * 100.0));
    let _ = writeln!(
        out,
        "  {:<28} {:<17} {:>6} {:>10} {:>12} {:>12} {:>6} {:>7}  {:<12} {}",
        crate::core::parse::text::clip(&s.source, 28),
        s.source_type.as_str(),
        s.claims,
        s.comparable,
        s.corroborated,
        s.contradicted,
        rate,
        s.denials,
        bias_words(s.bias_log2),
        s.grade
    );
}

/// A source's score with its evidence in words, as JSON gives it.
#[derive(serde::Serialize)]
struct ScoreWithEvidence<'a> {
    #[serde(flatten)]
    score: &'a crate::core::analysis::SourceScore,
    evidence: Vec<String>,
}
