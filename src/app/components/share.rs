//! Export (JSON snapshot, CSV) and Import (a file input; files can also be dropped on the
//! board, see `drop_files`).

use crate::app::files::{export_csv, export_json, open_file};
use crate::app::state::{use_app, AppState};
use crate::i18n::Key;
use leptos::prelude::*;

/// The export and import controls of the header.
#[component]
pub fn ShareButtons() -> impl IntoView {
    let state = use_app();
    view! {
        // Two exports side by side: each says what its file is for.
        <button title=state.tr(Key::ExportHint) on:click=move |_| export_json(state)>{state.tr(Key::Export)}</button>
        <button title=state.tr(Key::ExportCsvHint) on:click=move |_| export_csv(state)>{state.tr(Key::ExportCsv)}</button>
        <label class="button file-button">
            {state.tr(Key::Import)}
            <input
                type="file"
                class="visually-hidden"
                accept=".json,.csv,application/json,text/csv"
                aria-label=state.tr(Key::Import)
                on:change:target=move |ev| {
                    let input = ev.target();
                    if let Some(file) = input.files().and_then(|files| files.get(0)) {
                        open_file(state, file);
                    }
                    // Choosing the same file again must fire `change` again.
                    input.set_value("");
                }
            />
        </label>
    }
}

/// Handles a file dropped anywhere on the app. Returns true when it took the drop.
pub fn drop_files(state: AppState, ev: &web_sys::DragEvent) -> bool {
    let file = ev
        .data_transfer()
        .and_then(|dt| dt.files())
        .and_then(|files| files.get(0));
    match file {
        Some(file) => {
            ev.prevent_default();
            open_file(state, file);
            true
        }
        None => false,
    }
}

/// True when a drag carries files (so the page must accept the drop instead of navigating).
pub fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}
