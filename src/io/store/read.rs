//! The stored form read from its text (`json_read`), as `Encoder` writes it: every member is
//! required, and each row (a list of 22 values, `encode::write_row`'s order) becomes its deal
//! at once, its texts taken from the table of strings.

use super::rank::ExactRank;
use crate::domain::board::{
    Activity, Board, Deal, DealId, DealStatus, NextStep, StageId, StageVisit, StepKind, Timestamp,
    Tombstone,
};
use crate::domain::date::{parse_iso_date, Date};
use crate::domain::money::Currency;
use crate::domain::quote::quoted;
use crate::io::board_read::{self, option, required};
use crate::io::json_read::{Number, Read, Reader};
use crate::io::migrate::CURRENT_VERSION;
use crate::io::step_read;
use crate::io::validate::Problem;

/// What the text holds: its version, when it was saved, and the board unless the version is
/// newer than this app reads (its rows may be laid out otherwise).
pub(super) struct Stored {
    pub version: u32,
    pub saved_at: Timestamp,
    pub board: Option<Board>,
}

/// The whole text: one object, nothing after it. A row whose string indexes or values do not
/// make a deal is left out and its first problem added to `problems`; a value of the wrong
/// kind stops the read.
pub(super) fn stored(text: &str, problems: &mut Vec<Problem>) -> Read<Stored> {
    let r = &mut Reader::new(text, 0);
    let (mut version, mut saved_at, mut strings, mut board) = (None, None, None, None);
    // Where the board starts when it came before the table of strings (the app writes the
    // table first; a copy whose members were reordered is read in a second step).
    let mut board_at = None;
    // `format` was checked by `is_stored_form`; `app_version` is not needed to read it.
    r.object(&mut |r, key| {
        match key {
            "version" => version = Some(r.u32()?),
            "saved_at" => saved_at = Some(r.i64()?),
            "strings" => strings = Some(r.list(Reader::string)?),
            "board" => match (&strings, version) {
                (Some(strings), Some(v)) if v <= CURRENT_VERSION => {
                    board = Some(stored_board(r, strings, problems)?)
                }
                _ => {
                    board_at = Some(r.at);
                    r.skip()?
                }
            },
            _ => r.skip()?,
        }
        Ok(())
    })?;
    let version = required(r, version, "version")?;
    let saved_at = required(r, saved_at, "saved_at")?;
    let strings = required(r, strings, "strings")?;
    if board.is_none() {
        required(r, board_at, "board")?;
    }
    r.end()?;
    if let (None, Some(at), true) = (&board, board_at, version <= CURRENT_VERSION) {
        board = Some(stored_board(
            &mut Reader::new(text, at),
            &strings,
            problems,
        )?);
    }
    Ok(Stored {
        version,
        saved_at,
        board,
    })
}

/// Whether `text` is one JSON value and nothing more.
pub(super) fn check_json(text: &str) -> Read<()> {
    let r = &mut Reader::new(text, 0);
    r.skip()?;
    r.end()
}

