//! How a target is doing at a given day: attained, forecast, pace and status.
//!
//! Everything takes `today` (a calendar day) from the caller; nothing reads a clock.

use crate::domain::board::{Board, Deal, DealStatus};
use crate::domain::date::{day_of, Date};
use crate::domain::history::Step;
use crate::domain::money::{Currency, Totals};
use crate::domain::targets::period::Period;
use crate::domain::targets::target::{Measure, Scope, Target, TargetId};

/// The threshold used when the settings hold none: behind below 90 % of pace.
pub const DEFAULT_BEHIND_THRESHOLD: u8 = 90;

/// Where a target stands against its pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetStatus {
    /// The period has not begun.
    NotStarted,
    /// Attained more than pace.
    Ahead,
    /// Attained at least the threshold share of pace, and at most pace.
    OnTrack,
    /// Attained less than the threshold share of pace (`Settings::behind_threshold`).
    Behind,
}

impl TargetStatus {
    /// The variant's name, for the page's `data-status` (not `{:?}`: the release build's
    /// `Debug` writes nothing).
    pub fn name(self) -> &'static str {
        match self {
            TargetStatus::NotStarted => "NotStarted",
            TargetStatus::Ahead => "Ahead",
            TargetStatus::OnTrack => "OnTrack",
            TargetStatus::Behind => "Behind",
        }
    }
}

/// A target's figures at one day, in the target's unit (minor units of its currency, or a
/// count for `Measure::WonCount`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub amount: i64,
    /// Won in the period, in scope.
    pub attained: i64,
    /// Attained plus the open deals in scope expected to close in the period, each weighted
    /// by its stage's probability (summed exactly, rounded once).
    pub forecast: i64,
    /// What should be attained by the start of `today`.
    pub pace: i64,
    pub status: TargetStatus,
    /// Amount minus the sum of the children's amounts: positive when under-allocated,
    /// negative when over-allocated, 0 without children.
    pub gap: i64,
    /// For `GrossMargin`: how many of the deals counted (won or forecast) have no cost and so
    /// count their whole value.
    pub missing_cost: usize,
    /// The target's market size, when known (`Target::market`).
    pub market: Option<i64>,
    /// Won in the period by deals in scope in other currencies than a money target's, each
    /// currency's sum, sorted by currency: not counted (the board keeps no exchange rates),
    /// and shown so that a rep's €57,000 of wins is not silently missing from a $ target.
    pub not_counted: Vec<(Currency, i64)>,
}

impl Progress {
    /// The market share won and the share the target aims at, in tenths of a percent (42 is
    /// 4.2 %), rounded half up; `None` without a market size. Integers, so that no float is
    /// formatted (see docs/size.md).
    pub fn market_share(&self) -> Option<(i64, i64)> {
        let market = i128::from(self.market.filter(|&m| m > 0)?);
        let tenths = |part: i64| {
            let exact = (i128::from(part) * 2000 + market) / (2 * market);
            i64::try_from(exact).unwrap_or(i64::MAX)
        };
        Some((tenths(self.attained.max(0)), tenths(self.amount)))
    }
}

/// How far pace follows time children down the tree (guards against a damaged tree).
const MAX_DEPTH: usize = 16;

/// A deal's contribution to a measure in a currency, or `None` when it does not count.
fn contribution(measure: Measure, currency: &Currency, deal: &Deal) -> Option<i64> {
    match measure {
        Measure::WonCount => Some(1),
        _ if &deal.currency != currency => None,
        Measure::WonValue => Some(deal.value),
        Measure::GrossMargin => Some(deal.value - deal.cost.unwrap_or(0)),
    }
}

/// The day a won deal counts on: when it was won (UTC day), or, for a won deal with no recorded
/// time, when it entered its stage.
pub fn won_day(deal: &Deal) -> Option<Date> {
    (deal.status == DealStatus::Won).then(|| day_of(deal.won_at.unwrap_or(deal.stage_entered)))
}

