//! The pipeline: stages in order, deals in stages, and the board's settings.

use crate::domain::date::Date;
use crate::domain::deals::Deals;
use crate::domain::money::Currency;
pub use crate::domain::next_step::{Activity, NextStep, Rating, StepKind};
use crate::domain::positions::DealPositions;
use crate::domain::sort::{sort, sort_by};
use crate::domain::targets::progress::DEFAULT_BEHIND_THRESHOLD;
use crate::domain::targets::target::{same_scope_text, Target, TargetTombstone};

/// Milliseconds since the Unix epoch, always passed in by the caller.
pub type Timestamp = i64;

/// A deal's stable unique id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DealId(pub String);

/// A stage's stable unique id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StageId(pub String);

/// What reaching a stage means for a deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKind {
    /// Still being worked.
    Open,
    /// Closed and signed.
    Won,
    /// Closed and lost.
    Lost,
}

/// The default stages of SEED-NOTES; a stage that keeps its preset shows the preset's name in
/// the user's language, until the user renames it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetStage {
    Lead,
    Qualified,
    Demo,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

impl PresetStage {
    /// Every preset, in pipeline order.
    pub const ALL: [PresetStage; 7] = [
        PresetStage::Lead,
        PresetStage::Qualified,
        PresetStage::Demo,
        PresetStage::Proposal,
        PresetStage::Negotiation,
        PresetStage::Won,
        PresetStage::Lost,
    ];

    /// Win probability in percent.
    pub fn probability(self) -> u8 {
        match self {
            PresetStage::Lead => 10,
            PresetStage::Qualified => 25,
            PresetStage::Demo => 40,
            PresetStage::Proposal => 60,
            PresetStage::Negotiation => 80,
            PresetStage::Won => 100,
            PresetStage::Lost => 0,
        }
    }

    /// Open, won or lost.
    pub fn kind(self) -> StageKind {
        match self {
            PresetStage::Won => StageKind::Won,
            PresetStage::Lost => StageKind::Lost,
            _ => StageKind::Open,
        }
    }

    /// The id the default board gives this stage; also the preset's name in files.
    pub fn id(self) -> StageId {
        StageId(self.key().into())
    }

    /// The preset's name in files and ids: `lead`, `qualified`, ….
    pub fn key(self) -> &'static str {
        match self {
            PresetStage::Lead => "lead",
            PresetStage::Qualified => "qualified",
            PresetStage::Demo => "demo",
            PresetStage::Proposal => "proposal",
            PresetStage::Negotiation => "negotiation",
            PresetStage::Won => "won",
            PresetStage::Lost => "lost",
        }
    }
}

/// One column of the pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub id: StageId,
    /// The name the user gave; shown unless `preset` is set.
    pub name: String,
    /// Set while the stage still carries a default name that follows the language.
    pub preset: Option<PresetStage>,
    /// Win probability in percent, 0–100.
    pub probability: u8,
    pub kind: StageKind,
    /// Days an open deal may stay in this stage before it shows as idle (Pipedrive's
    /// "rotting"); `None`: never.
    pub idle_days: Option<u32>,
    /// The most deals the stage should hold (a work-in-progress limit); `None`: no limit.
    pub limit: Option<u32>,
    /// Exit criteria (SEED-NOTES §2: "every stage has clear operating norms"): what should be
    /// true of a deal before it moves on. Ticked per deal (`Deal::checked`).
    pub checklist: Vec<String>,
}

/// Where a deal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

/// When a deal entered a stage: the path through the pipeline, kept to measure the process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageVisit {
    pub stage: StageId,
    pub entered: Timestamp,
}

/// What the user types about a deal; everything else is kept by the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DealFields {
    pub title: String,
    /// The customer's company.
    pub customer: String,
    pub contact: String,
    /// In minor units of `currency` (cents, fen).
    pub value: i64,
    pub currency: Currency,
    /// What the deal costs, in minor units of `currency`, for gross margin; `None` when unknown.
    pub cost: Option<i64>,
    /// The rep who owns the deal.
    pub owner: String,
    pub product: String,
    pub region: String,
    /// Expected close date.
    pub close_date: Option<Date>,
    pub notes: String,
    /// What to do next, by when.
    pub next_step: Option<NextStep>,
    /// The exit criteria ticked for this deal, by their text (so reordering a stage's list
    /// keeps them; a reworded criterion starts unticked).
    pub checked: Vec<String>,
    /// The steps done, oldest first: the dialog adds to it and can take a mistake out.
    pub activities: Vec<Activity>,
    /// Why a lost deal was lost, as asked when it moved to a lost stage; corrected in the
    /// dialog. Kept only while the deal is lost (`Deal::set_fields`).
    pub loss_reason: Option<String>,
}

