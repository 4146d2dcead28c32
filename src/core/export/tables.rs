//! The findings as CSV tables: claims, discrepancies and the scorecard. Safe to open in a
//! spreadsheet: a text cell that a spreadsheet would run as a formula is guarded with an
//! apostrophe (OWASP's advice on CSV injection), numbers stay numbers, and the claims table
//! reads back into Triangulate unchanged.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::ExportError;
use crate::core::analysis::{Analysis, Subtype};
use crate::core::charts::{Pivot, pivot};
use crate::core::import::format::claims::columns::{DERIVED_COLUMNS, Field};
use crate::core::model::ClaimKind;
use crate::core::model::Dataset;
use crate::core::parse::dates::When;
use crate::core::parse::text::guard;
use crate::core::view::claim_record::ClaimRecord;
use crate::core::view::selection::Selection;

/// The tables that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TableKind {
    Claims,
    Discrepancies,
    Scorecard,
    /// The timeline's claim kind, totalled per period, source and place.
    Pivot(crate::core::charts::Period),
}

impl TableKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Claims => "claims",
            Self::Discrepancies => "discrepancies",
            Self::Scorecard => "scorecard",
            Self::Pivot(_) => "pivot",
        }
    }
}

/// A cell: text (guarded when written) or a number (written as it is).
enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(Option<f64>),
}

fn text<'a>(s: impl Into<Cow<'a, str>>) -> Cell<'a> {
    Cell::Text(s.into())
}

fn number(n: impl Into<f64>) -> Cell<'static> {
    Cell::Number(Some(n.into()))
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        let text = format!("{n:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Writes rows as CSV, optionally with a byte-order mark (which Excel needs to read UTF-8).
fn write_csv<'a>(
    header: &[&str],
    rows: impl Iterator<Item = Vec<Cell<'a>>>,
    bom: bool,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(
            header
                .iter()
                .map(|h| guard(h))
                .collect::<Vec<_>>()
                .iter()
                .map(|h| h.as_ref()),
        )
        .map_err(|e| ExportError::Table(e.to_string()))?;
    for row in rows {
        let cells: Vec<Cow<'_, str>> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => guard(t),
                Cell::Number(Some(n)) => Cow::Owned(format_number(*n)),
                Cell::Number(None) => Cow::Borrowed(""),
            })
            .collect();
        writer
            .write_record(cells.iter().map(|c| c.as_ref()))
            .map_err(|e| ExportError::Table(e.to_string()))?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Table(e.to_string()))
}

/// Each claim's credibility as analysed, and the analyst's own ratings by claim id.
pub type Judged<'a> = (&'a Analysis, &'a crate::core::workspace::Corrections);

/// The kept claims in file order, in the columns the importer reads, with every extra column;
/// with the analysis, each claim's credibility (as set by the analyst, else as suggested), the
/// suggestion, and who set it.
pub fn claims_csv(
    ds: &Dataset,
    judged: Option<Judged<'_>>,
    selection: &Selection,
    bom: bool,
) -> Result<Vec<u8>, ExportError> {
    let mut header: Vec<&str> = Field::WRITTEN.iter().map(|f| f.name()).collect();
    if judged.is_some() {
        header.extend(DERIVED_COLUMNS);
    }
    // An extra column read back from an earlier table is written once.
    let extras: Vec<&str> = ds
        .extra_column_names()
        .into_iter()
        .filter(|name| !header.contains(name))
        .collect();
    header.extend(extras.iter().copied());
    let rows = ds
        .claims
        .iter()
        .enumerate()
        .filter(|(i, _)| u32::try_from(*i).is_ok_and(|c| selection.shows(c)))
        .map(|(i, claim)| claim_row(ds, judged, &extras, (i, claim)));
    write_csv(&header, rows, bom)
}

/// One claim's cells, in the order of [`claims_csv`]'s header.
fn claim_row<'a>(
    ds: &'a Dataset,
    judged: Option<Judged<'_>>,
    extras: &[&str],
    (i, claim): (usize, &'a crate::core::model::Claim),
) -> Vec<Cell<'a>> {
    let r = ClaimRecord::new(ds, claim);
    let mut row: Vec<Cell<'a>> = Field::WRITTEN.iter().map(|&f| claim_cell(&r, f)).collect();
    if let Some((analysis, corrections)) = judged {
        let suggested = analysis.facts.get(i).map(|f| f.credibility);
        let own = corrections.claim_credibility.get(&r.id).copied();
        let mark = corrections.claim_marks.get(&r.id);
        let number = |n: Option<u8>| Cell::Number(n.map(f64::from));
        row.extend([
            number(own.or(suggested)),
            number(suggested),
            text(
                if own.is_some() {
                    "analyst"
                } else {
                    "suggested"
                }
                .to_owned(),
            ),
            text(
                mark.and_then(|m| m.verdict)
                    .map_or("", |v| v.as_str())
                    .to_owned(),
            ),
            text(mark.map_or(String::new(), |m| m.note.clone())),
        ]);
    }
    row.extend(
        extras
            .iter()
            .map(|name| text(r.extra.get(name).copied().unwrap_or(""))),
    );
    row
}

