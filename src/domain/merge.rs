//! Merging a teammate's board into ours. The result does not depend on which board is "ours"
//! (apart from stage order, stage names and settings, which stay ours) and merging the same
//! board again changes nothing: deals and tombstones are combined by rules that only look at
//! the records themselves, never at the order of the arguments. See `docs/merge.md`.
//!
//! - A deal is matched by id. Of two versions the one with the higher `revision` wins, then the
//!   later `updated`, then the larger serialised JSON, so that a tie never depends on the order.
//! - Tombstones are unioned, keeping the latest deletion time per id. A deletion at time `t`
//!   removes every version of the deal last changed at or before `t`; a version changed after
//!   the deletion survives (someone kept working on it) and wins over the older ones.
//! - Stages are matched by id, then by trimmed, case-insensitive name. Two stages matched by
//!   name take the smaller of their two ids, so both sides agree on it; deals follow.
//! - Targets follow the deals' rules, with their own tombstones (`domain::targets::merge`).

use crate::domain::board::{Board, Deal, DealId, Stage, StageId, Timestamp, Tombstone};
use crate::domain::lowercase::lowercase;
use crate::domain::sort::sort;
use crate::domain::targets::merge::{merge_targets, TargetMergeReport};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::cmp::Ordering;

/// The merged board and what merging did.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub board: Board,
    pub report: MergeReport,
}

/// How one incoming stage found its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageMatchKind {
    /// A local stage has the same id.
    ById,
    /// A local stage has the same name (trimmed, ignoring case).
    ByName,
    /// No local stage matched: appended after the local ones.
    Added,
}

/// One incoming stage and where its deals went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageMatch {
    /// The stage's id in the incoming board.
    pub incoming: StageId,
    /// The stage's name in the incoming board.
    pub name: String,
    /// The id of the stage in the merged board.
    pub merged: StageId,
    pub how: StageMatchKind,
}

/// What merging `incoming` into `local` does, counted from the local board's point of view.
///
/// Every deal id is counted at most once: a deal on both boards in `updated`, `unchanged`,
/// `conflicts` or (when the merge removes it) `deleted`; a deal only on the incoming board in
/// `new` or `stays_deleted`; a deal only on the local board only when removed (`deleted`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Incoming deals that the local board does not have; they are added.
    pub new: usize,
    /// Deals on both boards where the incoming version is plainly newer; it replaces ours.
    pub updated: usize,
    /// Deals on both boards where ours is kept without a conflict: the same, or ours is newer.
    pub unchanged: usize,
    /// Deals both sides changed differently (neither version is newer in both revision and
    /// time). Resolved all the same, by the rules above; `conflict_ids` says which.
    pub conflicts: usize,
    /// The conflicting deals, sorted by id.
    pub conflict_ids: Vec<DealId>,
    /// Of the conflicts, how many the incoming version won.
    pub conflicts_won_by_incoming: usize,
    /// Local deals removed because the incoming board deleted them.
    pub deleted: usize,
    /// Incoming deals not added because they were deleted here (after their last change).
    pub stays_deleted: usize,
    /// Each incoming stage, in the incoming order.
    pub stages: Vec<StageMatch>,
    /// What happened to the targets.
    pub targets: TargetMergeReport,
}

impl MergeReport {
    /// How many incoming stages were matched in this way.
    pub fn stages_matched(&self, how: StageMatchKind) -> usize {
        self.stages.iter().filter(|s| s.how == how).count()
    }

    /// True when merging would leave the local deals as they are.
    pub fn changes_nothing(&self) -> bool {
        self.new == 0
            && self.updated == 0
            && self.deleted == 0
            && self.conflicts_won_by_incoming == 0
            && self.stages_matched(StageMatchKind::Added) == 0
            && self.targets == TargetMergeReport::default()
    }
}

/// What merging would do, without keeping the result (for the preview).
pub fn preview(local: &Board, incoming: &Board) -> MergeReport {
    merge(local, incoming).report
}

