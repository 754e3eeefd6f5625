//! The browser side: state, storage and components.

pub mod address;
pub mod clock;
pub mod components;
pub mod dialog_focus;
pub mod download;
pub mod drag;
pub mod files;
pub mod js_error;
pub mod moves;
pub mod persist;
pub mod replace;
pub mod shortcuts;
pub mod state;
pub mod storage;
pub mod sync;
pub mod tasks;
pub mod undo;
pub mod view_memo;

use crate::domain::board::Board;
use crate::i18n::Lang;
use crate::io::snapshot::RestoreError;
use components::{shown_or, Banners, BoardHeader, Dialogs, Pipeline, TargetsView, UndoToast};
use leptos::prelude::*;
use state::{AppState, Banner};
use storage::Loaded;

/// The whole app: loads the board, provides the state, and lays out the page.
#[component]
pub fn App() -> impl IntoView {
    crate::domain::lowercase::set_non_ascii(js_lowercase);
    let lang = initial_lang();
    let (board, banners, can_save) = initial_board(lang);
    let state = AppState::new(board, lang, banners);
    provide_context(state);
    persist::start(state, can_save);
    remember_lang(state, can_save);
    shortcuts::install(state);
    sync::install(state);
    address::install(state);
    dialog_focus::install(state);
    clock::follow_day(state.today);
    follow_today(state);
    let drag_view = drag::DragView::new();
    provide_context(drag_view);
    drag::install(state, drag_view);
    view! {
        <div
            class="app"
            on:dragover=move |ev| if components::carries_files(&ev) { ev.prevent_default() }
            on:drop=move |ev| { components::drop_files(state, &ev); }
        >
            <Banners/>
            <BoardHeader/>
            {shown_or(move || state.show_targets.get(), || view! { <TargetsView/> }, || view! { <Pipeline/> }.into_any())}
            <Dialogs/>
            <UndoToast/>
            <drag::DragGhost/>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || state.announcement.get()}
            </div>
        </div>
    }
}

/// JavaScript's `toLowerCase`: Unicode's full lower-case mapping, as `str::to_lowercase`, for
/// the pure code's comparisons (`domain::lowercase`) without Rust's case tables in the wasm.
fn js_lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// The stored choice, else the browser's language.
fn initial_lang() -> Lang {
    let stored = storage::read(storage::LANG_KEY);
    let browser = window().navigator().language();
    stored
        .or(browser)
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// The board to start on, the banners to show, and whether saving is allowed.
fn initial_board(lang: Lang) -> (Board, Vec<Banner>, bool) {
    let names = move |preset| lang.stage_name(preset);
    match storage::load() {
        Loaded::Board(board) => (board, Vec::new(), true),
        Loaded::Missing => (lang.sample_board(clock::now()), Vec::new(), true),
        Loaded::Unreadable { error, backup_key } => {
            let newer = matches!(error, RestoreError::Newer { .. });
            // Without a backup the unreadable text still sits under the board key only:
            // never write over it.
            let can_save = backup_key.is_some();
            let banner = Banner::Unreadable {
                detail: error.to_string(),
                backup_key,
                newer,
            };
            (Board::with_default_stages(names), vec![banner], can_save)
        }
        Loaded::Unavailable => (
            lang.sample_board(clock::now()),
            vec![Banner::Unavailable],
            false,
        ),
    }
}

/// Keeps `<html lang>` and the stored choice in step with the language.
fn remember_lang(state: AppState, can_save: bool) {
    // Stored only once the user picks one (not on first load), so until then the browser's
    // language keeps deciding.
    Effect::new(move |first: Option<()>| {
        let lang = state.lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        if can_save && first.is_some() {
            let _ = storage::write(storage::LANG_KEY, lang.tag());
        }
    });
}

/// Keeps the filter's day at today: the view's off-track counts and filter follow it, so at
/// midnight the board shows the deals that went off track overnight. (The cards follow the
/// day through their keys: `StageColumn`.)
fn follow_today(state: AppState) {
    Effect::new(move |_| {
        let today = state.today.get();
        if state.filter.with_untracked(|f| f.today != today) {
            state.filter.update(|f| f.today = today);
        }
    });
}
