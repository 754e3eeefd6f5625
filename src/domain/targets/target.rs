//! What a target is: a measure, a period, a scope and an amount, in a tree of targets made by
//! splitting.

use crate::domain::board::{Board, Deal, Timestamp};
use crate::domain::money::Currency;
use crate::domain::sort::sort_by;
use crate::domain::targets::period::Period;
pub(crate) use crate::domain::targets::scope::scope_key;
pub use crate::domain::targets::scope::{same_scope_text, Scope};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

/// A target's stable unique id (the caller makes it, so the domain stays deterministic).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TargetId(pub String);

/// What a target counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The value of won deals, in minor units of the target's currency. Deals in other
    /// currencies do not count (there are no exchange rates).
    WonValue,
    /// How many deals were won, whatever their currency. The amount is a count.
    WonCount,
    /// Value minus cost of won deals in the target's currency. A deal without a cost counts
    /// its whole value (its cost is unknown, not zero: `Progress::missing_cost` says how many).
    GrossMargin,
}

/// A dimension a target can be split along.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SplitBy {
    /// Year → quarters → months → ISO weeks.
    Time,
    Owner,
    Product,
    Region,
    Customer,
}

impl SplitBy {
    /// Every dimension, time first.
    pub const ALL: [SplitBy; 5] = [
        SplitBy::Time,
        SplitBy::Owner,
        SplitBy::Product,
        SplitBy::Region,
        SplitBy::Customer,
    ];

    /// Its name in files ("owner"), and in messages.
    pub const fn key(self) -> &'static str {
        match self {
            SplitBy::Time => "time",
            SplitBy::Owner => "owner",
            SplitBy::Product => "product",
            SplitBy::Region => "region",
            SplitBy::Customer => "customer",
        }
    }

    /// The scope dimensions (all but time).
    pub const SCOPES: [SplitBy; 4] = [
        SplitBy::Owner,
        SplitBy::Product,
        SplitBy::Region,
        SplitBy::Customer,
    ];

    /// The deal's text for this dimension, trimmed; empty for `Time`.
    pub fn of_deal(self, deal: &Deal) -> &str {
        match self {
            SplitBy::Time => "",
            SplitBy::Owner => deal.owner.trim(),
            SplitBy::Product => deal.product.trim(),
            SplitBy::Region => deal.region.trim(),
            SplitBy::Customer => deal.customer.trim(),
        }
    }
}

/// How a target's amount was divided among its children.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SplitMethod {
    /// The same share each.
    Even,
    /// Shares typed by the user, one per child in child order.
    Weights(Vec<u32>),
    /// In proportion to what each child's slice won the year before (even without any history).
    Seasonal,
}

/// A sales target: how much of `measure` the deals in `scope` should reach in `period`.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub id: TargetId,
    /// The target this one was split from (or was added under).
    pub parent: Option<TargetId>,
    pub measure: Measure,
    pub period: Period,
    pub scope: Scope,
    /// Minor units of `currency`, or a count for `Measure::WonCount`. Never negative.
    pub amount: i64,
    pub currency: Currency,
    /// The whole market's figure for the same scope and period, in the same unit, when the
    /// manager knows it (SEED-NOTES §1, "market share"): attained ÷ market is the share won.
    /// Always above 0 when set. Parts made by a split start without one: a market's size
    /// does not divide the way a target does.
    pub market: Option<i64>,
    /// How its children were made, when it was split.
    pub split: Option<SplitMethod>,
    /// Along which dimension its children were made, when it was split.
    pub split_by: Option<SplitBy>,
    /// Bumped on every change; orders concurrent edits in a merge, as for deals.
    pub revision: u32,
    pub updated: Timestamp,
}

impl Target {
    /// A new top-level target (`AddTarget` sets `updated`).
    pub fn new(
        id: TargetId,
        measure: Measure,
        period: Period,
        scope: Scope,
        amount: i64,
        currency: Currency,
    ) -> Target {
        Target {
            id,
            parent: None,
            measure,
            period,
            scope,
            amount,
            currency,
            market: None,
            split: None,
            split_by: None,
            revision: 0,
            updated: 0,
        }
    }

    /// True when `child` divides this target's period (rather than its scope).
    pub fn is_time_child(&self, child: &Target) -> bool {
        child.period != self.period
    }
}

/// A deleted target's id and when it was deleted, so that the deletion survives a merge with an
/// older copy (another tab's save) that still holds the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetTombstone {
    pub id: TargetId,
    pub at: Timestamp,
}

