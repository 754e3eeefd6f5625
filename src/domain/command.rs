//! Every change to the board is a `Command` applied in one place, whatever the input was
//! (dialog, menu, keyboard, drop, import), so the rules hold the same for all of them.

use crate::domain::board::{
    Board, Deal, DealFields, DealId, DealStatus, Stage, StageId, StageKind, StageVisit, Timestamp,
    Tombstone,
};
use crate::domain::history::Patch;
use crate::domain::money::Currency;
use crate::domain::ordering::{place_among, place_at, position_and_ranks, position_of};
use crate::domain::targets::target::{SplitBy, SplitMethod, Target, TargetError, TargetId};
use std::fmt;

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Create a deal at the bottom of `stage`.
    AddDeal {
        id: DealId,
        stage: StageId,
        fields: DealFields,
    },
    /// Replace a deal's user-edited fields.
    EditDeal {
        id: DealId,
        fields: DealFields,
    },
    DeleteDeal {
        id: DealId,
    },
    /// Put a deal at `index` of stage `to` (counted without the deal itself).
    MoveDeal {
        id: DealId,
        to: StageId,
        index: usize,
        loss_reason: Option<String>,
    },
    /// Append a new open stage.
    AddStage {
        id: StageId,
        name: String,
        probability: u8,
    },
    RenameStage {
        id: StageId,
        name: String,
    },
    SetStageProbability {
        id: StageId,
        probability: u8,
    },
    /// Move a stage to `index` in the pipeline.
    MoveStage {
        id: StageId,
        index: usize,
    },
    /// Remove a stage; its deals go to `move_deals_to`, which is required when it has any.
    RemoveStage {
        id: StageId,
        move_deals_to: Option<StageId>,
    },
    SetDefaultCurrency(Currency),
    /// Delete every deal, keeping stages and settings ("start empty").
    ClearDeals,
    /// Add a target. Its `updated` becomes `now`, its revision 0 and its split is cleared;
    /// its scope is trimmed. A `parent` must exist and share its measure and currency.
    AddTarget(Target),
    /// Change a target's amount (its children are left as they are: see `allocation_gap`).
    EditTarget {
        id: TargetId,
        amount: i64,
    },
    /// Delete a target and all its descendants.
    DeleteTarget {
        id: TargetId,
    },
    /// Make a target's children along `by` with `method`, replacing any children it had (with
    /// their subtrees). `child_ids` must hold at least as many fresh ids as there are children
    /// (`split_slots(..).len()`); the first ones are used, in child order.
    SplitTarget {
        id: TargetId,
        by: SplitBy,
        method: SplitMethod,
        child_ids: Vec<TargetId>,
    },
    /// Behind means attained below this percentage of pace (0–100).
    SetBehindThreshold(u8),
    /// Swap in a whole board (sample, import).
    ReplaceBoard(Box<Board>),
    /// Put back recorded parts of the board (undo and redo).
    RestorePatch(Box<Patch>),
}

/// What a command did, for announcements and focus.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    DealAdded(DealId),
    DealEdited(DealId),
    DealDeleted(Box<Deal>),
    /// `from`/`to` are (stage, 0-based index, stage size).
    DealMoved {
        id: DealId,
        from: (StageId, usize, usize),
        to: (StageId, usize, usize),
    },
    StagesChanged,
    SettingsChanged,
    /// A target command was applied; the id is the target added, edited, deleted or split.
    TargetsChanged(TargetId),
    BoardReplaced,
    /// An undo or redo was applied.
    Restored,
}