/// What a claim writes under one of [`Field::WRITTEN`].
fn claim_cell<'a>(r: &ClaimRecord<'a>, field: Field) -> Cell<'a> {
    let opt = |s: Option<&'a str>| text(s.unwrap_or(""));
    let when = |w: Option<&When>| text(w.map(ToString::to_string).unwrap_or_default());
    let degrees = |n: usize| text(r.coords.map(|c| c[n].to_string()).unwrap_or_default());
    match field {
        Field::ArticleId => opt(r.article_id),
        Field::Outlet => opt(r.outlet),
        Field::Published => when(r.published.as_ref()),
        Field::ReportedAt => when(r.reported_at.as_ref()),
        Field::Url => opt(r.url),
        Field::Source => text(r.source_raw),
        Field::SourceType => text(r.source_type),
        // No side is written as `none`, which reads back as no side (blank means the
        // registry's).
        Field::Side => text(r.side.unwrap_or("none")),
        Field::Claim => text(r.claim),
        Field::Group => text(r.group),
        // A figure read from low and high columns is written back there, not as words, so
        // that it reads back unchanged.
        Field::Count => opt(r.quantity_text),
        Field::Low => Cell::Number(r.low.map(f64::from)),
        Field::High => Cell::Number(r.high.map(f64::from)),
        Field::Best => Cell::Number(r.best.map(f64::from)),
        Field::Qualifier => opt(r.qualifier),
        Field::Detail => opt(r.detail),
        Field::Stance => text(r.stance),
        Field::Location => opt(r.location),
        Field::EventDate => text(r.event_date.clone()),
        Field::EventId => opt(r.event_id),
        Field::CompiledBy => opt(r.compiled_by),
        Field::Quote => text(r.quote),
        Field::Latitude => degrees(0),
        Field::Longitude => degrees(1),
        // The period is written as one `event_date` (`start/end`).
        Field::DateStart | Field::DateEnd => text(""),
    }
}

/// Discrepancies between kept claims, most severe first.
pub fn discrepancies_csv(
    ds: &Dataset,
    analysis: &Analysis,
    selection: &Selection,
    bom: bool,
) -> Result<Vec<u8>, ExportError> {
    let header = [
        "severity",
        "kind",
        "subtype",
        "event",
        "place",
        "date_from",
        "date_to",
        "claim",
        "group",
        "source_a",
        "figure_a",
        "claim_a",
        "source_b",
        "figure_b",
        "claim_b",
        "ratio",
        "explanation",
    ];
    let claim = |c: u32| ds.claims.get(c as usize);
    let rows = analysis
        .discrepancies
        .iter()
        .filter(|d| selection.keeps_discrepancy(d))
        .map(|d| {
            let event = analysis.events.get(d.event);
            let side = |c: u32| {
                let facts = analysis.facts.get(c as usize);
                let source = facts.map_or(String::new(), |f| f.claimant.to_string());
                let figure = claim(c).map_or(String::new(), |cl| {
                    ds.opt_str(cl.quantity_text)
                        .to_owned()
                        .chars()
                        .chain(
                            Some(cl.stance)
                                .filter(|s| *s == crate::core::model::Stance::Denies)
                                .map(|_| " (denies)")
                                .unwrap_or("")
                                .chars(),
                        )
                        .collect()
                });
                let id = claim(c).map_or(String::new(), |cl| ds.claim_id(cl));
                (source, figure, id)
            };
            let (a, b) = (side(d.claims[0]), side(d.claims[1]));
            vec![
                text(d.severity.as_str()),
                text(d.kind.as_str()),
                text(d.subtype.map_or("", Subtype::as_str)),
                text(event.map_or("", |e| e.id.as_str())),
                text(event.map_or("", |e| e.location.as_str())),
                text(event.map(|e| e.date_from.to_string()).unwrap_or_default()),
                text(event.map(|e| e.date_to.to_string()).unwrap_or_default()),
                text(d.claim_kind.as_str()),
                text(d.group.as_ref()),
                text(a.0),
                text(a.1),
                text(a.2),
                text(b.0),
                text(b.1),
                text(b.2),
                Cell::Number(d.ratio),
                text(analysis.explanation(ds, d)),
            ]
        });
    write_csv(&header, rows, bom)
}