fn stored_board(r: &mut Reader, strings: &[String], problems: &mut Vec<Problem>) -> Read<Board> {
    let (mut stages, mut deals, mut deleted) = (None, None, None);
    let (mut settings, mut targets, mut deleted_targets) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "stages" => stages = Some(r.list(board_read::stage)?),
            "deals" => {
                let mut list = Vec::new();
                let mut i = 0;
                r.array(&mut |r| {
                    let texts = &mut Texts {
                        strings,
                        problem: None,
                    };
                    let deal = row(r, texts)?;
                    match texts.problem.take() {
                        None => list.push(deal),
                        Some((field, message)) => {
                            problems.push(Problem::new(format!("deals[{i}].{field}"), message))
                        }
                    }
                    i += 1;
                    Ok(())
                })?;
                deals = Some(list)
            }
            "deleted" => deleted = Some(r.list(tombstone)?),
            "settings" => settings = Some(board_read::settings(r, CURRENT_VERSION)?),
            "targets" => targets = Some(r.list(board_read::target)?),
            "deleted_targets" => deleted_targets = Some(r.list(board_read::target_tombstone)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Board {
        stages: required(r, stages, "stages")?,
        deals: required(r, deals, "deals")?.into(),
        deleted: required(r, deleted, "deleted")?,
        settings: required(r, settings, "settings")?,
        targets: required(r, targets, "targets")?,
        deleted_targets: required(r, deleted_targets, "deleted_targets")?,
        positions: Default::default(),
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

/// A row's texts from the table; the first one that cannot be made is the row's problem.
struct Texts<'s> {
    strings: &'s [String],
    problem: Option<(&'static str, String)>,
}

impl Texts<'_> {
    /// The text at `index`, or "" and the row's problem.
    fn text(&mut self, field: &'static str, index: i64) -> String {
        let found = usize::try_from(index)
            .ok()
            .and_then(|i| self.strings.get(i));
        match found {
            Some(text) => text.clone(),
            None => {
                self.fail(field, format!("string {index} is not in the table"));
                String::new()
            }
        }
    }

    fn fail(&mut self, field: &'static str, message: String) {
        self.problem.get_or_insert((field, message));
    }
}

const ROW: usize = 22;

/// A deal from its row. Times after `created` are differences from it; the history is
/// `[stage, entered, stage, entered, …]`.
fn row(r: &mut Reader, texts: &mut Texts) -> Read<Deal> {
    r.item(0, ROW)?;
    let id = DealId(r.string()?);
    // The value at `i`: a string index, read as its text.
    let text = |r: &mut Reader, texts: &mut Texts, i: usize, field: &'static str| {
        r.item(i, ROW)?;
        let index = r.u32()?;
        Ok(texts.text(field, index.into()))
    };
    let title = text(r, texts, 1, "title")?;
    let customer = text(r, texts, 2, "customer")?;
    let contact = text(r, texts, 3, "contact")?;
    r.item(4, ROW)?;
    let value = r.i64()?;
    let code = text(r, texts, 5, "currency")?;
    let currency = Currency::parse(&code).unwrap_or_else(|_| {
        texts.fail("currency", format!("{} is not a currency", quoted(&code)));
        Currency::default()
    });
    r.item(6, ROW)?;
    let cost = option(r, Reader::i64)?;
    let owner = text(r, texts, 7, "owner")?;
    let product = text(r, texts, 8, "product")?;
    let region = text(r, texts, 9, "region")?;
    r.item(10, ROW)?;
    let close_date = option(r, Reader::u32)?.and_then(|i| {
        let date = texts.text("close_date", i.into());
        let parsed = parse_iso_date(&date);
        if parsed.is_none() {
            texts.fail("close_date", format!("{} is not a date", quoted(&date)));
        }
        parsed
    });
    let notes = text(r, texts, 11, "notes")?;
    let stage = StageId(text(r, texts, 12, "stage")?);
    r.item(13, ROW)?;
    let rank = exact_rank(r)?.0;
    r.item(14, ROW)?;
    let status = match r.u8()? {
        0 => DealStatus::Open,
        1 => DealStatus::Won,
        2 => DealStatus::Lost,
        other => {
            texts.fail("status", format!("{other} is not a status"));
            DealStatus::Open
        }
    };
    r.item(15, ROW)?;
    let loss_reason = option(r, Reader::u32)?.map(|i| texts.text("loss_reason", i.into()));
    let time = |r: &mut Reader, i: usize| {
        r.item(i, ROW)?;
        r.i64()
    };
    let created = time(r, 16)?;
    let updated = created.wrapping_add(time(r, 17)?);
    let stage_entered = created.wrapping_add(time(r, 18)?);
    r.item(19, ROW)?;
    let won_at = option(r, Reader::i64)?.map(|t| created.wrapping_add(t));
    r.item(20, ROW)?;
    let pairs = r.list(Reader::i64)?;
    if pairs.len() % 2 != 0 {
        texts.fail("history", "expected stage and time pairs".into());
    }
    let history = pairs
        .chunks_exact(2)
        .map(|pair| StageVisit {
            stage: StageId(texts.text("history", pair[0])),
            entered: created.wrapping_add(pair[1]),
        })
        .collect();
    r.item(21, ROW)?;
    let revision = r.u32()?;
    // Then, when the deal has them (`encode::write_row`), its next step (or null), its
    // ticked exit criteria and its steps done.
    let mut len = ROW;
    let mut next_step = None;
    let mut checked = Vec::new();
    let mut activities = Vec::new();
    if r.peek() == Some(b',') {
        r.item(ROW, ROW + 1)?;
        next_step = option(r, |r| self::next_step(r, texts))?;
        len += 1;
        if r.peek() == Some(b',') {
            r.item(ROW + 1, ROW + 2)?;
            let items = r.list(Reader::u32)?;
            let text = |i: u32| texts.text("checked", i.into());
            checked = items.into_iter().map(text).collect();
            len += 1;
        }
        if r.peek() == Some(b',') {
            r.item(ROW + 2, ROW + 3)?;
            activities = r.list(|r| activity(r, texts))?;
            len += 1;
        }
    }
    r.end_list(len)?;
    Ok(Deal {
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
        next_step,
        checked,
        activities,
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
    })
}

/// A next step as `[kind, due, note]`; a kind or date that cannot be made is the row's problem.
fn next_step(r: &mut Reader, texts: &mut Texts) -> Read<NextStep> {
    r.item(0, 3)?;
    let kind = r.u8()?;
    r.item(1, 3)?;
    let due = r.u32()?;
    r.item(2, 3)?;
    let note = texts.text("next_step", r.u32()?.into());
    r.end_list(3)?;
    Ok(NextStep {
        note,
        ..step(texts, "next_step", kind, due)
    })
}

/// A step's kind (`StepKind::ALL`'s index) and day (a text's index); one that cannot be made
/// is the row's problem.
fn step(texts: &mut Texts, field: &'static str, kind: u8, day: u32) -> NextStep {
    let day = texts.text(field, day.into());
    let due = parse_iso_date(&day).unwrap_or_else(|| {
        texts.fail(field, format!("{} is not a date", quoted(&day)));
        Date::MIN
    });
    let kind = StepKind::ALL.get(usize::from(kind)).copied();
    let kind = kind.unwrap_or_else(|| {
        texts.fail(field, "not a kind of step".into());
        StepKind::Call
    });
    NextStep {
        kind,
        due,
        note: String::new(),
    }
}

/// A step done as `[kind, day, note, rating]` (the rating 1 to 5, or null).
fn activity(r: &mut Reader, texts: &mut Texts) -> Read<Activity> {
    r.item(0, 4)?;
    let kind = r.u8()?;
    r.item(1, 4)?;
    let done = r.u32()?;
    r.item(2, 4)?;
    let note = texts.text("activities", r.u32()?.into());
    r.item(3, 4)?;
    let rating = option(r, step_read::rating)?;
    r.end_list(4)?;
    let step = step(texts, "activities", kind, done);
    Ok(Activity {
        kind: step.kind,
        done: step.due,
        note,
        rating,
    })
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
