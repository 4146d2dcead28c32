//! ACLED event exports, the 2020 layout and the 2023+ one alike (columns found by name): one
//! row per event, one `fatalities` figure for all sides together, the outlets in `source`.
//!
//! ACLED's figure is a floor for everyone killed when it is above 0; 0 means ACLED counted no
//! deaths, which is not a report that nobody died, so the event is kept as a figure-less
//! report of what happened. "Non-state actor overtakes territory" and "Government regains
//! territory" are control claims. Each outlet ACLED cites gets a figure-less "reported this
//! event" claim; platforms (Twitter, Telegram …) are unnamed sources.

use csv::StringRecord;

use super::cited::{UNNAMED, claimants};
use super::claims::columns::Field;
use super::translate::{Columns, Rows, Translate, cell, deaths, is_platform, spreadsheet_date};
use super::{Header, HeaderError};
use crate::core::import::registry::Registry;
use crate::core::import::report::{FileReport, RowError};

pub const COMPILER: &str = "ACLED";

pub struct Acled {
    header: Header,
    id: usize,
    date: usize,
    sub_event_type: usize,
    actor1: usize,
    admin1: usize,
    location: usize,
    latitude: usize,
    longitude: usize,
    source: usize,
    notes: usize,
    fatalities: usize,
    kept: [usize; 6],
    /// Events with no fatalities counted, kept as figure-less reports.
    without_figure: u64,
}

const EXTRAS: [&str; 6] = [
    "time_precision",
    "geo_precision",
    "event_type",
    "sub_event_type",
    "actor2",
    "source_scale",
];

impl Translate for Acled {
    const NAME: &'static str = "acled";
    const LABEL: &'static str = "ACLED events";
    const EXTRAS: &'static [&'static str] = &EXTRAS;

    fn recognises(header: &Header) -> bool {
        [
            "event_id_cnty",
            "sub_event_type",
            "fatalities",
            "geo_precision",
        ]
        .iter()
        .all(|c| header.has(c))
    }

    fn open(header: &Header, _report: &mut FileReport) -> Result<Self, HeaderError> {
        let mut at = Columns::new(header);
        let acled = Self {
            header: header.clone(),
            id: at.need("event_id_cnty"),
            date: at.need("event_date"),
            sub_event_type: at.need("sub_event_type"),
            actor1: at.need("actor1"),
            admin1: at.need("admin1"),
            location: at.need("location"),
            latitude: at.need("latitude"),
            longitude: at.need("longitude"),
            source: at.need("source"),
            notes: at.need("notes"),
            fatalities: at.need("fatalities"),
            kept: [
                at.need("time_precision"),
                at.need("geo_precision"),
                at.need("event_type"),
                at.need("sub_event_type"),
                at.need("actor2"),
                at.need("source_scale"),
            ],
            without_figure: 0,
        };
        at.done("an ACLED export")?;
        Ok(acled)
    }

    fn translate(
        &mut self,
        record: &StringRecord,
        line: u64,
        rows: &mut Rows,
    ) -> Result<(), RowError> {
        let deaths = deaths(record, line, &self.header, self.fatalities)?;
        let place = cell(record, self.location);
        let region = cell(record, self.admin1);
        let location = if region.is_empty() || region == place {
            place.to_owned()
        } else {
            format!("{place}, {region}")
        };
        let sub_event = cell(record, self.sub_event_type);
        let control = control_outcome(sub_event);
        let mut base = rows.template();
        base.set(Field::EventId, cell(record, self.id))
            .set(Field::CompiledBy, COMPILER)
            .set(Field::Location, location.as_str())
            .set(Field::EventDate, spreadsheet_date(cell(record, self.date)))
            .set(Field::Latitude, cell(record, self.latitude))
            .set(Field::Longitude, cell(record, self.longitude));
        for (n, &column) in self.kept.iter().enumerate() {
            base.extra(n, cell(record, column));
        }
        match (control, deaths) {
            (Some(verb), _) => {
                let actor = cell(record, self.actor1);
                base.set(Field::Claim, "control")
                    .set(Field::Detail, format!("{actor} {verb} {place}"));
            }
            (None, 0) => {
                self.without_figure += 1;
                base.set(Field::Claim, "other")
                    .set(Field::Detail, sub_event);
            }
            (None, _) => {
                base.set(Field::Claim, "killed");
            }
        }
        let own = rows.push(base.clone());
        own.set(Field::Source, COMPILER)
            .set(Field::SourceType, "analyst")
            .set(Field::Quote, cell(record, self.notes));
        if control.is_none() && deaths > 0 {
            own.set(Field::Count, format!("at least {deaths}"));
        }
        self.outlets(record, &base, control.is_some(), rows);
        Ok(())
    }

    fn finish(&mut self, _rows: &mut Rows, report: &mut FileReport) {
        if self.without_figure > 0 {
            report.warnings.push(format!(
                "{} event(s) with 0 fatalities: ACLED counted no deaths, which is not a report \
                 that nobody died; kept as reports of the event without a figure",
                self.without_figure
            ));
        }
    }
}

impl Acled {
    /// A figure-less claim for each outlet ACLED cites (platforms as unnamed sources).
    fn outlets(
        &self,
        record: &StringRecord,
        base: &super::translate::ClaimRow,
        control: bool,
        rows: &mut Rows,
    ) {
        let registry = Registry::builtin();
        let mut seen: Vec<String> = Vec::new();
        for outlet in cell(record, self.source).split(';').map(str::trim) {
            if outlet.is_empty() {
                continue;
            }
            let name = if is_platform(outlet) {
                UNNAMED.to_owned()
            } else {
                claimants(outlet, registry)
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| outlet.to_owned())
            };
            if seen.contains(&name) {
                continue;
            }
            let row = rows.push(base.clone());
            row.set(Field::Source, name.as_str())
                .set(Field::Outlet, outlet);
            // A control claim keeps its words (who took the place); others say who cited them.
            if !control {
                row.set(Field::Detail, "cited by ACLED for this event");
            }
            if name == UNNAMED {
                row.set(Field::SourceType, "other");
            }
            seen.push(name);
        }
    }
}

/// The control outcome an ACLED sub-event type states, as a verb the statement rules read.
fn control_outcome(sub_event: &str) -> Option<&'static str> {
    match sub_event.to_lowercase().as_str() {
        "non-state actor overtakes territory" | "government regains territory" => Some("took"),
        _ => None,
    }
}
