//! The window, driven headless with egui_kittest.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use triangulate::core::analysis::AliasKind;
use triangulate::core::model::judgement::{Mark, Verdict};
use triangulate::core::view::discrepancies::{DiscrepancyFilter, Party};
use triangulate::ui::{
    AnalysisCommand, CorrectionCommand, ExportCommand, FileCommand, FilterCommand, FindingsCommand,
    JudgementCommand, NavCommand,
};
use triangulate::ui::{Command, Startup, Tab, TriangulateApp};

use crate::fixtures::seed_path;

fn harness_with(startup: Startup) -> Harness<'static, TriangulateApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| TriangulateApp::new(cc, startup));
    wait_until_idle(&mut harness);
    assert!(!harness.state().is_busy(), "the import finished");
    harness
}

/// Steps the app until its import and analysis jobs are done (they run on threads), for up to
/// a minute on a slow machine; how fast they are is measured by the benchmarks, not here.
fn wait_until_idle(harness: &mut Harness<'static, TriangulateApp>) {
    harness.step();
    for _ in 0..6000 {
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(3);
}

/// Clicks a tab: the first button with this label (the tabs come before any other button
/// that shares a name, such as the timeline's "Claims" mode).
fn click_tab(harness: &mut Harness<'static, TriangulateApp>, title: &str) {
    harness
        .query_all_by_role_and_label(egui::accesskit::Role::Button, title)
        .next()
        .unwrap_or_else(|| panic!("no {title} tab"))
        .click();
    harness.run_steps(2);
}

#[test]
fn opens_a_file_and_shows_the_claims_table() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    assert_eq!(harness.state().dataset().map(|d| d.claims.len()), Some(27));
    click_tab(&mut harness, "Claims");
    assert_eq!(harness.state().tab(), Tab::Claims);
    // Column headers and a known source are on screen.
    assert!(harness.query_all_by_label("Source").count() > 0);
    assert!(harness.query_all_by_label("Quote").count() > 0);
    assert!(harness.query_all_by_label("SOHR").count() > 0);
    assert!(harness.query_all_by_label("Kurdish-led forces").count() > 0);
    click_tab(&mut harness, "Import report");
    assert_eq!(harness.state().tab(), Tab::ImportReport);
    harness.get_by_label_contains("Columns read:");
}

#[test]
fn sorting_by_source_reorders_rows() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Claims");
    let before = harness.state().visible_rows().to_vec();
    harness.get_by_label("Source").click();
    harness.run_steps(3);
    let after = harness.state().visible_rows().to_vec();
    assert_eq!(after.len(), before.len());
    assert_ne!(before, after);
    let ds = harness.state().dataset().unwrap();
    let names: Vec<String> = after
        .iter()
        .map(|&i| ds.str(ds.claims[i as usize].source).to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
}

#[test]
fn typing_in_the_search_box_filters_the_table() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Claims");
    // The search box is the first text field of the filter panel.
    let search = |h: &Harness<'static, TriangulateApp>| {
        h.query_all_by_role(egui::accesskit::Role::TextInput)
            .next()
            .expect("the search box")
            .click();
    };
    search(&harness);
    harness.run_steps(1);
    harness
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the search box")
        .type_text("Jarablus");
    harness.run_steps(3);
    let rows = harness.state().visible_rows();
    assert_eq!(rows.len(), 1);
    let ds = harness.state().dataset().unwrap();
    assert_eq!(
        ds.str(ds.claims[rows[0] as usize].source),
        "Sanliurfa governor"
    );
}

#[test]
fn the_demo_data_opens_when_no_file_is_given() {
    let harness = harness_with(Startup::sample(
        triangulate::core::import::samples::Sample::SyntheticDemo,
    ));
    let ds = harness.state().dataset().unwrap();
    assert!(ds.claims.len() >= 3000);
    assert!(
        harness
            .query_all_by_label_contains("synthetic demo data")
            .count()
            > 0
    );
}

#[test]
fn a_discrepancy_opens_its_event_with_both_sides() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Discrepancies");
    assert_eq!(harness.state().tab(), Tab::Discrepancies);
    harness.get_by_label("SOHR vs SANA").click();
    harness.run_steps(3);
    assert_eq!(harness.state().tab(), Tab::Events);
    let app = harness.state();
    let event = app.selected_event().expect("an event is selected");
    assert_eq!(app.analysis().unwrap().events[event].location, "Hasaka");
    assert!(harness.query_all_by_label("SOHR").count() > 0);
    assert!(harness.query_all_by_label("SANA").count() > 0);
    assert!(harness.query_all_by_label("denies").count() > 0);
}

#[test]
fn the_scorecard_is_shown() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Sources");
    assert_eq!(harness.state().tab(), Tab::Sources);
    assert!(harness.query_all_by_label("Grade").count() > 0);
    assert!(harness.query_all_by_label("Turkish authorities").count() > 0);
}

#[test]
fn unticking_a_source_removes_its_series_from_the_timeline() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Timeline");
    assert_eq!(harness.state().tab(), Tab::Timeline);
    let has = |h: &Harness<'_, TriangulateApp>, name: &str| {
        h.state()
            .timeline()
            .unwrap()
            .series
            .iter()
            .any(|s| s.source == name)
    };
    assert!(has(&harness, "SOHR"));
    harness.get_by_label("SOHR (8)").click();
    harness.run_steps(3);
    assert!(!has(&harness, "SOHR"), "SOHR's series is gone");
    assert!(has(&harness, "YPG"));
    harness.get_by_label("All").click();
    harness.run_steps(3);
    assert!(has(&harness, "SOHR"));
}

