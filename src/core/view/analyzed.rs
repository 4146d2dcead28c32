//! An analysis with what every view derives from it once: the sources' colours, the place
//! and group lists, and the source-type pairs of the discrepancies. The window and the
//! command line both hold one.

use std::collections::BTreeMap;

use crate::core::analysis::{AliasKind, Analysis};
use crate::core::model::Dataset;
use crate::core::view::discrepancies::{TypePair, type_pair};
use crate::core::view::palette::{Rgb, source_colors};
use crate::core::view::selection::Facets;

pub struct Analyzed {
    pub analysis: Analysis,
    pub colors: BTreeMap<String, Rgb>,
    pub facets: Facets,
    /// The source type pairs the discrepancies are between, for the pair filter.
    pub type_pairs: Vec<TypePair>,
    /// Every side a source speaks for, sorted, for the side pickers.
    pub sides: Vec<String>,
}

impl Analyzed {
    pub fn new(analysis: Analysis, ds: &Dataset) -> Self {
        let mut type_pairs: Vec<TypePair> = analysis
            .discrepancies
            .iter()
            .map(|d| type_pair(&analysis, d))
            .collect();
        type_pairs.sort_unstable();
        type_pairs.dedup();
        let mut sides: Vec<String> = analysis
            .scorecard
            .iter()
            .filter_map(|s| s.side.clone())
            .collect();
        sides.sort();
        sides.dedup();
        Self {
            sides,
            colors: source_colors(&analysis),
            facets: Facets::new(ds, &analysis),
            type_pairs,
            analysis,
        }
    }

    /// The names of one kind the data holds, most claims first.
    pub fn names(&self, kind: AliasKind) -> Vec<&str> {
        match kind {
            AliasKind::Source => self
                .analysis
                .scorecard
                .iter()
                .map(|s| s.source.as_str())
                .collect(),
            AliasKind::Place => self.facets.places.iter().map(|(n, _)| n.as_str()).collect(),
            AliasKind::Group => self.facets.groups.iter().map(|(n, _)| n.as_str()).collect(),
        }
    }
}
