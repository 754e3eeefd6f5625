//! Reading CSV text: RFC 4180 cells, the delimiter guessed from the header line.

use super::write::BOM;
use std::fmt;

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
