//! Every case of robust reading: encodings, delimiters, quoting, dates, quantities, and
//! rows and files that must be rejected without losing the rest.

use triangulate::core::import::{ImportOptions, encoding_for_label};
use triangulate::core::model::{ClaimKind, SourceType, Stance};
use triangulate::core::parse::quantity::Qualifier;

use crate::fixtures::{Fixtures, HEADER, import_paths, import_text};

fn row(source: &str, count: &str, place: &str, date: &str) -> String {
    format!("{source},killed,civilians,{count},{place},{date},Test Wire,quote\n")
}

#[test]
fn semicolon_and_tab_delimiters_are_sniffed() {
    let semi = format!(
        "{}\n{}",
        HEADER.replace(',', ";"),
        row("SOHR", "13", "Kobane", "2015-06-25").replace(',', ";")
    );
    let imported = import_text("semi.csv", &semi);
    assert_eq!(imported.report.files[0].delimiter, ";");
    assert_eq!(imported.dataset.claims.len(), 1);

    let fields = [
        "SOHR",
        "killed",
        "civilians",
        "1,200",
        "Kobane",
        "2015-06-25",
        "Wire",
        "a, b",
    ];
    let tab = format!("{}\n{}\n", HEADER.replace(',', "\t"), fields.join("\t"));
    let imported = import_text("tab.tsv", &tab);
    assert_eq!(imported.report.files[0].delimiter, "tab");
    assert_eq!(imported.dataset.claims[0].quantity.unwrap().low, 1200);
}

#[test]
fn utf8_bom_and_crlf_are_read() {
    let text = format!(
        "\u{feff}{HEADER}\r\n{}",
        row("SOHR", "13", "Kobanê", "2015-06-25").replace('\n', "\r\n")
    );
    let imported = import_text("bom.csv", &text);
    let ds = &imported.dataset;
    assert_eq!(imported.report.files[0].encoding, "UTF-8");
    assert_eq!(
        ds.claims.len(),
        1,
        "{:?}",
        imported.report.files[0].rejected
    );
    assert_eq!(ds.str(ds.claims[0].source), "SOHR");
    assert_eq!(ds.opt_str(ds.claims[0].location), "Kobanê");
    assert_eq!(
        ds.quote(&ds.claims[0]),
        "quote",
        "no CR left in the last field"
    );
}

