//! Integration tests, in one binary to save link time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analysis;
mod cli;
mod crowds;
mod evaluation;
mod export;
mod extract_input;
mod extraction;
mod fixtures;
mod formats;
mod import_cases;
mod layout;
mod realdata;
mod reporting;
mod roundtrip;
mod seed;
mod stray_quotes;
mod ui;
