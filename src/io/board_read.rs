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
use crate::domain::date::{parse_iso_date, Date};
use crate::domain::money::Currency;
use crate::domain::quote::quoted;
use crate::domain::targets::period::Period;
use crate::domain::targets::progress::DEFAULT_BEHIND_THRESHOLD;
use crate::domain::targets::target::{
    Measure, Scope, SplitBy, SplitMethod, Target, TargetId, TargetTombstone,
};
use crate::io::json_read::{Read, Reader};
use crate::io::step_read;

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
    // As for a deal: filled in as the members come, `seen` marks the required ones.
    let mut stage = Stage {
        id: StageId(String::new()),
        name: String::new(),
        preset: None,
        probability: 0,
        kind: StageKind::Open,
        idle_days: None,
        limit: None,
        checklist: Vec::new(),
    };
    let mut seen = 0u32;
    r.object(&mut |r, key| {
        let required = match key {
            "id" => set(&mut stage.id, StageId(r.string()?), 1),
            "name" => set(&mut stage.name, r.string()?, 1 << 1),
            "preset" => {
                let names = PresetStage::ALL.map(PresetStage::key);
                let preset = option(r, |r| Ok(PresetStage::ALL[r.name(&names)?]))?;
                set(&mut stage.preset, preset, 0)
            }
            "probability" => set(&mut stage.probability, r.u8()?, 1 << 2),
            "kind" => set(&mut stage.kind, STAGE_KINDS[r.name(KINDS)?], 1 << 3),
            // Alert thresholds (absent before they existed, and when off).
            "idle_days" => set(&mut stage.idle_days, option(r, Reader::u32)?, 0),
            "limit" => set(&mut stage.limit, option(r, Reader::u32)?, 0),
            "checklist" => set(&mut stage.checklist, r.list(Reader::string)?, 0),
            _ => {
                r.skip()?;
                0
            }
        };
        seen |= required;
        Ok(())
    })?;
    all_there(r, seen, &["id", "name", "probability", "kind"])?;
    Ok(stage)
}

const KINDS: &[&str] = &["open", "won", "lost"];
const STAGE_KINDS: [StageKind; 3] = [StageKind::Open, StageKind::Won, StageKind::Lost];
const STATUSES: [DealStatus; 3] = [DealStatus::Open, DealStatus::Won, DealStatus::Lost];

/// A deal of format `version` (deals had no `cost` before version 3).
pub(crate) fn deal(r: &mut Reader, version: u32) -> Read<Deal> {
    // Filled in as the members come (a deal is read tens of thousands of times in an import:
    // no `Option` per member to unwrap). `seen` marks the required members that came, one
    // bit each in `DEAL_REQUIRED`'s order.
    let mut d = Deal::blank(DealId(String::new()), StageId(String::new()), 0.0, 0);
    let mut seen = 0u32;
    r.object(&mut |r, key| {
        let required = match key {
            "id" => set(&mut d.id, DealId(r.string()?), 1),
            "title" => set(&mut d.title, r.string()?, 1 << 1),
            "customer" => set(&mut d.customer, r.string()?, 0),
            "contact" => set(&mut d.contact, r.string()?, 0),
            "value" => set(&mut d.value, r.i64()?, 1 << 2),
            "currency" => set(&mut d.currency, currency(r)?, 1 << 3),
            "cost" if version >= 3 => set(&mut d.cost, option(r, Reader::i64)?, 0),
            "owner" => set(&mut d.owner, r.string()?, 0),
            "product" => set(&mut d.product, r.string()?, 0),
            "region" => set(&mut d.region, r.string()?, 0),
            "close_date" => set(&mut d.close_date, option(r, date)?, 0),
            "notes" => set(&mut d.notes, r.string()?, 0),
            "next_step" => set(&mut d.next_step, option(r, step_read::next_step)?, 0),
            "checked" => set(&mut d.checked, r.list(Reader::string)?, 0),
            "activities" => set(&mut d.activities, r.list(step_read::activity)?, 0),
            "stage" => set(&mut d.stage, StageId(r.string()?), 1 << 4),
            "rank" => set(&mut d.rank, r.f64()?, 1 << 5),
            "status" => set(&mut d.status, STATUSES[r.name(KINDS)?], 1 << 6),
            "loss_reason" => set(&mut d.loss_reason, option(r, Reader::string)?, 0),
            "created" => set(&mut d.created, r.i64()?, 1 << 7),
            "updated" => set(&mut d.updated, r.i64()?, 1 << 8),
            "stage_entered" => set(&mut d.stage_entered, r.i64()?, 1 << 9),
            "won_at" => set(&mut d.won_at, option(r, Reader::i64)?, 0),
            "history" => set(&mut d.history, r.list(stage_visit)?, 0),
            "revision" => set(&mut d.revision, r.u32()?, 0),
            _ => {
                r.skip()?;
                0
            }
        };
        seen |= required;
        Ok(())
    })?;
    all_there(r, seen, &DEAL_REQUIRED)?;
    Ok(d)
}

