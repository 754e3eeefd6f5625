//! A deal's next step as a snapshot writes it (`io::board_write`), read member by member as
//! `board_read` reads a deal.

use crate::domain::board::{NextStep, StepKind};
use crate::domain::date::Date;
use crate::io::board_read::{all_there, date, set};
use crate::io::json_read::{Read, Reader};

/// A deal's next step: `{"kind": "call", "due": "2026-12-03", "note": "…"}`.
pub(crate) fn next_step(r: &mut Reader) -> Read<NextStep> {
    let mut step = NextStep {
        kind: StepKind::Call,
        due: Date::MIN,
        note: String::new(),
    };
    let mut seen = 0u32;
    r.object(&mut |r, key| {
        seen |= match key {
            "kind" => {
                let names = StepKind::ALL.map(StepKind::key);
                set(&mut step.kind, StepKind::ALL[r.name(&names)?], 1)
            }
            "due" => set(&mut step.due, date(r)?, 1 << 1),
            "note" => set(&mut step.note, r.string()?, 0),
            _ => {
                r.skip()?;
                0
            }
        };
        Ok(())
    })?;
    all_there(r, seen, &["kind", "due"])?;
    Ok(step)
}
