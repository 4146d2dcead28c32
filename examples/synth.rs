//! Writes a synthetic claims file: fictional sources and places, realistic patterns.
//!
//! `cargo run --release --example synth -- --rows 3000 --seed 7 --out FILE`, or
//! `--one-event 5000 --out FILE` for one event that 5,000 fictional monitors speak of.

use std::path::PathBuf;

struct Options {
    rows: u64,
    seed: u64,
    out: PathBuf,
    one_event: Option<usize>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        rows: 3000,
        seed: 7,
        out: PathBuf::from("synthetic.csv"),
        one_event: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--rows" => options.rows = value.parse().map_err(|e| format!("--rows: {e}"))?,
            "--seed" => options.seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => options.out = PathBuf::from(value),
            "--one-event" => {
                options.one_event = Some(value.parse().map_err(|e| format!("--one-event: {e}"))?);
            }
            other => {
                return Err(format!(
                    "unknown option {other}: use --rows N --seed S --out FILE, or --one-event N --out FILE"
                ));
            }
        }
    }
    Ok(options)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = parse_args()?;
    if let Some(claimants) = options.one_event {
        std::fs::write(
            &options.out,
            triangulate::synth::crowd::one_event(claimants),
        )?;
        eprintln!(
            "wrote one event of {claimants} claimants to {}",
            options.out.display()
        );
        return Ok(());
    }
    triangulate::synth::generate(options.rows, options.seed, &options.out)?;
    eprintln!("wrote {} rows to {}", options.rows, options.out.display());
    Ok(())
}
