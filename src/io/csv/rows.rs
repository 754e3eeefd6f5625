//! Turning CSV rows into deals: stages, currencies, amounts and dates as people write them,
//! every problem with its line.

use super::fields::Field;
use super::problems::{CsvIssue, CsvProblem};
use super::read::CsvTable;
use super::write::unneutralise;
use crate::domain::board::{Board, DealFields, DealId, Stage, StageId, StageKind};
use crate::domain::date::Date;
use crate::domain::lowercase::lowercase;
use crate::domain::money::{parse_amount, Currency};

/// What a CSV import would add.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvImport {
    /// The good rows in file order: the deal's fields and the stage it goes into. Add each
    /// with `Command::AddDeal` (which trims and checks them once more).
    pub rows: Vec<(DealFields, StageId)>,
    /// Good rows whose Id names a deal on the board (our own export imported again): that
    /// deal's fields with the file's columns written over them, and its stage. Apply each
    /// with `Command::MoveDeal` (when the stage differs) and `Command::EditDeal`, so a file
    /// imported twice updates its deals rather than doubling them.
    pub updates: Vec<(DealId, DealFields, StageId)>,
    /// Rows left out, each problem with its line (`line 7: Value: expected an amount, found
    /// "abc"`); a row may have several.
    pub errors: Vec<CsvIssue>,
    /// Remarks on imported rows, e.g. a stage that was not found.
    pub notes: Vec<CsvIssue>,
    /// Rows with no text in any cell, skipped silently.
    pub blank_rows: usize,
}