#[test]
fn windows_1256_arabic_is_detected_and_named_in_a_warning() {
    let text = format!(
        "{HEADER}\n{}{}{}",
        row(
            "المرصد السوري لحقوق الإنسان",
            "13",
            "عين العرب",
            "2015-06-25"
        ),
        row("سانا", "0", "الحسكة", "2015-06-25"),
        row("المرصد السوري", "30", "الحسكة", "2015-06-25"),
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
    let fixtures = Fixtures::new();
    let path = fixtures.write("arabic_excel.csv", &bytes);
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(file.encoding, "windows-1256");
    assert!(
        file.warnings.iter().any(|w| w.contains("windows-1256")),
        "{:?}",
        file.warnings
    );
    let ds = &imported.dataset;
    assert_eq!(ds.claims.len(), 3);
    assert_eq!(ds.opt_str(ds.claims[0].location), "عين العرب");
    // The registry knows the Arabic names.
    assert_eq!(ds.str(ds.claims[0].source), "SOHR");
    assert_eq!(ds.str(ds.claims[1].source), "SANA");
}

#[test]
fn windows_1252_is_detected_and_an_encoding_can_be_forced() {
    let text = format!("{HEADER}\n{}", row("SOHR", "13", "Kobanê", "2015-06-25"));
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let fixtures = Fixtures::new();
    let path = fixtures.write("latin.csv", &bytes);
    let detected = import_paths(std::slice::from_ref(&path), &ImportOptions::default());
    let ds = &detected.dataset;
    assert_eq!(ds.opt_str(ds.claims[0].location), "Kobanê");
    assert!(!detected.report.files[0].warnings.is_empty());

    let forced = ImportOptions {
        encoding: encoding_for_label("iso-8859-1"),
        ..ImportOptions::default()
    };
    let imported = import_paths(&[path], &forced);
    assert_eq!(imported.report.files[0].encoding, "windows-1252");
    assert!(
        imported.report.files[0].warnings.is_empty(),
        "a forced encoding is not a guess"
    );
    assert_eq!(
        imported
            .dataset
            .opt_str(imported.dataset.claims[0].location),
        "Kobanê"
    );
}

#[test]
fn a_bad_byte_far_into_a_utf8_file_is_replaced_in_its_field_only() {
    let mut text = String::from(HEADER);
    text.push('\n');
    for i in 0..2000 {
        // Arabic-script names far past the sample stay as written.
        text.push_str(&row(
            "المرصد السوري",
            &i.to_string(),
            "كوباني",
            "2015-06-25",
        ));
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"SOHR,killed,civilians,3,Koban\xEA,2015-06-25,Test Wire,quote\n");
    let fixtures = Fixtures::new();
    let path = fixtures.write("late_latin.csv", &bytes);
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(file.encoding, "UTF-8", "the file is not re-decoded");
    assert!(
        file.warnings
            .iter()
            .any(|w| w.contains("1 field(s)") && w.contains("line 2002 column 5")),
        "{:?}",
        file.warnings
    );
    assert_eq!(file.rows, 2001);
    assert_eq!(file.imported, 2001, "nothing is lost or imported twice");
    let ds = &imported.dataset;
    assert_eq!(ds.opt_str(ds.claims[2000].location), "Koban\u{FFFD}");
    assert_eq!(ds.opt_str(ds.claims[5].location), "كوباني");
    assert_eq!(
        ds.str(ds.claims[5].source),
        "SOHR",
        "still resolves to SOHR"
    );
}

#[test]
fn quoted_fields_keep_commas_quotes_and_newlines_and_lines_stay_right() {
    let text = format!(
        "{HEADER}\nSOHR,killed,civilians,13,Kobane,2015-06-25,VICE News,\"he said, \"\"at least 13\"\"\nand more\"\nSANA,killed,civilians,lots,Hasaka,2015-06-25,VICE News,x\n"
    );
    let imported = import_text("quoted.csv", &text);
    let ds = &imported.dataset;
    assert_eq!(
        ds.quote(&ds.claims[0]),
        "he said, \"at least 13\"\nand more"
    );
    let rejected = &imported.report.files[0].rejected;
    assert_eq!(rejected.len(), 1);
    assert_eq!(
        rejected[0].line, 4,
        "the record after a two-line field starts on line 4"
    );
    assert_eq!(rejected[0].column.as_deref(), Some("count"));
    assert!(
        rejected[0].reason.contains("'lots'"),
        "{}",
        rejected[0].reason
    );
}

#[test]
fn every_date_form_and_arabic_indic_digits_are_read() {
    let text = format!(
        "{HEADER}\n{}{}{}{}{}{}",
        row("SOHR", "13", "Kobane", "2015-06-25"),
        row("SOHR", "14", "Kobane", "2015-06-25T14:30:00+03:00"),
        row("SOHR", "15", "Kobane", "25/06/2015"),
        row("SOHR", "16", "Kobane", "\"June 25, 2015\""),
        row("SOHR", "17", "Kobane", "25 Jun 2015"),
        row("SOHR", "١٣", "Kobane", "٢٠١٥-٠٦-٢٥"),
    );
    let imported = import_text("dates.csv", &text);
    let ds = &imported.dataset;
    assert_eq!(
        ds.claims.len(),
        6,
        "{:?}",
        imported.report.files[0].rejected
    );
    for claim in &ds.claims {
        assert_eq!(claim.event_start.to_string(), "2015-06-25");
    }
    assert_eq!(ds.claims[5].quantity.unwrap().low, 13);
}

#[test]
fn ambiguous_day_first_dates_are_named_in_the_report() {
    let text = format!(
        "{HEADER}\n{}{}",
        row("SOHR", "13", "Kobane", "05/06/2015"),
        row("SOHR", "2", "Kobane", "06/05/2015")
    );
    let imported = import_text("ambiguous.csv", &text);
    let ds = &imported.dataset;
    assert_eq!(ds.claims[0].event_start.to_string(), "2015-06-05");
    let warnings = &imported.report.files[0].warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("2 date(s)") && w.contains("day first")),
        "{warnings:?}"
    );
}

