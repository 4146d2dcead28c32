//! The command line's reports: `check` and `analyze`, as text and as JSON.

pub mod analyze;
pub mod check;
