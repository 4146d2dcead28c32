//! The seed article's claims import faithfully.

use triangulate::core::import::ImportOptions;
use triangulate::core::view::claim_record::ClaimRecord;

use crate::fixtures::{import_paths, seed_path};

fn claims() -> Vec<serde_json::Value> {
    let imported = import_paths(&[seed_path()], ImportOptions::default());
    assert!(
        imported.report.files[0].rejected.is_empty(),
        "{:?}",
        imported.report.files[0].rejected
    );
    let ds = &imported.dataset;
    ds.claims
        .iter()
        .map(|c| serde_json::to_value(ClaimRecord::new(ds, c)).unwrap())
        .collect()
}

fn find<'a>(
    claims: &'a [serde_json::Value],
    source: &str,
    claim: &str,
    group: &str,
) -> &'a serde_json::Value {
    claims
        .iter()
        .find(|c| c["source"] == source && c["claim"] == claim && c["group"] == group)
        .unwrap_or_else(|| panic!("no {source} {claim} {group}"))
}

#[test]
fn sohr_at_least_13_dead_in_kobane() {
    let claims = claims();
    let c = find(&claims, "SOHR", "killed", "people");
    assert_eq!(c["low"], 13);
    assert!(c["high"].is_null());
    assert_eq!(c["qualifier"], "at_least");
    assert_eq!(c["location"], "Kobane");
    assert_eq!(c["source_raw"], "Syrian Observatory for Human Rights");
    assert_eq!(c["source_type"], "monitor");
    assert_eq!(c["outlet"], "VICE News");
    assert_eq!(c["published"], "2015-06-25");
}

#[test]
fn ypg_tens_injured_civilians_and_15_killed_one_captured() {
    let claims = claims();
    let injured = find(&claims, "YPG", "injured", "civilians");
    assert_eq!(injured["low"], 10);
    assert_eq!(injured["qualifier"], "vague");
    assert_eq!(injured["side"], "Kurdish-led forces");
    let killed = find(&claims, "YPG", "killed", "jihadists");
    assert_eq!(
        (killed["low"].as_u64(), killed["qualifier"].as_str()),
        (Some(15), Some("at_least"))
    );
    let captured = find(&claims, "YPG", "captured", "jihadists");
    assert_eq!(
        (captured["low"].as_u64(), captured["high"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn hasaka_figures_and_sana_denial() {
    let claims = claims();
    let troops = find(
        &claims,
        "SOHR",
        "killed",
        "government troops and allied militia",
    );
    assert_eq!(
        (troops["low"].as_u64(), troops["qualifier"].as_str()),
        (Some(30), Some("at_least"))
    );
    assert_eq!(find(&claims, "SOHR", "killed", "IS members")["low"], 20);
    assert_eq!(find(&claims, "SOHR", "killed", "civilians")["high"], 2);
    let sana = find(&claims, "SANA", "control", "all");
    assert_eq!(sana["stance"], "denies");
    assert_eq!(sana["source_type"], "state_media");
    assert_eq!(sana["location"], "Hasaka");
}

#[test]
fn origin_of_the_car_bomb_is_asserted_and_denied() {
    let claims = claims();
    let origin: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c["claim"] == "origin")
        .map(|c| (c["source"].as_str().unwrap(), c["stance"].as_str().unwrap()))
        .collect();
    for expected in [
        ("YPG", "asserts"),
        ("Syrian state media", "asserts"),
        ("Turkish authorities", "denies"),
        ("Sanliurfa governor", "asserts"),
        ("Anadolu Agency", "asserts"),
    ] {
        assert!(origin.contains(&expected), "{expected:?} in {origin:?}");
    }
    let governor = claims
        .iter()
        .find(|c| c["source"] == "Sanliurfa governor")
        .unwrap();
    assert_eq!(governor["extra"]["via"], "Reuters");
    assert!(governor["detail"].as_str().unwrap().contains("Jarablus"));
}