/// The scorecard of the sources with kept claims.
pub fn scorecard_csv(
    analysis: &Analysis,
    selection: &Selection,
    grades: &BTreeMap<String, char>,
    bom: bool,
) -> Result<Vec<u8>, ExportError> {
    let header = [
        "source",
        "type",
        "side",
        "grade",
        "grade_suggested",
        "grade_set_by",
        "claims",
        "comparable",
        "corroborated",
        "contradicted",
        "corroboration_rate",
        "denials",
        "bias_log2",
        "bias_ratio",
        "bias_own_side_log2",
        "bias_adversaries_log2",
    ];
    let kept = crate::core::export::kept_sources(analysis, selection);
    let count = |n: usize| number(u32::try_from(n).unwrap_or(u32::MAX));
    let rows = analysis
        .scorecard
        .iter()
        .filter(|s| kept.contains(s.source.as_str()))
        .map(|s| {
            vec![
                text(s.source.as_str()),
                text(s.source_type.as_str()),
                text(s.side.as_deref().unwrap_or("")),
                text(grades.get(&s.source).unwrap_or(&s.grade).to_string()),
                text(s.grade.to_string()),
                text(if grades.contains_key(&s.source) {
                    "analyst"
                } else {
                    "evidence"
                }),
                count(s.claims),
                count(s.comparable),
                count(s.corroborated),
                count(s.contradicted),
                Cell::Number(s.rate),
                count(s.denials),
                Cell::Number(s.bias_log2),
                Cell::Number(s.bias_log2.map(f64::exp2)),
                Cell::Number(s.bias_own),
                Cell::Number(s.bias_adversary),
            ]
        });
    write_csv(&header, rows, bom)
}

/// The table of `kind` as CSV bytes.
pub fn table_csv(
    kind: TableKind,
    data: &crate::core::export::ChartData<'_>,
    bom: bool,
) -> Result<Vec<u8>, ExportError> {
    let (ds, analysis, selection) = (data.dataset, data.analysis, data.selection);
    match kind {
        TableKind::Claims => claims_csv(ds, Some((analysis, data.corrections)), selection, bom),
        TableKind::Discrepancies => discrepancies_csv(ds, analysis, selection, bom),
        TableKind::Scorecard => {
            scorecard_csv(analysis, selection, &data.corrections.source_grades, bom)
        }
        TableKind::Pivot(period) => {
            let kind = data.timeline.kind;
            pivot_csv(&pivot(ds, analysis, (kind, period), selection), bom)
        }
    }
}

/// The pivot: one row per period, source and place, with its total and the events it counts.
pub fn pivot_csv(pivot: &Pivot, bom: bool) -> Result<Vec<u8>, ExportError> {
    let header = [
        "period_start",
        "period",
        "claim",
        "source",
        "place",
        "total",
        "events",
    ];
    let kind = pivot.kind.map_or("", ClaimKind::as_str);
    let rows = pivot.rows.iter().map(|r| {
        vec![
            text(r.period.to_string()),
            text(pivot.period.as_str()),
            text(kind),
            text(r.source.as_str()),
            text(r.place.as_str()),
            Cell::Number(Some(r.total)),
            Cell::Number(Some(r.events as f64)),
        ]
    });
    write_csv(&header, rows, bom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_numbers_are_not() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+1"), "'+1");
        assert_eq!(guard("-2 killed"), "'-2 killed");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("\rx"), "'\rx");
        assert_eq!(guard("SOHR"), "SOHR");
        assert_eq!(guard(""), "");
        // Fullwidth look-alikes that some spreadsheets fold to formulas.
        assert_eq!(guard("\u{FF1D}cmd"), "'\u{FF1D}cmd");
        assert_eq!(guard("\u{FF20}SUM"), "'\u{FF20}SUM");
        let csv = write_csv(
            &["name", "bias"],
            [vec![text("=cmd"), Cell::Number(Some(-1.32))]].into_iter(),
            true,
        )
        .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(csv, "\u{feff}name,bias\n'=cmd,-1.32\n");
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(0.8125), "0.8125");
    }
}
