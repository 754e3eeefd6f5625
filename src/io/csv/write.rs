//! Writing deals as CSV: byte order mark, header, rows, formulas neutralised.

use crate::domain::board::{Board, Deal, DealStatus, Stage};
use crate::domain::date::{iso_date, iso_datetime};
use crate::domain::money::Currency;
use rustc_hash::FxHashSet;

/// The byte order mark written first so that spreadsheets read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// The columns `deals_to_csv` writes, in order.
pub const EXPORT_HEADERS: [&str; 16] = [
    "Title",
    "Customer",
    "Contact",
    "Value",
    "Currency",
    "Stage",
    "Owner",
    "Product line",
    "Region",
    "Expected close date",
    "Status",
    "Loss reason",
    "Notes",
    "Created",
    "Updated",
    "Id",
];

// Writing

/// The board's deals as CSV, stage by stage in board order and in display order inside each
/// stage: a byte order mark, a header row (`EXPORT_HEADERS`), one row per deal, CRLF line ends.
/// `stage_name` gives a stage's name as the user sees it (presets follow the language).
pub fn deals_to_csv(board: &Board, stage_name: impl Fn(&Stage) -> String) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_row(&mut out, EXPORT_HEADERS.iter().map(|h| h.to_string()));
    let mut written: FxHashSet<&str> = FxHashSet::default();
    let mut ordered: Vec<&Deal> = Vec::with_capacity(board.deals.len());
    for stage in &board.stages {
        if written.insert(&stage.id.0) {
            ordered.extend(board.deals_in(&stage.id));
        }
    }
    // Deals whose stage is missing (only in a damaged board) still go out, last.
    ordered.extend(
        board
            .deals
            .iter()
            .filter(|d| !written.contains(d.stage.0.as_str())),
    );
    for deal in ordered {
        let stage = board
            .stage(&deal.stage)
            .map_or_else(|| deal.stage.0.clone(), &stage_name);
        let status = match deal.status {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        };
        write_row(
            &mut out,
            [
                deal.title.clone(),
                deal.customer.clone(),
                deal.contact.clone(),
                plain_amount(deal.value, &deal.currency),
                deal.currency.code().to_string(),
                stage,
                deal.owner.clone(),
                deal.product.clone(),
                deal.region.clone(),
                deal.close_date.map(iso_date).unwrap_or_default(),
                status.to_string(),
                deal.loss_reason.clone().unwrap_or_default(),
                deal.notes.clone(),
                iso_datetime(deal.created),
                iso_datetime(deal.updated),
                deal.id.0.clone(),
            ],
        );
    }
    out
}

/// Writes one row of cells, each neutralised and quoted as needed, ending with CRLF.
pub fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = neutralise(&cell);
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// True for the characters that make a spreadsheet treat a cell as a formula.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// True when `text` is quotes (any number, even none) followed by a formula character: the
/// cells that get, or got, a protective `'`.
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(is_formula_start)
}

/// `text` made safe for a spreadsheet: a `'` in front when it would start a formula (or when
/// it is already such a guarded text, so that import can tell the two apart).
pub fn neutralise(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The inverse of `neutralise`: takes off the one `'` that export put in front.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// Minor units as a plain decimal in major units: `24000.50`, `12500` for yen.
fn plain_amount(minor: i64, currency: &Currency) -> String {
    let digits = currency.minor_digits();
    let per = 10_i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (whole, frac) = (abs / per as u64, abs % per as u64);
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        let width = digits as usize;
        format!("{sign}{whole}.{frac:0width$}")
    }
}