#[test]
fn changing_a_source_type_reruns_the_scorecard() {
    use triangulate::core::model::SourceType;
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Sources");
    let ypg_type = |h: &Harness<'_, TriangulateApp>| {
        h.state()
            .analysis()
            .unwrap()
            .scorecard
            .iter()
            .find(|s| s.source == "YPG")
            .map(|s| s.source_type)
    };
    assert_eq!(ypg_type(&harness), Some(SourceType::Combatant));
    // The type boxes are in scorecard order; YPG's shows "combatant".
    let order: Vec<String> = harness
        .state()
        .analysis()
        .unwrap()
        .scorecard
        .iter()
        .map(|s| s.source.clone())
        .collect();
    let row = order.iter().position(|s| s == "YPG").unwrap();
    harness
        .query_all_by_role(egui::accesskit::Role::ComboBox)
        // After the filter panel's claim-kind box and the two merge boxes; each row has a
        // type and a side box.
        .nth(3 + 2 * row)
        .expect("YPG's type box")
        .click();
    harness.run_steps(2);
    // The choice in the open box (the filter panel has a "monitor" tick box too).
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "monitor")
        .click();
    wait_until_idle(&mut harness);
    assert_eq!(ypg_type(&harness), Some(SourceType::Monitor));
}

#[test]
fn a_saved_workspace_reopens_files_and_filters() {
    use triangulate::core::workspace::{ViewSettings, Workspace};
    let dir = tempfile::tempdir().unwrap();
    let mut filter = ViewSettings::default();
    filter.filter.hidden_sources.insert("SOHR".to_owned());
    let file = dir.path().join("view.triangulate.json");
    Workspace::new(&[seed_path()], filter, Default::default())
        .unwrap()
        .save(&file)
        .unwrap();
    let mut harness = harness_with(Startup::sample(
        triangulate::core::import::samples::Sample::SyntheticDemo,
    ));
    harness.state_mut().open_workspace(&file);
    wait_until_idle(&mut harness);
    assert_eq!(harness.state().dataset().unwrap().claims.len(), 27);
    let timeline = harness.state().timeline().unwrap();
    assert!(timeline.series.iter().all(|s| s.source != "SOHR"));
    assert!(timeline.series.iter().any(|s| s.source == "YPG"));
}

#[test]
fn the_discrepancy_list_filters_by_severity() {
    use triangulate::core::analysis::Severity;
    let mut harness = harness_with(Startup::sample(
        triangulate::core::import::samples::Sample::SyntheticDemo,
    ));
    click_tab(&mut harness, "Discrepancies");
    let severities = |h: &Harness<'_, TriangulateApp>| -> Vec<Severity> {
        let a = h.state().analysis().unwrap();
        h.state()
            .discrepancy_rows()
            .iter()
            .map(|&i| a.discrepancies[i].severity)
            .collect()
    };
    let all = severities(&harness);
    assert!(all.contains(&Severity::Medium) && all.contains(&Severity::High));
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Severity")
        .click();
    harness.run_steps(2);
    harness.get_by_label("high or worse").click();
    harness.run_steps(3);
    let high = severities(&harness);
    assert!(!high.is_empty() && high.len() < all.len());
    assert!(
        high.iter().all(|&s| s == Severity::High),
        "medium is hidden"
    );
}

/// The analyst says the seed's "Syrian state media" is SANA.
fn merge_state_media_into_sana(harness: &mut Harness<'_, TriangulateApp>) {
    harness
        .state_mut()
        .send(Command::Correction(CorrectionCommand::Merge(
            AliasKind::Source,
            "Syrian state media".to_owned(),
            "SANA".to_owned(),
        )));
}

#[test]
fn merging_two_sources_reruns_the_scorecard() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Sources");
    let score = |h: &Harness<'_, TriangulateApp>, name: &str| {
        h.state()
            .analysis()
            .unwrap()
            .scorecard
            .iter()
            .find(|s| s.source == name)
            .map(|s| s.claims)
    };
    assert_eq!(score(&harness, "SANA"), Some(1));
    merge_state_media_into_sana(&mut harness);
    wait_until_idle(&mut harness);
    assert_eq!(score(&harness, "SANA"), Some(2));
    assert_eq!(score(&harness, "Syrian state media"), None);
}

#[test]
fn the_discrepancy_list_sorts_by_place() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Discrepancies");
    let places = |h: &Harness<'_, TriangulateApp>| -> Vec<String> {
        let a = h.state().analysis().unwrap();
        h.state()
            .discrepancy_rows()
            .iter()
            .map(|&i| a.events[a.discrepancies[i].event].location.clone())
            .collect()
    };
    assert_eq!(places(&harness)[0], "Kobane", "most severe first");
    harness.get_by_label("Place").click();
    harness.run_steps(3);
    assert_eq!(places(&harness)[0], "Hasaka");
    harness.get_by_label("Place (a–z)").click();
    harness.run_steps(3);
    assert_eq!(places(&harness).last().map(String::as_str), Some("Hasaka"));
}

#[test]
fn selecting_a_source_shows_the_evidence_behind_its_grade() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Sources");
    harness
        .query_all_by_label("YPG")
        .next()
        .expect("YPG's row")
        .click();
    harness.run_steps(3);
    assert!(harness.query_all_by_label_contains("YPG: grade F").count() > 0);
    assert!(
        harness
            .query_all_by_label_contains("contradicts Turkish authorities in Kobane, 25 Jun 2015: it says the vehicle crossed from Turkey into Kobane; Turkish authorities deny")
            .count()
            > 0
    );
    // A line of evidence opens the other source's claim and its event.
    assert_eq!(harness.state().selected_claim(), None);
    let pair = harness
        .state()
        .analysis()
        .unwrap()
        .scorecard
        .iter()
        .find(|s| s.source == "YPG")
        .and_then(|s| s.evidence(harness.state().analysis().unwrap()).next())
        .expect("YPG has evidence");
    let line = triangulate::core::analysis::score::evidence_line(
        harness.state().dataset().unwrap(),
        harness.state().analysis().unwrap(),
        pair,
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, &line)
        .click();
    harness.run_steps(3);
    assert!(harness.state().selected_claim().is_some());
    assert!(harness.state().selected_event().is_some());
}

