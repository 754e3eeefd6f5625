//! Board-wide keys (`/` search, `n` new deal, `?` help, Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z
//! redo; ignored while typing) and
//! the click outside that closes a card menu.

use crate::app::state::{AppState, Dialog};
use crate::domain::lowercase::lowercase;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the search box, which `/` focuses.
pub const SEARCH_ID: &str = "deal-search";

/// Listens for the board-wide shortcut keys.
pub fn install(state: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing(&ev) || state.dialog.with_untracked(Option::is_some) {
            return;
        }
        // Ctrl on Windows and Linux, Cmd on macOS. In text fields the browser's own undo runs.
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() {
            match lowercase(&ev.key()).as_str() {
                "z" if ev.shift_key() => state.redo(),
                "z" => state.undo(),
                "y" => state.redo(),
                _ => return,
            }
            ev.prevent_default();
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "?" => {
                ev.prevent_default();
                state.dialog.set(Some(Dialog::Help));
            }
            "/" => {
                ev.prevent_default();
                if let Some(el) = document().get_element_by_id(SEARCH_ID) {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            "n" => {
                ev.prevent_default();
                let first = state
                    .board
                    .with_untracked(|b| b.stages.first().map(|s| s.id.clone()));
                if let Some(stage) = first {
                    state.dialog.set(Some(Dialog::NewDeal { stage }));
                }
            }
            _ => {}
        }
    });
    // A click anywhere else closes an open card menu (clicks inside a menu stop there).
    let outside = window_event_listener(leptos::ev::click, move |_| {
        if state.open_menu.get_untracked().is_some() {
            state.open_menu.set(None);
        }
    });
    on_cleanup(move || {
        handle.remove();
        outside.remove();
    });
}

/// True when the key went to a text field.
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.has_attribute("contenteditable")
}
