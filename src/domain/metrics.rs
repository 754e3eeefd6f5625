//! Money per stage and for the open pipeline, over the deals that are shown.

use crate::domain::board::{Board, Deal, StageId};
use crate::domain::columns::board_view;
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
        }
    }

    /// Counts one deal at its stage's probability.
    pub fn add(&mut self, deal: &Deal, probability: u8) {
        self.count += 1;
        self.total.add(&deal.currency, deal.value, 1);
        self.weighted.add(&deal.currency, deal.value, probability);
    }

    /// Takes out a deal counted before at the same probability.
    pub fn remove(&mut self, deal: &Deal, probability: u8) {
        self.count = self.count.saturating_sub(1);
        self.total.remove(&deal.currency, deal.value, 1);
        self.weighted
            .remove(&deal.currency, deal.value, probability);
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
