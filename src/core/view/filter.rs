//! The filter every view follows (sources, types, dates, places, groups and a text search),
//! and the text search itself.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::model::strings::Sym;
use crate::core::model::{Claim, Dataset, SourceType};

/// Which claims the views show. Analysis always runs on everything; this only chooses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub hidden_sources: BTreeSet<String>,
    /// Only claims about events from this day on …
    pub from: Option<chrono::NaiveDate>,
    /// … and up to this day.
    pub to: Option<chrono::NaiveDate>,
    pub hidden_types: BTreeSet<SourceType>,
    /// Only claims about these places (none: every place).
    pub places: BTreeSet<String>,
    /// Only claims about these groups (none: every group).
    pub groups: BTreeSet<String>,
    /// Only claims whose quote, source, outlet, place, group or detail contains this text.
    pub search: String,
}

impl Filter {
    /// Drops the places, groups and hidden sources the data no longer has (other data was
    /// opened), and says what was dropped; `None` when nothing was. `places` and `groups` are
    /// the facet lists, `sources` every claimant.
    pub fn drop_stale(
        &mut self,
        places: &[(String, usize)],
        groups: &[(String, usize)],
        sources: &[&str],
    ) -> Option<String> {
        let mut dropped = Vec::new();
        let mut keep = |set: &mut BTreeSet<String>, known: &dyn Fn(&str) -> bool, what: &str| {
            let stale: Vec<String> = set.iter().filter(|n| !known(n)).cloned().collect();
            for name in stale {
                set.remove(&name);
                dropped.push(format!("{what} \u{201c}{name}\u{201d}"));
            }
        };
        keep(
            &mut self.places,
            &|n| places.iter().any(|(p, _)| p == n),
            "place",
        );
        keep(
            &mut self.groups,
            &|n| groups.iter().any(|(g, _)| g == n),
            "group",
        );
        keep(
            &mut self.hidden_sources,
            &|n| sources.contains(&n),
            "hidden source",
        );
        (!dropped.is_empty()).then(|| {
            format!(
                "Filter dropped, nothing in the data opened matches it: {}.",
                dropped.join(", ")
            )
        })
    }

    /// Whether a claim by this claimant and type, about an event on this day, is shown.
    pub fn shows(&self, claimant: &str, source_type: SourceType, day: chrono::NaiveDate) -> bool {
        !self.hidden_sources.contains(claimant)
            && !self.hidden_types.contains(&source_type)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }

    /// What the filter narrows, in one order for the status bar and the captions.
    pub fn narrowings(&self) -> Vec<Narrowing<'_>> {
        let mut out = Vec::new();
        if self.from.is_some() || self.to.is_some() {
            out.push(Narrowing::Dates(self.from, self.to));
        }
        if !self.hidden_types.is_empty() {
            out.push(Narrowing::HiddenTypes(&self.hidden_types));
        }
        if !self.hidden_sources.is_empty() {
            out.push(Narrowing::HiddenSources(&self.hidden_sources));
        }
        if !self.places.is_empty() {
            out.push(Narrowing::Places(&self.places));
        }
        if !self.groups.is_empty() {
            out.push(Narrowing::Groups(&self.groups));
        }
        if !self.search.is_empty() {
            out.push(Narrowing::Search(&self.search));
        }
        out
    }

    /// The filter in words, for a caption: "events 2015-06-25 to …; without SANA".
    pub fn describe(&self) -> Vec<String> {
        self.narrowings().iter().map(Narrowing::describe).collect()
    }
}

