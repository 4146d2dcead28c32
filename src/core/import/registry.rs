//! The built-in registry of well-known claimants: canonical short name, type and side.
//!
//! The data lives in `assets/sources.csv` and is embedded in the binary.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::core::model::SourceType;
use crate::core::parse::text::value_key;

const SOURCES_CSV: &str = include_str!("../../../assets/sources.csv");

/// A known claimant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownSource {
    pub name: String,
    pub full_name: String,
    pub source_type: SourceType,
    /// The party it speaks for; `None` for monitors and wire agencies.
    pub side: Option<String>,
}

/// Claimants by every name they go by.
#[derive(Debug, Default)]
pub struct Registry {
    entries: Vec<KnownSource>,
    by_key: HashMap<String, usize>,
}

/// A row of a registry table that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("registry row {row}: {source}")]
    Csv { row: usize, source: csv::Error },
    #[error("registry row {row}: unknown type '{written}'")]
    UnknownType { row: usize, written: String },
}

impl Registry {
    /// The registry embedded in the binary, parsed once.
    pub fn builtin() -> &'static Self {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Self::from_csv(SOURCES_CSV).unwrap_or_default())
    }

    /// Parses a registry table (`name,full_name,type,side,aliases`, aliases joined by `|`).
    pub fn from_csv(text: &str) -> Result<Self, RegistryError> {
        let mut registry = Self::default();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            let record = record.map_err(|source| RegistryError::Csv {
                row: row + 2,
                source,
            })?;
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let source_type =
                SourceType::parse(field(2)).ok_or_else(|| RegistryError::UnknownType {
                    row: row + 2,
                    written: field(2).to_owned(),
                })?;
            let entry = KnownSource {
                name: field(0).to_owned(),
                full_name: field(1).to_owned(),
                source_type,
                side: Some(field(3)).filter(|s| !s.is_empty()).map(str::to_owned),
            };
            let index = registry.entries.len();
            let names = [field(0), field(1)].into_iter().chain(field(4).split('|'));
            for name in names.filter(|n| !n.trim().is_empty()) {
                registry.by_key.entry(name_key(name)).or_insert(index);
            }
            registry.entries.push(entry);
        }
        Ok(registry)
    }

    /// The known claimant a name as written refers to, if any. Case, spacing, a leading
    /// "the" and a trailing parenthesis ("YPG (People's Protection Units)") do not matter.
    pub fn lookup(&self, written: &str) -> Option<&KnownSource> {
        let key = name_key(written);
        if let Some(&i) = self.by_key.get(&key) {
            return self.entries.get(i);
        }
        let (before, inside) = written.split_once('(')?;
        let inside = inside.trim_end().trim_end_matches(')');
        [before, inside]
            .into_iter()
            .find_map(|part| self.by_key.get(&name_key(part)))
            .and_then(|&i| self.entries.get(i))
    }

    pub fn entries(&self) -> &[KnownSource] {
        &self.entries
    }

    /// Whether one of the names of the claimant called `name` has `word` in it ("Houthi
    /// rebels" for the Houthis).
    pub fn goes_by(&self, name: &str, word: &str) -> bool {
        let Some(index) = self.entries.iter().position(|e| e.name == name) else {
            return false;
        };
        self.by_key
            .iter()
            .any(|(key, &i)| i == index && key.split(' ').any(|w| w.starts_with(word)))
    }
}

fn name_key(name: &str) -> String {
    let key = value_key(&name.replace(['\'', '’', '.'], ""));
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_registry_parses_completely() {
        let parsed = Registry::from_csv(SOURCES_CSV).unwrap();
        assert_eq!(parsed.entries().len(), SOURCES_CSV.lines().count() - 1);
        assert!(Registry::builtin().entries().len() >= 24);
    }

    #[test]
    fn names_and_aliases_find_their_canonical_entry() {
        let registry = Registry::builtin();
        let name = |written: &str| registry.lookup(written).map(|s| s.name.as_str());
        assert_eq!(name("Syrian Observatory for Human Rights"), Some("SOHR"));
        assert_eq!(name("sohr"), Some("SOHR"));
        assert_eq!(
            name("the Syrian Observatory for Human Rights"),
            Some("SOHR")
        );
        assert_eq!(name("Syrian Arab News Agency"), Some("SANA"));
        assert_eq!(name("YPG (People's Protection Units)"), Some("YPG"));
        assert_eq!(name("Kurdish People's Protection Units"), Some("YPG"));
        assert_eq!(name("ISIL"), Some("IS"));
        assert_eq!(
            name("the governor of Sanliurfa"),
            Some("Sanliurfa governor")
        );
        assert_eq!(
            name("Russian Defense Ministry"),
            Some("Russian Defence Ministry")
        );
        assert_eq!(name("Anadolu Agency"), Some("Anadolu Agency"));
        assert_eq!(name("Some Blog"), None);
    }

    #[test]
    fn entries_carry_type_and_side() {
        let registry = Registry::builtin();
        let sana = registry.lookup("SANA").unwrap();
        assert_eq!(sana.source_type, SourceType::StateMedia);
        assert_eq!(sana.side.as_deref(), Some("Syrian government"));
        let sohr = registry.lookup("SOHR").unwrap();
        assert_eq!(sohr.source_type, SourceType::Monitor);
        assert_eq!(sohr.side, None);
        let ypg = registry.lookup("YPG").unwrap();
        assert_eq!(ypg.side.as_deref(), Some("Kurdish-led forces"));
        assert_eq!(
            registry.lookup("Reuters").unwrap().source_type,
            SourceType::IndependentMedia
        );
        assert_eq!(
            registry.lookup("Turkish authorities").unwrap().source_type,
            SourceType::Government
        );
    }
}