#[test]
fn bad_rows_are_rejected_with_line_column_and_reason_and_the_rest_imports() {
    let text = format!(
        "{HEADER}\n{}{}{}{}{}{}{}{}",
        row("SOHR", "13", "Kobane", "2015-06-25"),
        row("SOHR", "-4", "Kobane", "2015-06-25"),
        row("SOHR", "many many", "Kobane", "2015-06-25"),
        row("SOHR", "13", "Kobane", "2015-02-30"),
        "SOHR,killed,civilians,13,Kobane\n",
        row("", "13", "Kobane", "2015-06-25"),
        "SOHR,exploded,civilians,13,Kobane,2015-06-25,Wire,q\n",
        row("SANA", "2", "Hasaka", "2015-06-25"),
    );
    let imported = import_text("bad_rows.csv", &text);
    let file = &imported.report.files[0];
    assert_eq!(file.rows, 8);
    assert_eq!(file.imported, 2);
    assert!(file.is_balanced());
    let find = |line: u64| {
        file.rejected
            .iter()
            .find(|r| r.line == line)
            .unwrap_or_else(|| panic!("line {line}"))
    };
    assert!(find(3).reason.contains("negative"));
    assert_eq!(find(3).column.as_deref(), Some("count"));
    assert!(
        find(4)
            .reason
            .starts_with("count 'many many' is not a quantity I know")
    );
    assert_eq!(find(5).column.as_deref(), Some("event_date"));
    assert!(find(5).reason.contains("not a real calendar date"));
    assert_eq!(find(6).column, None);
    assert!(find(6).reason.contains("5 fields, the header has 8"));
    assert_eq!(find(7).column.as_deref(), Some("source"));
    assert!(find(8).reason.contains("'exploded'"));
}

