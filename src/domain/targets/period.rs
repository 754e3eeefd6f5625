//! The periods a target is set for: a year, a quarter, a month or an ISO week, and how they nest
//! (year → quarters → months → the ISO weeks whose Thursday falls in the month).
//!
//! Written as text (`"2026"`, `"2026-Q3"`, `"2026-07"`, `"2026-W01"`) by hand, like
//! `domain::date`: no format or serde machinery is built in.

use crate::domain::date::Date;
use crate::domain::quote::quoted;
use std::fmt;

/// The smallest and largest year a period may have (so that labels have four digits).
pub const MIN_YEAR: i32 = 1;
/// See `MIN_YEAR`.
pub const MAX_YEAR: i32 = 9999;

/// A calendar period. Weeks are ISO weeks: Monday to Sunday, numbered within their ISO year
/// (`Week(2020, 53)` runs from 2020-12-28 to 2021-01-03).
///
/// Built by hand a period may be out of range (`Month(2026, 13)`); `is_valid` says so, commands
/// and file import refuse such periods, and the date functions clamp them rather than panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    /// Year and quarter, 1–4.
    Quarter(i32, u8),
    /// Year and month, 1–12.
    Month(i32, u8),
    /// ISO year and ISO week, 1–52 or 53.
    Week(i32, u8),
}

/// The length of a period, without its place in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    Year,
    Quarter,
    Month,
    Week,
}

