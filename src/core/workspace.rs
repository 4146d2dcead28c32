//! A workspace file (`.triangulate.json`): the input files with their SHA-256, the chart
//! filter and the user's corrections, so a view can be reopened or reproduced exactly.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::analysis::{AliasKind, Aliases};
use super::charts::ChartFilter;
use super::files::{Overwrite, write_atomic};
use super::model::SourceType;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub version: u32,
    pub files: Vec<WorkspaceFile>,
    pub filter: ChartFilter,
    #[serde(flatten)]
    pub corrections: Corrections,
}

/// The user's corrections of the data: types, sides, and names that mean the same thing.
/// Kept in the workspace; every analysis applies them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    pub source_types: BTreeMap<String, SourceType>,
    /// Sources the user merged or renamed: name → the source it is.
    pub source_merges: BTreeMap<String, String>,
    /// Sides the user corrected (`None`: no side).
    pub source_sides: BTreeMap<String, Option<String>>,
    /// Places merged or renamed: name → the place it is.
    pub place_merges: BTreeMap<String, String>,
    /// Groups merged or renamed: name → the group it is.
    pub group_merges: BTreeMap<String, String>,
}

impl Corrections {
    /// The corrections as the analysis takes them.
    pub fn aliases(&self) -> Aliases {
        let mut aliases = Aliases {
            source_types: self
                .source_types
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            source_sides: self
                .source_sides
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            ..Aliases::default()
        };
        for (name, means) in &self.source_merges {
            aliases.add(AliasKind::Source, name, means);
        }
        for (name, means) in &self.place_merges {
            aliases.add(AliasKind::Place, name, means);
        }
        for (name, means) in &self.group_merges {
            aliases.add(AliasKind::Group, name, means);
        }
        aliases
    }

    /// The merges of one kind.
    pub fn merges(&self, kind: AliasKind) -> &BTreeMap<String, String> {
        match kind {
            AliasKind::Source => &self.source_merges,
            AliasKind::Place => &self.place_merges,
            AliasKind::Group => &self.group_merges,
        }
    }

    pub fn merges_mut(&mut self, kind: AliasKind) -> &mut BTreeMap<String, String> {
        match kind {
            AliasKind::Source => &mut self.source_merges,
            AliasKind::Place => &mut self.place_merges,
            AliasKind::Group => &mut self.group_merges,
        }
    }

    /// How many names were merged or renamed.
    pub fn merge_count(&self) -> usize {
        self.source_merges.len() + self.place_merges.len() + self.group_merges.len()
    }

    /// The merges as an alias file (`kind,name,means`) that `analyze --aliases` reads.
    pub fn alias_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(["kind", "name", "means"]);
        for kind in AliasKind::ALL {
            for (name, means) in self.merges(kind) {
                let _ = writer.write_record([kind.as_str(), name, means]);
            }
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceFile {
    pub path: PathBuf,
    pub sha256: String,
}

/// The SHA-256 of some bytes, in hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of a file, in hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
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

impl Workspace {
    /// A workspace for these files (hashed now), filter and corrections.
    pub fn new(
        paths: &[PathBuf],
        filter: ChartFilter,
        corrections: Corrections,
    ) -> Result<Self, String> {
        let files = paths
            .iter()
            .map(|p| {
                let sha256 =
                    sha256_file(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
                Ok(WorkspaceFile {
                    path: p.clone(),
                    sha256,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Self {
            version: 1,
            files,
            filter,
            corrections,
        })
    }

    /// Writes the workspace as JSON, atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        write_atomic(path, text.as_bytes(), Overwrite::Yes)
    }

    /// Reads a workspace and says which of its files have moved or changed since it was saved.
    pub fn load(path: &Path) -> Result<(Self, Vec<String>), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let workspace: Self = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}: line {}, column {}: not a workspace file: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        let warnings = workspace
            .files
            .iter()
            .filter_map(|f| match sha256_file(&f.path) {
                Err(_) => Some(format!("{} has moved or is gone", f.path.display())),
                Ok(hash) if hash != f.sha256 => Some(format!(
                    "{} has changed since the workspace was saved",
                    f.path.display()
                )),
                Ok(_) => None,
            })
            .collect();
        Ok((workspace, warnings))
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        self.files.iter().map(|f| f.path.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workspace_round_trips_and_notices_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("claims.csv");
        std::fs::write(
            &data,
            "source,claim,count,event_date\nSOHR,killed,3,2015-06-25\n",
        )
        .unwrap();
        let mut filter = ChartFilter::default();
        filter.hidden_sources.insert("SANA".to_owned());
        let corrections = Corrections {
            source_types: BTreeMap::from([("YPG".to_owned(), SourceType::Monitor)]),
            place_merges: BTreeMap::from([("Ayn al-Arab".to_owned(), "Kobane".to_owned())]),
            ..Corrections::default()
        };
        let ws = Workspace::new(std::slice::from_ref(&data), filter, corrections).unwrap();
        assert_eq!(ws.files[0].sha256.len(), 64);
        let file = dir.path().join("view.triangulate.json");
        ws.save(&file).unwrap();
        let (back, warnings) = Workspace::load(&file).unwrap();
        assert_eq!(back, ws);
        assert!(warnings.is_empty());
        std::fs::write(&data, "changed").unwrap();
        let (_, warnings) = Workspace::load(&file).unwrap();
        assert!(warnings[0].contains("has changed"), "{warnings:?}");
        std::fs::remove_file(&data).unwrap();
        let (_, warnings) = Workspace::load(&file).unwrap();
        assert!(warnings[0].contains("moved or is gone"));
        std::fs::write(&file, "{ not json").unwrap();
        assert!(Workspace::load(&file).unwrap_err().contains("line 1"));
    }
}
