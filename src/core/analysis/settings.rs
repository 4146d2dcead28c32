//! The thresholds of the analysis, and the user's alias tables.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::core::analysis::places::fold_words;
use crate::core::parse::text::value_key;

/// A question with more claimants than this is summarised rather than compared pairwise.
pub const PAIRWISE_CLAIMANTS: usize = 50;

/// Every threshold, with the defaults the README documents. Printed with every result.
#[derive(Clone, Debug, Serialize)]
pub struct Settings {
    /// Claims at one place join an event when they fall within this many days of its first date.
    pub window_days: u32,
    /// Two figures are consistent when the gap between them is at most this share of the
    /// larger bound …
    pub tolerance_ratio: f64,
    /// … or this many, whichever is more.
    pub tolerance_min: u32,
    /// Ratio of the nearest bounds from which a numeric discrepancy is of medium severity.
    pub medium_ratio: f64,
    /// … and of high severity.
    pub high_ratio: f64,
    /// A claimant with fewer comparable claims is graded F (not enough to judge).
    pub min_comparable: usize,
    /// A question (an event's kind and group) with more claimants than this is summarised:
    /// each claim set against the median one, not against every other.
    pub pairwise_claimants: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            window_days: 2,
            tolerance_ratio: 0.10,
            tolerance_min: 1,
            medium_ratio: 1.5,
            high_ratio: 3.0,
            min_comparable: 5,
            pairwise_claimants: PAIRWISE_CLAIMANTS,
        }
    }
}

/// A threshold that makes no sense.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SettingsError {
    #[error("--ratio {0}: give a share from 0 to under 1, such as 0.1 for 10%")]
    Ratio(f64),
    #[error("--window-days {0}: at most 366 (a year)")]
    WindowDays(u32),
    #[error("the high ratio must be at least the medium ratio")]
    SeverityRatios,
}

/// Why an alias file cannot be read; each names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: line {line}: {source}")]
    Csv {
        file: String,
        line: usize,
        source: csv::Error,
    },
    #[error("{file}: line {line}: name and means must both be filled")]
    Empty { file: String, line: usize },
    #[error("{file}: line {line}, column kind: '{kind}' is not place, source or group")]
    UnknownKind {
        file: String,
        line: usize,
        kind: String,
    },
    #[error(
        "{file}: {cycle}: names that rename each other round a loop would swap who said what; say which name each one means"
    )]
    Cycle { file: String, cycle: AliasCycle },
}

/// Names of one kind that rename each other round a loop (`SOHR → SANA → SOHR`): applied
/// one step at a time, they would swap identities, so they are refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasCycle {
    pub kind: AliasKind,
    /// The names round the loop as written, the first again at the end.
    pub names: Vec<String>,
}

impl std::fmt::Display for AliasCycle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            AliasKind::Place => "place",
            AliasKind::Source => "source",
            AliasKind::Group => "group",
        };
        write!(f, "{kind} aliases {}", self.names.join(" → "))
    }
}

impl Settings {
    /// Says what is wrong with a threshold that makes no sense (a ratio that is not a number,
    /// negative, or 1 and more; a window of more than a year).
    pub fn check(&self) -> Result<(), SettingsError> {
        if !(0.0..1.0).contains(&self.tolerance_ratio) {
            return Err(SettingsError::Ratio(self.tolerance_ratio));
        }
        if self.window_days > 366 {
            return Err(SettingsError::WindowDays(self.window_days));
        }
        if !(self.medium_ratio.is_finite() && self.high_ratio >= self.medium_ratio) {
            return Err(SettingsError::SeverityRatios);
        }
        Ok(())
    }
}

/// What kind of name an alias renames.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub enum AliasKind {
    Source,
    Place,
    Group,
}

impl AliasKind {
    pub const ALL: [Self; 3] = [Self::Source, Self::Place, Self::Group];

    /// The word an alias file uses in its `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Place => "place",
            Self::Group => "group",
        }
    }
}

/// The user's corrections: this name means that one.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// Folded place name → place as written.
    pub places: HashMap<String, String>,
    /// Claimant name (matching key) → claimant.
    pub sources: HashMap<String, String>,
    /// Folded group → group.
    pub groups: HashMap<String, String>,
    /// Claimant → the type the user says it is.
    pub source_types: HashMap<String, crate::core::model::SourceType>,
    /// Claimant → the side the user says it speaks for (`None`: no side).
    pub source_sides: HashMap<String, Option<String>>,
    /// Events the user split and merged.
    pub events: EventEdits,
    /// Claims (by id) the analyst excluded: they stay in the data and leave the analysis.
    pub excluded: std::collections::HashSet<String>,
}

