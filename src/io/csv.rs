//! Deals as CSV: export for spreadsheets, import from other tools.
//!
//! The reader and writer are hand-written (about 150 lines) instead of using the `csv`
//! crate: the wasm is already over its size budget, and we need only RFC 4180 — cells in double
//! quotes, a doubled quote for a quote, commas and line breaks inside quoted cells, CRLF or LF
//! line ends — plus skipping a UTF-8 byte order mark. The reader is lenient where RFC 4180 is
//! strict (a stray quote inside an unquoted cell is kept as text); its only error is a quoted
//! cell that never closes. The delimiter is guessed from the header line: a comma unless the
//! header holds more semicolons or tabs (spreadsheets in many European locales write `;`).
//!
//! Export writes a UTF-8 byte order mark first so that Excel reads Chinese text correctly, and
//! neutralises formulas: a cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
//! single quote `'` in front, so a spreadsheet shows it as text and never runs it. Import takes
//! exactly one such `'` off again (also when other tools wrote it), so export → import is
//! lossless. See `docs/csv.md`.

use crate::domain::board::{Board, Deal, DealFields, DealStatus, Stage, StageId, StageKind};
use crate::domain::date::{iso_date, iso_datetime};
use crate::domain::money::{parse_amount, Currency};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::fmt;

/// The byte order mark written first so that spreadsheets read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// The columns `deals_to_csv` writes, in order.
pub const EXPORT_HEADERS: [&str; 16] = [
    "Title",
    "Customer",
    "Contact",
    "Value",
    "Currency",
    "Stage",
    "Owner",
    "Product line",
    "Region",
    "Expected close date",
    "Status",
    "Loss reason",
    "Notes",
    "Created",
    "Updated",
    "Id",
];

// ---------------------------------------------------------------------------------------------
// Writing

/// The board's deals as CSV, stage by stage in board order and in display order inside each
/// stage: a byte order mark, a header row (`EXPORT_HEADERS`), one row per deal, CRLF line ends.
/// `stage_name` gives a stage's name as the user sees it (presets follow the language).
pub fn deals_to_csv(board: &Board, stage_name: impl Fn(&Stage) -> String) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_row(&mut out, EXPORT_HEADERS.iter().map(|h| h.to_string()));
    let mut written: HashSet<&str> = HashSet::new();
    let mut ordered: Vec<&Deal> = Vec::with_capacity(board.deals.len());
    for stage in &board.stages {
        if written.insert(&stage.id.0) {
            ordered.extend(board.deals_in(&stage.id));
        }
    }
    // Deals whose stage is missing (only in a damaged board) still go out, last.
    ordered.extend(
        board
            .deals
            .iter()
            .filter(|d| !written.contains(d.stage.0.as_str())),
    );
    for deal in ordered {
        let stage = board
            .stage(&deal.stage)
            .map_or_else(|| deal.stage.0.clone(), &stage_name);
        let status = match deal.status {
            DealStatus::Open => "open",
            DealStatus::Won => "won",
            DealStatus::Lost => "lost",
        };
        write_row(
            &mut out,
            [
                deal.title.clone(),
                deal.customer.clone(),
                deal.contact.clone(),
                plain_amount(deal.value, &deal.currency),
                deal.currency.code().to_string(),
                stage,
                deal.owner.clone(),
                deal.product.clone(),
                deal.region.clone(),
                deal.close_date.map(iso_date).unwrap_or_default(),
                status.to_string(),
                deal.loss_reason.clone().unwrap_or_default(),
                deal.notes.clone(),
                iso_datetime(deal.created),
                iso_datetime(deal.updated),
                deal.id.0.clone(),
            ],
        );
    }
    out
}

/// Writes one row of cells, each neutralised and quoted as needed, ending with CRLF.
pub fn write_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = neutralise(&cell);
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// True for the characters that make a spreadsheet treat a cell as a formula.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// True when `text` is quotes (any number, even none) followed by a formula character: the
/// cells that get, or got, a protective `'`.
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(is_formula_start)
}