#[test]
fn choosing_a_place_narrows_every_tab() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let hasaka = harness.state().analysis().unwrap().facts.len();
    assert!(hasaka > 0);
    // The place list shows each place with its number of claims; tick Hasaka.
    harness
        .query_all_by_label_contains("Hasaka (")
        .next()
        .expect("Hasaka in the place list")
        .click();
    harness.run_steps(3);
    let app = harness.state();
    let a = app.analysis().unwrap();
    assert!(app.view().filter.places.contains("Hasaka"));
    let events: Vec<&str> = app
        .visible_events()
        .iter()
        .map(|&e| a.events[e].location.as_str())
        .collect();
    assert_eq!(events, ["Hasaka"]);
    assert!(!app.discrepancy_rows().is_empty());
    for &d in app.discrepancy_rows() {
        assert_eq!(a.events[a.discrepancies[d].event].location, "Hasaka");
    }
    let ds = app.dataset().unwrap();
    assert!(!app.visible_rows().is_empty());
    for &c in app.visible_rows() {
        assert_eq!(
            a.events[a.facts[c as usize].event.unwrap() as usize].location,
            "Hasaka"
        );
    }
    assert!(app.visible_rows().len() < ds.claims.len());
    let sources: Vec<&str> = app
        .visible_sources()
        .iter()
        .map(|&i| a.scorecard[i].source.as_str())
        .collect();
    assert!(
        sources.contains(&"SANA") && !sources.contains(&"Turkish authorities"),
        "{sources:?}"
    );
    // The chip in the status bar clears it in one click.
    harness.get_by_label_contains("place: Hasaka").click();
    harness.run_steps(3);
    assert!(harness.state().view().filter.places.is_empty());
    assert_eq!(
        harness.state().visible_rows().len(),
        harness.state().dataset().unwrap().claims.len()
    );
}

#[test]
fn the_search_applies_to_every_tab() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::SetSearch(
            "Hasaka".to_owned(),
        )));
    harness.run_steps(3);
    let app = harness.state();
    let a = app.analysis().unwrap();
    let events: Vec<&str> = app
        .visible_events()
        .iter()
        .map(|&e| a.events[e].location.as_str())
        .collect();
    assert!(events.contains(&"Hasaka"), "{events:?}");
    assert!(!events.contains(&"Jarablus"), "{events:?}");
    assert!(events.len() < a.events.len());
    let timeline: Vec<&str> = app
        .timeline()
        .unwrap()
        .series
        .iter()
        .map(|s| s.source.as_str())
        .collect();
    assert_eq!(
        timeline,
        ["SOHR"],
        "only SOHR gives a death toll for Hasaka"
    );
}

#[test]
fn renaming_a_place_merges_its_claims_and_is_kept_in_the_corrections() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let places = |h: &Harness<'_, TriangulateApp>| -> Vec<String> {
        let a = h.state().analysis().unwrap();
        a.events.iter().map(|e| e.location.clone()).collect()
    };
    assert!(places(&harness).iter().any(|p| p == "Hasaka"));
    harness
        .state_mut()
        .send(Command::Correction(CorrectionCommand::Merge(
            AliasKind::Place,
            "Hasaka".to_owned(),
            "Kobane".to_owned(),
        )));
    wait_until_idle(&mut harness);
    assert!(
        !places(&harness).iter().any(|p| p == "Hasaka"),
        "{:?}",
        places(&harness)
    );
    assert_eq!(
        harness
            .state()
            .corrections()
            .place_merges
            .get("Hasaka")
            .map(String::as_str),
        Some("Kobane")
    );
    assert!(
        harness
            .state()
            .corrections()
            .alias_csv()
            .contains("place,Hasaka,Kobane")
    );
}

#[test]
fn clicking_a_timeline_point_opens_its_event() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Timeline");
    harness.run_steps(2);
    let app = harness.state();
    let series = &app.timeline().unwrap().series;
    let sohr = series
        .iter()
        .find(|s| s.source == "SOHR")
        .expect("SOHR's series");
    let claim = sohr.claims[0];
    let pos = app.timeline_position(claim).expect("the point was drawn");
    click_at(&mut harness, pos);
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Events);
    assert_eq!(app.selected_claim(), Some(claim));
    let a = app.analysis().unwrap();
    let event = app.selected_event().unwrap();
    assert_eq!(a.facts[claim as usize].event, u32::try_from(event).ok());
}

#[test]
fn discrepancies_filter_by_source_type_pair() {
    use triangulate::core::model::SourceType;
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let all = harness.state().discrepancy_rows().len();
    assert!(all >= 3);
    let filter = triangulate::ui::DiscrepancyFilter {
        types: Some((SourceType::Monitor, SourceType::StateMedia)),
        ..Default::default()
    };
    harness
        .state_mut()
        .send(Command::Findings(FindingsCommand::SetFilter(filter)));
    harness.run_steps(2);
    let app = harness.state();
    let a = app.analysis().unwrap();
    let rows = app.discrepancy_rows();
    assert_eq!(rows.len(), 1, "only SOHR (monitor) vs SANA (state media)");
    let d = &a.discrepancies[rows[0]];
    assert_eq!(a.events[d.event].location, "Hasaka");
}

fn export_request(
    target: triangulate::core::export::ExportTarget,
    path: std::path::PathBuf,
) -> triangulate::core::export::ExportRequest {
    triangulate::core::export::ExportRequest {
        target,
        path,
        style: Default::default(),
        event: None,
        grow: false,
        bom: false,
        overwrite: triangulate::core::files::Overwrite::No,
    }
}

