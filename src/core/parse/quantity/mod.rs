//! Reading a claimed figure ("at least 13", "tens", "10 to 15") as an interval.
//!
//! Every accepted form is listed in the README's quantity table; anything else is an error
//! that quotes the text, so a row is never imported with a number nobody wrote.

use serde::Serialize;

use crate::core::parse::text::{clip, fold_digits, value_key};

/// How the claimant phrased the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    About,
    Range,
    Vague,
}

impl Qualifier {
    pub const ALL: [Self; 7] = [
        Self::Exact,
        Self::AtLeast,
        Self::MoreThan,
        Self::AtMost,
        Self::About,
        Self::Range,
        Self::Vague,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::AtLeast => "at_least",
            Self::MoreThan => "more_than",
            Self::AtMost => "at_most",
            Self::About => "about",
            Self::Range => "range",
            Self::Vague => "vague",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let key = value_key(s).replace(' ', "_");
        Self::ALL.into_iter().find(|q| q.as_str() == key)
    }
}

/// A claimed figure as the interval `low..=high`; `high` is `None` when open-ended.
///
/// 16 bytes (an `Option<u32>` would take 8 where one bound takes 4): a missing high bound or
/// best estimate is kept as `u32::MAX`, so the largest figure is 4,294,967,294.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    pub low: u32,
    high: u32,
    /// A compiler's best estimate inside the range (UCDP's `best`), drawn as the claim's
    /// point; missing for figures as reported, whose point is worked out from the range.
    best: u32,
    pub qualifier: Qualifier,
}

/// A bound or estimate that is not there.
const MISSING: u32 = u32::MAX;

/// The largest figure a claim holds.
pub const LARGEST: u32 = MISSING - 1;

impl Quantity {
    pub fn new(low: u32, high: Option<u32>, qualifier: Qualifier) -> Self {
        Self {
            low: low.min(MISSING - 1),
            high: high.map_or(MISSING, |h| h.min(MISSING - 1)),
            best: MISSING,
            qualifier,
        }
    }

    pub fn exact(n: u32) -> Self {
        Self::new(n, Some(n), Qualifier::Exact)
    }

    /// The high bound; `None` when open-ended.
    pub fn high(self) -> Option<u32> {
        (self.high != MISSING).then_some(self.high)
    }

    /// A compiler's best estimate inside the range.
    pub fn best(self) -> Option<u32> {
        (self.best != MISSING).then_some(self.best)
    }

    pub fn set_best(&mut self, best: Option<u32>) {
        self.best = best.map_or(MISSING, |b| b.min(MISSING - 1));
    }

    /// One number that stands for the claim: the best estimate when one was given, else the
    /// midpoint of a closed range, the floor of an open one.
    pub fn point(self) -> f64 {
        if let Some(best) = self.best() {
            return f64::from(best);
        }
        match self.high() {
            Some(high) => (f64::from(self.low) + f64::from(high)) / 2.0,
            None => f64::from(self.low),
        }
    }
}

/// Why a count was not read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuantityError {
    #[error("count '{0}' is negative: casualty counts start at 0")]
    Negative(String),
    #[error("count '{0}' is not a whole number")]
    NotWhole(String),
    #[error("count '{0}' is too large: at most 4,294,967,294")]
    TooLarge(String),
    #[error("count '{text}' is a range whose low end {low} is above its high end {high}")]
    Reversed { text: String, low: u32, high: u32 },
    #[error(
        "count '{0}' is not a quantity I know: use a number (13, 1,200), a range (10-15, \
         between 10 and 15), a qualified number (at least 13, more than 13, up to 13, about 13, \
         nearly 13, 13+), a number word (one to twenty, a dozen), none, or one of tens, dozens, \
         scores, hundreds, thousands, several, a few, many, a number of"
    )]
    Unknown(String),
}

/// Vague words, with the conservative floor each stands for (ACLED's practice).
pub const VAGUE_FLOORS: [(&str, u32); 16] = [
    ("tens", 10),
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("thousands", 1000),
    ("several", 3),
    ("a few", 3),
    ("few", 3),
    ("many", 3),
    ("a number of", 3),
    ("numerous", 3),
    ("a handful", 3),
    ("عشرات", 10),
    ("مئات", 100),
    ("آلاف", 1000),
    ("عدة", 3),
];

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Tens as words, for "fifty" or "forty-two".
const TENS_WORDS: [(&str, u32); 8] = [
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("twenty", 20),
];

/// Words before an exact number that only stress it: "only six", "just three".
const EXACT_PREFIXES: [&str; 4] = ["only ", "just ", "exactly ", "a total of "];

