//! A discrepancy: two current claims about the same thing that cannot both be right, with its
//! kind and severity.

use serde::Serialize;

use crate::core::model::ClaimKind;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl DiscrepancyKind {
    pub const ALL: [Self; 4] = [
        Self::Numeric,
        Self::PartExceedsTotal,
        Self::Contradiction,
        Self::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Numeric => "numeric",
            Self::PartExceedsTotal => "part exceeds total",
            Self::Contradiction => "contradiction",
            Self::Status => "status",
        }
    }

    /// The kind as one word, as `analyze` lists it (`partexceedstotal`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Numeric => "numeric",
            Self::PartExceedsTotal => "partexceedstotal",
            Self::Contradiction => "contradiction",
            Self::Status => "status",
        }
    }
}

/// What sort of contradiction or numeric discrepancy it is, where the kind alone does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subtype {
    /// One asserts what the other denies (a figure, an event, a statement).
    Denial,
    /// Two different answers to who did it, who holds a place, or where it came from.
    Competing,
    /// A military site to one, a civilian one to the other.
    Target,
    /// The only figure the second gives is for a part of what the first counts.
    OnlyAPart,
    /// One voice gives two figures for the same thing.
    TwoFigures,
}

impl Subtype {
    /// The subtype as reports, tables and the JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Denial => "denial",
            Self::Competing => "competing",
            Self::Target => "target",
            Self::OnlyAPart => "only a part",
            Self::TwoFigures => "two figures",
        }
    }
}

impl Serialize for Subtype {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Severity {
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    pub(crate) fn step_up(self) -> Self {
        match self {
            Self::Low => Self::Medium,
            Self::Medium | Self::High => Self::High,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    Numeric,
    PartExceedsTotal,
    Contradiction,
    /// The same dead counted by one side as civilians and by the other as fighters.
    Status,
}

/// Two current claims about the same thing that cannot both be right.
#[derive(Clone, Debug, Serialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// What sort of contradiction or numeric discrepancy, where the kind alone does not say.
    pub subtype: Option<Subtype>,
    pub severity: Severity,
    /// Index into the analysis' events.
    pub event: usize,
    pub claim_kind: ClaimKind,
    /// The normalised group, shared with the claims' facts.
    pub group: crate::core::analysis::Name,
    /// The two claims, the earlier-listed claimant first.
    pub claims: [u32; 2],
    /// Ratio of the nearest bounds, for numeric discrepancies.
    pub ratio: Option<f64>,
    /// The number of people in dispute: the gap between the nearest bounds.
    pub people: Option<u32>,
}

/// What a summarised question says.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSummary {
    pub event: usize,
    pub kind: ClaimKind,
    pub group: String,
    pub claimants: usize,
    /// The middle half of the figures asserted (their 25th and 75th percentiles, each
    /// figure's range taken at its middle); `None` for statements.
    pub consensus: Option<(u32, u32)>,
    /// The claim every other was set against: the median figure (the first statement).
    pub median_claim: u32,
    /// The claims that contradict the median claim.
    pub outliers: Vec<u32>,
    /// Per claim compared: the claim, how many others' ranges meet its own, how many do not.
    pub sides: Vec<Sides>,
}

/// How many of the question's other figures agree with a claim's, and how many do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sides {
    pub claim: u32,
    pub meeting: u32,
    pub apart: u32,
}
