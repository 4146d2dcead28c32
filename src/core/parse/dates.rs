//! Reading the dates analysts' files really contain: ISO dates and date-times, day-first
//! numeric dates, English month names, Arabic-Indic digits, and `start/end` spans.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::core::parse::text::{clip, fold_digits};

/// A date, with the time of day when one was given. Ordered by date, then time; a bare date
/// sorts before any time on the same day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct When {
    pub date: NaiveDate,
    /// Seconds after midnight plus one; 0 when no time was given.
    time_plus_one: u32,
}

impl When {
    pub fn day(date: NaiveDate) -> Self {
        Self {
            date,
            time_plus_one: 0,
        }
    }

    pub fn at(date: NaiveDate, time: NaiveTime) -> Self {
        Self {
            date,
            time_plus_one: time.num_seconds_from_midnight() + 1,
        }
    }

    pub fn time(self) -> Option<NaiveTime> {
        let secs = self.time_plus_one.checked_sub(1)?;
        NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(time) = self.time() {
            write!(f, "T{}", time.format("%H:%M:%S"))?;
        }
        Ok(())
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A parsed date and how sure the reading is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    pub when: When,
    pub reading: Reading,
}

/// How a numeric date was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Only one reading was possible.
    Certain,
    /// `05/06/2015`: both day/month and month/day are real dates; read day first.
    AmbiguousDayFirst,
    /// `06/25/2015`: impossible day first, so read month first.
    MonthFirst,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date '{0}' is not a real calendar date")]
    Impossible(String),
    #[error(
        "date '{0}' is not a date I can read: use 2015-06-25, 2015-06-25T14:30, 25/06/2015, \
         June 25, 2015 or 25 Jun 2015"
    )]
    Unknown(String),
    #[error("date span '{0}' ends before it starts")]
    Reversed(String),
}

/// Reads one date or date-time.
pub fn parse_date(raw: &str) -> Result<ParsedDate, DateError> {
    let folded = fold_digits(raw);
    let text = folded.trim();
    let certain = |when| ParsedDate {
        when,
        reading: Reading::Certain,
    };
    if let Some(date) = iso_date_fast(text) {
        return date
            .map(|d| certain(When::day(d)))
            .ok_or_else(|| impossible(raw));
    }
    if let Some(when) = date_time(text) {
        return Ok(certain(when));
    }
    if let Some(parsed) = numeric_date(text) {
        return parsed.ok_or_else(|| impossible(raw));
    }
    if let Some(date) = month_name_date(text) {
        return date
            .map(|d| certain(When::day(d)))
            .ok_or_else(|| impossible(raw));
    }
    Err(DateError::Unknown(clip(raw.trim(), 60).into_owned()))
}

/// Reads `start/end` (a span) or a single date (a span of one day).
pub fn parse_span(raw: &str) -> Result<(ParsedDate, ParsedDate), DateError> {
    // ISO 8601 spans use `/`; day-first dates use `/` too, so split only between two ISO dates.
    if let Some((a, b)) = raw.split_once('/')
        && looks_iso(a)
        && looks_iso(b)
    {
        let start = parse_date(a)?;
        let end = parse_date(b)?;
        if end.when.date < start.when.date {
            return Err(DateError::Reversed(raw.trim().to_owned()));
        }
        return Ok((start, end));
    }
    let one = parse_date(raw)?;
    Ok((one, one))
}

fn looks_iso(s: &str) -> bool {
    let folded = fold_digits(s);
    let b = folded.trim().as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

fn impossible(raw: &str) -> DateError {
    DateError::Impossible(raw.trim().to_owned())
}

/// `YYYY-MM-DD` exactly: `Some(None)` when it has that shape but is not a real date.
fn iso_date_fast(text: &str) -> Option<Option<NaiveDate>> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    Some(NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        month,
        day,
    ))
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// ISO date-times: `2015-06-25T14:30[:00][Z|+03:00]`, also with a space for the `T`.
/// Times with an offset are converted to UTC.
fn date_time(text: &str) -> Option<When> {
    if text.len() < 16 || !text.is_char_boundary(10) {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        let utc = dt.naive_utc();
        return Some(When::at(utc.date(), utc.time()));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(text, format) {
            let utc = dt.naive_utc();
            return Some(When::at(utc.date(), utc.time()));
        }
    }
    let trimmed = text.strip_suffix('Z').unwrap_or(text);
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(trimmed, format) {
            return Some(When::at(
                dt.date(),
                dt.time().with_nanosecond(0).unwrap_or(dt.time()),
            ));
        }
    }
    None
}

