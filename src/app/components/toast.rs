//! The brief notice after a move or deletion, with an Undo button.

use crate::app::state::use_app;
use crate::i18n::Key;
use leptos::prelude::*;

/// Shows the current toast, if any.
#[component]
pub fn UndoToast() -> impl IntoView {
    let state = use_app();
    move || {
        state.toast.get().map(|toast| {
            let deal = toast.deal;
            let undo = move |_| state.undo_to(deal.clone());
            view! {
                <div class="toast">
                    <span>{toast.text}</span>
                    <button type="button" on:click=undo>{state.tr(Key::Undo)}</button>
                    <button type="button" class="toast-close" aria-label=state.tr(Key::Dismiss) on:click=move |_| state.toast.set(None)>"×"</button>
                </div>
            }.into_any()
        })
        .into_any()
    }
}
