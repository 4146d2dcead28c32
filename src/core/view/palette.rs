//! Colours and marker shapes: the same for a source in every tab and every export.

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::model::SourceType;

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Colours told apart with the common kinds of colour blindness (Okabe and Ito's palette,
/// without black, which a dark background would hide), for the sources with the most claims.
pub const PALETTE: [Rgb; 7] = [
    [0, 114, 178],
    [230, 159, 0],
    [0, 158, 115],
    [213, 94, 0],
    [86, 180, 233],
    [204, 121, 167],
    [240, 228, 66],
];

/// The colour of every other source; its marker (by source type) tells them apart.
pub const OTHERS: Rgb = [150, 150, 150];

/// A colour for every claimant, the same in every tab and export: a source keeps the colour
/// it was given (`assigned`, kept with the workspace), so merging two sources or opening more
/// data never recolours the others; the sources with the most claims that have none take the
/// palette's free colours; the rest are grey.
pub fn source_colors(
    analysis: &Analysis,
    assigned: &BTreeMap<String, Rgb>,
) -> BTreeMap<String, Rgb> {
    let mut by_claims: Vec<(&str, usize)> = analysis
        .scorecard
        .iter()
        .map(|s| (s.source.as_str(), s.claims))
        .collect();
    by_claims.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let kept: BTreeMap<String, Rgb> = by_claims
        .iter()
        .filter_map(|(name, _)| assigned.get(*name).map(|c| ((*name).to_owned(), *c)))
        .collect();
    let mut free = PALETTE.iter().filter(|c| !kept.values().any(|k| k == *c));
    let mut colors = kept.clone();
    for (name, _) in by_claims {
        if !colors.contains_key(name) {
            colors.insert(name.to_owned(), free.next().copied().unwrap_or(OTHERS));
        }
    }
    colors
}

/// A marker shape; each source type has its own, the same in the window and in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Diamond,
    Up,
    Down,
    Plus,
    Asterisk,
}

impl Marker {
    pub fn of(source_type: SourceType) -> Self {
        match source_type {
            SourceType::Monitor => Self::Circle,
            SourceType::StateMedia => Self::Square,
            SourceType::Government => Self::Diamond,
            SourceType::Combatant => Self::Up,
            SourceType::IndependentMedia => Self::Down,
            SourceType::Analyst => Self::Plus,
            SourceType::Other => Self::Asterisk,
        }
    }
}
