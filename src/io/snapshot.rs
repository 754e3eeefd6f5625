//! The envelope every saved or exported board travels in, and the one restore function that
//! both start-up and file import use.

use crate::domain::board::{Board, Timestamp};
use crate::domain::quote::quoted;
use crate::io::json_indent::{indent, indent_in_pieces};
use crate::io::json_read::{JsonError, Number, Reader};
use crate::io::json_scan::problem_at;
use crate::io::json_write::Object;
use crate::io::migrate::CURRENT_VERSION;
use crate::io::store;
use crate::io::validate::{validate, Problem};
use crate::io::{board_read, board_write};
use std::fmt;

/// The `format` field that marks a Dealboard snapshot.
pub const FORMAT: &str = "dealboard";

/// The app's version, written into every snapshot.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The board wrapped in the current envelope, as compact JSON.
pub fn encode(board: &Board, saved_at: Timestamp) -> String {
    // Room for about the whole text at once: grown by doubling from nothing, a 50,000-deal
    // board's ~27 MB took ~60 MB of the wasm's memory (which never shrinks) on export.
    let mut out = String::with_capacity(4096 + board.deals.len() * BYTES_PER_DEAL);
    let mut o = Object::new(&mut out);
    o.string("format", FORMAT);
    o.int("version", i64::from(CURRENT_VERSION));
    o.int("saved_at", saved_at);
    o.string("app_version", APP_VERSION);
    board_write::board(o.key("board"), board);
    o.end();
    out
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

/// Reads a snapshot (or the stored form, `io::store`): checks the envelope, reads the board as
/// its version wrote it (`io::migrate`), then checks the board in full. Nothing is returned
/// unless all of it is good.
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
    let board = decode_board(opened.board, opened.version)?;
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

/// A snapshot's envelope, checked: where its board is, and the version to read it as.
pub(crate) struct Opened<'a> {
    /// The `board` member's text (`null` when there is none).
    pub board: &'a str,
    pub version: u32,
    pub saved_at: Option<Timestamp>,
}

/// Checks that `text` is JSON, then its format and version.
pub(crate) fn open_envelope(text: &str) -> Result<Opened<'_>, RestoreError> {
    let text = text.trim_start_matches('\u{feff}');
    let not_json = |e: JsonError| RestoreError::NotJson(e.describe(text));
    // One walk checks all of the text and picks out the envelope's members; the board is
    // read afterwards, as the version says.
    let mut r = Reader::new(text, 0);
    if r.peek() != Some(b'{') {
        r.skip().and_then(|_| r.end()).map_err(not_json)?;
        return Err(RestoreError::Foreign(
            "the top level is not an object".into(),
        ));
    }
    // No board reads as `null`: "board: expected an object, found null".
    let (mut format, mut version, mut saved_at, mut board) = (None, None, None, "null");
    r.object(&mut |r, key| {
        let start = r.at;
        match key {
            "format" if r.peek() == Some(b'"') => format = Some(r.string()?),
            // Checked below: a version that is not a number is a problem, not broken JSON.
            "version" | "saved_at" if matches!(r.peek(), Some(b'-' | b'0'..=b'9')) => {
                let number = Some(r.number()?);
                match key {
                    "version" => version = number,
                    _ => saved_at = number,
                }
            }
            "board" => {
                r.skip()?;
                board = &r.text()[start..r.at];
            }
            _ => r.skip()?,
        }
        Ok(())
    })
    .and_then(|_| r.end())
    .map_err(not_json)?;
    match format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(RestoreError::Foreign(format!(
                "format is {}",
                quoted(other)
            )))
        }
        None => return Err(RestoreError::Foreign("it has no \"format\" field".into())),
    }
    let version = match version {
        Some(Number::Whole(v)) if (1..=u32::MAX as i128).contains(&v) => v as u32,
        _ => {
            let problem = Problem::new("version", "expected a positive whole number");
            return Err(RestoreError::Invalid(vec![problem]));
        }
    };
    if version > CURRENT_VERSION {
        return Err(RestoreError::Newer { version });
    }
    let saved_at = match saved_at {
        Some(Number::Whole(t)) => i64::try_from(t).ok(),
        _ => None,
    };
    Ok(Opened {
        board,
        version,
        saved_at,
    })
}

/// Reads the board's text as format `version`. When that fails, every deal is read on its
/// own and deals pointing at stages that do not exist are named too, so the user sees all the
/// problems of a file at once, each with its place, not only the first.
pub(crate) fn decode_board(text: &str, version: u32) -> Result<Board, RestoreError> {
    let mut r = Reader::new(text, 0);
    let first = match board_read::board(&mut r, version) {
        Ok(board) => return Ok(board),
        Err(e) => problem_at(text, &e),
    };
    let mut problems = Vec::new();
    let (deals, stage_ids) = deals_and_stage_ids(text);
    for (i, deal) in deals.iter().enumerate() {
        if let Err(e) = board_read::deal(&mut Reader::new(deal, 0), version) {
            let problem = problem_at(deal, &e);
            let path = match problem.path.as_str() {
                "board" => format!("deals[{i}]"),
                field => format!("deals[{i}].{field}"),
            };
            problems.push(Problem::new(path, problem.message));
        }
    }
    for (i, deal) in deals.iter().enumerate() {
        let stage = member(deal, "stage");
        if let Some(stage) = stage.filter(|s| !stage_ids.contains(s)) {
            problems.push(Problem::new(
                format!("deals[{i}].stage"),
                format!("no stage has id {}", quoted(&stage)),
            ));
        }
    }
    if !problems.contains(&first) {
        problems.insert(0, first);
    }
    Err(RestoreError::Invalid(problems))
}

/// The text of each element of the board's `deals`, and the string ids of its `stages`
/// (whatever else is wrong with them).
fn deals_and_stage_ids(board: &str) -> (Vec<&str>, Vec<String>) {
    let (mut deals, mut stage_ids) = (Vec::new(), Vec::new());
    let mut r = Reader::new(board, 0);
    // Whatever else is wrong: a member of another kind is passed over, a repeated one counts
    // as the last (as a reader of JSON takes it).
    let _ = r.object(&mut |r, key| match key {
        "deals" | "stages" if r.peek() == Some(b'[') => {
            let is_deals = key == "deals";
            match is_deals {
                true => deals.clear(),
                false => stage_ids.clear(),
            }
            r.array(&mut |r| {
                let start = r.at;
                r.skip()?;
                match is_deals {
                    true => deals.push(&board[start..r.at]),
                    false => stage_ids.extend(member(&board[start..r.at], "id")),
                }
                Ok(())
            })
        }
        _ => r.skip(),
    });
    (deals, stage_ids)
}

/// The string member `key` of the object `text`, when it has one.
fn member(text: &str, key: &str) -> Option<String> {
    let mut found = None;
    let _ = Reader::new(text, 0).object(&mut |r, k| {
        if k == key && r.peek() == Some(b'"') {
            found = Some(r.string()?);
            return Ok(());
        }
        r.skip()
    });
    found
}