/// `text` made safe for a spreadsheet: a `'` in front when it would start a formula (or when
/// it is already such a guarded text, so that import can tell the two apart).
pub fn neutralise(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The inverse of `neutralise`: takes off the one `'` that export put in front.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// Minor units as a plain decimal in major units: `24000.50`, `12500` for yen.
fn plain_amount(minor: i64, currency: &Currency) -> String {
    let digits = currency.minor_digits();
    let per = 10_i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let (whole, frac) = (abs / per as u64, abs % per as u64);
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        let width = digits as usize;
        format!("{sign}{whole}.{frac:0width$}")
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

/// One data row and the line of the file it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based line where the row starts; the header is line 1 and a quoted cell with line
    /// breaks makes its row span several lines.
    pub line: usize,
    /// The cells as written (quotes undone, nothing trimmed); may be fewer or more than the
    /// headers.
    pub cells: Vec<String>,
}

/// A parsed CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    /// The first row, each trimmed.
    pub headers: Vec<String>,
    /// The other rows; empty lines are skipped.
    pub rows: Vec<CsvRow>,
    /// The delimiter found in the header line: `,`, `;` or tab.
    pub delimiter: char,
}

/// Why a text could not be read as CSV at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// No header row: the text is empty or only blank lines.
    Empty,
    /// A quoted cell starting on this line never closes.
    UnclosedQuote { line: usize },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::Empty => f.write_str("the file is empty: it has no header row"),
            CsvError::UnclosedQuote { line } => {
                write!(f, "line {line}: a quoted cell is never closed")
            }
        }
    }
}

impl std::error::Error for CsvError {}

/// Reads CSV text: a header row, then data rows with their line numbers.
pub fn parse_csv(text: &str) -> Result<CsvTable, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let delimiter = guess_delimiter(text);
    let mut records = read_records(text, delimiter)?.into_iter();
    let (_, headers) = records.next().ok_or(CsvError::Empty)?;
    let headers = headers
        .iter()
        .map(|h| {
            h.trim_matches(|c: char| c.is_whitespace() || c == BOM)
                .to_string()
        })
        .collect();
    let rows = records
        .map(|(line, cells)| CsvRow { line, cells })
        .collect();
    Ok(CsvTable {
        headers,
        rows,
        delimiter,
    })
}

/// The most frequent of `,`, `;` and tab outside quotes on the first line; comma on a tie.
fn guess_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => break,
            _ if !in_quotes => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    let mut best = counts[0];
    for candidate in &counts[1..] {
        if candidate.1 > best.1 {
            best = *candidate;
        }
    }
    best.0
}

/// Every non-empty record with the line it starts on.
fn read_records(text: &str, delimiter: char) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut records = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut in_quotes = false;
    // True once the current cell has content or was quoted (so `""` is a cell, not nothing).
    let mut cell_started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                '\r' => {
                    cell.push('\r');
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                        cell.push('\n');
                    }
                    line += 1;
                }
                '\n' => {
                    cell.push('\n');
                    line += 1;
                }
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if !cell_started => {
                in_quotes = true;
                cell_started = true;
                quote_line = line;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if cell_started || !cells.is_empty() {
                    cells.push(std::mem::take(&mut cell));
                    records.push((record_line, std::mem::take(&mut cells)));
                }
                cell_started = false;
                line += 1;
                record_line = line;
            }
            _ if c == delimiter => {
                cells.push(std::mem::take(&mut cell));
                cell_started = false;
            }
            _ => {
                cell.push(c);
                cell_started = true;
            }
        }
    }
    if in_quotes {
        return Err(CsvError::UnclosedQuote { line: quote_line });
    }
    if cell_started || !cells.is_empty() {
        cells.push(cell);
        records.push((record_line, cells));
    }
    Ok(records)
}

// ---------------------------------------------------------------------------------------------
// Mapping headers to fields

