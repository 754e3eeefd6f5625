//! What the board shows, computed in one pass over the deals: each column's cards in order
//! and its figures, and the open pipeline's figures. The view keeps this in one memo, so a
//! change costs one pass, and a column whose cards and figures did not change is not touched.

use crate::domain::board::{Board, DealId, StageId, StageKind};
use crate::domain::filter::DealFilter;
use crate::domain::metrics::StageSummary;
use std::collections::HashMap;

/// A card to show: its deal, and its revision so that a changed deal renders anew.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardRef {
    pub id: DealId,
    pub revision: u32,
    /// With the revision: another tab's version of the same revision still renders anew.
    pub updated: i64,
    /// Where the deal sits in `board.deals` for the board this was computed from.
    pub index: usize,
}

/// One column: the shown cards in display order and their figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub stage: StageId,
    pub cards: Vec<CardRef>,
    pub summary: StageSummary,
}

/// Everything the board shows for one filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardView {
    /// In pipeline order.
    pub columns: Vec<Column>,
    /// Deals in open stages that the filter shows.
    pub pipeline: StageSummary,
    /// How many deals the filter shows in all.
    pub shown: usize,
}

impl BoardView {
    /// The column of `stage`, if the board has it.
    pub fn column(&self, stage: &StageId) -> Option<&Column> {
        self.columns.iter().find(|c| &c.stage == stage)
    }
}

/// Computes the board's view in one pass over its deals.
pub fn board_view(board: &Board, filter: &DealFilter) -> BoardView {
    let at: HashMap<&StageId, usize> = board
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    let mut columns: Vec<Column> = board
        .stages
        .iter()
        .map(|s| Column {
            stage: s.id.clone(),
            cards: Vec::new(),
            summary: StageSummary::new(),
        })
        .collect();
    let mut pipeline = StageSummary::new();
    let mut shown = 0;
    let matches = filter.matcher();
    for (index, deal) in board.deals.iter().enumerate() {
        let Some(&column) = at.get(&deal.stage) else {
            continue;
        };
        if !matches(deal) {
            continue;
        }
        shown += 1;
        let stage = &board.stages[column];
        columns[column].summary.add(deal, stage.probability);
        if stage.kind == StageKind::Open {
            pipeline.add(deal, stage.probability);
        }
        columns[column].cards.push(CardRef {
            id: deal.id.clone(),
            revision: deal.revision,
            updated: deal.updated,
            index,
        });
    }
    for column in &mut columns {
        column.cards.sort_by(|a, b| {
            let (da, db) = (&board.deals[a.index], &board.deals[b.index]);
            da.rank.total_cmp(&db.rank).then_with(|| da.id.cmp(&db.id))
        });
    }
    BoardView {
        columns,
        pipeline,
        shown,
    }
}
