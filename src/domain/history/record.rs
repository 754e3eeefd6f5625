//! Recording a step: what a command touched, before and after, taken as it is applied; and
//! putting a step's "before" back.

use crate::domain::board::{Board, Deal, DealId, Timestamp, Tombstone};
use crate::domain::command::{Command, DomainError, Outcome};
use crate::domain::sort::sort_by;
use crate::domain::targets::target::{Target, TargetId, TargetTombstone};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{fingerprint, Patch, Step};

impl Board {
    /// Applies `cmd` like `apply`, and returns the step that undoes it.
    pub fn apply_recorded(
        &mut self,
        cmd: Command,
        now: Timestamp,
    ) -> Result<(Outcome, Step), DomainError> {
        if let Command::ReplaceBoard(new) = cmd {
            return Ok(self.apply_replace(*new));
        }
        match ranked_deal(&cmd) {
            Some(id) => self.apply_ranked(cmd, id, now),
            None => self.apply_general(cmd, now),
        }
    }

    /// `apply_recorded` for `ReplaceBoard` (an import): the same step as the general path, but
    /// the old board is moved into it instead of copied, and each deal is looked at once: on a
    /// 50,000-deal import the general path's copies and id sets were most of the import's one
    /// long task.
    fn apply_replace(&mut self, new: Board) -> (Outcome, Step) {
        let old = std::mem::replace(self, new);
        (Outcome::BoardReplaced, self.replaced_step(old))
    }

    /// The step of a replace that put this board in place of `old` (which it takes apart).
    /// Apart from `apply_recorded` so that the view can show the new board first and work the
    /// step out a moment later (`History::record_replace`).
    pub fn replaced_step(&self, old: Board) -> Step {
        // Only the old board's ids are put in a map, and each new deal is looked up once: an
        // import into a small board hashes its 50,000 ids once, not three times (a map of the
        // new deals and a set of the old ids besides were ~10 ms of the import in the wasm).
        // A board's deal ids are unique (every way in checks or renames them), so an old
        // deal's index stands for it.
        let old_at: FxHashMap<&DealId, usize> = old
            .deals
            .iter()
            .enumerate()
            .map(|(i, d)| (&d.id, i))
            .collect();
        let mut now_of_old: Vec<Option<&Deal>> = vec![None; old.deals.len()];
        let mut added: Vec<&Deal> = Vec::new();
        for deal in &self.deals {
            match old_at.get(&deal.id) {
                Some(&i) => now_of_old[i] = Some(deal),
                None => added.push(deal),
            }
        }
        drop(old_at);
        let mut after_deals = Vec::new();
        let mut changed = Vec::with_capacity(old.deals.len());
        for (deal, now) in old.deals.iter().zip(&now_of_old) {
            let differs = *now != Some(deal);
            if differs {
                after_deals.push((deal.id.clone(), now.cloned()));
            }
            changed.push(differs);
        }
        drop(now_of_old);
        let added_prints: Vec<(DealId, u64)> = added
            .iter()
            .map(|d| (d.id.clone(), fingerprint(d)))
            .collect();
        let added_ids: Vec<DealId> = added.iter().map(|d| d.id.clone()).collect();
        let Board {
            stages,
            deals,
            deleted,
            settings,
            targets,
            deleted_targets,
            ..
        } = old;
        let mut before_deals: Vec<(DealId, Option<Deal>)> = deals
            .into_iter()
            .zip(changed)
            .filter(|(_, differs)| *differs)
            .map(|(deal, _)| (deal.id.clone(), Some(deal)))
            .collect();
        before_deals.extend(added_ids.into_iter().map(|id| (id, None)));
        let (targets_before, targets_after) = changed_targets(targets, &self.targets);
        let before = Patch {
            deals: before_deals,
            stages,
            settings,
            targets: targets_before,
            tombstones: Some((deleted, deleted_targets)),
            added: Vec::new(),
        };
        let after = Patch {
            deals: after_deals,
            stages: self.stages.clone(),
            settings: self.settings.clone(),
            targets: targets_after,
            tombstones: Some((self.deleted.clone(), self.deleted_targets.clone())),
            added: added_prints,
        };
        Step { before, after }
    }

