//! `triangulate extract`: proposed claims from article text, as a claims file the importer
//! reads (each with its sentence, the characters it came from, its rule and confidence), or
//! as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::shared::Failure;
use crate::core::extract::{ArticleInfo, Proposed, extract};
use crate::core::files::{Overwrite, write_atomic};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Article texts: plain text, or HTML (its markup is dropped).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The day the articles were published (YYYY-MM-DD): "on Wednesday" and "last week"
    /// count back from it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// The outlet that published them.
    #[arg(long, default_value = "")]
    pub outlet: String,
    /// The articles' web address.
    #[arg(long, default_value = "")]
    pub url: String,
    /// The claims file to write (CSV, the import format).
    #[arg(long, value_name = "PATH", required_unless_present = "json")]
    pub out: Option<PathBuf>,
    /// Print the proposed claims as JSON, with the rule behind each and its confidence.
    #[arg(long)]
    pub json: bool,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// The columns written: the import format's, then where each claim came from.
const HEADER: [&str; 20] = [
    "article_id",
    "outlet",
    "published",
    "reported_at",
    "url",
    "source",
    "source_type",
    "side",
    "claim",
    "group",
    "count",
    "detail",
    "stance",
    "location",
    "event_date",
    "quote",
    "span_start",
    "span_end",
    "rule",
    "confidence",
];

pub fn run(args: &ExtractArgs) -> ExitCode {
    match run_extract(args) {
        Ok(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

fn run_extract(args: &ExtractArgs) -> Result<String, Failure> {
    let published = args
        .published
        .as_deref()
        .map(|d| {
            chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                Failure::usage(format!("--published {d}: give the date as YYYY-MM-DD"))
            })
        })
        .transpose()?;
    let mut all: Vec<(ArticleInfo, Vec<Proposed>)> = Vec::new();
    for path in &args.files {
        let bytes =
            std::fs::read(path).map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
        let raw = String::from_utf8_lossy(&bytes);
        let text = if looks_like_html(&raw) {
            strip_html(&raw)
        } else {
            raw.into_owned()
        };
        let info = ArticleInfo {
            article_id: path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
            outlet: args.outlet.clone(),
            url: args.url.clone(),
            published,
        };
        let claims = extract(&text, &info);
        all.push((info, claims));
    }
    let count: usize = all.iter().map(|(_, c)| c.len()).sum();
    if args.json {
        println!("{}", json(&all));
    }
    if let Some(out) = &args.out {
        let overwrite = if args.force {
            Overwrite::Yes
        } else {
            Overwrite::No
        };
        write_atomic(out, &csv_bytes(&all)?, overwrite)
            .map_err(|e| Failure::failed(e.to_string()))?;
        return Ok(format!(
            "Proposed {count} claims from {} article(s): {}",
            all.len(),
            out.display()
        ));
    }
    Ok(String::new())
}

fn row(info: &ArticleInfo, c: &Proposed) -> Vec<String> {
    let published = info.published.map(|d| d.to_string()).unwrap_or_default();
    vec![
        info.article_id.clone(),
        info.outlet.clone(),
        published.clone(),
        published,
        info.url.clone(),
        c.source.clone(),
        c.source_type
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default(),
        c.side.clone().unwrap_or_default(),
        c.kind.as_str().to_owned(),
        c.group.clone(),
        c.count.clone(),
        c.detail.clone(),
        c.stance.as_str().to_owned(),
        c.location.clone(),
        c.event_date.clone(),
        c.quote.clone(),
        c.span.0.to_string(),
        c.span.1.to_string(),
        c.rule.to_owned(),
        format!("{:.2}", c.confidence),
    ]
}

fn csv_bytes(all: &[(ArticleInfo, Vec<Proposed>)]) -> Result<Vec<u8>, Failure> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| Failure::failed(e.to_string());
    writer.write_record(HEADER).map_err(failed)?;
    for (info, claims) in all {
        for c in claims {
            writer.write_record(row(info, c)).map_err(failed)?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| Failure::failed(e.to_string()))
}

fn json(all: &[(ArticleInfo, Vec<Proposed>)]) -> String {
    let claims: Vec<serde_json::Value> = all
        .iter()
        .flat_map(|(info, claims)| claims.iter().map(move |c| (info, c)))
        .map(|(info, c)| {
            let fields: serde_json::Map<String, serde_json::Value> = HEADER
                .iter()
                .zip(row(info, c))
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String(v)))
                .collect();
            serde_json::Value::Object(fields)
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "claims": claims })).unwrap_or_default()
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2_000).collect::<String>().to_lowercase();
    head.contains("<html") || head.contains("<p>") || head.contains("<body")
}

/// The text of an HTML page: scripts and styles dropped, paragraphs and line breaks kept as
/// lines, the commonest entities read.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = rest[open + 1..open + close].to_lowercase();
        rest = &rest[open + close + 1..];
        for skipped in ["script", "style"] {
            if tag.starts_with(skipped)
                && let Some(end) = rest.to_lowercase().find(&format!("</{skipped}"))
            {
                rest = &rest[end..];
            }
        }
        if [
            "p", "/p", "br", "br/", "br /", "/h1", "/h2", "/h3", "/li", "div", "/div",
        ]
        .iter()
        .any(|t| tag == *t || tag.starts_with(&format!("{t} ")))
        {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}
