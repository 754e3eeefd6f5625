//! Writing the stored form, a slice of deals at a time.

use super::rank::ExactRank;
use super::{Row, STORE_FORMAT};
use crate::domain::board::{Board, Deal, DealStatus, Timestamp};
use crate::domain::date::iso_date;
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
    rows: Vec<u8>,
    next: usize,
}

impl<'a> Encoder<'a> {
    pub fn new(board: &'a Board) -> Encoder<'a> {
        Encoder {
            board,
            strings: Strings::default(),
            rows: Vec::new(),
            next: 0,
        }
    }

    /// Writes up to `max_deals` more rows; true when every deal is written.
    pub fn step(&mut self, max_deals: usize) -> bool {
        let deals = &self.board.deals;
        let end = deals.len().min(self.next.saturating_add(max_deals));
        for d in &deals[self.next..end] {
            let row = self.row(d);
            if !self.rows.is_empty() {
                self.rows.push(b',');
            }
            serde_json::to_writer(&mut self.rows, &row).expect("a row always serialises");
        }
        self.next = end;
        end == deals.len()
    }

    fn row(&mut self, d: &'a Deal) -> Row {
        let strings = &mut self.strings;
        let mut history = Vec::with_capacity(d.history.len() * 2);
        for visit in &d.history {
            history.push(Timestamp::from(strings.of(visit.stage.0.as_str())));
            history.push(visit.entered.wrapping_sub(d.created));
        }
        Row(
            d.id.0.clone(),
            strings.of(d.title.as_str()),
            strings.of(d.customer.as_str()),
            strings.of(d.contact.as_str()),
            d.value,
            strings.of(d.currency.code()),
            d.cost,
            strings.of(d.owner.as_str()),
            strings.of(d.product.as_str()),
            strings.of(d.region.as_str()),
            // Dates as text, so that the table shares them between deals.
            d.close_date.map(|date| strings.of(iso_date(date))),
            strings.of(d.notes.as_str()),
            strings.of(d.stage.0.as_str()),
            ExactRank(d.rank),
            match d.status {
                DealStatus::Open => 0,
                DealStatus::Won => 1,
                DealStatus::Lost => 2,
            },
            d.loss_reason.as_deref().map(|t| strings.of(t)),
            d.created,
            d.updated.wrapping_sub(d.created),
            d.stage_entered.wrapping_sub(d.created),
            d.won_at.map(|t| t.wrapping_sub(d.created)),
            history,
            d.revision,
        )
    }

    /// The whole text; writes what `step` has not written yet.
    pub fn finish(mut self, saved_at: Timestamp) -> String {
        self.step(usize::MAX);
        let board = self.board;
        let json = |value: &dyn erased::Json| value.to_json();
        let deleted: Vec<(&str, Timestamp)> = board
            .deleted
            .iter()
            .map(|t| (t.id.0.as_str(), t.at))
            .collect();
        let mut out = String::with_capacity(self.rows.len() + 4096);
        out.push_str(&format!(
            "{{\"format\":\"{STORE_FORMAT}\",\"version\":{CURRENT_VERSION},\"saved_at\":{saved_at},\"app_version\":{},\"strings\":{},\"board\":{{\"stages\":{},\"deals\":[",
            json(&APP_VERSION),
            json(&self.strings.list),
            json(&board.stages),
        ));
        out.push_str(std::str::from_utf8(&self.rows).expect("serde_json writes UTF-8"));
        out.push_str(&format!(
            "],\"deleted\":{},\"settings\":{},\"targets\":{},\"deleted_targets\":{}}}}}",
            json(&deleted),
            json(&board.settings),
            json(&board.targets),
            json(&board.deleted_targets),
        ));
        out
    }
}

/// `serde_json::to_string` behind one object-safe call, for the envelope's parts.
mod erased {
    pub trait Json {
        fn to_json(&self) -> String;
    }
    impl<T: serde::Serialize + ?Sized> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string(self).expect("the board always serialises")
        }
    }
}

/// The board in the stored form, as compact JSON.
pub fn encode(board: &Board, saved_at: Timestamp) -> String {
    Encoder::new(board).finish(saved_at)
}
