//! Where each deal sits in `Board::deals`, found by id in constant time. Deals are a plain
//! public `Vec` that many places change, so this index is never trusted: every answer is
//! checked against the deal it points at, and a stale index is rebuilt from the deals on the
//! first lookup that finds it wrong (after a deletion or an undo moved deals along).

use crate::domain::board::{Deal, DealId};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Mutex;

/// Fixed keys, so the same hash comes out for the same id in every lookup; Fx, not SipHash,
/// because hashing every id is most of a rebuild on a large board.
type IdHash = FxBuildHasher;

/// A cache beside the deals: not part of the board's value (it is never saved, compares
/// equal to any other, and starts empty when the board is cloned).
#[derive(Default)]
pub struct DealPositions {
    /// Id hash → index. Hashes rather than ids, so a rebuild copies no strings; a collision
    /// only makes the check fail and the lookup fall back to a scan. Boxed, and only once
    /// used, so a board (which import results carry around) grows by one word.
    index: Mutex<Option<Box<Index>>>,
}

/// Id hash → index in the deals.
#[derive(Default)]
struct Index(HashMap<u64, usize, IdHash>);

impl DealPositions {
    /// The index of the first deal with `id`, as a scan of `deals` would find it.
    pub fn find(&self, deals: &[Deal], id: &DealId) -> Option<usize> {
        let key = IdHash::default().hash_one(id);
        let Ok(mut index) = self.index.lock() else {
            return deals.iter().position(|d| &d.id == id);
        };
        let Index(index) = &mut **index.get_or_insert_with(Box::default);
        if let Some(&at) = index.get(&key) {
            if deals.get(at).is_some_and(|d| &d.id == id) {
                return Some(at);
            }
        }
        let found = deals.iter().position(|d| &d.id == id);
        // Found but not where the index said: the index is stale, so rebuild it once for all
        // the lookups that follow. (A deal that is not there says nothing about the index.)
        if found.is_some() {
            index.clear();
            for (at, deal) in deals.iter().enumerate() {
                index
                    .entry(IdHash::default().hash_one(&deal.id))
                    .or_insert(at);
            }
        }
        found
    }
}

impl Clone for DealPositions {
    fn clone(&self) -> Self {
        DealPositions::default()
    }
}

impl PartialEq for DealPositions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for DealPositions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DealPositions")
    }
}
