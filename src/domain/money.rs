//! Money in minor units (cents, fen) so that totals never drift, and per-currency sums so
//! that dollars are never added to yuan as if they were one currency.

use crate::domain::quote::quoted;
use std::fmt;

/// An ISO 4217 currency code such as `USD` or `CNY`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(String);

/// The currencies offered in the deal dialog; any other valid code is accepted too.
pub const COMMON_CURRENCIES: [&str; 6] = ["USD", "EUR", "GBP", "CNY", "JPY", "HKD"];

/// The codes a currency box offers: the common ones, and `current` after them when it is
/// another (a board in CHF), so that the box shows what will be saved.
pub fn currency_choices(current: &str) -> Vec<String> {
    let mut codes: Vec<String> = COMMON_CURRENCIES.iter().map(|c| c.to_string()).collect();
    if !codes.iter().any(|c| c == current) {
        codes.push(current.to_string());
    }
    codes
}

impl Currency {
    /// Parses a three-letter code, case-insensitively.
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Currency(code))
        } else {
            Err(MoneyError::BadCurrency(code))
        }
    }

    /// The code, e.g. `"USD"`.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// How many digits follow the decimal point (JPY has none).
    pub fn minor_digits(&self) -> u32 {
        match self.code() {
            "JPY" | "KRW" | "VND" => 0,
            _ => 2,
        }
    }

    /// The symbol shown before amounts; unknown currencies show their code.
    pub fn symbol(&self) -> &str {
        match self.code() {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "CNY" | "JPY" => "¥",
            "HKD" => "HK$",
            other => other,
        }
    }

    fn minor_per_major(&self) -> i64 {
        10_i64.pow(self.minor_digits())
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency("USD".into())
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        Currency::parse(&code)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a money amount or currency was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a three-letter currency code.
    BadCurrency(String),
    /// Not a non-negative amount with at most the currency's decimals.
    BadAmount(String),
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::BadCurrency(c) => write!(f, "not a currency code: {}", quoted(c)),
            MoneyError::BadAmount(a) => write!(f, "not an amount: {}", quoted(a)),
        }
    }
}

/// Parses what a user typed ("12,500.50", "12 500") into minor units of `currency`.
pub fn parse_amount(text: &str, currency: &Currency) -> Result<i64, MoneyError> {
    let bad = || MoneyError::BadAmount(text.to_string());
    // Full-width digits and marks, as a Chinese input method types them, read as ASCII.
    let ascii: String = text.trim().chars().map(half_width).collect();
    let cleaned: String = ascii
        .trim_start_matches(currency.symbol())
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}'))
        .collect();
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    // A comma only between groups of three digits ("12,500"): "12,5", a decimal comma, would
    // otherwise read as 125, ten times what was meant.
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    if whole.contains(',') && (!(1..=3).contains(&first.len()) || groups.any(|g| g.len() != 3)) {
        return Err(bad());
    }
    let whole = whole.replace(',', "");
    let whole = whole.as_str();
    let digits = currency.minor_digits() as usize;
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !digits_only(whole) || !digits_only(frac) {
        return Err(bad());
    }
    if frac.len() > digits {
        return Err(bad());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| bad())?
    };
    let frac_scaled = frac_value * 10_i64.pow((digits - frac.len()) as u32);
    whole
        .checked_mul(currency.minor_per_major())
        .and_then(|w| w.checked_add(frac_scaled))
        .ok_or_else(bad)
}

/// A full-width digit, comma, full stop or minus sign as its ASCII twin; anything else as is.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '，' | '．' | '－' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Formats minor units with symbol and thousands separators: `$12,500` or `$12,500.50`.
pub fn format_amount(minor: i64, currency: &Currency) -> String {
    let per = currency.minor_per_major();
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let whole = group_thousands(abs / per as u64);
    let frac = abs % per as u64;
    let symbol = currency.symbol();
    let space = if symbol.len() == 3 && symbol == currency.code() {
        " "
    } else {
        ""
    };
    if frac == 0 {
        format!("{sign}{symbol}{space}{whole}")
    } else {
        let width = currency.minor_digits() as usize;
        format!("{sign}{symbol}{space}{whole}.{frac:0width$}")
    }
}

