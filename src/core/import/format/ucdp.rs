//! UCDP's Georeferenced Event Dataset (GED), any version: one row per event, UCDP's own
//! figures (`low`, `best`, `high`, and by party `deaths_a`, `deaths_b`, `deaths_civilians`,
//! `deaths_unknown`) and the claimants it cites (`source_original`, with the articles in
//! `source_office`, `source_date`, `source_headline`). Columns are found by name: 23.1
//! reorders them and adds `relid`, `code_status` and `where_description`.
//!
//! Each event becomes UCDP's claim (its range, its best estimate as the point), a claim per
//! party it counts, and a figure-less "reported this event" claim for each claimant it cites,
//! all compiled by UCDP. A headline's figures are never read: they cover other places and
//! periods.

use csv::StringRecord;

use super::cited::{UNNAMED, claimants};
use super::claims::columns::Field;
use super::translate::{ClaimRow, Columns, Rows, Translate, cell, deaths, row_error};
use super::{Header, HeaderError};
use crate::core::import::registry::Registry;
use crate::core::import::report::{FileReport, RowError};

pub const COMPILER: &str = "UCDP";

/// UCDP GED's columns, found by name.
pub struct Ucdp {
    header: Header,
    c: UcdpColumns,
    /// Rows whose best estimate lies outside low..high (or low above high): how many, and the
    /// first few lines.
    out_of_range: (u64, Vec<u64>),
}

struct UcdpColumns {
    id: usize,
    relid: Option<usize>,
    date_start: usize,
    date_end: usize,
    place: usize,
    adm_1: Option<usize>,
    latitude: usize,
    longitude: usize,
    figures: [usize; 3],
    parts: [usize; 4],
    sides: [usize; 2],
    original: usize,
    office: usize,
    date: usize,
    headline: usize,
    article: Option<usize>,
    kept: [usize; 4],
}

/// Cells kept with each claim.
const EXTRAS: [&str; 6] = [
    "adm_1",
    "where_prec",
    "date_prec",
    "type_of_violence",
    "dyad_name",
    "relid",
];

impl Translate for Ucdp {
    const NAME: &'static str = "ucdp";
    const LABEL: &'static str = "UCDP GED events";
    const EXTRAS: &'static [&'static str] = &EXTRAS;

    fn recognises(header: &Header) -> bool {
        ["best", "deaths_civilians", "source_original", "where_prec"]
            .iter()
            .all(|c| header.has(c))
    }

    fn open(header: &Header, _report: &mut FileReport) -> Result<Self, HeaderError> {
        let mut at = Columns::new(header);
        let c = UcdpColumns {
            id: at.need("id"),
            relid: at.find("relid"),
            date_start: at.need("date_start"),
            date_end: at.need("date_end"),
            place: at.need("where_coordinates"),
            adm_1: at.find("adm_1"),
            latitude: at.need("latitude"),
            longitude: at.need("longitude"),
            figures: [at.need("low"), at.need("best"), at.need("high")],
            parts: [
                at.need("deaths_a"),
                at.need("deaths_b"),
                at.need("deaths_civilians"),
                at.need("deaths_unknown"),
            ],
            sides: [at.need("side_a"), at.need("side_b")],
            original: at.need("source_original"),
            office: at.need("source_office"),
            date: at.need("source_date"),
            headline: at.need("source_headline"),
            article: at.find("source_article"),
            kept: [
                at.need("where_prec"),
                at.need("date_prec"),
                at.need("type_of_violence"),
                at.need("dyad_name"),
            ],
        };
        at.done("UCDP GED")?;
        Ok(Self {
            header: header.clone(),
            c,
            out_of_range: (0, Vec::new()),
        })
    }

    fn translate(
        &mut self,
        record: &StringRecord,
        line: u64,
        rows: &mut Rows,
    ) -> Result<(), RowError> {
        let c = &self.c;
        if cell(record, c.id).starts_with('#') {
            return Err(row_error(
                line,
                &self.header,
                c.id,
                "an HXL tag row (#event+id …): column tags, not an event".to_owned(),
            ));
        }
        let figure = |column: usize| deaths(record, line, &self.header, column);
        let [low, best, high] = [
            figure(c.figures[0])?,
            figure(c.figures[1])?,
            figure(c.figures[2])?,
        ];
        if !(low <= best && best <= high) {
            self.out_of_range.0 += 1;
            if self.out_of_range.1.len() < 5 {
                self.out_of_range.1.push(line);
            }
        }
        let base = self.event_row(record, rows.template());
        rows.push(base.clone())
            .set(Field::Source, COMPILER)
            .set(Field::SourceType, "analyst")
            .set(Field::Low, low.min(high).to_string())
            .set(Field::High, high.max(low).to_string())
            .set(Field::Best, best.to_string());
        let sides = [cell(record, c.sides[0]), cell(record, c.sides[1])];
        let groups = [
            format!("{} fighters", sides[0]),
            format!("{} fighters", sides[1]),
            "civilians".to_owned(),
            "people of unknown status".to_owned(),
        ];
        for (&column, group) in c.parts.iter().zip(groups) {
            let n = figure(column)?;
            if n > 0 {
                rows.push(base.clone())
                    .set(Field::Source, COMPILER)
                    .set(Field::SourceType, "analyst")
                    .set(Field::Group, group)
                    .set(Field::Count, n.to_string());
            }
        }
        self.cited(record, &base, rows);
        Ok(())
    }

    fn finish(&mut self, _rows: &mut Rows, report: &mut FileReport) {
        let (n, lines) = &self.out_of_range;
        if *n > 0 {
            let lines: Vec<String> = lines.iter().map(u64::to_string).collect();
            report.warnings.push(format!(
                "{n} event(s) whose best estimate is not between low and high ({} {}{}): \
                 imported as UCDP gave them, the range from the smaller to the larger",
                if *n == 1 { "line" } else { "lines" },
                lines.join(", "),
                if *n > 5 { ", …" } else { "" }
            ));
        }
    }
}

