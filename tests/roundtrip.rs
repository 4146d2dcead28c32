//! The claims table reads back as it was written: generated claims files (every field, in
//! many forms) are imported, written as a claims table, imported again, and each claim has
//! every field `check --json` shows unchanged.

use triangulate::core::export::tables::claims_csv;
use triangulate::core::import::{ImportOptions, Imported};
use triangulate::core::view::claim_record::ClaimRecord;
use triangulate::core::view::filter::Filter;
use triangulate::core::view::selection::Selection;

use crate::fixtures::{Fixtures, import_paths};

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[(self.next() % options.len() as u64) as usize]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const HEADER: &str = "source,source_type,side,claim,group,count,low,high,best,qualifier,detail,\
stance,location,event_date,published,reported_at,outlet,article_id,url,quote,event_id,\
compiled_by,latitude,longitude,casualty_note";

/// One generated row in the claims format, every column in one of its forms.
fn row(rng: &mut Rng) -> String {
    let source = rng.pick(&[
        "SOHR",
        "Fictional Valley Monitor",
        "سانا",
        "Hill Radio, state",
        "Quoted \"Voice\"",
        "=Formula Source",
    ]);
    let kind = rng.pick(&[
        "killed",
        "injured",
        "captured",
        "control",
        "other",
        "displaced",
    ]);
    let [count, low, high, best, qualifier] = figure(rng, !matches!(kind, "control" | "other"));
    let day = 1 + rng.below(28);
    let date = if rng.below(5) == 0 {
        format!("2016-03-{day:02}/2016-04-{day:02}")
    } else {
        format!("2016-03-{day:02}")
    };
    let cells = [
        csv_cell(source),
        rng.pick(&["", "monitor", "state_media", "combatant"])
            .to_owned(),
        rng.pick(&["", "none", "Hill government"]).to_owned(),
        kind.to_owned(),
        rng.pick(&["", "civilians", "children", "Hill fighters"])
            .to_owned(),
        csv_cell(&count),
        low,
        high,
        best,
        qualifier,
        csv_cell(rng.pick(&["", "in an air raid", "the town, \"mostly\" taken"])),
        rng.pick(&["", "asserts", "denies"]).to_owned(),
        rng.pick(&["Kobane", "Tel Zaytun", "حلب", ""]).to_owned(),
        date,
        rng.pick(&["", "2016-04-02", "2016-04-02T10:30:00Z"])
            .to_owned(),
        rng.pick(&["", "2016-04-03"]).to_owned(),
        rng.pick(&["", "Valley Bulletin"]).to_owned(),
        rng.pick(&["", "a-1"]).to_owned(),
        rng.pick(&["", "https://example.org/a?b=1"]).to_owned(),
        csv_cell(rng.pick(&["", "He said: \"twelve\".", "line one\nline two"])),
        rng.pick(&["", "ev-7"]).to_owned(),
        rng.pick(&["", "Fictional Compiler"]).to_owned(),
        rng.pick(&["", "36.5"]).to_owned(),
        String::new(),
        rng.pick(&["", "+note", "@mention"]).to_owned(),
    ];
    // Latitude and longitude come together or not at all.
    let mut cells = cells;
    if !cells[22].is_empty() {
        cells[23] = "38.25".to_owned();
    }
    cells.join(",")
}

/// `count, low, high, best, qualifier` in one of the forms a figure takes.
fn figure(rng: &mut Rng, numeric: bool) -> [String; 5] {
    let n = rng.below(500);
    let empty = String::new;
    match (numeric, rng.below(7)) {
        (false, _) | (true, 6) => [empty(), empty(), empty(), empty(), empty()],
        (true, 0) => [n.to_string(), empty(), empty(), empty(), empty()],
        (true, 1) => [format!("at least {n}"), empty(), empty(), empty(), empty()],
        (true, 2) => [format!("about {n}"), empty(), empty(), empty(), empty()],
        (true, 3) => [
            empty(),
            n.to_string(),
            (n + 7).to_string(),
            empty(),
            empty(),
        ],
        (true, 4) => [
            empty(),
            n.to_string(),
            (n + 9).to_string(),
            (n + 3).to_string(),
            empty(),
        ],
        (true, _) => [
            format!("{n}-{}", n + 4),
            empty(),
            empty(),
            empty(),
            "vague".to_owned(),
        ],
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Every field `check --json` shows, but where it was read.
fn records(imported: &Imported) -> Vec<serde_json::Value> {
    let ds = &imported.dataset;
    ds.claims
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(ClaimRecord::new(ds, c)).unwrap();
            for key in ["id", "file", "line", "format"] {
                v.as_object_mut().unwrap().remove(key);
            }
            v
        })
        .collect()
}

#[test]
fn the_claims_table_reads_back_every_field_of_generated_files() {
    let fixtures = Fixtures::new();
    for seed in 1..=60u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut text = format!("{HEADER}\n");
        for _ in 0..25 {
            text.push_str(&row(&mut rng));
            text.push('\n');
        }
        let input = fixtures.write(&format!("generated_{seed}.csv"), &text);
        let first = import_paths(&[input], &ImportOptions::default());
        let ds = &first.dataset;
        assert!(
            first.report.files[0].imported >= 20,
            "seed {seed}: the generated rows are claims: {:?}",
            first.report.files[0].rejected
        );
        let all = Selection::new(ds, None, &Filter::default());
        let table = claims_csv(ds, None, &all, seed % 2 == 0).unwrap();
        let output = fixtures.write(&format!("table_{seed}.csv"), &table);
        let again = import_paths(&[output], &ImportOptions::default());
        let file = &again.report.files[0];
        assert!(file.rejected.is_empty(), "seed {seed}: {:?}", file.rejected);
        let (before, after) = (records(&first), records(&again));
        assert_eq!(before.len(), after.len(), "seed {seed}");
        for (a, b) in before.iter().zip(&after) {
            assert_eq!(a, b, "seed {seed}");
        }
    }
}
