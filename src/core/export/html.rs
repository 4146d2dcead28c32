//! The one-file report: a self-contained HTML page with the charts as inline SVG, the
//! discrepancies, the scorecard, the thresholds in force and the input files with their
//! SHA-256. Every text from the data is escaped.

use std::fmt::Write;

use crate::core::charts::bias_words;
use crate::core::export::svg::{Page, escape, render_svg};
use crate::core::export::{
    ChartData, ChartKind, ExportError, describe_filter, kept_sources, sourcing,
};
use crate::core::model::judgement::Mark;
use crate::core::parse::text::is_web_link;
use crate::core::view::findings::{Finding, Witness, findings};

/// An input file as the report lists it.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub name: String,
    pub sha256: String,
    pub claims: usize,
    pub rejected: usize,
}

impl InputFile {
    /// The inputs of an import, hashed now, with what their import gave.
    pub fn list(
        inputs: &[crate::core::import::Input],
        report: &crate::core::import::ImportReport,
    ) -> Vec<Self> {
        inputs
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let file = report.files.get(i);
                Self {
                    name: input.file_name().to_owned(),
                    sha256: input
                        .sha256()
                        .unwrap_or_else(|e| format!("cannot read: {e}")),
                    claims: file.map_or(0, |f| usize::try_from(f.imported).unwrap_or(usize::MAX)),
                    rejected: file.map_or(0, |f| f.rejected.len()),
                }
            })
            .collect()
    }
}

/// Most discrepancy rows written; the CSV export has them all.
const MAX_DISCREPANCIES: usize = 500;

const STYLE: &str = "body{font-family:'Noto Sans','Noto Sans Arabic','DejaVu Sans','Segoe UI',Arial,sans-serif;\
max-width:1280px;margin:2em auto;padding:0 1em;color:#1f2328;line-height:1.45}\
h1{margin-bottom:0}h2{margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}\
.note{color:#59636e}table{border-collapse:collapse;width:100%;font-size:14px;margin:.5em 0}\
th,td{border-bottom:1px solid #e1e4e8;padding:4px 8px;text-align:left;vertical-align:top}\
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}\
.high{color:#c62828;font-weight:bold}.medium{color:#b26a00}svg{max-width:100%;height:auto}\
code{font-size:12px;word-break:break-all}\
.finding{border:1px solid #d0d7de;border-radius:6px;padding:.4em 1em .8em;margin:1em 0}\
.finding h3{margin:.4em 0}.sides{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}\
.sides h4{margin:.3em 0;color:#59636e;font-weight:normal}\
blockquote{margin:.2em 0 .8em 0;padding-left:.8em;border-left:3px solid #d0d7de;color:#59636e;\
font-style:italic}.verdict{font-weight:bold}";

/// Most findings written in full.
const MAX_FINDINGS: usize = 200;
/// Most claims written of one side of a finding.
const MAX_WITNESSES: usize = 20;

/// The report as one HTML document.
pub fn report_html(data: &ChartData<'_>, files: &[InputFile]) -> Result<String, ExportError> {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Triangulate report</title><style>{STYLE}</style></head><body>"
    );
    let _ = write!(
        out,
        "<h1>Triangulate report</h1><p class=\"note\">Reported claims \u{2014} not verified \
         totals. Made {} with Triangulate {}. Filters: {}.</p>",
        escape(&data.provenance.date),
        env!("CARGO_PKG_VERSION"),
        escape(&describe_filter(
            data.filter,
            data.timeline,
            ChartKind::Sources
        ))
    );
    files_section(&mut out, files);
    findings_section(&mut out, data);
    let page = Page {
        width: 1200.0,
        height: 620.0,
        dark: false,
    };
    out.push_str("<h2>Claims over time</h2>");
    out.push_str(&render_svg(&data.figure(ChartKind::Timeline, None)?, &page));
    if let Ok(event) = data.figure(ChartKind::Event, None) {
        out.push_str("<h2>The event with the most claims</h2>");
        out.push_str(&render_svg(&event, &page));
    }
    out.push_str("<h2>Sources against each other</h2>");
    out.push_str(&render_svg(&data.figure(ChartKind::Sources, None)?, &page));
    discrepancies_section(&mut out, data);
    scorecard_section(&mut out, data);
    methodology_section(&mut out, data);
    out.push_str("</body></html>\n");
    Ok(out)
}

