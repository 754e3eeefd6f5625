//! The one way the view moves a deal, whatever the input (drop, touch, menu, shortcut):
//! a deal entering a lost stage first asks for the reason, then everything is a `MoveDeal`.

use crate::app::state::{AppState, Dialog};
use crate::domain::board::{DealId, StageId, StageKind};
use crate::domain::command::Command;
use crate::domain::ordering::position_of;
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
    let (kind, here) = state
        .board
        .with_untracked(|b| (b.stage(&to).map(|s| s.kind), position_of(b, &id)));
    // Dropped where it already was: nothing to do, nothing to announce or undo.
    if let Some((stage, at, size)) = &here {
        let stays_last = index >= size.saturating_sub(1) && *at + 1 == *size;
        if *stage == to && (index == *at || stays_last) {
            return;
        }
    }
    let here = here.map(|(stage, _, _)| stage);
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