/// The won deals that count for a slice, each with its contribution.
fn won_in<'a>(
    board: &'a Board,
    measure: Measure,
    currency: &'a Currency,
    scope: &'a Scope,
    period: Period,
) -> impl Iterator<Item = (&'a Deal, i64)> + 'a {
    board.deals.iter().filter_map(move |deal| {
        let day = won_day(deal)?;
        if !period.contains(day) || !scope.matches(deal) {
            return None;
        }
        contribution(measure, currency, deal).map(|c| (deal, c))
    })
}

/// What was won of `measure` (in `currency`) by the deals in `scope` during `period`. Used for
/// attainment and for last year's history in seasonal splits.
pub fn won_total(
    board: &Board,
    measure: Measure,
    currency: &Currency,
    scope: &Scope,
    period: Period,
) -> i64 {
    won_in(board, measure, currency, scope, period)
        .map(|(_, c)| c)
        .sum()
}

/// Won in the target's period by the deals in its scope.
pub fn attained(board: &Board, target: &Target) -> i64 {
    won_total(
        board,
        target.measure,
        &target.currency,
        &target.scope,
        target.period,
    )
}

/// The open deals that count for the forecast, each with contribution × probability.
fn weighted_open<'a>(
    board: &'a Board,
    target: &'a Target,
) -> impl Iterator<Item = (&'a Deal, i128)> + 'a {
    board.deals.iter().filter_map(move |deal| {
        if deal.status != DealStatus::Open || !target.scope.matches(deal) {
            return None;
        }
        if !deal.close_date.is_some_and(|d| target.period.contains(d)) {
            return None;
        }
        let probability = board.stage(&deal.stage)?.probability;
        let c = contribution(target.measure, &target.currency, deal)?;
        Some((deal, c as i128 * probability as i128))
    })
}

/// Attained plus the open deals in scope whose expected close date is in the period, each
/// weighted by its stage's probability; the weighted sum is kept exact and rounded once (half
/// up).
pub fn forecast(board: &Board, target: &Target) -> i64 {
    let weighted: i128 = weighted_open(board, target).map(|(_, w)| w).sum();
    attained(board, target) + ((weighted + 50).div_euclid(100)) as i64
}

/// `amount × part / whole`, rounded half up; `whole` must be positive.
fn share(amount: i64, part: i128, whole: i128) -> i64 {
    let num = amount as i128 * part;
    ((2 * num + whole).div_euclid(2 * whole)) as i64
}

/// What should be attained by the start of `today`: 0 before the period, the amount after it,
/// and in between the amount × days gone by / days in the period; or, when the target has
/// time children (a split by time), their own paces added up and scaled to the target's
/// amount, so that a seasonal split gives a seasonal curve.
pub fn pace(board: &Board, target: &Target, today: Date) -> i64 {
    pace_at(board, target, today, 0)
}

fn pace_at(board: &Board, target: &Target, today: Date, depth: usize) -> i64 {
    let (first, last) = (target.period.first_day(), target.period.last_day());
    if today <= first {
        return 0;
    }
    if today > last {
        return target.amount;
    }
    if depth < MAX_DEPTH {
        let children: Vec<&Target> = board
            .targets
            .iter()
            .filter(|c| c.parent.as_ref() == Some(&target.id) && target.is_time_child(c))
            .collect();
        let planned: i128 = children.iter().map(|c| c.amount as i128).sum();
        if planned > 0 {
            let due: i128 = children
                .iter()
                .map(|c| pace_at(board, c, today, depth + 1) as i128)
                .sum();
            return share(target.amount, due, planned);
        }
    }
    let gone = today.days_since(first) as i128;
    share(target.amount, gone, target.period.days() as i128)
}

/// Ahead, on track or behind at `today`, with the board's threshold.
pub fn status(board: &Board, target: &Target, today: Date) -> TargetStatus {
    let attained = attained(board, target);
    let pace = pace(board, target, today);
    status_of(
        target,
        attained,
        pace,
        board.settings.behind_threshold,
        today,
    )
}

fn status_of(
    target: &Target,
    attained: i64,
    pace: i64,
    threshold: u8,
    today: Date,
) -> TargetStatus {
    if today < target.period.first_day() {
        TargetStatus::NotStarted
    } else if (attained as i128) * 100 < threshold as i128 * pace as i128 {
        TargetStatus::Behind
    } else if attained > pace {
        TargetStatus::Ahead
    } else {
        TargetStatus::OnTrack
    }
}

/// The target's amount minus the sum of its direct children's amounts: positive when
/// under-allocated (children were lowered by hand), negative when over-allocated; 0 when it
/// has no children.
pub fn allocation_gap(board: &Board, target: &Target) -> i64 {
    let mut children = board
        .targets
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&target.id))
        .peekable();
    if children.peek().is_none() {
        return 0;
    }
    target.amount - children.map(|c| c.amount).sum::<i64>()
}