/// Each finding the filters keep: the question, both sides' claims with their outlets, dates,
/// quotes and links, and the analyst's verdict; findings the analyst excluded come last.
fn findings_section(out: &mut String, data: &ChartData<'_>) {
    let marks = &data.corrections.finding_marks;
    let excluded = |f: &Finding| marks.get(&f.id).is_some_and(Mark::is_excluded);
    let mut kept: Vec<Finding> = findings(data.dataset, data.analysis)
        .into_iter()
        .filter(|f| {
            f.discrepancies.iter().any(|&d| {
                data.analysis
                    .discrepancies
                    .get(d)
                    .is_some_and(|d| data.selection.keeps_discrepancy(d))
            })
        })
        .collect();
    kept.sort_by_key(|f| excluded(f));
    let set_aside = kept.iter().filter(|f| excluded(f)).count();
    let judged = sourcing::excluded(data.analysis);
    let _ = write!(
        out,
        "<h2>Findings</h2><p class=\"note\">{} disagreements between sources, most important \
         first{}.{}</p>",
        kept.len(),
        if set_aside > 0 {
            format!("; {set_aside} the analyst excluded come last")
        } else {
            String::new()
        },
        if judged.is_empty() {
            String::new()
        } else {
            format!(" {}, left out of the analysis.", escape(&judged))
        }
    );
    for f in kept.iter().take(MAX_FINDINGS) {
        finding_html(out, f, data);
    }
    if kept.len() > MAX_FINDINGS {
        let _ = write!(
            out,
            "<p class=\"note\">{} more findings: the discrepancies table lists every one.</p>",
            kept.len() - MAX_FINDINGS
        );
    }
}

