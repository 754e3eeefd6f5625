//! Each rep's scorecard for a period, and how deals move on from each stage (SEED-NOTES §6:
//! revenue and margin, repeat customers, cycle time and stage conversion; §2: the path
//! through the stages is recorded "so the process can be measured").
//!
//! Everything is worked out from what the board already keeps: won deals and when they were
//! won, lost deals and when they entered their lost stage, costs, and each deal's stage visits.

use crate::domain::alerts::off_track;
use crate::domain::board::{Board, Deal, DealStatus, StageId, StageKind};
use crate::domain::date::{day_of, Date};
use crate::domain::money::Totals;
use crate::domain::sort::{sort, sort_by};
use crate::domain::targets::progress::attained;
use crate::domain::targets::target::{same_scope_text, Measure, Scope, Target};
use crate::domain::targets::Period;

/// One rep's figures for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepScore {
    /// The owner as written on the deals, trimmed; empty for deals nobody owns.
    pub owner: String,
    /// Deals won in the period, and their value.
    pub won: usize,
    pub won_value: Totals,
    /// Value − cost of the won deals that have a cost; `missing_cost` have none.
    pub margin: Totals,
    pub missing_cost: usize,
    /// Deals lost in the period (the day they entered their lost stage).
    pub lost: usize,
    /// Sum of days from creation to winning, over the deals won, for the average.
    cycle_days_sum: i64,
    /// Customers with two or more deals won in the period.
    pub repeat_customers: usize,
    /// Open deals now, whatever the period, and their value.
    pub open: usize,
    pub open_value: Totals,
    /// Open deals off track today (`domain::alerts`).
    pub off_track: usize,
    /// Steps done in the period on the rep's deals, whatever their status.
    pub activities: usize,
    /// Of those, the ones with a customer's rating, and the ratings' sum.
    pub rated: usize,
    rating_sum: usize,
}

impl RepScore {
    fn new(owner: &str) -> RepScore {
        RepScore {
            owner: owner.to_string(),
            won: 0,
            won_value: Totals::plain(),
            margin: Totals::plain(),
            missing_cost: 0,
            lost: 0,
            cycle_days_sum: 0,
            repeat_customers: 0,
            open: 0,
            open_value: Totals::plain(),
            off_track: 0,
            activities: 0,
            rated: 0,
            rating_sum: 0,
        }
    }

    /// The average customer rating in tenths (43 for 4.3), rounded; `None` with none rated.
    pub fn satisfaction_tenths(&self) -> Option<usize> {
        let rated = self.rated;
        (rated > 0).then(|| (self.rating_sum * 20 + rated) / (rated * 2))
    }

    /// Won as a share of won and lost, in whole percent (rounded); `None` with neither.
    pub fn win_rate(&self) -> Option<usize> {
        let closed = self.won + self.lost;
        (closed > 0).then(|| (self.won * 200 + closed) / (closed * 2))
    }

    /// The average days from a deal's creation to its winning (rounded); `None` with no win.
    pub fn cycle_days(&self) -> Option<i64> {
        let won = self.won as i64;
        (won > 0).then(|| (self.cycle_days_sum * 2 + won).div_euclid(won * 2))
    }
}

