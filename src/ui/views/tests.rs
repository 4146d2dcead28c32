//! Each view on its own: built with egui_kittest from the seed article, with no app, no
//! threads and no import job; the tests click and read what it shows and the commands it
//! sends.

use std::sync::LazyLock;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::core::analysis::{Settings, analyze};
use crate::core::charts::{TimelineMode, TimelineSettings, event_chart, timeline};
use crate::core::import::samples::Sample;
use crate::core::import::{ImportOptions, Imported, import};
use crate::core::progress::Progress;
use crate::core::view::analyzed::Analyzed;
use crate::core::view::claim_rows::{Sort, SortColumn};
use crate::core::view::discrepancies::DiscrepancyFilter;
use crate::core::view::filter::Filter;
use crate::core::view::selection::Selection;
use crate::core::view::sources::summarize;
use crate::core::workspace::ViewSettings;
use crate::ui::chrome::filter_panel::filter_panel_ui;
use crate::ui::chrome::status_bar::{StatusInfo, status_bar_ui};
use crate::ui::commands::{
    Command, CorrectionCommand, ExportCommand, FilterCommand, JudgementCommand, NavCommand,
    TableCommand, TimelineCommand,
};

/// The seed article, imported and analysed once for every test here.
struct Seed {
    imported: Imported,
    analyzed: Analyzed,
}

static SEED: LazyLock<Seed> = LazyLock::new(|| {
    let Ok(imported) = import(
        &[Sample::SeedArticle.input()],
        &ImportOptions::default(),
        &Progress::default(),
    ) else {
        panic!("the built-in seed sample imports");
    };
    let analysis = analyze(&imported.dataset, &Settings::default(), &Default::default());
    let analyzed = Analyzed::new(analysis, &imported.dataset);
    Seed { imported, analyzed }
});

/// A harness that draws `view` every frame and keeps the commands it sent.
fn harness<'a>(
    mut view: impl FnMut(&mut egui::Ui, &mut Vec<Command>) + 'a,
) -> Harness<'a, Vec<Command>> {
    let mut harness = Harness::builder()
        .with_size([1200.0, 700.0])
        .build_ui_state(
            move |ui, commands: &mut Vec<Command>| view(ui, commands),
            Vec::new(),
        );
    harness.run_steps(2);
    harness
}

fn choices(seed: &Seed) -> super::dispute_filter::Choices<'_> {
    super::dispute_filter::Choices {
        type_pairs: &seed.analyzed.type_pairs,
        parties: &seed.analyzed.parties,
    }
}

#[test]
fn a_finding_card_opens_its_event_takes_a_verdict_and_offers_every_party() {
    use crate::core::model::judgement::{Mark, Verdict};
    use crate::ui::views::findings::{FindingsView, findings_ui};
    let seed = &*SEED;
    let findings = &seed.analyzed.findings;
    let rows: Vec<usize> = (0..findings.len()).collect();
    let marks = Default::default();
    let (ds, a) = (&seed.imported.dataset, &seed.analyzed.analysis);
    let cards: Vec<_> = findings
        .iter()
        .map(|f| [f.witnesses(ds, a, 0, None), f.witnesses(ds, a, 1, None)])
        .collect();
    let mut h = harness(|ui, commands| {
        let view = FindingsView {
            findings,
            rows: &rows,
            excluded: 0,
            show_excluded: false,
            filter: &DiscrepancyFilter::default(),
            choices: choices(seed),
            finding_marks: &marks,
            claim_marks: &marks,
            cards: &cards,
            ds,
            analysis: a,
        };
        findings_ui(ui, &view, commands);
    });
    h.get_by_label("2 of 2 findings");
    h.query_all_by_label("Open event").next().unwrap().click();
    h.run_steps(2);
    assert!(
        h.state()
            .contains(&Command::Nav(NavCommand::OpenEvent(findings[0].event))),
        "{:?}",
        h.state()
    );
    h.query_all_by_label("verified").next().unwrap().click();
    h.run_steps(2);
    let verdict = Mark {
        verdict: Some(Verdict::Verified),
        note: String::new(),
    };
    assert!(
        h.state()
            .contains(&Command::Judgement(JudgementCommand::MarkFinding(
                findings[0].id.clone(),
                verdict
            )))
    );
    // The party filter offers each claimant of a dispute, the types and the sides.
    h.get_by_label("Involving").click();
    h.run_steps(2);
    for party in [
        "SANA",
        "SOHR",
        "any state media",
        "the Syrian government side",
    ] {
        assert!(h.query_all_by_label(party).count() > 0, "{party} offered");
    }
}

