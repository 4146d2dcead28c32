//! One claim with every column, as `check --json`, `analyze --json` and the claims table
//! export write it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::model::{Claim, Dataset};
use crate::core::parse::dates::When;

/// One claim as the exports write it.
#[derive(Serialize)]
pub struct ClaimRecord<'a> {
    pub id: String,
    pub file: &'a str,
    pub line: u32,
    /// The import format the file was read in.
    pub format: &'static str,
    pub source: &'a str,
    pub source_raw: &'a str,
    pub source_type: &'static str,
    pub side: Option<&'a str>,
    pub claim: &'static str,
    pub group: &'a str,
    pub low: Option<u32>,
    pub high: Option<u32>,
    /// A compiler's best estimate inside `low..=high`.
    pub best: Option<u32>,
    pub qualifier: Option<&'static str>,
    pub quantity_text: Option<&'a str>,
    pub stance: &'static str,
    pub detail: Option<&'a str>,
    pub location: Option<&'a str>,
    pub event_date: String,
    pub date_start: String,
    pub date_end: String,
    pub published: Option<When>,
    pub reported_at: Option<When>,
    pub outlet: Option<&'a str>,
    pub article_id: Option<&'a str>,
    pub url: Option<&'a str>,
    pub quote: &'a str,
    pub event_id: Option<&'a str>,
    pub compiled_by: Option<&'a str>,
    /// Latitude and longitude, WGS 84 degrees.
    pub coords: Option<[f32; 2]>,
    pub extra: BTreeMap<&'a str, &'a str>,
}

impl<'a> ClaimRecord<'a> {
    pub fn new(ds: &'a Dataset, claim: &'a Claim) -> Self {
        let opt = |sym: Option<crate::core::model::strings::Sym>| sym.map(|s| ds.str(s));
        let start = claim.event_start.format("%Y-%m-%d").to_string();
        let end = claim.event_end.format("%Y-%m-%d").to_string();
        let event_date = if start == end {
            start.clone()
        } else {
            format!("{start}/{end}")
        };
        let extra = ds
            .files
            .get(usize::from(claim.file.0))
            .map_or_else(BTreeMap::new, |f| {
                f.extra_columns
                    .iter()
                    .map(String::as_str)
                    .zip(
                        ds.opt_str(claim.extras)
                            .split(crate::core::model::EXTRA_SEPARATOR),
                    )
                    .filter(|(_, v)| !v.is_empty())
                    .collect()
            });
        Self {
            id: ds.claim_id(claim),
            file: ds.file_name(claim.file),
            line: claim.line,
            format: ds
                .files
                .get(usize::from(claim.file.0))
                .map_or("", |f| f.format),
            source: ds.str(claim.source),
            source_raw: ds.str(claim.source_raw),
            source_type: claim.source_type.as_str(),
            side: opt(claim.side),
            claim: claim.kind.as_str(),
            group: ds.str(claim.group),
            low: claim.quantity.map(|q| q.low),
            high: claim.quantity.and_then(|q| q.high()),
            best: claim.quantity.and_then(|q| q.best()),
            qualifier: claim.quantity.map(|q| q.qualifier.as_str()),
            quantity_text: opt(claim.quantity_text),
            stance: claim.stance.as_str(),
            detail: opt(claim.detail),
            location: opt(claim.location),
            event_date,
            date_start: start,
            date_end: end,
            published: claim.published,
            reported_at: claim.reported_at,
            outlet: opt(claim.outlet),
            article_id: Some(ds.texts.get(claim.article_id)).filter(|s| !s.is_empty()),
            url: Some(ds.texts.get(claim.url)).filter(|s| !s.is_empty()),
            quote: ds.quote(claim),
            event_id: opt(claim.event_id),
            compiled_by: opt(claim.compiled_by),
            coords: ds.coords(claim),
            extra,
        }
    }
}
