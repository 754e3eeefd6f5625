//! The one way the view moves a deal, whatever the input (drop, touch, menu, shortcut):
//! a deal entering a lost stage first asks for the reason, then everything is a `MoveDeal`.

use crate::app::state::{AppState, Dialog};
use crate::domain::board::{DealId, StageId, StageKind};
use crate::domain::command::Command;
use crate::domain::ordering::{display_order, index_before, position_of};
use leptos::prelude::*;

/// Where a keyboard move goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Top,
    PreviousStage,
    NextStage,
}

/// Moves `id` to `index` of stage `to`, asking for a loss reason when `to` is a lost stage
/// the deal is not already in.
pub fn move_deal(state: AppState, id: DealId, to: StageId, index: usize) {
    let (kind, here) = state.board.with_untracked(|b| {
        let here = b.deal(&id).map(|d| d.stage.clone());
        // Its place in the stage matters only within the stage, and costs a pass over the
        // deals: not for a move to another stage.
        let place = here
            .as_ref()
            .filter(|&s| *s == to)
            .and_then(|_| position_of(b, &id));
        (b.stage(&to).map(|s| s.kind), (here, place))
    });
    let (here, place) = here;
    // Dropped where it already was: nothing to do, nothing to announce or undo.
    if let Some((_, at, size)) = &place {
        let stays_last = index >= size.saturating_sub(1) && *at + 1 == *size;
        if index == *at || stays_last {
            return;
        }
    }
    if kind == Some(StageKind::Lost) && here.as_ref() != Some(&to) {
        state.dialog.set(Some(Dialog::LossReason {
            deal: id,
            to,
            index,
        }));
    } else {
        let _ = state.dispatch(Command::MoveDeal {
            id,
            to,
            index,
            loss_reason: None,
        });
    }
}

/// The index a deal dropped just above `before` in `stage` lands at (counted without the
/// deal itself); `None` when `before` is not in `stage`. Unfiltered, the view's column holds
/// the whole stage in order, so the anchor is found by its rank instead of a pass over every
/// deal.
pub fn drop_index(
    state: AppState,
    stage: &StageId,
    before: &DealId,
    moving: &DealId,
) -> Option<usize> {
    let whole_stage = state.filter.with_untracked(|f| f.is_empty());
    state.board.with_untracked(|b| {
        let from_view = whole_stage.then(|| {
            let anchor = b.deal(before).filter(|d| &d.stage == stage)?;
            if anchor.id == *moving {
                return None;
            }
            let at = state.view.with_untracked(|v| {
                let cards = &v.column(stage)?.cards;
                cards
                    .binary_search_by(|c| c.order(anchor.rank, &anchor.id))
                    .ok()
            })?;
            let mover_above = b
                .deal(moving)
                .is_some_and(|m| &m.stage == stage && display_order(m, anchor).is_lt());
            Some(at - usize::from(mover_above))
        });
        from_view
            .flatten()
            .or_else(|| index_before(b, stage, before, moving))
    })
}

/// Moves `id` one step as the keyboard asks; does nothing at an edge.
pub fn step_deal(state: AppState, id: DealId, step: Step) {
    let target = state.board.with_untracked(|b| {
        let (stage, index, _) = position_of(b, &id)?;
        let stage_at = b.stages.iter().position(|s| s.id == stage)?;
        let (_, _, size) = position_of(b, &id)?;
        match step {
            Step::Up => Some((stage, index.checked_sub(1)?)),
            Step::Down => (index + 1 < size).then_some((stage, index + 1)),
            Step::Top => (index > 0).then_some((stage, 0)),
            Step::PreviousStage => Some((
                b.stages.get(stage_at.checked_sub(1)?)?.id.clone(),
                usize::MAX,
            )),
            Step::NextStage => Some((b.stages.get(stage_at + 1)?.id.clone(), usize::MAX)),
        }
    });
    if let Some((to, index)) = target {
        move_deal(state, id, to, index);
    }
}
