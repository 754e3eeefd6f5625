//! Splitting a target into children: which children (one per smaller period, or one per value
//! of a scope dimension found in the deals), and how much each gets (even, typed weights, or
//! last year's wins), summing exactly to the parent.

use crate::domain::board::Board;
use crate::domain::sort::sort_by;
use crate::domain::targets::period::Period;
use crate::domain::targets::progress::won_total;
use crate::domain::targets::target::{scope_key, Scope, SplitBy, SplitMethod, Target, TargetError};

/// One child a split would make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitPart {
    pub period: Period,
    pub scope: Scope,
    pub amount: i64,
}

/// Divides `total` in proportion to `weights`, in whole units, so that the shares add up to
/// `total` exactly: each gets the floor of its exact share, and what is left is handed out one
/// unit at a time to the largest remainders (ties: the earlier child). All weights zero (or
/// none) divides evenly.
pub fn allocate(total: i64, weights: &[u64]) -> Vec<i64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: i128 = weights.iter().map(|&w| w as i128).sum();
    let even = vec![1u64; weights.len()];
    let (weights, sum) = if sum == 0 {
        (&even[..], weights.len() as i128)
    } else {
        (weights, sum)
    };
    let total = total as i128;
    let mut shares: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, &w) in weights.iter().enumerate() {
        let exact = total * w as i128;
        shares.push(exact.div_euclid(sum) as i64);
        remainders.push((exact.rem_euclid(sum), i));
    }
    let left = (total - shares.iter().map(|&s| s as i128).sum::<i128>()) as usize;
    // Largest remainder first; among equal remainders the earlier child first.
    sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(left) {
        shares[i] += 1;
    }
    shares
}

/// The children a split of `target` along `by` would make, in order, without amounts: for
/// time, the period's `children()` in the same scope; for a scope dimension, one per distinct
/// value (trimmed, ignoring case; deals with no value are left out) among all the board's deals
/// in the target's scope, sorted ignoring case, in the same period. A split by rep also gives
/// every rep on the team list a part, deals or none: a new hire gets a target too.
pub fn split_slots(
    board: &Board,
    target: &Target,
    by: SplitBy,
) -> Result<Vec<(Period, Scope)>, TargetError> {
    if by == SplitBy::Time {
        let periods = target.period.children();
        if periods.is_empty() {
            return Err(TargetError::CannotSplitWeek);
        }
        return Ok(periods
            .into_iter()
            .map(|p| (p, target.scope.clone()))
            .collect());
    }
    if target.scope.get(by).is_some() {
        return Err(TargetError::ScopeAlreadySet(by));
    }
    // (key, the smallest spelling seen), kept sorted by key, so that the result does not
    // depend on deal order. A sorted list rather than a `BTreeMap`, whose code would be
    // compiled for this one use (several kB of wasm); it holds one entry per child the split
    // would make, so inserting in place stays cheap.
    let mut values: Vec<(String, &str)> = Vec::new();
    let team = match by {
        SplitBy::Owner => &board.settings.team[..],
        _ => &[],
    };
    let in_scope = board.deals.iter().filter(|d| target.scope.matches(d));
    for value in in_scope
        .map(|d| by.of_deal(d))
        .chain(team.iter().map(|r| r.trim()))
    {
        if value.is_empty() {
            continue;
        }
        let key = scope_key(value);
        match values.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(at) => values[at].1 = values[at].1.min(value),
            Err(at) => values.insert(at, (key, value)),
        }
    }
    if values.is_empty() {
        return Err(TargetError::NothingToSplitBy(by));
    }
    Ok(values
        .iter()
        .map(|(_, v)| (target.period, target.scope.with(by, v)))
        .collect())
}

/// What each child's slice won the year before, in the target's measure and currency: the same
/// period one year earlier (`Period::previous_year`) in the child's scope. Negative margins
/// count as 0.
pub fn history(board: &Board, target: &Target, slots: &[(Period, Scope)]) -> Vec<i64> {
    slots
        .iter()
        .map(|(period, scope)| {
            won_total(
                board,
                target.measure,
                &target.currency,
                scope,
                period.previous_year(),
            )
            .max(0)
        })
        .collect()
}

/// The children a split would make, with their amounts (for a preview; `SplitTarget` makes
/// exactly these).
pub fn propose_split(
    board: &Board,
    target: &Target,
    by: SplitBy,
    method: &SplitMethod,
) -> Result<Vec<SplitPart>, TargetError> {
    let slots = split_slots(board, target, by)?;
    let weights: Vec<u64> = match method {
        SplitMethod::Even => vec![1; slots.len()],
        SplitMethod::Weights(w) => {
            if w.len() != slots.len() {
                return Err(TargetError::WeightsMismatch {
                    children: slots.len(),
                    weights: w.len(),
                });
            }
            if w.iter().all(|&x| x == 0) {
                return Err(TargetError::ZeroWeights);
            }
            w.iter().map(|&x| x as u64).collect()
        }
        // All zero (no history at all) divides evenly.
        SplitMethod::Seasonal => history(board, target, &slots)
            .into_iter()
            .map(|h| h as u64)
            .collect(),
    };
    let amounts = allocate(target.amount, &weights);
    Ok(slots
        .into_iter()
        .zip(amounts)
        .map(|((period, scope), amount)| SplitPart {
            period,
            scope,
            amount,
        })
        .collect())
}