/// The scorecard: one row per rep on the team list or with a deal won or lost in `period`, open
/// now, or with a step done in `period`, sorted by name (deals nobody owns last), and the
/// team's row, which counts every deal.
pub fn scorecard(board: &Board, period: Period, today: Date) -> (Vec<RepScore>, RepScore) {
    let mut reps: Vec<RepScore> = Vec::new();
    let mut team = RepScore::new("");
    // (owner, customer) of each deal won in the period, for repeat customers.
    let mut won_with: Vec<(&str, &str)> = Vec::new();
    for deal in board.deals.iter() {
        let owner = deal.owner.trim();
        let counted = match deal.status {
            DealStatus::Won => deal.won_at.is_some_and(|at| period.contains(day_of(at))),
            DealStatus::Lost => period.contains(day_of(deal.stage_entered)),
            DealStatus::Open => true,
        };
        // A won deal's after-sales visits count in the period they were done in, whenever
        // it was won.
        let worked = deal.activities.iter().any(|a| period.contains(a.done));
        if !counted && !worked {
            continue;
        }
        let at = match reps.binary_search_by(|r| by_name(&r.owner, owner)) {
            Ok(at) => at,
            Err(at) => {
                reps.insert(at, RepScore::new(owner));
                at
            }
        };
        for row in [&mut reps[at], &mut team] {
            if counted {
                tally(row, deal, board, today);
            }
            for done in deal.activities.iter().filter(|a| period.contains(a.done)) {
                row.activities += 1;
                if let Some(rating) = done.rating {
                    row.rated += 1;
                    row.rating_sum += usize::from(rating.get());
                }
            }
        }
        if counted && deal.status == DealStatus::Won {
            won_with.push((owner, deal.customer.trim()));
        }
    }
    // The team list's reps are listed even with nothing yet: the manager sees who has no deal.
    for rep in board.settings.team.iter().map(|r| r.trim()) {
        let listed = reps.iter().any(|r| same_scope_text(&r.owner, rep));
        if !listed {
            if let Err(at) = reps.binary_search_by(|r| by_name(&r.owner, rep)) {
                reps.insert(at, RepScore::new(rep));
            }
        }
    }
    sort(&mut won_with);
    for (owner, _) in repeats(&won_with) {
        if let Ok(at) = reps.binary_search_by(|r| by_name(&r.owner, owner)) {
            reps[at].repeat_customers += 1;
        }
    }
    // The team's repeat customers are not the reps' sum: two reps' wins with one customer
    // make it a repeat customer of the team's only.
    let mut customers: Vec<(&str, &str)> = won_with.iter().map(|&(_, c)| ("", c)).collect();
    sort(&mut customers);
    team.repeat_customers = repeats(&customers).count();
    (reps, team)
}

/// What a row is measured against for `measure` (SEED-NOTES §6: "revenue and margin against
/// target"): the target with exactly that rep's scope (`None`: the whole team's) and exactly
/// `period`, the first in board order, with what it attained and that as a share of its
/// amount in whole percent (rounded; `None` for an amount of 0). Deals nobody owns have none.
pub fn row_target<'a>(
    board: &'a Board,
    owner: Option<&str>,
    measure: Measure,
    period: Period,
) -> Option<(&'a Target, i64, Option<i64>)> {
    let scope = Scope {
        owner: owner.map(str::to_string),
        ..Scope::team()
    };
    let target = board
        .targets
        .iter()
        .find(|t| t.measure == measure && t.period == period && t.scope.same_as(&scope))?;
    let got = attained(board, target);
    let amount = i128::from(target.amount);
    let percent = (amount > 0).then(|| ((i128::from(got) * 200 + amount) / (amount * 2)) as i64);
    Some((target, got, percent))
}

/// Deals nobody owns sort last; names in code-point order otherwise.
fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    (a.is_empty(), a).cmp(&(b.is_empty(), b))
}

/// Counts a deal of the period (or open now) into a row.
fn tally(rep: &mut RepScore, deal: &Deal, board: &Board, today: Date) {
    match deal.status {
        DealStatus::Won => {
            rep.won += 1;
            rep.won_value.add(&deal.currency, deal.value, 1);
            match deal.cost {
                Some(cost) => rep.margin.add(&deal.currency, deal.value - cost, 1),
                None => rep.missing_cost += 1,
            }
            let won_at = deal.won_at.unwrap_or(deal.updated);
            rep.cycle_days_sum += day_of(won_at).days_since(day_of(deal.created)).max(0);
        }
        DealStatus::Lost => rep.lost += 1,
        DealStatus::Open => {
            rep.open += 1;
            rep.open_value.add(&deal.currency, deal.value, 1);
            let stage = board.stages.iter().find(|s| s.id == deal.stage);
            rep.off_track += usize::from(stage.is_some_and(|s| off_track(deal, s, today)));
        }
    }
}

