//! The thresholds of the analysis, and the user's alias tables.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::places::fold_words;
use crate::core::text::value_key;

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
}

impl Aliases {
    /// Reads an alias file: CSV with columns `kind,name,means`, kind one of place, source, group.
    pub fn from_csv(text: &str, file: &str) -> Result<Self, String> {
        let mut aliases = Self::default();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            let line = row + 2;
            let record = record.map_err(|e| format!("{file}: line {line}: {e}"))?;
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let (name, means) = (field(1), field(2));
            if name.is_empty() || means.is_empty() {
                return Err(format!(
                    "{file}: line {line}: name and means must both be filled"
                ));
            }
            match value_key(field(0)).as_str() {
                "place" | "location" => {
                    aliases
                        .places
                        .insert(fold_words(name).concat(), means.to_owned());
                }
                "source" | "claimant" => {
                    aliases.sources.insert(source_key(name), means.to_owned());
                }
                "group" => {
                    aliases
                        .groups
                        .insert(fold_words(name).concat(), means.to_owned());
                }
                other => {
                    return Err(format!(
                        "{file}: line {line}, column kind: '{other}' is not place, source or group"
                    ));
                }
            }
        }
        Ok(aliases)
    }

    pub fn from_path(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Self::from_csv(&text, &path.display().to_string())
    }

    /// Says that claimant `name` is `means`.
    pub fn add_source(&mut self, name: &str, means: &str) {
        self.sources.insert(source_key(name), means.to_owned());
    }

    /// The alias file for the given source merges (`kind,name,means`).
    pub fn source_alias_csv(merges: &[(&str, &str)]) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(["kind", "name", "means"]);
        for (name, means) in merges {
            let _ = writer.write_record(["source", name, means]);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
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
