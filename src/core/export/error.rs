//! Why an export failed, as a value the caller can match on.

use std::path::PathBuf;

use crate::core::files::WriteError;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}: give the file a .svg or .png extension", .0.display())]
    UnknownExtension(PathBuf),
    #[error("no event matches the filters")]
    NoEvent,
    #[error("no event has the id '{id}' (ids look like: {examples})")]
    UnknownEvent { id: String, examples: String },
    /// The chart could not be drawn or encoded as a picture.
    #[error("{0}")]
    Render(String),
    /// A table could not be written as CSV.
    #[error("{0}")]
    Table(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}
