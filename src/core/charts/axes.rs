//! Axes: days as numbers, counts on a linear or log scale, and the labels of both.

use chrono::Datelike;

/// Days since 1970-01-01, the x axis of date charts.
pub fn day_number(date: chrono::NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date of a day number.
pub fn date_of(day: f64) -> Option<chrono::NaiveDate> {
    let days = i32::try_from(day.round() as i64).ok()?;
    chrono::NaiveDate::from_num_days_from_ce_opt(days + 719_163)
}

/// How far past its floor an open-ended range ("at least 13") is drawn: this share of the
/// value axis's extent, with an arrow head. The window and the exports draw it alike.
pub const OPEN_RANGE_SHARE: f64 = 0.06;

/// Where an open-ended range from `low` is drawn to, on a value axis spanning `extent`.
pub fn open_range_end(low: f64, extent: f64) -> f64 {
    low + extent * OPEN_RANGE_SHARE
}

/// How far an event range chart's count axis reaches: past the largest bound or point.
pub fn range_axis_max(bounds: impl Iterator<Item = f64>) -> f64 {
    bounds.fold(1.0_f64, f64::max) * 1.15
}

/// Where a zero goes on a log axis: half a decade below 1, labelled "0".
pub const LOG_ZERO: f64 = -0.5;

/// A count as the y axis holds it.
pub fn y_value(count: f64, log: bool) -> f64 {
    if !log {
        count
    } else if count < 1.0 {
        LOG_ZERO
    } else {
        count.log10()
    }
}

/// The ticks of a log axis of counts between `from` and `to` (log10 values): 1, 2 and 5 times
/// each power of ten, only the powers when that would make more than `most`, and the zero
/// below 1 when it is in view. Each tick comes with whether it is a power of ten.
pub fn log_ticks((from, to): (f64, f64), most: usize) -> Vec<(f64, bool)> {
    let (first, last) = (from.floor().max(0.0) as i32, to.ceil().min(15.0) as i32);
    // The decades in view: 1 to 1000 is three.
    let decades = (to - from.max(0.0)).ceil().max(1.0) as usize;
    let steps: &[f64] = if decades * 3 <= most {
        &[1.0, 2.0, 5.0]
    } else {
        &[1.0]
    };
    let mut ticks = Vec::new();
    if (from..=to).contains(&LOG_ZERO) {
        ticks.push((LOG_ZERO, true));
    }
    for power in first..=last {
        for &step in steps {
            let value = (step * 10f64.powi(power)).log10();
            if (from..=to).contains(&value) {
                ticks.push((value, step == 1.0));
            }
        }
    }
    ticks
}

/// The label of a y axis value.
pub fn y_label(value: f64, log: bool) -> String {
    if !log {
        return if value.abs() >= 10_000.0 && value.fract() == 0.0 {
            thousands(value)
        } else {
            format!("{value}")
        };
    }
    if value < LOG_ZERO / 2.0 {
        return if value >= LOG_ZERO - 0.01 {
            "0".to_owned()
        } else {
            String::new()
        };
    }
    let count = 10f64.powf(value);
    if count >= 10_000.0 {
        thousands(count.round())
    } else if count >= 10.0 || (count - count.round()).abs() < 0.05 {
        format!("{:.0}", count)
    } else {
        format!("{:.1}", count)
    }
}

/// A whole number with its thousands apart: "1,200,000".
fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A label for the bias axis: `log2` as a ratio to the consensus.
pub fn bias_label(log2: f64) -> String {
    if log2.abs() < 1e-9 {
        "consensus".to_owned()
    } else if log2 > 0.0 {
        format!("×{} higher", trim_number(log2.exp2()))
    } else {
        format!("×{} lower", trim_number((-log2).exp2()))
    }
}

fn trim_number(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Ticks for a time axis from day `min` to `max`, on calendar boundaries: days (every 1, 2, 7
/// or 14), month starts (every 1, 2, 3 or 6) or new years, at most about ten:
/// `(day number, days between ticks, label)`. The window's axes and the exports both use them.
pub fn date_ticks(min: f64, max: f64) -> Vec<(f64, f64, String)> {
    let (Some(first), Some(last)) = (date_of(min.ceil()), date_of(max.floor())) else {
        return Vec::new();
    };
    let span = max - min;
    let mut ticks = Vec::new();
    if span <= 60.0 {
        let step = [1, 2, 7, 14]
            .into_iter()
            .find(|s| span / f64::from(*s) <= 10.0)
            .unwrap_or(14);
        let mut d = first;
        while d <= last {
            ticks.push((
                day_number(d),
                f64::from(step),
                d.format("%-d %b %Y").to_string(),
            ));
            d += chrono::Duration::days(i64::from(step));
        }
    } else if span <= 365.0 * 3.0 {
        let months = [1u32, 2, 3, 6]
            .into_iter()
            .find(|m| span / (30.4 * f64::from(*m)) <= 10.0)
            .unwrap_or(6);
        let mut d = first.with_day(1).unwrap_or(first);
        while d <= last {
            if d >= first && (d.month0() % months) == 0 {
                ticks.push((
                    day_number(d),
                    30.4 * f64::from(months),
                    d.format("%b %Y").to_string(),
                ));
            }
            d = d
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(last + chrono::Duration::days(1));
        }
    } else {
        let years = (span / 365.0 / 10.0).ceil().max(1.0) as i32;
        for year in first.year()..=last.year() + 1 {
            if let Some(d) = chrono::NaiveDate::from_ymd_opt(year, 1, 1)
                && d >= first
                && d <= last
                && year % years == 0
            {
                ticks.push((day_number(d), 365.0 * f64::from(years), year.to_string()));
            }
        }
    }
    ticks
}

/// A date label for the timeline's x axis, coarser as the view widens.
pub fn date_label(day: f64, step_days: f64) -> String {
    let Some(date) = date_of(day) else {
        return String::new();
    };
    if step_days >= 300.0 {
        date.format("%Y").to_string()
    } else if step_days >= 25.0 {
        date.format("%b %Y").to_string()
    } else {
        date.format("%-d %b").to_string()
    }
}

/// A bias as people read it: "×2.3 higher", "×1.5 lower", "even".
pub fn bias_words(bias: Option<f64>) -> String {
    match bias {
        None => "—".to_owned(),
        Some(b) if b.abs() < 0.05 => "even".to_owned(),
        Some(b) if b > 0.0 => format!("×{:.1} higher", b.exp2()),
        Some(b) => format!("×{:.1} lower", (-b).exp2()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_counts_are_written_with_their_thousands_apart() {
        assert_eq!(y_label(1_200_000.0, false), "1,200,000");
        assert_eq!(y_label(9_000.0, false), "9000");
        assert_eq!(y_label(12.5, false), "12.5");
        assert_eq!(y_label(5.0, true), "100,000");
    }

    #[test]
    fn log_axis_values_and_labels() {
        assert_eq!(y_value(100.0, true), 2.0);
        assert_eq!(y_value(0.0, true), LOG_ZERO);
        assert_eq!(y_value(7.0, false), 7.0);
        assert_eq!(y_label(2.0, true), "100");
        assert_eq!(y_label(0.0, true), "1");
        assert_eq!(y_label(0.2, true), "1.6");
        assert_eq!(y_label(LOG_ZERO, true), "0");
        assert_eq!(y_label(-0.9, true), "");
        assert_eq!(y_label(15.0, false), "15");
    }

    #[test]
    fn bias_labels_read_as_ratios() {
        assert_eq!(bias_label(0.0), "consensus");
        assert_eq!(bias_label(1.0), "×2 higher");
        assert_eq!(bias_label(-2.0), "×4 lower");
        assert_eq!(bias_label(0.5), "×1.4 higher");
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = chrono::NaiveDate::from_ymd_opt(2015, 6, 25).unwrap();
        assert_eq!(
            day_number(chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0.0
        );
        assert_eq!(date_of(day_number(d)), Some(d));
        assert_eq!(date_label(day_number(d), 1.0), "25 Jun");
        assert_eq!(date_label(day_number(d), 30.0), "Jun 2015");
        assert_eq!(date_label(day_number(d), 365.0), "2015");
    }
}

#[cfg(test)]
mod log_tick_tests {
    use super::*;

    #[test]
    fn log_ticks_fall_on_one_two_and_five() {
        let labels: Vec<String> = log_ticks((-0.6, 3.1), 12)
            .iter()
            .map(|&(v, _)| y_label(v, true))
            .collect();
        assert_eq!(
            labels,
            [
                "0", "1", "2", "5", "10", "20", "50", "100", "200", "500", "1000"
            ]
        );
        // Over many decades, only the powers of ten.
        let wide: Vec<String> = log_ticks((0.0, 6.0), 12)
            .iter()
            .map(|&(v, _)| y_label(v, true))
            .collect();
        assert_eq!(
            wide,
            ["1", "10", "100", "1000", "10,000", "100,000", "1,000,000"]
        );
    }
}
