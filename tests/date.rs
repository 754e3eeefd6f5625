//! `domain::date::Date` against chrono's `NaiveDate`, which the app used before: the same days,
//! weekdays, ISO weeks, day counts, refused dates and UTC days and times of timestamps.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike, Weekday};
use dealboard::domain::date::{day_of, iso_date, iso_datetime, Date};

fn ymd(d: NaiveDate) -> (i32, u32, u32) {
    (d.year(), d.month(), d.day())
}

fn iso_week(d: NaiveDate) -> (i32, u32) {
    (d.iso_week().year(), d.iso_week().week())
}

/// The same day as chrono's (through year, month and day, not through the day number).
fn ours(d: NaiveDate) -> Date {
    Date::from_ymd(d.year(), d.month(), d.day()).expect("a day chrono has")
}

/// Everything a `Date` tells about itself, beside chrono's figures for the same day.
fn assert_same_day(ours: Date, theirs: NaiveDate) {
    assert_eq!(ours.ymd(), ymd(theirs), "{theirs}");
    assert_eq!(ours.year(), theirs.year());
    assert_eq!(
        ours.weekday(),
        theirs.weekday().num_days_from_monday(),
        "{theirs}"
    );
    assert_eq!(ours.iso_week(), iso_week(theirs), "{theirs}");
    assert_eq!(ours.to_string(), theirs.to_string());
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
}

/// A fixed sequence of numbers that look random (xorshift64*), so failures repeat.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A day anywhere in the range both types have.
    fn date(&mut self) -> (Date, NaiveDate) {
        let span = Date::MAX.days_since(Date::MIN) as u64 + 1;
        let offset = self.next() % span;
        let theirs = NaiveDate::MIN.checked_add_days(Days::new(offset)).unwrap();
        (Date::MIN.add_days(offset as i64).unwrap(), theirs)
    }
}

#[test]
fn every_day_from_1600_to_2600_is_the_same_day() {
    let first = NaiveDate::from_ymd_opt(1600, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2601, 1, 1).unwrap();
    let (mut theirs, mut day, mut count) = (first, ours(first), 0);
    while theirs < end {
        assert_same_day(day, theirs);
        assert_eq!(
            Date::from_ymd(theirs.year(), theirs.month(), theirs.day()),
            Some(day)
        );
        assert_eq!(iso_date(day), theirs.to_string());
        assert_eq!(day.days_since(ours(first)), count);
        assert_eq!(ours(first).days_since(day), (first - theirs).num_days());
        let next = day.add_days(1).unwrap();
        assert!(day < next && next.add_days(-1) == Some(day));
        (theirs, day, count) = (theirs.succ_opt().unwrap(), next, count + 1);
    }
    assert_eq!(count, (end - first).num_days());
    assert_eq!(day, ours(end));
}

#[test]
fn the_same_dates_exist() {
    for year in 1600..=2600 {
        for month in 0..=13 {
            for day in 0..=32 {
                assert_eq!(
                    Date::from_ymd(year, month, day).map(Date::ymd),
                    NaiveDate::from_ymd_opt(year, month, day).map(ymd),
                    "{year}-{month}-{day}"
                );
            }
        }
    }
    // Leap days: every 4 years, but not every 100, but every 400.
    for (year, leap) in [
        (2024, true),
        (2025, false),
        (1900, false),
        (2000, true),
        (2100, false),
    ] {
        assert_eq!(Date::from_ymd(year, 2, 29).is_some(), leap, "{year}");
    }
    // The ends of the range, and years far beyond them.
    for year in [
        -262_144,
        -262_143,
        -1,
        0,
        1,
        9999,
        10_000,
        262_142,
        262_143,
        i32::MIN,
        i32::MAX,
    ] {
        for (month, day) in [(1, 1), (2, 29), (12, 31), (13, 1), (0, 1), (4, 31)] {
            assert_eq!(
                Date::from_ymd(year, month, day).map(Date::ymd),
                NaiveDate::from_ymd_opt(year, month, day).map(ymd),
                "{year}-{month}-{day}"
            );
        }
    }
    assert_eq!(Date::MIN.ymd(), ymd(NaiveDate::MIN));
    assert_eq!(Date::MAX.ymd(), ymd(NaiveDate::MAX));
    assert_same_day(Date::MIN, NaiveDate::MIN);
    assert_same_day(Date::MAX, NaiveDate::MAX);
}

