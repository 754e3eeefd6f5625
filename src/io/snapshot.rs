//! The envelope every saved or exported board travels in, and the one restore function that
//! both start-up and file import use.

use crate::domain::board::{Board, Deal, Timestamp};
use crate::io::json_indent::{indent, indent_in_pieces};
use crate::io::json_scan::problem_at;
use crate::io::migrate::{migrate, CURRENT_VERSION};
use crate::io::store;
use crate::io::validate::{validate, Problem};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The `format` field that marks a Dealboard snapshot.
pub const FORMAT: &str = "dealboard";

/// The app's version, written into every snapshot.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    saved_at: Timestamp,
    app_version: &'static str,
    board: &'a Board,
}

/// The board wrapped in the current envelope, as compact JSON.
pub fn encode(board: &Board, saved_at: Timestamp) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: CURRENT_VERSION,
        saved_at,
        app_version: APP_VERSION,
        board,
    };
    // Room for about the whole text at once: grown by doubling from nothing, a 50,000-deal
    // board's ~27 MB took ~60 MB of the wasm's memory (which never shrinks) on export.
    let mut out = Vec::with_capacity(4096 + board.deals.len() * BYTES_PER_DEAL);
    serde_json::to_writer(&mut out, &envelope).expect("a board always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// About what a deal takes in the compact text (the benchmark's deals: ~550 bytes).
const BYTES_PER_DEAL: usize = 600;

/// The same, indented for people to read (file export), as `to_string_pretty` would write it
/// (`json_indent` says why it is not written with that).
pub fn encode_pretty(board: &Board, saved_at: Timestamp) -> String {
    indent(&encode(board, saved_at))
}

/// `encode_pretty`'s text in pieces of about `piece` bytes (`json_indent::indent_in_pieces`).
pub fn encode_pretty_in_pieces(
    board: &Board,
    saved_at: Timestamp,
    piece: usize,
    emit: &mut dyn FnMut(&str),
) {
    indent_in_pieces(&encode(board, saved_at), piece, emit)
}

/// A board read back, with what its envelope said.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub board: Board,
    /// The format version the text was written in (before migration).
    pub version: u32,
    pub saved_at: Option<Timestamp>,
}

/// Why a text could not be restored. The text itself is never changed by trying.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a Dealboard snapshot.
    Foreign(String),
    /// Written by a newer version of the app than this one.
    Newer { version: u32 },
    /// A Dealboard snapshot with problems, each with where it is.
    Invalid(Vec<Problem>),
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::NotJson(e) => write!(f, "not JSON: {e}"),
            RestoreError::Foreign(why) => write!(f, "not a Dealboard snapshot: {why}"),
            RestoreError::Newer { version } => write!(
                f,
                "format version {version}, this app reads up to version {CURRENT_VERSION}"
            ),
            RestoreError::Invalid(problems) => {
                let shown: Vec<String> = problems.iter().take(3).map(|p| p.to_string()).collect();
                write!(f, "{}", shown.join("; "))?;
                if problems.len() > 3 {
                    write!(f, "; and {} more", problems.len() - 3)?;
                }
                Ok(())
            }
        }
    }
}

/// Reads a snapshot (or the stored form, `io::store`): checks the envelope, migrates older versions, then checks the board in
/// full. Nothing is returned unless all of it is good.
pub fn restore(text: &str) -> Result<Restored, RestoreError> {
    if store::is_stored_form(text) {
        let (board, saved_at) = store::decode(text)?;
        return Ok(Restored {
            board,
            version: CURRENT_VERSION,
            saved_at: Some(saved_at),
        });
    }
    let opened = open_envelope(text)?;
    let board = decode_board(opened.board)?;
    let problems = validate(&board);
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    Ok(Restored {
        board,
        version: opened.version,
        saved_at: opened.saved_at,
    })
}

/// A snapshot's envelope, checked and migrated to the current version; the board is still
/// plain JSON (shared by `restore` and file import).
pub(crate) struct Opened {
    pub board: Value,
    pub version: u32,
    pub saved_at: Option<Timestamp>,
}

/// Parses `text`, checks format and version, and migrates it to the current version.
pub(crate) fn open_envelope(text: &str) -> Result<Opened, RestoreError> {
    // As text, like the stepped import's deals: one JSON reader in the wasm, not two.
    let mut root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| RestoreError::NotJson(e.to_string()))?;
    let object = root
        .as_object()
        .ok_or_else(|| RestoreError::Foreign("the top level is not an object".into()))?;
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => return Err(RestoreError::Foreign(format!("format is {other:?}"))),
        None => return Err(RestoreError::Foreign("it has no \"format\" field".into())),
    }
    let version = match object.get("version").and_then(Value::as_u64) {
        Some(v) if (1..=u32::MAX as u64).contains(&v) => v as u32,
        _ => {
            let problem = Problem::new("version", "expected a positive whole number");
            return Err(RestoreError::Invalid(vec![problem]));
        }
    };
    if version > CURRENT_VERSION {
        return Err(RestoreError::Newer { version });
    }
    let saved_at = object.get("saved_at").and_then(Value::as_i64);
    migrate(&mut root, version).map_err(|p| RestoreError::Invalid(vec![p]))?;
    let board = root
        .get_mut("board")
        .map(Value::take)
        .unwrap_or(Value::Null);
    Ok(Opened {
        board,
        version,
        saved_at,
    })
}

/// Turns the board's JSON into a `Board`. When that fails, every deal is checked on its own
/// and deals pointing at stages that do not exist are named too, so the user sees all the
/// problems of a file at once, each with its place, not only the first.
pub(crate) fn decode_board(value: Value) -> Result<Board, RestoreError> {
    // Read from text, not from the `Value`: serde_json's text reader is the one the stepped
    // import and the stored form use, so the deserialisers are compiled once, and its errors
    // say where they are (`json_scan::problem_at`).
    let text = serde_json::to_string(&value).expect("JSON values always serialise");
    let first = match serde_json::from_str::<Board>(&text) {
        Ok(board) => return Ok(board),
        Err(e) => problem_at(&text, &e),
    };
    let mut problems = Vec::new();
    let deals = value
        .get("deals")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, deal) in deals.iter().enumerate() {
        let text = serde_json::to_string(deal).expect("JSON values always serialise");
        if let Err(e) = serde_json::from_str::<Deal>(&text) {
            let problem = problem_at(&text, &e);
            let path = match problem.path.as_str() {
                "board" => format!("deals[{i}]"),
                field => format!("deals[{i}].{field}"),
            };
            problems.push(Problem::new(path, problem.message));
        }
    }
    let stage_ids: Vec<&str> = value
        .get("stages")
        .and_then(Value::as_array)
        .map(|stages| {
            stages
                .iter()
                .filter_map(|s| s.get("id")?.as_str())
                .collect()
        })
        .unwrap_or_default();
    for (i, deal) in deals.iter().enumerate() {
        if let Some(stage) = deal.get("stage").and_then(Value::as_str) {
            if !stage_ids.contains(&stage) {
                problems.push(Problem::new(
                    format!("deals[{i}].stage"),
                    format!("no stage has id {stage:?}"),
                ));
            }
        }
    }
    if !problems.contains(&first) {
        problems.insert(0, first);
    }
    Err(RestoreError::Invalid(problems))
}
