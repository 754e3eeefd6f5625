//! Files in and out: export downloads, and reading a chosen or dropped file into the import
//! dialog. What a file holds is decided by the pure readers in `io`; nothing changes on the
//! board until the user confirms in the dialog.

use crate::app::clock;
use crate::app::download::{download, download_parts, FileParts};
use crate::app::js_error::js_error_text;
use crate::app::state::{display_stage_name, AppState, Dialog};
use crate::app::tasks::next_task;
use crate::domain::lowercase::lowercase;
use crate::i18n::Key;
use crate::io::capacity;
use crate::io::csv::{deals_to_csv, parse_csv, CsvTable};
use crate::io::import::Imported;
use crate::io::snapshot::{encode_pretty_in_pieces, RestoreError};
use crate::io::staged::{Progress, StagedImport};
use crate::io::store;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// A file read and waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub enum PendingImport {
    /// A large snapshot still being read: `percent` of its bytes so far. `read` tells this
    /// reading from another one started since (a second file dropped meanwhile).
    Reading {
        file: String,
        percent: u8,
        read: u32,
    },
    /// Nothing can be imported; every problem with its place.
    Failed { file: String, problems: Vec<String> },
    /// A Dealboard snapshot: replace or merge.
    Snapshot {
        file: String,
        /// Shared, not copied: the dialog signal and the dialog both hold it, and a large
        /// board takes a while to copy.
        imported: Arc<Imported>,
    },
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

/// How much of an export's text is made before it is copied out of the wasm.
const EXPORT_PIECE_BYTES: usize = 1 << 20;

