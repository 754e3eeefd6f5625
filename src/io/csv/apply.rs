//! Putting a CSV import on a board: new rows added, rows of the board's own deals updated.

use super::rows::CsvImport;
use crate::domain::board::{Board, DealId, Timestamp};
use crate::domain::command::Command;

/// What applying an import did, for the summary the user reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    /// Rows naming a deal that already had exactly those fields and that stage.
    pub unchanged: usize,
}

/// Applies `import` to `board` through the ordinary commands: each new row as
/// `Command::AddDeal` with an id from `new_id`; each update as `Command::MoveDeal` to the end
/// of its stage when the stage differs (first, so a Lost stage takes the row's loss reason),
/// then `Command::EditDeal`. The caller makes the result one undoable step.
pub fn apply_import(
    board: &mut Board,
    import: CsvImport,
    mut new_id: impl FnMut() -> DealId,
    now: Timestamp,
) -> Applied {
    let mut applied = Applied::default();
    for (fields, stage) in import.rows {
        let cmd = Command::AddDeal {
            id: new_id(),
            stage,
            fields,
        };
        applied.added += usize::from(board.apply(cmd, now).is_ok());
    }
    for (id, fields, stage) in import.updates {
        let Some(deal) = board.deal(&id) else {
            continue;
        };
        if deal.stage == stage && deal.fields() == fields {
            applied.unchanged += 1;
            continue;
        }
        let moved = deal.stage == stage || {
            let cmd = Command::MoveDeal {
                id: id.clone(),
                to: stage,
                index: usize::MAX,
                loss_reason: fields.loss_reason.clone(),
            };
            board.apply(cmd, now).is_ok()
        };
        let edited = moved && board.apply(Command::EditDeal { id, fields }, now).is_ok();
        applied.updated += usize::from(edited);
    }
    applied
}
