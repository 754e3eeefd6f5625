//! Positions inside a stage. Ranks are sparse floats so that a move rewrites only the moved
//! deal; when two neighbours get too close the stage is renumbered once.
//!
//! Every function here is one pass over the deals without sorting the stage: a move on a
//! board of 50,000 deals must not cost a sort of its stage, let alone several.

use crate::domain::board::{Board, Deal, DealId, StageId};
use std::cmp::Ordering;

/// The gap left between neighbours when ranks are (re)numbered or appended.
pub const RANK_GAP: f64 = 1024.0;

/// Display order inside a stage: rank, then id so that equal ranks have a fixed order.
pub fn display_order(a: &Deal, b: &Deal) -> Ordering {
    a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
}

/// The rank that puts a deal at `index` of `stage`, counting the stage's deals without the
/// deal itself (`moving`). Renumbers the stage first when there is no room left between the
/// two neighbours.
pub fn rank_for_index(
    board: &mut Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
) -> f64 {
    place_at(board, stage, index, moving).rank
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

/// Like `rank_for_index`, and also says where the deal lands: the new rank lies strictly
/// between the neighbours' ranks, so exactly `index` deals sort before it.
pub fn place_at(
    board: &mut Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
) -> Place {
    let ranks = stage_ranks(board, stage, moving);
    place_among(board, stage, index, moving, ranks)
}

/// `place_at` with the stage's ranks (without `moving`) already collected.
pub fn place_among(
    board: &mut Board,
    stage: &StageId,
    index: usize,
    moving: Option<&DealId>,
    ranks: Vec<f64>,
) -> Place {
    if let Some(place) = free_rank(ranks, index) {
        return place;
    }
    let renumbered = renumber(board, stage);
    let ranks = stage_ranks(board, stage, moving);
    let place = free_rank(ranks, index).expect("renumbered ranks leave room");
    Place {
        renumbered,
        ..place
    }
}

/// The ranks of a stage's deals but `moving`, in board order.
fn stage_ranks(board: &Board, stage: &StageId, moving: Option<&DealId>) -> Vec<f64> {
    board
        .deals
        .iter()
        .filter(|d| same_stage(&d.stage, stage) && Some(&d.id) != moving)
        .map(|d| d.rank)
        .collect()
}

/// Stage ids compared with their lengths first, inline: the passes over every deal spend
/// most of their time here.
#[inline(always)]
fn same_stage(a: &StageId, b: &StageId) -> bool {
    a.0.len() == b.0.len() && a.0 == b.0
}

fn free_rank(mut ranks: Vec<f64>, index: usize) -> Option<Place> {
    let size = ranks.len() + 1;
    let index = index.min(ranks.len());
    let (before, after) = neighbours(&mut ranks, index);
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
        size,
        renumbered: Vec::new(),
    })
}

/// The ranks at sorted positions `index - 1` and `index` (the deals a deal put at `index`
/// lands between), found by selection instead of a full sort.
fn neighbours(ranks: &mut [f64], index: usize) -> (Option<f64>, Option<f64>) {
    if index >= ranks.len() {
        let before = ranks.iter().copied().max_by(f64::total_cmp);
        return (before, None);
    }
    let (lower, &mut at, _) = ranks.select_nth_unstable_by(index, f64::total_cmp);
    (lower.iter().copied().max_by(f64::total_cmp), Some(at))
}

/// Spreads the stage's ranks out again; returns each deal's place and former rank.
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
    position_and_ranks(board, id, None).map(|(at, _)| at)
}

/// In one pass over the deals: where deal `id` sits (as `position_of`) and, when `to` is
/// given, the ranks of stage `to` without the deal (as `place_among` takes them) — the two
/// things a move needs to know before it changes anything.
pub fn position_and_ranks(
    board: &Board,
    id: &DealId,
    to: Option<&StageId>,
) -> Option<((StageId, usize, usize), Vec<f64>)> {
    let deal = board.deal(id)?;
    let (mut index, mut size, mut ranks) = (0, 0, Vec::new());
    for other in &board.deals {
        if same_stage(&other.stage, &deal.stage) {
            size += 1;
            if display_order(other, deal) == Ordering::Less {
                index += 1;
            }
        }
        if to.is_some_and(|to| same_stage(&other.stage, to)) && other.id != *id {
            ranks.push(other.rank);
        }
    }
    Some(((deal.stage.clone(), index, size), ranks))
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
    let above = board.deals.iter().filter(|d| {
        same_stage(&d.stage, stage) && d.id != *moving && display_order(d, anchor) == Ordering::Less
    });
    Some(above.count())
}
