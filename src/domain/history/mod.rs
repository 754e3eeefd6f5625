//! Undo and redo. Each applied command records the parts of the board it touched, before and
//! after (a `Step`); undoing applies the "before" part as a new change through the same
//! `apply`, so it is saved, merged and announced like any other change.

mod fingerprint;
mod join;
mod record;

pub use fingerprint::fingerprint;

use crate::domain::board::{Board, Deal, DealId, Settings, Stage, Timestamp, Tombstone};
use crate::domain::command::{Command, DomainError, Outcome};
use crate::domain::targets::target::{Target, TargetId, TargetTombstone};
use rustc_hash::FxHashMap;

/// The touched parts of a board at one moment. Stages and settings are small and always kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Patch {
    /// Each touched deal as it was; `None` when it did not exist.
    pub deals: Vec<(DealId, Option<Deal>)>,
    pub stages: Vec<Stage>,
    pub settings: Settings,
    /// Each target the step changed as it was; `None` when it did not exist.
    pub targets: Vec<(TargetId, Option<Target>)>,
    /// Every deal and target tombstone, kept only for steps that replace the whole board
    /// (which replaces the tombstones too); `None` otherwise.
    pub tombstones: Option<(Vec<Tombstone>, Vec<TargetTombstone>)>,
    /// The deals a replace added, each by its content's `fingerprint` instead of a copy: only
    /// the "after" side of a replace's step has them, and only undo reads them, to see which
    /// are still as the replace left them. (On a 50,000-deal import the copies were ~24 MiB.)
    pub added: Vec<(DealId, u64)>,
}

/// One undoable change: the touched parts before and after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub before: Patch,
    pub after: Patch,
}

/// How many steps are kept.
pub const HISTORY_LIMIT: usize = 200;

/// This tab's undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The board a replace put aside, whose step is not worked out yet (`record_replace`).
    replaced: Option<Box<Board>>,
}

impl History {
    /// Remembers a step the user took; a new step clears what could be redone. A replace
    /// still waiting must be settled first, against the board it left.
    pub fn record(&mut self, step: Step) {
        debug_assert!(self.replaced.is_none(), "settle the replace first");
        self.undo.push(step);
        self.redo.clear();
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
    }

    /// Remembers a replace by the board it replaced, without working out its step yet: on a
    /// 50,000-deal import that takes as long as showing the new board, so the view shows it
    /// first. `settle` must run, with the board the replace left, before anything else
    /// changes the board.
    pub fn record_replace(&mut self, old: Board) {
        debug_assert!(self.replaced.is_none(), "settle the replace before another");
        self.replaced = Some(Box::new(old));
        self.redo.clear();
    }

    /// True while a replace's step waits to be worked out (`settle`).
    pub fn is_waiting(&self) -> bool {
        self.replaced.is_some()
    }

    /// Works out the step of a replace recorded with `record_replace`, if one waits; `board`
    /// must be the board the replace left.
    pub fn settle(&mut self, board: &Board) {
        if let Some(old) = self.replaced.take() {
            self.record(board.replaced_step(*old));
        }
    }

    /// The step the last redo (or new step) put on the undo stack: what it changed.
    pub fn last_undo(&self) -> Option<&Step> {
        self.undo.last()
    }

    /// The step the last undo put on the redo stack: what that undo changed.
    pub fn last_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.replaced.is_some()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step on `board`.
    pub fn undo(
        &mut self,
        board: &mut Board,
        now: Timestamp,
    ) -> Option<Result<Outcome, DomainError>> {
        self.replay_top(true, board, now)
    }

    /// Redoes the last undone step on `board`.
    pub fn redo(
        &mut self,
        board: &mut Board,
        now: Timestamp,
    ) -> Option<Result<Outcome, DomainError>> {
        self.replay_top(false, board, now)
    }

    /// Replays the top of the undo (or redo) stack and puts its inverse on the other one. A
    /// replace still waiting is settled first, so that it is on the stack.
    fn replay_top(
        &mut self,
        undo: bool,
        board: &mut Board,
        now: Timestamp,
    ) -> Option<Result<Outcome, DomainError>> {
        self.settle(board);
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let step = from.pop()?;
        Some(replay(step, board, now).map(|(outcome, inverse)| {
            to.push(inverse);
            outcome
        }))
    }
}

/// Applies `step.before` and returns the step that reverses that. A deal whose content changed
/// since the step (another tab edited it) is left alone: this tab never undoes another's
/// change. Revisions and update times are not compared: an earlier undo renews them.
fn replay(step: Step, board: &mut Board, now: Timestamp) -> Result<(Outcome, Step), DomainError> {
    let current: FxHashMap<&DealId, &Deal> = board.deals.iter().map(|d| (&d.id, d)).collect();
    let unchanged = |id: &DealId, after: &Option<Deal>| match (current.get(id), after) {
        (Some(now), Some(then)) => same_content(now, then),
        (None, None) => true,
        _ => false,
    };
    let after: FxHashMap<&DealId, &Option<Deal>> =
        step.after.deals.iter().map(|(id, d)| (id, d)).collect();
    let added: FxHashMap<&DealId, u64> = step
        .after
        .added
        .iter()
        .map(|(id, print)| (id, *print))
        .collect();
    let as_left = |id: &DealId| match after.get(id) {
        Some(then) => unchanged(id, then),
        None => added.get(id).is_some_and(|print| {
            current
                .get(id)
                .is_some_and(|now| fingerprint(now) == *print)
        }),
    };
    let deals: Vec<(DealId, Option<Deal>)> = step
        .before
        .deals
        .iter()
        .filter(|(id, _)| as_left(id))
        .cloned()
        .collect();
    // Targets likewise: only those still as this step left them.
    let targets_now: FxHashMap<&TargetId, &Target> =
        board.targets.iter().map(|t| (&t.id, t)).collect();
    let targets_after: FxHashMap<&TargetId, &Option<Target>> =
        step.after.targets.iter().map(|(id, t)| (id, t)).collect();
    let target_unchanged = |id: &TargetId| match (targets_now.get(id), targets_after.get(id)) {
        (Some(now), Some(Some(then))) => same_target(now, then),
        (None, Some(None)) => true,
        _ => false,
    };
    let targets: Vec<(TargetId, Option<Target>)> = step
        .before
        .targets
        .iter()
        .filter(|(id, _)| target_unchanged(id))
        .cloned()
        .collect();
    let patch = Patch {
        deals,
        targets,
        ..step.before
    };
    board.apply_recorded(Command::RestorePatch(Box::new(patch)), now)
}

/// Equal but for the bookkeeping fields that every change renews.
fn same_target(a: &Target, b: &Target) -> bool {
    let mut b = b.clone();
    b.revision = a.revision;
    b.updated = a.updated;
    *a == b
}

/// Equal but for the bookkeeping fields that every change renews.
fn same_content(a: &Deal, b: &Deal) -> bool {
    let mut b = b.clone();
    b.revision = a.revision;
    b.updated = a.updated;
    *a == b
}