#[test]
fn unreadable_files_give_clear_errors_naming_the_file() {
    let fixtures = Fixtures::new();
    let cases = [
        ("empty.csv", b"".to_vec(), "empty"),
        (
            "header_only.csv",
            format!("{HEADER}\n").into_bytes(),
            "no data rows",
        ),
        (
            "binary.csv",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
            "binary",
        ),
        (
            "ucdp_like.csv",
            b"id,year,best,side_a\n1,2016,28,Government of Syria\n".to_vec(),
            "found: id, year, best, side_a",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = fixtures.write(name, &bytes);
        let imported = import_paths(&[path], &ImportOptions::default());
        let error = imported.report.files[0].error.clone().unwrap_or_default();
        assert!(error.contains(name), "{name}: {error}");
        assert!(error.contains(expected), "{name}: {error}");
        assert!(imported.dataset.claims.is_empty());
    }
}

#[test]
fn one_bad_file_does_not_stop_the_others_and_duplicates_across_files_are_reported() {
    let fixtures = Fixtures::new();
    let body = format!(
        "{HEADER}\n{}{}",
        row("SOHR", "13", "Kobane", "2015-06-25"),
        row("SANA", "0", "Hasaka", "2015-06-25")
    );
    let a = fixtures.write("a.csv", &body);
    let broken = fixtures.write("broken.csv", "");
    let b = fixtures.write(
        "b.csv",
        format!("{body}{}", row("YPG", "15", "Kobane", "2015-06-25")),
    );
    let imported = import_paths(&[a, broken, b], &ImportOptions::default());
    assert_eq!(imported.dataset.claims.len(), 3);
    let second = &imported.report.files[2];
    assert_eq!(second.duplicates.len(), 2);
    assert_eq!(second.duplicates[0].of_file, "a.csv");
    assert_eq!(second.duplicates[0].of_line, 2);
    assert!(second.is_balanced());
    assert!(imported.report.files[1].error.is_some());
}

#[test]
fn aliases_extras_overrides_and_the_column_mapping_are_reported() {
    let text = "Claimant,Kind,Victims,Figure,Town,Date,Publisher,Snippet,Affiliation,Source_Type,Notes\n\
                Some Local Blog,dead,people,about 13,Kobane,2015-06-25,VICE News,q,,,checked twice\n\
                SANA,wounded,civilians,5,Hasaka,2015-06-25,VICE News,q,,,\n\
                SOHR,detained,IS members,2,Hasaka,2015-06-25,VICE News,q,Kurdish-led forces,combatant,\n";
    let imported = import_text("aliases.csv", text);
    let ds = &imported.dataset;
    let file = &imported.report.files[0];
    assert_eq!(ds.claims.len(), 3, "{:?}", file.rejected);
    assert!(
        file.columns
            .iter()
            .any(|c| c.field == "source" && c.column == "Claimant")
    );
    assert!(
        file.columns
            .iter()
            .any(|c| c.field == "outlet" && c.column == "Publisher")
    );
    assert_eq!(file.extra_columns, vec!["Notes".to_owned()]);
    let [blog, sana, sohr] = [&ds.claims[0], &ds.claims[1], &ds.claims[2]];
    assert_eq!(blog.kind, ClaimKind::Killed);
    assert_eq!(blog.source_type, SourceType::Other);
    assert_eq!(blog.quantity.unwrap().qualifier, Qualifier::About);
    assert_eq!(ds.extra(blog, "Notes"), Some("checked twice"));
    assert_eq!(sana.kind, ClaimKind::Injured);
    assert_eq!(sana.source_type, SourceType::StateMedia);
    assert_eq!(ds.opt_str(sana.side), "Syrian government");
    assert_eq!(sohr.kind, ClaimKind::Captured);
    assert_eq!(
        sohr.source_type,
        SourceType::Combatant,
        "the CSV overrides the registry"
    );
    assert_eq!(ds.opt_str(sohr.side), "Kurdish-led forces");
}

#[test]
fn explicit_bounds_win_over_count_and_spans_and_date_columns_are_read() {
    let text = "source,claim,count,low,high,event_date,date_start,date_end,published,reported_at,stance\n\
                SOHR,killed,about 13,10,20,,,,2015-06-25,,\n\
                SOHR,killed,200,200,,2016-04-23/2016-04-28,,,2016-04-29,,\n\
                SOHR,killed,7,,,,2016-05-01,2016-05-31,,2016-06-02T10:00,\n\
                SANA,control,,,,,,,2015-06-25,,denies\n";
    let imported = import_text("spans.csv", text);
    let ds = &imported.dataset;
    assert_eq!(
        ds.claims.len(),
        4,
        "{:?}",
        imported.report.files[0].rejected
    );
    let q = ds.claims[0].quantity.unwrap();
    assert_eq!(
        (q.low, q.high(), q.qualifier),
        (10, Some(20), Qualifier::Range)
    );
    assert_eq!(ds.opt_str(ds.claims[0].quantity_text), "about 13");
    assert_eq!(
        ds.claims[0].event_start.to_string(),
        "2015-06-25",
        "falls back to published"
    );
    assert_eq!(ds.claims[1].quantity.unwrap().high(), None);
    assert_eq!(ds.claims[1].event_end.to_string(), "2016-04-28");
    assert_eq!(ds.claims[2].event_end.to_string(), "2016-05-31");
    assert_eq!(
        ds.claims[2].reported_at.unwrap().to_string(),
        "2016-06-02T10:00:00"
    );
    assert_eq!(
        ds.claims[1].reported_at.unwrap().to_string(),
        "2016-04-29",
        "falls back to published"
    );
    assert_eq!(ds.claims[3].stance, Stance::Denies);
    assert!(ds.claims[3].quantity.is_none());
}

#[test]
fn claim_ids_are_stable_across_runs() {
    let text = format!(
        "{HEADER}\n{}{}",
        row("SOHR", "13", "Kobane", "2015-06-25"),
        row("SANA", "1", "Hasaka", "2015-06-25")
    );
    let first = import_text("stable.csv", &text);
    let second = import_text("stable.csv", &text);
    let ids = |i: &triangulate::core::import::Imported| -> Vec<String> {
        i.dataset
            .claims
            .iter()
            .map(|c| i.dataset.claim_id(c))
            .collect()
    };
    assert_eq!(ids(&first), vec!["stable.csv:2", "stable.csv:3"]);
    assert_eq!(ids(&first), ids(&second));
}

#[test]
fn a_numeric_claim_without_a_figure_is_kept_as_figure_less() {
    // "The ministry denied the reports": a denial with no number is a claim all the same.
    let text = "source,claim,stance,event_date\nSOHR,killed,asserts,2015-06-25\n\
                Ministry,killed,denies,2015-06-25\nSANA,control,asserts,2015-06-25\n";
    let imported = import_text("no_count.csv", text);
    let file = &imported.report.files[0];
    assert_eq!(file.imported, 3);
    assert!(file.rejected.is_empty());
    assert!(file.warnings.iter().any(|w| w.contains("no count")));
    let claims = &imported.dataset.claims;
    assert!(claims[0].quantity.is_none() && claims[1].quantity.is_none());
    assert_eq!(claims[1].stance, triangulate::core::model::Stance::Denies);
}

#[test]
fn cancelling_stops_the_import() {
    use triangulate::core::import::{Input, import};
    use triangulate::core::progress::Progress;
    let progress = Progress::default();
    progress.cancel();
    let fixtures = Fixtures::new();
    let path = fixtures.write(
        "x.csv",
        format!("{HEADER}\n{}", row("SOHR", "13", "Kobane", "2015-06-25")),
    );
    assert!(import(&[Input::file(path)], &ImportOptions::default(), &progress).is_err());
    assert!(fixtures.path().exists());
}

#[test]
fn utf16_with_a_bom_is_read() {
    let text = format!("{HEADER}\n{}", row("SOHR", "13", "Kobanê", "2015-06-25"));
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let fixtures = Fixtures::new();
    let path = fixtures.write("excel_unicode.csv", &bytes);
    let imported = import_paths(&[path], &ImportOptions::default());
    assert_eq!(imported.report.files[0].encoding, "UTF-16LE");
    let ds = &imported.dataset;
    assert_eq!(ds.claims.len(), 1, "{:?}", imported.report.files[0]);
    assert_eq!(ds.opt_str(ds.claims[0].location), "Kobanê");
}

#[test]
fn coordinates_are_read_checked_and_written_back() {
    let text = "source,claim,group,count,location,event_date,latitude,longitude\n\
                SOHR,killed,civilians,3,Kobane,2015-06-25,36.891,38.354\n\
                SOHR,killed,civilians,4,,2015-06-25,36.89,38.36\n\
                SOHR,killed,civilians,5,Kobane,2015-06-25,96.0,38.3\n\
                SOHR,killed,civilians,6,Kobane,2015-06-25,36.8,\n\
                SOHR,killed,civilians,7,Kobane,2015-06-25,north,38.3\n";
    let imported = import_text("points.csv", text);
    let file = &imported.report.files[0];
    assert_eq!(file.imported, 2);
    assert!(file.is_balanced());
    let reason = |line: u64| {
        let r = file.rejected.iter().find(|r| r.line == line).unwrap();
        (r.column.clone(), r.reason.clone())
    };
    assert_eq!(reason(4).0.as_deref(), Some("latitude"));
    assert!(reason(4).1.contains("from -90 to 90"), "{:?}", reason(4));
    assert_eq!(reason(5).0.as_deref(), Some("longitude"));
    assert!(reason(5).1.contains("needs its longitude"));
    assert!(reason(6).1.contains("'north'"));
    let ds = &imported.dataset;
    let coords: Vec<_> = ds.claims.iter().map(|c| ds.coords(c)).collect();
    assert_eq!(coords[0], Some([36.891, 38.354]));
    // Written back in the claims table, they read the same.
    let all = triangulate::core::view::selection::Selection::new(
        &imported.dataset,
        None,
        &triangulate::core::view::filter::Filter::default(),
    );
    let table = triangulate::core::export::tables::claims_csv(&imported.dataset, None, &all, false)
        .unwrap();
    let again = import_text("again.csv", std::str::from_utf8(&table).unwrap());
    let ds = &again.dataset;
    let again: Vec<_> = ds.claims.iter().map(|c| ds.coords(c)).collect();
    assert_eq!(again, coords);
}

#[test]
fn line_numbers_and_claim_ids_follow_the_files_own_line_ends() {
    for end in ["\n", "\r\n", "\r"] {
        let rows = [
            row("SOHR", "3", "Kobane", "2015-06-25"),
            row("SOHR", "3", "Kobane", "2015-06-25"),
            // A quoted field over two lines: the next row is still counted right.
            "SANA,killed,civilians,4,Hasaka,2015-06-25,Wire,\"two\nlines\"\n".to_owned(),
            row("SOHR", "x", "Kobane", "2015-06-25"),
            row("VDC", "5", "Kobane", "2015-06-25"),
        ];
        let text = format!("{HEADER}\n{}", rows.concat()).replace('\n', end);
        let imported = import_text("ends.csv", &text);
        let file = &imported.report.files[0];
        let name = format!("{end:?}");
        assert!(file.is_balanced(), "{name}");
        assert_eq!(file.duplicates.len(), 1, "{name}");
        assert_eq!(
            file.duplicates[0].line, 3,
            "{name}: the duplicate's own line"
        );
        assert_eq!(file.rejected[0].line, 6, "{name}: {:?}", file.rejected);
        let ds = &imported.dataset;
        let ids: Vec<String> = ds.claims.iter().map(|c| ds.claim_id(c)).collect();
        assert_eq!(ids, ["ends.csv:2", "ends.csv:4", "ends.csv:7"], "{name}");
    }
}

#[test]
fn an_excel_sep_line_names_the_delimiter_and_the_header_follows() {
    let text = format!(
        "sep=;\n{}\n{}",
        HEADER.replace(',', ";"),
        row("SOHR", "13", "Kobane", "2015-06-25").replace(',', ";")
    );
    let imported = import_text("sep.csv", &text);
    let file = &imported.report.files[0];
    assert_eq!(file.delimiter, ";");
    assert_eq!(imported.dataset.claims.len(), 1, "{:?}", file.error);
    assert_eq!(imported.dataset.claims[0].line, 3, "the sep line is line 1");
    assert!(file.warnings.iter().any(|w| w.contains("sep=")));
}

#[test]
fn invisible_and_direction_characters_do_not_make_look_alike_names() {
    let text = format!(
        "{HEADER}\n{}{}{}{}",
        row("SOHR", "3", "Kobane", "2015-06-25"),
        row("SO\u{200b}HR", "4", "Kob\u{200e}ane", "2015-06-26"),
        row("\u{202e}SOHR\u{202c}", "5", "Kobane", "2015-06-27"),
        // The zero-width non-joiner spells Persian: kept.
        row("می\u{200c}گوید", "6", "Kobane", "2015-06-28"),
    );
    let imported = import_text("invisible.csv", &text);
    let ds = &imported.dataset;
    let sources: Vec<&str> = ds.claims.iter().map(|c| ds.str(c.source)).collect();
    assert_eq!(sources[..3], ["SOHR", "SOHR", "SOHR"]);
    assert_eq!(sources[3], "می\u{200c}گوید");
    assert_eq!(ds.opt_str(ds.claims[1].location), "Kobane");
    let warnings = &imported.report.files[0].warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("3 name(s)") && w.contains("line 3")),
        "{warnings:?}"
    );
}

