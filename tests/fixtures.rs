//! Small helpers that write fixture files and import them.

use std::path::{Path, PathBuf};

use triangulate::core::import::{ImportOptions, Imported, Input, import};
use triangulate::core::progress::Progress;

pub const HEADER: &str = "source,claim,group,count,location,event_date,outlet,quote";

/// A temporary folder holding fixture files, removed when dropped.
pub struct Fixtures {
    dir: tempfile::TempDir,
}

impl Fixtures {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

pub fn import_paths(paths: &[PathBuf], options: &ImportOptions) -> Imported {
    let inputs: Vec<Input> = paths.iter().map(Input::file).collect();
    import(&inputs, options, &Progress::default()).expect("not cancelled")
}

/// Writes `content` as one file and imports it.
pub fn import_text(name: &str, content: &str) -> Imported {
    let fixtures = Fixtures::new();
    let path = fixtures.write(name, content);
    import_paths(&[path], &ImportOptions::default())
}

pub fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data/seed_kobane_hasaka_2015.csv")
}
