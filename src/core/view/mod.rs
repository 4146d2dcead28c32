//! What the window, the exports and `analyze` show of a dataset: the filter, which claims it
//! keeps, the claims table's rows and the summary of sources.

pub mod analyzed;
pub mod claim_record;
pub mod claim_rows;
pub mod discrepancies;
pub mod event_edits;
pub mod filter;
pub mod findings;
pub mod palette;
pub mod selection;
pub mod sources;
