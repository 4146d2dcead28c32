//! The corpus of real reporting holds together: enough articles, a third held apart, every
//! quote is its span of the text, every label names real claims. And the analysis finds what
//! an analyst finds in it: 90% of the hard disagreements of the working part, and no false
//! alarm at high severity in either part.

use std::collections::BTreeSet;

use triangulate::core::analysis::Severity;

use crate::evaluation::{articles, evaluate_part, labels};

#[test]
fn the_corpus_is_complete_and_its_labels_name_real_claims() {
    let working = articles("working");
    let apart = articles("held_apart");
    assert!(working.len() + apart.len() >= 24, "at least 24 articles");
    assert!(
        apart.len() * 3 >= working.len() + apart.len() - 2,
        "a third held apart"
    );
    for article in working.iter().chain(&apart) {
        let text = std::fs::read_to_string(article.join("text.txt")).unwrap();
        assert!(text.starts_with("outlet: "), "{}", article.display());
        assert!(text.contains("\nlink: http"), "{}", article.display());
        let chars: Vec<char> = text.chars().collect();
        let mut reader = csv::Reader::from_path(article.join("claims.csv")).unwrap();
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (id, quote, start, end) = (
            at("claim_id"),
            at("quote"),
            at("span_start"),
            at("span_end"),
        );
        let mut ids = BTreeSet::new();
        for record in reader.records() {
            let r = record.unwrap();
            let (s, e): (usize, usize) = (r[start].parse().unwrap(), r[end].parse().unwrap());
            let span: String = chars[s..e].iter().collect();
            assert_eq!(span, &r[quote], "{} {}", article.display(), &r[id]);
            ids.insert(r[id].to_owned());
        }
        for (a, b) in labels(article).keys() {
            assert!(
                ids.contains(a) && ids.contains(b),
                "{} {a} {b}",
                article.display()
            );
        }
    }
}

#[test]
fn the_analysis_finds_what_an_analyst_finds_in_real_reporting() {
    let working = evaluate_part("working");
    let apart = evaluate_part("held_apart");
    for (part, o) in [("working", &working), ("held apart", &apart)] {
        let high: Vec<&(String, Severity, String)> = o
            .false_alarms
            .iter()
            .filter(|(_, s, _)| *s == Severity::High)
            .collect();
        assert!(
            high.is_empty(),
            "{part}: false alarms at high severity: {high:#?}"
        );
    }
    let share = working.hard_found as f64 / working.hard.max(1) as f64;
    assert!(
        share >= 0.9,
        "working part: {}/{} hard disagreements found ({:.0}%), 90% needed",
        working.hard_found,
        working.hard,
        100.0 * share
    );
}
