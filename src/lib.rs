//! Triangulate: import article extractions, compare what each source claims, export findings.

pub mod cli;
pub mod core;
pub mod synth;
pub mod ui;
