//! The snapshot format's versions. Older versions are read by the same readers as the current
//! one (`io::board_read`, given the version), which know what each version's files held;
//! fixtures of every version live in `tests/fixtures/`.
//!
//! - **1 → 2**: the board records deleted deals (`board.deleted`), so that deletions travel in
//!   merges. Version 1 boards had none recorded: a missing `deleted` reads as none.
//! - **2 → 3**: sales targets (`board.targets`) and their tombstones
//!   (`board.deleted_targets`), deals' `cost` and the settings' `behind_threshold`. Whatever
//!   a version 2 file holds under those keys is a sibling build's data and is passed over
//!   (no targets, no cost, the default 90 %).

/// The version this app writes.
pub const CURRENT_VERSION: u32 = 3;
