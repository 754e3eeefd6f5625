//! Positions inside a stage. Ranks are sparse floats so that a move rewrites only the moved
//! deal; when two neighbours get too close the stage is renumbered once.

use crate::domain::board::{Board, DealId, StageId};

/// The gap left between neighbours when ranks are (re)numbered or appended.
pub const RANK_GAP: f64 = 1024.0;

/// The rank that puts a deal at `index` of `stage`, counting the stage's deals without the
/// deal itself (`moving`). Renumbers the stage first when there is no room left between the
/// two neighbours.
pub fn rank_for_index(
    board: &mut Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
) -> f64 {
    if let Some(rank) = free_rank(board, stage, index, moving) {
        return rank;
    }
    renumber(board, stage);
    free_rank(board, stage, index, moving).expect("renumbered ranks leave room")
}

fn free_rank(board: &Board, stage: &StageId, index: usize, moving: Option<&DealId>) -> Option<f64> {
    let ranks: Vec<f64> = board
        .deals_in(stage)
        .into_iter()
        .filter(|d| Some(&d.id) != moving)
        .map(|d| d.rank)
        .collect();
    let index = index.min(ranks.len());
    let rank = match (index.checked_sub(1).map(|i| ranks[i]), ranks.get(index)) {
        (None, None) => 0.0,
        (Some(before), None) => before + RANK_GAP,
        (None, Some(&after)) => after - RANK_GAP,
        (Some(before), Some(&after)) => before + (after - before) / 2.0,
    };
    let neighbours_differ = |r: f64| {
        index.checked_sub(1).is_none_or(|i| ranks[i] < r) && ranks.get(index).is_none_or(|&a| r < a)
    };
    neighbours_differ(rank).then_some(rank)
}

fn renumber(board: &mut Board, stage: &StageId) {
    let order: Vec<DealId> = board.deals_in(stage).iter().map(|d| d.id.clone()).collect();
    for (i, id) in order.iter().enumerate() {
        if let Some(deal) = board.deals.iter_mut().find(|d| &d.id == id) {
            deal.rank = i as f64 * RANK_GAP;
        }
    }
}

/// Where a deal sits: its 0-based index in its stage and the stage's size.
pub fn position_of(board: &Board, id: &DealId) -> Option<(StageId, usize, usize)> {
    let deal = board.deal(id)?;
    let column = board.deals_in(&deal.stage);
    let index = column.iter().position(|d| &d.id == id)?;
    Some((deal.stage.clone(), index, column.len()))
}
