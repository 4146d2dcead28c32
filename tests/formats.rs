//! The import format room: two small formats written only here, against the public trait,
//! show that a format whose records are not one claim each fits it.
//!
//! - `IncidentRows`: one row per incident with a figure for the dead and one for the wounded:
//!   each row becomes two claims.
//! - `PersonList`: one row per person killed, as monitors' lists are: the rows of one
//!   incident become one claim that counts them and lists its rows.

use csv::StringRecord;
use triangulate::core::import::report::FileReport;
use triangulate::core::import::{
    Emit, FileContext, Format, FormatEntry, Header, HeaderError, ImportOptions, Input, RowError,
    import_as,
};
use triangulate::core::model::{ClaimKind, FileId, SourceType};
use triangulate::core::parse::dates::parse_date;
use triangulate::core::parse::quantity::{Quantity, parse_quantity};
use triangulate::core::progress::Progress;

/// Where a header's named columns are.
fn columns<const N: usize>(
    header: &Header,
    names: [&'static str; N],
) -> Result<[usize; N], HeaderError> {
    let mut found = [0; N];
    for (slot, name) in found.iter_mut().zip(names) {
        *slot = header
            .names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))
            .ok_or_else(|| HeaderError::FormatColumns {
                format: "this test's format",
                missing: vec![name],
            })?;
    }
    Ok(found)
}

fn cell(record: &StringRecord, column: usize) -> &str {
    record.get(column).unwrap_or("").trim()
}

fn row_error(line: u64, reason: impl Into<String>) -> RowError {
    RowError {
        line,
        column: None,
        reason: reason.into(),
    }
}

struct IncidentRows;

/// `monitor, date, town, killed, wounded`.
struct IncidentColumns([usize; 5]);

struct Incident {
    date: chrono::NaiveDate,
    killed: Quantity,
    wounded: Quantity,
}

impl Format for IncidentRows {
    type Checker = IncidentColumns;
    type Checked = Incident;
    type Builder = (IncidentColumns, FileId);

    fn recognises(header: &Header) -> bool {
        header.has("killed") && header.has("wounded") && header.has("monitor")
    }

    fn open(
        header: &Header,
        context: FileContext,
        _report: &mut FileReport,
    ) -> Result<(IncidentColumns, (IncidentColumns, FileId)), HeaderError> {
        let at = columns(header, ["monitor", "date", "town", "killed", "wounded"])?;
        Ok((IncidentColumns(at), (IncidentColumns(at), context.file)))
    }

    fn check(
        c: &mut IncidentColumns,
        record: &StringRecord,
        line: u64,
    ) -> Result<Incident, RowError> {
        let [_, date, _, killed, wounded] = c.0;
        let figure = |column: usize| {
            parse_quantity(cell(record, column)).map_err(|e| row_error(line, e.to_string()))
        };
        Ok(Incident {
            date: parse_date(cell(record, date))
                .map_err(|e| row_error(line, e.to_string()))?
                .when
                .date,
            killed: figure(killed)?,
            wounded: figure(wounded)?,
        })
    }

    fn build(
        (c, file): &mut (IncidentColumns, FileId),
        record: &StringRecord,
        line: u64,
        incident: Incident,
        out: &mut Emit<'_>,
    ) {
        let [monitor, _, town, _, _] = c.0;
        for (kind, quantity) in [
            (ClaimKind::Killed, incident.killed),
            (ClaimKind::Injured, incident.wounded),
        ] {
            out.new_claim(&triangulate::core::import::format::NewClaim {
                file: *file,
                line,
                source: cell(record, monitor),
                source_type: SourceType::Monitor,
                kind,
                group: "",
                quantity: Some(quantity),
                location: Some(cell(record, town)),
                event_date: incident.date,
                detail: None,
                coords: None,
            });
        }
    }

    fn finish(_: (IncidentColumns, FileId), _: IncidentColumns, _: &mut Emit<'_>) {}
}

struct PersonList;

/// The incident being counted: its id, its first row's line, its date and place, its rows.
struct Counting {
    columns: [usize; 4],
    file: FileId,
    open: Option<(String, u64, chrono::NaiveDate, String, Vec<u64>)>,
}

impl Counting {
    /// Emits the incident counted so far as one claim.
    fn close(&mut self, out: &mut Emit<'_>) {
        let Some((incident, line, date, place, rows)) = self.open.take() else {
            return;
        };
        let lines: Vec<String> = rows.iter().map(u64::to_string).collect();
        let detail = format!("incident {incident}: rows {}", lines.join(", "));
        out.new_claim(&triangulate::core::import::format::NewClaim {
            file: self.file,
            line,
            source: "Fictional Casualty List",
            source_type: SourceType::Monitor,
            kind: ClaimKind::Killed,
            group: "",
            quantity: Some(Quantity::exact(rows.len() as u32)),
            location: Some(&place),
            event_date: date,
            detail: Some(&detail),
            coords: None,
        });
    }
}

impl Format for PersonList {
    /// The date column.
    type Checker = usize;
    type Checked = chrono::NaiveDate;
    type Builder = Counting;

