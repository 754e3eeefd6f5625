//! The target commands (`AddTarget`, `EditTarget`, `SetTargetMarket`, `DeleteTarget`,
//! `SplitTarget`), applied through `Board::apply` like every other change.

use crate::domain::board::{Board, Timestamp};
use crate::domain::command::{DomainError, Outcome};
use crate::domain::sort::sort;
use crate::domain::targets::split::propose_split;
use crate::domain::targets::target::{
    SplitBy, SplitMethod, Target, TargetError, TargetId, TargetTombstone,
};
use rustc_hash::FxHashSet;

fn refuse(e: TargetError) -> DomainError {
    DomainError::Target(e)
}

impl Board {
    fn target_index(&self, id: &TargetId) -> Result<usize, DomainError> {
        self.targets
            .iter()
            .position(|t| &t.id == id)
            .ok_or_else(|| refuse(TargetError::UnknownTarget(id.clone())))
    }

    /// Removes targets and records their tombstones at `now`.
    fn remove_targets(&mut self, ids: &FxHashSet<TargetId>, now: Timestamp) {
        self.targets.retain(|t| !ids.contains(&t.id));
        self.deleted_targets.retain(|t| !ids.contains(&t.id));
        let mut ids: Vec<&TargetId> = ids.iter().collect();
        sort(&mut ids);
        self.deleted_targets
            .extend(ids.into_iter().map(|id| TargetTombstone {
                id: id.clone(),
                at: now,
            }));
    }

    pub(crate) fn add_target(
        &mut self,
        mut target: Target,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        if self.target(&target.id).is_some() {
            return Err(DomainError::DuplicateId(target.id.0));
        }
        if target.amount < 0 {
            return Err(refuse(TargetError::NegativeAmount));
        }
        if !target.period.is_valid() {
            return Err(refuse(TargetError::InvalidPeriod(target.period)));
        }
        if let Some(parent) = &target.parent {
            let parent = self
                .target(parent)
                .ok_or_else(|| refuse(TargetError::UnknownParent(parent.clone())))?;
            if parent.measure != target.measure || parent.currency != target.currency {
                return Err(refuse(TargetError::ParentMismatch));
            }
        }
        target.scope = target.scope.normalized();
        let same = |t: &Target| {
            t.parent == target.parent
                && t.measure == target.measure
                && t.currency == target.currency
                && t.period == target.period
                && t.scope.normalized() == target.scope
        };
        if self.targets.iter().any(same) {
            return Err(refuse(TargetError::AlreadySet));
        }
        target.split = None;
        target.split_by = None;
        target.revision = 0;
        target.updated = now;
        let id = target.id.clone();
        self.targets.push(target);
        Ok(Outcome::TargetsChanged(id))
    }

    pub(crate) fn edit_target(
        &mut self,
        id: TargetId,
        amount: i64,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        if amount < 0 {
            return Err(refuse(TargetError::NegativeAmount));
        }
        let at = self.target_index(&id)?;
        let target = &mut self.targets[at];
        target.amount = amount;
        touch(target, now);
        Ok(Outcome::TargetsChanged(id))
    }

    pub(crate) fn set_target_market(
        &mut self,
        id: TargetId,
        market: Option<i64>,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        if market.is_some_and(|m| m <= 0) {
            return Err(refuse(TargetError::MarketNotPositive));
        }
        let at = self.target_index(&id)?;
        let target = &mut self.targets[at];
        target.market = market;
        touch(target, now);
        Ok(Outcome::TargetsChanged(id))
    }

    pub(crate) fn delete_target(
        &mut self,
        id: TargetId,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        let at = self.target_index(&id)?;
        let deleted = Box::new(self.targets[at].clone());
        let parent = deleted.parent.clone();
        let mut gone: FxHashSet<TargetId> = self.target_descendants(&id).into_iter().collect();
        gone.insert(id.clone());
        self.remove_targets(&gone, now);
        // A parent left without children is no longer split.
        if let Some(parent) = parent {
            let orphaned = !self
                .targets
                .iter()
                .any(|t| t.parent.as_ref() == Some(&parent));
            if let Some(p) = self.targets.iter_mut().find(|t| t.id == parent) {
                if orphaned && (p.split.is_some() || p.split_by.is_some()) {
                    p.split = None;
                    p.split_by = None;
                    touch(p, now);
                }
            }
        }
        Ok(Outcome::TargetDeleted(deleted))
    }

    /// Makes the children `propose_split` describes, replacing any children (and their
    /// subtrees) the target had. Uses the first ids of `child_ids`, in child order.
    pub(crate) fn split_target(
        &mut self,
        id: TargetId,
        by: SplitBy,
        method: SplitMethod,
        child_ids: Vec<TargetId>,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        let at = self.target_index(&id)?;
        let parts = propose_split(self, &self.targets[at], by, &method).map_err(refuse)?;
        if child_ids.len() < parts.len() {
            return Err(refuse(TargetError::TooFewChildIds {
                needed: parts.len(),
                given: child_ids.len(),
            }));
        }
        // Fresh ids only, even for the children being replaced: a reused id would compete
        // with its old version (and that version's tombstone) in a merge.
        let mut fresh: FxHashSet<&TargetId> = FxHashSet::default();
        for child in &child_ids[..parts.len()] {
            if self.target(child).is_some() || !fresh.insert(child) {
                return Err(DomainError::DuplicateId(child.0.clone()));
            }
        }
        let replaced: FxHashSet<TargetId> = self.target_descendants(&id).into_iter().collect();
        let parent = self.targets[at].clone();
        self.remove_targets(&replaced, now);
        let children = parts
            .into_iter()
            .zip(child_ids)
            .map(|(part, child_id)| Target {
                id: child_id,
                parent: Some(id.clone()),
                measure: parent.measure,
                period: part.period,
                scope: part.scope,
                amount: part.amount,
                currency: parent.currency.clone(),
                market: None,
                split: None,
                split_by: None,
                revision: 0,
                updated: now,
            });
        self.targets.extend(children);
        let at = self.target_index(&id)?;
        let target = &mut self.targets[at];
        target.split = Some(method);
        target.split_by = Some(by);
        touch(target, now);
        Ok(Outcome::TargetsChanged(id))
    }

    pub(crate) fn set_behind_threshold(&mut self, percent: u8) -> Result<Outcome, DomainError> {
        if percent > 100 {
            return Err(refuse(TargetError::ThresholdOutOfRange(percent)));
        }
        self.settings.behind_threshold = percent;
        Ok(Outcome::SettingsChanged)
    }
}

fn touch(target: &mut Target, now: Timestamp) {
    target.revision += 1;
    target.updated = now;
}