#[test]
fn the_same_iso_weeks_start_on_the_same_mondays() {
    let mut long_years = 0;
    let years = (1600..=2600)
        .chain(-262_144..=-262_141)
        .chain(262_140..=262_143);
    for year in years {
        for week in 0..=54 {
            let theirs = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon);
            assert_eq!(
                Date::from_iso_week(year, week).map(Date::ymd),
                theirs.map(ymd),
                "{year}-W{week}"
            );
        }
        long_years += NaiveDate::from_isoywd_opt(year, 53, Weekday::Mon).is_some() as u32;
    }
    // Both kinds of year were met: 71 of every 400 years have a week 53.
    assert!((170..190).contains(&long_years), "{long_years}");
    assert_eq!(
        Date::from_iso_week(2020, 53).map(Date::ymd),
        Some((2020, 12, 28))
    );
    assert_eq!(Date::from_iso_week(2021, 53), None);
    assert_eq!(Date::from_iso_week(i32::MAX, 1), None);
    assert_eq!(Date::from_iso_week(i32::MIN, 1), None);
}

#[test]
fn days_anywhere_in_the_range_agree() {
    let mut numbers = Numbers(0x9E37_79B9_7F4A_7C15);
    for _ in 0..200_000 {
        let (a, theirs_a) = numbers.date();
        let (b, theirs_b) = numbers.date();
        assert_same_day(a, theirs_a);
        assert_eq!(a.cmp(&b), theirs_a.cmp(&theirs_b));
        assert_eq!(a.days_since(b), (theirs_a - theirs_b).num_days());
        let step = (numbers.next() % 2_000_000) as i64 - 1_000_000;
        let theirs = if step >= 0 {
            theirs_a.checked_add_days(Days::new(step as u64))
        } else {
            theirs_a.checked_sub_days(Days::new(step.unsigned_abs()))
        };
        assert_eq!(
            a.add_days(step).map(Date::ymd),
            theirs.map(ymd),
            "{theirs_a} {step}"
        );
    }
    assert_eq!(Date::MAX.add_days(1), None);
    assert_eq!(Date::MIN.add_days(-1), None);
    assert_eq!(Date::MIN.add_days(i64::MAX), None);
    assert_eq!(Date::MAX.add_days(i64::MIN), None);
    assert_eq!(
        Date::MAX.days_since(Date::MIN),
        (NaiveDate::MAX - NaiveDate::MIN).num_days()
    );
}

/// What `iso_datetime` wrote with chrono.
fn chrono_iso_datetime(ms: i64) -> String {
    match DateTime::from_timestamp_millis(ms) {
        Some(t) => format!(
            "{}T{:02}:{:02}:{:02}Z",
            iso_date(ours(t.date_naive())),
            t.hour(),
            t.minute(),
            t.second()
        ),
        None => String::new(),
    }
}

#[test]
fn timestamps_fall_on_the_same_utc_days_and_times() {
    const DAY: i64 = 86_400_000;
    let range_start = NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let range_end = NaiveDate::MAX
        .and_hms_milli_opt(23, 59, 59, 999)
        .unwrap()
        .and_utc();
    let (start, end) = (range_start.timestamp_millis(), range_end.timestamp_millis());
    let mut times = vec![
        0,
        -1,
        1,
        999,
        -999,
        -1000,
        -1001,
        DAY - 1,
        DAY,
        -DAY,
        -DAY - 1,
    ];
    times.extend([start, start - 1, end, end + 1, i64::MIN, i64::MAX]);
    // Around the epoch, in steps that fall at every kind of hour, minute and second.
    times.extend((-5 * DAY..5 * DAY).step_by(999_983));
    let mut numbers = Numbers(0x0123_4567_89AB_CDEF);
    for shift in [0, 20, 30, 40, 45, 50, 55, 60] {
        for _ in 0..20_000 {
            times.push(numbers.next() as i64 >> shift);
        }
    }
    for ms in times {
        let theirs = DateTime::from_timestamp_millis(ms).map_or(NaiveDate::MIN, |t| t.date_naive());
        assert_eq!(day_of(ms).ymd(), ymd(theirs), "{ms}");
        assert_eq!(iso_datetime(ms), chrono_iso_datetime(ms), "{ms}");
    }
    assert_eq!(iso_datetime(-1), "1969-12-31T23:59:59Z");
    assert_eq!(iso_datetime(i64::MAX), "");
}
