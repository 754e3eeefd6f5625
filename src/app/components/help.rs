//! The keyboard shortcuts, opened with `?`.

use crate::app::components::closable::closable_dialog;
use crate::app::components::html::tag;
use crate::app::state::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// (keys, what they do)
const SHORTCUTS: [(&str, Key); 10] = [
    ("/", Key::SearchLabel),
    ("N", Key::NewDeal),
    ("Enter", Key::HelpOpenDeal),
    ("M", Key::HelpOpenMenu),
    ("Alt + ↑ / ↓", Key::HelpMoveWithin),
    ("Alt + ← / →", Key::HelpMoveStage),
    ("Alt + Home", Key::MoveToTop),
    ("Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z", Key::HelpUndo),
    ("Esc", Key::HelpCancelDrag),
    ("⇱", Key::HelpDrag),
];

/// The shortcuts dialog.
#[component]
pub fn HelpDialog() -> impl IntoView {
    let state = use_app();
    // Read-only: written as HTML text (`html`), in the language of the moment.
    let shortcuts = move || {
        let mut html = String::new();
        for (keys, key) in SHORTCUTS {
            tag(&mut html, "div><dt><kbd", "kbd></dt", keys);
            tag(&mut html, "dd", "dd></div", state.t(key));
        }
        html
    };
    let heading = state.tr(Key::HelpTitle).into_any();
    let body = view! { <dl class="shortcuts" inner_html=shortcuts></dl> }.into_any();
    closable_dialog(state, "dialog help-dialog", heading, body, NodeRef::new())
}
