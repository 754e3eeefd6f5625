//! The board's types read from JSON text (`json_read`), member by member, as the snapshot
//! format writes them (the derived `Serialize` of `domain::board` and `domain::targets`).
//! Members this version does not know are passed over, so a file from a sibling build with
//! extra data still reads; a member that is not optional and is missing is a problem of the
//! object that lacks it.
//!
//! A member given twice counts as its last value, and every value given must be of the right
//! kind (the serde build kept only the last, unread, for snapshots).
//!
//! Older format versions are read by the same functions: `version` says which members that
//! version's files had (`io::migrate` lists the changes).

use crate::domain::board::{
    Board, Deal, DealId, DealStatus, PresetStage, Settings, Stage, StageId, StageKind, StageVisit,
    Timestamp, Tombstone,
};
use crate::domain::date::parse_iso_date;
use crate::domain::money::Currency;
use crate::domain::quote::quoted;
use crate::domain::targets::period::Period;
use crate::domain::targets::progress::DEFAULT_BEHIND_THRESHOLD;
use crate::domain::targets::target::{
    Measure, Scope, SplitBy, SplitMethod, Target, TargetId, TargetTombstone,
};
use crate::io::json_read::{Read, Reader};
use chrono::NaiveDate;

/// A member that must be there: missing, it is reported where the object ends.
pub(crate) fn required<T>(r: &Reader, value: Option<T>, name: &str) -> Read<T> {
    match value {
        Some(value) => Ok(value),
        None => r.problem(r.at, format!("missing field `{name}`")),
    }
}

/// `null`, or what `read` reads.
pub(crate) fn option<'a, T>(
    r: &mut Reader<'a>,
    read: impl FnOnce(&mut Reader<'a>) -> Read<T>,
) -> Read<Option<T>> {
    if r.null()? {
        Ok(None)
    } else {
        read(r).map(Some)
    }
}

/// A board of format `version` (the `board` member of a snapshot).
pub(crate) fn board(r: &mut Reader, version: u32) -> Read<Board> {
    let (mut stages, mut deals, mut deleted, mut settings) = (None, None, None, None);
    let (mut targets, mut deleted_targets) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "stages" => stages = Some(r.list(stage)?),
            "deals" => deals = Some(r.list(|r| deal(r, version))?),
            "deleted" => deleted = Some(r.list(tombstone)?),
            "settings" => settings = Some(self::settings(r, version)?),
            // Before version 3 these were a sibling build's data, not targets.
            "targets" if version >= 3 => targets = Some(r.list(target)?),
            "deleted_targets" if version >= 3 => deleted_targets = Some(r.list(target_tombstone)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Board {
        stages: required(r, stages, "stages")?,
        deals: required(r, deals, "deals")?.into(),
        // Version 1 recorded no deletions.
        deleted: match version {
            1 => deleted.unwrap_or_default(),
            _ => required(r, deleted, "deleted")?,
        },
        settings: settings.unwrap_or_default(),
        targets: targets.unwrap_or_default(),
        deleted_targets: deleted_targets.unwrap_or_default(),
        positions: Default::default(),
    })
}

/// A stage.
pub(crate) fn stage(r: &mut Reader) -> Read<Stage> {
    let (mut id, mut name, mut preset, mut probability, mut kind) = (None, None, None, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(StageId(r.string()?)),
            "name" => name = Some(r.string()?),
            "preset" => {
                let names = PresetStage::ALL.map(PresetStage::key);
                preset = option(r, |r| Ok(PresetStage::ALL[r.name(&names)?]))?
            }
            "probability" => probability = Some(r.u8()?),
            "kind" => kind = Some(STAGE_KINDS[r.name(KINDS)?]),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Stage {
        id: required(r, id, "id")?,
        name: required(r, name, "name")?,
        preset,
        probability: required(r, probability, "probability")?,
        kind: required(r, kind, "kind")?,
    })
}

const KINDS: &[&str] = &["open", "won", "lost"];
const STAGE_KINDS: [StageKind; 3] = [StageKind::Open, StageKind::Won, StageKind::Lost];
const STATUSES: [DealStatus; 3] = [DealStatus::Open, DealStatus::Won, DealStatus::Lost];

