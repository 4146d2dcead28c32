//! Import speed and memory on a large synthetic file, as the window holds it (every claim in
//! memory), compared in the same run with the floor: reading the same file's records with
//! `csv::ByteRecord` and doing nothing else.
//!
//! `cargo bench --bench import` (1,000,000 rows); `TRIANGULATE_BENCH_ROWS=N` for another size.
//! The file is made once with the synthetic generator and kept under `target/bench-data/`.

use std::time::Instant;

use triangulate::core::import::{ImportOptions, Input, import};
use triangulate::core::progress::Progress;

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Resets the peak-RSS mark so the next reading covers only what follows (Linux).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The floor: reading the file's records with `csv::ByteRecord` and nothing else; seconds
/// and records.
fn read_floor(path: &std::path::Path) -> Result<(f64, u64), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut reader = csv::ReaderBuilder::new().from_path(path)?;
    let mut record = csv::ByteRecord::new();
    let mut records = 0u64;
    while reader.read_byte_record(&mut record)? {
        records += 1;
    }
    Ok((start.elapsed().as_secs_f64(), records))
}

/// The file imported as the window holds it, and the seconds it took.
fn timed_import(
    path: &std::path::Path,
) -> Result<(triangulate::core::import::Imported, f64), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let imported = import(
        &[Input::file(path)],
        &ImportOptions::default(),
        &Progress::default(),
    )
    .map_err(|_| "cancelled")?;
    Ok((imported, start.elapsed().as_secs_f64()))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // As the app does, so that the memory figures are the app's.
    triangulate::cli::allocator::return_freed_memory();
    let (path, rows) =
        triangulate::synth::bench_file(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))?;
    let bytes = std::fs::metadata(&path)?.len();
    println!(
        "file: {} ({:.0} MB, {rows} rows)",
        path.display(),
        bytes as f64 / 1e6
    );

    // Warm the page cache so both runs read from memory.
    let _ = std::fs::read(&path)?;

    let (floor, records) = read_floor(&path)?;
    println!("csv ByteRecord read only:  {floor:.3} s ({records} records)");

    reset_peak();
    let before = peak_rss_mib().unwrap_or(0.0);
    let (imported, took) = timed_import(&path)?;
    let peak = peak_rss_mib().unwrap_or(0.0);
    let ds = &imported.dataset;
    println!(
        "import (all claims held):  {took:.3} s, {:.0} claims/s, {:.2}x the read-only floor",
        ds.claims.len() as f64 / took,
        took / floor
    );
    println!(
        "memory: peak RSS {peak:.0} MiB (was {before:.0} MiB before the import); dataset allocated {:.0} MiB (capacity, not all touched), {} claims, {} distinct strings, {} claim bytes each",
        ds.heap_bytes() as f64 / 1_048_576.0,
        ds.claims.len(),
        ds.strings.len(),
        std::mem::size_of::<triangulate::core::model::Claim>()
    );
    println!("targets: at most 1.0 s and 250 MB for 1,000,000 rows");
    assert_eq!(imported.report.imported(), rows, "every row became a claim");
    reset_peak();
    let start = Instant::now();
    let analysis =
        triangulate::core::analysis::analyze(ds, &Default::default(), &Default::default());
    let analysed = start.elapsed().as_secs_f64();
    println!(
        "analysis: {analysed:.3} s ({} events, {} discrepancies, {} questions summarised), {:.2}x the import, import and analysis {:.2}x the read-only floor; peak RSS {:.0} MiB (targets: the analysis at most the import's time, 300 MB)",
        analysis.events.len(),
        analysis.discrepancies.len(),
        analysis.summaries.len(),
        analysed / took,
        (took + analysed) / floor,
        peak_rss_mib().unwrap_or(0.0)
    );
    views_and_export(ds, analysis, analysed)?;
    drop(imported);
    if rows <= 100_000 {
        repeated(&path, floor)?;
    }
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    stray_quote(&path, dir)?;
    formats(dir)
}

