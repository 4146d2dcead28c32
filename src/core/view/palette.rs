//! Colours and marker shapes: the same for a source in every tab and every export.

use std::collections::BTreeMap;

use crate::core::analysis::Analysis;
use crate::core::model::SourceType;

/// An RGB colour.
pub type Rgb = [u8; 3];

/// Colours for sources, distinct on light and dark backgrounds (Tableau 10, then more).
const PALETTE: [Rgb; 12] = [
    [78, 121, 167],
    [242, 142, 43],
    [225, 87, 89],
    [118, 183, 178],
    [89, 161, 79],
    [237, 201, 72],
    [176, 122, 161],
    [255, 157, 167],
    [156, 117, 95],
    [186, 176, 172],
    [31, 119, 180],
    [148, 103, 189],
];

/// A stable colour for every claimant: sources sorted by name take the palette in turn, so a
/// source has the same colour in every tab and export.
pub fn source_colors(analysis: &Analysis) -> BTreeMap<String, Rgb> {
    let mut names: Vec<&str> = analysis
        .scorecard
        .iter()
        .map(|s| s.source.as_str())
        .collect();
    names.sort_unstable();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name.to_owned(), PALETTE[i % PALETTE.len()]))
        .collect()
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
