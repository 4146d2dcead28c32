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
    /// Only a regular file is replaced: a device, a pipe or a folder (or a link to one) is
    /// left as it is.
    #[error("{}: {what}, not a regular file: not replaced", path.display())]
    NotAFile { path: PathBuf, what: String },
    #[error("{}: cannot write a temporary file beside it: {source}", path.display())]
    Temporary {
        path: PathBuf,
        source: std::io::Error,
    },
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

/// What [`write_atomic`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    New,
    /// A file replaced, its permissions kept.
    Replaced,
    /// The path was a link to this regular file, which was replaced (the link kept).
    ThroughLink(PathBuf),
}

impl Written {
    /// What a user should be told beyond "saved", if anything.
    pub fn note(&self) -> Option<String> {
        match self {
            Self::New | Self::Replaced => None,
            Self::ThroughLink(real) => Some(format!("(through a link, to {})", real.display())),
        }
    }
}

/// Writes `bytes` to `path` atomically: to a temporary file beside it, then renamed over it.
/// With [`Overwrite::No`] an existing path is an error. With [`Overwrite::Yes`] only a
/// regular file is replaced, keeping its permissions; a link to a regular file is written
/// through; a device, a pipe, a folder, or a link to one, is refused.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    overwrite: Overwrite,
) -> Result<Written, WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    let (target, written) = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (path.to_owned(), Written::New),
        Err(e) => return Err(io(e)),
        Ok(_) if overwrite == Overwrite::No => return Err(WriteError::Exists(path.to_owned())),
        Ok(meta) if meta.file_type().is_symlink() => {
            let followed = std::fs::metadata(path).map_err(io)?;
            if !followed.is_file() {
                return Err(WriteError::NotAFile {
                    path: path.to_owned(),
                    what: format!("a link to {}", kind_of(&followed)),
                });
            }
            let real = std::fs::canonicalize(path).map_err(io)?;
            (real.clone(), Written::ThroughLink(real))
        }
        Ok(meta) if meta.is_file() => (path.to_owned(), Written::Replaced),
        Ok(meta) => {
            return Err(WriteError::NotAFile {
                path: path.to_owned(),
                what: kind_of(&meta),
            });
        }
    };
    let kept = match written {
        Written::New => None,
        Written::Replaced | Written::ThroughLink(_) => {
            std::fs::metadata(&target).ok().map(|m| m.permissions())
        }
    };
    let tmp = temp_path(&target);
    let mut file = std::fs::File::create(&tmp).map_err(|source| WriteError::Temporary {
        path: target.clone(),
        source,
    })?;
    let done = file
        .write_all(bytes)
        .and_then(|()| match kept {
            Some(permissions) => file.set_permissions(permissions),
            None => Ok(()),
        })
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, &target));
    done.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        WriteError::Io {
            path: target.clone(),
            source,
        }
    })?;
    Ok(written)
}

/// What a path that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> String {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_block_device() || kind.is_char_device() {
            return "a device".to_owned();
        }
        if kind.is_fifo() {
            return "a pipe".to_owned();
        }
        if kind.is_socket() {
            return "a socket".to_owned();
        }
    }
    if kind.is_dir() {
        "a folder".to_owned()
    } else {
        "not a regular file".to_owned()
    }
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
        assert!(matches!(error, WriteError::Temporary { .. }));
        assert!(error.to_string().contains("cannot write"), "{error}");
    }

    #[test]
    fn force_replaces_only_regular_files_keeps_permissions_and_writes_through_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.csv");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(
            write_atomic(&path, b"new", Overwrite::Yes).unwrap(),
            Written::Replaced
        );
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the file's permissions are kept");
        // A link to a regular file: the file is written, the link stays a link.
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let written = write_atomic(&link, b"through", Overwrite::Yes).unwrap();
        assert!(matches!(written, Written::ThroughLink(_)), "{written:?}");
        assert!(written.note().is_some_and(|n| n.contains("through a link")));
        assert_eq!(std::fs::read(&path).unwrap(), b"through");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A folder, a pipe and a link to a pipe are left as they are.
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let refused = write_atomic(&folder, b"x", Overwrite::Yes).unwrap_err();
        assert!(
            refused.to_string().contains("a folder, not a regular file"),
            "{refused}"
        );
        assert!(folder.is_dir());
        let fifo = dir.path().join("pipe");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            let refused = write_atomic(&fifo, b"x", Overwrite::Yes).unwrap_err();
            assert!(
                refused.to_string().contains("a pipe, not a regular file"),
                "{refused}"
            );
            let to_pipe = dir.path().join("to-pipe");
            std::os::unix::fs::symlink(&fifo, &to_pipe).unwrap();
            let refused = write_atomic(&to_pipe, b"x", Overwrite::Yes).unwrap_err();
            assert!(
                refused.to_string().contains("a link to a pipe"),
                "{refused}"
            );
            use std::os::unix::fs::FileTypeExt;
            assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        }
    }
}