    fn recognises(header: &Header) -> bool {
        header.has("person") && header.has("incident")
    }

    fn open(
        header: &Header,
        context: FileContext,
        _report: &mut FileReport,
    ) -> Result<(usize, Counting), HeaderError> {
        let columns = columns(header, ["person", "incident", "date", "place"])?;
        Ok((
            columns[2],
            Counting {
                columns,
                file: context.file,
                open: None,
            },
        ))
    }

    fn check(
        date: &mut usize,
        record: &StringRecord,
        line: u64,
    ) -> Result<chrono::NaiveDate, RowError> {
        let date = parse_date(cell(record, *date)).map_err(|e| row_error(line, e.to_string()))?;
        Ok(date.when.date)
    }

    fn build(
        counting: &mut Counting,
        record: &StringRecord,
        line: u64,
        date: chrono::NaiveDate,
        out: &mut Emit<'_>,
    ) {
        let [_, incident, _, place] = counting.columns;
        let incident = cell(record, incident).to_owned();
        match &mut counting.open {
            Some((open, _, _, _, rows)) if *open == incident => rows.push(line),
            _ => {
                counting.close(out);
                let place = cell(record, place).to_owned();
                counting.open = Some((incident, line, date, place, vec![line]));
            }
        }
    }

    fn finish(mut counting: Counting, _: usize, out: &mut Emit<'_>) {
        counting.close(out);
    }
}

fn import_with(files: &[(&str, &str)]) -> triangulate::core::import::Imported {
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            Input::file(path)
        })
        .collect();
    let mut formats = vec![
        FormatEntry::of::<IncidentRows>(),
        FormatEntry::of::<PersonList>(),
    ];
    formats.extend(triangulate::core::import::builtin_formats());
    import_as(
        &inputs,
        &ImportOptions::default(),
        &formats,
        &Progress::default(),
    )
    .unwrap()
}

#[test]
fn one_row_can_become_two_claims() {
    let imported = import_with(&[(
        "incidents.csv",
        "monitor,date,town,killed,wounded\n\
         Fictional Monitor,2024-03-02,Tal Zaytun,at least 7,12\n\
         Fictional Monitor,2024-03-03,Tal Zaytun,none,about 40\n\
         Fictional Monitor,not a date,Tal Zaytun,3,4\n",
    )]);
    let ds = &imported.dataset;
    let file = &imported.report.files[0];
    assert_eq!((file.rows, file.imported), (3, 4));
    assert_eq!(file.rejected.len(), 1);
    assert_eq!(file.rejected[0].line, 4);
    let kinds: Vec<(ClaimKind, u32)> = ds
        .claims
        .iter()
        .map(|c| (c.kind, c.quantity.unwrap().low))
        .collect();
    assert_eq!(
        kinds,
        [
            (ClaimKind::Killed, 7),
            (ClaimKind::Injured, 12),
            (ClaimKind::Killed, 0),
            (ClaimKind::Injured, 36),
        ]
    );
    assert!(
        ds.claims
            .iter()
            .all(|c| ds.opt_str(c.location) == "Tal Zaytun")
    );
}

#[test]
fn several_rows_can_become_one_claim_that_lists_them() {
    let imported = import_with(&[
        (
            "people.csv",
            "person,incident,date,place\n\
             A.,inc-1,2024-03-02,Tal Zaytun\n\
             B.,inc-1,2024-03-02,Tal Zaytun\n\
             C.,inc-1,2024-03-02,Tal Zaytun\n\
             D.,inc-2,2024-03-05,Wadi Sahra\n",
        ),
        // The claims format still reads its own files in the same import.
        (
            "claims.csv",
            "source,claim,count,event_date,location\n\
             Fictional Observer,killed,3,2024-03-02,Tal Zaytun\n",
        ),
    ]);
    let ds = &imported.dataset;
    assert_eq!(imported.report.files[0].rows, 4);
    assert_eq!(imported.report.files[0].imported, 2);
    let counted: Vec<(u32, &str, u32)> = ds
        .claims
        .iter()
        .map(|c| (c.quantity.unwrap().low, ds.opt_str(c.detail), c.line))
        .collect();
    assert_eq!(
        counted,
        [
            (3, "incident inc-1: rows 2, 3, 4", 2),
            (1, "incident inc-2: rows 5", 5),
            (3, "", 2),
        ]
    );
    assert_eq!(imported.report.files[1].imported, 1);
}