#[test]
fn the_window_exports_the_chart_it_shows() {
    use triangulate::core::export::{ChartKind, ExportTarget};
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    // Hide SOHR: the exported timeline follows the window's filters.
    harness.get_by_label("SOHR (8)").click();
    harness.run_steps(2);
    let svg = dir.path().join("timeline.svg");
    harness
        .state_mut()
        .send(Command::Export(ExportCommand::Write(export_request(
            ExportTarget::Chart(ChartKind::Timeline),
            svg.clone(),
        ))));
    wait_until_idle(&mut harness);
    let text = std::fs::read_to_string(&svg).expect("the chart was written");
    assert!(text.contains("data-series=\"YPG\""));
    assert!(!text.contains("data-series=\"SOHR\""));
    assert!(harness.state().message().unwrap().contains("Saved"));
    // The event shown in the Events tab is the one exported, as PNG.
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::ShowAllSources));
    click_tab(&mut harness, "Discrepancies");
    harness.get_by_label("SOHR vs SANA").click();
    harness.run_steps(3);
    let png = dir.path().join("event.png");
    harness
        .state_mut()
        .send(Command::Export(ExportCommand::Write(export_request(
            ExportTarget::Chart(ChartKind::Event),
            png.clone(),
        ))));
    wait_until_idle(&mut harness);
    let bytes = std::fs::read(&png).expect("the event chart was written");
    assert_eq!(&bytes[1..4], b"PNG");
    // An existing file is kept, and the app says why.
    harness
        .state_mut()
        .send(Command::Export(ExportCommand::Write(export_request(
            ExportTarget::Chart(ChartKind::Timeline),
            svg.clone(),
        ))));
    wait_until_idle(&mut harness);
    let message = harness.state().message().unwrap().to_owned();
    assert!(message.contains("already exists"), "{message}");
    // An unwritable path is an error message, not a crash.
    harness
        .state_mut()
        .send(Command::Export(ExportCommand::Write(export_request(
            ExportTarget::Table(triangulate::core::export::tables::TableKind::Claims),
            dir.path().join("missing/dir/claims.csv"),
        ))));
    wait_until_idle(&mut harness);
    assert!(
        harness
            .state()
            .message()
            .unwrap()
            .contains("Could not export")
    );
    // Ctrl+E opens the export dialog.
    assert!(!harness.state().export_dialog_open());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    assert!(harness.state().export_dialog_open());
    assert!(harness.query_all_by_label("Export").count() > 0);
}

fn arabic_fixtures() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    vec![
        dir.join("seed_in_arabic_script.csv"),
        dir.join("synthetic_arabic_script.csv"),
    ]
}

#[test]
fn typing_arabic_in_the_search_box_finds_the_kobane_row() {
    let mut harness = harness_with(Startup::files(arabic_fixtures()));
    click_tab(&mut harness, "Claims");
    harness
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the search box")
        .click();
    harness.run_steps(1);
    harness
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the search box")
        .type_text("عين");
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.view().filter.search,
        "عين",
        "the search keeps the text as typed"
    );
    let rows = app.visible_rows();
    assert_eq!(rows.len(), 1);
    let ds = app.dataset().unwrap();
    let claim = &ds.claims[rows[0] as usize];
    // The model keeps the logical text; only the drawing is shaped.
    assert_eq!(ds.opt_str(claim.location), "عين العرب");
    assert_eq!(ds.str(claim.source), "SOHR");
    let a = app.analysis().unwrap();
    let event = a.facts[rows[0] as usize].event.unwrap() as usize;
    assert_eq!(a.events[event].location, "Kobane");
    // Typed without the shadda, the search still finds the quote that has it.
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::SetSearch("خلف".to_owned())));
    harness.run_steps(2);
    assert_eq!(
        harness.state().visible_rows(),
        rows_of(&harness, "عين العرب")
    );
}

/// The claims whose location is written `place`.
fn rows_of(harness: &Harness<'static, TriangulateApp>, place: &str) -> Vec<u32> {
    let ds = harness.state().dataset().unwrap();
    (0..ds.claims.len() as u32)
        .filter(|&i| ds.opt_str(ds.claims[i as usize].location) == place)
        .collect()
}

#[test]
fn arabic_text_is_drawn_without_missing_glyphs() {
    // The harness fails on a glyph no font has; every tab with the fixtures must draw.
    let mut harness = harness_with(Startup::files(arabic_fixtures()));
    for tab in ["Timeline", "Events", "Discrepancies", "Sources", "Claims"] {
        click_tab(&mut harness, tab);
    }
    harness
        .state_mut()
        .send(Command::Nav(NavCommand::SelectClaim(Some(0))));
    harness.run_steps(2);
    assert!(harness.query_all_by_label("Copy quote").count() > 0);
}

/// The characters of `text` as egui lays them out, left to right.
fn laid_out(harness: &Harness<'static, TriangulateApp>, text: &str) -> String {
    let galley = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            text.to_owned(),
            egui::FontId::proportional(14.0),
            egui::Color32::WHITE,
        )
    });
    let mut glyphs: Vec<(f32, char)> = galley
        .rows
        .iter()
        .flat_map(|r| r.glyphs.iter())
        // A cluster's extra characters are listed with no advance; the glyph stands for them.
        .filter(|g| g.advance_width > 0.0)
        .map(|g| (g.pos.x, g.chr))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    glyphs.into_iter().map(|(_, c)| c).collect()
}

#[test]
fn mixed_direction_text_is_laid_out_in_visual_order() {
    let harness = harness_with(Startup::files(arabic_fixtures()));
    for text in [
        "عين العرب",
        "SOHR: عين العرب 13",
        "قال SOHR إن 13 قتلوا",
        "مرصد وادي النخيل (monitor)",
        "YPG: 15 قتيل في کۆبانێ",
    ] {
        // What the Unicode bidirectional algorithm says the line looks like, left to right.
        let bidi = unicode_bidi::BidiInfo::new(text, None);
        let para = &bidi.paragraphs[0];
        // Brackets compared as one sign: the algorithm's reordering leaves mirroring to the
        // renderer (the display transform mirrors them; its unit tests check that).
        let bracket = |c: char| if matches!(c, '(' | ')') { '|' } else { c };
        let expected: String = bidi
            .reorder_line(para, para.range.clone())
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(bracket)
            .collect();
        let shown = triangulate::ui::display_text(text);
        let got: String = laid_out(&harness, &shown)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(bracket)
            .collect();
        assert_eq!(got, expected, "{text:?} drawn as {shown:?}");
    }
}