/// Puts a member's value in its place; the member's bit in `seen` (0 when it is optional).
pub(crate) fn set<T>(slot: &mut T, value: T, bit: u32) -> u32 {
    *slot = value;
    bit
}

/// A deal's required members, in the order a missing one is reported.
const DEAL_REQUIRED: [&str; 10] = [
    "id",
    "title",
    "value",
    "currency",
    "stage",
    "rank",
    "status",
    "created",
    "updated",
    "stage_entered",
];

/// Fails on the first of `names` whose bit is not in `seen`, where the object ended.
pub(crate) fn all_there(r: &Reader, seen: u32, names: &[&str]) -> Read<()> {
    match (0..names.len()).find(|i| seen & (1 << i) == 0) {
        Some(i) => required(r, None::<()>, names[i]),
        None => Ok(()),
    }
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
    let mut team = Vec::new();
    r.object(&mut |r, key| {
        match key {
            "default_currency" => default_currency = Some(currency(r)?),
            "behind_threshold" if version >= 3 => behind_threshold = Some(r.u8()?),
            "team" => team = r.list(Reader::string)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Settings {
        default_currency: required(r, default_currency, "default_currency")?,
        behind_threshold: behind_threshold.unwrap_or(DEFAULT_BEHIND_THRESHOLD),
        team,
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

pub(crate) fn date(r: &mut Reader) -> Read<Date> {
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
/// In the order of `SplitBy::ALL`, which the name's index picks from.
const SPLIT_BY_NAMES: &[&str] = &{
    let by = SplitBy::ALL;
    [
        by[0].key(),
        by[1].key(),
        by[2].key(),
        by[3].key(),
        by[4].key(),
    ]
};

/// A target.
pub(crate) fn target(r: &mut Reader) -> Read<Target> {
    // As for a deal: filled in as the members come, `seen` marks the required ones.
    let mut t = Target::new(
        TargetId(String::new()),
        Measure::WonValue,
        Period::Year(0),
        Scope::default(),
        0,
        Currency::default(),
    );
    let mut seen = 0u32;
    r.object(&mut |r, key| {
        let required = match key {
            "id" => set(&mut t.id, TargetId(r.string()?), 1),
            "parent" => set(&mut t.parent, option(r, |r| Ok(TargetId(r.string()?)))?, 0),
            "measure" => set(&mut t.measure, MEASURES[r.name(MEASURE_NAMES)?], 1 << 1),
            "period" => set(&mut t.period, period(r)?, 1 << 2),
            "scope" => set(&mut t.scope, scope(r)?, 0),
            "amount" => set(&mut t.amount, r.i64()?, 1 << 3),
            "currency" => set(&mut t.currency, currency(r)?, 1 << 4),
            "market" => set(&mut t.market, option(r, Reader::i64)?, 0),
            "split" => set(&mut t.split, option(r, split_method)?, 0),
            "split_by" => {
                let by = option(r, |r| Ok(SplitBy::ALL[r.name(SPLIT_BY_NAMES)?]))?;
                set(&mut t.split_by, by, 0)
            }
            "revision" => set(&mut t.revision, r.u32()?, 0),
            "updated" => set(&mut t.updated, r.i64()?, 1 << 5),
            _ => {
                r.skip()?;
                0
            }
        };
        seen |= required;
        Ok(())
    })?;
    all_there(
        r,
        seen,
        &["id", "measure", "period", "amount", "currency", "updated"],
    )?;
    Ok(t)
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