/// One way the filter narrows what is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Narrowing<'a> {
    Dates(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    HiddenTypes(&'a BTreeSet<SourceType>),
    HiddenSources(&'a BTreeSet<String>),
    Places(&'a BTreeSet<String>),
    Groups(&'a BTreeSet<String>),
    Search(&'a str),
}

impl Narrowing<'_> {
    /// In full, for a caption.
    pub fn describe(&self) -> String {
        let list = |set: &BTreeSet<String>| {
            set.iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Self::Dates(from, to) => format!("events {} to {}", day(*from), day(*to)),
            Self::HiddenTypes(types) => {
                let types: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
                format!("without {}", types.join(", "))
            }
            Self::HiddenSources(sources) => format!("without {}", list(sources)),
            Self::Places(places) => format!("places {}", list(places)),
            Self::Groups(groups) => format!("groups {}", list(groups)),
            Self::Search(text) => format!("matching \u{201c}{text}\u{201d}"),
        }
    }

    /// In a few words, for a chip: long lists are cut to their first names and a count.
    pub fn label(&self) -> String {
        let first_two = |what: &str, set: &BTreeSet<String>| {
            let names: Vec<&str> = set.iter().map(String::as_str).take(2).collect();
            let more = set.len().saturating_sub(2);
            let more = if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            };
            format!("{what}: {}{more}", names.join(", "))
        };
        match self {
            Self::Dates(from, to) => format!("dates {} to {}", day(*from), day(*to)),
            Self::HiddenTypes(types) => {
                let types: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
                format!("{} hidden", types.join(", "))
            }
            Self::HiddenSources(sources) => format!("{} source(s) hidden", sources.len()),
            Self::Places(places) => first_two("place", places),
            Self::Groups(groups) => first_two("group", groups),
            Self::Search(text) => format!("search: \u{201c}{text}\u{201d}"),
        }
    }
}

/// A filter's date bound as written in its description; `…` for an open end.
fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map_or("…".to_owned(), |d| d.to_string())
}

/// A case-insensitive text search over quotes, sources, places, outlets, groups and details.
/// An empty search keeps everything.
pub struct TextSearch(Option<Search>);

struct Search {
    needle: String,
    /// Which interned strings contain the needle, by [`Sym::index`].
    sym_hits: Vec<bool>,
}

impl TextSearch {
    pub fn new(ds: &Dataset, text: &str) -> Self {
        let needle = fold(text.trim());
        if needle.is_empty() {
            return Self(None);
        }
        let sym_hits = ds
            .strings
            .iter()
            .map(|(_, s)| contains_folded(s, &needle))
            .collect();
        Self(Some(Search { needle, sym_hits }))
    }

    pub fn matches(&self, ds: &Dataset, c: &Claim) -> bool {
        let Some(search) = &self.0 else {
            return true;
        };
        let hit = |sym: Option<Sym>| {
            sym.is_some_and(|s| search.sym_hits.get(s.index()).copied().unwrap_or(false))
        };
        [
            Some(c.source),
            Some(c.source_raw),
            c.location,
            c.outlet,
            Some(c.group),
            c.detail,
            c.side,
        ]
        .into_iter()
        .any(hit)
            || contains_folded(ds.quote(c), &search.needle)
    }
}

/// Whether `haystack` contains `needle` (already [`fold`]ed) ignoring case, Arabic
/// diacritics and alef forms; no allocation for ASCII text.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        return n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    fold(haystack).contains(needle)
}

/// Text as the search compares it: lower case; Arabic without its diacritics (tashkeel) and
/// tatweel, and with every alef form (أ إ آ ٱ) as a bare alef, so a search typed either way
/// finds it.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|&c| {
            !matches!(c as u32, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
        })
        .map(|c| match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_ignores_case() {
        assert!(contains_folded("Syrian Observatory", "observatory"));
        assert!(!contains_folded("SANA", "sohr"));
        assert!(contains_folded("Kobanê", "kobanê"));
        assert!(contains_folded("عين العرب", "عين"));
        // Diacritics and alef forms, either side.
        assert!(contains_folded("وقد خلّف 13 قتيلاً", &fold("خلف")));
        assert!(contains_folded("وقد خلف 13 قتيلا", &fold("خلّف")));
        assert!(contains_folded("شانلي أورفا", &fold("اورفا")));
        assert!(contains_folded("شانلي اورفا", &fold("إورفا")));
        assert!(!contains_folded("الحسكة", &fold("عين")));
    }
}
