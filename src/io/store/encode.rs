//! Writing the stored form, a slice of deals at a time.

use super::rank::ExactRank;
use super::STORE_FORMAT;
use crate::domain::board::{Board, Deal, DealStatus, StepKind, Timestamp};
use crate::domain::date::iso_date;
use crate::io::board_write;
use crate::io::json_write::{int, list, option, string, Object};
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::APP_VERSION;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Collects distinct strings and hands out their indexes. Keys borrow from the board, except
/// close dates, which are formatted here.
#[derive(Default)]
struct Strings<'a> {
    index: FxHashMap<Cow<'a, str>, u32>,
    list: Vec<Cow<'a, str>>,
}

impl<'a> Strings<'a> {
    fn of(&mut self, text: impl Into<Cow<'a, str>>) -> u32 {
        let text = text.into();
        if let Some(&i) = self.index.get(&text) {
            return i;
        }
        let next = self.list.len() as u32;
        self.list.push(text.clone());
        self.index.insert(text, next);
        next
    }
}

/// Writes the stored form a slice of deals at a time, so that a large board can be measured
/// (or written) without one long task; `encode` runs it in one go. Either way the text is the
/// same.
pub struct Encoder<'a> {
    board: &'a Board,
    strings: Strings<'a>,
    /// The rows written so far, comma-separated.
    rows: String,
    next: usize,
}