/// Why a target command was refused; the board is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetError {
    UnknownTarget(TargetId),
    /// `AddTarget` named a parent that does not exist.
    UnknownParent(TargetId),
    NegativeAmount,
    /// Out of range (`Month(2026, 13)`, `Week(2026, 53)`, year outside 1–9999).
    InvalidPeriod(Period),
    /// A child must count the same measure in the same currency as its parent.
    ParentMismatch,
    /// A week is the smallest period.
    CannotSplitWeek,
    /// The target's scope already fixes this dimension.
    ScopeAlreadySet(SplitBy),
    /// No deal in the target's scope has a value for this dimension.
    NothingToSplitBy(SplitBy),
    /// The split makes `needed` children but only `given` ids were passed.
    TooFewChildIds {
        needed: usize,
        given: usize,
    },
    /// Typed weights must be one per child.
    WeightsMismatch {
        children: usize,
        weights: usize,
    },
    /// Typed weights must not all be zero.
    ZeroWeights,
    /// The behind threshold is a percentage, 0–100.
    ThresholdOutOfRange(u8),
    /// A market's size must be above 0 (a share of nothing means nothing).
    MarketNotPositive,
    /// `AddTarget` for the measure, period and scope of a target already under the same
    /// parent: two would count the same deals twice against one goal.
    AlreadySet,
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::UnknownTarget(id) => write!(f, "no target with id {}", id.0),
            TargetError::UnknownParent(id) => write!(f, "no parent target with id {}", id.0),
            TargetError::NegativeAmount => f.write_str("a target cannot be negative"),
            TargetError::InvalidPeriod(p) => write!(f, "no such period: {p}"),
            TargetError::ParentMismatch => {
                f.write_str("a child target needs its parent's measure and currency")
            }
            TargetError::CannotSplitWeek => f.write_str("a week cannot be split further"),
            TargetError::ScopeAlreadySet(by) => {
                write!(f, "the target is already for one {}", by.key())
            }
            TargetError::NothingToSplitBy(by) => write!(f, "no deal in scope has a {}", by.key()),
            TargetError::TooFewChildIds { needed, given } => {
                write!(f, "the split needs {needed} ids, {given} given")
            }
            TargetError::WeightsMismatch { children, weights } => {
                write!(f, "{weights} weights for {children} parts")
            }
            TargetError::ZeroWeights => f.write_str("the weights cannot all be zero"),
            TargetError::ThresholdOutOfRange(p) => write!(f, "threshold {p} is over 100"),
            TargetError::MarketNotPositive => f.write_str("a market's size must be above 0"),
            TargetError::AlreadySet => {
                f.write_str("a target for this measure, period and scope is already set")
            }
        }
    }
}

impl std::error::Error for TargetError {}

impl Board {
    /// The target with this id.
    pub fn target(&self, id: &TargetId) -> Option<&Target> {
        self.targets.iter().find(|t| &t.id == id)
    }

    /// The targets with no parent, in display order (see `target_children`).
    pub fn target_roots(&self) -> Vec<&Target> {
        let ids: FxHashSet<&TargetId> = self.targets.iter().map(|t| &t.id).collect();
        let mut roots: Vec<&Target> = self
            .targets
            .iter()
            .filter(|t| t.parent.as_ref().is_none_or(|p| !ids.contains(p)))
            .collect();
        sort_for_display(&mut roots);
        roots
    }

    /// A target's direct children in display order: by start of period, then longer periods
    /// first, then by scope (ignoring case), then by id.
    pub fn target_children(&self, id: &TargetId) -> Vec<&Target> {
        let mut children: Vec<&Target> = self
            .targets
            .iter()
            .filter(|t| t.parent.as_ref() == Some(id))
            .collect();
        sort_for_display(&mut children);
        children
    }

    /// Where the eye goes when a target is deleted: the sibling shown after it, else the one
    /// before it, else its parent; `None` for a lone top-level target.
    pub fn target_neighbour(&self, id: &TargetId) -> Option<TargetId> {
        let parent = self.target(id)?.parent.clone();
        let siblings = match &parent {
            Some(p) if self.target(p).is_some() => self.target_children(p),
            _ => self.target_roots(),
        };
        let at = siblings.iter().position(|t| &t.id == id)?;
        let beside = siblings
            .get(at + 1)
            .or(at.checked_sub(1).and_then(|i| siblings.get(i)));
        beside.map(|t| t.id.clone()).or(parent)
    }

    /// The ids of a target's descendants (not the target itself), parents before children.
    pub fn target_descendants(&self, id: &TargetId) -> Vec<TargetId> {
        let mut by_parent: FxHashMap<&TargetId, Vec<&TargetId>> = FxHashMap::default();
        for t in &self.targets {
            if let Some(p) = &t.parent {
                by_parent.entry(p).or_default().push(&t.id);
            }
        }
        let mut out: Vec<TargetId> = Vec::new();
        let mut seen: FxHashSet<&TargetId> = FxHashSet::from_iter([id]);
        let mut queue: Vec<&TargetId> = vec![id];
        let mut at = 0;
        while let Some(&parent) = queue.get(at) {
            at += 1;
            for &child in by_parent.get(parent).into_iter().flatten() {
                if seen.insert(child) {
                    out.push(child.clone());
                    queue.push(child);
                }
            }
        }
        out
    }
}

fn sort_for_display(targets: &mut [&Target]) {
    sort_by(targets, |a, b| {
        a.period
            .first_day()
            .cmp(&b.period.first_day())
            .then(b.period.days().cmp(&a.period.days()))
            .then_with(|| scope_key(&a.scope.label()).cmp(&scope_key(&b.scope.label())))
            .then_with(|| a.id.cmp(&b.id))
    });
}