fn finding_html(out: &mut String, f: &Finding, data: &ChartData<'_>) {
    let severity = f.severity.as_str();
    let _ = write!(
        out,
        "<section class=\"finding\"><h3><span class=\"{severity}\">{}</span> {} \
         <span class=\"note\">{}</span></h3><p>{}</p>",
        severity.to_uppercase(),
        escape(&f.title),
        escape(&f.date),
        escape(&f.summary)
    );
    if let Some(mark) = data.corrections.finding_marks.get(&f.id) {
        let _ = write!(
            out,
            "<p class=\"verdict\">The analyst: {}</p>",
            escape(&mark.describe())
        );
    }
    out.push_str("<div class=\"sides\">");
    for (side, heading) in f.headings.iter().enumerate() {
        let _ = write!(out, "<div><h4>{heading}</h4>");
        let shown = f.witnesses(data.dataset, data.analysis, side, Some(MAX_WITNESSES));
        for w in &shown {
            witness_html(out, w, data.corrections.claim_marks.get(&w.claim_id));
        }
        let more = f.sides[side].len().saturating_sub(shown.len());
        if more > 0 {
            let _ = write!(
                out,
                "<p class=\"note\">and {more} more claims: the claims table lists them.</p>"
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div></section>");
}

fn witness_html(out: &mut String, w: &Witness, mark: Option<&Mark>) {
    let _ = write!(
        out,
        "<p><b>{}</b> ({}) {}<br><span class=\"note\">{}",
        escape(&w.claimant),
        escape(&w.voice),
        escape(&w.says),
        escape(&w.provenance())
    );
    if is_web_link(&w.url) {
        let _ = write!(
            out,
            " \u{b7} <a href=\"{}\" rel=\"noopener noreferrer\">article</a>",
            escape(w.url.trim())
        );
    }
    let _ = write!(out, " \u{b7} <code>{}</code></span>", escape(&w.claim_id));
    if let Some(mark) = mark {
        let _ = write!(
            out,
            "<br><span class=\"verdict\">The analyst: {}</span>",
            escape(&mark.describe())
        );
    }
    out.push_str("</p>");
    if !w.quote.is_empty() {
        let _ = write!(out, "<blockquote>{}</blockquote>", escape(&w.quote));
    }
}

fn files_section(out: &mut String, files: &[InputFile]) {
    out.push_str(
        "<h2>Input files</h2><table><tr><th>File</th><th>Claims</th><th>Rejected rows</th>\
         <th>SHA-256</th></tr>",
    );
    for f in files {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td><code>{}</code></td></tr>",
            escape(&f.name),
            f.claims,
            f.rejected,
            escape(&f.sha256)
        );
    }
    out.push_str("</table>");
}

fn discrepancies_section(out: &mut String, data: &ChartData<'_>) {
    let (ds, a) = (data.dataset, data.analysis);
    let kept: Vec<_> = a
        .discrepancies
        .iter()
        .filter(|d| data.selection.keeps_discrepancy(d))
        .collect();
    let _ = write!(
        out,
        "<h2>Discrepancies</h2><p class=\"note\">{} between current figures and statements, \
         most severe first.</p><table><tr><th>Severity</th><th>Kind</th><th>Place</th>\
         <th>Date</th><th>Sources</th><th>Explanation</th><th>Claims</th></tr>",
        kept.len()
    );
    for d in kept.iter().take(MAX_DISCREPANCIES) {
        let event = a.events.get(d.event);
        let who = |c: u32| a.facts.get(c as usize).map_or("", |f| f.claimant.as_ref());
        let id = |c: u32| {
            ds.claims
                .get(c as usize)
                .map_or(String::new(), |cl| ds.claim_id(cl))
        };
        let _ = write!(
            out,
            "<tr><td class=\"{0}\">{0}</td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4} vs {5}</td>\
             <td>{6}</td><td><code>{7}</code><br><code>{8}</code></td></tr>",
            d.severity.as_str(),
            escape(d.kind.as_str()),
            escape(event.map_or("", |e| e.location.as_str())),
            event.map(|e| e.date_from.to_string()).unwrap_or_default(),
            escape(who(d.claims[0])),
            escape(who(d.claims[1])),
            escape(&a.explanation(ds, d)),
            escape(&id(d.claims[0])),
            escape(&id(d.claims[1]))
        );
    }
    out.push_str("</table>");
    if kept.len() > MAX_DISCREPANCIES {
        let _ = write!(
            out,
            "<p class=\"note\">{} more: export the discrepancies table for every row.</p>",
            kept.len() - MAX_DISCREPANCIES
        );
    }
}

fn scorecard_section(out: &mut String, data: &ChartData<'_>) {
    let kept = kept_sources(data.analysis, data.selection);
    out.push_str(
        "<h2>Scorecard</h2><table><tr><th>Grade</th><th>Source</th><th>Type</th><th>Side</th>\
         <th>Claims</th><th>Comparable</th><th>Corroborated</th><th>Contradicted</th>\
         <th>Rate</th><th>Denials</th><th>Bias</th></tr>",
    );
    for s in data
        .analysis
        .scorecard
        .iter()
        .filter(|s| kept.contains(s.source.as_str()))
    {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            data.corrections.source_grades.get(&s.source).map_or_else(
                || format!("{} (suggested)", s.grade),
                |g| format!("{g} (set; suggested {})", s.grade)
            ),
            escape(&s.source),
            s.source_type.as_str(),
            escape(s.side.as_deref().unwrap_or("")),
            s.claims,
            s.comparable,
            s.corroborated,
            s.contradicted,
            s.rate
                .map_or("\u{2014}".to_owned(), |r| format!("{:.0}%", r * 100.0)),
            s.denials,
            escape(&bias_words(s.bias_log2))
        );
    }
    out.push_str("</table>");
}

fn methodology_section(out: &mut String, data: &ChartData<'_>) {
    let s = &data.analysis.settings;
    let _ = write!(
        out,
        "<h2>Methodology and thresholds</h2><ul>\
         <li>Claims about one place join an event when they fall within {} day(s) of its first \
         date; claims that total a longer period are compared only with each other.</li>\
         <li>Each claimant's latest statement on a question counts; superseded figures and \
         re-quotes do not.</li>\
         <li>Two figures agree when the gap between them is at most {:.0}% of the larger bound \
         or {}, whichever is more; an open floor (\u{201c}at least 13\u{201d}) agrees with \
         anything above it.</li>\
         <li>A numeric discrepancy is of medium severity from a ratio of {} and high from {}; \
         a contradiction between opposing sides is one step more severe.</li>\
         <li>Grades A\u{2013}E come from the share of a source's comparable claims that other \
         sides corroborate and its bias against their figures; F when fewer than {} of its \
         claims could be compared.</li>\
         <li>Credibility of each claim on the Admiralty scale: 1 confirmed by independent \
         sides \u{2026} 6 cannot be judged.</li></ul>",
        s.window_days,
        s.tolerance_ratio * 100.0,
        s.tolerance_min,
        s.medium_ratio,
        s.high_ratio,
        s.min_comparable
    );
}
