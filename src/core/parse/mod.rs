//! The parsing rules for what a claim's cells say: dates, quantities as written, and text.

pub mod dates;
pub mod quantity;
pub mod text;
