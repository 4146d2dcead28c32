//! The pure core: model, import, analysis and export, with no user interface in it.
//!
//! Lower layers never name higher ones: `model` and `parse` know nothing else; `import` builds
//! a `model::Dataset`; `analysis` reads it; `view` chooses what is shown; `charts` turn that
//! into plain chart data; `export` and `printers` write it out.

pub mod analysis;
pub mod charts;
pub mod export;
pub mod extract;
pub mod files;
pub mod import;
pub mod model;
pub mod parse;
pub mod printers;
pub mod progress;
pub mod view;
pub mod workspace;
