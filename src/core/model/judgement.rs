//! The analyst's own judgement of a claim or a finding: a verdict and a note, kept in the
//! workspace beside the data, never in it.

use serde::{Deserialize, Serialize};

/// What the analyst concluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Checked and found to hold.
    Verified,
    /// The analyst doubts it, but it stays in the analysis.
    Disputed,
    /// Left out: an excluded claim leaves the analysis; an excluded finding leaves the list.
    Excluded,
}

impl Verdict {
    pub const ALL: [Self; 3] = [Self::Verified, Self::Disputed, Self::Excluded];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Disputed => "disputed",
            Self::Excluded => "excluded",
        }
    }
}

/// A verdict, a note, or both. An empty mark is not kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Mark {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Mark {
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.note.trim().is_empty()
    }

    pub fn is_excluded(&self) -> bool {
        self.verdict == Some(Verdict::Excluded)
    }

    /// "verified: seen in the video", "note: ask the stringer", or "".
    pub fn describe(&self) -> String {
        let note = self.note.trim();
        match (self.verdict, note.is_empty()) {
            (Some(v), true) => v.as_str().to_owned(),
            (Some(v), false) => format!("{}: {note}", v.as_str()),
            (None, false) => format!("note: {note}"),
            (None, true) => String::new(),
        }
    }
}
