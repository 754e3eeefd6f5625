//! The stored form read from its text (`json_read`), as `Encoder` writes it: every member is
//! required, rows are lists of 22 values in `Row`'s order.

use super::rank::ExactRank;
use super::Row;
use crate::domain::board::{DealId, Settings, Stage, Timestamp, Tombstone};
use crate::domain::quote::quoted;
use crate::domain::targets::target::{Target, TargetTombstone};
use crate::io::board_read::{self, option, required};
use crate::io::json_read::{Number, Read, Reader};
use crate::io::migrate::CURRENT_VERSION;

pub(super) struct Stored {
    pub version: u32,
    pub saved_at: Timestamp,
    pub strings: Vec<String>,
    pub board: StoredBoard,
}

pub(super) struct StoredBoard {
    pub stages: Vec<Stage>,
    pub deals: Vec<Row>,
    pub deleted: Vec<Tombstone>,
    pub settings: Settings,
    pub targets: Vec<Target>,
    pub deleted_targets: Vec<TargetTombstone>,
}

/// The whole text: one object, nothing after it.
pub(super) fn stored(text: &str) -> Read<Stored> {
    let r = &mut Reader::new(text, 0);
    let (mut version, mut saved_at, mut strings, mut board) = (None, None, None, None);
    // `format` was checked by `is_stored_form`; `app_version` is not needed to read it.
    r.object(&mut |r, key| {
        match key {
            "version" => version = Some(r.u32()?),
            "saved_at" => saved_at = Some(r.i64()?),
            "strings" => strings = Some(r.list(Reader::string)?),
            "board" => board = Some(stored_board(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    let stored = Stored {
        version: required(r, version, "version")?,
        saved_at: required(r, saved_at, "saved_at")?,
        strings: required(r, strings, "strings")?,
        board: required(r, board, "board")?,
    };
    r.end()?;
    Ok(stored)
}

/// Whether `text` is one JSON value and nothing more.
pub(super) fn check_json(text: &str) -> Read<()> {
    let r = &mut Reader::new(text, 0);
    r.skip()?;
    r.end()
}

fn stored_board(r: &mut Reader) -> Read<StoredBoard> {
    let (mut stages, mut deals, mut deleted) = (None, None, None);
    let (mut settings, mut targets, mut deleted_targets) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "stages" => stages = Some(r.list(board_read::stage)?),
            "deals" => deals = Some(r.list(row)?),
            "deleted" => deleted = Some(r.list(tombstone)?),
            "settings" => settings = Some(board_read::settings(r, CURRENT_VERSION)?),
            "targets" => targets = Some(r.list(board_read::target)?),
            "deleted_targets" => deleted_targets = Some(r.list(board_read::target_tombstone)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(StoredBoard {
        stages: required(r, stages, "stages")?,
        deals: required(r, deals, "deals")?,
        deleted: required(r, deleted, "deleted")?,
        settings: required(r, settings, "settings")?,
        targets: required(r, targets, "targets")?,
        deleted_targets: required(r, deleted_targets, "deleted_targets")?,
    })
}

/// A deleted deal as `[id, at]`.
fn tombstone(r: &mut Reader) -> Read<Tombstone> {
    r.item(0, 2)?;
    let id = DealId(r.string()?);
    r.item(1, 2)?;
    let at = r.i64()?;
    r.end_list(2)?;
    Ok(Tombstone { id, at })
}

/// A deal's row (`Row` says what each value is).
fn row(r: &mut Reader) -> Read<Row> {
    const LEN: usize = 22;
    r.item(0, LEN)?;
    let id = r.string()?;
    let index = |r: &mut Reader, i: usize| {
        r.item(i, LEN)?;
        r.u32()
    };
    let title = index(r, 1)?;
    let customer = index(r, 2)?;
    let contact = index(r, 3)?;
    r.item(4, LEN)?;
    let value = r.i64()?;
    let currency = index(r, 5)?;
    r.item(6, LEN)?;
    let cost = option(r, Reader::i64)?;
    let owner = index(r, 7)?;
    let product = index(r, 8)?;
    let region = index(r, 9)?;
    r.item(10, LEN)?;
    let close_date = option(r, Reader::u32)?;
    let notes = index(r, 11)?;
    let stage = index(r, 12)?;
    r.item(13, LEN)?;
    let rank = exact_rank(r)?;
    r.item(14, LEN)?;
    let status = r.u8()?;
    r.item(15, LEN)?;
    let loss_reason = option(r, Reader::u32)?;
    let time = |r: &mut Reader, i: usize| {
        r.item(i, LEN)?;
        r.i64()
    };
    let created = time(r, 16)?;
    let updated = time(r, 17)?;
    let stage_entered = time(r, 18)?;
    r.item(19, LEN)?;
    let won_at = option(r, Reader::i64)?;
    r.item(20, LEN)?;
    let history = r.list(Reader::i64)?;
    let revision = index(r, 21)?;
    r.end_list(LEN)?;
    Ok(Row(
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
    ))
}

/// A whole number, or the hex of the rank's bits (`rank.rs`).
fn exact_rank(r: &mut Reader) -> Read<ExactRank> {
    const EXPECTED: &str = "a whole number or the hex bits of a rank";
    r.peek();
    let start = r.at;
    match r.peek() {
        Some(b'"') => {
            let hex = r.str()?;
            match u64::from_str_radix(&hex, 16) {
                Ok(bits) => Ok(ExactRank(f64::from_bits(bits))),
                Err(_) => r.problem(start, format!("{} is not a rank", quoted(&hex))),
            }
        }
        Some(b'-' | b'0'..=b'9') => match r.number()? {
            Number::Whole(n) if i64::try_from(n).is_ok() || u64::try_from(n).is_ok() => {
                Ok(ExactRank(n as f64))
            }
            _ => {
                r.at = start;
                r.wrong(EXPECTED)
            }
        },
        _ => r.wrong(EXPECTED),
    }
}
