//! Synthetic claims files: fictional sources and places, realistic patterns.
//!
//! Made by `cargo run --release --example synth -- --rows 3000 --seed 7 --out FILE`, and by
//! the benchmarks for their large inputs. Every row says "synthetic" in its first column. The same seed always gives the same file.
//! Patterns to find: two monitors that mostly agree, a combatant that inflates its enemy's
//! losses and shrinks its own, a state outlet that denies losses of ground, an independent
//! wire that re-quotes a monitor, monitors that revise their figures upwards, monthly totals.

pub mod broken;
pub mod crowd;

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};

const PLACES: [&str; 16] = [
    "Qarsavel",
    "Doruneth",
    "Miravesh",
    "Tal Orvan",
    "Sarnak Hills",
    "Veyl Crossing",
    "Hadrun",
    "Esk Maran",
    "Kolvaj",
    "Brennmoor",
    "Ustavel",
    "Zarimek",
    "Oldagor",
    "Pellanor Ford",
    "Thessik",
    "Varnholt",
];

/// `(name, type, side)`: every source type is here.
const SOURCES: [(&str, &str, &str); 12] = [
    ("Orvane Casualty Observatory", "monitor", ""),
    ("Civil Toll Registry", "monitor", ""),
    ("Field Medics Network", "monitor", ""),
    ("Veldaran State News", "state_media", "Veldaran government"),
    (
        "Veldaran Interior Ministry",
        "government",
        "Veldaran government",
    ),
    ("Veldaran Army Command", "combatant", "Veldaran government"),
    (
        "Northern Liberation Front",
        "combatant",
        "Northern Liberation Front",
    ),
    ("Crescent Brigades", "combatant", "Crescent Brigades"),
    ("Harbor Wire", "independent_media", ""),
    ("Meridian Daily", "independent_media", ""),
    ("Conflict Desk Analytics", "analyst", ""),
    ("Local Residents' Channel", "other", ""),
];

const OCO: usize = 0;
const CTR: usize = 1;
const FMN: usize = 2;
const VSN: usize = 3;
const MINISTRY: usize = 4;
const ARMY: usize = 5;
const NLF: usize = 6;
const CRESCENT: usize = 7;
const HARBOR: usize = 8;
const MERIDIAN: usize = 9;
const ANALYST: usize = 10;
const RESIDENTS: usize = 11;

pub(crate) const HEADER: &str = "dataset,article_id,outlet,published,reported_at,url,source,source_type,side,claim,group,count,detail,stance,location,event_date,quote,latitude,longitude";

/// SplitMix64: small, fast and the same on every platform and version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A casualty-like figure: many small events, a few large ones.
    fn toll(&mut self) -> u64 {
        let base = 1 + self.below(12);
        match self.below(10) {
            0..=5 => base,
            6..=8 => base * (2 + self.below(4)),
            _ => base * (5 + self.below(15)),
        }
    }

    /// `n` scaled by `percent_low..percent_high` percent.
    fn scale(&mut self, n: u64, percent_low: u64, percent_high: u64) -> u64 {
        let p = percent_low + self.below(percent_high.saturating_sub(percent_low) + 1);
        (n * p + 50) / 100
    }
}

struct Writer<W: Write> {
    out: W,
    rows: u64,
    limit: u64,
    article: u64,
    line: String,
}

/// One claim about to be written.
struct Row<'a> {
    source: usize,
    outlet: &'a str,
    published: NaiveDate,
    reported: NaiveDate,
    claim: &'a str,
    group: &'a str,
    count: String,
    detail: &'a str,
    stance: &'a str,
    place: &'a str,
    event_date: String,
    quote: String,
}

impl<W: Write> Writer<W> {
    fn write(&mut self, row: &Row<'_>) -> std::io::Result<()> {
        if self.rows >= self.limit {
            return Ok(());
        }
        let (name, kind, side) = SOURCES[row.source];
        self.line.clear();
        let _ = write!(
            self.line,
            "synthetic,s{},{},{},{},https://example.org/s/{},{},{},{},{},{},{},{},{},{},{},{}",
            self.article,
            row.outlet,
            row.published,
            row.reported,
            self.article,
            field(name),
            kind,
            side,
            row.claim,
            row.group,
            field(&row.count),
            field(row.detail),
            row.stance,
            row.place,
            row.event_date,
            field(&row.quote)
        );
        if let Some([lat, lon]) = coordinates(row.place, &row.event_date) {
            let _ = write!(self.line, ",{lat:.4},{lon:.4}");
        } else {
            self.line.push_str(",,");
        }
        self.line.push('\n');
        self.rows += 1;
        self.out.write_all(self.line.as_bytes())
    }
}