/// A built-in format's seed file, imported as the importer recognises it.
fn seed(name: &str) -> triangulate::core::import::Imported {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz_seeds")
        .join(name);
    crate::fixtures::import_paths(&[path], &ImportOptions::default())
}

fn sources_of(imported: &triangulate::core::import::Imported, event: &str) -> Vec<String> {
    let ds = &imported.dataset;
    ds.claims
        .iter()
        .filter(|c| ds.opt_str(c.event_id) == event)
        .map(|c| ds.str(c.source).to_owned())
        .collect()
}

#[test]
fn ucdp_events_give_the_compilers_figures_its_parts_and_who_it_cites() {
    let imported = seed("ucdp.csv");
    let file = &imported.report.files[0];
    assert_eq!(file.format, "ucdp");
    assert_eq!(file.rejected.len(), 1, "the HXL tag row");
    assert!(file.rejected[0].reason.contains("HXL"));
    let ds = &imported.dataset;
    let own = &ds.claims[0];
    let q = own.quantity.unwrap();
    assert_eq!((q.low, q.high(), q.best()), (7, Some(12), Some(9)));
    assert_eq!(ds.str(own.source), "UCDP");
    assert_eq!(ds.opt_str(own.compiled_by), "UCDP");
    assert_eq!(ds.opt_str(own.location), "Tel Zaytun");
    assert!(ds.coords(own).is_some());
    assert_eq!(ds.claim_id(own), "ucdp.csv:3");
    assert_eq!(ds.claim_id(&ds.claims[1]), "ucdp.csv:3.1");
    // Parts above 0: side a 2, side b 3, civilians 4; then the cited claimants, each once,
    // the generic ones as one unnamed claimant.
    assert_eq!(
        sources_of(&imported, "900001"),
        [
            "UCDP",
            "UCDP",
            "UCDP",
            "UCDP",
            "Fictional Monitor",
            "unnamed sources",
            "Valley Bulletin"
        ]
    );
    let cited = ds
        .claims
        .iter()
        .find(|c| ds.str(c.source) == "Valley Bulletin" && ds.opt_str(c.event_id) == "900001")
        .unwrap();
    assert_eq!(cited.quantity, None, "a headline's figures are never read");
    assert_eq!(ds.quote(cited), "Clashes near the river");
    // A headline holding `;` is read from source_article.
    let second = ds
        .claims
        .iter()
        .find(|c| ds.str(c.source) == "Valley Bulletin" && ds.opt_str(c.event_id) == "900002")
        .unwrap();
    assert_eq!(ds.quote(second), "A headline; with a semicolon");
    assert!(
        file.warnings
            .iter()
            .any(|w| w.contains("best estimate") && w.contains("line 4")),
        "{:?}",
        file.warnings
    );
}

#[test]
fn acled_events_give_a_floor_a_report_without_figure_or_control() {
    let imported = seed("acled.csv");
    let file = &imported.report.files[0];
    assert_eq!((file.format, file.rows_imported()), ("acled", 2));
    let ds = &imported.dataset;
    let clash = &ds.claims[0];
    let q = clash.quantity.unwrap();
    assert_eq!((q.low, q.high()), (4, None), "ACLED's figure is a floor");
    assert_eq!(clash.event_start.to_string(), "2025-06-06");
    assert_eq!(
        sources_of(&imported, "RUR1"),
        ["ACLED", "Valley Bulletin", "unnamed sources"]
    );
    let taken = ds
        .claims
        .iter()
        .find(|c| ds.opt_str(c.event_id) == "RUR2")
        .unwrap();
    assert_eq!(taken.kind, ClaimKind::Control);
    assert_eq!(
        ds.opt_str(taken.detail),
        "Free Hills Front took Olive Ridge"
    );
    assert_eq!(taken.quantity, None, "0 fatalities is not none");
}