/// Why a command was refused; the board is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    UnknownDeal(DealId),
    UnknownStage(StageId),
    DuplicateId(String),
    EmptyTitle,
    EmptyStageName,
    NegativeValue,
    ProbabilityOutOfRange(u8),
    /// The stage still has this many deals and no destination was given.
    StageNotEmpty(usize),
    /// Deals cannot be moved into the stage being removed.
    MoveIntoRemovedStage,
    LastStage,
    /// A target command was refused.
    Target(TargetError),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::UnknownDeal(id) => write!(f, "no deal with id {}", id.0),
            DomainError::UnknownStage(id) => write!(f, "no stage with id {}", id.0),
            DomainError::DuplicateId(id) => write!(f, "id {id} is already used"),
            DomainError::EmptyTitle => f.write_str("a deal needs a title"),
            DomainError::EmptyStageName => f.write_str("a stage needs a name"),
            DomainError::NegativeValue => f.write_str("a deal's value cannot be negative"),
            DomainError::ProbabilityOutOfRange(p) => write!(f, "probability {p} is over 100"),
            DomainError::StageNotEmpty(n) => write!(f, "the stage still has {n} deals"),
            DomainError::MoveIntoRemovedStage => {
                f.write_str("cannot move deals into the stage being removed")
            }
            DomainError::LastStage => f.write_str("the board needs at least one stage"),
            DomainError::Target(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DomainError {}

impl Board {
    /// Applies `cmd` at time `now`. On error the board is unchanged.
    pub fn apply(&mut self, cmd: Command, now: Timestamp) -> Result<Outcome, DomainError> {
        match cmd {
            Command::AddDeal { id, stage, fields } => self.add_deal(id, stage, fields, now),
            Command::EditDeal { id, fields } => {
                let fields = checked(fields)?;
                let deal = self.deal_mut(&id)?;
                deal.set_fields(fields);
                touch(deal, now);
                Ok(Outcome::DealEdited(id))
            }
            Command::DeleteDeal { id } => {
                let at = self.deal_index(&id)?;
                self.deleted.retain(|t| t.id != id);
                self.deleted.push(Tombstone { id, at: now });
                Ok(Outcome::DealDeleted(Box::new(self.deals.remove(at))))
            }
            Command::MoveDeal {
                id,
                to,
                index,
                loss_reason,
            } => self.move_deal(id, to, index, loss_reason, now),
            Command::AddStage {
                id,
                name,
                probability,
            } => {
                if self.stage(&id).is_some() {
                    return Err(DomainError::DuplicateId(id.0));
                }
                let name = stage_name(&name)?;
                let probability = checked_probability(probability)?;
                let kind = StageKind::Open;
                self.stages.push(Stage {
                    id,
                    name,
                    preset: None,
                    probability,
                    kind,
                });
                Ok(Outcome::StagesChanged)
            }
            Command::RenameStage { id, name } => {
                let name = stage_name(&name)?;
                let stage = self.stage_mut(&id)?;
                stage.name = name;
                stage.preset = None;
                Ok(Outcome::StagesChanged)
            }
            Command::SetStageProbability { id, probability } => {
                let probability = checked_probability(probability)?;
                self.stage_mut(&id)?.probability = probability;
                Ok(Outcome::StagesChanged)
            }
            Command::MoveStage { id, index } => {
                let at = self.stage_index(&id)?;
                let stage = self.stages.remove(at);
                let index = index.min(self.stages.len());
                self.stages.insert(index, stage);
                Ok(Outcome::StagesChanged)
            }
            Command::RemoveStage { id, move_deals_to } => self.remove_stage(id, move_deals_to, now),
            Command::SetDefaultCurrency(currency) => {
                self.settings.default_currency = currency;
                Ok(Outcome::SettingsChanged)
            }
            Command::AddTarget(target) => self.add_target(target, now),
            Command::EditTarget { id, amount } => self.edit_target(id, amount, now),
            Command::DeleteTarget { id } => self.delete_target(id, now),
            Command::SplitTarget {
                id,
                by,
                method,
                child_ids,
            } => self.split_target(id, by, method, child_ids, now),
            Command::SetBehindThreshold(percent) => self.set_behind_threshold(percent),
            Command::ClearDeals => {
                for deal in std::mem::take(&mut self.deals) {
                    self.deleted.retain(|t| t.id != deal.id);
                    self.deleted.push(Tombstone {
                        id: deal.id,
                        at: now,
                    });
                }
                Ok(Outcome::BoardReplaced)
            }
            Command::ReplaceBoard(board) => {
                *self = *board;
                Ok(Outcome::BoardReplaced)
            }
            Command::RestorePatch(patch) => {
                self.restore_patch(*patch, now);
                Ok(Outcome::Restored)
            }
        }
    }

    fn add_deal(
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
        let mut deal = Deal::new(id.clone(), fields, stage, place.rank, now);
        enter_kind(&mut deal, kind, None, now);
        self.deals.push(deal);
        Ok((Outcome::DealAdded(id), place.renumbered))
    }

    fn move_deal(
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
        let (from, ranks) = position_and_ranks(self, &id, Some(&to))
            .ok_or_else(|| DomainError::UnknownDeal(id.clone()))?;
        let kind = self
            .stage(&to)
            .ok_or_else(|| DomainError::UnknownStage(to.clone()))?
            .kind;
        let place = place_among(self, &to, index, Some(&id), ranks);
        let deal = self.deal_mut(&id)?;
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
        // Known from the placement, without another pass over the deals.
        let to = (to, place.index, place.size);
        debug_assert_eq!(Some(&to), position_of(self, &id).as_ref());
        Ok((Outcome::DealMoved { id, from, to }, place.renumbered))
    }

    fn remove_stage(
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

    fn deal_index(&self, id: &DealId) -> Result<usize, DomainError> {
        self.deal_position(id)
            .ok_or_else(|| DomainError::UnknownDeal(id.clone()))
    }

    fn deal_mut(&mut self, id: &DealId) -> Result<&mut Deal, DomainError> {
        let at = self.deal_index(id)?;
        Ok(&mut self.deals[at])
    }

    fn stage_index(&self, id: &StageId) -> Result<usize, DomainError> {
        self.stages
            .iter()
            .position(|s| &s.id == id)
            .ok_or_else(|| DomainError::UnknownStage(id.clone()))
    }

    fn stage_mut(&mut self, id: &StageId) -> Result<&mut Stage, DomainError> {
        let at = self.stage_index(id)?;
        Ok(&mut self.stages[at])
    }
}

/// Trims text fields and checks the rules a deal must keep.
fn checked(mut fields: DealFields) -> Result<DealFields, DomainError> {
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

fn stage_name(name: &str) -> Result<String, DomainError> {
    let name = name.trim();
    if name.is_empty() {
        Err(DomainError::EmptyStageName)
    } else {
        Ok(name.to_string())
    }
}

fn checked_probability(p: u8) -> Result<u8, DomainError> {
    if p > 100 {
        Err(DomainError::ProbabilityOutOfRange(p))
    } else {
        Ok(p)
    }
}

fn touch(deal: &mut Deal, now: Timestamp) {
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
