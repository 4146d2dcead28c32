//! One module per tab. Each view is a function that reads what it is given and pushes
//! commands; none of them changes state or works anything out beyond laying it out.

pub mod claims;
pub mod discrepancies;
pub mod dispute_filter;
pub mod events;
pub mod export_button;
pub mod findings;
pub mod import_report;
pub mod judgement;
pub mod sources;
#[cfg(test)]
mod tests;
pub mod timeline;