/// How many ISO weeks an ISO year has: 52 or 53.
pub fn weeks_in_iso_year(iso_year: i32) -> u8 {
    if Date::from_iso_week(iso_year, 53).is_some() {
        53
    } else {
        52
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd(year, month, day).unwrap_or(Date::MIN)
}

fn clamp_year(year: i32) -> i32 {
    year.clamp(MIN_YEAR - 1, MAX_YEAR + 1)
}

fn week_of(date: Date) -> Period {
    let (iso_year, week) = date.iso_week();
    Period::Week(iso_year, week as u8)
}

impl Period {
    /// The period of this kind that contains `date`.
    pub fn of(kind: PeriodKind, date: Date) -> Period {
        let (y, m, _) = date.ymd();
        let m = m as u8; // 1–12
        match kind {
            PeriodKind::Year => Period::Year(y),
            PeriodKind::Quarter => Period::Quarter(y, (m - 1) / 3 + 1),
            PeriodKind::Month => Period::Month(y, m),
            PeriodKind::Week => week_of(date),
        }
    }

    /// Year, quarter, month or week.
    pub fn kind(self) -> PeriodKind {
        match self {
            Period::Year(_) => PeriodKind::Year,
            Period::Quarter(..) => PeriodKind::Quarter,
            Period::Month(..) => PeriodKind::Month,
            Period::Week(..) => PeriodKind::Week,
        }
    }

    /// The (ISO, for weeks) year the period belongs to.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) | Period::Week(y, _) => y,
        }
    }

    /// True when the year is 1–9999 and the quarter, month or week exists.
    pub fn is_valid(self) -> bool {
        let year_ok = (MIN_YEAR..=MAX_YEAR).contains(&self.year());
        year_ok
            && match self {
                Period::Year(_) => true,
                Period::Quarter(_, q) => (1..=4).contains(&q),
                Period::Month(_, m) => (1..=12).contains(&m),
                Period::Week(y, w) => w >= 1 && w <= weeks_in_iso_year(y),
            }
    }

    /// The same period with its numbers brought into range (what the date functions use).
    fn clamped(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(clamp_year(y)),
            Period::Quarter(y, q) => Period::Quarter(clamp_year(y), q.clamp(1, 4)),
            Period::Month(y, m) => Period::Month(clamp_year(y), m.clamp(1, 12)),
            Period::Week(y, w) => {
                let y = clamp_year(y);
                Period::Week(y, w.clamp(1, weeks_in_iso_year(y)))
            }
        }
    }

    /// The first day of the period (a Monday for weeks).
    pub fn first_day(self) -> Date {
        match self.clamped() {
            Period::Year(y) => ymd(y, 1, 1),
            Period::Quarter(y, q) => ymd(y, (q as u32 - 1) * 3 + 1, 1),
            Period::Month(y, m) => ymd(y, m as u32, 1),
            Period::Week(y, w) => Date::from_iso_week(y, w as u32).unwrap_or(Date::MIN),
        }
    }

    /// The last day of the period (a Sunday for weeks).
    pub fn last_day(self) -> Date {
        let p = self.clamped();
        let next_first = match p {
            Period::Year(y) => ymd(y + 1, 1, 1),
            Period::Quarter(y, 4) | Period::Month(y, 12) => ymd(y + 1, 1, 1),
            Period::Quarter(y, q) => ymd(y, q as u32 * 3 + 1, 1),
            Period::Month(y, m) => ymd(y, m as u32 + 1, 1),
            Period::Week(..) => return p.first_day().add_days(6).unwrap_or(Date::MAX),
        };
        next_first.add_days(-1).unwrap_or(Date::MIN)
    }

    /// How many days the period has.
    pub fn days(self) -> i64 {
        self.last_day().days_since(self.first_day()) + 1
    }

    /// True when `date` falls in the period (first and last day included).
    pub fn contains(self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// The next smaller periods, in order: a year's 4 quarters, a quarter's 3 months, a month's
    /// ISO weeks (those whose Thursday is in the month, so that every ISO week belongs to exactly
    /// one month; its first and last week may reach into the months around it). A week has none.
    pub fn children(self) -> Vec<Period> {
        match self.clamped() {
            Period::Year(y) => (1..=4).map(|q| Period::Quarter(y, q)).collect(),
            Period::Quarter(y, q) => (1..=3).map(|i| Period::Month(y, (q - 1) * 3 + i)).collect(),
            Period::Month(..) => {
                let (first, last) = (self.first_day(), self.last_day());
                // The Thursday of the week the month starts in, then each week's after it.
                let mut thursday = first.add_days(3 - first.weekday() as i64);
                let mut weeks = Vec::with_capacity(5);
                while let Some(day) = thursday.filter(|&day| day <= last) {
                    if day >= first {
                        weeks.push(week_of(day));
                    }
                    thursday = day.add_days(7);
                }
                weeks
            }
            Period::Week(..) => Vec::new(),
        }
    }

    /// The period one size up that this one belongs to: a month's quarter, a quarter's year, a
    /// week's month (the month of its Thursday). A year has none.
    pub fn parent(self) -> Option<Period> {
        match self.clamped() {
            Period::Year(_) => None,
            Period::Quarter(y, _) => Some(Period::Year(y)),
            Period::Month(y, m) => Some(Period::Quarter(y, (m - 1) / 3 + 1)),
            Period::Week(..) => {
                let thursday = self.first_day().add_days(3)?;
                Some(Period::of(PeriodKind::Month, thursday))
            }
        }
    }

    /// The same period one year earlier. For weeks the same ISO week number in the previous ISO
    /// year; week 53 of a year whose predecessor has only 52 weeks maps to week 52.
    pub fn previous_year(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Month(y, m) => Period::Month(y - 1, m),
            Period::Week(y, w) => Period::Week(y - 1, w.min(weeks_in_iso_year(y - 1))),
        }
    }

    /// `2026`, `2026-Q3`, `2026-07`, `2026-W01`.
    pub fn label(self) -> String {
        match self {
            Period::Year(y) => format!("{y:04}"),
            Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Week(y, w) => format!("{y:04}-W{w:02}"),
        }
    }

    /// Reads what `label` writes; refuses periods that do not exist (`2026-W53`, `2026-13`).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let number = |part: &str| -> Option<u32> {
            (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())?
        };
        if bytes.len() < 4 || !bytes[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year = number(&text[..4])? as i32;
        let rest = &text[4..];
        let period = if rest.is_empty() {
            Period::Year(year)
        } else {
            let rest = rest.strip_prefix('-')?;
            if let Some(q) = rest.strip_prefix('Q') {
                (q.len() == 1).then_some(())?;
                Period::Quarter(year, number(q)? as u8)
            } else if let Some(w) = rest.strip_prefix('W') {
                (w.len() == 2).then_some(())?;
                Period::Week(year, number(w)? as u8)
            } else {
                (rest.len() == 2).then_some(())?;
                Period::Month(year, number(rest)? as u8)
            }
        };
        period.is_valid().then_some(period)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Period::parse(&text).ok_or_else(|| {
            format!(
                "expected a period like 2026, 2026-Q3, 2026-07 or 2026-W01, found {}",
                quoted(&text)
            )
        })
    }
}

impl From<Period> for String {
    fn from(p: Period) -> String {
        p.label()
    }
}
