//! `triangulate extract`: proposed claims from article text, as a claims file the importer
//! reads (each with its sentence, the characters it came from, its rule and confidence), or
//! as JSON.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Args;
use rayon::prelude::*;

use super::shared::Failure;
use crate::core::extract::article::{article_text, header};
use crate::core::extract::{ArticleInfo, Proposed, csv_header, csv_row, extract, to_csv};
use crate::core::files::{Overwrite, write_atomic};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Article texts: plain text, or HTML (its markup is dropped); a folder gives its .txt and
    /// .html files, read in parallel. Header lines ("outlet:", "date:", "link:") at an
    /// article's top stand in for the options below where these are not given.
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
    let files = articles(&args.files)?;
    let progress = Progress::new(files.len());
    let all: Vec<(ArticleInfo, Vec<Proposed>)> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path)
                .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
            let text = article_text(&bytes);
            let found = header(&text);
            let or = |given: &str, found: Option<String>| {
                if given.is_empty() {
                    found.unwrap_or_default()
                } else {
                    given.to_owned()
                }
            };
            let info = ArticleInfo {
                article_id: path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                outlet: or(&args.outlet, found.outlet),
                url: or(&args.url, found.url),
                published: published.or(found.published),
            };
            let claims = extract(&text, &info);
            progress.step();
            Ok((info, claims))
        })
        .collect::<Result<_, Failure>>()?;
    progress.finish();
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

/// The article files the arguments name: a folder gives its `.txt`, `.html` and `.htm` files,
/// in name order.
fn articles(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path)
            .map_err(|e| Failure::failed(format!("{}: {e}", path.display())))?;
        let mut inside: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ["txt", "html", "htm"].contains(&e.to_lowercase().as_str()))
            })
            .collect();
        if inside.is_empty() {
            return Err(Failure::failed(format!(
                "{}: no article files (.txt, .html) in this folder",
                path.display()
            )));
        }
        inside.sort();
        files.extend(inside);
    }
    Ok(files)
}

/// Articles read so far, shown on a terminal as a bar that fills in place.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Self {
            total,
            done: AtomicUsize::new(0),
            shown: total > 1 && std::io::stderr().is_terminal(),
        }
    }

    fn step(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        // Redrawn at each hundredth, not at every article.
        if self.shown && (done * 100 / self.total) != ((done - 1) * 100 / self.total) {
            let filled = done * 30 / self.total;
            eprint!(
                "\rExtracting [{}{}] {done} of {} articles",
                "#".repeat(filled),
                " ".repeat(30 - filled),
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.shown {
            eprintln!();
        }
    }
}

fn json(all: &[(ArticleInfo, Vec<Proposed>)]) -> String {
    let claims: Vec<serde_json::Value> = all
        .iter()
        .flat_map(|(info, claims)| claims.iter().map(move |c| (info, c)))
        .map(|(info, c)| {
            let fields: serde_json::Map<String, serde_json::Value> = csv_header()
                .into_iter()
                .zip(csv_row(info, c))
                .map(|(k, v)| (k.to_owned(), serde_json::Value::String(v)))
                .collect();
            serde_json::Value::Object(fields)
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "claims": claims })).unwrap_or_default()
}