    /// `apply_recorded` for any command: captures the deals it may touch before and after.
    fn apply_general(
        &mut self,
        cmd: Command,
        now: Timestamp,
    ) -> Result<(Outcome, Step), DomainError> {
        let ids = touched_deals(self, &cmd);
        let whole_board = matches!(cmd, Command::ReplaceBoard(_));
        let mut before = self.capture(&ids);
        let targets_before = self.targets.clone();
        let tombstones_before = if whole_board {
            (self.deleted.clone(), self.deleted_targets.clone())
        } else {
            Default::default()
        };
        let outcome = self.apply(cmd, now)?;
        let mut after = self.capture(&ids);
        if whole_board {
            before.tombstones = Some(tombstones_before);
            after.tombstones = Some((self.deleted.clone(), self.deleted_targets.clone()));
        }
        (before.targets, after.targets) = changed_targets(targets_before, &self.targets);
        // Keep only the deals that really changed: a later undo must not rewrite (and so
        // re-revision) a neighbour that was merely looked at.
        let changed: FxHashSet<DealId> = before
            .deals
            .iter()
            .zip(&after.deals)
            .filter(|((_, b), (_, a))| b != a)
            .map(|((id, _), _)| id.clone())
            .collect();
        before.deals.retain(|(id, _)| changed.contains(id));
        after.deals.retain(|(id, _)| changed.contains(id));
        Ok((outcome, Step { before, after }))
    }

    /// `apply_recorded` for a command that writes one deal (`id`) and at most renumbers the
    /// ranks of its stage: moves and adds, the commands a rep makes all day. It records the
    /// same step as the general path, but learns the renumbered deals from the placement
    /// instead of copying every deal of the stage twice, so a move costs the same on any
    /// board size.
    fn apply_ranked(
        &mut self,
        cmd: Command,
        id: DealId,
        now: Timestamp,
    ) -> Result<(Outcome, Step), DomainError> {
        let deal_before = self.deal(&id).cloned();
        let mut before = self.capture(&[]);
        let targets_before = self.targets.clone();
        // Both commands change the deal in place or push it, so the others keep their places.
        let (outcome, mut renumbered) = match cmd {
            Command::AddDeal { id, stage, fields } => {
                self.add_deal_placed(id, stage, fields, now)?
            }
            Command::MoveDeal {
                id,
                to,
                index,
                loss_reason,
            } => self.move_deal_placed(id, to, index, loss_reason, now)?,
            other => return self.apply_general(other, now),
        };
        let mut after = self.capture(&[]);
        let deal_after = self.deal(&id).cloned();
        if deal_before != deal_after {
            before.deals.push((id.clone(), deal_before));
            after.deals.push((id.clone(), deal_after));
        }
        // Renumbered neighbours, in board order like the general path. Renumbering only
        // rewrites ranks, so a neighbour's old self is its current self with its old rank.
        // Positions are distinct, so the shared stable sort gives the same order.
        sort_by(&mut renumbered, |a, b| a.0.cmp(&b.0));
        for (at, rank) in renumbered {
            let deal = &self.deals[at];
            if deal.id == id || deal.rank == rank {
                continue;
            }
            let old = Deal {
                rank,
                ..deal.clone()
            };
            before.deals.push((deal.id.clone(), Some(old)));
            after.deals.push((deal.id.clone(), Some(deal.clone())));
        }
        (before.targets, after.targets) = changed_targets(targets_before, &self.targets);
        Ok((outcome, Step { before, after }))
    }

    fn capture(&self, ids: &[DealId]) -> Patch {
        // A few ids are found by scanning; an index of every deal pays off only for many.
        let deals = if ids.len() <= 4 {
            ids.iter()
                .map(|id| (id.clone(), self.deal(id).cloned()))
                .collect()
        } else {
            let index: FxHashMap<&DealId, &Deal> = self.deals.iter().map(|d| (&d.id, d)).collect();
            ids.iter()
                .map(|id| (id.clone(), index.get(id).map(|d| (*d).clone())))
                .collect()
        };
        Patch {
            deals,
            stages: self.stages.clone(),
            settings: self.settings.clone(),
            targets: Vec::new(),
            tombstones: None,
            added: Vec::new(),
        }
    }

    /// Puts the patch's deals, stages and settings back. Restored deals get a new revision
    /// and `now` as their update time, and removed ones a tombstone, so that other tabs and
    /// merges see the undo as the newest change.
    pub(crate) fn restore_patch(&mut self, patch: Patch, now: Timestamp) {
        let touched: FxHashSet<&DealId> = patch.deals.iter().map(|(id, _)| id).collect();
        let mut revisions: FxHashMap<DealId, u32> = FxHashMap::default();
        self.deals.retain(|d| {
            if touched.contains(&d.id) {
                revisions.insert(d.id.clone(), d.revision);
                false
            } else {
                true
            }
        });
        if let Some((deals, targets)) = patch.tombstones {
            self.deleted = deals;
            self.deleted_targets = targets;
        }
        // Restored deals lose their tombstone; removed ones get a new one at `now`.
        let restored: FxHashSet<&DealId> = patch
            .deals
            .iter()
            .filter(|(_, d)| d.is_some())
            .map(|(id, _)| id)
            .collect();
        self.deleted.retain(|t| !restored.contains(&t.id));
        for (id, deal) in patch.deals {
            let current = revisions.get(&id).copied();
            match deal {
                Some(mut deal) => {
                    deal.revision = deal.revision.max(current.unwrap_or(0)) + 1;
                    deal.updated = now;
                    self.deals.push(deal);
                }
                None if current.is_some() => {
                    self.deleted.retain(|t| t.id != id);
                    self.deleted.push(Tombstone { id, at: now });
                }
                None => {}
            }
        }
        self.stages = patch.stages;
        self.settings = patch.settings;
        self.restore_targets(patch.targets, now);
    }