/// All of a target's figures at `today`.
pub fn progress(board: &Board, target: &Target, today: Date) -> Progress {
    let attained = attained(board, target);
    let pace = pace(board, target, today);
    let missing_cost = if target.measure == Measure::GrossMargin {
        let won = won_in(
            board,
            target.measure,
            &target.currency,
            &target.scope,
            target.period,
        );
        won.map(|(d, _)| d)
            .chain(weighted_open(board, target).map(|(d, _)| d))
            .filter(|d| d.cost.is_none())
            .count()
    } else {
        0
    };
    Progress {
        amount: target.amount,
        attained,
        forecast: forecast(board, target),
        pace,
        status: status_of(
            target,
            attained,
            pace,
            board.settings.behind_threshold,
            today,
        ),
        gap: allocation_gap(board, target),
        missing_cost,
        market: target.market,
        not_counted: won_in_other_currencies(board, target),
    }
}

/// `Progress::not_counted`: empty for a count of deals, which counts every currency.
fn won_in_other_currencies(board: &Board, target: &Target) -> Vec<(Currency, i64)> {
    if target.measure == Measure::WonCount {
        return Vec::new();
    }
    let mut won = Totals::plain();
    for deal in board.deals.iter() {
        let counts_elsewhere = deal.currency != target.currency
            && won_day(deal).is_some_and(|day| target.period.contains(day))
            && target.scope.matches(deal);
        if counts_elsewhere {
            let value = match target.measure {
                Measure::GrossMargin => deal.value - deal.cost.unwrap_or(0),
                _ => deal.value,
            };
            won.add(&deal.currency, value, 1);
        }
    }
    won.amounts()
        .filter(|(_, v)| *v != 0)
        .map(|(c, v)| (c.clone(), v))
        .collect()
}

/// The targets behind pace at `today`, among those whose period contains today (a missed
/// target of a finished period is history, not an alert), in board order. For the header badge.
pub fn behind_targets(board: &Board, today: Date) -> Vec<TargetId> {
    let current: Vec<&Target> = board
        .targets
        .iter()
        .filter(|t| t.period.contains(today))
        .collect();
    let attained = attained_each(board, &current);
    let threshold = board.settings.behind_threshold;
    current
        .into_iter()
        .zip(attained)
        .filter(|(t, attained)| {
            let pace = pace(board, t, today);
            status_of(t, *attained, pace, threshold, today) == TargetStatus::Behind
        })
        .map(|(t, _)| t.id.clone())
        .collect()
}

/// False when `step` cannot change any target's attained figure, pace or status: it touched
/// only deals that are won neither before nor after it, and no target, stage or setting. Most
/// steps are such (a move between open stages, an edit of an open deal), and the header's
/// "N targets behind" is worked out again only after the others: it is a pass over every
/// deal, ~5 ms per move on 50,000 deals. (The forecast does change with open deals; only
/// the Targets view shows it, and it follows every change.)
pub fn may_change_progress(step: &Step) -> bool {
    let won = |deals: &[(_, Option<Deal>)]| {
        deals
            .iter()
            .any(|(_, deal)| deal.as_ref().is_some_and(|d| d.status == DealStatus::Won))
    };
    let (before, after) = (&step.before, &step.after);
    before.tombstones.is_some()
        || before.stages != after.stages
        || before.settings != after.settings
        || !before.targets.is_empty()
        || !after.targets.is_empty()
        || won(&before.deals)
        || won(&after.deals)
}

/// `attained` of each target, in one pass over the deals instead of one per target: the
/// badge asks after every change, and on a large board a pass per target made every move
/// slower the more targets the manager had set.
fn attained_each(board: &Board, targets: &[&Target]) -> Vec<i64> {
    let mut sums = vec![0i64; targets.len()];
    if targets.is_empty() {
        return sums;
    }
    // `Period::contains`, with each period's days worked out once.
    let spans: Vec<(Date, Date)> = targets
        .iter()
        .map(|t| (t.period.first_day(), t.period.last_day()))
        .collect();
    for deal in board.deals.iter() {
        let Some(day) = won_day(deal) else {
            continue;
        };
        for ((sum, t), (first, last)) in sums.iter_mut().zip(targets).zip(&spans) {
            if *first <= day && day <= *last && t.scope.matches(deal) {
                *sum += contribution(t.measure, &t.currency, deal).unwrap_or(0);
            }
        }
    }
    sums
}

/// The target to show next to a board filtered to `scope`: among the targets with exactly that
/// scope (trimmed, ignoring case) whose period contains `today`, the one with the shortest
/// period; on a tie, the first in board order.
pub fn current_target_for<'a>(board: &'a Board, scope: &Scope, today: Date) -> Option<&'a Target> {
    board
        .targets
        .iter()
        .filter(|t| t.period.contains(today) && t.scope.same_as(scope))
        .min_by_key(|t| t.period.days())
}