#[test]
fn the_discrepancy_list_shows_who_disagrees_and_opens_the_event() {
    let seed = &*SEED;
    let a = &seed.analyzed.analysis;
    let rows: Vec<usize> = (0..a.discrepancies.len()).collect();
    let mut h = harness(|ui, commands| {
        let view = super::discrepancies::DiscrepanciesView {
            ds: &seed.imported.dataset,
            analysis: a,
            rows: &rows,
            filter: &DiscrepancyFilter::default(),
            choices: &choices(seed),
        };
        super::discrepancies::discrepancies_ui(ui, &view, commands);
    });
    h.get_by_label("SOHR vs SANA").click();
    h.run_steps(2);
    let hasaka = a.events.iter().position(|e| e.location == "Hasaka");
    assert!(
        h.state()
            .iter()
            .any(|c| matches!(c, Command::Nav(NavCommand::OpenEvent(e)) if Some(*e) == hasaka)),
        "clicking a row opens its event: {:?}",
        h.state()
    );
}

#[test]
fn the_event_view_shows_each_claimant_and_the_statements() {
    let seed = &*SEED;
    let a = &seed.analyzed.analysis;
    let Some(hasaka) = a.events.iter().position(|e| e.location == "Hasaka") else {
        panic!("the seed has a Hasaka event");
    };
    let chart = (
        hasaka,
        event_chart(&seed.imported.dataset, a, hasaka, &|_| true),
    );
    let edits = crate::core::view::event_edits::choices(&seed.imported.dataset, a, hasaka);
    let events: Vec<usize> = (0..a.events.len()).collect();
    let mut h = harness(|ui, commands| {
        let view = super::events::EventsView {
            analysis: a,
            visible: &events,
            chart: Some(&chart),
            edits: &edits,
            colors: &seed.analyzed.colors,
            edited: false,
        };
        super::events::events_ui(ui, &view, commands);
    });
    assert!(h.query_all_by_label("SOHR").count() > 0);
    // Split off one claimant's claims: the menu lists each claimant.
    h.get_by_label("Split off…").click();
    h.run_steps(2);
    h.get_by_label_contains("SANA's claims").click();
    h.run_steps(2);
    let split = h.state().iter().find_map(|c| match c {
        Command::Correction(CorrectionCommand::SplitEvent(claims)) => Some(claims.clone()),
        Command::File(_)
        | Command::Mapping(_)
        | Command::Analysis(_)
        | Command::Nav(_)
        | Command::Timeline(_)
        | Command::Table(_)
        | Command::Filter(_)
        | Command::Findings(_)
        | Command::Judgement(_)
        | Command::Correction(_)
        | Command::Export(_) => None,
    });
    let Some(split) = split else {
        panic!("choosing a claimant sends its claims to split off")
    };
    assert!(!split.is_empty() && split.iter().all(|id| id.contains(':')));
    assert!(h.query_all_by_label("denies").count() > 0);
    h.get_by_label("Export…").click();
    h.run_steps(2);
    assert!(
        h.state()
            .iter()
            .any(|c| matches!(c, Command::Export(ExportCommand::ShowDialog(Some(_))))),
        "the chart's Export… button asks for the export dialog"
    );
}

#[test]
fn the_claims_table_sorts_by_the_header_clicked() {
    let seed = &*SEED;
    let ds = &seed.imported.dataset;
    let rows: Vec<u32> = (0..ds.claims.len())
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let mut h = harness(|ui, commands| {
        super::claims::claims_table_ui(
            ui,
            ds,
            Some(&seed.analyzed.analysis),
            &rows,
            Sort::default(),
            None,
            commands,
        );
    });
    assert!(h.query_all_by_label("Kurdish-led forces").count() > 0);
    h.get_by_label("Source").click();
    h.run_steps(2);
    assert_eq!(
        h.state().first(),
        Some(&Command::Table(TableCommand::SortClaims(
            SortColumn::Source
        )))
    );
}

