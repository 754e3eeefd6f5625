//! Keeps storage in step with the board: saves ~300 ms after the last change, and at once
//! when the page is hidden or closed, so a quick edit before closing the tab is not lost.

use crate::app::clock;
use crate::app::state::{AppState, Banner};
use crate::app::storage::{self, SaveError};
use crate::io::snapshot::encode;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after the last change the board is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Starts saving changes of `state.board`. `enabled` is false when storage must not be
/// written (blocked, or an unreadable board could not be backed up).
pub fn start(state: AppState, enabled: bool) {
    if !enabled {
        return;
    }
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let flush = move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.set_value(None);
            save_now(state);
        }
    };
    // The first run only subscribes: the board was just loaded and needs no write.
    Effect::new(move |first: Option<()>| {
        state.board.track();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                save_now(state);
            },
            SAVE_DELAY,
        );
        pending.set_value(handle.ok());
    });
    // Flush when the page is hidden or closed; removed again when the app unmounts.
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let on_hide_fn: js_sys::Function = on_hide.into_js_value().unchecked_into();
    let _ = document().add_event_listener_with_callback("visibilitychange", &on_hide_fn);
    let pagehide = window_event_listener_untyped("pagehide", move |_| flush());
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback("visibilitychange", &on_hide_fn);
        pagehide.remove();
    });
}

/// Writes the board now and reports the result in the banners.
pub fn save_now(state: AppState) {
    let Some(text) = state
        .board
        .try_with_untracked(|board| encode(board, clock::now()))
    else {
        return; // the app was unmounted
    };
    match storage::save(&text) {
        Ok(()) => state.drop_banners(|b| !matches!(b, Banner::Quota | Banner::SaveFailed(_))),
        Err(SaveError::Quota) => state.show_banner(Banner::Quota),
        Err(SaveError::Unavailable) => state.show_banner(Banner::Unavailable),
        Err(SaveError::Other(why)) => state.show_banner(Banner::SaveFailed(why)),
    }
}
