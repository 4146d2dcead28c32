//! The import report as `triangulate check` prints it: text for people, JSON for scripts.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::core::import::{FileReport, ImportReport};
use crate::core::model::Dataset;
use crate::core::view::claim_record::ClaimRecord;
use crate::core::view::sources::{SourceSummary, summarize};

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
    let _ = writeln!(out, "\nTotal: {}", report.totals().join("; "));
    out
}

fn render_file(out: &mut String, file: &FileReport) {
    if let Some(error) = &file.error {
        let _ = writeln!(out, "ERROR: {error}");
        return;
    }
    let _ = writeln!(out, "{} — {}", file.path, file.counts());
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
        let unknown = if s.known || s.source_type != crate::core::model::SourceType::Other {
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