/// Downloads the board as a readable JSON snapshot. The indented text is copied out a piece
/// at a time, so the wasm never holds all of it besides the compact text.
pub fn export_json(state: AppState) {
    let mut parts = FileParts::new();
    state.board.with_untracked(|b| {
        encode_pretty_in_pieces(b, clock::now(), EXPORT_PIECE_BYTES, &mut |piece| {
            parts.push(piece)
        })
    });
    let _ = download_parts(
        &format!("dealboard-{}.json", today()),
        &parts,
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

/// Reads `file` and opens the import dialog with what it holds. A snapshot is read in slices
/// of about `SLICE_MS` with the page free in between, and the dialog shows how far it got.
pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let read = NEXT_READ.fetch_add(1, Ordering::Relaxed);
    // A large file shows its progress at once, while the browser hands it over: the user sees
    // it is being read, and the dialog is drawn while the page would wait anyway (~40–80 ms
    // for 27 MB) instead of after the first slice of reading.
    let shown = file.size() >= SHOW_READING_FROM_BYTES;
    if shown {
        show_reading(state, read, &name, 0);
    }
    leptos::task::spawn_local(async move {
        let handed_over = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        if shown && !still_reading(state, read) {
            return; // closed while the browser read the file, or another file came since
        }
        // The copy into the wasm's memory counts towards the first slice of reading.
        let started = js_sys::Date::now();
        let bytes = match handed_over {
            // Bytes, not `file.text()`: no UTF-16 round trip for a 25 MB file, and a snapshot's
            // reader checks them as UTF-8 in one pass.
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(err) => {
                let why = js_error_text(&err);
                let message = state
                    .lang
                    .get_untracked()
                    .fill(Key::FileUnreadable, &[&why]);
                let failed = PendingImport::Failed {
                    file: name,
                    problems: vec![message],
                };
                state.dialog.set(Some(Dialog::Import(Box::new(failed))));
                return;
            }
        };
        let pending = if is_csv(&name, &bytes) {
            read_csv(&name, &String::from_utf8_lossy(&bytes))
        } else {
            match read_in_slices(state, read, &name, bytes, started).await {
                Some(pending) => pending,
                None => return, // the user closed the dialog while it was reading
            }
        };
        state.dialog.set(Some(Dialog::Import(Box::new(pending))));
    });
}

/// How long one slice of reading may keep the page busy: under the 50 ms at which the
/// browser counts a "long task", so reading a large file makes none. Measured on 50,000 deals
/// (eleventh session, five imports each, two rounds): 70 ms slices took 407–418 ms in all
/// with tasks of 70–81 ms; 45 ms slices 396–415 ms, none of them long; the longest task left
/// is the Replace that paints the new board (56–73 ms).
const SLICE_MS: f64 = 45.0;

/// Files of this many bytes or more show the reading dialog before they are handed over; a
/// smaller one is read before a dialog could be drawn, and would only flash it.
const SHOW_READING_FROM_BYTES: f64 = 1_000_000.0;

/// Numbers each reading, so that one knows its dialog from a later reading's.
static NEXT_READ: AtomicU32 = AtomicU32::new(0);

/// Shows (or updates) reading `read`'s dialog.
fn show_reading(state: AppState, read: u32, name: &str, percent: u8) {
    let reading = PendingImport::Reading {
        file: name.to_string(),
        percent,
        read,
    };
    state.dialog.set(Some(Dialog::Import(Box::new(reading))));
}

/// True while reading `read`'s dialog is open: closing it (or a later reading taking its
/// place) stops the reading.
fn still_reading(state: AppState, read: u32) -> bool {
    state.dialog.with_untracked(|d| {
        matches!(d, Some(Dialog::Import(p))
            if matches!(**p, PendingImport::Reading { read: r, .. } if r == read))
    })
}

/// Reads a snapshot with `StagedImport`, showing progress; `None` when the user closed the
/// progress dialog (which cancels the read). The first slice is the rest of the task that
/// copied the file in at `started` (a task of its own for the copy was one more pause).
async fn read_in_slices(
    state: AppState,
    read: u32,
    name: &str,
    bytes: Vec<u8>,
    mut started: f64,
) -> Option<PendingImport> {
    let mut job = StagedImport::new(bytes);
    loop {
        let percent = loop {
            match job.step(200) {
                Progress::Reading { done, total } => {
                    // All read: the check of the whole board that comes next gets a task of
                    // its own, so that it does not lengthen this one.
                    if js_sys::Date::now() - started >= SLICE_MS || done == total {
                        break (done * 100 / total.max(1)).min(99) as u8;
                    }
                }
                Progress::Done(done) => {
                    let imported = match *done {
                        Ok(imported) => imported,
                        Err(err) => return Some(failed(name, err)),
                    };
                    return Some(PendingImport::Snapshot {
                        file: name.to_string(),
                        imported: Arc::new(imported),
                    });
                }
            }
        };
        show_reading(state, read, name, percent);
        next_task().await;
        // The user can close the dialog only while the page is free: after a pause, before
        // the next slice (the last pause too, whose next step finishes the read).
        if !still_reading(state, read) {
            return None;
        }
        started = js_sys::Date::now();
    }
}

/// What the imported board would take in storage, written in slices like the reading (on a
/// large board writing it all takes longer than a frame); `None` when `stop` says so between
/// slices, which lets go of `imported`.
pub async fn stored_units_in_slices(
    imported: Arc<Imported>,
    stop: impl Fn() -> bool,
) -> Option<usize> {
    let mut encoder = store::Encoder::new(&imported.board);
    loop {
        let started = js_sys::Date::now();
        let mut written = false;
        while !written && js_sys::Date::now() - started < SLICE_MS {
            written = encoder.step(500);
        }
        next_task().await;
        if stop() {
            return None;
        }
        if written {
            // Putting the text together and counting it in a task of its own: at the end of
            // a full slice it made a task of ~90 ms on 50,000 deals.
            return Some(capacity::units(&encoder.finish(0)));
        }
    }
}

/// A file that cannot be imported, with every problem and its place.
fn failed(name: &str, err: RestoreError) -> PendingImport {
    let problems = match err {
        RestoreError::Invalid(problems) => problems.iter().map(|p| p.to_string()).collect(),
        err => vec![err.to_string()],
    };
    PendingImport::Failed {
        file: name.to_string(),
        problems,
    }
}

/// A `.csv` name, or a file that does not start like JSON (after a byte order mark and
/// spaces).
fn is_csv(name: &str, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    lowercase(name).ends_with(".csv") || first != Some(&b'{')
}

/// A CSV file read into its table (or why it cannot be).
fn read_csv(name: &str, text: &str) -> PendingImport {
    let file = name.to_string();
    match parse_csv(text) {
        Ok(table) => PendingImport::Csv { file, table },
        Err(err) => PendingImport::Failed {
            file,
            problems: vec![err.to_string()],
        },
    }
}
