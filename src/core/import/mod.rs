//! Importing files of article extractions into a [`Dataset`]: `input` names what to read,
//! `encoding` chooses how to decode it, `pipeline` reads it (threads, progress, the header),
//! one module under `format` per kind of file turns records into claims, `duplicates` finds
//! repeated rows and `report` says what happened to every row.

mod duplicates;
pub mod encoding;
pub mod format;
pub mod input;
pub mod lines;
pub mod pipeline;
mod records;
pub mod registry;
pub mod report;
pub mod samples;

pub use encoding::{TextEncoding, encoding_for_label};
pub use format::{Emit, FileContext, Format, Header, HeaderError};
pub use input::Input;
pub use pipeline::FormatEntry;
pub use report::{ColumnUse, Duplicate, FileReport, ImportReport, RowError};

use crate::core::import::registry::Registry;
use crate::core::model::Dataset;
use crate::core::progress::{Cancelled, Progress};

/// Settings for an import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Decode every file with this encoding instead of detecting one.
    pub encoding: Option<TextEncoding>,
    /// Read every file in this format (`--format`, a name from [`format_names`]) instead of
    /// recognising it from the header.
    pub format: Option<String>,
    /// Which of the file's columns fills which claim field (`--map claim=Kind`): `(field,
    /// column)`; the column is read as if it were named after the field.
    pub mapping: Vec<(String, String)>,
    /// Mappings the user asked to remember, each for files with exactly its header; used
    /// when no `mapping` is given.
    pub remembered: Vec<RememberedMapping>,
    /// Read at most this many data rows of each file (a preview).
    pub row_limit: Option<u64>,
}

/// A column mapping kept for files whose header is exactly `header`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RememberedMapping {
    pub header: Vec<String>,
    /// `(field, column)` pairs, as `--map` takes them.
    pub mapping: Vec<(String, String)>,
}

/// A `--map` (or remembered mapping) that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("'{0}' is not field=Column")]
    NotAPair(String),
    #[error(
        "'{0}' is not a claim field; the fields are: {fields}",
        fields = format::claims::columns::Field::ALL.map(format::claims::columns::Field::name).join(", ")
    )]
    UnknownField(String),
}

impl ImportOptions {
    /// Parses `--map`'s `field=Column,field=Column`; an unknown field is an error.
    pub fn parse_mapping(text: &str) -> Result<Vec<(String, String)>, MappingError> {
        use format::claims::columns::Field;
        text.split(',')
            .filter(|pair| !pair.trim().is_empty())
            .map(|pair| {
                let (field, column) = pair
                    .split_once('=')
                    .ok_or_else(|| MappingError::NotAPair(pair.to_owned()))?;
                let key = crate::core::parse::text::header_key(field);
                let field = Field::ALL
                    .into_iter()
                    .find(|f| crate::core::parse::text::header_key(f.name()) == key)
                    .ok_or_else(|| MappingError::UnknownField(field.trim().to_owned()))?;
                Ok((field.name().to_owned(), column.trim().to_owned()))
            })
            .collect()
    }
}

/// The claims read from a set of files, with the report of what happened to every row.
pub struct Imported {
    pub dataset: Dataset,
    pub report: ImportReport,
}

/// A revision number never used before in this process, so views derived from one dataset are
/// never mistaken for another's.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Imports `inputs` in order into one dataset. Files that cannot be read are reported and
/// skipped; the others import as usual. Only cancellation stops the whole import.
pub fn import(
    inputs: &[Input],
    options: &ImportOptions,
    progress: &Progress,
) -> Result<Imported, Cancelled> {
    import_as(inputs, options, &builtin_formats(), progress)
}

/// The formats the importer knows, most specific first; the last (the claims CSV) reads any
/// header and says what is missing.
pub fn builtin_formats() -> Vec<FormatEntry> {
    use format::translate::Translated;
    vec![
        FormatEntry::of::<Translated<format::ucdp::Ucdp>>(),
        FormatEntry::of::<Translated<format::acled::Acled>>(),
        FormatEntry::of::<Translated<format::ibc::Ibc>>(),
        FormatEntry::of::<Translated<format::person_list::PersonList>>(),
        FormatEntry::of::<format::claims::ClaimsCsv>(),
    ]
}

/// The names `--format` takes, in the order formats are tried.
pub fn format_names() -> Vec<&'static str> {
    builtin_formats().iter().map(|f| f.name).collect()
}

/// Imports `inputs`, reading each file in the first of `formats` that recognises its header.
pub fn import_as(
    inputs: &[Input],
    options: &ImportOptions,
    formats: &[FormatEntry],
    progress: &Progress,
) -> Result<Imported, Cancelled> {
    let mut dataset = Dataset::default();
    let mut report = ImportReport::default();
    let mut seen = duplicates::SeenRows::default();
    let mut target = pipeline::Target {
        ds: &mut dataset,
        seen: &mut seen,
        registry: Registry::builtin(),
        progress,
        formats,
    };
    for input in inputs {
        progress.check()?;
        report
            .files
            .push(pipeline::import_file(input, options, &mut target)?);
    }
    dataset.revision = next_revision();
    Ok(Imported { dataset, report })
}
