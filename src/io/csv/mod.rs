//! Deals as CSV: export for spreadsheets, import from other tools.
//!
//! The reader and writer are hand-written (about 150 lines) instead of using the `csv`
//! crate: the wasm is already over its size budget, and we need only RFC 4180 — cells in double
//! quotes, a doubled quote for a quote, commas and line breaks inside quoted cells, CRLF or LF
//! line ends — plus skipping a UTF-8 byte order mark. The reader is lenient where RFC 4180 is
//! strict (a stray quote inside an unquoted cell is kept as text); its only error is a quoted
//! cell that never closes. The delimiter is guessed from the header line: a comma unless the
//! header holds more semicolons or tabs (spreadsheets in many European locales write `;`).
//!
//! Export writes a UTF-8 byte order mark first so that Excel reads Chinese text correctly, and
//! neutralises formulas: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
//! single quote `'` in front, so a spreadsheet shows it as text and never runs it. Import takes
//! exactly one such `'` off again (also when other tools wrote it), so export → import is
//! lossless. See `docs/csv.md`.

mod apply;
mod fields;
mod problems;
mod read;
mod rows;
mod write;

pub use apply::*;
pub use fields::*;
pub use problems::*;
pub use read::*;
pub use rows::*;
pub use write::*;