/// Each (owner, customer) pair that a sorted list holds twice or more, once (three wins with
/// one customer make one repeat customer). Deals without a customer are not one.
fn repeats<'s, 'a>(
    sorted: &'s [(&'a str, &'a str)],
) -> impl Iterator<Item = (&'a str, &'a str)> + 's {
    sorted
        .chunk_by(|a, b| a == b)
        .filter(|same| same.len() > 1 && !same[0].1.is_empty())
        .map(|same| same[0])
}

/// How the deals that reached an open stage in a period went on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageConversion {
    pub stage: StageId,
    /// Deals that entered the stage in the period.
    pub entered: usize,
    /// Of those, the ones that went on to a later stage of the pipeline (won included).
    pub moved_on: usize,
    /// Sum of the days those took to move on (to their first later stage), for the average.
    days_sum: i64,
}

impl StageConversion {
    /// `moved_on` as a share of `entered`, in whole percent; `None` when none entered.
    pub fn percent(&self) -> Option<usize> {
        (self.entered > 0).then(|| (self.moved_on * 200 + self.entered) / (self.entered * 2))
    }

    /// The average days a deal took to move on from the stage (UTC calendar days, rounded);
    /// `None` when none moved on.
    pub fn days_to_move_on(&self) -> Option<i64> {
        let n = self.moved_on as i64;
        (n > 0).then(|| (self.days_sum * 2 + n).div_euclid(n * 2))
    }
}

/// For each open stage, in pipeline order: the deals that entered it in `period`, how many
/// of them reached a later open or won stage afterwards, and how long that took. Deals still
/// in the stage, or lost from it, have not moved on.
pub fn stage_conversion(board: &Board, period: Period) -> Vec<StageConversion> {
    let order = |id: &StageId| board.stages.iter().position(|s| &s.id == id);
    let onward = |at: usize| board.stages[at].kind != StageKind::Lost;
    let mut out: Vec<StageConversion> = board
        .stages
        .iter()
        .filter(|s| s.kind == StageKind::Open)
        .map(|s| StageConversion {
            stage: s.id.clone(),
            entered: 0,
            moved_on: 0,
            days_sum: 0,
        })
        .collect();
    // The stages counted for the deal at hand: a deal that came back to a stage is counted
    // there once, from its first entry in the period.
    let mut counted: Vec<usize> = Vec::new();
    for deal in board.deals.iter() {
        counted.clear();
        for (i, visit) in deal.history.iter().enumerate() {
            let Some(at) = out.iter().position(|c| c.stage == visit.stage) else {
                continue;
            };
            if !period.contains(day_of(visit.entered)) || counted.contains(&at) {
                continue;
            }
            counted.push(at);
            let here = order(&visit.stage);
            let later = deal.history[i + 1..].iter().find(|next| {
                order(&next.stage).is_some_and(|n| here.is_some_and(|h| n > h) && onward(n))
            });
            out[at].entered += 1;
            if let Some(next) = later {
                out[at].moved_on += 1;
                out[at].days_sum += day_of(next.entered).days_since(day_of(visit.entered));
            }
        }
    }
    out
}

/// Why deals were lost in `period` (SEED-NOTES §2: evaluate the process's effectiveness
/// regularly): each loss reason as first written (trimmed; the same reason in other case counts
/// with it) and how many deals lost in the period gave it, most first, then by reason; deals
/// lost without a reason last, under an empty one. Lost in the period as for the scorecard.
pub fn loss_reasons(board: &Board, period: Period) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let lost = board.deals.iter().filter(|d| d.status == DealStatus::Lost);
    for deal in lost.filter(|d| period.contains(day_of(d.stage_entered))) {
        let reason = deal.loss_reason.as_deref().unwrap_or("").trim();
        match out.iter_mut().find(|(r, _)| same_scope_text(r, reason)) {
            Some((_, n)) => *n += 1,
            None => out.push((reason.to_string(), 1)),
        }
    }
    // Most first (hence `n` against `m`), then by reason; no reason last.
    sort_by(&mut out, |(a, m), (b, n)| {
        (a.is_empty(), n, a).cmp(&(b.is_empty(), m, b))
    });
    out
}
