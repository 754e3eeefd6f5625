//! A deal's way through the pipeline, for its dialog: each stage it entered, on which day and
//! for how many days. Pipedrive shows the same on a deal ("days in stage"); a rep sees where a
//! deal stalled, and a manager what the stage conversion figures are made of.

use crate::domain::board::{Deal, StageId};
use crate::domain::date::{day_of, Date};

/// One stay of a deal in a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stay {
    pub stage: StageId,
    /// The UTC day it entered the stage.
    pub entered: Date,
    /// Whole UTC days until it entered the next stage, or until `today` for the stage it is
    /// in now (0 on the day it came), as target pace and alerts count days.
    pub days: i64,
    /// The stage it is in now (the last stay).
    pub current: bool,
}

/// Every stay of `deal`, oldest first; a deal read from an older file without a history has
/// one, in its stage since it was created.
pub fn stays(deal: &Deal, today: Date) -> Vec<Stay> {
    let visits: Vec<(&StageId, Date)> = if deal.history.is_empty() {
        vec![(&deal.stage, day_of(deal.created))]
    } else {
        deal.history
            .iter()
            .map(|v| (&v.stage, day_of(v.entered)))
            .collect()
    };
    visits
        .iter()
        .enumerate()
        .map(|(i, &(stage, entered))| {
            let until = visits.get(i + 1).map(|&(_, day)| day);
            Stay {
                stage: stage.clone(),
                entered,
                days: until.unwrap_or(today).days_since(entered).max(0),
                current: until.is_none(),
            }
        })
        .collect()
}
