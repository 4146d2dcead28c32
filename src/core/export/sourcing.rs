//! Who reported what a chart shows, for its caption: the outlets and dates behind the claims
//! ("SOHR via VICE News, 25 June 2015"), and what the analyst set aside.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::core::analysis::Analysis;
use crate::core::model::Dataset;
use crate::core::parse::dates::long_date;

/// How many voices a caption names before "and N more".
const NAMED: usize = 3;

/// The claimants of a few claims, each with its outlet and date: "SOHR via VICE News, 25 June
/// 2015; SANA via VICE News, 25 June 2015". Claimants with several claims are named once,
/// with the span of their dates.
pub fn voices(ds: &Dataset, analysis: &Analysis, claims: &[u32]) -> String {
    let mut by: BTreeMap<(String, String), Dates> = BTreeMap::new();
    for &c in claims {
        let (Some(claim), Some(facts)) =
            (ds.claims.get(c as usize), analysis.facts.get(c as usize))
        else {
            continue;
        };
        let outlet = ds.opt_str(claim.outlet);
        let outlet = if outlet == facts.claimant.as_ref() {
            ""
        } else {
            outlet
        };
        by.entry((facts.claimant.to_string(), outlet.to_owned()))
            .or_default()
            .add(reported(ds, c));
    }
    let mut named: Vec<(usize, String)> = by
        .into_iter()
        .map(|((who, outlet), dates)| {
            let via = if outlet.is_empty() {
                who
            } else {
                format!("{who} via {outlet}")
            };
            (dates.count, format!("{via}, {}", dates.words()))
        })
        .collect();
    named.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    list(named.into_iter().map(|(_, s)| s).collect(), "sources")
}

/// The outlets of many claims, most claims first, each with its count and dates: "Harbor
/// Wire (177 claims, 2 Jan–31 Oct 2023); …". Claims with no outlet are the
/// claimants' own statements.
pub fn outlets(ds: &Dataset, shown: impl Iterator<Item = u32>) -> String {
    let mut by: BTreeMap<&str, Dates> = BTreeMap::new();
    for c in shown {
        let Some(claim) = ds.claims.get(c as usize) else {
            continue;
        };
        let outlet = match ds.opt_str(claim.outlet) {
            "" => "the claimants' own statements",
            outlet => outlet,
        };
        by.entry(outlet).or_default().add(reported(ds, c));
    }
    let mut named: Vec<(usize, String)> = by
        .into_iter()
        .map(|(outlet, dates)| {
            let claims = if dates.count == 1 { "claim" } else { "claims" };
            (
                dates.count,
                format!("{outlet} ({} {claims}, {})", dates.count, dates.words()),
            )
        })
        .collect();
    named.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    list(named.into_iter().map(|(_, s)| s).collect(), "outlets")
}

/// "Excluded by the analyst: 2 claims", or nothing.
pub fn excluded(analysis: &Analysis) -> String {
    match analysis.facts.iter().filter(|f| f.excluded).count() {
        0 => String::new(),
        1 => "Excluded by the analyst: 1 claim".to_owned(),
        n => format!("Excluded by the analyst: {n} claims"),
    }
}

fn reported(ds: &Dataset, c: u32) -> Option<NaiveDate> {
    let claim = ds.claims.get(c as usize)?;
    claim.reported_at.or(claim.published).map(|w| w.date)
}

/// A count and the first and last dates of some claims.
#[derive(Default)]
struct Dates {
    count: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Dates {
    fn add(&mut self, date: Option<NaiveDate>) {
        self.count += 1;
        if let Some(d) = date {
            self.first = Some(self.first.map_or(d, |f| f.min(d)));
            self.last = Some(self.last.map_or(d, |l| l.max(d)));
        }
    }

    /// "25 June 2015", "2 Jan–31 Oct 2023", "5 Dec 2022–3 Jan 2023", or "undated".
    fn words(&self) -> String {
        match (self.first, self.last) {
            (Some(a), Some(b)) if a == b => long_date(a),
            (Some(a), Some(b)) if a.year() == b.year() => {
                format!("{}\u{2013}{}", a.format("%-d %b"), b.format("%-d %b %Y"))
            }
            (Some(a), Some(b)) => {
                format!("{}\u{2013}{}", a.format("%-d %b %Y"), b.format("%-d %b %Y"))
            }
            _ => "undated".to_owned(),
        }
    }
}

/// The first few, then how many more.
fn list(mut names: Vec<String>, what: &str) -> String {
    let more = names.len().saturating_sub(NAMED);
    names.truncate(NAMED);
    let mut text = names.join("; ");
    if more > 0 {
        text.push_str(&format!("; and {more} more {what}"));
    }
    text
}

/// The longest caption line a list is broken into (a 1,200-point page holds about 200
/// characters of caption).
const CAPTION_CHARS: usize = 150;

/// A list ("a; b; c") after a label, on as many caption lines as it needs, broken between
/// its items.
pub fn caption_lines(label: &str, list: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = label.to_owned();
    for (i, item) in list.split("; ").enumerate() {
        let sep = if i == 0 { " " } else { "; " };
        if i > 0 && line.len() + sep.len() + item.len() > CAPTION_CHARS {
            lines.push(format!("{line};"));
            line = format!("  {item}");
        } else {
            line.push_str(sep);
            line.push_str(item);
        }
    }
    lines.push(line);
    lines
}
