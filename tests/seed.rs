//! The seed article's claims import faithfully.

use triangulate::core::analysis::Subtype;
use triangulate::core::import::ImportOptions;
use triangulate::core::view::claim_record::ClaimRecord;

use crate::fixtures::{import_paths, seed_path};

fn claims() -> Vec<serde_json::Value> {
    let imported = import_paths(&[seed_path()], &ImportOptions::default());
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

/// The seed article itself, read in place from the shared folder beside the project.
fn article() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the seed article is kept there)", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("the seed article");
    std::fs::read_to_string(entry).unwrap()
}

#[test]
fn every_figure_and_place_of_the_seed_is_the_articles() {
    let text = article().to_lowercase();
    for c in claims() {
        if let Some(written) = c["quantity_text"].as_str() {
            assert!(text.contains(&written.to_lowercase()), "figure {written:?}");
        }
        let place = c["location"].as_str().unwrap_or("");
        let town = place.rsplit(' ').next().unwrap_or("");
        assert!(
            text.contains(&town.to_lowercase().replace("hasakah", "hasaka")),
            "place {place:?}"
        );
    }
}

#[test]
fn the_seed_coded_with_other_nouns_still_disagrees_about_where_the_attack_came_from() {
    use triangulate::core::analysis::{Settings, analyze};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other-nouns.csv");
    std::fs::write(
        &path,
        "source,claim,detail,stance,location,event_date\n\
         YPG,origin,the car bomb entered from Turkey,asserts,Kobane,2015-06-25\n\
         Sanliurfa governor,origin,the attack came from Jarablus,asserts,Kobane,2015-06-25\n\
         Turkish authorities,origin,the car bomb entered from Turkey,denies,Kobane,2015-06-25\n",
    )
    .unwrap();
    let imported = import_paths(&[path], &ImportOptions::default());
    let a = analyze(&imported.dataset, &Settings::default(), &Default::default());
    let pairs: Vec<([u32; 2], Option<&str>)> = a
        .discrepancies
        .iter()
        .map(|d| (d.claims, d.subtype.map(Subtype::as_str)))
        .collect();
    assert!(pairs.contains(&([0, 1], Some("competing"))), "{pairs:?}");
    assert!(pairs.contains(&([0, 2], Some("denial"))), "{pairs:?}");
}

/// The article's two disagreements, most important first, as a reader of it would tell them:
/// who holds Hasaka (SOHR against SANA), then where the car bomb came from (YPG and Syrian
/// state media against the Turkish authorities and the Sanliurfa governor).
#[test]
fn the_first_findings_are_the_hasaka_control_dispute_then_the_car_bombs_origin() {
    let imported = import_paths(&[seed_path()], &ImportOptions::default());
    let ds = &imported.dataset;
    let analysis =
        triangulate::core::analysis::analyze(ds, &Default::default(), &Default::default());
    let findings = triangulate::core::view::findings::findings(ds, &analysis);
    let titles: Vec<&str> = findings.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Who holds Hasaka", "Where the attack on Kobane came from"]
    );
    let names = |f: usize, side: usize| -> Vec<String> {
        findings[f]
            .witnesses(ds, &analysis, side, None)
            .into_iter()
            .map(|w| w.claimant)
            .collect()
    };
    assert_eq!(
        (names(0, 0), names(0, 1)),
        (vec!["SOHR".to_owned()], vec!["SANA".to_owned()])
    );
    assert_eq!(names(1, 0), ["YPG", "Syrian state media"]);
    assert_eq!(names(1, 1), ["Turkish authorities", "Sanliurfa governor"]);
    assert_eq!(
        findings[1].discrepancies.len(),
        4,
        "one question, four pairs"
    );
    let sana = &findings[0].witnesses(ds, &analysis, 1, None)[0];
    assert_eq!(sana.provenance(), "SANA via VICE News, 25 June 2015");
    assert!(
        sana.quote.contains("denied IS had established a position"),
        "{}",
        sana.quote
    );
    let text = findings[0].to_text(ds, &analysis);
    for part in [
        "Who holds Hasaka",
        "SOHR says IS seized",
        "SANA denies",
        "VICE News",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
}
