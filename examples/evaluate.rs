//! Runs the analysis on every article of the corpus of real reporting and prints, per article
//! and per part (working, held apart), the disagreements found, missed and falsely raised.
//! Exits 1 when a part raises a false alarm at high severity or the working part finds fewer
//! than 90% of its hard disagreements.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/evaluation.rs"]
mod evaluation;

use std::process::ExitCode;

use triangulate::core::analysis::Severity;

fn main() -> ExitCode {
    let working = evaluation::evaluate_part("working");
    let apart = evaluation::evaluate_part("held_apart");
    let high = |o: &evaluation::Outcome| {
        o.false_alarms
            .iter()
            .filter(|(_, s, _)| *s == Severity::High)
            .count()
    };
    let share = working.hard_found as f64 / working.hard.max(1) as f64;
    if high(&working) + high(&apart) > 0 || share < 0.9 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
