//! The claim model: one statement by one source about one event.

pub mod judgement;
pub mod strings;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::model::strings::{Strings, Sym, TextArena, TextRef};
use crate::core::parse::dates::When;
use crate::core::parse::quantity::Quantity;
use crate::core::parse::text::value_key;

/// What kind of voice a claimant is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    Monitor,
    StateMedia,
    Government,
    Combatant,
    IndependentMedia,
    Analyst,
    #[default]
    Other,
}

impl SourceType {
    pub const ALL: [Self; 7] = [
        Self::Monitor,
        Self::StateMedia,
        Self::Government,
        Self::Combatant,
        Self::IndependentMedia,
        Self::Analyst,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Monitor => "monitor",
            Self::StateMedia => "state_media",
            Self::Government => "government",
            Self::Combatant => "combatant",
            Self::IndependentMedia => "independent_media",
            Self::Analyst => "analyst",
            Self::Other => "other",
        }
    }

    /// Reads `state_media`, `State Media`, `state-media` and a few common synonyms.
    pub fn parse(s: &str) -> Option<Self> {
        if let Some(exact) = Self::ALL.into_iter().find(|t| t.as_str() == s) {
            return Some(exact);
        }
        let key = value_key(s).replace(' ', "_");
        let found = Self::ALL.into_iter().find(|t| t.as_str() == key);
        found.or(match key.as_str() {
            "state" | "state_news" | "state_outlet" => Some(Self::StateMedia),
            "media" | "press" | "wire" | "news_agency" => Some(Self::IndependentMedia),
            "armed_group" | "militant" | "belligerent" | "party" => Some(Self::Combatant),
            "ngo" | "observatory" => Some(Self::Monitor),
            "official" | "authorities" | "ministry" => Some(Self::Government),
            "expert" | "researcher" => Some(Self::Analyst),
            _ => None,
        })
    }
}

/// What a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Killed,
    Injured,
    Captured,
    Missing,
    Displaced,
    Control,
    Origin,
    Responsibility,
    Other,
}

impl ClaimKind {
    pub const ALL: [Self; 9] = [
        Self::Killed,
        Self::Injured,
        Self::Captured,
        Self::Missing,
        Self::Displaced,
        Self::Control,
        Self::Origin,
        Self::Responsibility,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Killed => "killed",
            Self::Injured => "injured",
            Self::Captured => "captured",
            Self::Missing => "missing",
            Self::Displaced => "displaced",
            Self::Control => "control",
            Self::Origin => "origin",
            Self::Responsibility => "responsibility",
            Self::Other => "other",
        }
    }

    /// Whether claims of this kind carry a count.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Self::Killed | Self::Injured | Self::Captured | Self::Missing | Self::Displaced
        )
    }

    /// Reads a kind or one of its synonyms (dead, wounded, detained …).
    pub fn parse(s: &str) -> Option<Self> {
        if let Some(exact) = Self::ALL.into_iter().find(|k| k.as_str() == s) {
            return Some(exact);
        }
        let key = value_key(s);
        let found = Self::ALL.into_iter().find(|k| k.as_str() == key);
        found.or(match key.as_str() {
            "dead" | "death" | "deaths" | "fatalities" | "fatality" | "kill" | "died" => {
                Some(Self::Killed)
            }
            "wounded" | "injuries" | "injury" | "hurt" => Some(Self::Injured),
            "detained" | "arrested" | "abducted" | "kidnapped" | "taken prisoner" | "prisoners"
            | "captives" => Some(Self::Captured),
            "disappeared" => Some(Self::Missing),
            "fled" | "refugees" | "idps" => Some(Self::Displaced),
            "territory" | "seized" | "held" => Some(Self::Control),
            "attack origin" | "came from" => Some(Self::Origin),
            "blame" | "attribution" | "perpetrator" => Some(Self::Responsibility),
            _ => None,
        })
    }
}

/// Whether the claimant says something happened or says it did not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    #[default]
    Asserts,
    Denies,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserts => "asserts",
            Self::Denies => "denies",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asserts" => return Some(Self::Asserts),
            "denies" => return Some(Self::Denies),
            _ => {}
        }
        match value_key(s).as_str() {
            "asserts" | "assert" | "asserted" | "claims" | "affirms" | "confirms" | "says"
            | "yes" => Some(Self::Asserts),
            "denies" | "deny" | "denied" | "rejects" | "refutes" | "disputes" | "no" => {
                Some(Self::Denies)
            }
            _ => None,
        }
    }
}

/// Index of an input file in [`Dataset::files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u16);

/// One statement by one source. Text fields are handles into the owning [`Dataset`].
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub file: FileId,
    /// Line of the record's first character in its file (the header is line 1).
    pub line: u32,
    /// Which of its record's claims it is, from 0: a compiled event that cites several
    /// claimants makes several claims of one line.
    pub part: u16,
    /// The registry's canonical short name, or the name as written when unknown.
    pub source: Sym,
    pub source_raw: Sym,
    pub source_type: SourceType,
    pub side: Option<Sym>,
    pub kind: ClaimKind,
    pub group: Sym,
    pub quantity: Option<Quantity>,
    pub quantity_text: Option<Sym>,
    pub detail: Option<Sym>,
    pub stance: Stance,
    pub location: Option<Sym>,
    pub event_start: NaiveDate,
    pub event_end: NaiveDate,
    pub published: Option<When>,
    /// When the claimant said it; the publication time when not given.
    pub reported_at: Option<When>,
    pub outlet: Option<Sym>,
    /// The article and its link: nearly one per article, so kept as text, not interned.
    pub article_id: TextRef,
    pub url: TextRef,
    pub quote: TextRef,
    pub event_id: Option<Sym>,
    /// The dataset that compiled the claim from its source (UCDP, ACLED, IBC …).
    pub compiled_by: Option<Sym>,
    /// The file's unknown extra columns, joined by [`EXTRA_SEPARATOR`].
    pub extras: Option<Sym>,
    /// Where the row's latitude and longitude are kept, when it gives them.
    pub point: Option<PointId>,
}

