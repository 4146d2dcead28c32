//! An input to import: a file on disk, or sample data built into the binary.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::core::files::{sha256_bytes, sha256_file};

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
            InputData::Path(p) => sha256_file(p),
            InputData::Embedded(bytes) => Ok(sha256_bytes(bytes)),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.data {
            InputData::Path(p) => Some(p),
            InputData::Embedded(_) => None,
        }
    }

    pub(crate) fn open(&self) -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match &self.data {
            InputData::Path(p) => Box::new(std::fs::File::open(p)?),
            InputData::Embedded(bytes) => Box::new(*bytes),
        })
    }

    pub(crate) fn len(&self) -> Option<u64> {
        match &self.data {
            InputData::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            InputData::Embedded(bytes) => Some(bytes.len() as u64),
        }
    }

    /// Up to `max` bytes from the start.
    pub(crate) fn sample(&self, max: usize) -> std::io::Result<Vec<u8>> {
        let mut sample = Vec::with_capacity(max);
        self.open()?.take(max as u64).read_to_end(&mut sample)?;
        Ok(sample)
    }
}
