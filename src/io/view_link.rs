//! What the board is showing, written in the page's address after `#`
//! (`#owner=Alice%20Chen&off`), so that a reload keeps the rep's view and a manager can send a
//! link to one rep's, product's or region's deals, or to the Targets page (SEED-NOTES §1,
//! "views per rep and for the manager"). Pure: the view reads and writes `location`.
//!
//! Keys: `q` the search, `owner`, `product`, `region`, `off` (off-track deals only, no value)
//! and `page=targets`. Values are percent-encoded as UTF-8, as a browser's `URLSearchParams`
//! writes them, and read as it reads them (`+` is a space), so links made by hand or by other
//! tools read the same. Unknown keys are passed over: a link from a newer build still opens.

use crate::domain::board::Board;
use crate::domain::filter::{DealFilter, FilterField};
use crate::domain::lowercase::lowercase;

/// A view as a link holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewLink {
    pub query: String,
    pub owner: Option<String>,
    pub product: Option<String>,
    pub region: Option<String>,
    pub off_track: bool,
    /// The Targets page rather than the board.
    pub targets: bool,
}

const KEYS: [(FilterField, &str); 3] = [
    (FilterField::Owner, "owner"),
    (FilterField::Product, "product"),
    (FilterField::Region, "region"),
];

impl ViewLink {
    /// The view of `filter` (its day is not part of a link) on the board or the Targets page.
    pub fn of(filter: &DealFilter, targets: bool) -> ViewLink {
        ViewLink {
            query: filter.query.clone(),
            owner: filter.owner.clone(),
            product: filter.product.clone(),
            region: filter.region.clone(),
            off_track: filter.off_track,
            targets,
        }
    }

    /// The text after `#`: empty for the whole board, unfiltered.
    pub fn write(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        for (field, key) in KEYS {
            if let Some(value) = self.get(field) {
                parts.push(format!("{key}={}", encode(value)));
            }
        }
        if self.off_track {
            parts.push("off".into());
        }
        if self.targets {
            parts.push("page=targets".into());
        }
        parts.join("&")
    }

    /// Reads the text after `#` (with or without the `#`). Each rep, product or region is
    /// taken as `board`'s deals spell it, ignoring case (a link typed by hand as "alice chen"
    /// shows Alice Chen's deals); one no deal has is left out, since the filter would show an
    /// empty board with nothing in its list to say why.
    pub fn read(fragment: &str, board: &Board) -> ViewLink {
        let mut link = ViewLink::default();
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        for part in fragment.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = decode(value);
            match decode(key).as_str() {
                "q" => link.query = value,
                "off" => link.off_track = true,
                "page" => link.targets = value == "targets",
                key => {
                    if let Some(&(field, _)) = KEYS.iter().find(|(_, k)| *k == key) {
                        let known = board_spelling(board, field, &value);
                        link.set(field, known);
                    }
                }
            }
        }
        link
    }

    /// Puts the link's narrowing into `filter`, keeping its day.
    pub fn apply_to(&self, filter: &mut DealFilter) {
        filter.query = self.query.clone();
        for (field, _) in KEYS {
            filter.set(field, self.get(field).cloned());
        }
        filter.off_track = self.off_track;
    }

    fn get(&self, field: FilterField) -> Option<&String> {
        match field {
            FilterField::Owner => self.owner.as_ref(),
            FilterField::Product => self.product.as_ref(),
            FilterField::Region => self.region.as_ref(),
        }
    }

    fn set(&mut self, field: FilterField, value: Option<String>) {
        match field {
            FilterField::Owner => self.owner = value,
            FilterField::Product => self.product = value,
            FilterField::Region => self.region = value,
        }
    }
}

/// A deal's value of `field` equal to `wanted` (trimmed), exactly or else ignoring case.
fn board_spelling(board: &Board, field: FilterField, wanted: &str) -> Option<String> {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return None;
    }
    let values = || board.deals.iter().map(|d| field.of(d));
    if values().any(|v| v == wanted) {
        return Some(wanted.to_string());
    }
    let key = lowercase(wanted);
    values().find(|v| lowercase(v) == key).map(str::to_string)
}

/// Percent-encodes all but ASCII letters, digits and `-._~` (UTF-8 bytes, upper-case hex).
fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Reads `%XX` escapes and `+` as a space; a `%` not followed by two hex digits stays as it is,
/// and bytes that are not UTF-8 become U+FFFD (a link mangled by a mail program still opens).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
        match bytes[at] {
            b'+' => out.push(b' '),
            b'%' if hex(at + 1).is_some() && hex(at + 2).is_some() => {
                let (hi, lo) = (hex(at + 1).unwrap_or(0), hex(at + 2).unwrap_or(0));
                out.push((hi * 16 + lo) as u8);
                at += 2;
            }
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
