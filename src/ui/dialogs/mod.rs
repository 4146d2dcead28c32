//! Windows over the main one: opening files, exporting, merging names, workspaces and help.

pub mod export;
pub mod help;
pub mod merge;
pub mod open_files;
pub mod workspace;
