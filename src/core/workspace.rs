//! A workspace file (`.triangulate.json`): the input files with their SHA-256, the chart
//! filter and the user's corrections, so a view can be reopened or reproduced exactly.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::analysis::{AliasKind, Aliases};
use crate::core::charts::{TimelineMode, TimelineSettings};
use crate::core::files::{Overwrite, WriteError, read_small_text, sha256_file, write_atomic};
use crate::core::model::judgement::Mark;
use crate::core::model::{ClaimKind, SourceType};
use crate::core::view::filter::Filter;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub version: u32,
    pub files: Vec<WorkspaceFile>,
    pub filter: ViewSettings,
    #[serde(flatten)]
    pub corrections: Corrections,
}

/// What is kept of the view: the filter every view follows and the timeline's settings. Saved
/// as one flat object, as every version has written it, so old workspaces and window states
/// still load.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "SavedView", into = "SavedView")]
pub struct ViewSettings {
    pub filter: Filter,
    pub timeline: TimelineSettings,
}

/// [`ViewSettings`] as written to disk.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
struct SavedView {
    kind: ClaimKind,
    hidden_sources: BTreeSet<String>,
    mode: TimelineMode,
    log: bool,
    split: crate::core::charts::TimelineSplit,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    hidden_types: BTreeSet<SourceType>,
    places: BTreeSet<String>,
    groups: BTreeSet<String>,
    search: String,
}

impl Default for SavedView {
    fn default() -> Self {
        ViewSettings::default().into()
    }
}

impl From<SavedView> for ViewSettings {
    fn from(v: SavedView) -> Self {
        Self {
            filter: Filter {
                hidden_sources: v.hidden_sources,
                from: v.from,
                to: v.to,
                hidden_types: v.hidden_types,
                places: v.places,
                groups: v.groups,
                search: v.search,
            },
            timeline: TimelineSettings {
                kind: v.kind,
                mode: v.mode,
                log: v.log,
                split: v.split,
            },
        }
    }
}

impl From<ViewSettings> for SavedView {
    fn from(v: ViewSettings) -> Self {
        Self {
            kind: v.timeline.kind,
            hidden_sources: v.filter.hidden_sources,
            mode: v.timeline.mode,
            log: v.timeline.log,
            split: v.timeline.split,
            from: v.filter.from,
            to: v.filter.to,
            hidden_types: v.filter.hidden_types,
            places: v.filter.places,
            groups: v.filter.groups,
            search: v.filter.search,
        }
    }
}

/// The most a workspace file may hold: corrections and settings, never data.
pub const WORKSPACE_LIMIT: u64 = 64 << 20;

