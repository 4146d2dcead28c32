//! The names the analysis shares among claims (claimants, sides, groups): each text is
//! interned once per analysis and numbered, so that two names are the same name exactly when
//! their numbers are equal, and tables key them by number.

use std::sync::Arc;

use foldhash::HashMap;

use crate::core::analysis::groups::ALL;

/// A name's number within one analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameId(u32);

/// A name shared by many claims, stored once with its number. A thin pointer: 8 bytes where
/// an `Arc<str>` takes 16, and a claim's facts hold three of them. Two names are equal when
/// their numbers are; names of one analysis only are compared (a debug check holds the text to
/// agree). Names order by their text.
#[derive(Clone)]
pub struct Name(Arc<Entry>);

struct Entry {
    id: NameId,
    text: Box<str>,
}

impl Name {
    pub fn id(&self) -> NameId {
        self.0.id
    }

    pub fn as_str(&self) -> &str {
        &self.0.text
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Self) -> bool {
        let same = self.id() == other.id();
        debug_assert_eq!(
            same,
            self.as_str() == other.as_str(),
            "names of two analyses compared: {self:?} and {other:?}"
        );
        same
    }
}

impl Eq for Name {}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// One analysis' names, each text numbered once. The group of everyone (`all`) is always
/// there, as number 0: control of a region is a question of no group in particular.
#[derive(Clone)]
pub struct Names {
    by_text: HashMap<Box<str>, Name>,
    all: Name,
}

impl Default for Names {
    fn default() -> Self {
        let all = Name(Arc::new(Entry {
            id: NameId(0),
            text: ALL.into(),
        }));
        let mut by_text = HashMap::default();
        by_text.insert(ALL.into(), all.clone());
        Self { by_text, all }
    }
}

impl Names {
    /// The name of this text, numbered now if it is new.
    pub fn intern(&mut self, text: &str) -> Name {
        if let Some(name) = self.by_text.get(text) {
            return name.clone();
        }
        // Four thousand million distinct names would not fit in memory first.
        let id = NameId(u32::try_from(self.by_text.len()).unwrap_or(u32::MAX));
        let name = Name(Arc::new(Entry {
            id,
            text: text.into(),
        }));
        self.by_text.insert(text.into(), name.clone());
        name
    }

    /// The name of this text, if some claim has it.
    pub fn get(&self, text: &str) -> Option<&Name> {
        self.by_text.get(text)
    }

    /// The group of everyone.
    pub fn all(&self) -> Name {
        self.all.clone()
    }

    pub fn len(&self) -> usize {
        self.by_text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_text_is_one_name_and_one_number() {
        let mut names = Names::default();
        let a = names.intern("SOHR");
        let b = names.intern(&String::from("SOHR"));
        let c = names.intern("SANA");
        assert_eq!(a, b);
        assert_eq!(a.id(), b.id());
        assert_ne!(a, c);
        assert_ne!(a.id(), c.id());
        assert_eq!(names.get("SOHR").map(Name::id), Some(a.id()));
        assert!(names.get("IS").is_none());
        // `all` is there from the start, as number 0.
        assert_eq!(names.all().id(), NameId(0));
        assert_eq!(names.intern(ALL), names.all());
        assert_eq!(names.len(), 3);
        let mut set = foldhash::HashSet::default();
        set.insert(a.clone());
        assert!(set.contains(&b));
        assert!(!set.contains(&c));
        assert!(c < a, "names order by their text");
        assert_eq!(format!("{b} {b:?}"), "SOHR \"SOHR\"");
    }
}
