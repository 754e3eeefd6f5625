//! Merging targets (called by `domain::merge::merge`), by the same rules as deals: matched by
//! id; the later `updated` wins, then the higher `revision`, then the larger serialised JSON;
//! tombstones are unioned (latest time per id) and remove every version last changed at or
//! before the deletion. Then a target whose parent is not in the result is dropped with its
//! subtree, so that the tree stays whole, and gets a tombstone at its latest update (as if
//! deleted with its parent), so that merging the same boards again cannot bring back an older
//! version of it. The result depends only on the two sets of records, never on which board is
//! "ours" (only the order of the lists does).

use crate::domain::board::Timestamp;
use crate::domain::merge::newest_version;
use crate::domain::targets::target::{Target, TargetId, TargetTombstone};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Ordering;

/// What merging did to the local targets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetMergeReport {
    /// Targets the local board did not have.
    pub new: usize,
    /// Local targets replaced by a different (newer) version.
    pub updated: usize,
    /// Local targets removed (deleted on the other side, or their parent was).
    pub deleted: usize,
}

/// The merged targets (ours in our order, then new ones in theirs), tombstones and counts.
pub(crate) fn merge_targets(
    local: (&[Target], &[TargetTombstone]),
    incoming: (&[Target], &[TargetTombstone]),
) -> (Vec<Target>, Vec<TargetTombstone>, TargetMergeReport) {
    let mut deleted = union_tombstones(local.1, incoming.1);
    let deleted_at: FxHashMap<&TargetId, Timestamp> =
        deleted.iter().map(|t| (&t.id, t.at)).collect();
    let alive = |t: &&Target| deleted_at.get(&t.id).is_none_or(|&at| t.updated > at);

    // The newest living version of each id, over both sides.
    let mut best: FxHashMap<&TargetId, &Target> = FxHashMap::default();
    for t in local.0.iter().chain(incoming.0).filter(alive) {
        match best.get(&t.id) {
            Some(kept) if newest(kept, t) != Ordering::Less => {}
            _ => {
                best.insert(&t.id, t);
            }
        }
    }

    // Keep only targets whose chain of parents reaches a root inside the result.
    let mut whole: FxHashMap<&TargetId, bool> = FxHashMap::default();
    for &id in best.keys() {
        rooted(id, &best, &mut whole);
    }

    let mut out: Vec<Target> = Vec::with_capacity(best.len());
    let mut seen: FxHashSet<&TargetId> = FxHashSet::default();
    // Dropped ids with the latest update of any living version of them.
    let mut dropped: Vec<(&TargetId, Timestamp)> = Vec::new();
    let mut dropped_at: FxHashMap<&TargetId, usize> = FxHashMap::default();
    for t in local.0.iter().chain(incoming.0).filter(alive) {
        if whole.get(&t.id) == Some(&true) {
            if seen.insert(&t.id) {
                out.push(best[&t.id].clone());
            }
        } else if let Some(&i) = dropped_at.get(&t.id) {
            dropped[i].1 = dropped[i].1.max(t.updated);
        } else {
            dropped_at.insert(&t.id, dropped.len());
            dropped.push((&t.id, t.updated));
        }
    }
    let orphans: Vec<TargetTombstone> = dropped
        .into_iter()
        .map(|(id, at)| TargetTombstone { id: id.clone(), at })
        .collect();
    deleted = union_tombstones(&deleted, &orphans);

    let mut report = TargetMergeReport::default();
    let ours: FxHashMap<&TargetId, &Target> = local.0.iter().map(|t| (&t.id, t)).collect();
    let kept: FxHashMap<&TargetId, &Target> = out.iter().map(|t| (&t.id, t)).collect();
    for (id, mine) in &ours {
        match kept.get(id) {
            None => report.deleted += 1,
            Some(w) if w != mine => report.updated += 1,
            Some(_) => {}
        }
    }
    report.new = kept.keys().filter(|id| !ours.contains_key(*id)).count();
    (out, deleted, report)
}

/// True when `id`'s parents lead to a root inside `best` (no missing parent, no cycle).
fn rooted<'a>(
    id: &'a TargetId,
    best: &FxHashMap<&'a TargetId, &'a Target>,
    memo: &mut FxHashMap<&'a TargetId, bool>,
) -> bool {
    // Walk up iteratively, then record the answer for the whole chain.
    let mut chain: Vec<&TargetId> = Vec::new();
    let mut on_chain: FxHashSet<&TargetId> = FxHashSet::default();
    let mut at = id;
    let answer = loop {
        if let Some(&known) = memo.get(at) {
            break known;
        }
        if !on_chain.insert(at) {
            break false;
        }
        chain.push(at);
        match best.get(at).map(|t| t.parent.as_ref()) {
            None => break false,
            Some(None) => break true,
            Some(Some(parent)) => at = parent,
        }
    };
    for link in chain {
        memo.insert(link, answer);
    }
    answer
}

/// A total order on versions of one target: the later change, then revision, then content
/// (the same rule as deals, see docs/merge.md).
fn newest(a: &Target, b: &Target) -> Ordering {
    newest_version(a, b, |t| (t.updated, t.revision))
}

fn union_tombstones(
    local: &[TargetTombstone],
    incoming: &[TargetTombstone],
) -> Vec<TargetTombstone> {
    let mut out: Vec<TargetTombstone> = Vec::with_capacity(local.len() + incoming.len());
    let mut index: FxHashMap<TargetId, usize> = FxHashMap::default();
    for t in local.iter().chain(incoming) {
        match index.get(&t.id) {
            Some(&i) => out[i].at = out[i].at.max(t.at),
            None => {
                index.insert(t.id.clone(), out.len());
                out.push(t.clone());
            }
        }
    }
    out
}
