//! Positions inside a stage. Ranks are sparse floats so that a move rewrites only the moved
//! deal; when two neighbours get too close the stage is renumbered once.
//!
//! Every function here reads the stage's order that the deals keep (`deals::StageOrder`):
//! a move on a board of 50,000 deals must cost the same as on a board of 1,000.

use crate::domain::board::{Board, Deal, DealId, StageId};
use std::cmp::Ordering;

/// The gap left between neighbours when ranks are (re)numbered or appended.
pub const RANK_GAP: f64 = 1024.0;

/// Display order inside a stage: rank, then id so that equal ranks have a fixed order.
pub fn display_order(a: &Deal, b: &Deal) -> Ordering {
    a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
}

/// Where a deal put at an index of a stage ends up.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub rank: f64,
    /// The index it gets: the one asked for, or the end of the stage.
    pub index: usize,
    /// The stage's size with the deal in it.
    pub size: usize,
    /// The deals renumbered to make room (rarely any): where each sits in `board.deals` and
    /// the rank it had, so that history can record them without copying every rank first.
    pub renumbered: Vec<(usize, f64)>,
}

/// The rank that puts a deal at `index` of `stage`, counting the stage's deals without the
/// deal itself (`moving`), and where the deal lands: the new rank lies strictly between the
/// neighbours' ranks, so exactly `index` deals sort before it. Renumbers the stage first when
/// there is no room left between the two neighbours.
pub fn place_at(
    board: &mut Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
) -> Place {
    if let Some(place) = free_rank(board, stage, index, moving) {
        return place;
    }
    let renumbered = renumber(board, stage);
    let place = free_rank(board, stage, index, moving).expect("renumbered ranks leave room");
    Place {
        renumbered,
        ..place
    }
}

/// Stage ids compared with their lengths first, inline: the passes over every deal spend
/// most of their time here.
#[inline(always)]
fn same_stage(a: &StageId, b: &StageId) -> bool {
    a.0.len() == b.0.len() && a.0 == b.0
}

/// The rank halfway between the deals a deal put at `index` of `stage` (counted without
/// `moving`) lands between, when there is room between them. The stage's order gives both
/// neighbours directly: no pass over the deals.
fn free_rank(
    board: &Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
) -> Option<Place> {
    let order = board.deals.order();
    let slots = order.stage(stage);
    let skip = moving
        .and_then(|id| board.deal(id))
        .filter(|d| same_stage(&d.stage, stage))
        .and_then(|d| order.index_of(stage, d.rank, &d.id));
    let others = slots.len() - usize::from(skip.is_some());
    let index = index.min(others);
    // The rank of the `i`th deal of the stage without `moving`.
    let rank_at = |i: usize| {
        let i = if skip.is_some_and(|s| i >= s) {
            i + 1
        } else {
            i
        };
        slots[i].rank
    };
    let before = (index > 0).then(|| rank_at(index - 1));
    let after = (index < others).then(|| rank_at(index));
    let rank = match (before, after) {
        (None, None) => 0.0,
        (Some(before), None) => before + RANK_GAP,
        (None, Some(after)) => after - RANK_GAP,
        (Some(before), Some(after)) => before + (after - before) / 2.0,
    };
    let neighbours_differ = |r: f64| before.is_none_or(|b| b < r) && after.is_none_or(|a| r < a);
    neighbours_differ(rank).then_some(Place {
        rank,
        index,
        size: others + 1,
        renumbered: Vec::new(),
    })
}

/// Spreads the stage's ranks out again; returns each deal's place and former rank. Rare (only
/// when two neighbours' ranks meet), so the stage order is simply rebuilt on next use.
fn renumber(board: &mut Board, stage: &StageId) -> Vec<(usize, f64)> {
    let order: Vec<DealId> = board.deals_in(stage).iter().map(|d| d.id.clone()).collect();
    let mut renumbered = Vec::with_capacity(order.len());
    for (i, id) in order.iter().enumerate() {
        if let Some(at) = board.deal_position(id) {
            renumbered.push((at, board.deals[at].rank));
            board.deals[at].rank = i as f64 * RANK_GAP;
        }
    }
    renumbered
}

/// Where a deal sits: its 0-based index in its stage and the stage's size.
pub fn position_of(board: &Board, id: &DealId) -> Option<(StageId, usize, usize)> {
    let deal = board.deal(id)?;
    let order = board.deals.order();
    let index = order.index_of(&deal.stage, deal.rank, &deal.id)?;
    Some((deal.stage.clone(), index, order.stage(&deal.stage).len()))
}

/// The index `before` has in `stage` counted without `moving`: where a deal dropped just
/// above `before` lands. `None` when `before` is not in `stage`.
pub fn index_before(
    board: &Board,
    stage: &StageId,
    before: &DealId,
    moving: &DealId,
) -> Option<usize> {
    let anchor = board.deal(before).filter(|d| &d.stage == stage)?;
    if anchor.id == *moving {
        return None;
    }
    let at = board
        .deals
        .order()
        .index_of(stage, anchor.rank, &anchor.id)?;
    let mover_above = board
        .deal(moving)
        .is_some_and(|m| &m.stage == stage && display_order(m, anchor) == Ordering::Less);
    Some(at - usize::from(mover_above))
}