    /// Puts targets back like deals: restored ones get a new revision and `now`, removed ones a
    /// tombstone.
    fn restore_targets(&mut self, targets: Vec<(TargetId, Option<Target>)>, now: Timestamp) {
        for (id, target) in targets {
            let at = self.targets.iter().position(|t| t.id == id);
            match (target, at) {
                (Some(mut target), at) => {
                    let current = at.map_or(0, |i| self.targets[i].revision);
                    target.revision = target.revision.max(current) + 1;
                    target.updated = now;
                    self.deleted_targets.retain(|t| t.id != id);
                    match at {
                        Some(i) => self.targets[i] = target,
                        None => self.targets.push(target),
                    }
                }
                (None, Some(i)) => {
                    self.targets.remove(i);
                    self.deleted_targets.retain(|t| t.id != id);
                    self.deleted_targets.push(TargetTombstone { id, at: now });
                }
                (None, None) => {}
            }
        }
    }
}

/// Targets as a step saw them: each id with the target, or `None` when there was none.
type TargetStates = Vec<(TargetId, Option<Target>)>;

/// The targets that differ between two lists, each as it was before and as it is after.
fn changed_targets(before: Vec<Target>, after: &[Target]) -> (TargetStates, TargetStates) {
    let now: FxHashMap<&TargetId, &Target> = after.iter().map(|t| (&t.id, t)).collect();
    let mut then: TargetStates = Vec::new();
    let mut then_ids: FxHashSet<TargetId> = FxHashSet::default();
    let mut later: TargetStates = Vec::new();
    for t in before {
        let current = now.get(&t.id).copied();
        then_ids.insert(t.id.clone());
        if current != Some(&t) {
            later.push((t.id.clone(), current.cloned()));
            then.push((t.id.clone(), Some(t)));
        }
    }
    for t in after.iter().filter(|t| !then_ids.contains(&t.id)) {
        then.push((t.id.clone(), None));
        later.push((t.id.clone(), Some(t.clone())));
    }
    (then, later)
}

/// The deal of a command that changes only that deal and the ranks of its stage.
fn ranked_deal(cmd: &Command) -> Option<DealId> {
    match cmd {
        Command::AddDeal { id, .. } | Command::MoveDeal { id, .. } => Some(id.clone()),
        _ => None,
    }
}

/// The deals a command may change: the deal itself, plus the stage it lands in (ranks may be
/// renumbered), or everything for whole-board commands.
fn touched_deals(board: &Board, cmd: &Command) -> Vec<DealId> {
    let in_stage = |stage| {
        board
            .deals
            .iter()
            .filter(move |d| &d.stage == stage)
            .map(|d| d.id.clone())
    };
    let mut ids: Vec<DealId> = match cmd {
        Command::AddDeal { id, stage, .. } => {
            std::iter::once(id.clone()).chain(in_stage(stage)).collect()
        }
        Command::EditDeal { id, .. } | Command::DeleteDeal { id } => vec![id.clone()],
        Command::MoveDeal { id, to, .. } => {
            std::iter::once(id.clone()).chain(in_stage(to)).collect()
        }
        Command::RemoveStage { id, move_deals_to } => {
            let mut ids: Vec<DealId> = in_stage(id).collect();
            if let Some(to) = move_deals_to {
                ids.extend(in_stage(to));
            }
            ids
        }
        Command::ClearDeals => board.deals.iter().map(|d| d.id.clone()).collect(),
        Command::ReplaceBoard(new) => board
            .deals
            .iter()
            .chain(new.deals.iter())
            .map(|d| d.id.clone())
            .collect(),
        Command::RestorePatch(patch) => patch.deals.iter().map(|(id, _)| id.clone()).collect(),
        Command::AddStage { .. }
        | Command::RenameStage { .. }
        | Command::SetStageProbability { .. }
        | Command::SetStageAlerts { .. }
        | Command::SetStageChecklist { .. }
        | Command::MoveStage { .. }
        | Command::SetDefaultCurrency(_)
        | Command::AddTarget(_)
        | Command::EditTarget { .. }
        | Command::SetTargetMarket { .. }
        | Command::DeleteTarget { .. }
        | Command::SplitTarget { .. }
        | Command::SetBehindThreshold(_)
        | Command::SetTeam(_) => Vec::new(),
    };
    let mut seen = FxHashSet::default();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}