/// A deal field a CSV column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Customer,
    Contact,
    Value,
    Currency,
    Stage,
    Owner,
    Product,
    Region,
    CloseDate,
    Notes,
}

impl Field {
    /// Every field, in the order the mapping editor lists them.
    pub const ALL: [Field; 11] = [
        Field::Title,
        Field::Customer,
        Field::Contact,
        Field::Value,
        Field::Currency,
        Field::Stage,
        Field::Owner,
        Field::Product,
        Field::Region,
        Field::CloseDate,
        Field::Notes,
    ];

    /// The English column name, as export writes it and import messages say it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Customer => "Customer",
            Field::Contact => "Contact",
            Field::Value => "Value",
            Field::Currency => "Currency",
            Field::Stage => "Stage",
            Field::Owner => "Owner",
            Field::Product => "Product line",
            Field::Region => "Region",
            Field::CloseDate => "Expected close date",
            Field::Notes => "Notes",
        }
    }

    /// Header names (normalised: lower case, single spaces) that obviously mean this field.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Title => &[
                "title",
                "deal name",
                "name",
                "deal title",
                "deal",
                "opportunity name",
                "名称",
                "商机名称",
                "商机",
                "标题",
            ],
            Field::Customer => &[
                "customer",
                "organization",
                "organisation",
                "company",
                "company name",
                "account",
                "account name",
                "organization name",
                "organization - name",
                "客户",
                "客户名称",
                "公司",
            ],
            Field::Contact => &[
                "contact",
                "contact person",
                "person",
                "contact name",
                "person - name",
                "联系人",
            ],
            Field::Value => &["value", "amount", "deal value", "deal amount", "金额"],
            Field::Currency => &["currency", "currency code", "币种", "货币"],
            Field::Stage => &["stage", "deal stage", "pipeline stage", "阶段", "销售阶段"],
            Field::Owner => &[
                "owner",
                "deal owner",
                "assigned to",
                "opportunity owner",
                "负责人",
            ],
            Field::Product => &["product line", "product", "products", "产品线", "产品"],
            Field::Region => &["region", "territory", "区域", "地区"],
            Field::CloseDate => &[
                "expected close date",
                "close date",
                "closing date",
                "expected close",
                "预计成交日期",
                "成交日期",
            ],
            Field::Notes => &["notes", "note", "description", "备注", "说明"],
        }
    }
}

/// A header as compared: BOM and spaces trimmed, lower case, `_` as a space, runs of spaces as
/// one, and Pipedrive's `Deal - ` prefix taken off.
fn normalise_header(header: &str) -> String {
    let lower = header
        .trim_matches(|c: char| c.is_whitespace() || c == BOM)
        .to_lowercase()
        .replace('_', " ");
    let single: String = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    single
        .strip_prefix("deal - ")
        .map(str::to_string)
        .unwrap_or(single)
}

