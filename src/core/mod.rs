//! The pure core: model, import, analysis and export, with no user interface in it.

pub mod analysis;
pub mod charts;
pub mod check;
pub mod dates;
pub mod export;
pub mod files;
pub mod fonts;
pub mod import;
pub mod model;
pub mod progress;
pub mod quantity;
pub mod registry;
pub mod samples;
pub mod selection;
pub mod sources;
pub mod strings;
pub mod table;
pub mod text;
pub mod workspace;