/// `minor` rounded half up to whole major units ($91,847.83 → $91,848), for a figure that is
/// a guide rather than a sum of deals (a target's pace): its cents would claim an exactness
/// it does not have.
pub fn round_to_major(minor: i64, currency: &Currency) -> i64 {
    let per = currency.minor_per_major();
    (minor + per / 2).div_euclid(per) * per
}

/// Shows minor units as the plain decimal a user would type back ("12500.5" → "12500.50").
pub fn amount_input_text(minor: i64, currency: &Currency) -> String {
    let per = currency.minor_per_major();
    let (whole, frac) = (minor / per, minor % per);
    if frac == 0 {
        whole.to_string()
    } else {
        let width = currency.minor_digits() as usize;
        format!("{whole}.{:0width$}", frac.abs())
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Sums per currency. Weighted sums keep value × percent exactly and divide once at the end,
/// so that a thousand deals at 25 % round once, not a thousand times.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Each currency's sum, and how many amounts make it up (so that taking the last one out
    /// drops the currency, as if it had never been added); sorted by currency. A short sorted
    /// list rather than a `BTreeMap`: a board has a few currencies, and a map type of its own
    /// costs several kB of wasm.
    by_currency: Vec<(Currency, (i128, usize))>,
    scale: i128,
}

impl Totals {
    /// Totals of plain values.
    pub fn plain() -> Totals {
        Totals {
            by_currency: Vec::new(),
            scale: 1,
        }
    }

    /// Totals of values weighted by a percentage.
    pub fn weighted() -> Totals {
        Totals {
            by_currency: Vec::new(),
            scale: 100,
        }
    }

    /// Adds `minor` units of `currency`, multiplied by `factor` (1 for plain, the percent for
    /// weighted totals).
    pub fn add(&mut self, currency: &Currency, minor: i64, factor: u8) {
        let at = match self.find(currency) {
            Ok(at) => at,
            Err(at) => {
                self.by_currency.insert(at, (currency.clone(), (0, 0)));
                at
            }
        };
        let sum = &mut self.by_currency[at].1;
        sum.0 += minor as i128 * factor as i128;
        sum.1 += 1;
    }

    /// Takes out an amount added before with the same arguments.
    pub fn remove(&mut self, currency: &Currency, minor: i64, factor: u8) {
        if let Ok(at) = self.find(currency) {
            let sum = &mut self.by_currency[at].1;
            sum.0 -= minor as i128 * factor as i128;
            sum.1 = sum.1.saturating_sub(1);
            if sum.1 == 0 {
                self.by_currency.remove(at);
            }
        }
    }

    /// Where `currency` is in `by_currency`, or where it would go.
    fn find(&self, currency: &Currency) -> Result<usize, usize> {
        self.by_currency.binary_search_by(|(c, _)| c.cmp(currency))
    }

    /// Each currency's total in minor units (rounded half up for weighted totals).
    pub fn amounts(&self) -> impl Iterator<Item = (&Currency, i64)> + '_ {
        let scale = self.scale.max(1);
        self.by_currency
            .iter()
            .map(move |(c, (sum, _))| (c, ((sum + scale / 2).div_euclid(scale)) as i64))
    }

    /// The total in one currency, zero if none.
    pub fn amount(&self, currency: &Currency) -> i64 {
        self.amounts()
            .find(|(c, _)| *c == currency)
            .map_or(0, |(_, v)| v)
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.by_currency.is_empty()
    }

    /// "$12,500 + ¥80,000", the default currency first; `$0` when empty. Currencies that
    /// sum to zero are left out: a Lost column's weighted value reads "$0", not "$0 + €0".
    pub fn format(&self, default: &Currency) -> String {
        let mut parts: Vec<String> = Vec::new();
        let amounts = || self.amounts().filter(|(_, v)| *v != 0);
        if let Some((c, v)) = amounts().find(|(c, _)| *c == default) {
            parts.push(format_amount(v, c));
        }
        parts.extend(
            amounts()
                .filter(|(c, _)| *c != default)
                .map(|(c, v)| format_amount(v, c)),
        );
        if parts.is_empty() {
            format_amount(0, default)
        } else {
            parts.join(" + ")
        }
    }
}