/// The field each header obviously means, if any (English and Chinese, ignoring case). A field
/// is given to the first header that means it only.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    let mut used: HashSet<Field> = HashSet::new();
    headers
        .iter()
        .map(|header| {
            let key = normalise_header(header);
            let field = Field::ALL
                .into_iter()
                .find(|f| f.aliases().contains(&key.as_str()))?;
            used.insert(field).then_some(field)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Turning rows into deals

/// A problem or remark about one line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvIssue {
    /// The 1-based line the row starts on (1 is the header).
    pub line: usize,
    pub field: Option<Field>,
    pub message: String,
}

impl fmt::Display for CsvIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "line {}: {}: {}", self.line, field.label(), self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What a CSV import would add.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvImport {
    /// The good rows in file order: the deal's fields and the stage it goes into. Add each
    /// with `Command::AddDeal` (which trims and checks them once more).
    pub rows: Vec<(DealFields, StageId)>,
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
/// off. A stage is found by its shown name or stored name (ignoring case) or by id; an empty
/// or unknown stage becomes the first open stage, with a note. Currency defaults to
/// `default_currency`, value to 0.
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
    if !stage_mapped {
        if let Some(stage) = fallback {
            out.notes.push(CsvIssue {
                line: 1,
                field: Some(Field::Stage),
                message: format!(
                    "no column is read as the stage; every deal goes to {:?}",
                    stage_name(stage)
                ),
            });
        }
    }
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
        let mut errors = Vec::new();
        let mut error = |field: Option<Field>, message: String| {
            errors.push(CsvIssue {
                line: row.line,
                field,
                message,
            })
        };
        let title = cell(Field::Title).unwrap_or("");
        if title.is_empty() {
            error(Some(Field::Title), "a deal needs a title".into());
        }
        let currency = match cell(Field::Currency) {
            None => Some(default_currency.clone()),
            Some(text) => parse_currency(text).or_else(|| {
                error(
                    Some(Field::Currency),
                    format!("expected a three-letter code such as USD, found {text:?}"),
                );
                None
            }),
        };
        let value = match (cell(Field::Value), &currency) {
            (None, _) => 0,
            (Some(text), Some(currency)) => parse_value(text, currency).unwrap_or_else(|| {
                error(
                    Some(Field::Value),
                    format!("expected an amount, found {text:?}"),
                );
                0
            }),
            (Some(_), None) => 0,
        };
        let close_date = match cell(Field::CloseDate) {
            None => None,
            Some(text) => match parse_date(text) {
                Ok(date) => Some(date),
                Err(why) => {
                    error(Some(Field::CloseDate), format!("{why}, found {text:?}"));
                    None
                }
            },
        };
        if fallback.is_none() {
            error(None, "the board has no stage to put the deal in".into());
        }
        if !errors.is_empty() {
            out.errors.extend(errors);
            continue;
        }
        let Some(fallback) = fallback else { continue };
        let stage = match cell(Field::Stage) {
            Some(text) => match find_stage(board, text, &stage_name) {
                Some(stage) => stage.id.clone(),
                None => {
                    out.notes.push(CsvIssue {
                        line: row.line,
                        field: Some(Field::Stage),
                        message: format!(
                            "no stage is named {text:?}; the deal goes to {:?}",
                            stage_name(fallback)
                        ),
                    });
                    fallback.id.clone()
                }
            },
            None => {
                if stage_mapped {
                    out.notes.push(CsvIssue {
                        line: row.line,
                        field: Some(Field::Stage),
                        message: format!("empty; the deal goes to {:?}", stage_name(fallback)),
                    });
                }
                fallback.id.clone()
            }
        };
        let text = |field: Field| cell(field).unwrap_or("").to_string();
        let notes = mapping
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(Field::Notes))
            .filter_map(|(i, _)| row.cells.get(i))
            .find(|c| !c.trim().is_empty())
            .map(|c| unneutralise(c).to_string())
            .unwrap_or_default();
        let fields = DealFields {
            title: title.to_string(),
            customer: text(Field::Customer),
            contact: text(Field::Contact),
            value,
            currency: currency.unwrap_or_else(|| default_currency.clone()),
            cost: None,
            owner: text(Field::Owner),
            product: text(Field::Product),
            region: text(Field::Region),
            close_date,
            notes,
        };
        out.rows.push((fields, stage));
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
    let key = text.trim().to_lowercase();
    let same = |name: &str| name.trim().to_lowercase() == key;
    board
        .stages
        .iter()
        .find(|s| same(&stage_name(s)) || same(&s.name))
        .or_else(|| board.stages.iter().find(|s| s.id.0 == text.trim()))
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
fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    const EXPECTED: &str = "expected a date written as YYYY-MM-DD";
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
        return Err(if parts[2].len() == 4 {
            "expected a date written as YYYY-MM-DD (day or month first is ambiguous)"
        } else {
            EXPECTED
        });
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    NaiveDate::from_ymd_opt(n(parts[0]) as i32, n(parts[1]), n(parts[2])).ok_or(EXPECTED)
}