/// A deal of format `version` (deals had no `cost` before version 3).
pub(crate) fn deal(r: &mut Reader, version: u32) -> Read<Deal> {
    let (mut id, mut title, mut customer, mut contact) = (None, None, None, None);
    let (mut value, mut currency, mut cost, mut owner) = (None, None, None, None);
    let (mut product, mut region, mut close_date, mut notes) = (None, None, None, None);
    let (mut stage, mut rank, mut status, mut loss_reason) = (None, None, None, None);
    let (mut created, mut updated, mut stage_entered, mut won_at) = (None, None, None, None);
    let (mut history, mut revision) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(DealId(r.string()?)),
            "title" => title = Some(r.string()?),
            "customer" => customer = Some(r.string()?),
            "contact" => contact = Some(r.string()?),
            "value" => value = Some(r.i64()?),
            "currency" => currency = Some(self::currency(r)?),
            "cost" if version >= 3 => cost = option(r, Reader::i64)?,
            "owner" => owner = Some(r.string()?),
            "product" => product = Some(r.string()?),
            "region" => region = Some(r.string()?),
            "close_date" => close_date = option(r, date)?,
            "notes" => notes = Some(r.string()?),
            "stage" => stage = Some(StageId(r.string()?)),
            "rank" => rank = Some(r.f64()?),
            "status" => status = Some(STATUSES[r.name(KINDS)?]),
            "loss_reason" => loss_reason = option(r, Reader::string)?,
            "created" => created = Some(r.i64()?),
            "updated" => updated = Some(r.i64()?),
            "stage_entered" => stage_entered = Some(r.i64()?),
            "won_at" => won_at = option(r, Reader::i64)?,
            "history" => history = Some(r.list(stage_visit)?),
            "revision" => revision = Some(r.u32()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Deal {
        id: required(r, id, "id")?,
        title: required(r, title, "title")?,
        customer: customer.unwrap_or_default(),
        contact: contact.unwrap_or_default(),
        value: required(r, value, "value")?,
        currency: required(r, currency, "currency")?,
        cost,
        owner: owner.unwrap_or_default(),
        product: product.unwrap_or_default(),
        region: region.unwrap_or_default(),
        close_date,
        notes: notes.unwrap_or_default(),
        stage: required(r, stage, "stage")?,
        rank: required(r, rank, "rank")?,
        status: required(r, status, "status")?,
        loss_reason,
        created: required(r, created, "created")?,
        updated: required(r, updated, "updated")?,
        stage_entered: required(r, stage_entered, "stage_entered")?,
        won_at,
        history: history.unwrap_or_default(),
        revision: revision.unwrap_or_default(),
    })
}