impl<'a> Encoder<'a> {
    pub fn new(board: &'a Board) -> Encoder<'a> {
        Encoder {
            board,
            strings: Strings::default(),
            rows: String::new(),
            next: 0,
        }
    }

    /// Writes up to `max_deals` more rows; true when every deal is written.
    pub fn step(&mut self, max_deals: usize) -> bool {
        let deals = &self.board.deals;
        let end = deals.len().min(self.next.saturating_add(max_deals));
        for d in &deals[self.next..end] {
            if !self.rows.is_empty() {
                self.rows.push(',');
            }
            write_row(&mut self.rows, &mut self.strings, d);
        }
        self.next = end;
        end == deals.len()
    }

    /// The whole text; writes what `step` has not written yet.
    pub fn finish(mut self, saved_at: Timestamp) -> String {
        self.step(usize::MAX);
        let board = self.board;
        let mut out = String::with_capacity(self.rows.len() + 4096);
        // `format` first: `is_stored_form` recognises the text by its start.
        let mut o = Object::new(&mut out);
        o.string("format", STORE_FORMAT);
        o.int("version", i64::from(CURRENT_VERSION));
        o.int("saved_at", saved_at);
        o.string("app_version", APP_VERSION);
        list(o.key("strings"), &self.strings.list, |out, s| {
            string(out, s)
        });
        let mut b = Object::new(o.key("board"));
        list(b.key("stages"), &board.stages, board_write::stage);
        let rows = b.key("deals");
        rows.push('[');
        rows.push_str(&self.rows);
        rows.push(']');
        list(b.key("deleted"), &board.deleted, |out, t| {
            out.push('[');
            string(out, &t.id.0);
            out.push(',');
            int(out, t.at);
            out.push(']');
        });
        board_write::settings(b.key("settings"), &board.settings);
        list(b.key("targets"), &board.targets, board_write::target);
        list(
            b.key("deleted_targets"),
            &board.deleted_targets,
            |out, t| {
                let mut o = Object::new(out);
                o.string("id", &t.id.0);
                o.int("at", t.at);
                o.end();
            },
        );
        b.end();
        o.end();
        out
    }
}

/// A deal as its row, a list of 22 values: the id, then every text as its index in the table,
/// times after `created` as differences from it, the history as `[stage, entered, …]`
/// (`read::row` reads it back).
fn write_row<'a>(out: &mut String, strings: &mut Strings<'a>, d: &'a Deal) {
    // The history's stages take their places in the table first, as they always have (the
    // text stays the same as earlier builds wrote).
    for visit in &d.history {
        strings.of(visit.stage.0.as_str());
    }
    out.push('[');
    string(out, &d.id.0);
    next(out, strings.of(d.title.as_str()));
    next(out, strings.of(d.customer.as_str()));
    next(out, strings.of(d.contact.as_str()));
    next(out, d.value);
    next(out, strings.of(d.currency.code()));
    next(out, d.cost);
    next(out, strings.of(d.owner.as_str()));
    next(out, strings.of(d.product.as_str()));
    next(out, strings.of(d.region.as_str()));
    // Dates as text, so that the table shares them between deals.
    next(out, d.close_date.map(|date| strings.of(iso_date(date))));
    next(out, strings.of(d.notes.as_str()));
    next(out, strings.of(d.stage.0.as_str()));
    out.push(',');
    ExactRank(d.rank).write(out);
    let status: u32 = match d.status {
        DealStatus::Open => 0,
        DealStatus::Won => 1,
        DealStatus::Lost => 2,
    };
    next(out, status);
    next(out, d.loss_reason.as_deref().map(|t| strings.of(t)));
    next(out, d.created);
    next(out, d.updated.wrapping_sub(d.created));
    next(out, d.stage_entered.wrapping_sub(d.created));
    next(out, d.won_at.map(|t| t.wrapping_sub(d.created)));
    out.push_str(",[");
    for (i, visit) in d.history.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        int(out, i64::from(strings.of(visit.stage.0.as_str())));
        out.push(',');
        int(out, visit.entered.wrapping_sub(d.created));
    }
    out.push(']');
    next(out, d.revision);
    // Optional values after the 22 every row has, written only when the deal has them (and
    // those before them as null or empty), so rows without stay as before: a next step
    // `[kind, due, note]` (kind as `StepKind::ALL`'s index, the texts from the table), the
    // ticked exit criteria's texts, then the steps done as `[kind, day, note, rating]`.
    let more = [
        d.next_step.is_some(),
        !d.checked.is_empty(),
        !d.activities.is_empty(),
    ];
    if more.iter().any(|&m| m) {
        out.push(',');
        option(out, d.next_step.as_ref(), |out, step| {
            let kind = StepKind::ALL.iter().position(|k| *k == step.kind);
            out.push('[');
            int(out, kind.unwrap_or(0) as i64);
            next(out, strings.of(iso_date(step.due)));
            next(out, strings.of(step.note.as_str()));
            out.push(']');
        });
    }
    if more[1] || more[2] {
        out.push_str(",[");
        for (i, item) in d.checked.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            int(out, i64::from(strings.of(item.as_str())));
        }
        out.push(']');
    }
    if more[2] {
        out.push_str(",[");
        for (i, done) in d.activities.iter().enumerate() {
            out.push_str(if i > 0 { ",[" } else { "[" });
            let kind = StepKind::ALL.iter().position(|k| *k == done.kind);
            int(out, kind.unwrap_or(0) as i64);
            next(out, strings.of(iso_date(done.done)));
            next(out, strings.of(done.note.as_str()));
            next(out, done.rating.map(|r| u32::from(r.get())));
            out.push(']');
        }
        out.push(']');
    }
    out.push(']');
}

/// `,` and a whole number (or `null`) of a row.
fn next(out: &mut String, n: impl RowNumber) {
    out.push(',');
    option(out, n.number(), int);
}

/// What a row holds after its id: whole numbers (string indexes, money, times) or `null`.
trait RowNumber {
    fn number(self) -> Option<i64>;
}

impl RowNumber for i64 {
    fn number(self) -> Option<i64> {
        Some(self)
    }
}

impl RowNumber for u32 {
    fn number(self) -> Option<i64> {
        Some(self.into())
    }
}

impl<T: RowNumber> RowNumber for Option<T> {
    fn number(self) -> Option<i64> {
        self?.number()
    }
}

/// The board in the stored form, as compact JSON.
pub fn encode(board: &Board, saved_at: Timestamp) -> String {
    Encoder::new(board).finish(saved_at)
}
