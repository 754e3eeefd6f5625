//! The frame of a dialog that shows something and closes (the shortcuts, the next steps):
//! a click outside, Escape or its Close button closes it, and the focus starts on Close.

use crate::app::state::AppState;
use crate::i18n::Key;
use leptos::prelude::*;

/// A modal dialog of `class` ("dialog help-dialog") with `heading` and `body`. `close_button`
/// is its Close button, for a body that must put the focus back on it.
pub fn closable_dialog(
    state: AppState,
    class: &'static str,
    heading: AnyView,
    body: AnyView,
    close_button: NodeRef<leptos::html::Button>,
) -> AnyView {
    let close = move || state.dialog.set(None);
    Effect::new(move |_| {
        if let Some(b) = close_button.get() {
            let _ = b.focus();
        }
    });
    view! {
        <div class="dialog-backdrop" on:click=move |_| close()>
            <div
                class=class
                role="dialog"
                aria-modal="true"
                aria-labelledby="dialog-title"
                on:click=|ev| ev.stop_propagation()
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }
            >
                <h2 id="dialog-title">{heading}</h2>
                {body}
                <div class="dialog-actions">
                    <button type="button" class="primary" node_ref=close_button on:click=move |_| close()>{state.tr(Key::Close)}</button>
                </div>
            </div>
        </div>
    }
    .into_any()
}
