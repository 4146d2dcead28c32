//! The import report as `triangulate check` prints it: text for people, JSON for scripts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::dates::When;
use super::import::{FileReport, ImportReport};
use super::model::{Claim, Dataset};
use super::sources::{SourceSummary, summarize};

/// One claim as `check --json` writes it.
#[derive(Serialize)]
pub struct ClaimRecord<'a> {
    pub id: String,
    pub file: &'a str,
    pub line: u32,
    pub source: &'a str,
    pub source_raw: &'a str,
    pub source_type: &'static str,
    pub side: Option<&'a str>,
    pub claim: &'static str,
    pub group: &'a str,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub qualifier: Option<&'static str>,
    pub quantity_text: Option<&'a str>,
    pub stance: &'static str,
    pub detail: Option<&'a str>,
    pub location: Option<&'a str>,
    pub event_date: String,
    pub date_start: String,
    pub date_end: String,
    pub published: Option<When>,
    pub reported_at: Option<When>,
    pub outlet: Option<&'a str>,
    pub article_id: Option<&'a str>,
    pub url: Option<&'a str>,
    pub quote: &'a str,
    pub event_id: Option<&'a str>,
    pub extra: BTreeMap<&'a str, &'a str>,
}

impl<'a> ClaimRecord<'a> {
    pub fn new(ds: &'a Dataset, claim: &'a Claim) -> Self {
        let opt = |sym: Option<super::strings::Sym>| sym.map(|s| ds.str(s));
        let start = claim.event_start.format("%Y-%m-%d").to_string();
        let end = claim.event_end.format("%Y-%m-%d").to_string();
        let event_date = if start == end {
            start.clone()
        } else {
            format!("{start}/{end}")
        };
        let extra = ds
            .files
            .get(usize::from(claim.file.0))
            .map_or_else(BTreeMap::new, |f| {
                f.extra_columns
                    .iter()
                    .map(String::as_str)
                    .zip(
                        ds.opt_str(claim.extras)
                            .split(super::model::EXTRA_SEPARATOR),
                    )
                    .filter(|(_, v)| !v.is_empty())
                    .collect()
            });
        Self {
            id: ds.claim_id(claim),
            file: ds.file_name(claim.file),
            line: claim.line,
            source: ds.str(claim.source),
            source_raw: ds.str(claim.source_raw),
            source_type: claim.source_type.as_str(),
            side: opt(claim.side),
            claim: claim.kind.as_str(),
            group: ds.str(claim.group),
            low: claim.quantity.map(|q| q.low),
            high: claim.quantity.and_then(|q| q.high),
            qualifier: claim.quantity.map(|q| q.qualifier.as_str()),
            quantity_text: opt(claim.quantity_text),
            stance: claim.stance.as_str(),
            detail: opt(claim.detail),
            location: opt(claim.location),
            event_date,
            date_start: start,
            date_end: end,
            published: claim.published,
            reported_at: claim.reported_at,
            outlet: opt(claim.outlet),
            article_id: Some(ds.texts.get(claim.article_id)).filter(|s| !s.is_empty()),
            url: Some(ds.texts.get(claim.url)).filter(|s| !s.is_empty()),
            quote: ds.quote(claim),
            event_id: opt(claim.event_id),
            extra,
        }
    }
}

/// The whole `check --json` document, streamed claim by claim.
pub struct CheckJson<'a> {
    pub report: &'a ImportReport,
    pub dataset: &'a Dataset,
}

impl Serialize for CheckJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ds = self.dataset;
        let mut doc = serializer.serialize_struct("Check", 3)?;
        doc.serialize_field("files", &self.report.files)?;
        doc.serialize_field("claims", &Claims(ds))?;
        doc.serialize_field("sources", &summarize(ds))?;
        doc.end()
    }
}

struct Claims<'a>(&'a Dataset);

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ds = self.0;
        serializer.collect_seq(ds.claims.iter().map(|c| ClaimRecord::new(ds, c)))
    }
}

/// The import report for people.
pub fn render_text(report: &ImportReport, ds: &Dataset) -> String {
    let mut out = String::new();
    for file in &report.files {
        render_file(&mut out, file);
    }
    let sources = summarize(ds);
    render_sources(&mut out, &sources);
    let _ = writeln!(
        out,
        "\nTotal: {} claims from {} file(s); {} rejected row(s); {} duplicate row(s); {} file(s) unreadable",
        report.imported(),
        report.files.len(),
        report.rejected(),
        report.duplicates(),
        report.failed_files().count()
    );
    out
}

fn render_file(out: &mut String, file: &FileReport) {
    if let Some(error) = &file.error {
        let _ = writeln!(out, "ERROR: {error}");
        return;
    }
    let _ = writeln!(
        out,
        "{}: {} rows, {} claims imported, {} rejected, {} duplicates",
        file.path,
        file.rows,
        file.imported,
        file.rejected.len(),
        file.duplicates.len()
    );
    let _ = writeln!(
        out,
        "  encoding {}, delimiter '{}'",
        file.encoding, file.delimiter
    );
    let _ = writeln!(out, "  columns: {}", file.column_mapping());
    if !file.extra_columns.is_empty() {
        let _ = writeln!(
            out,
            "  extra columns (kept): {}",
            file.extra_columns.join(", ")
        );
    }
    for warning in &file.warnings {
        let _ = writeln!(out, "  warning: {warning}");
    }
    for row in &file.rejected {
        let column = row
            .column
            .as_deref()
            .map(|c| format!(", column '{c}'"))
            .unwrap_or_default();
        let _ = writeln!(out, "  rejected: line {}{column}: {}", row.line, row.reason);
    }
    for dup in &file.duplicates {
        let _ = writeln!(
            out,
            "  duplicate: line {} repeats {} line {} (kept once)",
            dup.line, dup.of_file, dup.of_line
        );
    }
}

fn render_sources(out: &mut String, sources: &[SourceSummary]) {
    let _ = writeln!(out, "\nSources ({}):", sources.len());
    let width = sources
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for s in sources {
        let side = s
            .side
            .as_deref()
            .map(|x| format!(", side: {x}"))
            .unwrap_or_default();
        let unknown = if s.known || s.source_type != super::model::SourceType::Other {
            ""
        } else {
            "  (not in the registry)"
        };
        let _ = writeln!(
            out,
            "  {:width$}  {:17} {:>7} claims{side}{unknown}",
            s.name,
            s.source_type.as_str(),
            s.claims
        );
    }
}