const NONE_WORDS: [&str; 4] = ["none", "no", "nil", "no one"];

/// Phrases before a number, and what they make of it.
const PREFIXES: [(&str, Shape); 26] = [
    ("at least ", Shape::AtLeast),
    ("no fewer than ", Shape::AtLeast),
    ("no less than ", Shape::AtLeast),
    ("not less than ", Shape::AtLeast),
    ("a minimum of ", Shape::AtLeast),
    ("more than ", Shape::MoreThan),
    ("over ", Shape::MoreThan),
    ("upwards of ", Shape::MoreThan),
    ("in excess of ", Shape::MoreThan),
    ("up to ", Shape::AtMost),
    ("at most ", Shape::AtMost),
    ("as many as ", Shape::AtMost),
    ("no more than ", Shape::AtMost),
    ("not more than ", Shape::AtMost),
    ("a maximum of ", Shape::AtMost),
    ("nearly ", Shape::Nearly),
    ("almost ", Shape::Nearly),
    ("just under ", Shape::Nearly),
    ("about ", Shape::About),
    ("around ", Shape::About),
    ("approximately ", Shape::About),
    ("roughly ", Shape::About),
    ("some ", Shape::About),
    ("an estimated ", Shape::About),
    ("estimated ", Shape::About),
    ("~", Shape::About),
];

#[derive(Clone, Copy, Debug)]
enum Shape {
    AtLeast,
    MoreThan,
    AtMost,
    Nearly,
    About,
}

/// Reads a count as written in a CSV cell.
pub fn parse_quantity(raw: &str) -> Result<Quantity, QuantityError> {
    if !raw.is_empty() && raw.len() <= 9 && raw.bytes().all(|b| b.is_ascii_digit()) {
        return digits_value(raw, raw).map(Quantity::exact);
    }
    let folded = fold_digits(raw);
    let text = value_key_keep_hyphen(&folded);
    let unknown = || QuantityError::Unknown(clip(raw.trim(), 60).into_owned());

    if let Some(n) = plain_number(&text, raw)? {
        return Ok(Quantity::exact(n));
    }
    if let Some(rest) = EXACT_PREFIXES.iter().find_map(|p| text.strip_prefix(p))
        && let Some(n) = plain_number(rest.trim(), raw)?
    {
        return Ok(Quantity::exact(n));
    }
    if text.starts_with('-') && text[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(QuantityError::Negative(raw.trim().to_owned()));
    }
    if NONE_WORDS.contains(&text.as_str()) {
        return Ok(Quantity::exact(0));
    }
    if let Some(&(_, floor)) = VAGUE_FLOORS
        .iter()
        .find(|(word, _)| text == *word || text.strip_suffix(" of").is_some_and(|t| t == *word))
    {
        return Ok(Quantity::new(floor, None, Qualifier::Vague));
    }
    for (prefix, shape) in PREFIXES {
        if let Some(rest) = text.strip_prefix(prefix) {
            let n = plain_number(rest.trim(), raw)?.ok_or_else(unknown)?;
            return Ok(shaped(n, shape));
        }
    }
    for suffix in ["+", " or more", " plus"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            let n = plain_number(rest.trim(), raw)?.ok_or_else(unknown)?;
            return Ok(shaped(n, Shape::AtLeast));
        }
    }
    if let Some((low, high)) = split_range(&text) {
        let low = plain_number(low, raw)?.ok_or_else(unknown)?;
        let high = plain_number(high, raw)?.ok_or_else(unknown)?;
        return range(low, high, raw);
    }
    Err(unknown())
}

/// A quantity from explicit `low`/`high` cells: both gives a range (exact when equal), only
/// `low` an open floor, only `high` a ceiling from zero.
pub fn from_bounds(
    low: Option<u32>,
    high: Option<u32>,
    raw: &str,
) -> Option<Result<Quantity, QuantityError>> {
    Some(match (low, high) {
        (Some(low), Some(high)) => range(low, high, raw),
        (Some(low), None) => Ok(shaped(low, Shape::AtLeast)),
        (None, Some(high)) => Ok(shaped(high, Shape::AtMost)),
        (None, None) => return None,
    })
}

/// Reads one bound cell (`low` or `high`): a plain whole number.
pub fn parse_bound(raw: &str) -> Result<u32, QuantityError> {
    let folded = fold_digits(raw);
    let text = value_key_keep_hyphen(&folded);
    if text.starts_with('-') {
        return Err(QuantityError::Negative(raw.trim().to_owned()));
    }
    plain_number(&text, raw)?
        .ok_or_else(|| QuantityError::NotWhole(clip(raw.trim(), 60).into_owned()))
}