/// Where a fictional place's event is: the places lie on a grid in the open South Atlantic,
/// far from any real country, and each event a little off its place's centre (the same for
/// every row of the event, from its place and date, so the random figures are untouched).
fn coordinates(place: &str, event_date: &str) -> Option<[f64; 2]> {
    let i = PLACES.iter().position(|p| *p == place)?;
    let mut hash = Rng(place.len() as u64);
    for b in place.bytes().chain(event_date.bytes()) {
        hash.0 = hash.0.wrapping_mul(31).wrapping_add(u64::from(b));
    }
    let jitter = |h: u64| (h % 1000) as f64 / 1000.0 * 0.3 - 0.15;
    let (row, column) = ((i / 4) as f64, (i % 4) as f64);
    Some([
        -30.0 - row * 1.1 + jitter(hash.next()),
        -22.0 + column * 1.3 + jitter(hash.next()),
    ])
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn count_text(rng: &mut Rng, n: u64) -> String {
    match rng.below(10) {
        0..=3 => n.to_string(),
        4..=6 => format!("at least {n}"),
        7 => format!("about {n}"),
        8 if n > 3 => format!("{}-{}", n - n / 5 - 1, n + n / 5),
        _ => format!("more than {}", n.saturating_sub(1)),
    }
}

fn enemy_of(side: &str) -> &'static str {
    if side == "nlf" {
        "government forces"
    } else {
        "NLF fighters"
    }
}

/// One event as the row-writing code sees it.
struct Event<'a> {
    day: NaiveDate,
    place: &'a str,
    date: String,
}

impl<'a> Event<'a> {
    fn next(&self, days: u64) -> NaiveDate {
        self.day
            .checked_add_days(Days::new(days))
            .unwrap_or(self.day)
    }

    fn row(
        &self,
        source: usize,
        outlet: &'a str,
        claim: &'a str,
        group: &'a str,
        count: String,
        quote: String,
    ) -> Row<'a> {
        Row {
            source,
            outlet,
            published: self.next(1),
            reported: self.day,
            claim,
            group,
            count,
            detail: "",
            stance: "asserts",
            place: self.place,
            event_date: self.date.clone(),
            quote,
        }
    }
}

/// One event: a fight at a place on a day, with every source's take on it.
/// Returns the civilian toll the first monitor reported, for its monthly total.
fn event<W: Write>(
    w: &mut Writer<W>,
    rng: &mut Rng,
    day: NaiveDate,
    place: &str,
) -> std::io::Result<u64> {
    let civilians = rng.toll();
    let gov = rng.toll();
    let nlf = rng.toll();
    let ev = Event {
        day,
        place,
        date: day.to_string(),
    };
    w.article += 1;
    monitors(w, rng, &ev, civilians)?;
    // The first monitor also counts soldiers, conservatively: the yardstick for the front's
    // claims about them.
    if rng.chance(50) {
        let quote = format!(
            "Orvane Casualty Observatory said at least {gov} government soldiers were killed in {place}"
        );
        w.write(&ev.row(
            OCO,
            "Harbor Wire",
            "killed",
            "government forces",
            format!("at least {gov}"),
            quote,
        ))?;
    }
    belligerents(w, rng, &ev, gov, nlf)?;
    extra_voice(w, rng, &ev, [civilians, gov, nlf])?;
    Ok(civilians)
}

