//! Every change to the board is a `Command` applied in one place, whatever the input was
//! (dialog, menu, keyboard, drop, import), so the rules hold the same for all of them.

use crate::domain::board::{
    Board, Deal, DealFields, DealId, Stage, StageId, StageKind, Timestamp, Tombstone,
};
use crate::domain::history::Patch;
use crate::domain::money::Currency;
use crate::domain::targets::target::{
    same_scope_text, SplitBy, SplitMethod, Target, TargetError, TargetId,
};
use std::fmt;

mod rules;

use rules::{checked, checked_probability, stage_name, touch};

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
    /// Set a stage's alert thresholds, each `None` for off or at least 1.
    SetStageAlerts {
        id: StageId,
        idle_days: Option<u32>,
        limit: Option<u32>,
    },
    /// Set a stage's exit criteria (trimmed; empty and repeated ones are dropped).
    SetStageChecklist {
        id: StageId,
        items: Vec<String>,
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
    /// Set or clear the size of a target's market (above 0), for its market share.
    SetTargetMarket {
        id: TargetId,
        market: Option<i64>,
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
    /// Set the team list: trimmed, empty lines and repeats (ignoring case) dropped.
    SetTeam(Vec<String>),
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
    /// A target command was applied; the id is the target added, edited or split.
    TargetsChanged(TargetId),
    /// A target was deleted, with its parts; it is the target as it was, for the announcement
    /// and the undo toast.
    TargetDeleted(Box<Target>),
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
    /// Another stage already has this name (ignoring case): two columns and two "Move to"
    /// entries could not be told apart.
    DuplicateStageName,
    NegativeValue,
    ProbabilityOutOfRange(u8),
    /// An alert threshold of 0 (off is `None`).
    ZeroThreshold,
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
            DomainError::DuplicateStageName => f.write_str("another stage has that name"),
            DomainError::NegativeValue => f.write_str("a deal's value cannot be negative"),
            DomainError::ProbabilityOutOfRange(p) => write!(f, "probability {p} is over 100"),
            DomainError::ZeroThreshold => f.write_str("an alert threshold must be at least 1"),
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
                let at = self.deal_index(&id)?;
                self.deals.edit(at, |deal| {
                    deal.set_fields(fields);
                    touch(deal, now);
                });
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
                let name = self.unique_stage_name(stage_name(&name)?, None)?;
                let probability = checked_probability(probability)?;
                let kind = StageKind::Open;
                self.stages.push(Stage {
                    id,
                    name,
                    preset: None,
                    probability,
                    kind,
                    idle_days: None,
                    limit: None,
                    checklist: Vec::new(),
                });
                Ok(Outcome::StagesChanged)
            }
            Command::RenameStage { id, name } => {
                let name = self.unique_stage_name(stage_name(&name)?, Some(&id))?;
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
            Command::SetStageAlerts {
                id,
                idle_days,
                limit,
            } => {
                if idle_days == Some(0) || limit == Some(0) {
                    return Err(DomainError::ZeroThreshold);
                }
                let stage = self.stage_mut(&id)?;
                stage.idle_days = idle_days;
                stage.limit = limit;
                Ok(Outcome::StagesChanged)
            }
            Command::SetStageChecklist { id, items } => {
                let mut list: Vec<String> = Vec::new();
                for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
                    if !list.iter().any(|l| l == item) {
                        list.push(item.to_string());
                    }
                }
                self.stage_mut(&id)?.checklist = list;
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
            Command::SetTargetMarket { id, market } => self.set_target_market(id, market, now),
            Command::DeleteTarget { id } => self.delete_target(id, now),
            Command::SplitTarget {
                id,
                by,
                method,
                child_ids,
            } => self.split_target(id, by, method, child_ids, now),
            Command::SetBehindThreshold(percent) => self.set_behind_threshold(percent),
            Command::SetTeam(reps) => {
                let mut team: Vec<String> = Vec::new();
                for rep in reps.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
                    if !team.iter().any(|t| same_scope_text(t, rep)) {
                        team.push(rep.to_string());
                    }
                }
                self.settings.team = team;
                Ok(Outcome::SettingsChanged)
            }
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
}
