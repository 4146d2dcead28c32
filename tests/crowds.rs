//! A question many claimants speak to is summarised, not compared pair by pair; up to the
//! threshold the analysis is the pairwise oracle's, and above it the summary's comparisons are
//! the oracle's comparisons with the median claim.

use std::path::PathBuf;

use triangulate::core::analysis::Subtype;
use triangulate::core::analysis::{Analysis, Settings, analyze};
use triangulate::core::import::Imported;

use crate::fixtures::{import_paths, import_text, seed_path};

/// Every question compared pair by pair, however many claimants speak to it.
fn oracle(imported: &Imported) -> Analysis {
    let settings = Settings {
        pairwise_claimants: usize::MAX,
        ..Settings::default()
    };
    analyze(&imported.dataset, &settings, &Default::default())
}

fn analysed(imported: &Imported) -> Analysis {
    analyze(&imported.dataset, &Settings::default(), &Default::default())
}

/// What a discrepancy says, to compare two analyses.
type Said = (String, Option<&'static str>, String, usize, [u32; 2]);

fn said(a: &Analysis) -> Vec<Said> {
    a.discrepancies
        .iter()
        .map(|d| {
            (
                d.kind.as_str().to_owned(),
                d.subtype.map(Subtype::as_str),
                d.severity.as_str().to_owned(),
                d.event,
                d.claims,
            )
        })
        .collect()
}

fn datasets() -> Vec<(String, Imported)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        seed_path(),
        root.join("sample_data/synthetic_demo.csv"),
        root.join("tests/fixtures/seed_in_arabic_script.csv"),
        root.join("tests/fixtures/synthetic_arabic_script.csv"),
    ];
    files.extend(
        crate::evaluation::articles("working")
            .into_iter()
            .chain(crate::evaluation::articles("held_apart"))
            .map(|dir| dir.join("claims.csv")),
    );
    let mut out: Vec<(String, Imported)> = files
        .iter()
        .map(|f| {
            let imported = import_paths(std::slice::from_ref(f), &Default::default());
            (f.display().to_string(), imported)
        })
        .collect();
    for claimants in [2, 10, 49, 50] {
        let text = triangulate::synth::crowd::one_event(claimants);
        out.push((
            format!("{claimants} claimants"),
            import_text("crowd.csv", &text),
        ));
    }
    out
}

#[test]
fn up_to_fifty_claimants_a_question_is_compared_as_the_pairwise_oracle_does() {
    for (name, imported) in datasets() {
        assert!(
            !imported.dataset.claims.is_empty(),
            "{name}: nothing imported"
        );
        let (a, o) = (analysed(&imported), oracle(&imported));
        assert!(a.summaries.is_empty(), "{name}: summarised");
        assert_eq!(said(&a), said(&o), "{name}");
        for c in 0..imported.dataset.claims.len() as u32 {
            assert_eq!(
                a.corroborated_by(c),
                o.corroborated_by(c),
                "{name}: claim {c}"
            );
            assert_eq!(
                a.contradicted_by(c),
                o.contradicted_by(c),
                "{name}: claim {c}"
            );
        }
    }
}

#[test]
fn above_fifty_claimants_the_summary_compares_each_claim_with_the_median_as_the_oracle_does() {
    let imported = import_text("crowd.csv", &triangulate::synth::crowd::one_event(200));
    let (a, o) = (analysed(&imported), oracle(&imported));
    assert_eq!(a.summaries.len(), 1, "one question, summarised");
    let summary = &a.summaries[0];
    assert_eq!(summary.claimants, 200);
    let m = summary.median_claim;
    // The summary's discrepancies are the oracle's that involve the median claim.
    // A pair in either order.
    let unordered = |x: &Analysis| {
        let mut v: Vec<Said> = said(x)
            .into_iter()
            .map(|mut s| {
                s.4.sort_unstable();
                s
            })
            .collect();
        v.sort();
        v
    };
    let with_median = |x: &Analysis| {
        let mut v = unordered(x);
        v.retain(|s| s.4.contains(&m));
        v
    };
    let mine = unordered(&a);
    assert!(!mine.is_empty());
    assert_eq!(mine, with_median(&o));
    assert!(
        said(&o).len() > 10 * mine.len(),
        "the oracle compares every pair"
    );
    // Each outlier is in dispute with the median, and outside the consensus interval.
    let (low, high) = summary.consensus.expect("figures give a consensus");
    let median_figure = imported.dataset.claims[m as usize].quantity.unwrap();
    assert!(low <= median_figure.low && median_figure.low <= high);
    assert!(!summary.outliers.is_empty());
    for &c in &summary.outliers {
        assert!(o.contradicted_by(m).contains(&c) || mine.iter().any(|s| s.4.contains(&c)));
    }
    // Every figure of the question is counted once per side.
    let figures = imported
        .dataset
        .claims
        .iter()
        .filter(|c| c.quantity.is_some() && c.stance == triangulate::core::model::Stance::Asserts)
        .count() as u32;
    assert!(
        summary
            .sides
            .iter()
            .all(|s| s.meeting + s.apart == figures - 1)
    );
}
