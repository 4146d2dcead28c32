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
use crate::core::files::{Overwrite, read_capped, read_small, write_atomic};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Article texts: plain text, or HTML (its markup is dropped), 16 MiB each at most; `-`
    /// reads standard input; a folder gives its .txt and .html files, read in parallel. Header
    /// lines ("outlet:", "date:", "link:") at an article's top stand in for the options below
    /// where these are not given.
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
            failure.report();
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
    let (files, mut skipped) = articles(&args.files);
    let stdin = read_stdin(&files)?;
    let progress = Progress::new(files.len());
    let read: Vec<Result<(ArticleInfo, Vec<Proposed>), Unread>> = files
        .par_iter()
        .map(|path| {
            let bytes = match &stdin {
                Some(bytes) if is_stdin(path) => bytes.clone(),
                Some(_) | None => read_small(path, ARTICLE_LIMIT).map_err(|source| Unread {
                    path: path.clone(),
                    source,
                })?,
            };
            let article = propose(path, &bytes, args, published);
            progress.step();
            Ok(article)
        })
        .collect();
    progress.finish();
    let mut all = Vec::with_capacity(read.len());
    for article in read {
        match article {
            Ok(article) => all.push(article),
            Err(why) => skipped.push(why.to_string()),
        }
    }
    for why in &skipped {
        eprintln!("warning: {}", crate::core::parse::text::terminal_safe(why));
    }
    if all.is_empty() {
        return Err(Failure::failed("no article could be read"));
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
        let written = write_atomic(
            out,
            &to_csv(&all).map_err(|e| Failure::failed(e.to_string()))?,
            overwrite,
        )
        .map_err(|e| Failure::failed(e.to_string()))?;
        return Ok(format!(
            "Proposed {count} claims from {} article(s): {}{}",
            all.len(),
            out.display(),
            written.note().map(|n| format!(" {n}")).unwrap_or_default()
        ));
    }
    Ok(String::new())
}

/// The claims an article proposes, with what is known of it: the options given, else its
/// header lines.
fn propose(
    path: &std::path::Path,
    bytes: &[u8],
    args: &ExtractArgs,
    published: Option<chrono::NaiveDate>,
) -> (ArticleInfo, Vec<Proposed>) {
    let text = article_text(bytes);
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
    (info, claims)
}

/// An article file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}; skipped", path.display())]
struct Unread {
    path: PathBuf,
    source: std::io::Error,
}

/// An article is at most this long: a book's worth of text.
const ARTICLE_LIMIT: u64 = 16 << 20;

fn is_stdin(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input's bytes, when `-` is among the articles (read once, up to the limit).
fn read_stdin(files: &[PathBuf]) -> Result<Option<Vec<u8>>, Failure> {
    if !files.iter().any(|p| is_stdin(p)) {
        return Ok(None);
    }
    read_capped(std::io::stdin().lock(), ARTICLE_LIMIT)
        .map(Some)
        .map_err(|e| Failure::failed(format!("standard input: {e}")))
}

/// The article files the arguments name, and why any were skipped: a folder gives its
/// regular `.txt`, `.html` and `.htm` files, in name order; an entry that cannot be read, or is
/// a pipe or a device, is skipped with a message and never stops the rest.
fn articles(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                skipped.push(format!("{}: {e}; skipped", path.display()));
                continue;
            }
        };
        let mut inside = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry.path(),
                Err(e) => {
                    skipped.push(format!(
                        "{}: an entry cannot be read ({e}); skipped",
                        path.display()
                    ));
                    continue;
                }
            };
            let article = entry
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["txt", "html", "htm"].contains(&e.to_lowercase().as_str()));
            if !article {
                continue;
            }
            // A link is followed; a pipe or a device would hang the reading or never end.
            match std::fs::metadata(&entry) {
                Ok(meta) if meta.is_file() => inside.push(entry),
                Ok(_) => skipped.push(format!(
                    "{}: not a regular file (a device, a pipe or a folder); skipped",
                    entry.display()
                )),
                Err(e) => skipped.push(format!("{}: {e}; skipped", entry.display())),
            }
        }
        if inside.is_empty() {
            skipped.push(format!(
                "{}: no article files (.txt, .html) in this folder",
                path.display()
            ));
        }
        inside.sort();
        files.extend(inside);
    }
    (files, skipped)
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
