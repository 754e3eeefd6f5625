//! A deal's content in 64 bits, for the one question undo asks of the deals a replace added:
//! is this deal still as the replace left it? A replace (an import) may add 50,000 deals, and
//! a copy of each for that question alone held ~24 MiB of wasm memory, which never shrinks.

use crate::domain::board::{Deal, DealStatus};
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

/// The hash of everything in `deal` but its revision and update time, the bookkeeping that
/// every change renews (as `same_content` compares). Two deals with the same content have the
/// same fingerprint; two that differ share one only by a chance of the order of 1 in 2^64.
/// FxHash is fast, not built to resist crafted collisions; one would at worst let an undo
/// take out a deal that another tab had changed since the import, and redo brings it back.
pub fn fingerprint(deal: &Deal) -> u64 {
    // Named member by member, without `..`: a member added to `Deal` fails to compile here
    // until it is either hashed or said to be bookkeeping.
    let Deal {
        id,
        title,
        customer,
        contact,
        value,
        currency,
        cost,
        owner,
        product,
        region,
        close_date,
        notes,
        next_step,
        checked,
        activities,
        stage,
        rank,
        status,
        loss_reason,
        created,
        updated: _,
        stage_entered,
        won_at,
        history,
        revision: _,
    } = deal;
    let mut h = FxHasher::default();
    (id, title, customer, contact, value, currency, cost).hash(&mut h);
    (
        owner, product, region, close_date, notes, next_step, checked, activities, stage,
    )
        .hash(&mut h);
    rank.to_bits().hash(&mut h);
    let status: u8 = match status {
        DealStatus::Open => 0,
        DealStatus::Won => 1,
        DealStatus::Lost => 2,
    };
    (status, loss_reason, created, stage_entered, won_at).hash(&mut h);
    history.len().hash(&mut h);
    for visit in history {
        (&visit.stage, visit.entered).hash(&mut h);
    }
    h.finish()
}
