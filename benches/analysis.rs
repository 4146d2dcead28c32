//! The analysis of one event that many claimants speak of, as their number grows: time and
//! peak memory, and the time per claimant as a ratio to the smallest case measured in the same
//! run (a quadratic analysis shows a ratio that grows with the claimants; a linear one stays
//! near 1).
//!
//! `cargo bench --bench analysis` (50 to 100,000 claimants); `TRIANGULATE_BENCH_CLAIMANTS=N`
//! for one size.

use std::time::Instant;

use triangulate::core::import::{ImportOptions, Input, import};
use triangulate::core::progress::Progress;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn current_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // As the app does, so that the memory figures are the app's.
    triangulate::cli::allocator::return_freed_memory();
    let sizes: Vec<usize> = match std::env::var("TRIANGULATE_BENCH_CLAIMANTS") {
        Ok(v) => vec![v.parse()?],
        Err(_) => vec![50, 500, 5_000, 100_000],
    };
    let mut first_per_claimant = None;
    for n in sizes {
        let text = triangulate::synth::crowd::one_event(n);
        let imported = import(
            &[Input::bytes("crowd.csv", text.into_bytes())],
            &ImportOptions::default(),
            &Progress::default(),
        )
        .map_err(|_| "cancelled")?;
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = current_rss_mib();
        let start = Instant::now();
        let analysis = triangulate::core::analysis::analyze(
            &imported.dataset,
            &Default::default(),
            &Default::default(),
        );
        let took = start.elapsed().as_secs_f64();
        let grew = peak_rss_mib() - before;
        let per = took / n as f64;
        let ratio = per / *first_per_claimant.get_or_insert(per);
        println!(
            "one event, {n} claimants: analysed in {:.1} ms, {:.0} MiB more at peak; {} discrepancies; time per claimant {ratio:.2}x the smallest case's (target for 5,000: under 1 s and 200 MB)",
            took * 1000.0,
            grew,
            analysis.discrepancies.len(),
        );
    }
    Ok(())
}
