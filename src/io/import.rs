//! Reading a snapshot FILE the user chose. The checks are those of `restore` (envelope,
//! version, migration, types, references), with two differences that suit files passed
//! between people rather than our own storage:
//!
//! - a deal id used more than once is renamed (`d-1` → `d-1-2`, the next free one) and reported
//!   as a warning instead of refusing the file;
//! - everything else wrong is an error with its place, and then nothing is returned.
//!
//! Fields this version does not know are ignored (serde's default), so a file from a sibling
//! build with extra data still imports. The function is pure: a file with errors changes
//! nothing because there is nothing to change.

use crate::domain::board::{Board, Timestamp};
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::{decode_board, open_envelope, RestoreError};
use crate::io::store;
use crate::io::validate::{validate, Problem};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

/// A file read for import, with what its envelope said and what was repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub board: Board,
    /// The format version the file was written in (before migration).
    pub version: u32,
    pub saved_at: Option<Timestamp>,
    /// What was repaired, each with its place (`deals[7].id: "d-1" is used twice; renamed to
    /// "d-1-2"`). The board is good; show these to the user.
    pub warnings: Vec<Problem>,
}

/// Reads an exported snapshot for Replace or Merge. Errors are those of `restore`.
pub fn read_import(text: &str) -> Result<Imported, RestoreError> {
    // A stored board saved as a file (e.g. the backup of one that could not be read).
    if store::is_stored_form(text) {
        let (board, saved_at) = store::decode(text)?;
        return Ok(Imported {
            board,
            version: CURRENT_VERSION,
            saved_at: Some(saved_at),
            warnings: Vec::new(),
        });
    }
    let mut opened = open_envelope(text)?;
    let warnings = rename_duplicate_deal_ids(&mut opened.board);
    let board = decode_board(opened.board)?;
    let problems = validate(&board);
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    Ok(Imported {
        board,
        version: opened.version,
        saved_at: opened.saved_at,
        warnings,
    })
}

/// Gives every repeated deal id after its first use the next free `id-N` (N from 2), free
/// meaning used by no deal and no tombstone of the file. Leaves anything that is not a string
/// id alone for the type check to report.
fn rename_duplicate_deal_ids(board: &mut Value) -> Vec<Problem> {
    let id_of = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_owned);
    let Some(deals) = board.get("deals").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut taken: FxHashSet<String> = deals.iter().filter_map(id_of).collect();
    if taken.len() == deals.len() {
        return Vec::new();
    }
    if let Some(tombstones) = board.get("deleted").and_then(Value::as_array) {
        taken.extend(tombstones.iter().filter_map(id_of));
    }
    let mut uses: FxHashMap<String, usize> = FxHashMap::default();
    for id in deals.iter().filter_map(id_of) {
        *uses.entry(id).or_insert(0) += 1;
    }
    let mut warnings = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut next_suffix: FxHashMap<String, usize> = FxHashMap::default();
    let Some(deals) = board.get_mut("deals").and_then(Value::as_array_mut) else {
        return Vec::new();
    };
    for (i, deal) in deals.iter_mut().enumerate() {
        let Some(id) = id_of(deal) else { continue };
        if seen.insert(id.clone()) {
            continue;
        }
        let n = next_suffix.entry(id.clone()).or_insert(2);
        let new_id = loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if !taken.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(new_id.clone());
        if let Some(object) = deal.as_object_mut() {
            object.insert("id".into(), Value::String(new_id.clone()));
        }
        let times = match uses.get(&id).copied().unwrap_or(2) {
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        warnings.push(Problem::new(
            format!("deals[{i}].id"),
            format!("{id:?} is used {times}; renamed to {new_id:?}"),
        ));
    }
    warnings
}