/// The analyst's corrections to how claims were grouped into events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventEdits {
    /// Claim id (`file:line`) → the event of its own it was split into (claims split with
    /// the same label make one event).
    pub splits: HashMap<String, String>,
    /// Event id → the event it was merged into, applied after the splits.
    pub merges: Vec<(String, String)>,
}

impl EventEdits {
    pub fn is_empty(&self) -> bool {
        self.splits.is_empty() && self.merges.is_empty()
    }
}

impl Aliases {
    /// Reads an alias file: CSV with columns `kind,name,means`, kind one of place, source, group.
    pub fn from_csv(text: &str, file: &str) -> Result<Self, AliasError> {
        let mut aliases = Self::default();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            let line = row + 2;
            let record = record.map_err(|source| AliasError::Csv {
                file: file.to_owned(),
                line,
                source,
            })?;
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let (name, means) = (field(1), field(2));
            if name.is_empty() || means.is_empty() {
                return Err(AliasError::Empty {
                    file: file.to_owned(),
                    line,
                });
            }
            let kind = match value_key(field(0)).as_str() {
                "place" | "location" => AliasKind::Place,
                "source" | "claimant" => AliasKind::Source,
                "group" => AliasKind::Group,
                other => {
                    return Err(AliasError::UnknownKind {
                        file: file.to_owned(),
                        line,
                        kind: other.to_owned(),
                    });
                }
            };
            aliases.add(kind, name, means);
        }
        if let Some(cycle) = aliases.cycles().into_iter().next() {
            return Err(AliasError::Cycle {
                file: file.to_owned(),
                cycle,
            });
        }
        Ok(aliases)
    }

    pub fn from_path(path: &Path) -> Result<Self, AliasError> {
        // An alias table is a few thousand names at most.
        let text = crate::core::files::read_small_text(path, 16 << 20).map_err(|source| {
            AliasError::Read {
                file: path.display().to_string(),
                source,
            }
        })?;
        Self::from_csv(&text, &path.display().to_string())
    }

    /// Says that `name` means `means`.
    pub fn add(&mut self, kind: AliasKind, name: &str, means: &str) {
        let key = alias_key(kind, name);
        self.table(kind).insert(key, means.to_owned());
    }

    fn table(&mut self, kind: AliasKind) -> &mut HashMap<String, String> {
        match kind {
            AliasKind::Place => &mut self.places,
            AliasKind::Source => &mut self.sources,
            AliasKind::Group => &mut self.groups,
        }
    }

    /// Every loop of names that rename each other, each once, of every kind. A name renamed
    /// to itself (another spelling of it) is no loop.
    pub fn cycles(&self) -> Vec<AliasCycle> {
        let mut cycles = Vec::new();
        for kind in AliasKind::ALL {
            let table = match kind {
                AliasKind::Place => &self.places,
                AliasKind::Source => &self.sources,
                AliasKind::Group => &self.groups,
            };
            let mut keys: Vec<&String> = table.keys().collect();
            keys.sort();
            let mut seen = std::collections::HashSet::new();
            for start in keys {
                let mut path: Vec<String> = vec![start.clone()];
                let mut names: Vec<String> = Vec::new();
                let mut at = start.clone();
                while let Some(means) = table.get(&at) {
                    let next = alias_key(kind, means);
                    names.push(means.clone());
                    if next == at || seen.contains(&next) {
                        break;
                    }
                    if let Some(i) = path.iter().position(|k| *k == next) {
                        let mut round: Vec<String> = names[i..].to_vec();
                        round.insert(0, names[names.len() - 1].clone());
                        cycles.push(AliasCycle { kind, names: round });
                        break;
                    }
                    path.push(next.clone());
                    at = next;
                }
                seen.extend(path);
            }
        }
        cycles
    }

    /// Adds every alias of `other`; where both name the same thing, `other` wins.
    pub fn extend(&mut self, other: Self) {
        self.places.extend(other.places);
        self.sources.extend(other.sources);
        self.groups.extend(other.groups);
        self.source_types.extend(other.source_types);
        self.source_sides.extend(other.source_sides);
        self.events.splits.extend(other.events.splits);
        self.events.merges.extend(other.events.merges);
    }

    /// The claimant a name means, after the user's aliases.
    pub fn source<'a>(&'a self, name: &'a str) -> &'a str {
        self.sources
            .get(&source_key(name))
            .map_or(name, String::as_str)
    }
}

fn source_key(name: &str) -> String {
    value_key(name)
}

/// What two names of this kind must share to be one name.
pub fn alias_key(kind: AliasKind, name: &str) -> String {
    match kind {
        AliasKind::Place | AliasKind::Group => fold_words(name).concat(),
        AliasKind::Source => source_key(name),
    }
}
