//! The keyboard shortcuts, opened with `?`.

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
    let close = move || state.dialog.set(None);
    // Read-only: written as HTML text (`html`), in the language of the moment.
    let shortcuts = move || {
        let mut html = String::new();
        for (keys, key) in SHORTCUTS {
            tag(&mut html, "div><dt><kbd", "kbd></dt", keys);
            tag(&mut html, "dd", "dd></div", state.t(key));
        }
        html
    };
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="dialog-backdrop" on:click=move |_| close()>
            <div
                class="dialog help-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="help-title"
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }
            >
                <h2 id="help-title">{state.tr(Key::HelpTitle)}</h2>
                <dl class="shortcuts" inner_html=shortcuts></dl>
                <div class="dialog-actions">
                    <button type="button" class="primary" node_ref=button on:click=move |_| close()>{state.tr(Key::Close)}</button>
                </div>
            </div>
        </div>
    }
}