impl DealFields {
    /// Whether these fields, as typed in the deal form, are `start` unchanged: a loss reason
    /// left empty is no reason (the form reads one for every deal).
    pub fn same_as(&self, start: &DealFields) -> bool {
        let plain = |f: &DealFields| DealFields {
            loss_reason: f.loss_reason.clone().filter(|r| !r.is_empty()),
            ..f.clone()
        };
        plain(self) == plain(start)
    }
}

/// A deal on the board. Its typed fields sit at the top level (not flattened) so that an
/// import error can name the exact place: `deals[12].value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    pub id: DealId,
    pub title: String,
    pub customer: String,
    pub contact: String,
    /// In minor units of `currency`.
    pub value: i64,
    pub currency: Currency,
    /// In minor units of `currency`, for gross margin; `None` when unknown (format version 3).
    pub cost: Option<i64>,
    pub owner: String,
    pub product: String,
    pub region: String,
    pub close_date: Option<Date>,
    pub notes: String,
    pub next_step: Option<NextStep>,
    pub checked: Vec<String>,
    pub activities: Vec<Activity>,
    pub stage: StageId,
    /// Sort key inside the stage: smaller is higher. Sparse, so a move rewrites one deal.
    pub rank: f64,
    pub status: DealStatus,
    pub loss_reason: Option<String>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub stage_entered: Timestamp,
    pub won_at: Option<Timestamp>,
    pub history: Vec<StageVisit>,
    /// Bumped on every change; used to order concurrent edits.
    pub revision: u32,
}

/// Board-wide choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The currency new deals start in and totals list first.
    pub default_currency: Currency,
    /// A target is behind when attained is below this percentage of its pace (0–100).
    pub behind_threshold: u8,
    /// The reps the manager lists (SEED-NOTES §1, "a team list"), as typed, in order. Reps who
    /// own deals count too wherever reps are listed; the list adds those who own none yet (a
    /// new hire), so that they get a target in a split by rep and a row on the scorecard.
    pub team: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            default_currency: Currency::default(),
            behind_threshold: DEFAULT_BEHIND_THRESHOLD,
            team: Vec::new(),
        }
    }
}

/// A deleted deal's id and when it was deleted, so that a deletion survives a merge with an
/// older copy that still holds the deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tombstone {
    pub id: DealId,
    pub at: Timestamp,
}

/// The whole pipeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Board {
    /// In pipeline order.
    pub stages: Vec<Stage>,
    pub deals: Deals,
    /// Deals deleted from this board (format version 2 and later).
    pub deleted: Vec<Tombstone>,
    pub settings: Settings,
    /// Sales targets, parents and children in one list (format version 3 and later).
    pub targets: Vec<Target>,
    /// Targets deleted from this board, so that a deletion survives merges (version 3).
    pub deleted_targets: Vec<TargetTombstone>,
    /// Finds a deal by id without scanning every deal (a cache, not part of the value).
    pub positions: DealPositions,
}

impl Board {
    /// The default pipeline with no deals.
    pub fn with_default_stages(default_names: impl Fn(PresetStage) -> String) -> Board {
        let stages = PresetStage::ALL
            .iter()
            .map(|&p| Stage {
                id: p.id(),
                name: default_names(p),
                preset: Some(p),
                probability: p.probability(),
                kind: p.kind(),
                idle_days: None,
                limit: None,
                checklist: Vec::new(),
            })
            .collect();
        Board {
            stages,
            deals: Deals::default(),
            deleted: Vec::new(),
            settings: Settings::default(),
            targets: Vec::new(),
            deleted_targets: Vec::new(),
            positions: DealPositions::default(),
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The deal with this id.
    pub fn deal(&self, id: &DealId) -> Option<&Deal> {
        self.deal_position(id).map(|at| &self.deals[at])
    }

    /// Where the deal with this id sits in `deals`.
    pub fn deal_position(&self, id: &DealId) -> Option<usize> {
        self.positions.find(&self.deals, id)
    }

    /// The deals of one stage in display order.
    pub fn deals_in<'a>(&'a self, stage: &StageId) -> Vec<&'a Deal> {
        let mut deals: Vec<&Deal> = self.deals.iter().filter(|d| &d.stage == stage).collect();
        sort_by(&mut deals, |a, b| {
            a.rank.total_cmp(&b.rank).then_with(|| a.id.cmp(&b.id))
        });
        deals
    }

    /// The reps owning at least one deal or on the team list, sorted and without repeats (a
    /// rep on the list who owns deals is named as the deals have it).
    pub fn owners(&self) -> Vec<String> {
        let mut owners: Vec<String> = self
            .deals
            .iter()
            .map(|d| d.owner.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect();
        sort(&mut owners);
        owners.dedup();
        for rep in &self.settings.team {
            if !owners.iter().any(|o| same_scope_text(o, rep)) {
                owners.push(rep.clone());
            }
        }
        sort(&mut owners);
        owners
    }
}
