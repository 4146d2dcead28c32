//! Exports: charts (SVG and PNG), tables (CSV) and the HTML report, as a user makes them.

use std::path::{Path, PathBuf};

use triangulate::core::charts::source_colors;
use triangulate::core::export::figure::{Figure, Provenance};
use triangulate::core::export::png::check_text;
use triangulate::core::export::svg::{Page, render_svg};
use triangulate::core::export::{ChartData, ChartKind};
use triangulate::core::import::Imported;
use triangulate::core::view::filter::Filter;
use triangulate::core::view::selection::Selection;

use crate::cli::triangulate;
use crate::fixtures::{Fixtures, import_paths, seed_path};

fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/synthetic_demo.csv")
}

fn analyze(imported: &Imported) -> triangulate::core::analysis::Analysis {
    triangulate::core::analysis::analyze(
        &imported.dataset,
        &Default::default(),
        &Default::default(),
    )
}

/// Runs triangulate and expects success.
fn ok(args: &[&str]) {
    let (code, _, err) = triangulate(args);
    assert_eq!(code, 0, "{args:?}: {err}");
}

/// `triangulate export INPUT --chart CHART --out OUT EXTRA...`, expecting success.
fn export_chart(input: &Path, chart: &str, out: &Path, extra: &[&str]) {
    let (input, out) = (input.display().to_string(), out.display().to_string());
    let mut args = vec!["export", &input, "--chart", chart, "--out", &out];
    args.extend_from_slice(extra);
    ok(&args);
}

/// Every figure of one file, with the default filter.
fn figures(path: &Path) -> Vec<Figure> {
    let imported = import_paths(
        &[path.to_path_buf()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = analyze(&imported);
    let colors = source_colors(&a, &Default::default());
    let filter = Filter::default();
    let selection = Selection::new(&imported.dataset, Some(&a), &filter);
    let data = ChartData {
        dataset: &imported.dataset,
        analysis: &a,
        colors: &colors,
        filter: &filter,
        timeline: &Default::default(),
        corrections: &Default::default(),
        selection: &selection,
        provenance: Provenance {
            files: vec!["x.csv".to_owned()],
            date: "23 November 2026".to_owned(),
            filters: String::new(),
            ..Default::default()
        },
        page_width: 1200.0,
    };
    ChartKind::ALL
        .into_iter()
        .map(|kind| data.figure(kind, None).unwrap())
        .collect()
}

/// The texts of an SVG document.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses as XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn every_svg_parses_and_names_every_series_and_no_text_is_dropped() {
    for path in [seed_path(), demo_path()] {
        for fig in figures(&path) {
            let svg = render_svg(&fig, &Page::default());
            let texts = texts(&svg);
            // A map's borders and names are layers, not data: only its marks are named.
            for s in fig
                .series
                .iter()
                .filter(|s| s.in_legend || !fig.equal_aspect)
            {
                assert!(
                    texts.iter().any(|t| t.contains(&s.name)),
                    "{}: series {} is named",
                    fig.title,
                    s.name
                );
            }
            assert!(texts.iter().any(|t| t.contains("not verified totals")));
            assert!(texts.iter().any(|t| t.contains("Triangulate")));
            let check = check_text(&svg).unwrap();
            assert!(check.elements > 5);
            assert!(check.complete(), "{}: {check:?}", fig.title);
        }
    }
}

#[test]
fn text_without_a_font_is_caught() {
    // Thai is in neither shipped font: the check must notice, or it proves nothing.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">สวัสดี</text></svg>"#;
    assert!(!check_text(svg).unwrap().complete());
}

fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Not blank: many distinct colours, not one flat fill.
fn assert_drawn(pixels: &[u8]) {
    let colors: std::collections::HashSet<&[u8]> = pixels.chunks(4).collect();
    assert!(colors.len() > 50, "only {} colours", colors.len());
}

#[test]
fn the_cli_exports_each_chart_at_the_asked_size() {
    let dir = Fixtures::new();
    let demo = demo_path();
    let out = dir.path().join("t.png");
    export_chart(
        &demo,
        "timeline",
        &out,
        &["--width", "1600", "--height", "900"],
    );
    let (w, h, pixels) = decode_png(&out);
    assert_eq!((w, h), (1600, 900));
    assert_drawn(&pixels);
    let out2 = dir.path().join("t2.png");
    export_chart(
        &demo,
        "timeline",
        &out2,
        &["--width", "1600", "--height", "900", "--scale", "2"],
    );
    assert_eq!(decode_png(&out2).0, 3200);
    let seed = seed_path();
    let svg = dir.path().join("h.svg");
    ok(&[
        "export",
        seed.to_str().unwrap(),
        "--chart",
        "event",
        "--place",
        "Hasaka",
        "--out",
        svg.to_str().unwrap(),
        "--caption-date",
        "2026-11-23",
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    let texts = texts(&text);
    for wanted in [
        "SOHR",
        "SANA",
        "Hasaka",
        "denies",
        "seed_kobane_hasaka_2015.csv",
        "23 November 2026",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(wanted)),
            "{wanted} in {texts:?}"
        );
    }
    assert!(
        !text.contains(dir.path().to_str().unwrap()),
        "names, not paths"
    );
    let sources = dir.path().join("s.png");
    export_chart(&demo, "sources", &sources, &[]);
    assert_drawn(&decode_png(&sources).2);
}

#[test]
fn an_existing_file_is_kept_without_force_and_bad_paths_are_clear() {
    let dir = Fixtures::new();
    let seed = seed_path();
    let out = dir.write("kept.svg", "mine");
    let args = |out: &Path, force: bool| {
        let mut args = vec![
            "export".to_owned(),
            seed.display().to_string(),
            "--chart".to_owned(),
            "timeline".to_owned(),
            "--out".to_owned(),
            out.display().to_string(),
        ];
        if force {
            args.push("--force".to_owned());
        }
        args
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        triangulate(&refs)
    };
    let (code, _, err) = run(args(&out, false));
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let (code, _, err) = run(args(&out, true));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));
    let (code, _, err) = run(args(&dir.path().join("no/such/dir/x.svg"), false));
    assert_eq!(code, 1);
    assert!(err.contains("cannot write"), "{err}");
    let (code, _, err) = run(args(&dir.path().join("x.gif"), false));
    assert_eq!(code, 2);
    assert!(err.contains(".svg or .png"), "{err}");
    let mut unknown = args(&dir.path().join("y.svg"), false);
    unknown.extend(["--place".to_owned(), "Atlantis".to_owned()]);
    let (code, _, err) = run(unknown);
    assert_eq!(code, 2);
    assert!(err.contains("Atlantis") && err.contains("Kobane"), "{err}");
}