/// Merges `incoming` into `local`. Local keeps its settings, its stage order and its stage
/// names; incoming stages that match none of ours are appended.
pub fn merge(local: &Board, incoming: &Board) -> Merged {
    let stages = match_stages(&local.stages, &incoming.stages);
    let mut report = MergeReport {
        stages: stages.matches.clone(),
        ..MergeReport::default()
    };

    // Tombstones: union, latest time per id; ours first in our order, then the new ones.
    let deleted = union_tombstones(&local.deleted, &incoming.deleted);
    let deleted_at: FxHashMap<&DealId, Timestamp> = deleted.iter().map(|t| (&t.id, t.at)).collect();

    let ours = latest_by_id(&local.deals, &stages.local_map);
    let theirs = latest_by_id(&incoming.deals, &stages.incoming_map);

    // Deals: ours in our order (replaced in place or removed), then new ones in their order.
    let mut deals = Vec::with_capacity(ours.len() + theirs.len());
    let mut seen: FxHashSet<&DealId> = FxHashSet::default();
    for deal in &local.deals {
        if !seen.insert(&deal.id) {
            continue;
        }
        let mine: &Deal = &ours[&deal.id];
        let other: Option<&Deal> = theirs.get(&deal.id).map(|d| &**d);
        let tombstone = deleted_at.get(&deal.id).copied();
        let winner = resolve(Some(mine), other, tombstone);
        match (other, winner) {
            (_, None) => report.deleted += 1,
            (None, Some(w)) => deals.push(w.clone()),
            (Some(other), Some(w)) => {
                let incoming_won = !std::ptr::eq(w, mine) && w != mine;
                let alive = |d: &Deal| tombstone.is_none_or(|t| d.updated > t);
                if mine == other {
                    report.unchanged += 1;
                } else if alive(mine) && alive(other) && is_conflict(mine, other) {
                    report.conflicts += 1;
                    report.conflict_ids.push(deal.id.clone());
                    if incoming_won {
                        report.conflicts_won_by_incoming += 1;
                    }
                } else if incoming_won {
                    report.updated += 1;
                } else {
                    report.unchanged += 1;
                }
                deals.push(w.clone());
            }
        }
    }
    for deal in &incoming.deals {
        if !seen.insert(&deal.id) {
            continue;
        }
        let tombstone = deleted_at.get(&deal.id).copied();
        match resolve(None, theirs.get(&deal.id).map(|d| &**d), tombstone) {
            Some(w) => {
                report.new += 1;
                deals.push(w.clone());
            }
            None => report.stays_deleted += 1,
        }
    }
    sort(&mut report.conflict_ids);
    let (targets, deleted_targets, targets_report) = merge_targets(
        (&local.targets, &local.deleted_targets),
        (&incoming.targets, &incoming.deleted_targets),
    );
    report.targets = targets_report;

    Merged {
        board: Board {
            stages: stages.merged,
            deals: deals.into(),
            deleted,
            settings: local.settings.clone(),
            targets,
            deleted_targets,
            positions: Default::default(),
        },
        report,
    }
}

/// Both versions changed and neither is newer in both revision and time.
fn is_conflict(a: &Deal, b: &Deal) -> bool {
    let newer = |x: &Deal, y: &Deal| x.revision > y.revision && x.updated >= y.updated;
    a != b && !newer(a, b) && !newer(b, a)
}

/// The version that survives: of those changed after the deletion (if any), the newest.
fn resolve<'a>(
    a: Option<&'a Deal>,
    b: Option<&'a Deal>,
    deleted: Option<Timestamp>,
) -> Option<&'a Deal> {
    let alive = |d: &&Deal| deleted.is_none_or(|t| d.updated > t);
    match (a.filter(alive), b.filter(alive)) {
        (Some(a), Some(b)) => Some(if newest(a, b) == Ordering::Less { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A total order on versions of one deal: the later change wins (update time), then the one
/// changed more often (revision), then content — so the order never depends on which side
/// is local.
fn newest(a: &Deal, b: &Deal) -> Ordering {
    newest_version(a, b, |d| (d.updated, d.revision))
}

/// A record's content as text, to order two versions of it with the same stamp: its JSON in
/// a snapshot (`io::board_write` writes it), so that every build orders them alike.
pub(crate) trait Content {
    fn content(&self) -> String;
}

/// The order of two versions of one record (deal or target): its `(updated, revision)`
/// stamp, then its content, so that ties never depend on argument order.
pub(crate) fn newest_version<T: Content + PartialEq>(
    a: &T,
    b: &T,
    stamp: impl Fn(&T) -> (Timestamp, u32),
) -> Ordering {
    stamp(a).cmp(&stamp(b)).then_with(|| {
        if a == b {
            Ordering::Equal
        } else {
            a.content().cmp(&b.content())
        }
    })
}

/// Each deal id once, at its newest version, with stage ids mapped to the merged stages
/// (borrowed unless a stage id changes, so a large board is not copied twice).
fn latest_by_id<'a>(
    deals: &'a [Deal],
    stage_map: &FxHashMap<StageId, StageId>,
) -> FxHashMap<&'a DealId, Cow<'a, Deal>> {
    let mut out: FxHashMap<&DealId, Cow<'a, Deal>> =
        FxHashMap::with_capacity_and_hasher(deals.len(), Default::default());
    for deal in deals {
        let deal_mapped = remap(deal, stage_map);
        match out.get(&deal.id) {
            Some(kept) if newest(kept, &deal_mapped) != Ordering::Less => {}
            _ => {
                out.insert(&deal.id, deal_mapped);
            }
        }
    }
    out
}

fn remap<'a>(deal: &'a Deal, stage_map: &FxHashMap<StageId, StageId>) -> Cow<'a, Deal> {
    let moves = |stage: &StageId| stage_map.contains_key(stage);
    if !moves(&deal.stage) && !deal.history.iter().any(|v| moves(&v.stage)) {
        return Cow::Borrowed(deal);
    }
    let mut deal = deal.clone();
    if let Some(to) = stage_map.get(&deal.stage) {
        deal.stage = to.clone();
    }
    for visit in &mut deal.history {
        if let Some(to) = stage_map.get(&visit.stage) {
            visit.stage = to.clone();
        }
    }
    Cow::Owned(deal)
}