/// A file whose 11th row opens a quote that nothing closes, against the same file without
/// it: the quote swallows every later row, which the import reads again, line by line.
/// Medians of 5 runs each, taken in turns.
fn stray_quote(
    path: &std::path::Path,
    dir: &std::path::Path,
) -> Result<(), Box<dyn std::error::Error>> {
    // At most 200,000 rows (a file of 50 MB and more) of the benchmark's file.
    let text = std::fs::read_to_string(path)?;
    let mut lines: Vec<&str> = text.lines().take(200_001).collect();
    let clean = dir.join("stray_quote_clean.csv");
    std::fs::write(&clean, lines.join("\n") + "\n")?;
    let row = lines.get(11).copied().unwrap_or_default();
    let cut = row.rfind(',').map_or(0, |i| i + 1);
    let stray_row = format!("{}\"{}", &row[..cut], &row[cut..]);
    if let Some(slot) = lines.get_mut(11) {
        *slot = &stray_row;
    }
    let stray = dir.join("stray_quote.csv");
    std::fs::write(&stray, lines.join("\n") + "\n")?;
    let (mut clean_s, mut stray_s) = (Vec::new(), Vec::new());
    let mut accounted = 0;
    for _ in 0..5 {
        clean_s.push(timed_import(&clean)?.1);
        let (imported, took) = timed_import(&stray)?;
        let file = &imported.report.files[0];
        accounted = file.imported + file.rejected.len() as u64 + file.duplicates.len() as u64;
        stray_s.push(took);
    }
    let (clean_m, stray_m) = (median(&mut clean_s), median(&mut stray_s));
    println!(
        "stray quote, {} rows: recovered in {stray_m:.3} s against {clean_m:.3} s clean, {:.2}x (target: at most 3x); {accounted} rows accounted for",
        lines.len() - 1,
        stray_m / clean_m
    );
    let _ = (std::fs::remove_file(clean), std::fs::remove_file(stray));
    Ok(())
}

/// What follows the analysis, as the window and the command line do it: the findings and
/// colours, the selection (a re-filter), the timeline's data, and a timeline PNG export.
fn views_and_export(
    ds: &triangulate::core::model::Dataset,
    analysis: triangulate::core::analysis::Analysis,
    analysed: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    use triangulate::core::export::{
        ChartData, ChartKind, ChartStyle, ExportRequest, ExportTarget, export, svg::Page,
    };
    use triangulate::core::view::{analyzed::Analyzed, filter::Filter, selection::Selection};
    let timed = |start: Instant| start.elapsed().as_secs_f64();
    let start = Instant::now();
    let analyzed = Analyzed::new(analysis, ds);
    let derived = timed(start);
    let filter = Filter::default();
    let start = Instant::now();
    let selection = Selection::new(ds, Some(&analyzed.analysis), &filter);
    let refilter = timed(start);
    let settings = triangulate::core::charts::timeline::TimelineSettings::default();
    let start = Instant::now();
    let chart = triangulate::core::charts::timeline::timeline(
        ds,
        &analyzed.analysis,
        &analyzed.colors,
        &settings,
        &selection,
    );
    let timeline = timed(start);
    let out = std::env::temp_dir().join(format!("triangulate-bench-{}.png", std::process::id()));
    let corrections = Default::default();
    let data = ChartData {
        dataset: ds,
        analysis: &analyzed.analysis,
        colors: &analyzed.colors,
        filter: &filter,
        timeline: &settings,
        selection: &selection,
        corrections: &corrections,
        provenance: Default::default(),
        page_width: Page::default().width,
    };
    let request = ExportRequest {
        target: ExportTarget::Chart(ChartKind::Timeline),
        path: out.clone(),
        style: ChartStyle {
            page: Page::default(),
            scale: 1.0,
        },
        event: None,
        grow: false,
        bom: false,
        overwrite: triangulate::core::files::Overwrite::Yes,
    };
    let start = Instant::now();
    export(&data, &[], &request)?;
    let png = timed(start);
    let _ = std::fs::remove_file(&out);
    println!(
        "after the analysis ({:.2} s): findings, colours and facets {derived:.3} s; a re-filter {refilter:.3} s; the timeline's data {timeline:.3} s ({} points); a timeline PNG export {png:.3} s",
        analysed, chart.points
    );
    Ok(())
}

