//! What an imported file holds, and the user's choice: for a snapshot Replace (confirmed,
//! undoable) or Merge (after a preview); for CSV the column mapping (csv_dialog.rs). A file
//! with errors lists them and changes nothing.

use crate::app::components::backdrop::keep_focus;
use crate::app::components::csv_dialog::CsvImportDialog;
use crate::app::components::html::list_items;
use crate::app::files::{stored_units_in_slices, PendingImport};
use crate::app::state::{use_app, AppState, Measured};
use crate::app::storage;
use crate::app::tasks::{after_paint, next_task};
use crate::domain::columns::{board_view, BoardView};
use crate::domain::command::Command;
use crate::domain::filter::DealFilter;
use crate::domain::merge::{merge, MergeReport, Merged, StageMatchKind};
use crate::domain::targets::merge::TargetMergeReport;
use crate::i18n::Key;
use crate::io::capacity::{self, Room};
use crate::io::import::Imported;
use crate::io::store;
use leptos::prelude::*;
use std::sync::Arc;

/// The import dialog for a file that was read.
#[component]
pub fn ImportDialog(pending: PendingImport) -> impl IntoView {
    let state = use_app();
    let close = move || state.dialog.set(None);
    let (file, body) = match pending {
        PendingImport::Failed { file, problems } => {
            (file, view! { <Problems problems/> }.into_any())
        }
        PendingImport::Reading { file, percent, .. } => {
            (file.clone(), view! { <Reading file percent/> }.into_any())
        }
        PendingImport::Snapshot { file, imported } => (
            file.clone(),
            view! { <SnapshotChoice file imported/> }.into_any(),
        ),
        PendingImport::Csv { file, table } => (
            file.clone(),
            view! { <CsvImportDialog file table/> }.into_any(),
        ),
    };
    let title = state.text(move |l| l.fill(Key::ImportTitle, &[&file]));
    view! {
        <div class="dialog-backdrop" on:mousedown=keep_focus>
            <div
                tabindex="-1"
                class="dialog import-dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="import-title"
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }
            >
                <h2 id="import-title">{title}</h2>
                {body}
            </div>
        </div>
    }
}

/// The reasons a file was refused.
#[component]
fn Problems(problems: Vec<String>) -> impl IntoView {
    let state = use_app();
    view! {
        <div role="alert" class="import-problems">
            <p>{state.tr(Key::ImportFailed)}</p>
            <ul inner_html=list_items(&problems, true)></ul>
        </div>
        <div class="dialog-actions">
            <button type="button" class="primary" autofocus on:click=move |_| state.dialog.set(None)>{state.tr(Key::Close)}</button>
        </div>
    }
}

/// How far a large file has been read; closing the dialog stops the reading.
#[component]
fn Reading(file: String, percent: u8) -> impl IntoView {
    let state = use_app();
    let text = state.text(move |l| l.fill(Key::ImportReading, &[&file, &percent.to_string()]));
    view! {
        <p id="import-progress-label">{text}</p>
        <progress max="100" value=percent.to_string() aria-labelledby="import-progress-label"></progress>
        <div class="dialog-actions">
            <button type="button" on:click=move |_| state.dialog.set(None)>{state.tr(Key::Cancel)}</button>
        </div>
    }
}

/// The warning, if any, about how a board of `stored_units` would fit in storage.
fn capacity_warning(state: AppState, stored_units: usize) -> Option<impl IntoView> {
    let board_units = stored_units + capacity::units(storage::BOARD_KEY);
    let (key, percent) = match capacity::room(board_units, storage::units_besides_board()) {
        Room::Fits => return None,
        Room::Nearly { percent } => (Key::ImportNearlyFull, percent),
        Room::Over { percent } => (Key::ImportTooBig, percent),
    };
    let text = state.text(move |l| l.fill(key, &[&percent.to_string()]));
    Some(view! { <p role="alert" class="import-capacity">{text}</p> }.into_any())
}

/// Which step of the snapshot choice is shown.
#[derive(Clone, Copy, PartialEq)]
enum Choice {
    Ask,
    ConfirmReplace,
    PreviewMerge,
}