/// Why a workspace could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: line {}, column {}: not a workspace file: {source}", path.display(), source.line(), source.column())]
    NotAWorkspace {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
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
    /// The analyst's reliability grade (Admiralty A–F) of a source, over the suggested one.
    pub source_grades: BTreeMap<String, char>,
    /// The analyst's credibility (Admiralty 1–6) of a claim, by claim id, over the suggested.
    pub claim_credibility: BTreeMap<String, u8>,
    /// Claims split out of their event: claim id (`file:line`) → the new event's id.
    pub event_splits: BTreeMap<String, String>,
    /// Events merged into another, in order: (event id, the event it joins).
    pub event_merges: Vec<(String, String)>,
    /// The colour each source was given, so merges and new data never recolour the others.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub source_colors: BTreeMap<String, [u8; 3]>,
    /// The analyst's verdicts and notes on claims, by claim id. An excluded claim leaves the
    /// analysis.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub claim_marks: BTreeMap<String, Mark>,
    /// The analyst's verdicts and notes on findings, by finding id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub finding_marks: BTreeMap<String, Mark>,
    /// Column mappings remembered for files with these headers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub column_mappings: Vec<crate::core::import::RememberedMapping>,
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
            events: crate::core::analysis::EventEdits {
                splits: self
                    .event_splits
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                merges: self.event_merges.clone(),
            },
            excluded: self
                .claim_marks
                .iter()
                .filter(|(_, m)| m.is_excluded())
                .map(|(id, _)| id.clone())
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

    /// Takes out the merges that rename each other round a loop (they would swap who said
    /// what), and says which.
    pub fn refuse_cycles(&mut self) -> Vec<String> {
        let mut refused = Vec::new();
        while let Some(cycle) = self.aliases().cycles().into_iter().next() {
            let key = |name: &str| crate::core::analysis::settings::alias_key(cycle.kind, name);
            let round: Vec<String> = cycle.names.iter().map(|n| key(n)).collect();
            let merges = self.merges_mut(cycle.kind);
            let looped: Vec<String> = merges
                .iter()
                .filter(|(name, means)| round.contains(&key(name)) && round.contains(&key(means)))
                .map(|(name, _)| name.clone())
                .collect();
            if looped.is_empty() {
                break;
            }
            for name in &looped {
                merges.remove(name);
            }
            refused.push(format!(
                "{cycle}: these merges rename each other round a loop and were left out"
            ));
        }
        refused
    }

    /// Takes out grades other than A–F and credibility ratings other than 1–6 (a file edited
    /// by hand, or damaged), and says which.
    pub fn refuse_out_of_range(&mut self) -> Vec<String> {
        let mut refused = Vec::new();
        self.source_grades.retain(|source, grade| {
            let kept = ('A'..='F').contains(grade);
            if !kept {
                refused.push(format!(
                    "{source}: the grade {:?} is not one of A–F and was left out",
                    grade
                ));
            }
            kept
        });
        self.claim_credibility.retain(|claim, rating| {
            let kept = (1..=6).contains(rating);
            if !kept {
                refused.push(format!(
                    "{claim}: the credibility {rating} is not one of 1–6 and was left out"
                ));
            }
            kept
        });
        refused
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

impl Workspace {
    /// A workspace for these files (hashed now), filter and corrections.
    pub fn new(
        paths: &[PathBuf],
        filter: ViewSettings,
        corrections: Corrections,
    ) -> Result<Self, WorkspaceError> {
        let files = paths
            .iter()
            .map(|p| {
                let sha256 = sha256_file(p).map_err(|source| WorkspaceError::Read {
                    path: p.clone(),
                    source,
                })?;
                Ok(WorkspaceFile {
                    path: p.clone(),
                    sha256,
                })
            })
            .collect::<Result<_, WorkspaceError>>()?;
        Ok(Self {
            version: 1,
            files,
            filter,
            corrections,
        })
    }

    /// Writes the workspace as JSON, atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> Result<(), WorkspaceError> {
        // A workspace is plain maps and strings: serialising it cannot fail.
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        write_atomic(path, text.as_bytes(), Overwrite::Yes)?;
        Ok(())
    }

    /// Reads a workspace and says which of its files have moved or changed since it was saved.
    pub fn load(path: &Path) -> Result<(Self, Vec<String>), WorkspaceError> {
        let text =
            read_small_text(path, WORKSPACE_LIMIT).map_err(|source| WorkspaceError::Read {
                path: path.to_owned(),
                source,
            })?;
        let workspace: Self =
            serde_json::from_str(&text).map_err(|source| WorkspaceError::NotAWorkspace {
                path: path.to_owned(),
                source,
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
            .collect::<Vec<String>>();
        let mut workspace = workspace;
        let mut warnings = warnings;
        warnings.extend(workspace.corrections.refuse_cycles());
        warnings.extend(workspace.corrections.refuse_out_of_range());
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
        let mut filter = ViewSettings::default();
        filter.filter.hidden_sources.insert("SANA".to_owned());
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
        let error = Workspace::load(&file).unwrap_err();
        assert!(matches!(error, WorkspaceError::NotAWorkspace { .. }));
        assert!(error.to_string().contains("line 1"), "{error}");
    }

    #[test]
    fn merges_that_rename_each_other_round_a_loop_are_left_out_and_named() {
        let mut corrections = Corrections::default();
        let merges = corrections.merges_mut(AliasKind::Source);
        merges.insert("SOHR".to_owned(), "SANA".to_owned());
        merges.insert("SANA".to_owned(), "SOHR".to_owned());
        merges.insert("Syrian state media".to_owned(), "SANA".to_owned());
        corrections
            .merges_mut(AliasKind::Place)
            .insert("Kobani".to_owned(), "Kobane".to_owned());
        let refused = corrections.refuse_cycles();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(refused[0].contains("SANA → SOHR → SANA"), "{refused:?}");
        let left: Vec<&String> = corrections.merges(AliasKind::Source).keys().collect();
        assert_eq!(
            left,
            ["Syrian state media"],
            "the merge outside the loop stays"
        );
        assert_eq!(corrections.merges(AliasKind::Place).len(), 1);
        assert!(corrections.aliases().cycles().is_empty());
    }

    #[test]
    fn a_workspace_saved_with_a_byte_order_mark_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.triangulate.json");
        Workspace::default().save(&path).unwrap();
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(std::fs::read(&path).unwrap());
        std::fs::write(&path, bytes).unwrap();
        assert!(Workspace::load(&path).is_ok());
    }

    #[test]
    fn grades_and_ratings_out_of_range_are_left_out_and_named() {
        let mut corrections = Corrections::default();
        corrections.source_grades.insert("SOHR".to_owned(), 'B');
        corrections.source_grades.insert("SANA".to_owned(), '\0');
        corrections
            .claim_credibility
            .insert("a.csv:2".to_owned(), 3);
        corrections
            .claim_credibility
            .insert("a.csv:3".to_owned(), 9);
        let refused = corrections.refuse_out_of_range();
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(
            refused[0].starts_with("SANA: the grade '\\0'"),
            "{refused:?}"
        );
        assert!(
            refused[1].starts_with("a.csv:3: the credibility 9"),
            "{refused:?}"
        );
        assert_eq!(corrections.source_grades.len(), 1);
        assert_eq!(corrections.claim_credibility.len(), 1);
    }
}
