//! Frame cost of the real app on a large file, driven headless through egui_kittest: CPU time
//! of the egui pass (layout) plus tessellation for the Findings, Timeline, Map, Pivot, Events and
//! Discrepancies tabs, and the peak memory with
//! everything loaded and analysed.
//!
//! `cargo bench --bench frame` (1,000,000 rows); `TRIANGULATE_BENCH_ROWS=N` for another size.

use std::time::{Duration, Instant};
use triangulate::ui::{FilterCommand, NavCommand};

use egui_kittest::Harness;
use triangulate::ui::{Command, Startup, Tab, TriangulateApp};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// The cost of 30 frames as drawn now: the egui pass and tessellation, in milliseconds.
fn frame_costs(harness: &mut Harness<'_, TriangulateApp>) -> Vec<f64> {
    (0..30)
        .map(|_| {
            let start = Instant::now();
            harness.step();
            let output = harness.output().clone();
            let _meshes = harness
                .ctx
                .tessellate(output.shapes, output.pixels_per_point);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// How long the pivot of the loaded data takes (killed, per month, source and place).
fn pivot_figure(app: &TriangulateApp) {
    let (Some(ds), Some(a)) = (app.dataset(), app.analysis()) else {
        return;
    };
    use triangulate::core::charts::{Period, pivot};
    let selection =
        triangulate::core::view::selection::Selection::new(ds, Some(a), &Default::default());
    let start = Instant::now();
    let kind = triangulate::core::model::ClaimKind::Killed;
    let table = pivot(ds, a, (kind, Period::Month), &selection);
    println!(
        "pivot of killed per month, source and place: {} rows in {:.0} ms",
        table.rows.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
}

/// The frame cost of each tab, as drawn with everything loaded.
fn tab_frames(harness: &mut Harness<'_, TriangulateApp>) {
    let points = harness.state().timeline().map_or(0, |t| t.points);
    let findings = harness.state().finding_rows().len();
    let map_events = harness.state().map().events.len();
    let pivot_rows = harness.state().pivot_rows();
    for (tab, what) in [
        (Tab::Findings, format!("{findings} findings")),
        (Tab::Timeline, format!("{points} points")),
        (Tab::Map, format!("{map_events} events")),
        (Tab::Pivot, format!("{pivot_rows} rows")),
        (Tab::Events, "the most disputed event".to_owned()),
        (Tab::Discrepancies, "every discrepancy".to_owned()),
    ] {
        harness
            .state_mut()
            .send(Command::Nav(NavCommand::SetTab(tab)));
        harness.run_steps(3);
        let mut costs = frame_costs(harness);
        costs.sort_by(f64::total_cmp);
        println!(
            "{} frame (layout + tessellation), {what}: median {:.2} ms, p90 {:.2} ms (target: at most 8 ms)",
            tab.title(),
            costs[costs.len() / 2],
            costs[costs.len() * 9 / 10]
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // As the app does, so that the memory figures are the app's.
    triangulate::cli::allocator::return_freed_memory();
    let (path, rows) =
        triangulate::synth::bench_file(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))?;
    let started = Instant::now();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| TriangulateApp::new(cc, Startup::files(vec![path.clone()])));
    let mut frames_while_loading = 0u32;
    while harness.state().is_busy() {
        harness.step();
        frames_while_loading += 1;
        std::thread::sleep(Duration::from_millis(20));
        if started.elapsed() > Duration::from_secs(300) {
            return Err("import and analysis did not finish in 300 s".into());
        }
    }
    println!(
        "{rows} rows imported and analysed in {:.1} s; {frames_while_loading} frames drawn meanwhile",
        started.elapsed().as_secs_f64()
    );
    harness.run_steps(3);
    pivot_figure(harness.state());
    tab_frames(&mut harness);
    harness
        .state_mut()
        .send(Command::Nav(NavCommand::SetTab(Tab::Timeline)));
    harness.run_steps(3);
    // A filter change: the selection is worked out off the UI thread, then the lists, the
    // timeline and the table's rows are rebuilt once.
    for (what, command) in [
        (
            "a text search",
            Command::Filter(FilterCommand::SetSearch("seized".to_owned())),
        ),
        ("clearing it", Command::Filter(FilterCommand::ClearSearch)),
        (
            "hiding a source",
            Command::Filter(FilterCommand::ToggleSource("Harbor Wire".to_owned())),
        ),
    ] {
        harness.state_mut().send(command);
        let start = Instant::now();
        harness.step();
        let frame = start.elapsed().as_secs_f64() * 1000.0;
        let (mut frames, mut longest) = (1, frame);
        loop {
            let busy = harness.state().is_busy();
            std::thread::sleep(Duration::from_millis(5));
            let step = Instant::now();
            harness.step();
            longest = longest.max(step.elapsed().as_secs_f64() * 1000.0);
            frames += 1;
            if !busy {
                break;
            }
        }
        println!(
            "{what}: next frame {frame:.1} ms, longest {longest:.1} ms; applied in {:.0} ms over {frames} frames ({} claims shown)",
            start.elapsed().as_secs_f64() * 1000.0,
            harness.state().visible_rows().len()
        );
    }
    println!(
        "peak RSS with the data loaded and analysed: {:.0} MiB (target: at most 400 MB)",
        peak_rss_mib()
    );
    Ok(())
}
