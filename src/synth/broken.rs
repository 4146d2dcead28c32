//! Claims files broken the ways real files break (a stray quote, a cell too many or too few,
//! a byte that is not UTF-8, a repeated row, a blank line, another line end, a last row cut
//! short), each made with the line of every row it wrote, so that what an import reports can
//! be checked against the file itself rather than against the report's own arithmetic.
//! Fictional sources and places; every row says "synthetic" in its outlet.

use crate::core::import::Imported;

/// A broken file and what it holds.
pub struct BrokenFile {
    pub bytes: Vec<u8>,
    /// The line of every row written (the header is line 1; blank lines hold no row).
    pub rows: Vec<u64>,
    /// What was broken, in words, for a finding's report.
    pub breakages: Vec<String>,
}

/// A small deterministic generator (xorshift): the same seed gives the same file.
pub struct Rng(pub u64);

impl Rng {
    pub fn step(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.step() % n.max(1) as u64) as usize
    }
}

pub const HEADER: &str = "source,claim,group,count,location,event_date,outlet,quote";

const SOURCES: [&str; 4] = [
    "Orvane Observatory",
    "Veyl State News",
    "Harbor Front",
    "Kestrel Ministry",
];
const PLACES: [&str; 3] = ["Veyl Crossing", "Orvane", "Tessaly"];

/// Row `i`'s cells: every row different from every other.
fn cells(rng: &mut Rng, i: usize) -> Vec<String> {
    vec![
        SOURCES[rng.below(SOURCES.len())].to_owned(),
        "killed".to_owned(),
        "civilians".to_owned(),
        (i + 1).to_string(),
        PLACES[rng.below(PLACES.len())].to_owned(),
        format!("2023-0{}-1{}", 1 + rng.below(9), rng.below(10)),
        "synthetic wire".to_owned(),
        format!("synthetic quote {i} as said"),
    ]
}

/// One way a row breaks.
#[derive(Clone, Copy, Debug)]
enum Breakage {
    StrayQuote,
    ExtraCell,
    MissingCell,
    BadByte,
    Repeated,
    BlankLineBefore,
    CrlfEnd,
    CrEnd,
    CutShort,
}

const BREAKAGES: [Breakage; 9] = [
    Breakage::StrayQuote,
    Breakage::ExtraCell,
    Breakage::MissingCell,
    Breakage::BadByte,
    Breakage::Repeated,
    Breakage::BlankLineBefore,
    Breakage::CrlfEnd,
    Breakage::CrEnd,
    Breakage::CutShort,
];

/// A claims file of 2 to 400 rows with one to four breakages (one stray quote at most, and
/// its row not repeated: two on different lines are a quoted field over two lines, as CSV
/// reads them, which is no breakage).
pub fn broken_claims_file(rng: &mut Rng) -> BrokenFile {
    let count = 2 + rng.below(399);
    let mut rows: Vec<Vec<u8>> = (0..count)
        .map(|i| cells(rng, i).join(",").into_bytes())
        .collect();
    let mut ends: Vec<&[u8]> = vec![b"\n"; count];
    let mut blank_before = vec![false; count];
    let mut repeated = vec![false; count];
    let mut breakages = Vec::new();
    let mut quoted = false;
    let mut cut = false;
    for _ in 0..=rng.below(4) {
        let r = rng.below(count);
        let breakage = BREAKAGES[rng.below(BREAKAGES.len())];
        let row = &mut rows[r];
        match breakage {
            Breakage::StrayQuote if !quoted => {
                quoted = true;
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(
                        row.iter()
                            .enumerate()
                            .filter(|(_, b)| **b == b',')
                            .map(|(i, _)| i + 1),
                    )
                    .collect();
                row.insert(starts[rng.below(starts.len())], b'"');
            }
            Breakage::ExtraCell => row.extend_from_slice(b",one too many"),
            Breakage::MissingCell => {
                if let Some(comma) = row.iter().rposition(|&b| b == b',') {
                    row.truncate(comma);
                }
            }
            Breakage::BadByte => {
                let at = rng.below(row.len());
                row.insert(at, 0xff);
            }
            Breakage::Repeated => repeated[r] = true,
            Breakage::BlankLineBefore if r > 0 => blank_before[r] = true,
            Breakage::CrlfEnd => ends[r] = b"\r\n",
            Breakage::CrEnd if r + 1 < count => ends[r] = b"\r",
            Breakage::CutShort if !cut => {
                cut = true;
                let last = count - 1;
                let keep = 1 + rng.below(rows[last].len().max(2) - 1);
                rows[last].truncate(keep);
                ends[last] = b"";
                repeated[last] = false;
            }
            Breakage::StrayQuote
            | Breakage::BlankLineBefore
            | Breakage::CrEnd
            | Breakage::CutShort => continue,
        }
        breakages.push(format!("{breakage:?} on row {}", r + 1));
    }
    // The last row cut short has no line end, so nothing may follow it.
    if cut {
        repeated[count - 1] = false;
    }
    let (bytes, written) = write(&rows, &ends, &blank_before, &repeated);
    BrokenFile {
        bytes,
        rows: written,
        breakages,
    }
}

