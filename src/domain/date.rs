//! Calendar dates, and their `YYYY-MM-DD` text read and written by hand.
//!
//! `Date` is a day number with Howard Hinnant's "days from civil" and "civil from days"
//! (<https://howardhinnant.github.io/date_algorithms.html>): the app needs only days, months,
//! years and ISO weeks, and the general date library used before cost ~3.5 kB of wasm in code
//! and lookup tables (~20 kB more with its format machinery). tests/date.rs checks every
//! operation against that library.

use std::fmt;

/// The first and last year a `Date` may have: those of the date library the app used before,
/// so that the same dates are refused and the same out-of-range times clamp to the same day.
const MIN_YEAR: i32 = -262_143;
const MAX_YEAR: i32 = 262_142;

const MS_PER_DAY: i64 = 86_400_000;

/// A day of the (proleptic) Gregorian calendar, UTC, as its number of days since 1970-01-01:
/// comparing, ordering, hashing and counting days are those of the number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The first day of year -262143.
    pub const MIN: Date = Date(days_from_civil(MIN_YEAR as i64, 1, 1) as i32);
    /// The last day of year 262142.
    pub const MAX: Date = Date(days_from_civil(MAX_YEAR as i64, 12, 31) as i32);

    /// The date of a year, month (1–12) and day (1–31); `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let exists = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year as i64, month);
        exists.then(|| Date(days_from_civil(year as i64, month, day) as i32))
    }

    /// The Monday of an ISO week (1–52, or 53 in the years that have it); `None` when there is
    /// no such week.
    pub fn from_iso_week(iso_year: i32, week: u32) -> Option<Date> {
        let (y, week) = (iso_year as i64, week as i64);
        let first = week_one_monday(y);
        let weeks = (week_one_monday(y + 1) - first) / 7;
        if !(1..=weeks).contains(&week) {
            return None;
        }
        from_day_number(first + (week - 1) * 7)
    }

    /// The UTC day of a time in ms since the Unix epoch; `None` beyond `MIN` and `MAX`.
    fn from_unix_ms(ms: i64) -> Option<Date> {
        from_day_number(ms.div_euclid(MS_PER_DAY))
    }

    /// Year, month (1–12) and day of the month (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(self.0 as i64);
        (y as i32, m, d)
    }

    /// The calendar year (an ISO week's year is in `iso_week`).
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// Days since the last Monday: 0 for a Monday, 6 for a Sunday.
    pub fn weekday(self) -> u32 {
        weekday(self.0 as i64) as u32
    }

    /// The ISO year and ISO week (1–53) the date is in.
    pub fn iso_week(self) -> (i32, u32) {
        // A week belongs to the year its Thursday is in, and that year's first Thursday is in
        // its week 1.
        let thursday = self.0 as i64 - weekday(self.0 as i64) + 3;
        let year = civil_from_days(thursday).0;
        let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
        (year as i32, week as u32)
    }

    /// The date `days` later (earlier when negative); `None` beyond `MIN` and `MAX`.
    pub fn add_days(self, days: i64) -> Option<Date> {
        from_day_number((self.0 as i64).saturating_add(days))
    }

    /// How many days `earlier` is before this date (negative when it is after).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.0 as i64 - earlier.0 as i64
    }
}

/// `2026-11-29` (for tests and messages), with a sign on years outside 0–9999 as ISO 8601
/// asks (`+10000-01-01`), as dates were written before.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        if (0..=9999).contains(&y) {
            write!(f, "{y:04}-{m:02}-{d:02}")
        } else {
            write!(f, "{y:+05}-{m:02}-{d:02}")
        }
    }
}

/// The date itself, not its day number, so that failed assertions are readable.
impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn from_day_number(days: i64) -> Option<Date> {
    ((Date::MIN.0 as i64)..=(Date::MAX.0 as i64))
        .contains(&days)
        .then_some(Date(days as i32))
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 => 28 + is_leap_year(year) as u32,
        // 31 days in the odd months up to July and the even ones from August.
        _ => 30 + (month + month / 8) % 2,
    }
}

/// Days since Monday of day number `days` (1970-01-01 was a Thursday).
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// The Monday of ISO week 1: the week of January 4th, which always has the year's first
/// Thursday.
fn week_one_monday(iso_year: i64) -> i64 {
    let january_4 = days_from_civil(iso_year, 1, 4);
    january_4 - weekday(january_4)
}

/// Hinnant's `days_from_civil`: counts in 400-year eras of 146,097 days, with years starting
/// on March 1st so that the leap day is the last day of a year.
const fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400; // 0–399
    let m = month as i64;
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Hinnant's `civil_from_days`, the inverse of `days_from_civil`.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097; // 0–146096
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153; // months from March, 0–11
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = year_of_era + era * 400 + (month <= 2) as i64;
    (year, month, day)
}

/// Reads exactly `YYYY-MM-DD` (what `<input type=date>` and our files use).
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    Date::from_ymd(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// `2026-11-29`.
pub fn iso_date(date: Date) -> String {
    let (y, m, d) = date.ymd();
    format!("{y:04}-{m:02}-{d:02}")
}

/// `2026-11-29T12:00:00Z` for a time in ms since the epoch; empty beyond `Date::MIN` and
/// `Date::MAX`.
pub fn iso_datetime(ms: i64) -> String {
    let Some(date) = Date::from_unix_ms(ms) else {
        return String::new();
    };
    let second = ms.rem_euclid(MS_PER_DAY) / 1000;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        iso_date(date),
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

/// The calendar day (UTC) of a time in ms since the epoch (`Date::MIN` beyond the range).
pub fn day_of(ms: i64) -> Date {
    Date::from_unix_ms(ms).unwrap_or(Date::MIN)
}
