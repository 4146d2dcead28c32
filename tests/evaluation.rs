//! Evaluating the analysis against real reporting: each article of
//! `tests/fixtures/reporting/` is analysed on its own and its discrepancies are compared with
//! the disagreements an analyst labelled. Shared by the tests and by
//! `cargo run --example evaluate`, which prints the figures per article.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use triangulate::core::analysis::{Analysis, Settings, Severity, analyze};
use triangulate::core::model::Dataset;

use triangulate::core::import::{ImportOptions, Input, import};
use triangulate::core::progress::Progress;

/// An analyst's label for a pair of claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub kind: String,
    pub strength: String,
}

/// What the analysis made of one article, against its labels.
#[derive(Debug, Default)]
pub struct Outcome {
    pub hard: usize,
    pub hard_found: usize,
    pub soft: usize,
    pub soft_found: usize,
    /// Reported pairs an analyst did not flag (or flagged as a trap), with their severity.
    pub false_alarms: Vec<(String, Severity, String)>,
    pub missed: Vec<String>,
    pub rejected_rows: usize,
}

pub fn articles(part: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reporting");
    let dir = if part == "working" {
        root
    } else {
        root.join(part)
    };
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("claims.csv").exists())
        .collect();
    found.sort();
    found
}

pub fn labels(article: &Path) -> BTreeMap<(String, String), Label> {
    let mut reader = csv::Reader::from_path(article.join("disagreements.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let (a, b) = (r[0].to_owned(), r[1].to_owned());
            let key = if a <= b { (a, b) } else { (b, a) };
            let label = Label {
                kind: r[2].to_owned(),
                strength: r[3].to_owned(),
            };
            (key, label)
        })
        .collect()
}

pub fn claim_id(ds: &Dataset, c: u32) -> String {
    let claim = &ds.claims[c as usize];
    ds.extra(claim, "claim_id").unwrap_or("?").to_owned()
}

/// For each claim, the first claim making the same statement: the same claimant, kind,
/// normalised group, figure, stance and event (an article repeating a figure, or two groups
/// written differently that are one). The analysis lists such a statement once; a label on
/// any of its copies is found by it.
pub fn same_statement(ds: &Dataset, analysis: &Analysis) -> Vec<String> {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    (0..ds.claims.len())
        .map(|i| {
            let (claim, facts) = (&ds.claims[i], &analysis.facts[i]);
            let key = format!(
                "{}|{:?}|{}|{:?}|{:?}|{:?}",
                facts.claimant,
                claim.kind,
                facts.group,
                claim.quantity.map(|q| (q.point(), q.high().is_none())),
                claim.stance,
                facts.event
            );
            let id = claim_id(ds, i as u32);
            first.entry(key).or_insert(id).clone()
        })
        .collect()
}

pub fn evaluate(article: &Path) -> Outcome {
    let input = Input::file(article.join("claims.csv"));
    let imported = import(&[input], &ImportOptions::default(), &Progress::default()).unwrap();
    let ds = &imported.dataset;
    let analysis: Analysis = analyze(ds, &Settings::default(), &Default::default());
    let labels = labels(article);
    let canonical = same_statement(ds, &analysis);
    let by_id: BTreeMap<String, String> = (0..ds.claims.len())
        .map(|i| (claim_id(ds, i as u32), canonical[i].clone()))
        .collect();
    let canon = |id: &str| by_id.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let ordered = |a: String, b: String| if a <= b { (a, b) } else { (b, a) };
    let labels_by_statement: BTreeMap<(String, String), &Label> = labels
        .iter()
        .map(|((a, b), l)| (ordered(canon(a), canon(b)), l))
        .collect();
    let mut outcome = Outcome {
        rejected_rows: imported.report.rejected(),
        ..Outcome::default()
    };
    let mut reported = BTreeSet::new();
    for d in &analysis.discrepancies {
        let (a, b) = (claim_id(ds, d.claims[0]), claim_id(ds, d.claims[1]));
        let key = ordered(a, b);
        let statements = ordered(canon(&key.0), canon(&key.1));
        let flagged = labels
            .get(&key)
            .or_else(|| labels_by_statement.get(&statements).copied())
            .is_some_and(|l| l.strength == "hard" || l.strength == "soft");
        if !flagged {
            outcome.false_alarms.push((
                format!("{}–{}", key.0, key.1),
                d.severity,
                analysis.explanation(ds, d),
            ));
        }
        reported.insert(key);
        reported.insert(statements);
    }
    for (key, label) in &labels {
        let found =
            reported.contains(key) || reported.contains(&ordered(canon(&key.0), canon(&key.1)));
        match label.strength.as_str() {
            "hard" => {
                outcome.hard += 1;
                if found {
                    outcome.hard_found += 1;
                } else {
                    outcome
                        .missed
                        .push(format!("{}–{} ({})", key.0, key.1, label.kind));
                }
            }
            "soft" => {
                outcome.soft += 1;
                outcome.soft_found += usize::from(found);
            }
            _ => {}
        }
    }
    outcome
}

/// Evaluates every article of a part and prints the figures; returns the totals.
pub fn evaluate_part(part: &str) -> Outcome {
    let mut total = Outcome::default();
    for article in articles(part) {
        let o = evaluate(&article);
        let name = article.file_name().unwrap().to_string_lossy().into_owned();
        println!(
            "{part:>10} {name:<62} hard {}/{} soft {}/{} false alarms {} rejected rows {}",
            o.hard_found,
            o.hard,
            o.soft_found,
            o.soft,
            o.false_alarms.len(),
            o.rejected_rows
        );
        for missed in &o.missed {
            println!("{:>12} missed {missed}", "");
        }
        for (pair, severity, why) in &o.false_alarms {
            println!(
                "{:>12} false alarm {pair} [{}] {why}",
                "",
                severity.as_str()
            );
        }
        total.hard += o.hard;
        total.hard_found += o.hard_found;
        total.soft += o.soft;
        total.soft_found += o.soft_found;
        total.rejected_rows += o.rejected_rows;
        total.false_alarms.extend(o.false_alarms);
    }
    let high = total
        .false_alarms
        .iter()
        .filter(|(_, s, _)| *s == Severity::High)
        .count();
    println!(
        "{part}: {} articles; hard disagreements found {}/{} ({:.0}%); soft {}/{}; false alarms {} ({} high); rejected rows {}",
        articles(part).len(),
        total.hard_found,
        total.hard,
        100.0 * total.hard_found as f64 / total.hard.max(1) as f64,
        total.soft_found,
        total.soft,
        total.false_alarms.len(),
        high,
        total.rejected_rows
    );
    total
}
