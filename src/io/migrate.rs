//! Numbered migrations of the snapshot format, applied in order on load. Each one takes the
//! JSON of version N to version N + 1; fixtures of every version live in `tests/fixtures/`.

use crate::io::validate::Problem;
use serde_json::Value;

/// The version this app writes.
pub const CURRENT_VERSION: u32 = 1;

/// `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`.
const MIGRATIONS: &[fn(&mut Value) -> Result<(), Problem>] = &[];

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
