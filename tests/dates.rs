//! Dates in and out as `YYYY-MM-DD`.
#![cfg(not(target_arch = "wasm32"))]

use dealboard::domain::date::{day_of, iso_date, iso_datetime, parse_iso_date, Date};

#[test]
fn iso_dates_round_trip_and_bad_ones_are_refused() {
    let d = Date::from_ymd(2026, 2, 3).unwrap();
    assert_eq!(iso_date(d), "2026-02-03");
    assert_eq!(parse_iso_date("2026-02-03"), Some(d));
    assert_eq!(
        parse_iso_date("2024-02-29").map(iso_date).as_deref(),
        Some("2024-02-29")
    );
    for bad in [
        "2026-02-30",
        "2026-2-3",
        "03/02/2026",
        "2026-02-03T00:00",
        "",
        "abcd-ef-gh",
        "+026-02-03",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad:?}");
    }
}

#[test]
fn times_become_utc_days_and_stamps() {
    assert_eq!(iso_datetime(1_796_040_000_000), "2026-11-30T12:00:00Z");
    assert_eq!(iso_date(day_of(1_796_040_000_000)), "2026-11-30");
}
