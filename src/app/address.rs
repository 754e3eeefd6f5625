//! Keeps the page's address in step with what is shown (`io::view_link`): read when the app
//! starts and when the user changes the part after `#` (a link followed, the address edited),
//! and written whenever the search, a filter or the page changes. Written by replacing the
//! history entry, so Back leaves the app rather than stepping through every keystroke.

use crate::app::state::AppState;
use crate::io::view_link::ViewLink;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Shows the view the address names, then follows both ways.
pub fn install(state: AppState) {
    show_address(state);
    let handle = window_event_listener_untyped("hashchange", move |_| show_address(state));
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        let targets = state.show_targets.get();
        let link = state.filter.with(|f| ViewLink::of(f, targets)).write();
        write_address(&link);
    });
}

/// Narrows the board to what the address names (values as the board spells them).
fn show_address(state: AppState) {
    let hash = window().location().hash().unwrap_or_default();
    let link = state.board.with_untracked(|b| ViewLink::read(&hash, b));
    state.filter.maybe_update(|filter| {
        let before = filter.clone();
        link.apply_to(filter);
        *filter != before
    });
    if state.show_targets.get_untracked() != link.targets {
        state.show_targets.set(link.targets);
    }
}

fn write_address(link: &str) {
    let location = window().location();
    let wanted = if link.is_empty() {
        String::new()
    } else {
        format!("#{link}")
    };
    if location.hash().unwrap_or_default() == wanted {
        return;
    }
    // No view: the address without any `#`, not an empty one.
    let url = if wanted.is_empty() {
        let path = location.pathname().unwrap_or_default();
        path + &location.search().unwrap_or_default()
    } else {
        wanted
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
