//! When a sentence says its event happened, from the article's publication date: "on
//! Wednesday night", "overnight", "last week", "earlier this month", "in January", "on March
//! 17", "from March 17 to 23". A vague one is a span `FROM/TO`.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::core::parse::dates::MONTHS;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The event's date (`YYYY-MM-DD`, or `FROM/TO` when vague) a lower-cased sentence gives,
/// counted back from the publication date; the publication date when it gives none; empty
/// when there is no publication date.
pub fn event_date(lower: &str, published: Option<NaiveDate>) -> String {
    let Some(day) = published else {
        return String::new();
    };
    let span = |from: NaiveDate, to: NaiveDate| {
        if from == to {
            from.to_string()
        } else {
            format!("{from}/{to}")
        }
    };
    if let Some((from, to)) = calendar_date(lower, day) {
        return span(from, to);
    }
    if let Some((_, weekday)) = WEEKDAYS.iter().find(|(name, _)| {
        lower.contains(&format!("on {name}")) || lower.contains(&format!("late {name}"))
    }) {
        return last(day, *weekday).to_string();
    }
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let first_of_month = day.with_day(1).unwrap_or(day);
    let relative: [(&str, NaiveDate, NaiveDate); 8] = [
        (
            "last week",
            monday - Duration::days(7),
            monday - Duration::days(1),
        ),
        ("this week", monday, day),
        (
            "last month",
            previous_month(first_of_month),
            first_of_month - Duration::days(1),
        ),
        ("this month", first_of_month, day),
        ("overnight", day - Duration::days(1), day),
        (
            "last night",
            day - Duration::days(1),
            day - Duration::days(1),
        ),
        (
            "yesterday",
            day - Duration::days(1),
            day - Duration::days(1),
        ),
        ("today", day, day),
    ];
    relative
        .iter()
        .find(|(words, _, _)| lower.contains(words))
        .map_or_else(|| day.to_string(), |(_, from, to)| span(*from, *to))
}

/// The last `weekday` on or before `day`.
fn last(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    day - Duration::days(i64::from(back))
}

fn previous_month(first: NaiveDate) -> NaiveDate {
    let before = first - Duration::days(1);
    before.with_day(1).unwrap_or(before)
}

/// A date the sentence names by its month: "on March 17", "17 March", "from March 17 to 23"
/// (a span), "in January" (the whole month): the last such day on or before publication.
fn calendar_date(lower: &str, published: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: Option<&&str>| {
        w.and_then(|w| {
            w.trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
                .ok()
        })
        .filter(|d| (1..=31).contains(d))
    };
    for (i, w) in words.iter().enumerate() {
        let Some(month) = MONTHS
            .iter()
            .position(|m| m == w || (w.len() == 3 && m.starts_with(w)))
        else {
            continue;
        };
        let month = month as u32 + 1;
        // "may" is a month only with a day beside it.
        let year_of = |d: u32| {
            let this = NaiveDate::from_ymd_opt(published.year(), month, d)?;
            if this > published {
                NaiveDate::from_ymd_opt(published.year() - 1, month, d)
            } else {
                Some(this)
            }
        };
        let day = number(words.get(i + 1))
            .or_else(|| i.checked_sub(1).and_then(|b| number(words.get(b))));
        if let Some(d) = day {
            let from = year_of(d)?;
            // "from March 17 to 23".
            let to = (words.get(i + 2) == Some(&"to") || words.get(i + 2) == Some(&"and"))
                .then(|| number(words.get(i + 3)))
                .flatten()
                .and_then(|e| NaiveDate::from_ymd_opt(from.year(), month, e))
                .filter(|e| *e >= from)
                .unwrap_or(from);
            return Some((from, to));
        }
        if month != 5 && i > 0 && words[i - 1] == "in" {
            let first = year_of(1)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(first.year(), month + 1, 1)?
            };
            return Some((first, (next - Duration::days(1)).min(published)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(lower: &str) -> String {
        event_date(lower, NaiveDate::from_ymd_opt(2017, 3, 26))
    }

    #[test]
    fn dates_count_back_from_publication() {
        // 26 March 2017 was a Sunday.
        assert_eq!(on("it said on wednesday night"), "2017-03-22");
        assert_eq!(on("late on sunday"), "2017-03-26");
        assert_eq!(on("strikes overnight"), "2017-03-25/2017-03-26");
        assert_eq!(on("last week"), "2017-03-13/2017-03-19");
        assert_eq!(on("earlier this month"), "2017-03-01/2017-03-26");
        assert_eq!(on("an air strike on march 17"), "2017-03-17");
        assert_eq!(on("from march 17 to 23"), "2017-03-17/2017-03-23");
        assert_eq!(on("in january"), "2017-01-01/2017-01-31");
        assert_eq!(on("on 3 december"), "2016-12-03");
        assert_eq!(on("it may rise"), "2017-03-26");
        assert_eq!(event_date("on monday", None), "");
    }
}
