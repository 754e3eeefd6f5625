//! The compact form the board takes in localStorage. The browser gives a site about 5 million
//! UTF-16 units there, and the readable snapshot spends ~550 of them per deal, mostly on keys
//! and on repeated owners, products, regions and stage ids: 9,400 deals filled it. Here a deal
//! is an array in a fixed order, every text but the id is an index into one table of distinct
//! strings, and times after `created` are differences from it (wrapping, so any value survives). About 170 units per deal, so
//! 10,000 deals use a third of the quota. Lossless: `decode(encode(b)) == b`.
//!
//! Only the app writes this form, and only to storage; files people share stay readable
//! snapshots (`snapshot::encode_pretty`). `snapshot::restore` and file import recognise both.
//! The layout belongs to board format version 3: a version 4 that changes the deal must keep a
//! reader for these rows.

use crate::domain::board::{
    Board, Deal, DealId, DealStatus, Settings, Stage, StageId, StageVisit, Timestamp, Tombstone,
};
use crate::domain::date::{iso_date, parse_iso_date};
use crate::domain::money::Currency;
use crate::domain::targets::target::{Target, TargetTombstone};
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::{RestoreError, APP_VERSION};
use crate::io::validate::{validate, Problem};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// The `format` of the stored form; always the first field, so it is recognised cheaply.
pub const STORE_FORMAT: &str = "dealboard-store";

/// One deal: fields in `Deal`'s order; `u32`s are indexes into `strings`; times after
/// `created` are milliseconds from it; the history is `[stage, entered, stage, entered, …]`.
#[derive(Serialize, Deserialize)]
struct Row(
    String,         // id
    u32,            // title
    u32,            // customer
    u32,            // contact
    i64,            // value
    u32,            // currency
    Option<i64>,    // cost
    u32,            // owner
    u32,            // product
    u32,            // region
    Option<u32>,    // close date, "YYYY-MM-DD"
    u32,            // notes
    u32,            // stage
    ExactRank,      // rank
    u8,             // status: 0 open, 1 won, 2 lost
    Option<u32>,    // loss reason
    Timestamp,      // created
    Timestamp,      // updated − created
    Timestamp,      // stage entered − created
    Option<i64>,    // won at − created
    Vec<Timestamp>, // history
    u32,            // revision
);

#[derive(Deserialize)]
struct StoredBoard {
    stages: Vec<Stage>,
    deals: Vec<Row>,
    /// Deleted deals as `[id, at]`.
    deleted: Vec<(String, Timestamp)>,
    settings: Settings,
    targets: Vec<Target>,
    deleted_targets: Vec<TargetTombstone>,
}

/// What `Encoder::finish` writes (by hand, part by part), read back in one go.
#[derive(Deserialize)]
struct Stored {
    // `format` was checked by `is_stored_form`; `app_version` is not needed to read it.
    version: u32,
    saved_at: Timestamp,
    strings: Vec<String>,
    board: StoredBoard,
}

/// True when `text` is in the stored form (what `encode` writes starts with its format).
pub fn is_stored_form(text: &str) -> bool {
    let head = text.get(..40).unwrap_or(text);
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .strip_prefix("{\"format\":\"")
        .is_some_and(|rest| {
            rest.starts_with(STORE_FORMAT) && rest[STORE_FORMAT.len()..].starts_with('"')
        })
}

/// A rank written so that it reads back as the very same `f64`: whole numbers (most ranks)
/// as numbers, others as the hex of their bits. serde_json's default float parsing may be one
/// unit in the last place off, and its exact mode costs wasm size; a rank that moved by that
/// much could swap two neighbouring cards.
struct ExactRank(f64);

/// Below 2^53 every whole number is an exact `f64`.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

impl Serialize for ExactRank {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let rank = self.0;
        if rank.fract() == 0.0
            && rank.abs() < EXACT_WHOLE
            && !(rank == 0.0 && rank.is_sign_negative())
        {
            out.serialize_i64(rank as i64)
        } else {
            out.serialize_str(&format!("{:x}", rank.to_bits()))
        }
    }
}