#[test]
fn the_timeline_switches_mode_from_its_toolbar() {
    let seed = &*SEED;
    let (ds, a) = (&seed.imported.dataset, &seed.analyzed.analysis);
    let settings = TimelineSettings::default();
    let selection = Selection::new(ds, Some(a), &Filter::default());
    let chart = timeline(ds, a, &seed.analyzed.colors, &settings, &selection);
    let mut h = harness(|ui, commands| {
        let view = super::timeline::TimelineView {
            ds,
            analysis: a,
            chart: &chart,
            panels: &[],
            settings: &settings,
        };
        super::timeline::timeline_ui(ui, &view, commands);
    });
    h.get_by_label("Daily totals").click();
    h.run_steps(2);
    assert!(
        h.state()
            .contains(&Command::Timeline(TimelineCommand::SetMode(
                TimelineMode::Daily
            ))),
        "{:?}",
        h.state()
    );
}

#[test]
fn the_import_report_names_the_columns_and_copies_itself() {
    let seed = &*SEED;
    let sources = summarize(&seed.imported.dataset);
    let mut h = harness(|ui, commands| {
        super::import_report::import_report_ui(ui, &seed.imported.report, &sources, commands);
    });
    h.get_by_label_contains("Columns read:");
    h.get_by_label("Copy to clipboard").click();
    h.run_steps(2);
    assert!(h.state().contains(&Command::Nav(NavCommand::CopyReport)));
}

#[test]
fn the_filter_panel_hides_a_source_when_it_is_unticked() {
    let seed = &*SEED;
    let view = ViewSettings::default();
    let mut h = harness(|ui, commands| {
        filter_panel_ui(ui, &seed.analyzed, &view, false, commands);
    });
    h.get_by_label_contains("SANA").click();
    h.run_steps(2);
    assert!(
        h.state()
            .contains(&Command::Filter(FilterCommand::ToggleSource(
                "SANA".to_owned()
            ))),
        "{:?}",
        h.state()
    );
}

#[test]
fn a_filter_chip_in_the_status_bar_clears_its_filter() {
    let info = StatusInfo {
        shown: 3,
        total: 27,
        label: "seed.csv",
        rejected: 0,
        message: None,
        chips: vec![(
            "place: Hasaka".to_owned(),
            Command::Filter(FilterCommand::ClearSearch),
        )],
        updating: false,
    };
    let mut h = harness(|ui, commands| status_bar_ui(ui, &info, (None, None), commands));
    h.get_by_label_contains("place: Hasaka").click();
    h.run_steps(2);
    assert_eq!(
        h.state().as_slice(),
        [Command::Filter(FilterCommand::ClearSearch)]
    );
}

/// The window and the exports draw from one model: every open range ends at the same height
/// and every source has the same colour in both.
#[test]
fn window_and_export_agree_on_open_ranges_and_colours() {
    use crate::core::export::figure::{Mark, Provenance, timeline_figure};
    let seed = &*SEED;
    let (ds, a) = (&seed.imported.dataset, &seed.analyzed.analysis);
    let selection = Selection::new(ds, Some(a), &Filter::default());
    let settings = TimelineSettings::default();
    let chart = timeline(ds, a, &seed.analyzed.colors, &settings, &selection);
    let figure = timeline_figure(&chart, &settings, &Provenance::default());
    let mut open_ranges = 0;
    for s in &chart.series {
        let [_, (_, window_tops)] = super::timeline::range_segments(s, chart.value_max());
        let exported = figure.series.iter().find(|f| f.name == s.source).unwrap();
        assert_eq!(exported.color, s.color, "{}'s colour", s.source);
        assert_eq!(s.color, seed.analyzed.colors[&s.source]);
        let export_tops: Vec<[f64; 2]> = exported
            .marks
            .iter()
            .filter_map(|m| {
                let Mark::Range { to, open: true, .. } = m else {
                    return None;
                };
                Some(*to)
            })
            .collect();
        assert_eq!(window_tops, export_tops, "{}'s open ranges", s.source);
        open_ranges += window_tops.len();
    }
    assert!(open_ranges >= 3, "the seed's 'at least' figures");
}