/// `25/06/2015`, `25.06.2015`, `25-06-2015`, `2015/06/25`: `Some(None)` when it has the
/// shape but no reading gives a real date.
fn numeric_date(text: &str) -> Option<Option<ParsedDate>> {
    let sep = [b'/', b'.', b'-']
        .into_iter()
        .find(|&s| text.as_bytes().contains(&s))?;
    let parts: Vec<&str> = text.split(char::from(sep)).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let day = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    if a.1 == 4 {
        let date = day(a.0, b.0, c.0)?;
        return Some(Some(ParsedDate {
            when: When::day(date),
            reading: Reading::Certain,
        }));
    }
    if c.1 != 4 {
        return None;
    }
    let day_first = day(c.0, b.0, a.0);
    let month_first = day(c.0, a.0, b.0);
    Some(match (day_first, month_first) {
        (Some(d), Some(_)) if a.0 != b.0 => Some(ParsedDate {
            when: When::day(d),
            reading: Reading::AmbiguousDayFirst,
        }),
        (Some(d), _) => Some(ParsedDate {
            when: When::day(d),
            reading: Reading::Certain,
        }),
        (None, Some(m)) => Some(ParsedDate {
            when: When::day(m),
            reading: Reading::MonthFirst,
        }),
        (None, None) => None,
    })
}

/// A run of 1–4 ASCII digits, with its length.
fn number(s: &str) -> Option<(u32, usize)> {
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    digits(s.as_bytes()).map(|n| (n, s.len()))
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_owned() } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// `June 25, 2015`, `Jun 25 2015`, `25 June 2015`, `25 Jun. 2015`.
fn month_name_date(text: &str) -> Option<Option<NaiveDate>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [x, y, z] = words.as_slice() else {
        return None;
    };
    let (month, day) = match (month_number(x), month_number(y)) {
        (Some(m), None) => (m, y),
        (None, Some(m)) => (m, x),
        _ => return None,
    };
    let day = day.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let (day, _) = number(day)?;
    let (year, len) = number(z)?;
    if len != 4 {
        return None;
    }
    Some(NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        month,
        day,
    ))
}

/// Days from `a` to `b`.
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.num_days_from_ce()) - i64::from(a.num_days_from_ce())
}

/// A date as captions and findings write it: "25 June 2015".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn date(text: &str) -> (NaiveDate, Reading) {
        let parsed = parse_date(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (parsed.when.date, parsed.reading)
    }

    #[test]
    fn every_documented_form_reads_as_25_june_2015() {
        for text in [
            "2015-06-25",
            "25/06/2015",
            "25.06.2015",
            "25-06-2015",
            "2015/06/25",
            "June 25, 2015",
            "June 25 2015",
            "Jun 25, 2015",
            "25 Jun 2015",
            "25 June 2015",
            "25th June 2015",
            "٢٠١٥-٠٦-٢٥",
            " 2015-06-25 ",
        ] {
            assert_eq!(date(text), (ymd(2015, 6, 25), Reading::Certain), "{text}");
        }
    }

    #[test]
    fn ambiguous_and_month_first_numeric_dates_are_flagged() {
        assert_eq!(
            date("05/06/2015"),
            (ymd(2015, 6, 5), Reading::AmbiguousDayFirst)
        );
        assert_eq!(date("06/06/2015"), (ymd(2015, 6, 6), Reading::Certain));
        assert_eq!(date("06/25/2015"), (ymd(2015, 6, 25), Reading::MonthFirst));
    }

    #[test]
    fn date_times_keep_time_and_convert_offsets_to_utc() {
        let when = parse_date("2015-06-25T14:30").unwrap().when;
        assert_eq!(when.to_string(), "2015-06-25T14:30:00");
        let when = parse_date("2015-06-25T14:30:00+03:00").unwrap().when;
        assert_eq!(when.to_string(), "2015-06-25T11:30:00");
        let when = parse_date("2015-06-25 08:05:09Z").unwrap().when;
        assert_eq!(when.to_string(), "2015-06-25T08:05:09");
        assert_eq!(
            parse_date("2015-06-25").unwrap().when.to_string(),
            "2015-06-25"
        );
    }

    #[test]
    fn impossible_and_unknown_dates_are_errors() {
        assert!(matches!(
            parse_date("2015-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("31/02/2015"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("June 31, 2015"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("last Thursday"),
            Err(DateError::Unknown(_))
        ));
        assert!(matches!(parse_date(""), Err(DateError::Unknown(_))));
    }

    #[test]
    fn spans_are_read_and_checked() {
        let (a, b) = parse_span("2016-04-23/2016-04-28").unwrap();
        assert_eq!(
            (a.when.date, b.when.date),
            (ymd(2016, 4, 23), ymd(2016, 4, 28))
        );
        let (a, b) = parse_span("25/06/2015").unwrap();
        assert_eq!(a, b);
        assert!(matches!(
            parse_span("2016-04-28/2016-04-23"),
            Err(DateError::Reversed(_))
        ));
    }

    #[test]
    fn bare_dates_sort_before_times_on_the_same_day() {
        let day = When::day(ymd(2015, 6, 25));
        let noon = When::at(ymd(2015, 6, 25), NaiveTime::from_hms_opt(12, 0, 0).unwrap());
        assert!(day < noon);
        assert_eq!(days_between(ymd(2015, 6, 25), ymd(2015, 6, 27)), 2);
    }
}
