//! An input to import: a file on disk, or sample data built into the binary.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::core::files::{sha256_bytes, sha256_file};

/// The most a stream is read into memory.
const STREAM_LIMIT: u64 = 4 << 30;

/// Where an input's bytes come from.
#[derive(Clone, Debug)]
enum InputData {
    Path(PathBuf),
    Embedded(&'static [u8]),
    /// Standard input (`-`), read once.
    Stdin,
    /// A stream (standard input, a FIFO) already read into memory, since it can be read
    /// only once.
    Read(std::sync::Arc<[u8]>),
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
        if path.as_os_str() == "-" {
            return Self {
                name: "standard input".to_owned(),
                data: InputData::Stdin,
            };
        }
        Self {
            name: path.display().to_string(),
            data: InputData::Path(path),
        }
    }

    /// Bytes already in memory (a generated file, a paste), named as reports show them.
    pub fn bytes(name: &str, bytes: Vec<u8>) -> Self {
        Self {
            name: name.to_owned(),
            data: InputData::Read(bytes.into()),
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
            InputData::Embedded(_) | InputData::Stdin | InputData::Read(_) => &self.name,
        }
    }

    /// The input ready to be read several times: a stream (standard input, a FIFO, a
    /// device) is read into memory once; a regular file or embedded data is itself.
    pub fn read_once(&self) -> std::io::Result<Self> {
        let stream: Box<dyn Read> = match &self.data {
            InputData::Stdin => Box::new(std::io::stdin()),
            InputData::Path(p) if !std::fs::metadata(p)?.is_file() => {
                if !is_stream(&std::fs::metadata(p)?) {
                    return Err(std::io::Error::other(
                        "not a regular file or a pipe (a device or a folder)",
                    ));
                }
                Box::new(std::fs::File::open(p)?)
            }
            InputData::Path(_) | InputData::Embedded(_) | InputData::Read(_) => {
                return Ok(self.clone());
            }
        };
        let mut bytes = Vec::new();
        stream.take(STREAM_LIMIT + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > STREAM_LIMIT {
            return Err(std::io::Error::other(format!(
                "a stream longer than {} GiB is not read; save it to a file",
                STREAM_LIMIT >> 30
            )));
        }
        Ok(Self {
            name: self.name.clone(),
            data: InputData::Read(bytes.into()),
        })
    }

    /// The SHA-256 of the input's bytes, in hex.
    pub fn sha256(&self) -> std::io::Result<String> {
        match &self.data {
            InputData::Path(p) => sha256_file(p),
            InputData::Embedded(bytes) => Ok(sha256_bytes(bytes)),
            InputData::Read(bytes) => Ok(sha256_bytes(bytes)),
            InputData::Stdin => Err(std::io::Error::other("standard input is not read yet")),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match &self.data {
            InputData::Path(p) => Some(p),
            InputData::Embedded(_) | InputData::Stdin | InputData::Read(_) => None,
        }
    }

    pub(crate) fn open(&self) -> std::io::Result<Box<dyn Read + Send>> {
        Ok(match &self.data {
            InputData::Path(p) => Box::new(std::fs::File::open(p)?),
            InputData::Embedded(bytes) => Box::new(*bytes),
            InputData::Read(bytes) => Box::new(std::io::Cursor::new(std::sync::Arc::clone(bytes))),
            InputData::Stdin => Box::new(std::io::stdin()),
        })
    }

    pub(crate) fn len(&self) -> Option<u64> {
        match &self.data {
            InputData::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            InputData::Embedded(bytes) => Some(bytes.len() as u64),
            InputData::Read(bytes) => Some(bytes.len() as u64),
            InputData::Stdin => None,
        }
    }

    /// Up to `max` bytes from the start.
    pub(crate) fn sample(&self, max: usize) -> std::io::Result<Vec<u8>> {
        let mut sample = Vec::with_capacity(max);
        self.open()?.take(max as u64).read_to_end(&mut sample)?;
        Ok(sample)
    }
}

/// Whether a file that is not a regular one is a pipe (a FIFO, a shell's `<(…)`) that can be
/// read to its end, rather than a device or a folder.
#[cfg(unix)]
fn is_stream(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo() || meta.file_type().is_socket()
}

#[cfg(not(unix))]
fn is_stream(meta: &std::fs::Metadata) -> bool {
    !meta.is_dir()
}