/// An index into [`Dataset::points`] (plus one, so that a claim without one costs nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PointId(std::num::NonZeroU32);

/// Joins the values of a row's extra columns in [`Claim::extras`].
pub const EXTRA_SEPARATOR: char = '\u{1f}';

/// An input file as the dataset remembers it.
#[derive(Clone, Debug, Default)]
pub struct SourceFile {
    /// The file name shown to users and used in claim ids.
    pub name: String,
    /// The full path, when the input was a file on disk.
    pub path: Option<std::path::PathBuf>,
    /// Header names of the columns kept as extras, in [`Claim::extras`] order.
    pub extra_columns: Vec<String>,
    /// The import format it was read in (`claims`, `ucdp`, `acled` …).
    pub format: &'static str,
}

/// All imported claims, with the text they point into.
#[derive(Default)]
pub struct Dataset {
    pub files: Vec<SourceFile>,
    pub claims: Vec<Claim>,
    pub strings: Strings,
    pub texts: TextArena,
    /// Latitude and longitude (WGS 84 degrees) of the claims that give them.
    pub points: Vec<[f32; 2]>,
    /// Bumped by every change, so derived views know when to rebuild.
    pub revision: u64,
}

impl Dataset {
    pub fn str(&self, sym: Sym) -> &str {
        self.strings.resolve(sym)
    }

    pub fn opt_str(&self, sym: Option<Sym>) -> &str {
        sym.map_or("", |s| self.strings.resolve(s))
    }

    pub fn quote(&self, claim: &Claim) -> &str {
        self.texts.get(claim.quote)
    }

    /// Whether a claim is a compiler's own figure (its source is the dataset that compiled it,
    /// UCDP's best estimate, say): a summary of the sources it cites, not a voice of its own.
    pub fn is_compilers_own(&self, claim: &Claim) -> bool {
        claim.compiled_by.is_some_and(|c| {
            let compiler = self.str(c).trim();
            [claim.source, claim.source_raw]
                .iter()
                .any(|&s| self.str(s).trim().eq_ignore_ascii_case(compiler))
        })
    }

    /// A claim's latitude and longitude.
    pub fn coords(&self, claim: &Claim) -> Option<[f32; 2]> {
        let id = claim.point?;
        self.points.get(id.0.get() as usize - 1).copied()
    }

    /// Keeps a point and gives its id; `None` past four billion points.
    pub fn add_point(&mut self, point: [f32; 2]) -> Option<PointId> {
        let id = u32::try_from(self.points.len() + 1).ok()?;
        self.points.push(point);
        std::num::NonZeroU32::new(id).map(PointId)
    }

    pub fn file_name(&self, file: FileId) -> &str {
        self.files
            .get(usize::from(file.0))
            .map_or("", |f| f.name.as_str())
    }

    /// The stable id of a claim: its file name and line, the same on every run.
    pub fn claim_id(&self, claim: &Claim) -> String {
        if claim.part == 0 {
            format!("{}:{}", self.file_name(claim.file), claim.line)
        } else {
            format!(
                "{}:{}.{}",
                self.file_name(claim.file),
                claim.line,
                claim.part
            )
        }
    }

    /// The value of extra column `name` for `claim`, if its file has that column.
    pub fn extra<'a>(&'a self, claim: &Claim, name: &str) -> Option<&'a str> {
        let file = self.files.get(usize::from(claim.file.0))?;
        let index = file.extra_columns.iter().position(|c| c == name)?;
        self.opt_str(claim.extras).split(EXTRA_SEPARATOR).nth(index)
    }

    /// Names of every extra column across all files, in first-seen order.
    pub fn extra_column_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in self.files.iter().flat_map(|f| &f.extra_columns) {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }

    /// Approximate heap bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.claims.capacity() * std::mem::size_of::<Claim>()
            + self.strings.heap_bytes()
            + self.texts.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_synonyms() {
        assert_eq!(ClaimKind::parse("Dead"), Some(ClaimKind::Killed));
        assert_eq!(ClaimKind::parse("fatalities"), Some(ClaimKind::Killed));
        assert_eq!(ClaimKind::parse("wounded"), Some(ClaimKind::Injured));
        for s in ["detained", "arrested", "abducted"] {
            assert_eq!(ClaimKind::parse(s), Some(ClaimKind::Captured));
        }
        assert_eq!(ClaimKind::parse("control"), Some(ClaimKind::Control));
        assert_eq!(ClaimKind::parse("shelled"), None);
        assert!(ClaimKind::Killed.is_numeric());
        assert!(!ClaimKind::Origin.is_numeric());
    }

    #[test]
    fn source_types_and_stances_read_common_spellings() {
        assert_eq!(
            SourceType::parse("State Media"),
            Some(SourceType::StateMedia)
        );
        assert_eq!(
            SourceType::parse("independent-media"),
            Some(SourceType::IndependentMedia)
        );
        assert_eq!(SourceType::parse("blogger"), None);
        assert_eq!(Stance::parse("Denies"), Some(Stance::Denies));
        assert_eq!(Stance::parse("asserts"), Some(Stance::Asserts));
        assert_eq!(Stance::parse("maybe"), None);
    }

    #[test]
    fn claims_stay_compact() {
        // 112: a figure 16 bytes, an article id, a link and a quote 4 each.
        assert!(
            std::mem::size_of::<Claim>() <= 112,
            "{}",
            std::mem::size_of::<Claim>()
        );
    }
}
