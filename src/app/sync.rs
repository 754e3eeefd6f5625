//! Keeps open tabs in step. A save in one tab fires a `storage` event in the others; each
//! merges what was saved into its own board (deal by deal, newest revision wins, deletions
//! kept), so two tabs editing different deals never lose each other's work. Merged changes
//! are not added to this tab's undo history: a tab only undoes its own steps.

use crate::app::state::AppState;
use crate::app::storage::BOARD_KEY;
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
        state.board.maybe_update(|ours| {
            let merged = merge(ours, &theirs.board).board;
            let changed = merged != *ours;
            if changed {
                *ours = merged;
            }
            changed
        });
    });
    on_cleanup(move || handle.remove());
}
