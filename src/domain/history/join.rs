//! Two steps taken as one: a deal edited and moved from its dialog in one Save is one undo.

use super::{History, Patch, Step};

impl Step {
    /// This step followed by `later`, as one: the board before this one, and after `later`.
    /// A deal or target that only one of them touched keeps that step's side.
    pub fn then(self, later: Step) -> Step {
        Step {
            before: join(self.before, later.before),
            after: join(later.after, self.after),
        }
    }
}

/// `first`'s parts, with those of `second` that `first` does not hold; stages, settings and
/// tombstones (whole lists) from `first`. Each of `second`'s parts is looked for among
/// `first`'s: the dialog's edit touches one deal and its move the deals of one stage, so one
/// side is always short.
fn join(first: Patch, second: Patch) -> Patch {
    let mut deals = first.deals;
    let held = deals.len();
    for (id, deal) in second.deals {
        if !deals[..held].iter().any(|(d, _)| *d == id) {
            deals.push((id, deal));
        }
    }
    let mut targets = first.targets;
    let held = targets.len();
    for (id, target) in second.targets {
        if !targets[..held].iter().any(|(t, _)| *t == id) {
            targets.push((id, target));
        }
    }
    let mut added = first.added;
    added.extend(second.added);
    Patch {
        deals,
        targets,
        added,
        ..first
    }
}

impl History {
    /// Makes the last two steps one, so that one undo takes both back; nothing when there are
    /// fewer than two.
    pub fn join_last_two(&mut self) {
        if self.undo.len() < 2 {
            return;
        }
        let later = self.undo.pop().expect("two steps");
        let first = self.undo.pop().expect("two steps");
        self.undo.push(first.then(later));
    }
}