#[test]
fn on_large_data_a_filter_is_worked_out_off_the_ui_thread_with_the_same_result() {
    use triangulate::core::view::filter::Filter;
    use triangulate::core::view::selection::Selection;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synth.csv");
    triangulate::synth::generate(120_000, 3, &path).unwrap();
    let mut harness = harness_with(Startup::files(vec![path]));
    let all = harness.state().visible_rows().len();
    assert_eq!(all, harness.state().dataset().unwrap().claims.len());
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::SetSearch(
            "seized".to_owned(),
        )));
    harness.step();
    // The frame after the change still shows the last selection, and says it is filtering.
    assert!(
        harness.state().is_busy(),
        "the selection is being worked out"
    );
    assert_eq!(harness.state().visible_rows().len(), all);
    wait_until_idle(&mut harness);
    let app = harness.state();
    let filter = Filter {
        search: "seized".to_owned(),
        ..Default::default()
    };
    let expected = Selection::new(app.dataset().unwrap(), app.analysis(), &filter);
    assert!(expected.count() > 0 && expected.count() < all);
    assert_eq!(app.visible_rows().len(), expected.count());
}

#[test]
fn the_help_window_draws_every_character_of_the_readme() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    harness.state_mut().send(Command::Nav(NavCommand::ShowHelp));
    // The harness fails on a glyph no installed font has.
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_label("CSV format and methodology")
            .count()
            > 0
    );
}

#[test]
fn a_correction_made_while_new_files_import_does_not_drop_the_import() {
    // Open the demo, then ask for the seed file and, before the import is back, merge two
    // sources of the data still shown: the merge reruns the old data's analysis, and the
    // seed's import must still land.
    let mut harness = harness_with(Startup::sample(
        triangulate::core::import::samples::Sample::SyntheticDemo,
    ));
    let app = harness.state_mut();
    app.send(Command::File(FileCommand::Open(vec![seed_path()])));
    app.send(Command::Correction(CorrectionCommand::Merge(
        AliasKind::Source,
        "Syrian state media".to_owned(),
        "SANA".to_owned(),
    )));
    wait_until_idle(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.dataset().map(|d| d.claims.len()),
        Some(27),
        "the seed replaced the demo"
    );
    let sana = app
        .analysis()
        .unwrap()
        .scorecard
        .iter()
        .find(|s| s.source == "SANA")
        .map(|s| s.claims);
    assert_eq!(
        sana,
        Some(2),
        "the merge applies to the new data's analysis"
    );
}

#[test]
fn a_file_without_the_required_columns_opens_the_mapping_dialog() {
    let fixtures = crate::fixtures::Fixtures::new();
    let path = fixtures.write(
        "own_columns.csv",
        "Said,Type,Day,N,Town\nFictional Valley Monitor,killed,2020-03-02,12,Tel Zaytun\n\
         Hill Radio,killed,2020-03-02,2,Tel Zaytun\n",
    );
    let mut harness = harness_with(Startup::files(vec![path]));
    assert_eq!(
        harness.state().mapping_header().map(<[String]>::len),
        Some(5),
        "the dialog opens instead of an error"
    );
    harness.get_by_label_contains("Which column is which");
    assert_eq!(
        harness.state().mapping_preview_rows(),
        0,
        "nothing maps yet"
    );
    // Said is the source, Type the claim, Day the date: the first three dropdowns.
    for (n, column) in [(0, "Said"), (1, "Type"), (2, "Day")] {
        harness
            .query_all_by_role(egui::accesskit::Role::ComboBox)
            .nth(n)
            .expect("a dropdown for each field")
            .click();
        harness.run_steps(2);
        harness
            .query_all_by_label(column)
            .last()
            .expect("the column in the open list")
            .click();
        harness.run_steps(2);
    }
    assert_eq!(
        harness.state().mapping_preview_rows(),
        2,
        "the preview shows both rows"
    );
    harness.get_by_label("Import with this mapping").click();
    harness.run_steps(1);
    wait_until_idle(&mut harness);
    assert_eq!(harness.state().dataset().map(|d| d.claims.len()), Some(2));
    assert!(
        harness.state().mapping_header().is_none(),
        "the dialog closed"
    );
    assert_eq!(
        harness.state().corrections().column_mappings.len(),
        1,
        "remembered for files with these headers"
    );
}

#[test]
fn the_file_menu_chooses_the_format_files_are_read_in() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    harness
        .state_mut()
        .send(Command::File(FileCommand::SetFormat(Some(
            "ucdp".to_owned(),
        ))));
    harness.run_steps(2);
    harness
        .state_mut()
        .send(Command::File(FileCommand::Open(vec![seed_path()])));
    harness.run_steps(1);
    wait_until_idle(&mut harness);
    let report = harness.state().report().expect("a report");
    let error = report.files[0].error.clone().unwrap_or_default();
    assert!(error.contains("UCDP GED"), "{error}");
    harness
        .state_mut()
        .send(Command::File(FileCommand::SetFormat(None)));
    harness.run_steps(2);
    harness
        .state_mut()
        .send(Command::File(FileCommand::Open(vec![seed_path()])));
    harness.run_steps(1);
    wait_until_idle(&mut harness);
    assert_eq!(harness.state().dataset().map(|d| d.claims.len()), Some(27));
}

