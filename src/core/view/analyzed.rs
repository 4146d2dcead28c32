//! An analysis with what every view derives from it once: the sources' colours, the place
//! and group lists, and the source-type pairs of the discrepancies. The window holds one;
//! the command line holds the analysis and the colours, and builds the rest only when an
//! option needs it.

use std::collections::BTreeMap;

use crate::core::analysis::{AliasKind, Analysis};
use crate::core::model::Dataset;
use crate::core::view::discrepancies::{Party, TypePair, type_pair};
use crate::core::view::findings::{Finding, findings};
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
    /// The disagreements in words, most important first.
    pub findings: Vec<Finding>,
    /// Who takes part in a discrepancy, for the "involving" filter: sources with the most
    /// disputes first, then source types, then sides.
    pub parties: Vec<Party>,
}

impl Analyzed {
    pub fn new(analysis: Analysis, ds: &Dataset) -> Self {
        Self::with_colors(analysis, ds, &BTreeMap::new())
    }

    /// As [`Analyzed::new`], keeping the colours sources were given before.
    pub fn with_colors(analysis: Analysis, ds: &Dataset, assigned: &BTreeMap<String, Rgb>) -> Self {
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
            findings: findings(ds, &analysis),
            parties: parties(&analysis),
            sides,
            colors: source_colors(&analysis, assigned),
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

/// The parties of the discrepancies: each source (most disputes first), each source type and
/// each side that takes part in one.
fn parties(analysis: &Analysis) -> Vec<Party> {
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    let mut types = std::collections::BTreeSet::new();
    let mut sides = std::collections::BTreeSet::new();
    for d in &analysis.discrepancies {
        for &c in &d.claims {
            let Some(f) = analysis.facts.get(c as usize) else {
                continue;
            };
            *sources.entry(f.claimant.as_ref()).or_default() += 1;
            types.insert(f.source_type);
            if let Some(side) = &f.side {
                sides.insert(side.as_ref());
            }
        }
    }
    let mut sources: Vec<(&str, usize)> = sources.into_iter().collect();
    sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let sources = sources
        .into_iter()
        .map(|(s, _)| Party::Source(s.to_owned()));
    let types = types.into_iter().map(Party::Type);
    let sides = sides.into_iter().map(|s| Party::Side(s.to_owned()));
    sources.chain(types).chain(sides).collect()
}
