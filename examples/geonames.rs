//! Converts a GeoNames cities file (`cities15000.txt`, tab-separated, from
//! <https://download.geonames.org/export/dump/>, CC BY) into `assets/geonames.csv`, the
//! gazetteer's places with coordinates for the conflicts the app is used on.
//!
//! `cargo run --example geonames -- cities15000.txt > assets/geonames.csv`
//!
//! Kept per place: its GeoNames id, name, country (a row of `assets/gazetteer.csv`),
//! coordinates, and the alternate names an analyst meets: Latin script of four letters or
//! more, and Arabic script.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use triangulate::core::analysis::places::fold_words;

/// GeoNames country codes → the gazetteer's country rows.
const COUNTRIES: [(&str, &str); 13] = [
    ("SY", "syria"),
    ("IQ", "iraq"),
    ("TR", "turkey"),
    ("YE", "yemen"),
    ("UA", "ukraine"),
    ("PS", "palestine"),
    ("SD", "sudan"),
    ("SS", "south_sudan"),
    ("LY", "libya"),
    ("AF", "afghanistan"),
    ("NG", "nigeria"),
    ("MM", "myanmar"),
    ("IL", "israel"),
];

/// Single words that are part of many place names ("Tell", "Kafr"), never one place's alias.
/// Compared folded (lower case, `al-` and `ال` dropped).
const GENERIC: [&str; 40] = [
    "tell",
    "tall",
    "camp",
    "city",
    "port",
    "kafr",
    "deir",
    "wadi",
    "jabal",
    "khan",
    "qasr",
    "nahr",
    "bayt",
    "beit",
    "souk",
    "suq",
    "sheikh",
    "shaykh",
    "mina",
    "madinat",
    "new",
    "old",
    "markaz",
    "qaryat",
    "تل",
    "كفر",
    "دير",
    "عين",
    "خان",
    "قصر",
    "بير",
    "بئر",
    "جسر",
    "وادي",
    "جبل",
    "راس",
    "شيخ",
    "سوق",
    "مخيم",
    "مدينه",
];

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

fn is_latin_name(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && s.chars().all(|c| c.is_alphabetic() || " -'’`.".contains(c))
        && s.chars().all(|c| {
            !c.is_alphabetic() || (c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        })
}

fn main() {
    let path = std::env::args().nth(1).expect("a GeoNames cities file");
    let text = std::fs::read_to_string(&path).expect("readable");
    let stdout = std::io::stdout();
    let mut out = csv::Writer::from_writer(stdout.lock());
    out.write_record([
        "id",
        "name",
        "kind",
        "parent",
        "aliases",
        "latitude",
        "longitude",
    ])
    .unwrap();
    let mut rows = 0;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            continue;
        }
        let Some((_, country)) = COUNTRIES.iter().find(|(code, _)| *code == f[8]) else {
            continue;
        };
        let (name, ascii) = (f[1], f[2]);
        let mut aliases: Vec<&str> = vec![ascii];
        aliases.extend(f[3].split(',').filter(|a| is_arabic(a) || is_latin_name(a)));
        aliases.retain(|a| *a != name && !GENERIC.contains(&fold_words(a).concat().as_str()));
        aliases.sort_unstable();
        aliases.dedup();
        out.write_record([
            &format!("gn{}", f[0]),
            name,
            "town",
            country,
            &aliases.join("|"),
            f[4],
            f[5],
        ])
        .unwrap();
        rows += 1;
    }
    out.flush().unwrap();
    eprintln!("{rows} places");
}
