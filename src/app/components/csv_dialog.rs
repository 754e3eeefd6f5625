//! CSV import: each column is matched to a deal field (guessed from its header, correctable),
//! the first rows are previewed, then the valid rows are added (or, when their Id names a deal
//! on the board, update it) in one undoable step and the rows with errors are listed by line
//! number.

use crate::app::clock;
use crate::app::components::html::{list_items, tag};
use crate::app::state::{display_stage_name, use_app};
use crate::domain::board::DealId;
use crate::domain::command::Command;
use crate::i18n::csv_issues::field_key;
use crate::i18n::Key;
use crate::io::csv::{apply_import, guess_mapping, import_rows, Applied, CsvTable, Field};
use leptos::prelude::*;

/// How many rows the preview shows.
const PREVIEW_ROWS: usize = 5;

/// The result of an import: how many deals were added and what was left out.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    added: usize,
    updated: usize,
    unchanged: usize,
    errors: Vec<String>,
    notes: Vec<String>,
}

/// Mapping, preview and result of a CSV import.
#[component]
pub fn CsvImportDialog(file: String, table: CsvTable) -> impl IntoView {
    let state = use_app();
    let mapping = RwSignal::new(guess_mapping(&table.headers));
    let outcome = RwSignal::new(None::<Outcome>);
    let table = StoredValue::new(table);
    let run = Callback::new(move |_: ()| {
        let lang = state.lang.get_untracked();
        let mut board = state.board.get_untracked();
        let result = table.with_value(|t| {
            mapping.with_untracked(|m| {
                import_rows(
                    t,
                    m,
                    &board,
                    &board.settings.default_currency.clone(),
                    |s| display_stage_name(s, lang),
                )
            })
        });
        let errors = result.errors.iter().map(|e| lang.csv_issue(e)).collect();
        let notes = result.notes.iter().map(|n| lang.csv_issue(n)).collect();
        let Applied {
            added,
            updated,
            unchanged,
        } = apply_import(
            &mut board,
            result,
            || DealId(clock::new_id("d")),
            clock::now(),
        );
        // One undoable step for the whole file.
        if added + updated > 0 {
            let _ = state.dispatch(Command::ReplaceBoard(Box::new(board)));
        }
        state.announcement.set(lang.fill(Key::ImportDone, &[&file]));
        outcome.set(Some(Outcome {
            added,
            updated,
            unchanged,
            errors,
            notes,
        }));
    });
    let headers = table.with_value(|t| t.headers.clone());
    // Read-only, so written as HTML text (`html`): less wasm than a table of views.
    let preview = table.with_value(|t| {
        let mut html = String::from("<table><thead><tr>");
        for h in &t.headers {
            tag(&mut html, "th", "th", h);
        }
        html.push_str("</tr></thead><tbody>");
        for row in t.rows.iter().take(PREVIEW_ROWS) {
            html.push_str("<tr>");
            for c in &row.cells {
                tag(&mut html, "td", "td", c);
            }
            html.push_str("</tr>");
        }
        html + "</tbody></table>"
    });
    let column_choice = move |(i, header): (usize, String)| {
        let label = state.text(move |l| l.fill(Key::CsvColumnFor, &[&header]));
        view! {
            <label class="csv-column">
                <span>{label}</span>
                <select
                    data-column=i
                    on:change:target=move |ev| {
                        let picked = ev.target().value().parse::<usize>().ok().and_then(|n| Field::ALL.get(n).copied());
                        mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = picked });
                    }
                >
                    <option value="" selected=move || mapping.with(|m| m.get(i).copied().flatten().is_none())>{state.tr(Key::CsvIgnore)}</option>
                    {Field::ALL.iter().enumerate().map(|(n, &f)| view! {
                        <option value=n.to_string() selected=move || mapping.with(|m| m.get(i).copied().flatten() == Some(f))>{state.tr(field_key(f))}</option>
                    }.into_any()).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        {move || match outcome.get() {
            None => view! {
                <div class="csv-mapping">{headers.clone().into_iter().enumerate().map(&column_choice).collect_view()}</div>
                <h3>{state.tr(Key::CsvPreview)}</h3>
                <div class="csv-preview" inner_html=preview.clone()></div>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| state.dialog.set(None)>{state.tr(Key::Cancel)}</button>
                    <button type="button" class="primary" on:click=move |_| run.run(())>{state.tr(Key::CsvImportRows)}</button>
                </div>
            }.into_any(),
            Some(done) => view! {
                <p role="status" data-testid="csv-added">
                    // Each count that is not zero; "0 deals imported." when all are.
                    {state.text(move |l| {
                        let counts = [(done.added, Key::CsvAdded), (done.updated, Key::CsvUpdated), (done.unchanged, Key::CsvUnchanged)];
                        let said: Vec<String> = counts.iter().filter(|(n, _)| *n > 0).map(|&(n, key)| l.count(n as i64, key)).collect();
                        if said.is_empty() { l.count(0, Key::CsvAdded) } else { said.join(" ") }
                    })}
                </p>
                {(!done.errors.is_empty()).then(|| view! {
                    <div role="alert" class="import-problems">
                        <p>{state.tr(Key::CsvErrors)}</p>
                        <ul data-testid="csv-errors" inner_html=list_items(&done.errors, false)></ul>
                    </div>
                }.into_any())}
                {(!done.notes.is_empty()).then(|| view! {
                    <div class="import-warnings">
                        <p>{state.tr(Key::CsvNotes)}</p>
                        <ul inner_html=list_items(&done.notes, false)></ul>
                    </div>
                }.into_any())}
                <div class="dialog-actions">
                    <button type="button" class="primary" autofocus on:click=move |_| state.dialog.set(None)>{state.tr(Key::Close)}</button>
                </div>
            }.into_any(),
        }}
    }
}
