//! Reading a large snapshot file in steps, so that the page can show progress and stay
//! responsive between them: a 50,000-deal file is ~25 MB, and reading it in one go blocks the
//! page for over a second.
//!
//! The deals array is walked one deal at a time (a small scanner finds where each deal's JSON
//! ends) and each deal is decoded on its own; the rest of the envelope is read at the end by
//! the ordinary path. The result is exactly `read_import`'s: whenever anything is off the
//! plain path (an older version that needs migrating, a deal with an error, a repeated id to
//! rename, JSON the scanner does not follow), the whole text is read again by `read_import`
//! in one step, so every error is reported with its place as before. Only good files of the
//! current version, which is what large files are, take the stepped path.

use crate::domain::board::Deal;
use crate::io::board_read;
use crate::io::import::{read_import, Imported};
use crate::io::json_read::Reader;
use crate::io::json_scan::{skip_space, skip_string, skip_value};
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::{decode_board, open_envelope, RestoreError};
use crate::io::store::is_stored_form;
use crate::io::validate::validate;

/// How many deals are read before the room for the rest is estimated from their size.
const SAMPLE: usize = 64;

/// How far a stepped read got.
#[derive(Debug)]
pub enum Progress {
    /// Still reading: `done` of `total` bytes.
    Reading { done: usize, total: usize },
    /// Finished: what `read_import` would have returned (boxed: a board is large).
    Done(Box<Result<Imported, RestoreError>>),
}

enum Phase {
    /// Walking the deals array; `at` is the next byte to look at.
    Deals {
        at: usize,
    },
    /// Off the plain path: read it all with `read_import`.
    Whole,
    Finished,
}

/// A snapshot file being read in steps.
pub struct StagedImport {
    /// The file, checked once to be UTF-8 (one pass over the bytes, a few ms for 27 MB: the
    /// JSON reader then need not check each string, which took ~7 % of reading the deals).
    /// A file that is not UTF-8 goes the whole way, as text with bad bytes replaced.
    file: File,
    /// The byte range of the deals array, brackets included, once its end is known.
    open: usize,
    close: Option<usize>,
    deals: Vec<Deal>,
    phase: Phase,
}

impl StagedImport {
    /// Starts reading a file's bytes.
    pub fn new(bytes: Vec<u8>) -> StagedImport {
        let file = match String::from_utf8(bytes) {
            Ok(text) => File::Text(text),
            Err(err) => File::NotUtf8(err.into_bytes()),
        };
        let open = match &file {
            File::Text(text) if !is_stored_form(text) => deals_array(text.as_bytes()),
            _ => None,
        };
        let phase = match open {
            Some(open) => Phase::Deals { at: open + 1 },
            None => Phase::Whole,
        };
        StagedImport {
            file,
            open: open.unwrap_or(0),
            close: None,
            deals: Vec::new(),
            phase,
        }
    }

    /// Reads up to `max_deals` more deals (or finishes) and says how far it got.
    pub fn step(&mut self, max_deals: usize) -> Progress {
        let total = self.file.bytes().len();
        match std::mem::replace(&mut self.phase, Phase::Finished) {
            Phase::Deals { at } => {
                self.phase = self.read_deals(at, max_deals.max(1));
                match self.phase {
                    Phase::Deals { at } => Progress::Reading { done: at, total },
                    _ => Progress::Reading { done: total, total },
                }
            }
            Phase::Whole => Progress::Done(Box::new(self.read_whole())),
            Phase::Finished => Progress::Done(Box::new(self.finish())),
        }
    }