#[test]
fn searching_a_source_lists_every_dispute_it_is_party_to() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let with_sana = |harness: &Harness<'static, TriangulateApp>| -> Vec<usize> {
        let a = harness.state().analysis().unwrap();
        (0..a.discrepancies.len())
            .filter(|&d| {
                a.discrepancies[d]
                    .claims
                    .iter()
                    .any(|&c| a.facts[c as usize].claimant.as_ref() == "SANA")
            })
            .collect()
    };
    let expected = with_sana(&harness);
    assert!(
        !expected.is_empty(),
        "the seed has SANA's denial in dispute"
    );
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::SetSearch("SANA".to_owned())));
    harness.run_steps(3);
    let mut listed = harness.state().discrepancy_rows().to_vec();
    listed.sort_unstable();
    assert_eq!(listed, expected, "both sides need not match the search");
    // "Involving state media" keeps the disputes of SANA and Anadolu Agency, whatever the
    // other side.
    let a = harness.state().analysis().unwrap();
    let state_media: Vec<usize> = (0..a.discrepancies.len())
        .filter(|&d| {
            a.discrepancies[d].claims.iter().any(|&c| {
                a.facts[c as usize].source_type == triangulate::core::model::SourceType::StateMedia
            })
        })
        .collect();
    assert!(state_media.len() > expected.len(), "{state_media:?}");
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::SetSearch(String::new())));
    harness
        .state_mut()
        .send(Command::Findings(FindingsCommand::SetFilter(
            triangulate::core::view::discrepancies::DiscrepancyFilter {
                involving: Some(Party::Type(
                    triangulate::core::model::SourceType::StateMedia,
                )),
                ..Default::default()
            },
        )));
    harness.run_steps(3);
    let mut listed = harness.state().discrepancy_rows().to_vec();
    listed.sort_unstable();
    assert_eq!(listed, state_media);
}

#[test]
fn opening_other_data_drops_a_place_filter_that_matches_nothing_with_a_message() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::ToggleFacet(
            triangulate::ui::FacetKind::Place,
            "Hasaka".to_owned(),
        )));
    harness.run_steps(2);
    assert!(harness.state().view().filter.places.contains("Hasaka"));
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv");
    harness
        .state_mut()
        .send(Command::File(FileCommand::Open(vec![demo])));
    harness.run_steps(1);
    wait_until_idle(&mut harness);
    assert!(
        harness.state().view().filter.places.is_empty(),
        "the stale place is dropped"
    );
    let message = harness.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("Hasaka"), "{message}");
    assert!(
        !harness.state().visible_rows().is_empty(),
        "the new data is shown"
    );
}

#[test]
fn the_events_list_opens_on_the_most_disputed_events() {
    let harness = harness_with(Startup::files(vec![
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv"),
    ]));
    let a = harness.state().analysis().unwrap();
    let disputes: Vec<usize> = harness
        .state()
        .visible_events()
        .iter()
        .map(|&e| a.events[e].disputes)
        .collect();
    assert!(disputes.len() > 3 && disputes[0] > 0, "{disputes:?}");
    assert!(
        disputes.windows(2).all(|w| w[0] >= w[1]),
        "most disputed first: {disputes:?}"
    );
}

#[test]
fn the_seed_opens_on_findings_with_the_hasaka_and_origin_disputes_in_words() {
    let harness = harness_with(Startup::files(vec![seed_path()]));
    assert_eq!(
        harness.state().tab(),
        Tab::Findings,
        "Findings is the first tab"
    );
    // The two questions, as a reader of the article would put them, and both sides of each.
    harness.get_by_label("Who holds Hasaka");
    harness.get_by_label("Where the attack on Kobane came from");
    harness.get_by_label_contains("SOHR says IS seized two districts of Hasaka overnight.");
    harness.get_by_label_contains("SANA denies that IS holds a position inside Hasaka");
    harness.get_by_label_contains("YPG and Syrian state media say the vehicle crossed from Turkey");
    harness.get_by_label_contains(
        "Sanliurfa governor says IS in fact launched the assault from Jarablus",
    );
    // Each claim names where it was published and when: the six claims of both findings.
    assert_eq!(harness.query_all_by_label("VICE News").count(), 6);
    assert_eq!(harness.query_all_by_label("· 25 June 2015").count(), 6);
    assert!(harness.query_all_by_label("Open event").count() >= 2);
}

#[test]
fn involving_a_source_keeps_every_dispute_it_is_party_to() {
    // The demo's state news agency plays SANA's part.
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv");
    let mut harness = harness_with(Startup::files(vec![demo]));
    let name = "Veldaran State News";
    let a = harness.state().analysis().unwrap();
    let party_to = |d: &triangulate::core::analysis::Discrepancy| {
        d.claims
            .iter()
            .any(|&c| a.facts[c as usize].claimant.as_ref() == name)
    };
    let expected: Vec<usize> = (0..a.discrepancies.len())
        .filter(|&d| party_to(&a.discrepancies[d]))
        .collect();
    let against_others = expected
        .iter()
        .filter(|&&d| {
            a.discrepancies[d]
                .claims
                .iter()
                .any(|&c| a.facts[c as usize].claimant.as_ref() != name)
        })
        .count();
    assert!(
        against_others > 10,
        "the demo has {name}'s disputes with others"
    );
    let findings_with: Vec<usize> = harness
        .state()
        .findings()
        .iter()
        .enumerate()
        .filter(|(_, f)| f.involves(a, name))
        .map(|(i, _)| i)
        .collect();
    harness
        .state_mut()
        .send(Command::Findings(FindingsCommand::SetFilter(
            DiscrepancyFilter {
                involving: Some(Party::Source(name.to_owned())),
                ..Default::default()
            },
        )));
    harness.run_steps(3);
    let mut listed = harness.state().discrepancy_rows().to_vec();
    listed.sort_unstable();
    assert_eq!(listed, expected);
    let mut findings = harness.state().finding_rows().to_vec();
    findings.sort_unstable();
    assert_eq!(
        findings, findings_with,
        "the Findings tab follows the same filter"
    );
    assert!(findings.len() < harness.state().findings().len());
}