/// One article UCDP cites: its outlet, date and headline.
struct Article<'r> {
    office: &'r str,
    date: &'r str,
    headline: String,
}

impl Ucdp {
    /// The cells every claim of the event shares: the event, its place, dates and point.
    fn event_row(&self, record: &StringRecord, mut row: ClaimRow) -> ClaimRow {
        let c = &self.c;
        // The place alone: a region beside it would make a town the gazetteer does not know
        // ("Arbin, Rif Dimashq") a different place from the same town named in an article.
        let place = place_name(cell(record, c.place));
        let location = if place.is_empty() {
            c.adm_1
                .map(|i| place_name(cell(record, i)))
                .unwrap_or_default()
        } else {
            place
        };
        row.set(Field::Claim, "killed")
            .set(Field::EventId, cell(record, c.id))
            .set(Field::CompiledBy, COMPILER)
            .set(Field::Location, location)
            .set(Field::DateStart, cell(record, c.date_start))
            .set(Field::DateEnd, cell(record, c.date_end))
            .set(Field::Latitude, cell(record, c.latitude))
            .set(Field::Longitude, cell(record, c.longitude));
        if let Some(adm_1) = c.adm_1 {
            row.extra(0, cell(record, adm_1));
        }
        for (n, &column) in c.kept.iter().enumerate() {
            row.extra(n + 1, cell(record, column));
        }
        if let Some(relid) = c.relid {
            row.extra(5, cell(record, relid));
        }
        row
    }

    /// A figure-less "reported this event" claim for each claimant UCDP cites.
    fn cited(&self, record: &StringRecord, base: &ClaimRow, rows: &mut Rows) {
        let c = &self.c;
        let registry = Registry::builtin();
        let names = claimants(cell(record, c.original), registry);
        let articles = self.articles(record);
        for (i, name) in names.iter().enumerate() {
            let key = |s: &str| {
                registry
                    .lookup(s)
                    .map_or_else(|| s.to_lowercase(), |k| k.name.to_lowercase())
            };
            let article = articles
                .iter()
                .find(|a| key(a.office) == name.to_lowercase())
                .or_else(|| (names.len() == articles.len()).then(|| &articles[i]));
            let row = rows
                .push(base.clone())
                .set(Field::Source, name.as_str())
                .set(Field::Detail, "cited by UCDP for this event");
            if name == UNNAMED {
                row.set(Field::SourceType, "other");
            }
            if let Some(a) = article {
                row.set(Field::Outlet, a.office)
                    .set(Field::Published, a.date)
                    .set(Field::Quote, a.headline.as_str());
            }
        }
    }

    /// The articles, in step: office, date and headline lists joined by `;`; when a
    /// headline holds `;` itself, read from `source_article` ("office,date,headline" each in
    /// quotes).
    fn articles<'r>(&self, record: &'r StringRecord) -> Vec<Article<'r>> {
        let c = &self.c;
        let offices: Vec<&str> = cell(record, c.office).split(';').map(str::trim).collect();
        let dates: Vec<&str> = cell(record, c.date).split(';').map(str::trim).collect();
        let headlines: Vec<&str> = cell(record, c.headline).split(';').map(str::trim).collect();
        if offices.len() == headlines.len() || c.article.is_none() {
            return offices
                .iter()
                .enumerate()
                .map(|(i, &office)| Article {
                    office,
                    date: dates.get(i).copied().unwrap_or(""),
                    headline: headlines.get(i).copied().unwrap_or("").to_owned(),
                })
                .collect();
        }
        let joined = c.article.map_or("", |i| cell(record, i));
        joined
            .split("\";\"")
            .zip(offices.iter().zip(&dates))
            .map(|(text, (&office, &date))| {
                let text = text.trim_matches('"');
                let headline = text.splitn(3, ',').nth(2).unwrap_or(text).trim();
                Article {
                    office,
                    date,
                    headline: headline.to_owned(),
                }
            })
            .collect()
    }
}

/// A UCDP place name without the kind of place ("Sarmada town" is Sarmada, "Idlib
/// Governorate" is Idlib).
fn place_name(written: &str) -> String {
    const KINDS: [&str; 9] = [
        " town",
        " village",
        " city",
        " suburb",
        " district",
        " governorate",
        " province",
        " area",
        " camp",
    ];
    let bytes = written.as_bytes();
    KINDS
        .iter()
        .find(|k| {
            bytes.len() > k.len()
                && bytes[bytes.len() - k.len()..].eq_ignore_ascii_case(k.as_bytes())
        })
        .map_or_else(
            || written.to_owned(),
            |k| written[..written.len() - k.len()].trim().to_owned(),
        )
}
