//! Keyboard focus for every dialog, in one place: when a dialog opens, focus goes into it
//! (unless the dialog put it on a field of its own); Tab and Shift+Tab stay inside it; when it
//! closes and focus was left on nothing, it goes back to the control that opened it. So
//! Escape always reaches the open dialog, and a keyboard user is never dropped to the page top.

use crate::app::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What can take focus in a dialog, `autofocus` first.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), [href], [tabindex]:not([tabindex=\"-1\"])";

/// Follows the open dialog.
pub fn install(state: AppState) {
    let opener = StoredValue::new_local(None::<HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let open = state.dialog.with(Option::is_some);
        if open && was_open != Some(true) {
            opener.set_value(focused());
            request_animation_frame(|| {
                if let Some(dialog) = open_dialog() {
                    if !focused().is_some_and(|f| dialog.contains(Some(&f))) {
                        focus_first(&dialog, "[autofocus]");
                    }
                }
            });
        } else if !open && was_open == Some(true) {
            request_animation_frame(move || {
                let lost = focused().is_none_or(|f| f == document().body().unwrap_or(f.clone()));
                if let Some(el) = opener.get_value().filter(|el| lost && el.is_connected()) {
                    let _ = el.focus();
                }
            });
        }
        open
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Tab" && state.dialog.with_untracked(Option::is_some) {
            if let Some(dialog) = open_dialog() {
                keep_tab_inside(&dialog, &ev);
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Tab from the last control goes to the first, Shift+Tab from the first to the last, and Tab
/// from outside the dialog (a click on the backdrop) into it.
fn keep_tab_inside(dialog: &Element, ev: &web_sys::KeyboardEvent) {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.get_bounding_client_rect().width() > 0.0)
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let at = focused();
    let inside = at.as_ref().is_some_and(|f| dialog.contains(Some(f)));
    let wrap_to = if !inside {
        Some(first)
    } else if ev.shift_key() && at.as_ref() == Some(first) {
        Some(last)
    } else if !ev.shift_key() && at.as_ref() == Some(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        ev.prevent_default();
        let _ = target.focus();
    }
}

fn open_dialog() -> Option<Element> {
    document().query_selector(".dialog").ok().flatten()
}

fn focused() -> Option<HtmlElement> {
    document().active_element()?.dyn_into::<HtmlElement>().ok()
}

/// Focuses the first match of `preferred`, else the first control.
fn focus_first(dialog: &Element, preferred: &str) {
    let found = dialog
        .query_selector(preferred)
        .ok()
        .flatten()
        .or_else(|| dialog.query_selector(FOCUSABLE).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether the main pointer is a finger (a phone or tablet), not a mouse.
pub fn touch_screen() -> bool {
    window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
