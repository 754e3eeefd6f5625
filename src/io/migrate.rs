//! Numbered migrations of the snapshot format, applied in order on load. Each one takes the
//! JSON of version N to version N + 1; fixtures of every version live in `tests/fixtures/`.

use crate::io::validate::Problem;
use serde_json::Value;

/// The version this app writes.
pub const CURRENT_VERSION: u32 = 3;

/// One step: the envelope of version N in, version N + 1 out.
type Migration = fn(&mut Value) -> Result<(), Problem>;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`.
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

/// Version 2 records deleted deals (`board.deleted`) so that deletions travel in merges.
/// Version 1 boards had none recorded.
fn v1_to_v2(root: &mut Value) -> Result<(), Problem> {
    let board = root
        .get_mut("board")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| Problem::new("board", "expected an object"))?;
    board
        .entry("deleted")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(())
}

/// Version 3 adds sales targets (`board.targets`) and their tombstones
/// (`board.deleted_targets`); older boards had none, so whatever a version 2 file holds under
/// those keys is a sibling build's data and is replaced. Likewise deals' `cost` and the settings'
/// `behind_threshold`, new in this version, are dropped (no cost; the default 90 %). A board
/// that is not an object is left for the type check to report.
fn v2_to_v3(root: &mut Value) -> Result<(), Problem> {
    let Some(board) = root.get_mut("board").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    for key in ["targets", "deleted_targets"] {
        board.insert(key.into(), Value::Array(Vec::new()));
    }
    if let Some(deals) = board.get_mut("deals").and_then(Value::as_array_mut) {
        for deal in deals.iter_mut().filter_map(Value::as_object_mut) {
            deal.remove("cost");
        }
    }
    if let Some(settings) = board.get_mut("settings").and_then(Value::as_object_mut) {
        settings.remove("behind_threshold");
    }
    Ok(())
}

/// Brings `root` (an envelope of `version`) up to `CURRENT_VERSION`.
pub fn migrate(root: &mut Value, version: u32) -> Result<(), Problem> {
    for step in MIGRATIONS.iter().skip(version.saturating_sub(1) as usize) {
        step(root)?;
    }
    if let Some(object) = root.as_object_mut() {
        object.insert("version".into(), Value::from(CURRENT_VERSION));
    }
    Ok(())
}
