//! Iraq Body Count incident lists (`IBC code, Start Date, End Date, Time, Location, Target,
//! Weapons, Reported Minimum, Reported Maximum, Sources`): the civilians killed in each
//! incident as IBC's minimum to maximum over its dates, compiled by IBC, with a figure-less
//! "reported this incident" claim for each outlet in `Sources` ("NINA 22 Apr, Al-Sum 28
//! Feb").

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use csv::StringRecord;

use super::cited::claimants;
use super::claims::columns::Field;
use super::translate::{Columns, Rows, Translate, cell, deaths, spreadsheet_date};
use super::{Header, HeaderError};
use crate::core::import::registry::Registry;
use crate::core::import::report::{FileReport, RowError};
use crate::core::parse::dates::parse_date;

pub const COMPILER: &str = "IBC";

pub struct Ibc {
    header: Header,
    code: usize,
    start: usize,
    end: usize,
    location: usize,
    figures: [usize; 2],
    sources: usize,
    kept: [usize; 3],
    /// Each code's first line: IBC codes are not unique.
    codes: HashMap<String, u64>,
    reused_codes: u64,
    /// Rows whose minimum is above the maximum: how many, and the first line.
    reversed: (u64, Option<u64>),
}

const EXTRAS: [&str; 3] = ["time", "target", "weapons"];

impl Translate for Ibc {
    const NAME: &'static str = "ibc";
    const LABEL: &'static str = "Iraq Body Count incidents";
    const EXTRAS: &'static [&'static str] = &EXTRAS;

    fn recognises(header: &Header) -> bool {
        header.has("IBC code") && header.has("Reported Minimum")
    }

    fn open(header: &Header, _report: &mut FileReport) -> Result<Self, HeaderError> {
        let mut at = Columns::new(header);
        let ibc = Self {
            header: header.clone(),
            code: at.need("IBC code"),
            start: at.need("Start Date"),
            end: at.need("End Date"),
            location: at.need("Location"),
            figures: [at.need("Reported Minimum"), at.need("Reported Maximum")],
            sources: at.need("Sources"),
            kept: [at.need("Time"), at.need("Target"), at.need("Weapons")],
            codes: HashMap::new(),
            reused_codes: 0,
            reversed: (0, None),
        };
        at.done("an Iraq Body Count incident list")?;
        Ok(ibc)
    }

    fn translate(
        &mut self,
        record: &StringRecord,
        line: u64,
        rows: &mut Rows,
    ) -> Result<(), RowError> {
        let figure = |column: usize| deaths(record, line, &self.header, column);
        let (min, max) = (figure(self.figures[0])?, figure(self.figures[1])?);
        if min > max {
            self.reversed.0 += 1;
            self.reversed.1.get_or_insert(line);
        }
        let code = cell(record, self.code);
        let first = *self.codes.entry(code.to_owned()).or_insert(line);
        // A code already used names another incident: it is told apart by its line.
        let event = if first == line {
            code.to_owned()
        } else {
            self.reused_codes += 1;
            format!("{code} (line {line})")
        };
        let start = spreadsheet_date(cell(record, self.start)).into_owned();
        let mut base = rows.template();
        base.set(Field::Claim, "killed")
            .set(Field::Group, "civilians")
            .set(Field::EventId, event)
            .set(Field::CompiledBy, COMPILER)
            .set(Field::Location, cell(record, self.location))
            .set(Field::DateStart, start.as_str())
            .set(Field::DateEnd, spreadsheet_date(cell(record, self.end)));
        for (n, &column) in self.kept.iter().enumerate() {
            base.extra(n, cell(record, column));
        }
        rows.push(base.clone())
            .set(Field::Source, COMPILER)
            .set(Field::SourceType, "analyst")
            .set(Field::Low, min.min(max).to_string())
            .set(Field::High, max.max(min).to_string());
        let start = parse_date(&start).ok().map(|d| d.when.date);
        let registry = Registry::builtin();
        let mut seen: Vec<String> = Vec::new();
        for entry in cell(record, self.sources).split(',') {
            let (outlet, published) = outlet_and_day(entry, start);
            let Some(name) = claimants(outlet, registry).into_iter().next() else {
                continue;
            };
            if seen.contains(&name) {
                continue;
            }
            let row = rows.push(base.clone());
            row.set(Field::Source, name.as_str())
                .set(Field::Outlet, outlet)
                .set(Field::Detail, "cited by IBC for this incident");
            if let Some(day) = published {
                row.set(Field::Published, day.format("%Y-%m-%d").to_string());
            }
            seen.push(name);
        }
        Ok(())
    }

    fn finish(&mut self, _rows: &mut Rows, report: &mut FileReport) {
        if self.reused_codes > 0 {
            report.warnings.push(format!(
                "{} incident(s) reuse an IBC code given to an earlier row: each is its own \
                 incident, told apart by its line",
                self.reused_codes
            ));
        }
        if let (n @ 1.., Some(line)) = self.reversed {
            report.warnings.push(format!(
                "{n} incident(s) give a minimum above the maximum (first on line {line}): read \
                 as the range from the smaller to the larger"
            ));
        }
    }
}

/// `NINA 22 Apr` → ("NINA", 22 April of the incident's year, or the next year when that
/// would be before the incident). An entry with a year or a note is the outlet as written.
fn outlet_and_day(entry: &str, start: Option<NaiveDate>) -> (&str, Option<NaiveDate>) {
    let entry = entry.trim();
    let split = entry
        .rsplit_once(char::is_whitespace)
        .and_then(|(rest, month)| {
            let (outlet, day) = rest.trim_end().rsplit_once(char::is_whitespace)?;
            Some((
                outlet.trim_end(),
                day.parse::<u32>().ok()?,
                month_number(month)?,
            ))
        });
    if let (Some((outlet, day, month)), Some(start)) = (split, start)
        && !outlet.is_empty()
    {
        let in_year = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
        let published = in_year(start.year())
            .filter(|d| *d >= start)
            .or_else(|| in_year(start.year() + 1));
        return (outlet, published);
    }
    (entry, None)
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .position(|m| word.starts_with(m) && word.len() <= 9)
        .and_then(|m| u32::try_from(m + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_and_its_day_take_the_incidents_year() {
        let start = NaiveDate::from_ymd_opt(2016, 12, 30);
        assert_eq!(
            outlet_and_day("NINA 22 Apr", start),
            ("NINA", NaiveDate::from_ymd_opt(2017, 4, 22))
        );
        assert_eq!(
            outlet_and_day(" Al-Sum 30 Dec ", start),
            ("Al-Sum", NaiveDate::from_ymd_opt(2016, 12, 30))
        );
        assert_eq!(
            outlet_and_day("Airwars 2017", start),
            ("Airwars 2017", None)
        );
    }
}
