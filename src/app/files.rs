//! Files in and out: export downloads, and reading a chosen or dropped file into the import
//! dialog. What a file holds is decided by the pure readers in `io`; nothing changes on the
//! board until the user confirms in the dialog.

use crate::app::clock;
use crate::app::download::download;
use crate::app::state::{display_stage_name, AppState, Dialog};
use crate::i18n::Key;
use crate::io::csv::{deals_to_csv, parse_csv, CsvTable};
use crate::io::import::{read_import, Imported};
use crate::io::snapshot::{encode_pretty, RestoreError};
use leptos::prelude::*;

/// A file read and waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingImport {
    /// Nothing can be imported; every problem with its place.
    Failed { file: String, problems: Vec<String> },
    /// A Dealboard snapshot: replace or merge.
    Snapshot { file: String, imported: Imported },
    /// A CSV table: map its columns, then import the valid rows.
    Csv { file: String, table: CsvTable },
}

/// Today in the user's time zone as `YYYY-MM-DD`, for file names.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Downloads the board as a readable JSON snapshot.
pub fn export_json(state: AppState) {
    let text = state
        .board
        .with_untracked(|b| encode_pretty(b, clock::now()));
    let _ = download(
        &format!("dealboard-{}.json", today()),
        &text,
        "application/json",
    );
}

/// Downloads the deals as CSV for spreadsheets.
pub fn export_csv(state: AppState) {
    let lang = state.lang.get_untracked();
    let text = state
        .board
        .with_untracked(|b| deals_to_csv(b, |s| display_stage_name(s, lang)));
    let _ = download(
        &format!("dealboard-deals-{}.csv", today()),
        &text,
        "text/csv;charset=utf-8",
    );
}

/// Reads `file` and opens the import dialog with what it holds.
pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        let pending = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => classify(&name, &text.as_string().unwrap_or_default()),
            Err(err) => {
                let why = format!("{err:?}");
                let message = state
                    .lang
                    .get_untracked()
                    .fill(Key::FileUnreadable, &[&why]);
                PendingImport::Failed {
                    file: name,
                    problems: vec![message],
                }
            }
        };
        state.dialog.set(Some(Dialog::Import(Box::new(pending))));
    });
}

/// A `.csv` name, or text that does not start like JSON, is read as CSV; the rest as a snapshot.
pub fn classify(name: &str, text: &str) -> PendingImport {
    let file = name.to_string();
    let looks_like_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{');
    if name.to_lowercase().ends_with(".csv") || !looks_like_json {
        return match parse_csv(text) {
            Ok(table) => PendingImport::Csv { file, table },
            Err(err) => PendingImport::Failed {
                file,
                problems: vec![err.to_string()],
            },
        };
    }
    match read_import(text) {
        Ok(imported) => PendingImport::Snapshot { file, imported },
        Err(RestoreError::Invalid(problems)) => PendingImport::Failed {
            file,
            problems: problems.iter().map(|p| p.to_string()).collect(),
        },
        Err(err) => PendingImport::Failed {
            file,
            problems: vec![err.to_string()],
        },
    }
}