#[test]
fn excluding_a_claim_removes_its_discrepancy() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let a = harness.state().analysis().unwrap();
    let before = a.discrepancies.len();
    let (sana, _) = a
        .facts
        .iter()
        .enumerate()
        .find(|(_, f)| f.claimant.as_ref() == "SANA")
        .expect("SANA's denial");
    let ds = harness.state().dataset().unwrap();
    let id = ds.claim_id(&ds.claims[sana]);
    harness
        .state_mut()
        .send(Command::Judgement(JudgementCommand::MarkClaim(
            id.clone(),
            Mark {
                verdict: Some(Verdict::Excluded),
                note: "a re-quote of an older bulletin".to_owned(),
            },
        )));
    wait_until_idle(&mut harness);
    let a = harness.state().analysis().unwrap();
    assert_eq!(
        a.discrepancies.len(),
        before - 1,
        "the Hasaka dispute leaves"
    );
    assert!(a.facts[sana].excluded && !a.facts[sana].current);
    assert!(
        harness
            .state()
            .findings()
            .iter()
            .all(|f| !f.title.contains("Hasaka")),
        "and so does its finding"
    );
    assert!(harness.state().corrections().claim_marks[&id].is_excluded());
    // Taking the verdict back brings it back.
    harness
        .state_mut()
        .send(Command::Judgement(JudgementCommand::MarkClaim(
            id,
            Mark::default(),
        )));
    wait_until_idle(&mut harness);
    assert_eq!(
        harness.state().analysis().unwrap().discrepancies.len(),
        before
    );
    assert!(harness.state().corrections().claim_marks.is_empty());
}

#[test]
fn a_finding_marked_excluded_leaves_the_list_until_asked_for() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let first = harness.state().findings()[harness.state().finding_rows()[0]]
        .id
        .clone();
    let listed = harness.state().finding_rows().len();
    harness
        .state_mut()
        .send(Command::Judgement(JudgementCommand::MarkFinding(
            first.clone(),
            Mark {
                verdict: Some(Verdict::Excluded),
                note: String::new(),
            },
        )));
    harness.run_steps(3);
    assert_eq!(harness.state().finding_rows().len(), listed - 1);
    harness.get_by_label("Show the 1 you excluded").click();
    harness.run_steps(3);
    let rows = harness.state().finding_rows();
    assert_eq!(rows.len(), listed);
    assert_eq!(
        harness.state().findings()[*rows.last().unwrap()].id,
        first,
        "excluded findings come last"
    );
}

#[test]
fn the_analysis_can_be_cancelled_and_run_again() {
    // The demo's analysis takes long enough to be caught under way on any machine: the
    // cancel is sent before the first frame polls it.
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv");
    let mut harness = harness_with(Startup::files(vec![demo]));
    let before = harness.state().analysis().unwrap().discrepancies.len();
    harness
        .state_mut()
        .send(Command::Analysis(AnalysisCommand::Run));
    harness
        .state_mut()
        .send(Command::Analysis(AnalysisCommand::Cancel));
    assert!(!harness.state().is_busy(), "nothing is left running");
    let message = harness.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("Analysis cancelled"), "{message}");
    assert_eq!(
        harness.state().analysis().unwrap().discrepancies.len(),
        before,
        "the views keep the last analysis"
    );
    harness
        .state_mut()
        .send(Command::Analysis(AnalysisCommand::Run));
    wait_until_idle(&mut harness);
    assert_eq!(
        harness.state().analysis().unwrap().discrepancies.len(),
        before
    );
}

#[test]
fn the_event_pane_follows_the_filters() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let a = harness.state().analysis().unwrap();
    let hasaka = a
        .events
        .iter()
        .position(|e| e.location == "Hasaka")
        .unwrap();
    harness
        .state_mut()
        .send(Command::Nav(NavCommand::OpenEvent(hasaka)));
    harness.run_steps(3);
    let sources = |h: &Harness<'static, TriangulateApp>| -> Vec<String> {
        let chart = h.state().event_chart().unwrap();
        chart
            .blocks
            .iter()
            .flat_map(|b| b.rows.iter().map(|r| r.source.clone()))
            .chain(chart.propositions.iter().map(|p| p.source.clone()))
            .collect()
    };
    assert!(sources(&harness).iter().any(|s| s == "SOHR"));
    harness
        .state_mut()
        .send(Command::Filter(FilterCommand::ToggleSource(
            "SOHR".to_owned(),
        )));
    harness.run_steps(3);
    let after = sources(&harness);
    assert!(
        !after.is_empty() && after.iter().all(|s| s != "SOHR"),
        "{after:?}"
    );
    let omitted = harness.state().event_chart().unwrap().omitted.join("; ");
    assert!(omitted.contains("hidden by the filters"), "{omitted}");
    harness.get_by_label_contains("hidden by the filters");
}

#[test]
fn merging_two_sources_keeps_every_other_sources_colour() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    let before = harness.state().source_colors().clone();
    assert!(before.len() >= 10);
    // The sources with the most claims take the colour-blind-safe palette; the rest are grey.
    let palette = triangulate::core::view::palette::PALETTE;
    assert!(palette.contains(&before["SOHR"]) && palette.contains(&before["YPG"]));
    merge_state_media_into_sana(&mut harness);
    wait_until_idle(&mut harness);
    let after = harness.state().source_colors();
    assert!(!after.contains_key("Syrian state media"), "merged away");
    for (name, color) in after {
        assert_eq!(Some(color), before.get(name), "{name} keeps its colour");
    }
    assert_eq!(
        harness.state().corrections().source_colors.get("SOHR"),
        Some(&before["SOHR"]),
        "kept with the workspace"
    );
}

