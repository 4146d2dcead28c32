//! Converts Natural Earth's country borders, as the `world-atlas` package's TopoJSON
//! (`countries-50m.json`, Natural Earth 1:50m, public domain), into `assets/borders.bin`, the
//! map's basemap: each arc (a stretch of border or coast, drawn once however many countries
//! share it) as points to a hundredth of a degree.
//!
//! `cargo run --example basemap -- countries-50m.json assets/borders.bin`
//!
//! The file: `TRBORDERS1`, the number of arcs (varint), then per arc a flag byte (1: coast,
//! an arc of one country only), its number of points (varint) and each point's longitude and
//! latitude in hundredths of a degree, as zigzag varint steps from the point before (the
//! first from 0, 0). `core::charts::basemap` reads it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: basemap countries-50m.json assets/borders.bin");
        std::process::exit(2);
    };
    let topology: Value = serde_json::from_str(&std::fs::read_to_string(input).unwrap()).unwrap();
    let scale = pair(&topology["transform"]["scale"]);
    let translate = pair(&topology["transform"]["translate"]);
    let arcs = topology["arcs"].as_array().expect("arcs");
    let mut uses = vec![0_u32; arcs.len()];
    for geometry in topology["objects"]["countries"]["geometries"]
        .as_array()
        .expect("geometries")
    {
        count_arcs(&geometry["arcs"], &mut uses);
    }
    let mut out = b"TRBORDERS1".to_vec();
    varint(&mut out, arcs.len() as u64);
    let mut points_written = 0;
    for (arc, used) in arcs.iter().zip(&uses) {
        let points = decode(arc, scale, translate);
        out.push(u8::from(*used < 2));
        varint(&mut out, points.len() as u64);
        let mut last = (0_i64, 0_i64);
        for p in &points {
            varint(&mut out, zigzag(p.0 - last.0));
            varint(&mut out, zigzag(p.1 - last.1));
            last = *p;
        }
        points_written += points.len();
    }
    std::fs::write(output, &out).unwrap();
    eprintln!(
        "{} arcs, {points_written} points, {} bytes",
        arcs.len(),
        out.len()
    );
}

fn pair(v: &Value) -> (f64, f64) {
    (
        v[0].as_f64().expect("number"),
        v[1].as_f64().expect("number"),
    )
}

/// Counts how many polygons use each arc (`~i` is arc `i` reversed).
fn count_arcs(v: &Value, uses: &mut [u32]) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| count_arcs(i, uses)),
        Value::Number(n) => {
            let i = n.as_i64().expect("arc index");
            let i = if i < 0 { !i } else { i };
            uses[usize::try_from(i).expect("arc index")] += 1;
        }
        Value::Null | Value::Bool(_) | Value::String(_) | Value::Object(_) => {}
    }
}

/// An arc's points in hundredths of a degree, repeated points dropped.
fn decode(arc: &Value, scale: (f64, f64), translate: (f64, f64)) -> Vec<(i64, i64)> {
    let (mut x, mut y) = (0_i64, 0_i64);
    let mut points: Vec<(i64, i64)> = Vec::new();
    for step in arc.as_array().expect("arc") {
        x += step[0].as_i64().expect("step");
        y += step[1].as_i64().expect("step");
        let lon = x as f64 * scale.0 + translate.0;
        let lat = y as f64 * scale.1 + translate.1;
        let p = ((lon * 100.0).round() as i64, (lat * 100.0).round() as i64);
        if points.last() != Some(&p) {
            points.push(p);
        }
    }
    points
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}
