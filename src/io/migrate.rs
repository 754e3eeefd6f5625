//! Numbered migrations of the snapshot format, applied in order on load. Each one takes the
//! JSON of version N to version N + 1; fixtures of every version live in `tests/fixtures/`.

use crate::io::validate::Problem;
use serde_json::Value;

/// The version this app writes.
pub const CURRENT_VERSION: u32 = 2;

/// One step: the envelope of version N in, version N + 1 out.
type Migration = fn(&mut Value) -> Result<(), Problem>;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`.
const MIGRATIONS: &[Migration] = &[v1_to_v2];

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