impl<'de> Deserialize<'de> for ExactRank {
    fn deserialize<D: serde::Deserializer<'de>>(input: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ExactRank;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number or the hex bits of a rank")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ExactRank, E> {
                Ok(ExactRank(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ExactRank, E> {
                Ok(ExactRank(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ExactRank, E> {
                u64::from_str_radix(v, 16)
                    .map(|bits| ExactRank(f64::from_bits(bits)))
                    .map_err(|_| E::custom(format!("{v:?} is not a rank")))
            }
        }
        input.deserialize_any(Visitor)
    }
}

/// Collects distinct strings and hands out their indexes. Keys borrow from the board, except
/// close dates, which are formatted here.
#[derive(Default)]
struct Strings<'a> {
    index: HashMap<Cow<'a, str>, u32>,
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

/// Reads the stored form back: types first (with the place of the first problem), then every
/// row's string indexes, then the board's own checks.
pub fn decode(text: &str) -> Result<(Board, Timestamp), RestoreError> {
    let text = text.trim_start_matches('\u{feff}');
    // Through `Value` and serde_path_to_error, like snapshots: the deserialisers of stages,
    // settings and targets are then the ones snapshots already use (each separate set of
    // them costs wasm size), and a problem is reported with its place.
    let value: Value =
        serde_json::from_str(text).map_err(|e| RestoreError::NotJson(e.to_string()))?;
    let stored: Stored = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let path = path.strip_prefix("board.").unwrap_or(&path).to_string();
        RestoreError::Invalid(vec![Problem::from_serde(&path, &e.inner().to_string())])
    })?;
    drop(value);
    if stored.version > CURRENT_VERSION {
        return Err(RestoreError::Newer {
            version: stored.version,
        });
    }
    let mut problems = Vec::new();
    let deals = stored
        .board
        .deals
        .into_iter()
        .enumerate()
        .filter_map(|(i, row)| match deal_of(row, &stored.strings) {
            Ok(deal) => Some(deal),
            Err((field, message)) => {
                problems.push(Problem::new(format!("deals[{i}].{field}"), message));
                None
            }
        })
        .collect();
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    let board = Board {
        stages: stored.board.stages,
        deals,
        deleted: stored
            .board
            .deleted
            .into_iter()
            .map(|(id, at)| Tombstone { id: DealId(id), at })
            .collect(),
        settings: stored.board.settings,
        targets: stored.board.targets,
        deleted_targets: stored.board.deleted_targets,
        positions: Default::default(),
    };
    let problems = validate(&board);
    if !problems.is_empty() {
        return Err(RestoreError::Invalid(problems));
    }
    Ok((board, stored.saved_at))
}

/// One row back into a deal; on failure the field and what is wrong with it.
fn deal_of(row: Row, strings: &[String]) -> Result<Deal, (&'static str, String)> {
    let text = |field: &'static str, i: u32| {
        strings
            .get(i as usize)
            .cloned()
            .ok_or((field, format!("string {i} is not in the table")))
    };
    let Row(
        id,
        title,
        customer,
        contact,
        value,
        currency,
        cost,
        owner,
        product,
        region,
        close_date,
        notes,
        stage,
        rank,
        status,
        loss_reason,
        created,
        updated,
        stage_entered,
        won_at,
        history,
        revision,
    ) = row;
    let currency = text("currency", currency)?;
    let currency = Currency::parse(&currency)
        .map_err(|_| ("currency", format!("{currency:?} is not a currency")))?;
    let close_date = match close_date {
        None => None,
        Some(i) => {
            let date = text("close_date", i)?;
            Some(parse_iso_date(&date).ok_or(("close_date", format!("{date:?} is not a date")))?)
        }
    };
    let status = match status {
        0 => DealStatus::Open,
        1 => DealStatus::Won,
        2 => DealStatus::Lost,
        other => return Err(("status", format!("{other} is not a status"))),
    };
    if history.len() % 2 != 0 {
        return Err(("history", "expected stage and time pairs".into()));
    }
    let history = history
        .chunks(2)
        .map(|pair| {
            let stage = u32::try_from(pair[0]).unwrap_or(u32::MAX);
            Ok(StageVisit {
                stage: StageId(text("history", stage)?),
                entered: created.wrapping_add(pair[1]),
            })
        })
        .collect::<Result<_, (&'static str, String)>>()?;
    Ok(Deal {
        id: DealId(id),
        title: text("title", title)?,
        customer: text("customer", customer)?,
        contact: text("contact", contact)?,
        value,
        currency,
        cost,
        owner: text("owner", owner)?,
        product: text("product", product)?,
        region: text("region", region)?,
        close_date,
        notes: text("notes", notes)?,
        stage: StageId(text("stage", stage)?),
        rank: rank.0,
        status,
        loss_reason: loss_reason.map(|i| text("loss_reason", i)).transpose()?,
        created,
        updated: created.wrapping_add(updated),
        stage_entered: created.wrapping_add(stage_entered),
        won_at: won_at.map(|t| created.wrapping_add(t)),
        history,
        revision,
    })
}