/// Turns the rows of `table` into deals, reading column `i` as `mapping[i]` (missing entries
/// mean "ignore"). Cells are trimmed (notes excepted) and an export's protective `'` is taken
/// off. A stage is found by its shown name, stored name or id, ignoring case; an empty
/// or unknown stage becomes the first open stage, with a note. Currency defaults to
/// `default_currency`, value to 0. A row whose Id names a deal on the board is an update
/// (`CsvImport::updates`): columns the mapping leaves out keep the deal's values, and an
/// empty or unknown stage keeps its stage.
pub fn import_rows(
    table: &CsvTable,
    mapping: &[Option<Field>],
    board: &Board,
    default_currency: &Currency,
    stage_name: impl Fn(&Stage) -> String,
) -> CsvImport {
    let mut out = CsvImport::default();
    let fallback = board
        .stages
        .iter()
        .find(|s| s.kind == StageKind::Open)
        .or_else(|| board.stages.first());
    let stage_mapped = mapping.contains(&Some(Field::Stage));
    for row in &table.rows {
        let cell = |field: Field| -> Option<&str> {
            mapping
                .iter()
                .enumerate()
                .filter(|(_, f)| **f == Some(field))
                .filter_map(|(i, _)| row.cells.get(i))
                .map(|c| unneutralise(c.trim()))
                .find(|c| !c.is_empty())
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            out.blank_rows += 1;
            continue;
        }
        // The deal this row updates, when its Id names one on the board.
        let existing = cell(Field::Id).and_then(|id| board.deal(&DealId(id.to_string())));
        let base = existing.map(|d| d.fields());
        let mapped = |field: Field| mapping.contains(&Some(field));
        let mut errors = Vec::new();
        let mut error = |field: Option<Field>, problem: CsvProblem| {
            errors.push(CsvIssue {
                line: row.line,
                field,
                problem,
            })
        };
        let title = match (cell(Field::Title), &base) {
            (None, Some(b)) if !mapped(Field::Title) => b.title.as_str(),
            (title, _) => title.unwrap_or(""),
        };
        if title.is_empty() {
            error(Some(Field::Title), CsvProblem::NeedsTitle);
        }
        let currency = match cell(Field::Currency) {
            None => Some(
                base.as_ref()
                    .map_or(default_currency, |b| &b.currency)
                    .clone(),
            ),
            Some(text) => parse_currency(text).or_else(|| {
                error(
                    Some(Field::Currency),
                    CsvProblem::BadCurrency { found: text.into() },
                );
                None
            }),
        };
        let value = match (cell(Field::Value), &currency) {
            (None, _) if !mapped(Field::Value) => base.as_ref().map_or(0, |b| b.value),
            (None, _) => 0,
            (Some(text), Some(currency)) => parse_value(text, currency).unwrap_or_else(|| {
                error(
                    Some(Field::Value),
                    CsvProblem::BadAmount { found: text.into() },
                );
                0
            }),
            (Some(_), None) => 0,
        };
        let close_date = match cell(Field::CloseDate) {
            None if !mapped(Field::CloseDate) => base.as_ref().and_then(|b| b.close_date),
            None => None,
            Some(text) => match parse_date(text) {
                Ok(date) => Some(date),
                Err(ambiguous) => {
                    error(
                        Some(Field::CloseDate),
                        CsvProblem::BadDate {
                            found: text.into(),
                            ambiguous,
                        },
                    );
                    None
                }
            },
        };
        if fallback.is_none() {
            error(None, CsvProblem::NoStageOnBoard);
        }
        if !errors.is_empty() {
            out.errors.extend(errors);
            continue;
        }
        let Some(fallback) = fallback else { continue };
        // An update stays in its stage unless the row names another one.
        let fallback = existing
            .and_then(|d| board.stage(&d.stage))
            .unwrap_or(fallback);
        let stage = match cell(Field::Stage) {
            Some(text) => match find_stage(board, text, &stage_name) {
                Some(stage) => stage.id.clone(),
                None => {
                    out.notes.push(CsvIssue {
                        line: row.line,
                        field: Some(Field::Stage),
                        problem: CsvProblem::UnknownStage {
                            found: text.into(),
                            fallback: stage_name(fallback),
                        },
                    });
                    fallback.id.clone()
                }
            },
            None => {
                if stage_mapped && existing.is_none() {
                    out.notes.push(CsvIssue {
                        line: row.line,
                        field: Some(Field::Stage),
                        problem: CsvProblem::EmptyStage {
                            fallback: stage_name(fallback),
                        },
                    });
                }
                fallback.id.clone()
            }
        };
        // A mapped column is the file's word, empty or not; one left out keeps the deal's.
        let text = |field: Field, kept: Option<&String>| match (mapped(field), kept) {
            (false, Some(kept)) => kept.clone(),
            _ => cell(field).unwrap_or("").to_string(),
        };
        let notes = match (mapped(Field::Notes), &base) {
            (false, Some(b)) => b.notes.clone(),
            _ => mapping
                .iter()
                .enumerate()
                .filter(|(_, f)| **f == Some(Field::Notes))
                .filter_map(|(i, _)| row.cells.get(i))
                .find(|c| !c.trim().is_empty())
                .map(|c| unneutralise(c).to_string())
                .unwrap_or_default(),
        };
        let loss_reason = match (mapped(Field::LossReason), &base) {
            (false, Some(b)) => b.loss_reason.clone(),
            _ => cell(Field::LossReason).map(str::to_string),
        };
        let b = base.as_ref();
        let fields = DealFields {
            title: title.to_string(),
            customer: text(Field::Customer, b.map(|b| &b.customer)),
            contact: text(Field::Contact, b.map(|b| &b.contact)),
            value,
            currency: currency.unwrap_or_else(|| default_currency.clone()),
            cost: b.and_then(|b| b.cost),
            owner: text(Field::Owner, b.map(|b| &b.owner)),
            product: text(Field::Product, b.map(|b| &b.product)),
            region: text(Field::Region, b.map(|b| &b.region)),
            close_date,
            notes,
            next_step: b.and_then(|b| b.next_step.clone()),
            checked: b.map(|b| b.checked.clone()).unwrap_or_default(),
            activities: b.map(|b| b.activities.clone()).unwrap_or_default(),
            loss_reason,
        };
        match existing {
            Some(deal) => out.updates.push((deal.id.clone(), fields, stage)),
            None => out.rows.push((fields, stage)),
        }
    }
    // Said once, first, and only when a new deal went to the fallback: an update keeps its
    // stage, so a file of updates alone has nothing to say about a missing Stage column.
    if let (false, false, Some(stage)) = (stage_mapped, out.rows.is_empty(), fallback) {
        out.notes.insert(
            0,
            CsvIssue {
                line: 1,
                field: Some(Field::Stage),
                problem: CsvProblem::NoStageColumn {
                    fallback: stage_name(stage),
                },
            },
        );
    }
    out
}

