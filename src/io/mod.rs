//! Reading and writing the board as text: the versioned snapshot envelope, its migrations and
//! its checks. Pure, so the same restore path serves storage and file import and is tested
//! natively.

pub mod board_read;
pub mod board_write;
pub mod capacity;
pub mod csv;
pub mod import;
pub mod json_indent;
pub mod json_read;
pub mod json_scan;
pub mod json_write;
pub mod migrate;
pub mod snapshot;
pub mod staged;
mod step_read;
pub mod store;
pub mod validate;
pub mod view_link;
