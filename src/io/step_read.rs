//! A deal's next step and its steps done, as a snapshot writes them (`io::board_write`), read
//! member by member as `board_read` reads a deal.

use crate::domain::board::{Activity, NextStep, Rating, StepKind};
use crate::domain::date::Date;
use crate::io::board_read::{all_there, date, option, set};
use crate::io::json_read::{Read, Reader};

/// A deal's next step: `{"kind": "call", "due": "2026-12-03", "note": "…"}`.
pub(crate) fn next_step(r: &mut Reader) -> Read<NextStep> {
    let step = step(r, "due")?;
    Ok(NextStep {
        kind: step.kind,
        due: step.done,
        note: step.note,
    })
}

/// A step done: `{"kind": "follow_up", "done": "2026-12-01", "note": "…", "rating": 4}`, the
/// rating (1 to 5) only when the customer gave one.
pub(crate) fn activity(r: &mut Reader) -> Read<Activity> {
    step(r, "done")
}

/// Either kind of step, its day under `day` (one reader for both: less wasm). A next step's
/// `rating`, which the app never writes, is read (so it must be 1 to 5) and dropped.
fn step(r: &mut Reader, day: &str) -> Read<Activity> {
    let mut step = Activity {
        kind: StepKind::Call,
        done: Date::MIN,
        note: String::new(),
        rating: None,
    };
    let mut seen = 0u32;
    r.object(&mut |r, key| {
        seen |= match key {
            "kind" => {
                let names = StepKind::ALL.map(StepKind::key);
                set(&mut step.kind, StepKind::ALL[r.name(&names)?], 1)
            }
            "note" => set(&mut step.note, r.string()?, 0),
            "rating" => set(&mut step.rating, option(r, rating)?, 0),
            key if key == day => set(&mut step.done, date(r)?, 1 << 1),
            _ => {
                r.skip()?;
                0
            }
        };
        Ok(())
    })?;
    all_there(r, seen, &["kind", day])?;
    Ok(step)
}

/// A customer's rating, 1 to 5 ("expected a whole number from 1 to 5, found 7").
pub(crate) fn rating(r: &mut Reader) -> Read<Rating> {
    let n = r.whole(1, Rating::MAX.into())?;
    Ok(Rating::new(n as u8).expect("whole checked the range"))
}
