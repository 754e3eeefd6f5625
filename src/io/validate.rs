//! Checks a board for what types alone cannot: ids that repeat, deals in stages that do not
//! exist, out-of-range numbers. Every problem names its place.

use crate::domain::board::Board;
use crate::domain::quote::quoted;
use crate::domain::targets::target::TargetId;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

/// One problem and where it is, e.g. `deals[12].value: expected a number, found "abc"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem of `board`; empty when it is good.
pub fn validate(board: &Board) -> Vec<Problem> {
    let mut problems = Vec::new();
    if board.stages.is_empty() {
        problems.push(Problem::new("stages", "the board needs at least one stage"));
    }
    let mut stage_ids = FxHashSet::default();
    for (i, stage) in board.stages.iter().enumerate() {
        if !stage_ids.insert(&stage.id) {
            problems.push(Problem::new(
                format!("stages[{i}].id"),
                format!("{} is used twice", quoted(&stage.id.0)),
            ));
        }
        if stage.probability > 100 {
            problems.push(Problem::new(
                format!("stages[{i}].probability"),
                "expected 0 to 100",
            ));
        }
        // An alert threshold of 0 would flag every deal at once: off is written as absent.
        for (name, value) in [("idle_days", stage.idle_days), ("limit", stage.limit)] {
            if value == Some(0) {
                problems.push(Problem::new(
                    format!("stages[{i}].{name}"),
                    "expected at least 1 (leave it out for none)",
                ));
            }
        }
    }
    let mut deal_ids = FxHashSet::default();
    for (i, deal) in board.deals.iter().enumerate() {
        if !deal_ids.insert(&deal.id) {
            problems.push(Problem::new(
                format!("deals[{i}].id"),
                format!("{} is used twice", quoted(&deal.id.0)),
            ));
        }
        if !stage_ids.contains(&deal.stage) {
            problems.push(Problem::new(
                format!("deals[{i}].stage"),
                format!("no stage has id {}", quoted(&deal.stage.0)),
            ));
        }
        if deal.value < 0 {
            problems.push(Problem::new(
                format!("deals[{i}].value"),
                "cannot be negative",
            ));
        }
        if deal.cost.is_some_and(|c| c < 0) {
            problems.push(Problem::new(
                format!("deals[{i}].cost"),
                "cannot be negative",
            ));
        }
        if !deal.rank.is_finite() {
            problems.push(Problem::new(
                format!("deals[{i}].rank"),
                "expected a finite number",
            ));
        }
    }
    if board.settings.behind_threshold > 100 {
        problems.push(Problem::new(
            "settings.behind_threshold",
            "expected 0 to 100",
        ));
    }
    validate_targets(board, &mut problems);
    problems
}

/// Unique ids, parents that exist and do not loop back, amounts not negative, real periods.
fn validate_targets(board: &Board, problems: &mut Vec<Problem>) {
    let parents: FxHashMap<&TargetId, Option<&TargetId>> = board
        .targets
        .iter()
        .map(|t| (&t.id, t.parent.as_ref()))
        .collect();
    let mut ids = FxHashSet::default();
    for (i, target) in board.targets.iter().enumerate() {
        if !ids.insert(&target.id) {
            problems.push(Problem::new(
                format!("targets[{i}].id"),
                format!("{} is used twice", quoted(&target.id.0)),
            ));
        }
        if let Some(parent) = &target.parent {
            if !parents.contains_key(parent) {
                problems.push(Problem::new(
                    format!("targets[{i}].parent"),
                    format!("no target has id {}", quoted(&parent.0)),
                ));
            } else if in_cycle(&target.id, &parents) {
                problems.push(Problem::new(
                    format!("targets[{i}].parent"),
                    format!("{} is its own ancestor", quoted(&target.id.0)),
                ));
            }
        }
        if target.amount < 0 {
            problems.push(Problem::new(
                format!("targets[{i}].amount"),
                "cannot be negative",
            ));
        }
        if target.market.is_some_and(|m| m <= 0) {
            problems.push(Problem::new(
                format!("targets[{i}].market"),
                "must be above 0",
            ));
        }
        if !target.period.is_valid() {
            problems.push(Problem::new(
                format!("targets[{i}].period"),
                format!("no such period: {}", target.period),
            ));
        }
    }
}

/// True when following parents from `id` comes back to `id`.
fn in_cycle(id: &TargetId, parents: &FxHashMap<&TargetId, Option<&TargetId>>) -> bool {
    let mut at = id;
    for _ in 0..parents.len() {
        match parents.get(at).copied().flatten() {
            Some(parent) if parent == id => return true,
            Some(parent) => at = parent,
            None => return false,
        }
    }
    false
}
