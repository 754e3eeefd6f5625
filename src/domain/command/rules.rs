//! The rules behind `Board::apply`: adding and moving deals, removing stages, and the checks
//! and bookkeeping every deal change shares.

use crate::domain::board::{
    Board, Deal, DealFields, DealId, DealStatus, Stage, StageId, StageKind, StageVisit, Timestamp,
};
use crate::domain::lowercase::lowercase;
use crate::domain::ordering::{place_at, position_of};

use super::{DomainError, Outcome};

impl Board {
    pub(super) fn add_deal(
        &mut self,
        id: DealId,
        stage: StageId,
        fields: DealFields,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        self.add_deal_placed(id, stage, fields, now)
            .map(|(outcome, _)| outcome)
    }

    /// `add_deal`, also returning the deals renumbered to make room (see `Place`).
    pub(crate) fn add_deal_placed(
        &mut self,
        id: DealId,
        stage: StageId,
        fields: DealFields,
        now: Timestamp,
    ) -> Result<(Outcome, Vec<(usize, f64)>), DomainError> {
        if self.deal(&id).is_some() {
            return Err(DomainError::DuplicateId(id.0));
        }
        let fields = checked(fields)?;
        let kind = self
            .stage(&stage)
            .ok_or_else(|| DomainError::UnknownStage(stage.clone()))?
            .kind;
        let place = place_at(self, &stage, usize::MAX, None);
        // A deal added straight into a Lost stage (a CSV row) keeps the reason it came with.
        let loss_reason = fields.loss_reason.clone();
        let mut deal = Deal::new(id.clone(), fields, stage, place.rank, now);
        enter_kind(&mut deal, kind, loss_reason, now);
        self.deals.push(deal);
        Ok((Outcome::DealAdded(id), place.renumbered))
    }

    pub(super) fn move_deal(
        &mut self,
        id: DealId,
        to: StageId,
        index: usize,
        loss_reason: Option<String>,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        self.move_deal_placed(id, to, index, loss_reason, now)
            .map(|(outcome, _)| outcome)
    }

    /// `move_deal`, also returning the deals renumbered to make room (see `Place`).
    pub(crate) fn move_deal_placed(
        &mut self,
        id: DealId,
        to: StageId,
        index: usize,
        loss_reason: Option<String>,
        now: Timestamp,
    ) -> Result<(Outcome, Vec<(usize, f64)>), DomainError> {
        let from = position_of(self, &id).ok_or_else(|| DomainError::UnknownDeal(id.clone()))?;
        let kind = self
            .stage(&to)
            .ok_or_else(|| DomainError::UnknownStage(to.clone()))?
            .kind;
        let place = place_at(self, &to, index, Some(&id));
        let at = self.deal_index(&id)?;
        self.deals.edit(at, |deal| {
            deal.rank = place.rank;
            if deal.stage != to {
                deal.stage = to.clone();
                deal.stage_entered = now;
                deal.history.push(StageVisit {
                    stage: to.clone(),
                    entered: now,
                });
                enter_kind(deal, kind, loss_reason, now);
            }
            touch(deal, now);
        });
        // Known from the placement, without another pass over the deals.
        let to = (to, place.index, place.size);
        debug_assert_eq!(Some(&to), position_of(self, &id).as_ref());
        Ok((Outcome::DealMoved { id, from, to }, place.renumbered))
    }

    pub(super) fn remove_stage(
        &mut self,
        id: StageId,
        move_deals_to: Option<StageId>,
        now: Timestamp,
    ) -> Result<Outcome, DomainError> {
        let at = self.stage_index(&id)?;
        if self.stages.len() == 1 {
            return Err(DomainError::LastStage);
        }
        let moving: Vec<DealId> = self.deals_in(&id).iter().map(|d| d.id.clone()).collect();
        if !moving.is_empty() {
            let to = move_deals_to.ok_or(DomainError::StageNotEmpty(moving.len()))?;
            if to == id {
                return Err(DomainError::MoveIntoRemovedStage);
            }
            self.stage_index(&to)?;
            for deal in moving {
                self.move_deal(deal, to.clone(), usize::MAX, None, now)?;
            }
        }
        self.stages.remove(at);
        Ok(Outcome::StagesChanged)
    }

    pub(super) fn deal_index(&self, id: &DealId) -> Result<usize, DomainError> {
        self.deal_position(id)
            .ok_or_else(|| DomainError::UnknownDeal(id.clone()))
    }

    pub(super) fn stage_index(&self, id: &StageId) -> Result<usize, DomainError> {
        self.stages
            .iter()
            .position(|s| &s.id == id)
            .ok_or_else(|| DomainError::UnknownStage(id.clone()))
    }

    pub(super) fn stage_mut(&mut self, id: &StageId) -> Result<&mut Stage, DomainError> {
        let at = self.stage_index(id)?;
        Ok(&mut self.stages[at])
    }
}

/// Trims text fields and checks the rules a deal must keep.
pub(super) fn checked(mut fields: DealFields) -> Result<DealFields, DomainError> {
    fields.title = fields.title.trim().to_string();
    if fields.title.is_empty() {
        return Err(DomainError::EmptyTitle);
    }
    if fields.value < 0 || fields.cost.is_some_and(|c| c < 0) {
        return Err(DomainError::NegativeValue);
    }
    for text in [
        &mut fields.customer,
        &mut fields.contact,
        &mut fields.owner,
        &mut fields.product,
        &mut fields.region,
    ] {
        *text = text.trim().to_string();
    }
    Ok(fields)
}

pub(super) fn stage_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.is_empty() {
        Err(DomainError::EmptyStageName)
    } else {
        Ok(name.to_string())
    }
}

impl Board {
    /// `name`, unless a stage other than `except` already has it (ignoring case).
    pub(super) fn unique_stage_name(
        &self,
        name: String,
        except: Option<&StageId>,
    ) -> Result<String, DomainError> {
        let key = lowercase(&name);
        let taken = self
            .stages
            .iter()
            .any(|s| Some(&s.id) != except && lowercase(s.name.trim()) == key);
        if taken {
            Err(DomainError::DuplicateStageName)
        } else {
            Ok(name)
        }
    }
}

pub(super) fn checked_probability(p: u8) -> Result<u8, DomainError> {
    if p > 100 {
        Err(DomainError::ProbabilityOutOfRange(p))
    } else {
        Ok(p)
    }
}

pub(super) fn touch(deal: &mut Deal, now: Timestamp) {
    deal.updated = now;
    deal.revision += 1;
}

/// Sets status from the kind of stage the deal just entered; a won date is kept once won.
fn enter_kind(deal: &mut Deal, kind: StageKind, loss_reason: Option<String>, now: Timestamp) {
    match kind {
        StageKind::Open => {
            deal.status = DealStatus::Open;
            deal.won_at = None;
            deal.loss_reason = None;
        }
        StageKind::Won => {
            deal.status = DealStatus::Won;
            deal.won_at = Some(now);
            deal.loss_reason = None;
        }
        StageKind::Lost => {
            deal.status = DealStatus::Lost;
            deal.won_at = None;
            deal.loss_reason = loss_reason
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty());
        }
    }
}