fn range(low: u32, high: u32, raw: &str) -> Result<Quantity, QuantityError> {
    if low > high {
        return Err(QuantityError::Reversed {
            text: raw.trim().to_owned(),
            low,
            high,
        });
    }
    let qualifier = if low == high {
        Qualifier::Exact
    } else {
        Qualifier::Range
    };
    Ok(Quantity::new(low, Some(high), qualifier))
}

/// The bands for the approximate forms, as documented in the README:
/// `about n` is `n ± max(1, round(n/10))`; `nearly n` is `n - max(1, ceil(n/10)) ..= n - 1`.
fn shaped(n: u32, shape: Shape) -> Quantity {
    let (low, high, qualifier) = match shape {
        Shape::AtLeast => (n, None, Qualifier::AtLeast),
        Shape::MoreThan => (n.saturating_add(1), None, Qualifier::MoreThan),
        Shape::AtMost => (0, Some(n), Qualifier::AtMost),
        Shape::About => {
            let band = (n.saturating_add(5) / 10).max(1);
            (
                n.saturating_sub(band),
                Some(n.saturating_add(band)),
                Qualifier::About,
            )
        }
        Shape::Nearly => {
            let band = n.div_ceil(10).max(1);
            (
                n.saturating_sub(band),
                Some(n.saturating_sub(1)),
                Qualifier::About,
            )
        }
    };
    Quantity::new(low, high, qualifier)
}

/// `10-15`, `10 – 15`, `10 to 15`, `between 10 and 15`.
fn split_range(text: &str) -> Option<(&str, &str)> {
    if let Some(rest) = text.strip_prefix("between ") {
        return rest.split_once(" and ").map(|(a, b)| (a.trim(), b.trim()));
    }
    for sep in [" to ", "-", "–", "—"] {
        if let Some((a, b)) = text.split_once(sep)
            && !a.trim().is_empty()
            && !b.trim().is_empty()
        {
            return Some((a.trim(), b.trim()));
        }
    }
    None
}

/// "Fifty", "forty-two", "a hundred", "one hundred".
fn tens_word(text: &str) -> Option<u32> {
    if matches!(text, "a hundred" | "one hundred" | "hundred") {
        return Some(100);
    }
    let (tens, unit) = match text.split_once(['-', ' ']) {
        Some((tens, unit)) => (tens, Some(unit)),
        None => (text, None),
    };
    let (_, value) = TENS_WORDS.iter().find(|(w, _)| *w == tens)?;
    match unit {
        None => Some(*value),
        Some(unit) => {
            let u = NUMBER_WORDS[1..10].iter().position(|w| *w == unit)?;
            Some(value + u32::try_from(u).ok()? + 1)
        }
    }
}

/// A bare number: digits (with `,` or space thousands groups), a number word, or "a dozen".
/// `Ok(None)` when the text is not a bare number at all.
fn plain_number(text: &str, raw: &str) -> Result<Option<u32>, QuantityError> {
    if let Some(i) = NUMBER_WORDS.iter().position(|w| *w == text) {
        return Ok(u32::try_from(i).ok());
    }
    if matches!(text, "a dozen" | "dozen" | "one dozen") {
        return Ok(Some(12));
    }
    if let Some(n) = tens_word(text) {
        return Ok(Some(n));
    }
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() {
        return Ok(None);
    }
    if let Some((whole, frac)) = text.split_once('.') {
        if is_grouped_digits(whole) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
        {
            if frac.bytes().all(|b| b == b'0') {
                return digits_value(whole, raw).map(Some);
            }
            return Err(QuantityError::NotWhole(raw.trim().to_owned()));
        }
        return Ok(None);
    }
    if !is_grouped_digits(text) {
        return Ok(None);
    }
    digits_value(text, raw).map(Some)
}

fn digits_value(text: &str, raw: &str) -> Result<u32, QuantityError> {
    let mut value: u32 = 0;
    for b in text.bytes().filter(u8::is_ascii_digit) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(b - b'0')))
            .filter(|&v| v <= LARGEST)
            .ok_or_else(|| QuantityError::TooLarge(raw.trim().to_owned()))?;
    }
    Ok(value)
}

/// `1200`, `1,200`, `1 200`: digits, or groups of three after the first.
fn is_grouped_digits(text: &str) -> bool {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return !text.is_empty();
    }
    let sep = if text.contains(',') { ',' } else { ' ' };
    let mut groups = text.split(sep);
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Like [`value_key`] but keeps hyphens, which mean ranges and signs here.
fn value_key_keep_hyphen(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.contains('_') {
        return value_key(&out);
    }
    out
}

#[cfg(test)]
mod tests;
