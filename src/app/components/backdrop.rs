//! What a press on a modal dialog's backdrop does when it does not close the dialog.

use leptos::ev::MouseEvent;

/// Keeps the focus where it was when the press lands on the backdrop itself: otherwise the
/// browser moves it to the page's body, outside the dialog, and Escape no longer reaches the
/// dialog's key handler.
pub fn keep_focus(ev: MouseEvent) {
    if ev.target() == ev.current_target() {
        ev.prevent_default();
    }
}
