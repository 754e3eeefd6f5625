//! The browser's clock and id source; the domain never reads either itself.

use crate::domain::board::Timestamp;
use crate::domain::date::{day_of, Date};

/// Now, in milliseconds since the Unix epoch.
pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}

/// Today in UTC, the day target progress is measured at.
pub fn today() -> Date {
    day_of(now())
}

/// Keeps `today` current: checked every 30 seconds (a timer set for midnight would fire late
/// after the laptop slept; this one catches up within 30 s of waking).
pub fn follow_day(today: leptos::prelude::RwSignal<Date>) {
    use leptos::prelude::*;
    set_interval(
        move || {
            let now = self::today();
            if today.get_untracked() != now {
                today.set(now);
            }
        },
        std::time::Duration::from_secs(30),
    );
}

/// A new unique id such as `d-m3k9x2-4fz81q`: time-ordered, with randomness so two tabs
/// creating deals in the same millisecond still differ.
pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{prefix}-{}-{}", base36(now() as u64), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}