/// Monitors: conservative floors, revisions, re-quotes, and a second monitor that agrees.
fn monitors<W: Write>(
    w: &mut Writer<W>,
    rng: &mut Rng,
    ev: &Event<'_>,
    civilians: u64,
) -> std::io::Result<()> {
    let place = ev.place;
    // The first monitor: conservative floors, sometimes revised upwards a day later.
    let text = format!("at least {civilians}");
    let quote = format!(
        "Orvane Casualty Observatory said at least {civilians} civilians were killed in {place}"
    );
    w.write(&ev.row(
        OCO,
        "Harbor Wire",
        "killed",
        "civilians",
        text.clone(),
        quote.clone(),
    ))?;
    if rng.chance(20) {
        let revised = civilians + 1 + rng.below(civilians / 2 + 2);
        let mut update = ev.row(
            OCO,
            "Harbor Wire",
            "killed",
            "civilians",
            format!("at least {revised}"),
            format!(
                "Orvane Casualty Observatory raised its toll in {place} to at least {revised} civilians"
            ),
        );
        update.reported = ev.next(2);
        update.published = ev.next(2);
        w.write(&update)?;
    }
    // A second outlet re-quotes the same figure: one claimant, not two.
    if rng.chance(30) {
        w.article += 1;
        w.write(&ev.row(OCO, "Meridian Daily", "killed", "civilians", text, quote))?;
    }
    // The second monitor mostly agrees.
    w.article += 1;
    let ctr = rng.scale(civilians, 90, 115);
    let quote = format!("Civil Toll Registry recorded {ctr} civilian deaths in {place}");
    w.write(&ev.row(
        CTR,
        "Meridian Daily",
        "killed",
        "civilians",
        ctr.to_string(),
        quote,
    ))?;
    if rng.chance(50) {
        let injured = rng.scale(civilians, 150, 300);
        let text = count_text(rng, injured);
        let quote = format!("Field Medics Network treated {text} wounded people from {place}");
        w.write(&ev.row(FMN, "Meridian Daily", "injured", "civilians", text, quote))?;
    }
    Ok(())
}

/// The front and the state side, each inflating the other's losses.
fn belligerents<W: Write>(
    w: &mut Writer<W>,
    rng: &mut Rng,
    ev: &Event<'_>,
    gov: u64,
    nlf: u64,
) -> std::io::Result<()> {
    let place = ev.place;
    // The front inflates the enemy's losses and shrinks its own.
    w.article += 1;
    let claimed = rng.scale(gov, 250, 400);
    let text = if rng.chance(15) {
        "dozens".to_owned()
    } else {
        count_text(rng, claimed)
    };
    let quote = format!(
        "Northern Liberation Front said its fighters killed {text} government soldiers near {place}"
    );
    w.write(&ev.row(NLF, "NLF statement", "killed", enemy_of("nlf"), text, quote))?;
    if rng.chance(25) {
        let own = rng.scale(nlf, 20, 40).max(1);
        let quote = format!("Northern Liberation Front admitted losing {own} fighters at {place}");
        w.write(&ev.row(
            NLF,
            "NLF statement",
            "killed",
            "NLF fighters",
            own.to_string(),
            quote,
        ))?;
    }
    // The state side: big enemy losses, small own losses, and denials of lost ground.
    w.article += 1;
    let claimed = rng.scale(nlf, 200, 350);
    let quote = format!("Veldaran State News said the army killed {claimed} terrorists in {place}");
    w.write(&ev.row(
        VSN,
        "Veldaran State News",
        "killed",
        enemy_of("gov"),
        claimed.to_string(),
        quote,
    ))?;
    if rng.chance(35) {
        let seized = "NLF seized the town centre";
        let mut a = ev.row(
            NLF,
            "NLF statement",
            "control",
            "all",
            String::new(),
            format!("Northern Liberation Front said it seized the centre of {place}"),
        );
        a.detail = seized;
        w.write(&a)?;
        let mut d = ev.row(
            VSN,
            "Veldaran State News",
            "control",
            "all",
            String::new(),
            format!("Veldaran State News denied that militants control any part of {place}"),
        );
        d.detail = seized;
        d.stance = "denies";
        w.write(&d)?;
    }
    Ok(())
}

/// One more voice per event: a ministry, the army, a brigade, residents, an analyst or a wire.
fn extra_voice<W: Write>(
    w: &mut Writer<W>,
    rng: &mut Rng,
    ev: &Event<'_>,
    figures: [u64; 3],
) -> std::io::Result<()> {
    let extra = rng.below(8);
    let source = [
        MINISTRY, ARMY, CRESCENT, RESIDENTS, ANALYST, HARBOR, MERIDIAN, FMN,
    ][extra as usize];
    w.article += 1;
    let row = extra_row(rng, ev, source, figures);
    w.write(&row)
}