#[test]
fn clicking_a_map_marker_opens_its_event() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Map");
    harness.run_steps(2);
    let app = harness.state();
    let a = app.analysis().unwrap();
    // Hasaka's events are the most disputed at one spot: its mark opens the disputed one.
    let hasaka = app
        .map()
        .events
        .iter()
        .filter(|e| e.place == "Hasaka")
        .max_by_key(|e| e.severity)
        .expect("Hasaka is on the map")
        .event as usize;
    assert!(a.events[hasaka].disputes > 0);
    let pos = app.map_position(hasaka).expect("Hasaka's mark was drawn");
    click_at(&mut harness, pos);
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Events);
    assert_eq!(app.selected_event(), Some(hasaka));
}

#[test]
fn a_province_level_event_is_drawn_as_an_area_and_listed_as_such() {
    use triangulate::core::charts::map::{Placement, Reach};
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    click_tab(&mut harness, "Map");
    harness.run_steps(2);
    let app = harness.state();
    let daraa = app
        .map()
        .events
        .iter()
        .find(|e| e.place == "Daraa Governorate")
        .expect("the seed's claim about Daraa province is on the map");
    assert!(matches!(
        daraa.placement,
        Placement::Area {
            reach: Reach::Province,
            ..
        }
    ));
    let event = daraa.event as usize;
    // Drawn as an area: the mark that opens it reaches further than any point mark does.
    let pos = app.map_position(event).expect("drawn");
    assert!(pos.x.is_finite());
    // Listed beside the map as placed only to the province; the link opens the event.
    harness
        .get_by_label_contains("Daraa Governorate (the province)")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().tab(), Tab::Events);
    assert_eq!(harness.state().selected_event(), Some(event));
}

/// A click of the pointer at a point of the window, as a user makes it.
fn click_at(harness: &mut Harness<'static, TriangulateApp>, pos: eframe::egui::Pos2) {
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.run_steps(1);
    harness.drop_at(pos);
    harness.run_steps(3);
}

#[test]
fn an_article_pasted_proposes_claims_that_join_the_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reporting/libya-2019-08-05-trtworld-murzuq-strike");
    let text = std::fs::read_to_string(dir.join("text.txt")).unwrap();
    let info = triangulate::core::extract::ArticleInfo {
        article_id: "pasted".to_owned(),
        outlet: "TRT World".to_owned(),
        url: String::new(),
        published: chrono::NaiveDate::from_ymd_opt(2019, 8, 5),
    };
    let mut startup = Startup::files(vec![seed_path()]);
    startup.extract = Some((text, info));
    let mut harness = harness_with(startup);
    let before = harness.state().dataset().map_or(0, |d| d.claims.len());
    let (proposed, kept) = harness
        .state()
        .extract_counts()
        .expect("the dialog is open");
    assert!(
        proposed >= 3 && kept == proposed,
        "{proposed} proposed, {kept} kept"
    );
    harness.get_by_label_contains("Add ").click();
    for _ in 0..200 {
        harness.run_steps(2);
        if !harness.state().is_busy()
            && harness
                .state()
                .dataset()
                .is_some_and(|d| d.claims.len() > before)
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let after = harness.state().dataset().map_or(0, |d| d.claims.len());
    assert!(after > before, "{before} claims before, {after} after");
    assert!(
        harness.state().extract_counts().is_none(),
        "the dialog closed"
    );
}

#[test]
fn a_proposed_claims_cell_edited_in_the_table_is_what_joins_the_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reporting/libya-2019-08-05-trtworld-murzuq-strike");
    let text = std::fs::read_to_string(dir.join("text.txt")).unwrap();
    // The outlet and date come from the article's header lines.
    let mut startup = Startup::files(vec![seed_path()]);
    startup.extract = Some((text, triangulate::core::extract::ArticleInfo::default()));
    let mut harness = harness_with(startup);
    let cell = harness
        .get_all_by_value("A local official")
        .next()
        .expect("a claimant cell holding the speaker as written");
    cell.focus();
    cell.type_text(" in Murzuq");
    harness.run_steps(2);
    harness.get_by_label_contains("Add ").click();
    let edited = "A local official in Murzuq";
    let mut found = false;
    for _ in 0..200 {
        harness.run_steps(2);
        found = !harness.state().is_busy()
            && harness
                .state()
                .analysis()
                .is_some_and(|a| a.facts.iter().any(|f| f.claimant.as_ref() == edited));
        if found {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(found, "no claim from {edited:?} in the data");
}

#[test]
fn a_merge_that_would_close_a_loop_is_refused_and_said_so() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    merge_state_media_into_sana(&mut harness);
    wait_until_idle(&mut harness);
    // "SANA is Syrian state media" would make the two swap names: refused.
    harness
        .state_mut()
        .send(Command::Correction(CorrectionCommand::Merge(
            AliasKind::Source,
            "SANA".to_owned(),
            "Syrian state media".to_owned(),
        )));
    harness.run_steps(2);
    let merges = harness
        .state()
        .corrections()
        .merges(AliasKind::Source)
        .clone();
    assert_eq!(merges.len(), 1, "{merges:?}");
    assert_eq!(merges["Syrian state media"], "SANA");
    harness
        .get_by_label_contains("Not merged: source aliases")
        .hover();
}

#[test]
fn an_event_edit_that_cannot_be_made_is_said_in_the_status_bar() {
    let mut harness = harness_with(Startup::files(vec![seed_path()]));
    wait_until_idle(&mut harness);
    harness
        .state_mut()
        .send(Command::Correction(CorrectionCommand::MergeEvents(
            "nowhere".to_owned(),
            "kobane-2015-06-25".to_owned(),
        )));
    wait_until_idle(&mut harness);
    harness
        .get_by_label_contains("Event edit not made: merge of nowhere into kobane-2015-06-25")
        .hover();
}
