//! One event many claimants speak of: the case that makes pairwise comparison quadratic.
//! Synthetic and fictional: the claimants are numbered monitors of a town that does not exist.

use std::fmt::Write as _;

use super::HEADER;

/// A claims file of one event (one town, one day, civilians killed) that `claimants`
/// fictional monitors give a figure for: most near 100, one in ten far above, one in ten far
/// below, one in twenty an open floor, one in fifty a denial.
pub fn one_event(claimants: usize) -> String {
    let mut out = String::with_capacity(200 * (claimants + 1));
    out.push_str(HEADER);
    out.push('\n');
    for i in 0..claimants {
        let name = format!("Fictional Monitor {i:06}");
        let (count, stance) = match i % 50 {
            0 => (String::new(), "denies"),
            k if k % 20 == 1 => (format!("at least {}", 60 + k), "asserts"),
            k if k % 10 == 2 => (format!("{}", 300 + k * 7), "asserts"),
            k if k % 10 == 3 => (format!("{}", 10 + k / 5), "asserts"),
            k => (format!("{}", 95 + k % 11), "asserts"),
        };
        let _ = writeln!(
            out,
            "synthetic,crowd{i},Harbor Wire,2024-03-02,2024-03-02,,{name},monitor,,killed,civilians,{count},,{stance},Velmora Crossing,2024-03-01,{name} gave its count,,"
        );
    }
    out
}