/// Replace or merge a snapshot.
#[component]
fn SnapshotChoice(file: String, imported: Arc<Imported>) -> impl IntoView {
    let state = use_app();
    let choice = RwSignal::new(Choice::Ask);
    let saved = imported
        .saved_at
        .map(|ms| {
            let iso: String = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
                .to_iso_string()
                .into();
            iso.replace('T', " ").chars().take(16).collect::<String>()
        })
        .unwrap_or_else(|| "?".into());
    let counts = (
        imported.board.deals.len().to_string(),
        imported.board.stages.len().to_string(),
    );
    let summary = state.text(move |l| l.fill(Key::ImportSummary, &[&counts.0, &counts.1, &saved]));
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    let measured = imported.clone();
    let incoming = StoredValue::new(imported);
    // What the board would take in storage, measured while the user reads the choice (on a
    // large file that takes a while, and the choice need not wait for it); the warning
    // shows once known. Stops when the dialog goes or Replace takes the board.
    let stored_units = RwSignal::new(None::<usize>);
    // The board's view too, so that Replace only has to show it (on a large board working it
    // out takes a good part of a frame budget).
    let ready: StoredValue<Option<Box<(DealFilter, BoardView)>>> = StoredValue::new(None);
    leptos::task::spawn_local(async move {
        after_paint().await; // the dialog first
        if incoming.is_disposed() {
            return;
        }
        let view = state
            .filter
            .with_untracked(|f| (f.clone(), board_view(&measured.board, f)));
        ready.try_set_value(Some(Box::new(view)));
        next_task().await; // the measuring below in tasks of its own
        if incoming.is_disposed() {
            return;
        }
        let units = stored_units_in_slices(measured, move || incoming.is_disposed()).await;
        if let Some(units) = units {
            stored_units.try_set(Some(units));
        }
    });
    // Merged once, when the merge preview opens: on a large board merging takes a while, and
    // Replace does not need it.
    let merged: StoredValue<Option<Merged>> = StoredValue::new(None);
    let merge_once = move || {
        if merged.with_value(Option::is_none) {
            let result = state
                .board
                .with_untracked(|b| incoming.with_value(|theirs| merge(b, &theirs.board)));
            merged.set_value(Some(result));
        }
    };
    let done = move || {
        state.dialog.set(None);
        state
            .announcement
            .set(state.lang.get_untracked().fill(Key::ImportDone, &[&file]));
    };
    let done_replace = done.clone();
    let replace = Callback::new(move |_: ()| {
        // Moved, not copied: the dialog closes with this, so the signal's share of the file
        // is let go first (untracked: nothing re-renders until `done`).
        state.dialog.update_untracked(|d| *d = None);
        let Some(imported) = incoming.try_get_value() else {
            return;
        };
        incoming.dispose();
        let ready = ready.try_update_value(Option::take).flatten();
        let done_replace = done_replace.clone();
        let replace_with = move |imported: Arc<Imported>| {
            let board = Arc::unwrap_or_clone(imported).board;
            let deals = board.deals.len();
            state.replace_imported(board, ready);
            let units = stored_units.try_get_untracked().flatten();
            state
                .measured
                .set_value(units.map(|units| Measured { deals, units }));
            done_replace();
        };
        if Arc::strong_count(&imported) == 1 {
            replace_with(imported);
        } else {
            // The size is still being measured: it stops at its next slice and lets go of
            // the board, so the board is moved, not copied.
            leptos::task::spawn_local(async move {
                next_task().await;
                replace_with(imported);
            });
        }
    });
    let apply_merge = Callback::new(move |_: ()| {
        merge_once();
        let Some(result) = merged.try_update_value(Option::take).flatten() else {
            return;
        };
        if state
            .dispatch(Command::ReplaceBoard(Box::new(result.board)))
            .is_ok()
        {
            done();
        }
    });
    let preview = move || {
        merge_once();
        merged.with_value(|m| {
            let m = m.as_ref().expect("merged above");
            (
                m.report.clone(),
                capacity::units(&store::encode(&m.board, 0)),
            )
        })
    };
    view! {
        <p>{summary}</p>
        {(!warnings.is_empty()).then(|| view! {
            <div class="import-warnings">
                <p>{state.tr(Key::ImportWarnings)}</p>
                <ul inner_html=list_items(&warnings, true)></ul>
            </div>
        }.into_any())}
        {move || match choice.get() {
            Choice::Ask => view! {
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| state.dialog.set(None)>{state.tr(Key::Cancel)}</button>
                    <button type="button" on:click=move |_| choice.set(Choice::ConfirmReplace)>{state.tr(Key::ImportReplace)}</button>
                    <button type="button" class="primary" on:click=move |_| choice.set(Choice::PreviewMerge)>{state.tr(Key::ImportMerge)}</button>
                </div>
            }.into_any(),
            Choice::ConfirmReplace => view! {
                <p role="alert">{state.tr(Key::ImportReplaceConfirm)}</p>
                {move || stored_units.get().and_then(|units| capacity_warning(state, units)).into_any()}
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| choice.set(Choice::Ask)>{state.tr(Key::Back)}</button>
                    <button type="button" class="danger" on:click=move |_| replace.run(())>{state.tr(Key::ImportReplace)}</button>
                </div>
            }.into_any(),
            Choice::PreviewMerge => {
                let (report, units) = preview();
                view! {
                    <MergePreview report/>
                    {capacity_warning(state, units)}
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| choice.set(Choice::Ask)>{state.tr(Key::Back)}</button>
                        <button type="button" class="primary" on:click=move |_| apply_merge.run(())>{state.tr(Key::MergeApply)}</button>
                    </div>
                }
            }.into_any(),
        }}
    }
}

/// What merging would do: deals new, updated, unchanged, in conflict, removed; stage matches;
/// targets added, updated, removed (when any are).
#[component]
fn MergePreview(report: MergeReport) -> impl IntoView {
    let state = use_app();
    let r = report.clone();
    let merge_text = state.text(move |l| {
        let n = |v: usize| v.to_string();
        l.fill(
            Key::MergePreview,
            &[
                &n(r.new),
                &n(r.updated),
                &n(r.unchanged),
                &n(r.conflicts),
                &n(r.deleted),
            ],
        )
    });
    let targets = report.targets.clone();
    let target_text = (targets != TargetMergeReport::default()).then(|| {
        state.text(move |l| {
            let n = |v: usize| v.to_string();
            l.fill(
                Key::MergeTargets,
                &[&n(targets.new), &n(targets.updated), &n(targets.deleted)],
            )
        })
    });
    let stage_text = state.text(move |l| {
        let n = |k| report.stages_matched(k).to_string();
        l.fill(
            Key::MergeStages,
            &[
                &n(StageMatchKind::ById),
                &n(StageMatchKind::ByName),
                &n(StageMatchKind::Added),
            ],
        )
    });
    view! {
        <div class="merge-preview" data-testid="merge-preview">
            <p>{merge_text}</p>
            <p>{stage_text}</p>
            {target_text.map(|text| view! { <p>{text}</p> }.into_any())}
        </div>
    }
}
