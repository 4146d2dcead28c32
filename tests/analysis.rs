//! The analysis rules on the seed article, the synthetic demo and small fixtures.

use triangulate::core::analysis::Subtype;
use triangulate::core::analysis::{Analysis, DiscrepancyKind, Settings, analyze};
use triangulate::core::import::Imported;

use crate::fixtures::{import_text, seed_path};

fn run(imported: &Imported) -> Analysis {
    analyze(&imported.dataset, &Settings::default(), &Default::default())
}

/// `(kind, subtype, first claimant, second claimant)` of every discrepancy.
fn pairs(
    imported: &Imported,
    a: &Analysis,
) -> Vec<(DiscrepancyKind, Option<&'static str>, String, String)> {
    let _ = imported;
    a.discrepancies
        .iter()
        .map(|d| {
            let name = |c: u32| a.facts[c as usize].claimant.to_string();
            let subtype = d.subtype.map(Subtype::as_str);
            (d.kind, subtype, name(d.claims[0]), name(d.claims[1]))
        })
        .collect()
}

fn has_pair(
    list: &[(DiscrepancyKind, Option<&'static str>, String, String)],
    kind: DiscrepancyKind,
    subtype: Option<&str>,
    x: &str,
    y: &str,
) -> bool {
    list.iter().any(|(k, s, a, b)| {
        *k == kind && *s == subtype && ((a == x && b == y) || (a == y && b == x))
    })
}

#[test]
fn seed_article_contradictions_are_found() {
    let imported = crate::fixtures::import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = run(&imported);
    let list = pairs(&imported, &a);
    use DiscrepancyKind::Contradiction;
    assert!(
        has_pair(&list, Contradiction, Some("denial"), "SOHR", "SANA"),
        "{list:?}"
    );
    assert!(has_pair(
        &list,
        Contradiction,
        Some("denial"),
        "YPG",
        "Turkish authorities"
    ));
    assert!(has_pair(
        &list,
        Contradiction,
        Some("denial"),
        "Syrian state media",
        "Turkish authorities"
    ));
    assert!(has_pair(
        &list,
        Contradiction,
        Some("competing"),
        "YPG",
        "Sanliurfa governor"
    ));
    assert!(has_pair(
        &list,
        Contradiction,
        Some("competing"),
        "Syrian state media",
        "Sanliurfa governor"
    ));
    // One side does not contradict itself: the governor and Turkish authorities agree.
    assert!(!has_pair(
        &list,
        Contradiction,
        Some("denial"),
        "Sanliurfa governor",
        "Turkish authorities"
    ));
    // "At least 13 dead" and "at least 15 jihadists killed" are not a numeric discrepancy.
    assert!(
        list.iter().all(|(k, ..)| *k != DiscrepancyKind::Numeric),
        "{list:?}"
    );
    assert!(
        list.iter()
            .all(|(k, ..)| *k != DiscrepancyKind::PartExceedsTotal),
        "{list:?}"
    );
    // The village south of Kobane is in the Kobane event, approximately.
    let ds = &imported.dataset;
    let village = ds
        .claims
        .iter()
        .position(|c| ds.opt_str(c.location) == "a village south of Kobane")
        .unwrap();
    let kobane = ds
        .claims
        .iter()
        .position(|c| ds.opt_str(c.location) == "Kobane")
        .unwrap();
    assert_eq!(a.facts[village].event, a.facts[kobane].event);
    assert!(a.facts[village].approximate_place);
    assert_eq!(
        a.events[a.facts[kobane].event.unwrap() as usize].id,
        "kobane-2015-06-25"
    );
}

#[test]
fn synthetic_patterns_are_recovered() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv");
    let imported = crate::fixtures::import_paths(
        &[path],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = run(&imported);
    let score = |name: &str| {
        a.scorecard
            .iter()
            .find(|s| s.source == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let front = score("Northern Liberation Front");
    assert!(front.bias_log2.unwrap() > 0.0, "{front:?}");
    // The bias chart puts the inflating sources above the consensus, highest first, and
    // names those with nothing to compare instead of drawing them at zero.
    let colors = triangulate::core::charts::source_colors(&a, &Default::default());
    let bias = triangulate::core::charts::bias_chart(&a, &colors, |_| true);
    assert!(bias.bars.windows(2).all(|w| w[0].log2 >= w[1].log2));
    let front_bar = bias.bars.iter().find(|b| b.source == front.source).unwrap();
    assert!(front_bar.log2 > 0.5);
    assert_eq!(front_bar.color, colors[&front.source]);
    let ministry = bias
        .bars
        .iter()
        .find(|b| b.source == "Veldaran Interior Ministry")
        .unwrap();
    assert!(ministry.log2 < 0.0);
    assert!(bias.without.iter().any(|s| s == "Crescent Brigades"));
    let only_front = triangulate::core::charts::bias_chart(&a, &colors, |s| s == front.source);
    assert_eq!(only_front.bars.len(), 1);
    assert!(front.bias_adversary.unwrap() > 0.0);
    assert!(front.grade >= 'D', "{}", front.grade);
    // The honest monitors are corroborated far more often than the combatant and the state
    // media, and graded better.
    for monitor in ["Orvane Casualty Observatory", "Civil Toll Registry"] {
        let m = score(monitor);
        assert!(m.rate.unwrap() >= 0.5, "{monitor}: {:?}", m.rate);
        assert!(
            m.grade < front.grade,
            "{monitor}: {} vs {}",
            m.grade,
            front.grade
        );
        assert!(m.rate.unwrap() > 2.0 * front.rate.unwrap());
    }
    let state = score("Veldaran State News");
    assert!(state.denials > 0);
    let denials = a
        .discrepancies
        .iter()
        .filter(|d| {
            d.subtype == Some(Subtype::Denial)
                && d.claims
                    .iter()
                    .any(|&c| &*a.facts[c as usize].claimant == "Veldaran State News")
        })
        .count();
    assert!(denials > 50, "{denials}");
}

const HEADER: &str = "source,source_type,side,claim,group,count,location,event_date,reported_at,outlet,stance,detail,event_id\n";

fn analyze_rows(rows: &str) -> (Imported, Analysis) {
    let imported = import_text("rules.csv", &format!("{HEADER}{rows}"));
    assert!(
        imported.report.files[0].rejected.is_empty(),
        "{:?}",
        imported.report.files[0].rejected
    );
    let a = run(&imported);
    (imported, a)
}

#[test]
fn a_later_statement_supersedes_and_re_quotes_are_one_claimant() {
    let (_, a) = analyze_rows(
        "SOHR,,,killed,civilians,10,Idlib,2016-01-01,2016-01-01,Reuters,,,\n\
         SOHR,,,killed,civilians,20,Idlib,2016-01-01,2016-01-02,Reuters,,,\n\
         SOHR,,,killed,civilians,10,Idlib,2016-01-01,2016-01-01,AFP,,,\n\
         SNHR,,,killed,civilians,about 20,Idlib,2016-01-01,2016-01-01,AP,,,\n",
    );
    assert!(!a.facts[0].current);
    assert!(a.facts[1].current, "the later statement is current");
    assert!(
        !a.facts[2].current,
        "a later outlet quoting the old figure does not make it newer"
    );
    assert!(
        a.discrepancies.is_empty(),
        "only current figures are compared: {:?}",
        a.discrepancies
    );
    assert_eq!(a.corroborated_by(1), [3]);
    assert_eq!(a.facts[1].credibility, 2);
    assert_eq!(a.facts[0].credibility, 6);
}

#[test]
fn three_claimants_of_one_side_are_one_voice() {
    let (_, a) = analyze_rows(
        "SANA,,,killed,IS fighters,50,Palmyra,2016-03-01,,,,,\n\
         Syrian government,,,killed,IS fighters,50,Palmyra,2016-03-01,,,,,\n\
         Syrian Arab Army,,,killed,IS fighters,about 52,تدمر,2016-03-02,,,,,\n\
         SOHR,,,killed,IS fighters,10,Palmyra,2016-03-01,,,,,\n",
    );
    // SANA is corroborated only by its own side: no other voice.
    assert_eq!(a.corroborated_by(0).len(), 2);
    assert_eq!(
        a.facts[0].credibility,
        5 - 1,
        "contradicted by 1 side (SOHR), corroborated by none"
    );
    // SOHR is contradicted by three claimants but one side.
    assert_eq!(a.contradicted_by(3).len(), 3);
    assert_eq!(a.facts[3].credibility, 4);
    assert!(triangulate::core::analysis::credibility::reason(&a.facts[3]).contains("1 side"));
    // Arabic, Latin and alternative names of one place make one event.
    assert_eq!(a.events.len(), 1);
}

#[test]
fn a_denial_with_a_number_contradicts_what_it_overlaps_and_corroborates_nothing() {
    let (_, a) = analyze_rows(
        "SOHR,,,killed,government troops,30,Hasaka,2015-06-25,,,asserts,,\n\
         SANA,,,killed,government forces,30,Hasaka,2015-06-25,,,denies,,\n\
         Reuters,,,killed,government soldiers,2,Hasaka,2015-06-25,,,asserts,,\n",
    );
    assert_eq!(a.contradicted_by(1), [0]);
    assert!(a.corroborated_by(1).is_empty());
    assert!(
        a.corroborated_by(2).is_empty(),
        "a denial of 30 does not confirm 2"
    );
    let denial = a
        .discrepancies
        .iter()
        .find(|d| d.subtype == Some(Subtype::Denial))
        .unwrap();
    assert_eq!(denial.kind, DiscrepancyKind::Numeric);
}

#[test]
fn parts_above_a_total_are_flagged() {
    let (_, a) = analyze_rows(
        "SOHR,,,killed,civilians,40,Daraa,2015-06-25,,,,,\n\
         SANA,,,killed,all,12,Daraa,2015-06-25,,,,,\n",
    );
    assert!(
        a.discrepancies
            .iter()
            .any(|d| d.kind == DiscrepancyKind::PartExceedsTotal)
    );
}

#[test]
fn windows_are_anchored_and_period_totals_stay_apart() {
    let (_, a) = analyze_rows(
        "SOHR,,,killed,all,5,Idlib,2016-01-01,,,,,\n\
         SOHR,,,killed,all,5,Idlib,2016-01-02,,,,,\n\
         SOHR,,,killed,all,5,Idlib,2016-01-03,,,,,\n\
         SOHR,,,killed,all,5,Idlib,2016-01-04,,,,,\n\
         SNHR,,,killed,all,300,Idlib,2016-01-01/2016-01-31,,,,,\n\
         VDC,,,killed,all,about 310,Idlib,2016-01-05/2016-02-04,,,,,\n",
    );
    let event = |i: usize| a.facts[i].event.unwrap();
    assert_eq!(event(0), event(1));
    assert_eq!(event(0), event(2), "within two days of the anchor");
    assert_ne!(
        event(0),
        event(3),
        "a daily series does not chain into one event"
    );
    assert_eq!(
        event(4),
        event(5),
        "overlapping period totals are compared together"
    );
    assert_ne!(event(4), event(0));
    assert!(a.events[event(4) as usize].period);
    assert_eq!(a.corroborated_by(4), [5]);
}

#[test]
fn origin_claims_agree_when_one_place_contains_the_other() {
    let (_, a) = analyze_rows(
        "YPG,,,origin,,,Kobane,2015-06-25,,,asserts,from Tal Abyad,\n\
         SOHR,,,origin,,,Kobane,2015-06-25,,,asserts,from Raqqa province,\n\
         Reuters,,,origin,,,Kobane,2015-06-25,,,asserts,from Jarablus,\n\
         IS,,,responsibility,,,Kobane,2015-06-25,,,asserts,IS fighters carried it out,\n",
    );
    assert_eq!(a.corroborated_by(0), [1]);
    assert!(a.contradicted_by(2).contains(&0));
    // Who did it is another question than where it came from.
    assert!(a.contradicted_by(3).is_empty());
}

#[test]
fn event_ids_force_claims_together_and_are_deterministic() {
    let rows = "SOHR,,,killed,all,5,Idlib,2016-01-01,,,,,ev-1\n\
                SNHR,,,killed,all,6,Aleppo,2016-01-09,,,,,ev-1\n";
    let (_, a) = analyze_rows(rows);
    let (_, b) = analyze_rows(rows);
    assert_eq!(a.facts[0].event, a.facts[1].event);
    assert_eq!(a.events[0].id, "id:ev-1");
    assert_eq!(a.events[0].id, b.events[0].id);
}

#[test]
fn interested_parties_are_flagged() {
    let (_, a) = analyze_rows(
        "YPG,,,killed,YPG fighters,2,Kobane,2015-06-25,,,,,\n\
         YPG,,,killed,IS fighters,15,Kobane,2015-06-25,,,,,\n\
         SOHR,,,killed,IS fighters,15,Kobane,2015-06-25,,,,,\n",
    );
    assert_eq!(
        a.facts[0].interested.map(|i| i.as_str()),
        Some("own losses")
    );
    assert_eq!(
        a.facts[1].interested.map(|i| i.as_str()),
        Some("adversary's losses")
    );
    assert_eq!(a.facts[2].interested, None);
}

#[test]
fn settings_are_options() {
    let imported = import_text(
        "t.csv",
        &format!(
            "{HEADER}SOHR,,,killed,all,nearly 40,Idlib,2016-01-01,,,,,\nSNHR,,,killed,all,46,Idlib,2016-01-01,,,,,\n"
        ),
    );
    let strict = analyze(&imported.dataset, &Settings::default(), &Default::default());
    assert_eq!(strict.discrepancies.len(), 1);
    let loose = Settings {
        tolerance_ratio: 0.2,
        ..Settings::default()
    };
    assert!(
        analyze(&imported.dataset, &loose, &Default::default())
            .discrepancies
            .is_empty()
    );
}

#[test]
fn the_timeline_follows_the_filter() {
    use triangulate::core::charts::{source_colors, timeline};
    use triangulate::core::model::SourceType;
    use triangulate::core::view::filter::Filter;
    use triangulate::core::view::selection::Selection;
    let imported = crate::fixtures::import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = run(&imported);
    let colors = source_colors(&a, &Default::default());
    let ds = &imported.dataset;
    let sources = |f: &Filter| -> Vec<String> {
        let selection = Selection::new(ds, Some(&a), f);
        timeline(ds, &a, &colors, &Default::default(), &selection)
            .series
            .iter()
            .map(|s| s.source.clone())
            .collect()
    };
    let all = Filter::default();
    assert_eq!(sources(&all), vec!["SOHR".to_owned(), "YPG".to_owned()]);
    let mut no_monitors = Filter::default();
    no_monitors.hidden_types.insert(SourceType::Monitor);
    assert_eq!(sources(&no_monitors), vec!["YPG".to_owned()]);
    let later = Filter {
        from: chrono::NaiveDate::from_ymd_opt(2015, 6, 26),
        ..Default::default()
    };
    assert!(sources(&later).is_empty());
    let earlier = Filter {
        to: chrono::NaiveDate::from_ymd_opt(2015, 6, 25),
        ..Default::default()
    };
    assert_eq!(sources(&earlier).len(), 2);
    // Groups are filtered as the analysis normalised them: "jihadists" and "IS members" are IS.
    let is = Filter {
        groups: ["IS".to_owned()].into(),
        ..Default::default()
    };
    assert_eq!(sources(&is), vec!["SOHR".to_owned(), "YPG".to_owned()]);
    let civilians = Filter {
        groups: ["civilians".to_owned()].into(),
        ..Default::default()
    };
    assert_eq!(sources(&civilians), vec!["SOHR".to_owned()]);
    let kobane = Filter {
        places: ["Kobane".to_owned()].into(),
        ..Default::default()
    };
    assert_eq!(sources(&kobane).len(), 2);
    let hasaka = Filter {
        places: ["Hasaka".to_owned()].into(),
        ..Default::default()
    };
    assert_eq!(
        sources(&hasaka),
        vec!["SOHR".to_owned()],
        "only SOHR counts Hasaka's dead"
    );
    let quoted = Filter {
        search: "OBSERVATORY".to_owned(),
        ..Default::default()
    };
    assert_eq!(sources(&quoted), vec!["SOHR".to_owned()]);
}

#[test]
fn the_selection_counts_kept_claims_and_lists_places_with_counts() {
    use triangulate::core::view::filter::Filter;
    use triangulate::core::view::selection::{Facets, Selection};
    let imported = crate::fixtures::import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = run(&imported);
    let ds = &imported.dataset;
    let everything = Selection::new(ds, Some(&a), &Filter::default());
    assert_eq!(everything.count(), ds.claims.len());
    let facets = Facets::new(ds, &a);
    let total: usize = facets.places.iter().map(|(_, n)| n).sum();
    assert!(total <= ds.claims.len());
    let (top, count) = &facets.places[0];
    let only_top = Filter {
        places: [top.clone()].into(),
        ..Default::default()
    };
    assert_eq!(Selection::new(ds, Some(&a), &only_top).count(), *count);
    let before_analysis = Selection::new(
        ds,
        None,
        &Filter {
            search: "jarablus".to_owned(),
            ..Default::default()
        },
    );
    assert_eq!(before_analysis.count(), 1);
}

#[test]
fn corrected_types_and_sides_change_the_analysis() {
    use triangulate::core::analysis::Aliases;
    use triangulate::core::model::SourceType;
    let imported = crate::fixtures::import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let mut aliases = Aliases::default();
    aliases
        .source_types
        .insert("YPG".to_owned(), SourceType::Monitor);
    aliases.source_sides.insert("YPG".to_owned(), None);
    let a = analyze(&imported.dataset, &Settings::default(), &aliases);
    let ypg = a.scorecard.iter().find(|s| s.source == "YPG").unwrap();
    assert_eq!(ypg.source_type, SourceType::Monitor);
    assert_eq!(ypg.side, None);
    let ds = &imported.dataset;
    let killed = ds
        .claims
        .iter()
        .position(|c| ds.str(c.source) == "YPG" && ds.str(c.group) == "jihadists")
        .unwrap();
    assert_eq!(
        a.facts[killed].interested, None,
        "a monitor with no side is not an interested party"
    );
}

#[test]
fn places_are_matched_by_the_names_in_them_and_never_guessed() {
    use triangulate::core::analysis::places::{Gazetteer, PlaceKey};
    let g = Gazetteer::builtin();
    let none = std::collections::HashMap::new();
    let dara = g.resolve("Dara district, Panjshir province", &none);
    assert!(
        matches!(dara.key, PlaceKey::Unknown(_)),
        "a place the gazetteer does not know is not Daraa: {dara:?}"
    );
    assert!(matches!(
        g.resolve("a village south of Kobane", &none).key,
        PlaceKey::Known(_)
    ));
    let (_, a) = analyze_rows(
        "Monitor A,,,killed,civilians,57,a temporary shelter in El Fasher,2025-10-11,,,,,\n\
         Army B,,,killed,civilians,,a displacement shelter in El Fasher,2025-10-11,,,denies,,\n\
         Agency C,,,killed,all,5,Mustafa Hafiz school in Gaza City,2024-08-20,,,,,\n\
         Agency D,,,killed,all,12,Al-Tabieen school in Gaza City,2024-08-20,,,,,\n\
         Agency E,,,killed,all,30,Gaza City,2024-08-20,,,,,\n\
         Agency F,,,killed,all,40,Musa Qala district in Helmand province,2019-09-22,,,,,\n\
         Agency G,,,killed,all,2,Helmand,2019-09-22,,,,,\n",
    );
    let event = |i: usize| a.facts[i].event.unwrap();
    assert_eq!(event(0), event(1), "the same names are the same place");
    assert_ne!(event(2), event(3), "two schools in one city are two places");
    assert_ne!(event(2), event(4), "nor do they join the city through it");
    assert_eq!(
        event(5),
        event(6),
        "the one description inside Helmand joins it"
    );
}

#[test]
fn the_same_dead_as_civilians_and_as_fighters_is_a_status_dispute() {
    let (ds, a) = analyze_rows(
        "Army,combatant,Government,killed,terrorists,20,Tal Zaytun,2024-03-02,,,,,\n\
         Monitor,monitor,,killed,civilians,20,Tal Zaytun,2024-03-02,,,,,\n\
         Wire,independent_media,,killed,civilians,7,Wadi Sahra,2024-03-02,,,,,\n\
         Army,combatant,Government,killed,militants,30,Wadi Sahra,2024-03-02,,,,,\n",
    );
    let status: Vec<[u32; 2]> = a
        .discrepancies
        .iter()
        .filter(|d| d.kind == DiscrepancyKind::Status)
        .map(|d| d.claims)
        .collect();
    assert_eq!(
        status,
        vec![[1, 0]],
        "20 civilians against 20 terrorists, not 7 against 30"
    );
    let d = a
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Status)
        .unwrap();
    assert_eq!(d.severity, triangulate::core::analysis::Severity::Medium);
    let explanation = a.explanation(&ds.dataset, d);
    assert!(
        explanation.contains("as civilians and as fighters"),
        "{explanation}"
    );
}

#[test]
fn the_event_chart_puts_wholes_before_their_parts_and_figure_less_claims_as_statements() {
    let (imported, a) = analyze_rows(
        "Monitor,monitor,,killed,children,12,Tal Zaytun,2024-03-02,,,,,\n\
         Office,government,Side A,killed,civilians,at least 40,Tal Zaytun,2024-03-02,,,,,\n\
         Army,combatant,Side B,killed,all,15,Tal Zaytun,2024-03-02,,,,,\n\
         Ministry,government,Side B,killed,civilians,,Tal Zaytun,2024-03-02,,,denies,,\n",
    );
    let chart = triangulate::core::charts::event_chart(&imported.dataset, &a, 0, &|_| true);
    let titles: Vec<&str> = chart.blocks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "killed · all",
            "killed · civilians",
            "killed · children (part of civilians)"
        ]
    );
    let statement = &chart.propositions[0];
    assert_eq!(statement.detail, "civilians, no figure");
    assert_eq!(statement.stance, triangulate::core::model::Stance::Denies);
}

#[test]
fn denials_neither_confirm_nor_contradict_each_other_and_a_figure_less_statement_supersedes_no_figure()
 {
    let (_, a) = analyze_rows(
        "Ministry,government,Side A,killed,all,40,Tal Zaytun,2024-03-02,2024-03-02,,denies,,\n\
         Coalition,combatant,Side B,killed,all,5,Tal Zaytun,2024-03-02,2024-03-02,,denies,,\n\
         Office,government,Side A,killed,civilians,40,Wadi Sahra,2024-03-02,2024-03-02,,,,\n\
         Office,government,Side A,killed,civilians,,Wadi Sahra,2024-03-02,2024-03-03,,,,\n",
    );
    assert!(a.contradicted_by(0).is_empty() && a.corroborated_by(0).is_empty());
    assert!(
        a.facts[2].current,
        "a later statement with no figure leaves the 40 current"
    );
    assert!(a.facts[3].current);
}

#[test]
fn rows_placed_only_by_coordinates_join_the_town_within_ten_kilometres() {
    let text = "source,claim,group,count,location,event_date,latitude,longitude\n\
                SOHR,killed,civilians,3,Mosul,2017-03-17,,\n\
                Airwars,killed,civilians,30,,2017-03-17,36.36,43.15\n\
                Airwars,killed,civilians,9,,2017-03-17,35.10,42.10\n\
                Airwars,killed,civilians,8,,2017-03-17,35.104,42.098\n";
    let imported = import_text("points.csv", text);
    let a = run(&imported);
    // Near Mosul: Mosul's event, marked approximate; far from any town: a point of its own.
    assert_eq!(a.facts[0].event, a.facts[1].event);
    assert!(a.facts[1].approximate_place);
    assert_ne!(a.facts[2].event, a.facts[0].event);
    assert_eq!(
        a.facts[2].event, a.facts[3].event,
        "the same point to 0.01°"
    );
    assert_eq!(
        a.discrepancies
            .iter()
            .filter(|d| d.kind == DiscrepancyKind::Numeric)
            .count(),
        2
    );
}

#[test]
fn the_analyst_splits_and_merges_events() {
    let rows = "SOHR,,,killed,civilians,10,Homs,2016-01-01,,,,,\n\
                SNHR,,,killed,civilians,40,Homs,2016-01-02,,,,,\n\
                SANA,,,killed,civilians,12,Homs,2016-01-02,,,,,\n\
                SOHR,,,killed,civilians,5,Hama,2016-01-01,,,,,\n";
    let imported = import_text("rules.csv", &format!("{HEADER}{rows}"));
    let plain = run(&imported);
    assert_eq!(plain.events.len(), 2);
    let mut aliases = triangulate::core::analysis::Aliases::default();
    // SNHR's 40 was another incident: split it off; the Hama claim is the same strike.
    aliases
        .events
        .splits
        .insert("rules.csv:3".to_owned(), "homs-other".to_owned());
    let homs = plain
        .events
        .iter()
        .find(|e| e.location == "Homs")
        .unwrap()
        .id
        .clone();
    let hama = plain
        .events
        .iter()
        .find(|e| e.location == "Hama")
        .unwrap()
        .id
        .clone();
    aliases.events.merges.push((hama, homs.clone()));
    let a = analyze(&imported.dataset, &Settings::default(), &aliases);
    assert_eq!(
        a.events.len(),
        2,
        "{:?}",
        a.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    let other = a.events.iter().find(|e| e.id == "homs-other").unwrap();
    assert_eq!(other.claims, vec![1]);
    let merged = a.events.iter().find(|e| e.id == homs).unwrap();
    assert_eq!(merged.claims, vec![0, 2, 3]);
    // SNHR's 40 now disputes nothing; the rest are compared in the merged event.
    assert!(a.discrepancies.iter().all(|d| !d.claims.contains(&1)));
    assert!(plain.discrepancies.iter().any(|d| d.claims.contains(&1)));
}

#[test]
fn a_compilers_incident_gathers_other_files_and_its_own_figure_is_no_voice() {
    let compiled = "source,claim,group,count,location,event_date,event_id,compiled_by\n\
                    UCDP,killed,civilians,12,Homs,2016-01-01,101,UCDP\n\
                    SOHR,killed,civilians,12,Homs,2016-01-01,101,UCDP\n\
                    UCDP,killed,civilians,3,Homs,2016-01-01,102,UCDP\n\
                    ACLED,killed,civilians,40,Homs,2016-01-01,101,ACLED\n";
    let news = "source,claim,group,count,location,event_date\n\
                SANA,killed,civilians,2,Homs,2016-01-02\n\
                SANA,killed,civilians,2,Hama,2016-01-02\n";
    let a = run(&compiled_and_news(compiled, news));
    let event = |c: usize| a.facts[c].event.map(|e| a.events[e as usize].id.clone());
    // UCDP's incident 101 and ACLED's 101 are different incidents; UCDP's 102 too.
    assert_ne!(event(0), event(3));
    assert_ne!(event(0), event(2));
    assert_eq!(event(0), event(1));
    // Two UCDP incidents fit the news claim in Homs: it stays apart; Hama has none.
    assert_ne!(event(4), event(0));
    // A compiler's own figure is never set against anyone.
    assert!(
        a.discrepancies
            .iter()
            .all(|d| !d.claims.contains(&0) && !d.claims.contains(&2)),
        "{:?}",
        a.discrepancies
    );
}

#[test]
fn claims_of_other_files_join_the_one_compiled_incident_that_fits() {
    let compiled = "source,claim,group,count,location,event_date,event_id,compiled_by\n\
                    SOHR,killed,civilians,12,Homs,2016-01-01,101,UCDP\n";
    let news = "source,claim,group,count,location,event_date\n\
                SANA,killed,civilians,2,Homs,2016-01-02\n";
    let a = run(&compiled_and_news(compiled, news));
    assert_eq!(a.events.len(), 1);
    assert!(a.events[0].id.starts_with("id:UCDP:"));
    assert!(
        a.discrepancies
            .iter()
            .any(|d| d.claims == [0, 1] || d.claims == [1, 0])
    );
}

/// A compiler's file and a news file, imported together.
fn compiled_and_news(compiled: &str, news: &str) -> Imported {
    let dir = tempfile::tempdir().unwrap();
    let (a_path, b_path) = (dir.path().join("ucdp.csv"), dir.path().join("news.csv"));
    std::fs::write(&a_path, compiled).unwrap();
    std::fs::write(&b_path, news).unwrap();
    crate::fixtures::import_paths(
        &[a_path, b_path],
        &triangulate::core::import::ImportOptions::default(),
    )
}

#[test]
fn the_analysis_reports_progress_and_stops_when_cancelled() {
    use triangulate::core::analysis::analyze_with;
    use triangulate::core::progress::{Cancelled, Progress};
    let imported =
        crate::fixtures::import_paths(&[crate::fixtures::seed_path()], &Default::default());
    let ds = &imported.dataset;
    let progress = Progress::default();
    let done = analyze_with(ds, &Default::default(), &Default::default(), &progress);
    assert!(done.is_ok());
    assert!(progress.fraction() > 0.9, "{}", progress.fraction());
    let cancelled = Progress::default();
    cancelled.cancel();
    let stopped = analyze_with(ds, &Default::default(), &Default::default(), &cancelled);
    assert_eq!(stopped.err(), Some(Cancelled));
}