#[test]
fn iraq_body_count_incidents_give_civilians_over_their_dates_and_outlets() {
    let imported = seed("ibc.csv");
    let file = &imported.report.files[0];
    assert_eq!(file.format, "ibc");
    let ds = &imported.dataset;
    let first = &ds.claims[0];
    let q = first.quantity.unwrap();
    assert_eq!((q.low, q.high()), (3, Some(5)));
    assert_eq!(ds.str(first.group), "civilians");
    assert_eq!(
        sources_of(&imported, "z1"),
        ["IBC", "Valley Bulletin", "Hill Radio"]
    );
    let radio = ds
        .claims
        .iter()
        .find(|c| ds.str(c.source) == "Hill Radio")
        .unwrap();
    assert_eq!(radio.published.unwrap().date.to_string(), "2009-01-02");
    let reversed = ds
        .claims
        .iter()
        .find(|c| ds.opt_str(c.event_id) == "z2")
        .unwrap();
    let q = reversed.quantity.unwrap();
    assert_eq!((q.low, q.high()), (1, Some(2)));
    assert_eq!(
        (
            reversed.event_start.to_string(),
            reversed.event_end.to_string()
        ),
        ("2017-02-28".to_owned(), "2017-03-02".to_owned())
    );
    assert!(
        file.warnings
            .iter()
            .any(|w| w.contains("minimum above the maximum"))
    );
}

#[test]
fn a_list_of_people_is_counted_per_day_place_and_group() {
    let imported = seed("person_list.csv");
    let file = &imported.report.files[0];
    assert_eq!(file.format, "person_list");
    assert_eq!(file.duplicates.len(), 1, "the repeated person");
    assert_eq!(file.counted, 3);
    let ds = &imported.dataset;
    let civilians = ds
        .claims
        .iter()
        .find(|c| ds.str(c.group) == "civilians")
        .unwrap();
    let q = civilians.quantity.unwrap();
    assert_eq!((q.low, q.high()), (2, None), "two named dead: at least two");
    let undated = ds
        .claims
        .iter()
        .find(|c| ds.opt_str(c.detail).contains("not given"))
        .unwrap();
    assert_eq!(ds.str(undated.group), "soldiers");
    assert_eq!(ds.opt_str(undated.location), "place not given");
}

#[test]
fn a_compiled_row_with_a_cell_too_many_or_too_few_is_rejected_not_shifted() {
    // UCDP with a cell inserted before deaths_a: read as it stood, best 9 became 0 and the
    // range 7–12 became 9–12. IBC with an extra cell at the end: dropped silently.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz_seeds");
    for (name, column) in [("ucdp.csv", Some("deaths_a")), ("ibc.csv", None)] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        let width = header.len();
        let data = lines
            .iter()
            .position(|l| !l.starts_with('#') && l != &lines[0])
            .unwrap();
        let mut record = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(lines[data].as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap();
        let at = column.map_or(record.len(), |c| {
            header.iter().position(|h| *h == c).unwrap()
        });
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        cells.insert(at, "5".to_owned());
        record = csv::StringRecord::from(cells);
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&record).unwrap();
        lines[data] = String::from_utf8(writer.into_inner().unwrap())
            .unwrap()
            .trim_end()
            .to_owned();
        let imported = import_with(&[(name, &(lines.join("\n") + "\n"))]);
        let file = &imported.report.files[0];
        let line = data as u64 + 1;
        let rejected = file.rejected.iter().find(|r| r.line == line);
        assert_eq!(
            rejected.map(|r| r.reason.clone()),
            Some(format!(
                "row has {} fields, the header has {width}",
                width + 1
            )),
            "{name}: {:?}",
            file.rejected
        );
        assert!(
            imported
                .dataset
                .claims
                .iter()
                .all(|c| u64::from(c.line) != line),
            "{name}: no claim from the shifted row"
        );
    }
}

#[test]
fn an_outlet_of_nothing_but_invisible_characters_names_nobody() {
    // IBC's Sources held only a zero-width space: the row was counted imported and rejected.
    let text = "IBC code,Start Date,End Date,Time,Location,Target,Weapons,Reported Minimum,Reported Maximum,Sources\n\
                z1,1 Jan 2009,1 Jan 2009,PM,Tel Zaytun,a market,car bomb,3,5,\u{200b}\n";
    let imported = import_with(&[("ibc.csv", text)]);
    let file = &imported.report.files[0];
    assert!(file.rejected.is_empty(), "{:?}", file.rejected);
    assert_eq!(file.rows, 1);
    assert!(file.rows_imported() == 1, "{}", file.counts());
}
