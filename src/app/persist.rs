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
        if let Some(handle) = pending.get_value() {
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
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
    let on_pagehide = Closure::<dyn Fn()>::new(flush);
    let _ = window().add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();
}

/// Writes the board now and reports the result in the banners.
pub fn save_now(state: AppState) {
    let text = state.board.with_untracked(|board| encode(board, clock::now()));
    match storage::save(&text) {
        Ok(()) => state.drop_banners(|b| !matches!(b, Banner::Quota | Banner::SaveFailed(_))),
        Err(SaveError::Quota) => state.show_banner(Banner::Quota),
        Err(SaveError::Unavailable) => state.show_banner(Banner::Unavailable),
        Err(SaveError::Other(why)) => state.show_banner(Banner::SaveFailed(why)),
    }
}