    /// Decodes deals from `at` on; the next phase.
    fn read_deals(&mut self, mut at: usize, max_deals: usize) -> Phase {
        let File::Text(text) = &self.file else {
            return Phase::Whole;
        };
        let bytes = text.as_bytes();
        for _ in 0..max_deals {
            at = skip_space(bytes, at);
            match bytes.get(at) {
                Some(b']') => {
                    self.close = Some(at);
                    return Phase::Finished;
                }
                Some(b',') if !self.deals.is_empty() => at = skip_space(bytes, at + 1),
                Some(_) if self.deals.is_empty() => {}
                _ => return Phase::Whole,
            }
            if bytes.get(at) != Some(&b'{') {
                return Phase::Whole;
            }
            // A deal it cannot read sends the file down the whole read, which reports the
            // problem with its place.
            let mut reader = Reader::new(text, at);
            match board_read::deal(&mut reader, CURRENT_VERSION) {
                Ok(deal) => self.deals.push(deal),
                Err(_) => return Phase::Whole,
            }
            at = reader.at;
            if self.deals.len() == SAMPLE {
                // Room for the rest at the size of the first ones (and a little more), so that
                // tens of megabytes of deals are not copied each time the list doubles.
                let per_deal = (at - self.open) / SAMPLE;
                let rest = (bytes.len() - at) / per_deal.max(1);
                self.deals.reserve(rest + rest / 16);
            }
        }
        Phase::Deals { at }
    }

    /// Reads the envelope without its deals, puts the deals in and checks the whole board.
    fn finish(&mut self) -> Result<Imported, RestoreError> {
        let Some(close) = self.close else {
            return self.read_whole();
        };
        let mut plain = || -> Option<Imported> {
            let File::Text(text) = &self.file else {
                return None;
            };
            let head = text.get(..self.open)?;
            let tail = text.get(close + 1..)?;
            let rest = format!("{head}[]{tail}");
            let opened = open_envelope(&rest).ok()?;
            if opened.version != CURRENT_VERSION {
                return None; // deals may need migrating
            }
            let mut board = decode_board(opened.board, opened.version).ok()?;
            if !board.deals.is_empty() {
                return None; // a second "deals" key, which the whole read takes instead
            }
            board.deals = std::mem::take(&mut self.deals).into();
            validate(&board).is_empty().then_some(Imported {
                board,
                version: opened.version,
                saved_at: opened.saved_at,
                warnings: Vec::new(),
            })
        };
        plain().map_or_else(|| self.read_whole(), Ok)
    }

    /// `read_import` of the whole file, as text with any bytes that are not UTF-8 replaced.
    fn read_whole(&self) -> Result<Imported, RestoreError> {
        match &self.file {
            File::Text(text) => read_import(text),
            File::NotUtf8(bytes) => read_import(&String::from_utf8_lossy(bytes)),
        }
    }
}

/// A chosen file's content.
enum File {
    Text(String),
    NotUtf8(Vec<u8>),
}

impl File {
    fn bytes(&self) -> &[u8] {
        match self {
            File::Text(text) => text.as_bytes(),
            File::NotUtf8(bytes) => bytes,
        }
    }
}

/// The index of the `[` that opens `board.deals`, when the text is an object whose `board`
/// is an object with a `deals` array (keys compared as written, without escapes).
fn deals_array(bytes: &[u8]) -> Option<usize> {
    let start = skip_space(bytes, bom_len(bytes));
    let board = value_of(bytes, start, b"board")?;
    let deals = value_of(bytes, board, b"deals")?;
    (bytes.get(deals) == Some(&b'[')).then_some(deals)
}

fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    }
}

/// Where the value of `key` starts in the object at `at`.
fn value_of(bytes: &[u8], at: usize, key: &[u8]) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut at = skip_space(bytes, at + 1);
    loop {
        if bytes.get(at) != Some(&b'"') {
            return None;
        }
        let key_end = skip_string(bytes, at)?;
        let name = &bytes[at + 1..key_end - 1];
        at = skip_space(bytes, key_end);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_space(bytes, at + 1);
        if name == key {
            return Some(at);
        }
        at = skip_space(bytes, skip_value(bytes, at)?);
        if bytes.get(at) != Some(&b',') {
            return None;
        }
        at = skip_space(bytes, at + 1);
    }
}
