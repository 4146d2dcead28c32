//! Files: written safely (to a temporary file beside the target, then renamed over it, so a
//! crash or a full disk never leaves half a file where the user expects a whole one), and
//! fingerprinted (SHA-256) so a workspace or a report can say which bytes it was built from.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: already exists (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    Yes,
    No,
}

/// Writes `bytes` to `path` atomically. With [`Overwrite::No`] an existing file is an error.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), WriteError> {
    if overwrite == Overwrite::No && path.exists() {
        return Err(WriteError::Exists(path.to_owned()));
    }
    let tmp = temp_path(path);
    let written = std::fs::File::create(&tmp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    written.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        WriteError::Io {
            path: path.to_owned(),
            source,
        }
    })
}

/// The SHA-256 of some bytes, in hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A small text file (a workspace, an alias table) read whole, a UTF-8 byte-order mark
/// skipped: refused, with a reason, when it is not a regular file (a FIFO, a device such as
/// `/dev/zero`), is over `limit` bytes or is not UTF-8.
pub fn read_small_text(path: &Path, limit: u64) -> std::io::Result<String> {
    let mut bytes = read_small(path, limit)?;
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::other(format!(
            "not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to() + 1
        ))
    })
}

/// A small file's bytes, read whole: refused, with a reason, when it is not a regular file
/// (a FIFO, a device such as `/dev/zero`, a folder) or is over `limit` bytes.
pub fn read_small(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a device, a pipe or a folder)",
        ));
    }
    if meta.len() > limit {
        return Err(too_big(meta.len(), limit));
    }
    read_capped(std::fs::File::open(path)?, limit)
}

/// At most `limit` bytes of a stream (standard input), refused past that.
pub fn read_capped(stream: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    stream.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_big(len: u64, limit: u64) -> std::io::Error {
    std::io::Error::other(format!(
        "{len} bytes or more, more than the {} MiB such a file may have",
        limit >> 20
    ))
}

/// The SHA-256 of a file, in hex. Only a regular file is hashed: a stream or a device
/// (`/dev/zero`) would be consumed or never end.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a device, a pipe or a folder)",
        ));
    }
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// `dir/.name.tmp-PID`: in the same directory, so the rename never crosses file systems.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_refuses_to_overwrite_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        write_atomic(&path, b"one", Overwrite::No).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let refused = write_atomic(&path, b"two", Overwrite::No).unwrap_err();
        assert!(matches!(refused, WriteError::Exists(_)));
        assert!(refused.to_string().contains("already exists"), "{refused}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", Overwrite::Yes).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let unwritable = dir.path().join("missing-dir").join("x.svg");
        let error = write_atomic(&unwritable, b"x", Overwrite::Yes).unwrap_err();
        assert!(matches!(error, WriteError::Io { .. }));
        assert!(error.to_string().contains("cannot write"), "{error}");
    }
}
