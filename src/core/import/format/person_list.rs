//! Per-person lists, as monitors publish their documented dead (the VDC's: `Province,
//! Cause_of_Death, Name, Area, Date_of_Death, Sex, Rank`): one row a person with a date, a
//! place and a status. They are counted per day, place and group as one claimant's claims;
//! a list of named dead is a documented minimum, so each count is "at least". Rows without a
//! date (`0000-00-00`) are counted per place over the list's whole period, and say so.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use csv::StringRecord;

use super::claims::columns::Field;
use super::translate::{Columns, Rows, Translate, cell, row_error, spreadsheet_date};
use super::{Header, HeaderError};
use crate::core::import::registry::Registry;
use crate::core::import::report::{FileReport, RowError};
use crate::core::parse::dates::parse_date;

/// Where one count stands: the day (`None` when undated), the place, the group.
type Key = (Option<NaiveDate>, String, String);

pub struct PersonList {
    header: Header,
    name: usize,
    date: usize,
    place: usize,
    province: Option<usize>,
    status: Option<usize>,
    /// Who compiled the list: a registry name in the file's name ("vdc_…" is the VDC), else
    /// the file's name.
    claimant: String,
    /// The lines of the people counted together.
    counts: BTreeMap<Key, Vec<u64>>,
    /// The list's first and last dates, for the undated.
    period: Option<(NaiveDate, NaiveDate)>,
    undated: u64,
}

impl Translate for PersonList {
    const NAME: &'static str = "person_list";
    const LABEL: &'static str = "A list of people (one row a person)";
    const COUNTS_ROWS: bool = true;

    fn recognises(header: &Header) -> bool {
        let any = |names: &[&str]| names.iter().any(|n| header.has(n));
        header.has("name")
            && any(&["date_of_death", "death_date", "date"])
            && any(&["area", "place", "location", "town", "village"])
            && any(&["rank", "status", "category", "cause_of_death"])
            && !header.has("claim")
    }

    fn open(header: &Header, report: &mut FileReport) -> Result<Self, HeaderError> {
        let mut at = Columns::new(header);
        let list = Self {
            header: header.clone(),
            name: at.need("name"),
            date: at.need("date_of_death|death_date|date"),
            place: at.need("area|place|location|town|village"),
            province: at.find("province|governorate|region"),
            status: at.find("rank|status|category"),
            claimant: list_claimant(&report.path),
            counts: BTreeMap::new(),
            period: None,
            undated: 0,
        };
        at.done("a list of people")?;
        Ok(list)
    }

    fn translate(
        &mut self,
        record: &StringRecord,
        line: u64,
        _rows: &mut Rows,
    ) -> Result<(), RowError> {
        if cell(record, self.name).is_empty() {
            return Err(row_error(
                line,
                &self.header,
                self.name,
                "no name".to_owned(),
            ));
        }
        let written = cell(record, self.date);
        let date = if written.is_empty() || written.starts_with("0000") {
            self.undated += 1;
            None
        } else {
            let date = parse_date(&spreadsheet_date(written))
                .map_err(|e| row_error(line, &self.header, self.date, e.to_string()))?
                .when
                .date;
            self.period = Some(match self.period {
                Some((first, last)) => (first.min(date), last.max(date)),
                None => (date, date),
            });
            Some(date)
        };
        let area = cell(record, self.place);
        let province = self.province.map_or("", |i| cell(record, i));
        let place = match (
            area.is_empty(),
            province.is_empty() || province == "Unknown",
        ) {
            (true, true) => "place not given".to_owned(),
            (true, false) => province.to_owned(),
            (false, true) => area.to_owned(),
            (false, false) => format!("{area}, {province}"),
        };
        let group = group_of(self.status.map_or("", |i| cell(record, i)));
        self.counts
            .entry((date, place, group))
            .or_default()
            .push(line);
        Ok(())
    }

    fn finish(&mut self, rows: &mut Rows, report: &mut FileReport) {
        let period = self.period;
        for ((date, place, group), lines) in std::mem::take(&mut self.counts) {
            let n = lines.len();
            let row = rows.row();
            row.records = lines;
            row.set(Field::Source, self.claimant.as_str())
                .set(Field::Claim, "killed")
                .set(Field::Group, group)
                .set(Field::Count, format!("at least {n}"))
                .set(Field::Location, place);
            match (date, period) {
                (Some(day), _) => {
                    row.set(Field::EventDate, day.format("%Y-%m-%d").to_string());
                }
                (None, Some((first, last))) => {
                    row.set(Field::DateStart, first.format("%Y-%m-%d").to_string())
                        .set(Field::DateEnd, last.format("%Y-%m-%d").to_string())
                        .set(Field::Detail, "date of death not given in the list");
                }
                (None, None) => {}
            }
        }
        if self.undated > 0 {
            report.warnings.push(format!(
                "{} people without a date of death: counted per place over the list's whole \
                 period, flagged \"date of death not given\"",
                self.undated
            ));
        }
        report.warnings.push(format!(
            "a list of people, counted per day, place and group as {}'s claims (at least: a \
             list of named dead is a documented minimum)",
            self.claimant
        ));
    }
}

/// The group a status or rank names: civilians, fighters of a rank, or everyone.
fn group_of(status: &str) -> String {
    let lower = status.trim().to_lowercase();
    match lower.as_str() {
        "" | "unknown" | "not known" | "-" => "all".to_owned(),
        s if s.contains("civilian") => "civilians".to_owned(),
        s if s.ends_with('s') => s.to_owned(),
        s => format!("{s}s"),
    }
}

/// The claimant a list's file name names ("vdc_regime_fatalities_2015.csv" is the VDC's),
/// else the file's name without its extension.
fn list_claimant(path: &str) -> String {
    let stem = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(path);
    let registry = Registry::builtin();
    stem.split(['_', '-', ' ', '.'])
        .filter(|word| word.len() >= 3)
        .find_map(|word| registry.lookup(word).map(|k| k.name.clone()))
        .unwrap_or_else(|| stem.to_owned())
}
