//! A quote that nothing closes, wherever it falls: every line of the file is still a claim, a
//! rejected row or a reported repeat. The files are generated here, so the count to reach is
//! the number of rows written, not the report's own arithmetic.

use triangulate::core::import::Imported;
use triangulate::synth::broken::{Rng, broken_claims_file, unaccounted};

use crate::fixtures::{HEADER, import_text};

/// Row `i` of a file: eight cells, each row different from every other.
fn cells(i: usize) -> Vec<String> {
    [
        "SOHR",
        "killed",
        "civilians",
        &(i + 1).to_string(),
        "Kobane",
        "2015-06-25",
        "Test Wire",
        &format!("quote {i}"),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Every row of a file of `rows` rows (lines 2..) accounted for once: as a claim, a rejected
/// row or a repeat, the lines known from the file as written.
fn assert_every_row_accounted(imported: &Imported, rows: usize, what: &str) {
    let file = &imported.report.files[0];
    assert_eq!(file.error, None, "{what}");
    let lines: Vec<u64> = (2..rows as u64 + 2).collect();
    let left = unaccounted(imported, &lines);
    assert!(
        left.is_empty(),
        "{what}: {left:?}; warnings {:?}",
        file.warnings
    );
}

#[test]
fn five_rows_and_a_quote_opened_in_the_last_cell() {
    // Row 2's last cell opens a quote that nothing closes: rows 3–5 were one cell of it.
    let mut text = format!("{HEADER}\n");
    for i in 0..5 {
        let mut row = cells(i);
        if i == 1 {
            row[7] = format!("\"{}", row[7]);
        }
        text.push_str(&row.join(","));
        text.push('\n');
    }
    let imported = import_text("five.csv", &text);
    assert_every_row_accounted(&imported, 5, "five rows");
    let file = &imported.report.files[0];
    assert_eq!(file.imported, 5, "{:?}", file.rejected);
    // The unclosed quote is kept as written, in its own row's cell.
    let ds = &imported.dataset;
    assert_eq!(ds.quote(&ds.claims[1]), "\"quote 1");
    assert!(
        file.warnings
            .iter()
            .any(|w| w.starts_with("line 3:") && w.contains("lines 4–6") && w.contains("ends")),
        "{:?}",
        file.warnings
    );
}

#[test]
fn a_file_cut_in_the_middle_of_a_row_rejects_that_row_and_says_so() {
    let mut text = format!("{HEADER}\n");
    for i in 0..3 {
        text.push_str(&cells(i).join(","));
        text.push('\n');
    }
    text.push_str("SOHR,killed,civ");
    let imported = import_text("cut.csv", &text);
    assert_every_row_accounted(&imported, 4, "cut");
    let file = &imported.report.files[0];
    assert_eq!(file.rejected.len(), 1);
    assert_eq!(file.rejected[0].line, 5);
    assert!(
        file.warnings
            .iter()
            .any(|w| w.starts_with("line 5: the file ends in the middle of this row")),
        "{:?}",
        file.warnings
    );
}

/// One of the ways a stray quote loses rows, as the files that first showed them.
#[derive(Clone, Copy, Debug)]
enum Family {
    /// In the last column, within 100 rows of the end.
    LastColumnNearTheEnd,
    /// Anywhere, with a later line that has one cell too many.
    LaterLineTooWide,
    /// Anywhere, in a file cut in the middle of its last row.
    CutShort,
    /// Anywhere, closed by a later row's quoted cell.
    ClosedByALaterQuote,
}

/// A file of `rows` rows with one stray quote, made the way `family` says.
fn stray_quote_file(rng: &mut Rng, family: Family) -> (String, usize) {
    let rows = 5 + rng.below(300);
    let (stray_row, stray_column) = match family {
        Family::LastColumnNearTheEnd => (rows - 1 - rng.below(rows.min(100)), 7),
        Family::LaterLineTooWide | Family::CutShort | Family::ClosedByALaterQuote => {
            (rng.below(rows - 1), rng.below(8))
        }
    };
    let later = if stray_row + 1 < rows {
        stray_row + 1 + rng.below(rows - stray_row - 1)
    } else {
        rows
    };
    let mut text = format!("{HEADER}\n");
    for i in 0..rows {
        let mut row = cells(i);
        if i == stray_row {
            row[stray_column] = format!("\"{}", row[stray_column]);
        }
        match family {
            Family::LaterLineTooWide if i == later => row.push("one too many".to_owned()),
            Family::ClosedByALaterQuote if i == later => row[7] = "\"a, b\"".to_owned(),
            Family::LaterLineTooWide
            | Family::ClosedByALaterQuote
            | Family::LastColumnNearTheEnd
            | Family::CutShort => {}
        }
        let line = row.join(",");
        if matches!(family, Family::CutShort) && i == rows - 1 {
            text.push_str(&line[..1 + rng.below(line.len() - 1)]);
        } else {
            text.push_str(&line);
            text.push('\n');
        }
    }
    (text, rows)
}

#[test]
fn three_hundred_files_with_a_stray_quote_lose_no_row() {
    let mut rng = Rng(0x5eed_1234_abcd);
    let families = [
        Family::LastColumnNearTheEnd,
        Family::LaterLineTooWide,
        Family::CutShort,
        Family::ClosedByALaterQuote,
    ];
    for n in 0..300 {
        let family = families[n % families.len()];
        let (text, rows) = stray_quote_file(&mut rng, family);
        let imported = import_text("stray.csv", &text);
        assert_every_row_accounted(&imported, rows, &format!("file {n} ({family:?})"));
    }
}

#[test]
fn the_accounting_fails_when_a_row_is_hidden() {
    // The check above must be able to fail: hide one claim and it says which line is missing.
    let mut text = format!("{HEADER}\n");
    for i in 0..4 {
        text.push_str(&cells(i).join(","));
        text.push('\n');
    }
    let mut imported = import_text("hidden.csv", &text);
    imported.dataset.claims.remove(2);
    let hidden = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_every_row_accounted(&imported, 4, "hidden");
    }));
    let message = hidden.expect_err("a hidden row must be found");
    let text = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(text.contains("missing: [4]"), "{text}");
}

#[test]
fn files_broken_every_way_at_once_lose_no_row() {
    // Stray quotes, cells too many and too few, bad bytes, repeated rows, blank lines, CR and
    // CRLF line ends, a last row cut short: several in each file.
    let mut rng = Rng(0xb40c_e2f1_77aa);
    for n in 0..400 {
        let file = broken_claims_file(&mut rng);
        let text = triangulate::core::import::Input::bytes("broken.csv", file.bytes.clone());
        let imported = triangulate::core::import::import(
            &[text],
            &triangulate::core::import::ImportOptions::default(),
            &triangulate::core::progress::Progress::default(),
        )
        .unwrap();
        let left = unaccounted(&imported, &file.rows);
        assert!(
            left.is_empty(),
            "file {n} ({:?}): {left:?}; {:?}",
            file.breakages,
            imported.report.files[0].warnings
        );
    }
}