const INJECTION: &str = "\
source,claim,group,count,location,event_date,outlet,quote,note
=HYPERLINK(\"http://evil\"),killed,civilians,5,Kobane,2015-06-25,@outlet,\"-2 would be a formula\",+extra
SOHR,killed,civilians,7,Kobane,2015-06-25,Reuters,\"<script>alert(1)</script> said SOHR\",plain
";

#[test]
fn tables_guard_formulas_keep_numbers_and_read_back_unchanged() {
    let dir = Fixtures::new();
    let input = dir.write("injection.csv", INJECTION);
    let out = dir.path().join("claims.csv");
    ok(&[
        "export",
        input.to_str().unwrap(),
        "--table",
        "claims",
        "--out",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("'@outlet"));
    assert!(text.contains("'-2 would be a formula"));
    assert!(text.contains("'+extra"));
    for line in text.lines() {
        for cell in line.split(',') {
            let first = cell.trim_start_matches('"').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@')),
                "unguarded cell {cell} in {line}"
            );
        }
    }
    // Read back, the claims are the ones written.
    let records = |imported: &Imported| -> Vec<serde_json::Value> {
        let ds = &imported.dataset;
        ds.claims
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(
                    triangulate::core::view::claim_record::ClaimRecord::new(ds, c),
                )
                .unwrap();
                for key in ["id", "file", "line"] {
                    v.as_object_mut().unwrap().remove(key);
                }
                v
            })
            .collect()
    };
    let first = import_paths(
        &[input],
        &triangulate::core::import::ImportOptions::default(),
    );
    let again = import_paths(&[out], &triangulate::core::import::ImportOptions::default());
    assert_eq!(records(&first), records(&again));
    assert_eq!(
        first.dataset.str(first.dataset.claims[0].source_raw),
        "=HYPERLINK(\"http://evil\")"
    );
    // The scorecard keeps numbers as numbers, negative ones included.
    let demo = demo_path();
    let score = dir.path().join("scorecard.csv");
    ok(&[
        "export",
        demo.to_str().unwrap(),
        "--table",
        "scorecard",
        "--out",
        score.to_str().unwrap(),
        "--bom",
    ]);
    let text = std::fs::read_to_string(&score).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let ministry = text
        .lines()
        .find(|l| l.starts_with("Veldaran Interior Ministry"))
        .unwrap();
    let bias = ministry.split(',').nth(12).unwrap();
    assert!(
        bias.starts_with('-') && bias.parse::<f64>().is_ok(),
        "{ministry}"
    );
}