/// The file's bytes, and the line of every row written: blank lines and repeats included.
fn write(
    rows: &[Vec<u8>],
    ends: &[&[u8]],
    blank_before: &[bool],
    repeated: &[bool],
) -> (Vec<u8>, Vec<u64>) {
    let mut bytes = format!("{HEADER}\n").into_bytes();
    let mut line = 1;
    let mut written = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if blank_before[r] {
            // CRLF: after a row that ends in a lone CR, an LF would make one line end of two.
            bytes.extend_from_slice(b"\r\n");
            line += 1;
        }
        // A row with a stray quote is not repeated: two such lines are one quoted field over
        // two lines, as CSV reads it, not two rows.
        let copies = if repeated[r] && !row.contains(&b'"') {
            2
        } else {
            1
        };
        for _ in 0..copies {
            line += 1;
            written.push(line);
            bytes.extend_from_slice(row);
            bytes.extend_from_slice(ends[r]);
        }
    }
    (bytes, written)
}

/// What an import left unaccounted for among the rows a file holds: `missing`, rows that are
/// not a claim, a rejected row or a reported repeat; `twice`, rows counted more than once;
/// `stray`, outcomes on a line that holds no row.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Unaccounted {
    pub missing: Vec<u64>,
    pub twice: Vec<u64>,
    pub stray: Vec<u64>,
}

impl Unaccounted {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.twice.is_empty() && self.stray.is_empty()
    }
}

/// Sets the first file's claims, rejected rows and repeats against the lines that hold rows.
pub fn unaccounted(imported: &Imported, rows: &[u64]) -> Unaccounted {
    let mut outcomes: Vec<u64> = imported
        .dataset
        .claims
        .iter()
        .filter(|c| c.file.0 == 0)
        .map(|c| u64::from(c.line))
        .collect();
    // A row that makes several claims gives each its line: one row, one outcome.
    outcomes.dedup();
    if let Some(file) = imported.report.files.first() {
        outcomes.extend(file.rejected.iter().map(|r| r.line));
        outcomes.extend(file.duplicates.iter().map(|d| d.line));
    }
    outcomes.sort_unstable();
    let mut result = Unaccounted::default();
    for pair in outcomes.windows(2) {
        if pair[0] == pair[1] && result.twice.last() != Some(&pair[0]) {
            result.twice.push(pair[0]);
        }
    }
    outcomes.dedup();
    result.missing = rows
        .iter()
        .filter(|r| outcomes.binary_search(r).is_err())
        .copied()
        .collect();
    result.stray = outcomes
        .iter()
        .filter(|o| !rows.contains(o))
        .copied()
        .collect();
    result
}
