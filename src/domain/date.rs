//! Calendar dates as `YYYY-MM-DD`, read and written by hand: chrono's general format and
//! parse machinery costs ~20 kB of wasm, and these are the only forms the app uses.

use chrono::{DateTime, Datelike, NaiveDate, Timelike};

/// Reads exactly `YYYY-MM-DD` (what `<input type=date>` and our files use).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
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
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// `2026-11-29`.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2026-11-29T12:00:00Z` for a time in ms since the epoch.
pub fn iso_datetime(ms: i64) -> String {
    match DateTime::from_timestamp_millis(ms) {
        Some(t) => format!(
            "{}T{:02}:{:02}:{:02}Z",
            iso_date(t.date_naive()),
            t.hour(),
            t.minute(),
            t.second()
        ),
        None => String::new(),
    }
}

/// The calendar day (UTC) of a time in ms since the epoch.
pub fn day_of(ms: i64) -> NaiveDate {
    DateTime::from_timestamp_millis(ms).map_or(NaiveDate::MIN, |t| t.date_naive())
}
