//! Money per stage and for the open pipeline, over the deals that are shown.

use crate::domain::board::{Board, Deal, StageId, StageKind};
use crate::domain::filter::DealFilter;
use crate::domain::money::Totals;

/// A column header's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageSummary {
    pub count: usize,
    pub total: Totals,
    /// Value × the stage's win probability.
    pub weighted: Totals,
}

impl StageSummary {
    fn new() -> StageSummary {
        StageSummary {
            count: 0,
            total: Totals::plain(),
            weighted: Totals::weighted(),
        }
    }

    fn add(&mut self, deal: &Deal, probability: u8) {
        self.count += 1;
        self.total.add(&deal.currency, deal.value, 1);
        self.weighted.add(&deal.currency, deal.value, probability);
    }
}

/// The figures of one stage over the deals that `filter` shows.
pub fn stage_summary(board: &Board, stage: &StageId, filter: &DealFilter) -> StageSummary {
    let mut summary = StageSummary::new();
    let probability = board.stage(stage).map_or(0, |s| s.probability);
    for deal in board
        .deals
        .iter()
        .filter(|d| &d.stage == stage && filter.matches(d))
    {
        summary.add(deal, probability);
    }
    summary
}

/// The open pipeline (deals in open stages) over the deals that `filter` shows.
pub fn pipeline_summary(board: &Board, filter: &DealFilter) -> StageSummary {
    let mut summary = StageSummary::new();
    for stage in board.stages.iter().filter(|s| s.kind == StageKind::Open) {
        for deal in board
            .deals
            .iter()
            .filter(|d| d.stage == stage.id && filter.matches(d))
        {
            summary.add(deal, stage.probability);
        }
    }
    summary
}
