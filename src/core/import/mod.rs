//! Importing CSV files of article extractions into a [`Dataset`].

pub mod columns;
mod duplicates;
pub mod encoding;
mod parse;
mod read;
pub mod report;
mod row;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use encoding::{TextEncoding, encoding_for_label};
pub use report::{ColumnUse, Duplicate, FileReport, ImportReport, RowError};

use super::model::Dataset;
use super::progress::{Cancelled, Progress};
use super::registry::Registry;

/// Where an input's bytes come from.
#[derive(Clone, Debug)]
enum InputData {
    Path(PathBuf),
    Embedded(&'static [u8]),
}

/// One file to import: a path on disk, or data built into the binary.
#[derive(Clone, Debug)]
pub struct Input {
    /// How the input is named in reports: the path as given, or the embedded file's name.
    pub name: String,
    data: InputData,
}

impl Input {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        Self {
            name: path.display().to_string(),
            data: InputData::Path(path),
        }
    }

    pub fn embedded(name: &str, bytes: &'static [u8]) -> Self {
        Self {
            name: name.to_owned(),
            data: InputData::Embedded(bytes),
        }
    }

    /// The file name without its folders, as used in claim ids and captions.
    pub fn file_name(&self) -> &str {
        match &self.data {
            InputData::Path(p) => p.file_name().and_then(|n| n.to_str()).unwrap_or(&self.name),
            InputData::Embedded(_) => &self.name,
        }
    }

    /// The SHA-256 of the input's bytes, in hex.
    pub fn sha256(&self) -> std::io::Result<String> {
        match &self.data {
            InputData::Path(p) => super::workspace::sha256_file(p),
            InputData::Embedded(bytes) => Ok(super::workspace::sha256_bytes(bytes)),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.data {
            InputData::Path(p) => Some(p),
            InputData::Embedded(_) => None,
        }
    }

    fn open(&self) -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match &self.data {
            InputData::Path(p) => Box::new(std::fs::File::open(p)?),
            InputData::Embedded(bytes) => Box::new(*bytes),
        })
    }

    fn len(&self) -> Option<u64> {
        match &self.data {
            InputData::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            InputData::Embedded(bytes) => Some(bytes.len() as u64),
        }
    }

    /// Up to `max` bytes from the start.
    fn sample(&self, max: usize) -> std::io::Result<Vec<u8>> {
        let mut sample = Vec::with_capacity(max);
        self.open()?.take(max as u64).read_to_end(&mut sample)?;
        Ok(sample)
    }
}

/// Settings for an import.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportOptions {
    /// Decode every file with this encoding instead of detecting one.
    pub encoding: Option<TextEncoding>,
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
    let mut dataset = Dataset::default();
    let mut report = ImportReport::default();
    let mut target = read::Target {
        ds: &mut dataset,
        registry: Registry::builtin(),
        progress,
    };
    for input in inputs {
        progress.check()?;
        report
            .files
            .push(read::import_file(input, options, &mut target)?);
    }
    duplicates::remove_duplicates(&mut dataset, &mut report);
    dataset.revision = next_revision();
    Ok(Imported { dataset, report })
}
