//! Real third-party files, read in place when `../shared/realdata/` is there (never copied):
//! UCDP GED, ACLED, Iraq Body Count and a VDC per-person list each import with every row
//! accounted for, and UCDP's events meet an article about one of them.

use std::path::PathBuf;

use triangulate::core::analysis::{Aliases, analyze, settings::Settings};
use triangulate::core::import::{FileReport, ImportOptions};

use crate::fixtures::import_paths;

fn realdata(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata")
        .join(name);
    if !path.exists() {
        eprintln!("skipping {name}: ../shared/realdata is not here");
    }
    path.exists().then_some(path)
}

/// Every row is a claim's, counted into one, rejected or a duplicate.
fn accounted(file: &FileReport) -> u64 {
    file.rows_imported() + file.counted + file.rejected.len() as u64 + file.duplicates.len() as u64
}

#[test]
fn ucdp_ged_reads_every_event_with_its_figures_and_cited_claimants() {
    let Some(path) = realdata("ucdp_ged191_syria_2016_2019_multisource.csv") else {
        return;
    };
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(file.error, None);
    assert_eq!(file.format, "ucdp");
    assert_eq!((file.rows, file.rows_imported()), (5880, 5880));
    // Its quoted fields over several lines are fields, not stray quotes.
    assert!(
        !file
            .warnings
            .iter()
            .any(|w| w.contains("a quote opened here")),
        "{:?}",
        file.warnings
    );
    let ds = &imported.dataset;
    let own: Vec<_> = ds
        .claims
        .iter()
        .filter(|c| ds.str(c.source) == "UCDP" && ds.str(c.group) == "all")
        .collect();
    assert_eq!(own.len(), 5880, "one UCDP claim an event");
    // Event 223555: low, best and high 28 (22 of side b, 6 civilians), cited: SOHR.
    let first = own[0];
    let q = first.quantity.unwrap();
    assert_eq!((q.low, q.high(), q.best()), (28, Some(28), Some(28)));
    assert_eq!(ds.opt_str(first.event_id), "223555");
    let cited: Vec<&str> = ds
        .claims
        .iter()
        .filter(|c| c.event_id == first.event_id && c.quantity.is_none())
        .map(|c| ds.str(c.source))
        .collect();
    assert_eq!(cited, ["SOHR"]);
    let sources: std::collections::BTreeSet<&str> =
        ds.claims.iter().map(|c| ds.str(c.source)).collect();
    for name in ["SOHR", "Airwars", "VDC", "Kurdish Red Crescent", "SANA"] {
        assert!(sources.contains(name), "{name} is cited");
    }
    assert!(!sources.contains("sohr") && !sources.contains("SOHR, Airwars"));
    assert!(
        file.warnings.iter().any(|w| w.contains("best estimate")),
        "{:?}",
        file.warnings
    );
    let analysis = analyze(ds, &Settings::default(), &Aliases::default());
    assert_eq!(analysis.events.len(), 5880);
    assert!(
        analysis.discrepancies.is_empty(),
        "UCDP never disagrees with the sources it cites: {}",
        analysis.discrepancies.len()
    );
}

#[test]
fn an_article_about_a_ucdp_event_joins_that_event() {
    let Some(path) = realdata("ucdp_ged191_syria_2016_2019_multisource.csv") else {
        return;
    };
    let article =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ucdp_event_article.csv");
    let imported = import_paths(&[path, article], &ImportOptions::default());
    let ds = &imported.dataset;
    let analysis = analyze(ds, &Settings::default(), &Aliases::default());
    let article_claim = ds.claims.len() - 1;
    let event = analysis.facts[article_claim]
        .event
        .expect("placed in an event");
    let event = &analysis.events[event as usize];
    assert!(
        event
            .claims
            .iter()
            .any(|&c| ds.opt_str(ds.claims[c as usize].event_id) == "216783"),
        "joined UCDP's event 216783 at Arbin"
    );
}

#[test]
fn ucdp_ged_23_1_columns_are_found_by_name() {
    let Some(path) = realdata("ucdp_ged231_sample_syria_iraq.csv") else {
        return;
    };
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(
        (file.format, file.rows, file.rows_imported()),
        ("ucdp", 284, 284)
    );
}

#[test]
fn vdc_per_person_list_accounts_for_every_row() {
    let Some(path) = realdata("vdc_regime_fatalities_2015.csv") else {
        return;
    };
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(file.format, "person_list");
    assert_eq!(file.rows, 19_239);
    assert_eq!(accounted(file), 19_239, "{}", file.counts());
    assert!(
        !file.duplicates.is_empty(),
        "exact duplicate people are reported"
    );
    assert!(file.warnings.iter().any(|w| w.contains("without a date")));
    let ds = &imported.dataset;
    assert!(ds.claims.iter().all(|c| ds.str(c.source) == "VDC"));
    let people: u32 = ds
        .claims
        .iter()
        .filter_map(|c| c.quantity)
        .map(|q| q.low)
        .sum();
    assert_eq!(u64::from(people), file.counted, "each person counted once");
}

#[test]
fn iraq_body_count_and_both_acled_layouts_import_every_row() {
    for (name, format, rows) in [
        ("iraq_body_count_incidents_2009_2017.csv", "ibc", 25_306),
        ("acled_gaza_city_2023-10_2025-06.csv", "acled", 5_338),
        (
            "acled_middle_east_2020-04-27_2020-05-09.csv",
            "acled",
            1_168,
        ),
    ] {
        let Some(path) = realdata(name) else {
            continue;
        };
        let imported = import_paths(&[path], &ImportOptions::default());
        let file = &imported.report.files[0];
        assert_eq!((file.format, file.rows), (format, rows), "{name}");
        assert_eq!(accounted(file), rows, "{name}: {}", file.counts());
        assert!(
            file.rejected.is_empty(),
            "{name}: {:?}",
            &file.rejected[..1]
        );
    }
}
