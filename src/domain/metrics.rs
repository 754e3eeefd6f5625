//! Money per stage and for the open pipeline, over the deals that are shown.

use crate::domain::alerts::off_track;
use crate::domain::board::{Board, Deal, Stage, StageId};
use crate::domain::columns::board_view;
use crate::domain::date::Date;
use crate::domain::filter::DealFilter;
use crate::domain::money::Totals;

/// A column header's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageSummary {
    pub count: usize,
    pub total: Totals,
    /// Value × the stage's win probability.
    pub weighted: Totals,
    /// How many of the deals are off track (`domain::alerts`).
    pub off_track: usize,
}

impl Default for StageSummary {
    fn default() -> Self {
        StageSummary::new()
    }
}

impl StageSummary {
    /// Nothing counted yet.
    pub fn new() -> StageSummary {
        StageSummary {
            count: 0,
            total: Totals::plain(),
            weighted: Totals::weighted(),
            off_track: 0,
        }
    }

    /// Counts one deal of `stage` at the stage's probability, and whether it is off track
    /// `today`.
    pub fn add(&mut self, deal: &Deal, stage: &Stage, today: Date) {
        self.count += 1;
        self.total.add(&deal.currency, deal.value, 1);
        self.weighted
            .add(&deal.currency, deal.value, stage.probability);
        self.off_track += usize::from(off_track(deal, stage, today));
    }

    /// Takes out a deal counted before with the same stage and day.
    pub fn remove(&mut self, deal: &Deal, stage: &Stage, today: Date) {
        self.count = self.count.saturating_sub(1);
        self.total.remove(&deal.currency, deal.value, 1);
        self.weighted
            .remove(&deal.currency, deal.value, stage.probability);
        let was = usize::from(off_track(deal, stage, today));
        self.off_track = self.off_track.saturating_sub(was);
    }
}

/// The figures of one stage over the deals that `filter` shows.
pub fn stage_summary(board: &Board, stage: &StageId, filter: &DealFilter) -> StageSummary {
    let view = board_view(board, filter);
    view.column(stage)
        .map(|c| c.summary.clone())
        .unwrap_or_default()
}

/// The open pipeline (deals in open stages) over the deals that `filter` shows.
pub fn pipeline_summary(board: &Board, filter: &DealFilter) -> StageSummary {
    board_view(board, filter).pipeline
}
