//! The compact form the board takes in localStorage. The browser gives a site about 5 million
//! UTF-16 units there, and the readable snapshot spends ~550 of them per deal, mostly on keys
//! and on repeated owners, products, regions and stage ids: 9,400 deals filled it. Here a deal
//! is an array in a fixed order, every text but the id is an index into one table of distinct
//! strings, and times after `created` are differences from it (wrapping, so any value
//! survives). About 155 units per deal, so 10,000 deals use under a third of the quota. Lossless: `decode(encode(b)) == b`.
//!
//! Only the app writes this form, and only to storage; files people share stay readable
//! snapshots (`snapshot::encode_pretty`). `snapshot::restore` and file import recognise both.
//! The layout belongs to board format version 3: a version 4 that changes the deal must keep a
//! reader for these rows.

mod encode;
mod rank;
mod read;

use crate::domain::quote::quoted;
pub use encode::{encode, Encoder};
use rank::ExactRank;

use crate::domain::board::{Board, Deal, DealId, DealStatus, StageId, StageVisit, Timestamp};
use crate::domain::date::parse_iso_date;
use crate::domain::money::Currency;
use crate::io::json_read::ErrorKind;
use crate::io::json_scan::problem_at;
use crate::io::migrate::CURRENT_VERSION;
use crate::io::snapshot::RestoreError;
use crate::io::validate::{validate, Problem};

/// The `format` of the stored form; always the first field, so it is recognised cheaply.
pub const STORE_FORMAT: &str = "dealboard-store";

/// One deal: fields in `Deal`'s order; `u32`s are indexes into `strings`; times after
/// `created` are milliseconds from it; the history is `[stage, entered, stage, entered, …]`.
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

/// Reads the stored form back: types first (with the place of the first problem), then every
/// row's string indexes, then the board's own checks.
pub fn decode(text: &str) -> Result<(Board, Timestamp), RestoreError> {
    let text = text.trim_start_matches('\u{feff}');
    let stored = read::stored(text).map_err(|e| match e.kind {
        ErrorKind::Syntax(_) => RestoreError::NotJson(e.describe(text)),
        // Text that is not JSON is reported as such, as for snapshots (whose envelope is
        // checked whole first), even when a problem comes before the place it breaks.
        ErrorKind::Data(_) if let Err(broken) = read::check_json(text) => {
            RestoreError::NotJson(broken.describe(text))
        }
        ErrorKind::Data(_) => {
            let problem = problem_at(text, &e);
            let path = match problem.path.strip_prefix("board.") {
                Some(path) => path.to_string(),
                None => problem.path,
            };
            RestoreError::Invalid(vec![Problem::new(path, problem.message)])
        }
    })?;
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
        deleted: stored.board.deleted,
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
    let currency = Currency::parse(&currency).map_err(|_| {
        (
            "currency",
            format!("{} is not a currency", quoted(&currency)),
        )
    })?;
    let close_date = match close_date {
        None => None,
        Some(i) => {
            let date = text("close_date", i)?;
            Some(
                parse_iso_date(&date)
                    .ok_or(("close_date", format!("{} is not a date", quoted(&date))))?,
            )
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