#[test]
fn a_runaway_quote_loses_no_row() {
    // A stray quote at the start of line 2 that nothing closes: every line after it would
    // be one field of one row.
    let mut text = format!("{HEADER}\n\"SOHR,killed,civilians,1,Kobane,2015-06-25,Test Wire,q\n");
    for i in 0..150 {
        text.push_str(&row("SOHR", &(i + 2).to_string(), "Kobane", "2015-06-25"));
    }
    let imported = import_text("runaway.csv", &text);
    let file = &imported.report.files[0];
    assert_eq!(file.rows, 151, "{}", file.counts());
    assert_eq!(file.imported, 151, "every swallowed line is a claim again");
    // The line with the stray quote is read with the quote as written.
    let ds = &imported.dataset;
    assert_eq!(ds.str(ds.claims[0].source), "\"SOHR");
    assert!(
        file.warnings
            .iter()
            .any(|w| w.starts_with("line 2:") && w.contains("3–152")),
        "{:?}",
        file.warnings
    );
    assert_eq!(imported.dataset.claims[1].line, 3);
    assert_eq!(imported.dataset.claims[150].line, 152);
}

#[test]
fn a_quote_closed_lines_later_loses_no_row() {
    // Line 3 opens a quote that line 5's quoted field closes: lines 3–5 would be one row.
    let text = format!(
        "{HEADER}\n{}\"SOHR,killed,civilians,2,Kobane,2015-06-25,Test Wire,q\n{}SOHR,killed,civilians,4,Kobane,2015-06-25,Test Wire,\"a, b\"\n{}",
        row("SOHR", "1", "Kobane", "2015-06-25"),
        row("SOHR", "3", "Kobane", "2015-06-25"),
        row("SOHR", "5", "Kobane", "2015-06-25"),
    );
    let imported = import_text("closed_later.csv", &text);
    let file = &imported.report.files[0];
    assert_eq!(file.rows, 5, "{}", file.counts());
    assert_eq!(file.imported + file.rejected.len() as u64, 5);
    let lines: Vec<u32> = imported.dataset.claims.iter().map(|c| c.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6], "{:?}", file.rejected);
}