fn stage_visit(r: &mut Reader) -> Read<StageVisit> {
    let (mut stage, mut entered) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "stage" => stage = Some(StageId(r.string()?)),
            "entered" => entered = Some(r.i64()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(StageVisit {
        stage: required(r, stage, "stage")?,
        entered: required(r, entered, "entered")?,
    })
}

/// An id and a time: the shape of both kinds of tombstone.
fn id_and_time(r: &mut Reader) -> Read<(String, Timestamp)> {
    let (mut id, mut at) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(r.string()?),
            "at" => at = Some(r.i64()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok((required(r, id, "id")?, required(r, at, "at")?))
}

fn tombstone(r: &mut Reader) -> Read<Tombstone> {
    let (id, at) = id_and_time(r)?;
    Ok(Tombstone { id: DealId(id), at })
}

pub(crate) fn target_tombstone(r: &mut Reader) -> Read<TargetTombstone> {
    let (id, at) = id_and_time(r)?;
    Ok(TargetTombstone {
        id: TargetId(id),
        at,
    })
}

/// The settings (before version 3 there was no `behind_threshold`: the default).
pub(crate) fn settings(r: &mut Reader, version: u32) -> Read<Settings> {
    let (mut default_currency, mut behind_threshold) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "default_currency" => default_currency = Some(currency(r)?),
            "behind_threshold" if version >= 3 => behind_threshold = Some(r.u8()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Settings {
        default_currency: required(r, default_currency, "default_currency")?,
        behind_threshold: behind_threshold.unwrap_or(DEFAULT_BEHIND_THRESHOLD),
    })
}

/// A string that `parse` accepts; otherwise `parse`'s message, at the string.
fn parsed<T>(r: &mut Reader, parse: impl FnOnce(&str) -> Result<T, String>) -> Read<T> {
    r.peek();
    let start = r.at;
    let text = r.str()?;
    parse(&text).or_else(|message| r.problem(start, message))
}

pub(crate) fn currency(r: &mut Reader) -> Read<Currency> {
    parsed(r, |code| Currency::parse(code).map_err(|e| e.to_string()))
}

fn date(r: &mut Reader) -> Read<NaiveDate> {
    parsed(r, |text| {
        parse_iso_date(text)
            .ok_or_else(|| format!("expected a date like 2026-12-31, found {}", quoted(text)))
    })
}

fn period(r: &mut Reader) -> Read<Period> {
    parsed(r, |text| Period::try_from(text.to_string()))
}

const MEASURES: [Measure; 3] = [Measure::WonValue, Measure::WonCount, Measure::GrossMargin];
const MEASURE_NAMES: &[&str] = &["won_value", "won_count", "gross_margin"];
const SPLIT_BY_NAMES: &[&str] = &["time", "owner", "product", "region", "customer"];

/// A target.
pub(crate) fn target(r: &mut Reader) -> Read<Target> {
    let (mut id, mut parent, mut measure, mut period) = (None, None, None, None);
    let (mut scope, mut amount, mut currency, mut split) = (None, None, None, None);
    let (mut split_by, mut revision, mut updated) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => id = Some(TargetId(r.string()?)),
            "parent" => parent = option(r, |r| Ok(TargetId(r.string()?)))?,
            "measure" => measure = Some(MEASURES[r.name(MEASURE_NAMES)?]),
            "period" => period = Some(self::period(r)?),
            "scope" => scope = Some(self::scope(r)?),
            "amount" => amount = Some(r.i64()?),
            "currency" => currency = Some(self::currency(r)?),
            "split" => split = option(r, split_method)?,
            "split_by" => split_by = option(r, |r| Ok(SplitBy::ALL[r.name(SPLIT_BY_NAMES)?]))?,
            "revision" => revision = Some(r.u32()?),
            "updated" => updated = Some(r.i64()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Target {
        id: required(r, id, "id")?,
        parent,
        measure: required(r, measure, "measure")?,
        period: required(r, period, "period")?,
        scope: scope.unwrap_or_default(),
        amount: required(r, amount, "amount")?,
        currency: required(r, currency, "currency")?,
        split,
        split_by,
        revision: revision.unwrap_or_default(),
        updated: required(r, updated, "updated")?,
    })
}

fn scope(r: &mut Reader) -> Read<Scope> {
    let mut scope = Scope::default();
    r.object(&mut |r, key| {
        let field = match key {
            "owner" => &mut scope.owner,
            "product" => &mut scope.product,
            "region" => &mut scope.region,
            "customer" => &mut scope.customer,
            _ => return r.skip(),
        };
        *field = option(r, Reader::string)?;
        Ok(())
    })?;
    Ok(scope)
}

/// `"even"`, `"seasonal"`, or `{"weights": [3, 2, 1]}` (serde's forms: `{"even": null}` too).
fn split_method(r: &mut Reader) -> Read<SplitMethod> {
    const NAMES: &[&str] = &["even", "weights", "seasonal"];
    r.peek();
    let start = r.at;
    if r.peek() == Some(b'{') {
        // Only `weights`, alone: then its list. Anything else is read as a name (below).
        let mut weights = None;
        let mut members = 0;
        r.object(&mut |r, key| {
            members += 1;
            match key {
                "weights" if r.peek() != Some(b'n') => weights = Some(r.list(Reader::u32)?),
                _ => r.skip()?,
            }
            Ok(())
        })?;
        if let (Some(weights), 1) = (weights, members) {
            return Ok(SplitMethod::Weights(weights));
        }
        r.at = start;
    }
    match r.name(NAMES)? {
        0 => Ok(SplitMethod::Even),
        2 => Ok(SplitMethod::Seasonal),
        _ => r.problem(start, "expected {\"weights\": [...]}".to_string()),
    }
}
