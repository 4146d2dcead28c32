//! Windows over the main one: opening files, mapping a file's columns, exporting, merging
//! names, workspaces, help, and claims proposed from an article.

pub mod export;
pub mod extract;
pub mod help;
pub mod mapping;
pub mod merge;
pub mod open_files;
pub mod workspace;
