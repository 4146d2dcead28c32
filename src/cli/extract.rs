//! `triangulate extract`: proposed claims from article text, as a claims file the importer
//! reads (each with its sentence, the characters it came from, its rule and confidence), or
//! as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::shared::Failure;
use crate::core::extract::{ArticleInfo, CSV_HEADER, Proposed, csv_row, extract, to_csv};
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
        write_atomic(
            out,
            &to_csv(&all).map_err(|e| Failure::failed(e.to_string()))?,
            overwrite,
        )
        .map_err(|e| Failure::failed(e.to_string()))?;
        return Ok(format!(
            "Proposed {count} claims from {} article(s): {}",
            all.len(),
            out.display()
        ));
    }
    Ok(String::new())
}

fn json(all: &[(ArticleInfo, Vec<Proposed>)]) -> String {
    let claims: Vec<serde_json::Value> = all
        .iter()
        .flat_map(|(info, claims)| claims.iter().map(move |c| (info, c)))
        .map(|(info, c)| {
            let fields: serde_json::Map<String, serde_json::Value> = CSV_HEADER
                .iter()
                .zip(csv_row(info, c))
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