fn union_tombstones(local: &[Tombstone], incoming: &[Tombstone]) -> Vec<Tombstone> {
    let mut out: Vec<Tombstone> = Vec::with_capacity(local.len() + incoming.len());
    let mut index: FxHashMap<DealId, usize> =
        FxHashMap::with_capacity_and_hasher(local.len() + incoming.len(), Default::default());
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

struct StageMatching {
    /// Local stages (canonical ids) in local order, then the added incoming ones.
    merged: Vec<Stage>,
    matches: Vec<StageMatch>,
    /// Local stage ids that change (matched by name to a smaller incoming id).
    local_map: FxHashMap<StageId, StageId>,
    /// Incoming stage ids that change (matched by name to a smaller local id).
    incoming_map: FxHashMap<StageId, StageId>,
}

/// The key stages are matched on by name.
fn name_key(name: &str) -> String {
    lowercase(name.trim())
}

/// Matches stages by id, then by name. Among stages with the same name on both sides, the
/// n-th smallest id on one side pairs with the n-th smallest on the other: a rule that reads
/// the same from either side.
fn match_stages(local: &[Stage], incoming: &[Stage]) -> StageMatching {
    let local_ids: FxHashSet<&StageId> = local.iter().map(|s| &s.id).collect();
    let incoming_ids: FxHashSet<&StageId> = incoming.iter().map(|s| &s.id).collect();

    // Unmatched-by-id stages grouped by name (sorted by name), ids sorted. A sorted list
    // rather than a `BTreeMap`, whose code would be compiled for this one use (several kB of
    // wasm); a board has a handful of stages.
    let group = |stages: &[Stage], other: &FxHashSet<&StageId>| {
        let mut groups: Vec<(String, Vec<StageId>)> = Vec::new();
        let mut seen = FxHashSet::default();
        for s in stages {
            if !other.contains(&s.id) && seen.insert(&s.id) {
                let name = name_key(&s.name);
                let at = match groups.binary_search_by(|(n, _)| n.cmp(&name)) {
                    Ok(at) => at,
                    Err(at) => {
                        groups.insert(at, (name, Vec::new()));
                        at
                    }
                };
                groups[at].1.push(s.id.clone());
            }
        }
        for (_, ids) in &mut groups {
            sort(ids);
        }
        groups
    };
    let local_groups = group(local, &incoming_ids);
    let incoming_groups = group(incoming, &local_ids);

    // incoming id -> (local id, canonical id)
    let mut by_name: FxHashMap<StageId, (StageId, StageId)> = FxHashMap::default();
    let mut local_map = FxHashMap::default();
    let mut incoming_map = FxHashMap::default();
    for (name, theirs) in &incoming_groups {
        let Ok(at) = local_groups.binary_search_by(|(n, _)| n.cmp(name)) else {
            continue;
        };
        let ours = &local_groups[at].1;
        for (mine, other) in ours.iter().zip(theirs) {
            let canonical = mine.min(other).clone();
            if &canonical != mine {
                local_map.insert(mine.clone(), canonical.clone());
            }
            if &canonical != other {
                incoming_map.insert(other.clone(), canonical.clone());
            }
            by_name.insert(other.clone(), (mine.clone(), canonical));
        }
    }

    let mut merged: Vec<Stage> = Vec::with_capacity(local.len() + incoming.len());
    let mut merged_ids: FxHashSet<StageId> = FxHashSet::default();
    for stage in local {
        let mut stage = stage.clone();
        if let Some(to) = local_map.get(&stage.id) {
            stage.id = to.clone();
        }
        if merged_ids.insert(stage.id.clone()) {
            merged.push(stage);
        }
    }
    let mut matches = Vec::with_capacity(incoming.len());
    for stage in incoming {
        let (merged_id, how) = if local_ids.contains(&stage.id) {
            (stage.id.clone(), StageMatchKind::ById)
        } else if let Some((_, canonical)) = by_name.get(&stage.id) {
            (canonical.clone(), StageMatchKind::ByName)
        } else {
            if merged_ids.insert(stage.id.clone()) {
                merged.push(stage.clone());
            }
            (stage.id.clone(), StageMatchKind::Added)
        };
        matches.push(StageMatch {
            incoming: stage.id.clone(),
            name: stage.name.clone(),
            merged: merged_id,
            how,
        });
    }
    StageMatching {
        merged,
        matches,
        local_map,
        incoming_map,
    }
}