/// The claim of one extra voice about an event.
fn extra_row<'a>(
    rng: &mut Rng,
    ev: &Event<'a>,
    source: usize,
    [civilians, gov, nlf]: [u64; 3],
) -> Row<'a> {
    let place = ev.place;
    match source {
        MINISTRY => {
            let own = rng.scale(gov, 30, 60);
            let q =
                format!("Veldaran Interior Ministry said {own} security personnel died in {place}");
            let (outlet, group) = ("Veldaran State News", "government forces");
            ev.row(MINISTRY, outlet, "killed", group, own.to_string(), q)
        }
        ARMY => {
            let n = rng.scale(nlf, 10, 40);
            let q = format!("Veldaran Army Command said it detained {n} militants near {place}");
            let (outlet, group) = ("Veldaran State News", "NLF fighters");
            ev.row(ARMY, outlet, "captured", group, n.to_string(), q)
        }
        CRESCENT => {
            let q = format!("Crescent Brigades claimed responsibility for the attack on {place}");
            let mut r = ev.row(
                CRESCENT,
                "Crescent channel",
                "responsibility",
                "all",
                String::new(),
                q,
            );
            r.detail = "Crescent Brigades carried out the attack";
            r
        }
        RESIDENTS => {
            let n = rng.scale(civilians, 500, 1500);
            let q = format!("Residents said hundreds of families fled {place}");
            let outlet = "Local Residents' Channel";
            ev.row(
                RESIDENTS,
                outlet,
                "displaced",
                "civilians",
                format!("about {n}"),
                q,
            )
        }
        ANALYST => {
            let range = format!("{civilians}-{}", civilians * 2);
            let q = format!("Conflict Desk Analytics estimated {range} civilian deaths in {place}");
            let outlet = "Conflict Desk Analytics";
            ev.row(ANALYST, outlet, "killed", "civilians", range, q)
        }
        _ => {
            let n = rng.scale(civilians, 95, 105);
            let q = format!("Reporters counted {n} bodies in {place}");
            ev.row(
                HARBOR,
                "Harbor Wire",
                "killed",
                "civilians",
                n.to_string(),
                q,
            )
        }
    }
}

/// A monitor's monthly total: a period claim spanning the month.
fn monthly_total<W: Write>(
    w: &mut Writer<W>,
    month_start: NaiveDate,
    total: u64,
) -> std::io::Result<()> {
    let end = month_start
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(month_start);
    w.article += 1;
    w.write(&Row {
        source: OCO,
        outlet: "Harbor Wire",
        published: end,
        reported: end,
        claim: "killed",
        group: "civilians",
        count: format!("at least {total}"),
        detail: "monthly total",
        stance: "asserts",
        place: "",
        event_date: format!("{month_start}/{end}"),
        quote: format!(
            "Orvane Casualty Observatory documented at least {total} civilian deaths in {}",
            month_start.format("%B %Y")
        ),
    })
}

/// Writes `rows` synthetic claims to `out` (atomically), the same file for the same seed.
pub fn generate(rows: u64, seed: u64, out: &Path) -> std::io::Result<()> {
    let tmp = out.with_extension("csv.tmp");
    let mut w = Writer {
        out: BufWriter::new(std::fs::File::create(&tmp)?),
        rows: 0,
        limit: rows,
        article: 0,
        line: String::new(),
    };
    writeln!(w.out, "{HEADER}")?;
    let mut rng = Rng(seed);
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    // Events spread evenly over ten months by the rows written so far, so the rows run out on
    // the last day and no day gathers the events left over.
    let days = 304u64;
    let mut month = start;
    let mut month_total = 0u64;
    while w.rows < w.limit {
        let day = start
            .checked_add_days(Days::new((w.rows * days / w.limit.max(1)).min(days - 1)))
            .unwrap_or(start);
        if day.month0() != month.month0() {
            monthly_total(&mut w, month, month_total)?;
            month = day.with_day(1).unwrap_or(day);
            month_total = 0;
        }
        let place = PLACES[rng.below(PLACES.len() as u64) as usize];
        month_total += event(&mut w, &mut rng, day, place)?;
    }
    w.out.flush()?;
    drop(w);
    std::fs::rename(&tmp, out)
}

/// The benchmarks' input: `rows` synthetic claims (seed 42) under `target/bench-data/`, made
/// once and reused. The row count comes from `TRIANGULATE_BENCH_ROWS`, 1,000,000 by default.
pub fn bench_file(manifest_dir: &Path) -> std::io::Result<(std::path::PathBuf, u64)> {
    let rows: u64 = std::env::var("TRIANGULATE_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = manifest_dir.join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("synth_{rows}.csv"));
    if !path.exists() {
        eprintln!("making {} ({rows} rows)…", path.display());
        generate(rows, 42, &path)?;
    }
    Ok((path, rows))
}
