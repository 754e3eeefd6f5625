//! Reading a snapshot FILE the user chose. The checks are those of `restore` (envelope,
//! version, migration, types, references), with two differences that suit files passed
//! between people rather than our own storage:
//!
//! - a deal id used more than once is renamed (`d-1` → `d-1-2`, the next free one) and reported
//!   as a warning instead of refusing the file;
//! - everything else wrong is an error with its place, and then nothing is returned.
//!
//! Fields this version does not know are ignored (`io::board_read`), so a file from a sibling
//! build with extra data still imports. The function is pure: a file with errors changes
//! nothing because there is nothing to change.

use crate::domain::board::{Board, DealId, Timestamp};
use crate::domain::quote::quoted;
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::{decode_board, open_envelope, RestoreError};
use crate::io::store;
use crate::io::validate::{validate, Problem};
use rustc_hash::{FxHashMap, FxHashSet};

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
    let opened = open_envelope(text)?;
    let mut board = decode_board(opened.board, opened.version)?;
    let warnings = rename_duplicate_deal_ids(&mut board);
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
/// meaning used by no deal and no tombstone of the file.
fn rename_duplicate_deal_ids(board: &mut Board) -> Vec<Problem> {
    let mut taken: FxHashSet<String> = board.deals.iter().map(|d| d.id.0.clone()).collect();
    if taken.len() == board.deals.len() {
        return Vec::new();
    }
    taken.extend(board.deleted.iter().map(|t| t.id.0.clone()));
    let mut uses: FxHashMap<String, usize> = FxHashMap::default();
    for deal in board.deals.iter() {
        *uses.entry(deal.id.0.clone()).or_insert(0) += 1;
    }
    let mut warnings = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut next_suffix: FxHashMap<String, usize> = FxHashMap::default();
    for (i, deal) in board.deals.iter_mut().enumerate() {
        let id = deal.id.0.clone();
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
        deal.id = DealId(new_id.clone());
        let times = match uses.get(&id).copied().unwrap_or(2) {
            2 => "twice".to_string(),
            n => format!("{n} times"),
        };
        warnings.push(Problem::new(
            format!("deals[{i}].id"),
            format!(
                "{} is used {times}; renamed to {}",
                quoted(&id),
                quoted(&new_id)
            ),
        ));
    }
    warnings
}