/// The stage whose shown name or stored name is `text` (trimmed, ignoring case), or whose id
/// is `text`.
fn find_stage<'a>(
    board: &'a Board,
    text: &str,
    stage_name: &impl Fn(&Stage) -> String,
) -> Option<&'a Stage> {
    let key = lowercase(text.trim());
    let same = |name: &str| lowercase(name.trim()) == key;
    board
        .stages
        .iter()
        .find(|s| same(&stage_name(s)) || same(&s.name))
        // By id, in any case: a preset stage's id is its English name (`proposal`), so a file
        // from an English tool finds the stage on a board whose names are Chinese.
        .or_else(|| board.stages.iter().find(|s| same(&s.id.0)))
}

/// A currency code, or one of a few common names for the yuan, dollar and euro.
fn parse_currency(text: &str) -> Option<Currency> {
    let code = match text.trim() {
        "RMB" | "rmb" | "人民币" | "元" | "¥" | "￥" => "CNY",
        "美元" | "$" | "US$" => "USD",
        "欧元" | "€" => "EUR",
        "£" => "GBP",
        other => other,
    };
    Currency::parse(code).ok()
}

/// An amount as people write it: `12,500.50`, `$12,500`, `12500`, `USD 12,500`, `¥350000`.
/// Only the row's own currency symbol or code may stand before it (`€1` in a dollar row is
/// refused, not read as one dollar). Commas must group thousands (so `12,5` is refused rather than read as 125); zeros past the
/// currency's decimals are dropped (`12500.00` yen).
fn parse_value(text: &str, currency: &Currency) -> Option<i64> {
    let mut t = text.trim();
    let code = currency.code();
    let extra: &[&str] = match code {
        "USD" => &["US$"],
        "CNY" => &["￥", "RMB"],
        "JPY" => &["￥"],
        _ => &[],
    };
    let prefixes = [code, currency.symbol()]
        .into_iter()
        .chain(extra.iter().copied());
    for prefix in prefixes {
        if t.len() >= prefix.len()
            && t.is_char_boundary(prefix.len())
            && t[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            t = t[prefix.len()..].trim_start();
            break;
        }
    }
    if t.len() >= code.len()
        && t.is_char_boundary(t.len() - code.len())
        && t[t.len() - code.len()..].eq_ignore_ascii_case(code)
    {
        t = t[..t.len() - code.len()].trim_end();
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.contains(',') {
        let groups: Vec<&str> = whole.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].trim().len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits = currency.minor_digits() as usize;
    let all_digits = frac.bytes().all(|b| b.is_ascii_digit());
    let frac = if all_digits && frac.len() > digits && frac[digits..].bytes().all(|b| b == b'0') {
        &frac[..digits]
    } else {
        frac
    };
    let cleaned = if frac.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{frac}")
    };
    parse_amount(&cleaned, currency).ok()
}

/// A date written year first: `2026-12-15`, `2026/12/15`, `2026.12.15`, `2026年12月15日`,
/// optionally followed by a time (`2026-12-15 00:00:00`, `2026-12-15T09:00:00Z`). Day-first
/// and month-first dates (`15/12/2026`, `12/15/2026`) are refused: the same text means
/// different days in different countries, and a wrong date is worse than an error.
/// The date in `text`; `Err(true)` when it is written day or month first (ambiguous), else
/// `Err(false)`.
fn parse_date(text: &str) -> Result<Date, bool> {
    const EXPECTED: bool = false;
    let t = text.trim();
    let (date_part, time) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], t[i + 1..].trim()),
        None => (t, ""),
    };
    let looks_like_time = |s: &str| s.starts_with(|c: char| c.is_ascii_digit()) && s.contains(':');
    if !time.is_empty() && !looks_like_time(time) {
        return Err(EXPECTED);
    }
    let date_part = date_part.replace(['年', '月'], "-").replace('日', "");
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    let numeric = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(|p| numeric(p)) {
        return Err(EXPECTED);
    }
    if parts[0].len() != 4 {
        return Err(parts[2].len() == 4);
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    Date::from_ymd(n(parts[0]) as i32, n(parts[1]), n(parts[2])).ok_or(EXPECTED)
}