#[test]
fn duplicates_are_rows_identical_as_written() {
    let text = format!(
        "{HEADER}\n{}{}{}",
        row("SOHR", "5", "Kobane", "25.06.2015"),
        row("SOHR", "5", "Kobane", "2015-06-25"),
        row("SOHR", "5", "Kobane", "2015-06-25"),
    );
    let imported = import_text("dates.csv", &text);
    let file = &imported.report.files[0];
    assert_eq!(
        file.imported, 2,
        "the same claim written two ways is kept twice"
    );
    assert_eq!(file.duplicates.len(), 1);
    assert_eq!(
        (file.duplicates[0].line, file.duplicates[0].of_line),
        (4, 3)
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let text = format!("{HEADER}\n{}", row("SOHR", "5", "Kobane", "2015-06-25"));
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let fixtures = Fixtures::new();
    let path = fixtures.write("utf16.csv", &bytes);
    let imported = import_paths(&[path], &ImportOptions::default());
    let file = &imported.report.files[0];
    assert_eq!(file.error, None);
    assert_eq!((file.imported, file.encoding.as_str()), (1, "UTF-16LE"));
}

#[test]
fn a_repeated_extra_column_keeps_both_values() {
    let text = "source,claim,count,location,event_date,notes,notes\nSOHR,killed,4,Kobane,2015-06-25,first,second\n";
    let imported = import_text("notes.csv", text);
    let ds = &imported.dataset;
    let claim = &ds.claims[0];
    assert_eq!(ds.extra(claim, "notes"), Some("first"));
    assert_eq!(ds.extra(claim, "notes (2)"), Some("second"));
}

#[test]
fn a_row_after_blank_lines_keeps_its_own_line() {
    // Two blank lines, and a blank line after a CRLF: the reader's offset fell on the first
    // of them, so the row took the line before its own (and a mark on it another claim's).
    let text = format!(
        "{HEADER}\n{}\n\n\n{}{}\r\n\n{}",
        row("SOHR", "1", "Kobane", "2015-06-25").trim_end(),
        row("SOHR", "2", "Kobane", "2015-06-25"),
        row("SOHR", "3", "Kobane", "2015-06-25").trim_end(),
        row("SOHR", "4", "Kobane", "2015-06-25"),
    );
    let imported = import_text("blank_lines.csv", &text);
    let lines: Vec<u32> = imported.dataset.claims.iter().map(|c| c.line).collect();
    assert_eq!(lines, [2, 5, 6, 8]);
}
