//! The compact form the board takes in localStorage. The browser gives a site about 5 million
//! UTF-16 units there, and the readable snapshot spends ~550 of them per deal, mostly on keys
//! and on repeated owners, products, regions and stage ids: 9,400 deals filled it. Here a deal
//! is an array in a fixed order, every text but the id is an index into one table of distinct
//! strings, and times after `created` are differences from it (wrapping, so any value
//! survives). About 155 units per deal, so 10,000 deals use under a third of the quota. Lossless: `decode(encode(b)) == b`.
//!
//! Only the app writes this form, and only to storage; files people share stay readable
//! snapshots (`snapshot::encode_pretty`). `snapshot::restore` and file import recognise both.
//! The layout belongs to board format version 3: a version 4 that changes the deal must keep a
//! reader for these rows.

mod encode;
mod rank;
mod read;

pub use encode::{encode, Encoder};

use crate::domain::board::{Board, Timestamp};
use crate::io::json_read::ErrorKind;
use crate::io::json_scan::problem_at;
use crate::io::snapshot::RestoreError;
use crate::io::validate::{validate, Problem};

/// The `format` of the stored form; always the first field, so it is recognised cheaply.
pub const STORE_FORMAT: &str = "dealboard-store";

/// True when `text` is in the stored form (what `encode` writes starts with its format).
pub fn is_stored_form(text: &str) -> bool {
    let head = text.get(..40).unwrap_or(text);
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .strip_prefix("{\"format\":\"")
        .is_some_and(|rest| {
            rest.starts_with(STORE_FORMAT) && rest[STORE_FORMAT.len()..].starts_with('"')
        })
}

/// Reads the stored form back: types first (with the place of the first problem), then every
/// row's string indexes, then the board's own checks.
pub fn decode(text: &str) -> Result<(Board, Timestamp), RestoreError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut problems = Vec::new();
    let stored = read::stored(text, &mut problems).map_err(|e| match e.kind {
        ErrorKind::Syntax(_) => RestoreError::NotJson(e.describe(text)),
        // Text that is not JSON is reported as such, as for snapshots (whose envelope is
        // checked whole first), even when a problem comes before the place it breaks.
        ErrorKind::Data(_) if let Err(broken) = read::check_json(text) => {
            RestoreError::NotJson(broken.describe(text))
        }
        ErrorKind::Data(_) => {
            let problem = problem_at(text, &e);
            let path = match problem.path.strip_prefix("board.") {
                Some(path) => path.to_string(),
                None => problem.path,
            };
            RestoreError::Invalid(vec![Problem::new(path, problem.message)])
        }
    })?;
    let Some(board) = stored.board else {
        return Err(RestoreError::Newer {
            version: stored.version,
        });
    };
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    let problems = validate(&board);
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    Ok((board, stored.saved_at))
}
