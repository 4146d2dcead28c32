//! A mutation fuzzer for the importer that runs on the stable toolchain: it takes the seed
//! files in `tests/fixtures/fuzz_seeds/` (one for each format), mutates their bytes the ways
//! real files go wrong (stray quotes, cut lines, CR and CRLF, bytes that are not UTF-8, NULs,
//! repeated and swapped lines, random bytes), imports each result in every format and
//! checks that nothing panics and that the report's counts add up. Every other input is a
//! claims file broken line by line (`synth::broken`: stray quotes, cells too many or too few,
//! bad bytes, repeated rows, blank lines, CR and CRLF, a row cut short), made with the line
//! of every row it holds: each of those rows must be a claim, a rejected row or a repeat, a
//! check made against the file as written, not against the report's own arithmetic.
//!
//! `cargo run --release --example fuzz -- --seconds 60 [--seed N] [--findings DIR]`
//!
//! Prints executions and findings; exits 1 when any input panicked or lost a row, after
//! writing those inputs to the findings folder.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use triangulate::core::import::{ImportOptions, Input, format_names, import};
use triangulate::core::progress::Progress;
use triangulate::synth::broken::{self, Rng, broken_claims_file, unaccounted};

/// Bytes that break CSV files when they land in the wrong place.
const TOKENS: [&[u8]; 14] = [
    b"\"",
    b",",
    b"\n",
    b"\r",
    b"\r\n",
    b";",
    b"\t",
    b"\xff",
    b"\xc3",
    b"\0",
    b"\"\"",
    b"sep=;\n",
    b"\xef\xbb\xbf",
    b"0000-00-00",
];

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(8) {
            0 => input.insert(at, rng.step() as u8),
            1 if !input.is_empty() => {
                let at = at.min(input.len() - 1);
                input[at] ^= 1 << rng.below(8);
            }
            2 if !input.is_empty() => {
                let end = (at + rng.below(40)).min(input.len());
                input.drain(at.min(end)..end);
            }
            3 | 4 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                input.splice(at..at, token.iter().copied());
            }
            5 => {
                // A piece of another seed, or of this one, repeated elsewhere.
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(200)).min(other.len());
                let piece = other[from..end].to_vec();
                input.splice(at..at, piece);
            }
            6 => input.truncate(at),
            _ => {
                // A line repeated: a duplicate row.
                let start = input[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = input[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(input.len(), |p| at + p + 1);
                let line = input[start..end].to_vec();
                input.splice(end..end, line);
            }
        }
    }
}

/// Imports `bytes` as every format and automatically; `Err` says what went wrong.
fn exercise(bytes: &[u8], formats: &[&str]) -> Result<(), String> {
    for format in std::iter::once(None).chain(formats.iter().map(|f| Some(*f))) {
        let options = ImportOptions {
            format: format.map(str::to_owned),
            ..ImportOptions::default()
        };
        let input = Input::bytes("fuzzed.csv", bytes.to_vec());
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            import(&[input], &options, &Progress::default())
        }));
        let imported = match outcome {
            Ok(Ok(imported)) => imported,
            Ok(Err(_)) => return Err("cancelled without being asked".to_owned()),
            Err(_) => return Err(format!("panicked (format {format:?})")),
        };
        let file = &imported.report.files[0];
        let accounted = file.rows_imported()
            + file.counted
            + file.rejected.len() as u64
            + file.duplicates.len() as u64;
        if accounted != file.rows {
            return Err(format!(
                "format {format:?}: {} rows but {accounted} accounted for",
                file.rows
            ));
        }
        if file.format == "claims" && !file.is_balanced() {
            return Err(format!("claims format: {}", file.counts()));
        }
    }
    Ok(())
}

/// Imports a broken claims file; `Err` names the rows it left unaccounted for.
fn account(file: &broken::BrokenFile) -> Result<(), String> {
    let input = Input::bytes("broken.csv", file.bytes.clone());
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        import(&[input], &ImportOptions::default(), &Progress::default())
    }));
    let imported = match outcome {
        Ok(Ok(imported)) => imported,
        Ok(Err(_)) => return Err("cancelled without being asked".to_owned()),
        Err(_) => return Err(format!("panicked ({:?})", file.breakages)),
    };
    let left = unaccounted(&imported, &file.rows);
    if left.is_empty() {
        Ok(())
    } else {
        Err(format!("{left:?} after {:?}", file.breakages))
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let seconds: u64 = value("--seconds")
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = value("--seed")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED);
    let findings = PathBuf::from(value("--findings").unwrap_or_else(|| "fuzz-findings".to_owned()));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz_seeds");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)?
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect();
    seeds.sort();
    let formats = format_names();
    // Panics are counted, not printed a thousand times.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let (mut runs, mut found, mut rows) = (0u64, 0u64, 0u64);
    let mut lines = Rng(seed.rotate_left(17) | 1);
    while started.elapsed() < Duration::from_secs(seconds) {
        runs += 1;
        let (input, outcome) = if runs % 2 == 0 {
            let file = broken_claims_file(&mut lines);
            rows += file.rows.len() as u64;
            let outcome = account(&file);
            (file.bytes, outcome)
        } else {
            let mut input = seeds[rng.below(seeds.len())].clone();
            mutate(&mut rng, &mut input, &seeds);
            let outcome = exercise(&input, &formats);
            (input, outcome)
        };
        if let Err(why) = outcome {
            found += 1;
            let _ = std::fs::create_dir_all(&findings);
            let path = findings.join(format!("finding-{found}.csv"));
            let _ = std::fs::write(&path, &input);
            eprintln!("finding {found}: {why} ({})", path.display());
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "fuzz: {runs} inputs ({:.0}/s): {} mutated seeds, each imported {} ways, and {} broken claims files holding {rows} rows, each row checked against the file; {found} findings, seed {seed}",
        runs as f64 / secs,
        runs.div_ceil(2),
        formats.len() + 1,
        runs / 2
    );
    if found > 0 {
        std::process::exit(1);
    }
    Ok(())
}
