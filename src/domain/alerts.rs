//! When a deal goes off track: it has sat in its stage with no step done for longer than the
//! stage allows (idle, Pipedrive's "rotting"), or its expected close date or its next step's
//! due date has passed while it is still open.
//! A stage can also hold more deals than its limit. The thresholds are the user's, per stage
//! (`Stage::idle_days`, `Stage::limit`); a passed close date needs none.

use crate::domain::board::{Deal, DealStatus, Stage, StageKind};
use crate::domain::date::{day_of, Date};

/// What is off track about one deal, in whole days (UTC calendar days, as target pace is).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DealAlerts {
    /// Days in its stage with no step done, when that reaches the stage's `idle_days`.
    pub idle_days: Option<i64>,
    /// Days since its close date, when that is before today.
    pub overdue_days: Option<i64>,
    /// Days since its next step was due, when that is before today.
    pub step_overdue_days: Option<i64>,
}

impl DealAlerts {
    /// True when anything is off track.
    pub fn any(self) -> bool {
        self.idle_days.is_some() || self.overdue_days.is_some() || self.step_overdue_days.is_some()
    }
}

/// The alerts of `deal`, which sits in `stage`, on `today`. Open deals in open stages can
/// have any. A won deal has only its overdue next step: the after-sales follow-up or
/// complaint (SEED-NOTES §4) is still the team's to do, while its close date and time in the
/// stage no longer matter. A lost deal has none.
pub fn deal_alerts(deal: &Deal, stage: &Stage, today: Date) -> DealAlerts {
    let late = |day: Date| (day < today).then(|| today.days_since(day));
    let step_overdue_days = deal.next_step.as_ref().and_then(|s| late(s.due));
    if deal.status == DealStatus::Won {
        return DealAlerts {
            step_overdue_days,
            ..DealAlerts::default()
        };
    }
    if deal.status != DealStatus::Open || stage.kind != StageKind::Open {
        return DealAlerts::default();
    }
    // Idle counts from entering the stage or from the last step done, whichever is later:
    // a deal someone is working on is not rotting (Pipedrive counts activity the same way).
    let since = day_of(deal.stage_entered).max(deal.last_activity().unwrap_or(Date::MIN));
    let idle = today.days_since(since);
    let idle_days = stage
        .idle_days
        .filter(|&limit| idle >= i64::from(limit))
        .map(|_| idle);
    DealAlerts {
        idle_days,
        overdue_days: deal.close_date.and_then(late),
        step_overdue_days,
    }
}

/// True when the deal is off track (see `deal_alerts`).
pub fn off_track(deal: &Deal, stage: &Stage, today: Date) -> bool {
    deal_alerts(deal, stage, today).any()
}

/// True when `stage` holds more than its limit with `deals` deals in it.
pub fn over_limit(stage: &Stage, deals: usize) -> bool {
    stage.limit.is_some_and(|limit| deals > limit as usize)
}