/// A small file imported and analysed again and again, as the window does after each change:
/// the medians of 21 runs after a first one that pays for what is built once per process.
fn repeated(path: &std::path::Path, floor: f64) -> Result<(), Box<dyn std::error::Error>> {
    let (mut imports, mut analyses) = (Vec::new(), Vec::new());
    for run in 0..22 {
        let (imported, took) = timed_import(path)?;
        let start = Instant::now();
        let analysis = triangulate::core::analysis::analyze(
            &imported.dataset,
            &Default::default(),
            &Default::default(),
        );
        let analysed = start.elapsed().as_secs_f64();
        drop(analysis);
        if run > 0 {
            imports.push(took);
            analyses.push(analysed);
        }
    }
    let (import, analysis) = (median(&mut imports), median(&mut analyses));
    println!(
        "repeated (medians of 21): import {:.1} ms, analysis {:.1} ms, both {:.1} ms = {:.1}x the read-only floor (target for 10,000 claims: at most 30 ms)",
        import * 1e3,
        analysis * 1e3,
        (import + analysis) * 1e3,
        (import + analysis) / floor
    );
    Ok(())
}

/// Each compiled format on 100,000 fictional rows made from its seed file (one row repeated
/// with a new id each time): the import's time against a bare record read of the same file.
fn formats(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    const ROWS: usize = 100_000;
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz_seeds");
    // (format, seed file, the text in its data row that is numbered to keep rows apart)
    let cases = [
        ("ucdp", "ucdp.csv", "900001,"),
        ("acled", "acled.csv", "RUR1,"),
        ("ibc", "ibc.csv", "z1,"),
        ("person_list", "person_list.csv", "Fictional Person One"),
    ];
    for (format, seed, token) in cases {
        let text = std::fs::read_to_string(seeds.join(seed))?;
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default();
        let row = lines.find(|l| l.contains(token)).unwrap_or_default();
        let mut out = format!("{header}\n");
        for i in 0..ROWS {
            out.push_str(&row.replacen(
                token.trim_end_matches(','),
                &format!("{}{i}", token.trim_end_matches(',')),
                1,
            ));
            out.push('\n');
        }
        let path = dir.join(format!("bench_{format}.csv"));
        std::fs::write(&path, out)?;
        let (floor, _) = read_floor(&path)?;
        let (imported, took) = timed_import(&path)?;
        let file = &imported.report.files[0];
        assert_eq!(file.format, format);
        println!(
            "{format:<12} {ROWS} rows -> {} claims: {took:.3} s, {:.0} rows/s, {:.1}x the read-only floor ({floor:.3} s)",
            file.imported,
            ROWS as f64 / took,
            took / floor
        );
    }
    extraction_figure();
    Ok(())
}

/// How long proposing claims from an article takes: every article of the corpus of real
/// reporting, 20 times over, per 1,000 words.
fn extraction_figure() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reporting");
    let mut texts = Vec::new();
    for dir in [root.clone(), root.join("held_apart")] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(e.path().join("text.txt")) {
                texts.push(text);
            }
        }
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let info = triangulate::core::extract::ArticleInfo::default();
    let start = Instant::now();
    let mut claims = 0;
    for _ in 0..20 {
        for t in &texts {
            claims += triangulate::core::extract::extract(t, &info).len();
        }
    }
    let took = start.elapsed().as_secs_f64() / 20.0;
    println!(
        "extraction: {} articles, {words} words, {} claims in {:.1} ms: {:.2} ms per 1,000 words (target: under 20 ms)",
        texts.len(),
        claims / 20,
        took * 1000.0,
        took * 1000.0 / (words as f64 / 1000.0)
    );
    // A folder of 1,000 articles (the corpus over and over), one after another and in
    // parallel as `triangulate extract FOLDER` reads them.
    use rayon::prelude::*;
    let folder: Vec<&String> = texts.iter().cycle().take(1_000).collect();
    let start = Instant::now();
    let one: usize = folder
        .iter()
        .map(|t| triangulate::core::extract::extract(t, &info).len())
        .sum();
    let serial = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let all: usize = folder
        .par_iter()
        .map(|t| triangulate::core::extract::extract(t, &info).len())
        .sum();
    let parallel = start.elapsed().as_secs_f64();
    assert_eq!(one, all);
    println!(
        "extraction of 1,000 articles: {:.0} ms one by one, {:.0} ms in parallel on {} threads ({:.2}x)",
        serial * 1000.0,
        parallel * 1000.0,
        rayon::current_num_threads(),
        serial / parallel
    );
}

/// The middle of some timings.
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}