#[test]
fn the_claims_table_of_real_files_reads_back_unchanged() {
    let dir = Fixtures::new();
    for path in [seed_path(), demo_path()] {
        let out = dir.path().join("round.csv");
        ok(&[
            "export",
            path.to_str().unwrap(),
            "--table",
            "claims",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ]);
        let records = |p: &Path| -> Vec<serde_json::Value> {
            let imported = import_paths(
                &[p.to_path_buf()],
                &triangulate::core::import::ImportOptions::default(),
            );
            let ds = &imported.dataset;
            ds.claims
                .iter()
                .map(|c| {
                    let mut v = serde_json::to_value(
                        triangulate::core::view::claim_record::ClaimRecord::new(ds, c),
                    )
                    .unwrap();
                    for key in ["id", "file", "line"] {
                        v.as_object_mut().unwrap().remove(key);
                    }
                    v
                })
                .collect()
        };
        let (before, after) = (records(&path), records(&out));
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(b, a);
        }
    }
}

#[test]
fn the_report_escapes_data_and_lists_files_with_their_hashes() {
    let dir = Fixtures::new();
    let input = dir.write("injection.csv", INJECTION);
    let out = dir.path().join("report.html");
    ok(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--caption-date",
        "2026-11-23",
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script>"), "a quote never becomes markup");
    let sha = triangulate::core::files::sha256_file(&input).unwrap();
    assert!(html.contains(&sha));
    assert!(html.contains("injection.csv"));
    assert!(html.contains("<svg"), "charts are inline");
    assert!(html.contains("Methodology"));
    assert!(html.contains("23 November 2026"));
    let demo = demo_path();
    let out = dir.path().join("demo.html");
    ok(&[
        "report",
        demo.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Northern Liberation Front"));
    assert!(html.contains("Scorecard"));
    assert_eq!(
        html.matches("<svg").count(),
        3,
        "timeline, event and sources"
    );
}

#[test]
fn a_saved_workspace_reproduces_the_chart() {
    use triangulate::core::workspace::{Corrections, Workspace};
    let dir = Fixtures::new();
    let mut filter = triangulate::core::workspace::ViewSettings::default();
    filter.filter.hidden_sources.insert("SOHR".to_owned());
    let ws_path = dir.path().join("view.triangulate.json");
    Workspace::new(&[seed_path()], filter, Corrections::default())
        .unwrap()
        .save(&ws_path)
        .unwrap();
    let out = dir.path().join("t.svg");
    ok(&[
        "export",
        "--workspace",
        ws_path.to_str().unwrap(),
        "--chart",
        "timeline",
        "--out",
        out.to_str().unwrap(),
    ]);
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("data-series=\"YPG\""));
    assert!(
        !svg.contains("data-series=\"SOHR\""),
        "the workspace hid SOHR"
    );
    assert!(svg.contains("without SOHR"), "the caption says so");
}

#[test]
fn arabic_exports_keep_logical_text_and_draw_every_glyph() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let input = fixtures.join("synthetic_arabic_script.csv");
    for fig in figures(&input) {
        let svg = render_svg(&fig, &Page::default());
        let check = check_text(&svg).unwrap();
        assert!(check.complete(), "{}: {check:?}", fig.title);
    }
    let event = &figures(&input)[1];
    assert!(event.title.starts_with("تل الزيتون"), "{}", event.title);
    let svg = render_svg(event, &Page::default());
    // Logical order in the file: viewers shape and order it themselves.
    assert!(svg.contains("تل الزيتون"), "the SVG keeps the logical text");
    assert!(
        svg.contains("DejaVu Sans"),
        "lines with Arabic name a font with both scripts"
    );
    assert!(svg.contains("سيطرة جبهة الرمال على السوق"));
    // The PNG draws the same text with no empty boxes.
    let dir = Fixtures::new();
    let out = dir.path().join("ar.png");
    export_chart(&input, "event", &out, &[]);
    assert_drawn(&decode_png(&out).2);
}

#[test]
fn a_workspace_saved_before_the_restructure_still_loads() {
    use triangulate::core::charts::TimelineMode;
    use triangulate::core::model::{ClaimKind, SourceType};
    use triangulate::core::workspace::Workspace;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compat/workspace.triangulate.json");
    let (ws, _moved) = Workspace::load(&path).unwrap();
    assert_eq!(ws.filter.timeline.kind, ClaimKind::Injured);
    assert_eq!(ws.filter.timeline.mode, TimelineMode::Daily);
    assert!(ws.filter.timeline.log);
    assert!(ws.filter.filter.hidden_sources.contains("SANA"));
    assert!(
        ws.filter
            .filter
            .hidden_types
            .contains(&SourceType::StateMedia)
    );
    assert_eq!(ws.filter.filter.search, "observatory");
    assert_eq!(ws.corrections.place_merges["Ayn al-Arab"], "Kobane");
    assert_eq!(
        ws.files[0].path,
        Path::new("sample_data/seed_kobane_hasaka_2015.csv")
    );
}

#[test]
fn the_analysts_grade_is_exported_over_the_suggested_one_and_too_little_evidence_is_said() {
    use triangulate::core::export::tables::{TableKind, table_csv};
    let imported = import_paths(
        &[demo_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = analyze(&imported);
    let colors = source_colors(&a, &Default::default());
    let filter = Filter::default();
    let selection = Selection::new(&imported.dataset, Some(&a), &filter);
    let grades = std::collections::BTreeMap::from([("Harbor Wire".to_owned(), 'A')]);
    let data = ChartData {
        dataset: &imported.dataset,
        analysis: &a,
        colors: &colors,
        filter: &filter,
        timeline: &Default::default(),
        corrections: &triangulate::core::workspace::Corrections {
            source_grades: grades,
            ..Default::default()
        },
        selection: &selection,
        provenance: Provenance::default(),
        page_width: 1200.0,
    };
    let csv = String::from_utf8(table_csv(TableKind::Scorecard, &data, false).unwrap()).unwrap();
    let row = |name: &str| -> Vec<String> {
        let line = csv.lines().find(|l| l.starts_with(name)).unwrap();
        line.split(',').map(str::to_owned).collect()
    };
    let wire = row("Harbor Wire");
    let suggested = a
        .scorecard
        .iter()
        .find(|s| s.source == "Harbor Wire")
        .unwrap();
    assert_eq!(wire[3], "A", "the analyst's grade");
    assert_eq!(
        wire[4],
        suggested.grade.to_string(),
        "the suggestion beside it"
    );
    assert_eq!(wire[5], "analyst");
    assert_eq!(row("Civil Toll Registry")[5], "evidence");
    // A source with too little to compare is not graded: it cannot be judged, in words.
    let brigades = a
        .scorecard
        .iter()
        .find(|s| s.source == "Crescent Brigades")
        .unwrap();
    assert_eq!((brigades.grade, brigades.rate), ('F', None));
    assert!(brigades.judgement(5).starts_with("cannot be judged"));
}

#[test]
fn the_analysts_credibility_of_a_claim_is_exported_beside_the_suggestion() {
    use triangulate::core::export::tables::{TableKind, table_csv};
    let imported = import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let a = analyze(&imported);
    let colors = source_colors(&a, &Default::default());
    let filter = Filter::default();
    let selection = Selection::new(&imported.dataset, Some(&a), &filter);
    let ds = &imported.dataset;
    let first = ds.claim_id(&ds.claims[0]);
    let credibility = std::collections::BTreeMap::from([(first.clone(), 5u8)]);
    let data = ChartData {
        dataset: ds,
        analysis: &a,
        colors: &colors,
        filter: &filter,
        timeline: &Default::default(),
        corrections: &triangulate::core::workspace::Corrections {
            claim_credibility: credibility,
            ..Default::default()
        },
        selection: &selection,
        provenance: Provenance::default(),
        page_width: 1200.0,
    };
    let bytes = table_csv(TableKind::Claims, &data, false).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), ds.claims.len());
    let (set, suggested, by) = (
        at("credibility"),
        at("credibility_suggested"),
        at("credibility_set_by"),
    );
    assert_eq!(&rows[0][set], "5");
    assert_eq!(&rows[0][by], "analyst");
    assert_eq!(rows[0][suggested], a.facts[0].credibility.to_string());
    assert_eq!(&rows[1][by], "suggested");
    assert_eq!(rows[1][set], rows[1][suggested]);
}

#[test]
fn header_cells_and_fullwidth_formulas_are_guarded_and_read_back() {
    let text = "source,claim,group,count,location,event_date,=note,@other\n\
                \u{FF1D}HYPERLINK(1),killed,civilians,3,Kobane,2015-06-25,\u{FF20}x,plain\n";
    let imported = crate::fixtures::import_text("guard.csv", text);
    let ds = &imported.dataset;
    assert_eq!(ds.claims.len(), 1);
    let filter = Filter::default();
    let selection = Selection::new(ds, None, &filter);
    let table = triangulate::core::export::tables::claims_csv(ds, None, &selection, false).unwrap();
    let written = String::from_utf8(table.clone()).unwrap();
    let header = written.lines().next().unwrap();
    assert!(
        header.contains("'=note") && header.contains("'@other"),
        "{header}"
    );
    assert!(written.contains("'\u{FF1D}HYPERLINK(1)"), "{written}");
    assert!(written.contains("'\u{FF20}x"), "{written}");
    // Read back, every name and cell is as first written.
    let again = crate::fixtures::import_text("again.csv", &written);
    let ds2 = &again.dataset;
    assert_eq!(ds2.str(ds2.claims[0].source), "\u{FF1D}HYPERLINK(1)");
    assert_eq!(ds2.extra_column_names(), ds.extra_column_names());
    assert_eq!(ds2.extra(&ds2.claims[0], "=note"), Some("\u{FF20}x"));
}

#[test]
fn bounds_qualifiers_and_no_side_read_back_from_the_claims_table() {
    let text = "source,side,claim,group,count,low,high,qualifier,location,event_date\n\
                SANA,none,killed,civilians,,10,15,,Kobane,2015-06-25\n\
                SOHR,,killed,civilians,more than 13,,,,Kobane,2015-06-25\n\
                VDC,,killed,civilians,,7,,,Kobane,2015-06-25\n\
                SOHR,,killed,civilians,20,,,about,Kobane,2015-06-26\n";
    let first = crate::fixtures::import_text("bounds.csv", text);
    let ds = &first.dataset;
    let selection = Selection::new(ds, None, &Filter::default());
    let table = triangulate::core::export::tables::claims_csv(ds, None, &selection, false).unwrap();
    let again = crate::fixtures::import_text("again.csv", std::str::from_utf8(&table).unwrap());
    let ds2 = &again.dataset;
    assert_eq!(ds2.claims.len(), 4, "{:?}", again.report.files[0].rejected);
    for (a, b) in ds.claims.iter().zip(&ds2.claims) {
        assert_eq!(a.quantity, b.quantity, "{}", ds.str(a.source));
        assert_eq!(
            a.side.map(|s| ds.str(s)),
            b.side.map(|s| ds2.str(s)),
            "{}",
            ds.str(a.source)
        );
    }
    assert_eq!(ds.claims[0].side, None, "SANA said to have no side");
}

#[test]
fn a_chart_title_names_the_places_and_dates_kept() {
    use triangulate::core::export::where_and_when;
    use triangulate::core::view::filter::Filter;
    let mut filter = Filter::default();
    assert_eq!(where_and_when(&filter), "");
    filter.places.insert("Hasaka".to_owned());
    assert_eq!(where_and_when(&filter), " in Hasaka");
    filter.from = chrono::NaiveDate::from_ymd_opt(2015, 6, 1);
    filter.to = chrono::NaiveDate::from_ymd_opt(2015, 6, 30);
    assert_eq!(
        where_and_when(&filter),
        " in Hasaka, 1 June 2015 to 30 June 2015"
    );
    filter.places.clear();
    assert_eq!(where_and_when(&filter), " (1 June 2015 to 30 June 2015)");
}

#[test]
fn the_report_of_the_seed_gives_each_finding_with_both_statements_the_outlet_and_the_date() {
    use triangulate::core::export::svg::escape;
    let dir = Fixtures::new();
    let out = dir.path().join("seed.html");
    ok(&[
        "report",
        seed_path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    let imported = import_paths(&[seed_path()], &Default::default());
    let a = analyze(&imported);
    let findings = triangulate::core::view::findings::findings(&imported.dataset, &a);
    assert_eq!(findings.len(), 2);
    let section = html
        .split("<h2>Findings</h2>")
        .nth(1)
        .expect("a Findings section");
    let section = section.split("<h2>").next().unwrap_or_default();
    for f in &findings {
        let at = section
            .find(&escape(&f.title))
            .unwrap_or_else(|| panic!("{} is in the report", f.title));
        let card = &section[at..];
        let card = card.split("</section>").next().unwrap_or_default();
        let ds = &imported.dataset;
        let claims = [f.witnesses(ds, &a, 0, None), f.witnesses(ds, &a, 1, None)];
        for w in claims.iter().flatten() {
            let stored = ds.quote(&ds.claims[w.claim as usize]);
            assert!(!stored.is_empty());
            assert!(
                card.contains(&escape(stored)),
                "{}'s statement as stored",
                w.claimant
            );
            assert!(
                card.contains(&format!(
                    "{} via VICE News, 25 June 2015",
                    escape(&w.claimant)
                )),
                "{} via VICE News, with the date",
                w.claimant
            );
        }
    }
    // Both questions, the first first.
    let hasaka = section.find("Who holds Hasaka").unwrap();
    let origin = section
        .find("Where the attack on Kobane came from")
        .unwrap();
    assert!(hasaka < origin);
}

const LINKS: &str = "\
dataset,source,claim,group,count,location,event_date,outlet,url,quote
synthetic,Orvane Casualty Observatory,killed,civilians,40,Esk Maran,2023-01-01,Harbor Wire,javascript:alert(1),forty dead
synthetic,Veldaran State News,killed,civilians,3,Esk Maran,2023-01-01,Meridian Daily,https://example.org/a?x=1&y=\"2\",three dead
";

#[test]
fn the_report_links_articles_only_by_web_links_escaped() {
    let dir = Fixtures::new();
    let input = dir.write("links.csv", LINKS);
    let out = dir.path().join("links.html");
    ok(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("forty dead") && html.contains("three dead"),
        "one finding, both quotes"
    );
    assert!(
        !html.to_lowercase().contains("href=\"javascript"),
        "never a script link"
    );
    assert!(
        html.contains("href=\"https://example.org/a?x=1&amp;y=&quot;2&quot;\""),
        "a web link, escaped"
    );
}

/// A workspace over the seed in which the analyst excluded SANA's denial ("a re-quote") and
/// verified the car bomb's origin.
fn judged_workspace(dir: &Fixtures) -> PathBuf {
    use triangulate::core::model::judgement::{Mark, Verdict};
    use triangulate::core::workspace::{Corrections, Workspace};
    let imported = import_paths(&[seed_path()], &Default::default());
    let ds = &imported.dataset;
    let a = analyze(&imported);
    let findings = triangulate::core::view::findings::findings(ds, &a);
    let sana = &findings[0].witnesses(ds, &a, 1, None)[0];
    assert_eq!(sana.claimant, "SANA");
    let mut corrections = Corrections::default();
    corrections.claim_marks.insert(
        sana.claim_id.clone(),
        Mark {
            verdict: Some(Verdict::Excluded),
            note: "a re-quote".to_owned(),
        },
    );
    corrections.finding_marks.insert(
        findings[1].id.clone(),
        Mark {
            verdict: Some(Verdict::Verified),
            note: "CCTV shows the pickup".to_owned(),
        },
    );
    let ws = dir.path().join("judged.triangulate.json");
    Workspace::new(&[seed_path()], Default::default(), corrections)
        .unwrap()
        .save(&ws)
        .unwrap();
    ws
}

#[test]
fn the_analysts_exclusions_and_verdicts_are_shown_in_exports() {
    let dir = Fixtures::new();
    let ws = judged_workspace(&dir);
    let html_path = dir.path().join("judged.html");
    ok(&[
        "report",
        "--workspace",
        ws.to_str().unwrap(),
        "--out",
        html_path.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(
        html.contains("Excluded by the analyst: 1 claim"),
        "the report says so"
    );
    assert!(
        !html.contains("Who holds Hasaka"),
        "the excluded claim's finding is gone"
    );
    assert!(html.contains("The analyst: verified: CCTV shows the pickup"));
    let svg = dir.path().join("judged.svg");
    ok(&[
        "export",
        "--workspace",
        ws.to_str().unwrap(),
        "--chart",
        "timeline",
        "--out",
        svg.to_str().unwrap(),
    ]);
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg.contains("Excluded by the analyst: 1 claim"),
        "and so does each chart"
    );
    // The killed claims the timeline shows, all published by VICE News that day.
    assert!(
        svg.contains("Reporting: VICE News (6 claims, 25 June 2015)"),
        "the outlet behind the claims"
    );
}

#[test]
fn the_claims_table_says_which_claims_the_analyst_excluded_and_why() {
    let dir = Fixtures::new();
    let ws = judged_workspace(&dir);
    let table = dir.path().join("judged.csv");
    ok(&[
        "export",
        "--workspace",
        ws.to_str().unwrap(),
        "--table",
        "claims",
        "--out",
        table.to_str().unwrap(),
    ]);
    let mut rows = csv::Reader::from_path(&table).unwrap();
    let header = rows.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, verdict, note) = (at("source"), at("analyst_verdict"), at("analyst_note"));
    let judged: Vec<(String, String, String)> = rows
        .records()
        .map(|r| r.unwrap())
        .filter(|r| !r[verdict].is_empty())
        .map(|r| (r[id].to_owned(), r[verdict].to_owned(), r[note].to_owned()))
        .collect();
    assert_eq!(
        judged,
        [(
            "state-run SANA news agency".to_owned(),
            "excluded".to_owned(),
            "a re-quote".to_owned()
        )],
        "the claims table says which claim the analyst excluded, and why"
    );
}

#[test]
fn an_oversized_export_fails_fast_with_a_message() {
    let dir = Fixtures::new();
    let out = dir.path().join("huge.png");
    let seed = seed_path().display().to_string();
    let path = out.display().to_string();
    // Drawing it would try to allocate 102 GB and abort the process: it is refused first.
    let (code, _, err) = triangulate(&[
        "export", &seed, "--chart", "timeline", "--width", "20000", "--height", "20000", "--scale",
        "8", "--out", &path,
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("25600 megapixels") && err.contains("at most 100"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    // The same size as SVG has no pixels to allocate, and is drawn.
    let svg = dir.path().join("huge.svg").display().to_string();
    ok(&[
        "export", &seed, "--chart", "timeline", "--width", "20000", "--height", "20000", "--out",
        &svg,
    ]);
    // In the core, before anything: a page the core is asked to draw is checked first.
    let style = triangulate::core::export::ChartStyle {
        page: triangulate::core::export::svg::Page {
            width: 20_000.0,
            height: 20_000.0,
            dark: false,
        },
        scale: 8.0,
    };
    assert!(
        style
            .check(triangulate::core::export::ChartFormat::Png)
            .is_err()
    );
    assert!(
        style
            .check(triangulate::core::export::ChartFormat::Svg)
            .is_ok()
    );
}

#[test]
fn the_pivots_totals_equal_the_daily_totals_summed() {
    use triangulate::core::charts::{Period, TimelineMode, TimelineSettings, pivot, timeline};
    use triangulate::core::model::ClaimKind;
    let imported = import_paths(&[demo_path()], &Default::default());
    let (ds, a) = (&imported.dataset, analyze(&imported));
    let selection = Selection::new(ds, Some(&a), &Filter::default());
    for kind in [ClaimKind::Killed, ClaimKind::Injured] {
        let settings = TimelineSettings {
            kind,
            mode: TimelineMode::Daily,
            log: false,
            ..Default::default()
        };
        let daily = timeline(
            ds,
            &a,
            &source_colors(&a, &Default::default()),
            &settings,
            &selection,
        );
        assert!(!daily.series.is_empty());
        for period in [Period::Week, Period::Month] {
            let table = pivot(ds, &a, (kind, period), &selection);
            assert!(
                table
                    .rows
                    .iter()
                    .all(|r| period.start(r.period) == r.period)
            );
            for s in &daily.series {
                let by_day: f64 = s.points.iter().map(|p| p[1]).sum();
                let by_period: f64 = table
                    .rows
                    .iter()
                    .filter(|r| r.source == s.source)
                    .map(|r| r.total)
                    .sum();
                assert!(
                    (by_day - by_period).abs() < 1e-6,
                    "{} {kind:?} per {period:?}: {by_day} by day, {by_period} by period",
                    s.source
                );
            }
        }
    }
    // The command line writes it, one row per period, source and place.
    let dir = Fixtures::new();
    let out = dir.path().join("pivot.csv");
    let demo = demo_path().display().to_string();
    ok(&[
        "export",
        &demo,
        "--table",
        "pivot",
        "--period",
        "week",
        "--out",
        out.to_str().unwrap(),
    ]);
    let mut rows = csv::Reader::from_path(&out).unwrap();
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "period_start",
            "period",
            "claim",
            "source",
            "place",
            "total",
            "events"
        ]
    );
    let weeks: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let expected = pivot(ds, &a, (ClaimKind::Killed, Period::Week), &selection);
    assert_eq!(weeks.len(), expected.rows.len());
    assert!(weeks.iter().all(|r| &r[1] == "week" && &r[2] == "killed"));
}

#[test]
fn the_map_draws_a_province_as_a_dashed_area_and_credits_its_borders() {
    use triangulate::core::export::figure::Mark;
    let figures = figures(&seed_path());
    let map = figures
        .iter()
        .find(|f| f.title.starts_with("Events on the map"))
        .expect("a map figure");
    let marks: Vec<&Mark> = map.series.iter().flat_map(|s| &s.marks).collect();
    let areas = marks
        .iter()
        .filter(|m| matches!(m, Mark::Area { .. }))
        .count();
    let borders = marks
        .iter()
        .filter(|m| matches!(m, Mark::Border { .. }))
        .count();
    assert_eq!(
        areas, 1,
        "Daraa province, the seed's one event placed to an area"
    );
    assert!(borders > 50, "{borders} arcs of border");
    assert!(map.equal_aspect);
    assert!(
        map.notes
            .iter()
            .any(|n| n.contains("Daraa Governorate (the province)"))
    );
    let svg = render_svg(map, &Page::default());
    assert!(svg.contains("stroke-dasharray=\"6 4\""));
    let words = texts(&svg).join("\n");
    assert!(words.contains("Natural Earth"), "{words}");
    assert!(words.contains("drawn de facto"));
}

#[test]
fn the_map_and_the_pivot_export_from_the_command_line() {
    let dir = Fixtures::new();
    for (chart, extra) in [("map", vec![]), ("pivot", vec!["--period", "week"])] {
        let out = dir.path().join(format!("{chart}.png"));
        export_chart(&seed_path(), chart, &out, &extra);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "{chart}");
        let svg = dir.path().join(format!("{chart}.svg"));
        export_chart(&demo_path(), chart, &svg, &extra);
        let text = std::fs::read_to_string(&svg).unwrap();
        let title = if chart == "map" {
            "Events on the map"
        } else {
            "Killed: totals per week by source"
        };
        assert!(text.contains(title), "{chart}");
    }
}

#[test]
fn small_multiples_split_the_timeline_by_group_and_by_place_losing_no_claim() {
    use triangulate::core::charts::{TimelineSettings, TimelineSplit, timeline, timeline_panels};
    let imported = import_paths(
        &[seed_path()],
        &triangulate::core::import::ImportOptions::default(),
    );
    let (ds, a) = (&imported.dataset, analyze(&imported));
    let colors = source_colors(&a, &Default::default());
    let selection = Selection::new(ds, Some(&a), &Filter::default());
    let whole = timeline(ds, &a, &colors, &TimelineSettings::default(), &selection);
    for (split, expected) in [
        (TimelineSplit::Group, "civilians"),
        (TimelineSplit::Place, "Kobane"),
    ] {
        let settings = TimelineSettings {
            split,
            ..Default::default()
        };
        let panels = timeline_panels(ds, &a, &colors, &settings, &selection);
        assert!(panels.len() >= 2, "{split:?}: {} panels", panels.len());
        assert!(panels.iter().any(|p| p.title == expected), "{split:?}");
        let points: usize = panels.iter().map(|p| p.chart.points).sum();
        assert_eq!(points, whole.points, "{split:?}: every claim in one panel");
        // No panel mixes two groups (or two places).
        for p in &panels {
            for s in &p.chart.series {
                for &c in &s.claims {
                    let facts = &a.facts[c as usize];
                    let key = match split {
                        TimelineSplit::Group => {
                            match triangulate::core::analysis::groups::family(&facts.group) {
                                "all" => "all (no group named)".to_owned(),
                                family => family.to_owned(),
                            }
                        }
                        TimelineSplit::None | TimelineSplit::Place => {
                            a.events[facts.event.unwrap() as usize].location.clone()
                        }
                    };
                    assert_eq!(key, p.title);
                }
            }
        }
    }
    // Exported, each panel is drawn under the one title.
    let dir = Fixtures::new();
    let out = dir.path().join("groups.svg");
    export_chart(&seed_path(), "timeline", &out, &["--split", "group"]);
    let svg = std::fs::read_to_string(&out).unwrap();
    let words = texts(&svg);
    assert!(words.iter().any(|t| t == "civilians"), "{words:?}");
    let nested = svg.matches("<svg x=").count();
    assert!(nested >= 2, "{nested} panels");
    assert_eq!(svg.matches("<svg ").count(), 1 + nested);
}
