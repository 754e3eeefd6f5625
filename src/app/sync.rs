//! Keeps open tabs in step. A save in one tab fires a `storage` event in the others; each
//! merges what was saved into its own board (deal by deal, newest revision wins, deletions
//! kept), so two tabs editing different deals never lose each other's work. Merged changes
//! are not added to this tab's undo history: a tab only undoes its own steps.
//! Stages and settings have no revisions: the tab that saved last decides them.

use crate::app::state::AppState;
use crate::app::storage::BOARD_KEY;
use crate::domain::board::{Board, Deal, DealId, StageId};
use crate::domain::merge::merge;
use crate::io::snapshot::restore;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Listens for boards saved by other tabs.
pub fn install(state: AppState) {
    let handle = window_event_listener_untyped("storage", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if ev.key().as_deref() != Some(BOARD_KEY) {
            return;
        }
        // Text another tab could not have written well (or a cleared key) changes nothing here.
        let Some(Ok(theirs)) = ev.new_value().map(|text| restore(&text)) else {
            return;
        };
        let (mut same_stamp, mut merged_in) = (false, false);
        state.settle_history();
        state.board.maybe_update(|ours| {
            let merged = adopt_layout(merge(ours, &theirs.board).board, &theirs.board);
            let changed = merged != *ours;
            if changed {
                // A merge can touch any deal: the view recomputes.
                state.changes.update_value(|c| c.mark_unknown());
                same_stamp = changed_under_same_stamp(ours, &merged);
                merged_in = true;
                *ours = merged;
            }
            changed
        });
        if merged_in {
            state.progress_moved();
        }
        if same_stamp {
            state.render_epoch.update(|e| *e += 1);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Takes the other tab's stages and settings (it saved last), and puts any deal whose stage
/// it removed into its first stage, so the merged board stays whole.
fn adopt_layout(mut merged: Board, theirs: &Board) -> Board {
    merged.stages = theirs.stages.clone();
    merged.settings = theirs.settings.clone();
    if let Some(first) = merged.stages.first().map(|s| s.id.clone()) {
        let known: Vec<StageId> = merged.stages.iter().map(|s| s.id.clone()).collect();
        for deal in merged
            .deals
            .iter_mut()
            .filter(|d| !known.contains(&d.stage))
        {
            deal.stage = first.clone();
        }
    }
    merged
}

/// True when a deal's content changed but its revision and update time did not: two tabs
/// changed it in the same millisecond, and the card key cannot see the difference.
fn changed_under_same_stamp(before: &Board, after: &Board) -> bool {
    let stamps: rustc_hash::FxHashMap<&DealId, &Deal> =
        before.deals.iter().map(|d| (&d.id, d)).collect();
    after.deals.iter().any(|d| {
        stamps
            .get(&d.id)
            .is_some_and(|old| old.revision == d.revision && old.updated == d.updated && *old != d)
    })
}
