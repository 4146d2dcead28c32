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
    /// The picture asked for has more pixels than may be drawn.
    #[error(
        "a {width}×{height} chart at scale {scale} is {megapixels} megapixels; at most {limit} \
         can be drawn: make it smaller, lower --scale, or export SVG"
    )]
    TooLarge {
        width: u32,
        height: u32,
        scale: f32,
        megapixels: u64,
        limit: u64,
    },
    /// A table could not be written as CSV.
    #[error("{0}")]
    Table(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}
