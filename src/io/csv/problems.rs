//! What the CSV import says about a row, as values rather than sentences: `Lang::csv_issue`
//! (`i18n/csv_issues.rs`) words them in the user's language, so the texts live with the
//! interface's other texts, in English and Chinese.

use super::fields::Field;

/// A problem or remark about one line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvIssue {
    /// The 1-based line the row starts on (1 is the header).
    pub line: usize,
    pub field: Option<Field>,
    pub problem: CsvProblem,
}

/// What is wrong with a row, or worth saying about it. The texts it carries are the file's
/// cells and stages' names as shown, unquoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// No column is read as the stage: every deal goes to `fallback`.
    NoStageColumn {
        fallback: String,
    },
    NeedsTitle,
    BadCurrency {
        found: String,
    },
    BadAmount {
        found: String,
    },
    /// Not a date written as YYYY-MM-DD; `ambiguous` when it is a day-or-month-first date.
    BadDate {
        found: String,
        ambiguous: bool,
    },
    NoStageOnBoard,
    /// The row names a stage the board does not have: the deal goes to `fallback`.
    UnknownStage {
        found: String,
        fallback: String,
    },
    /// The row's stage cell is empty: the deal goes to `fallback`.
    EmptyStage {
        fallback: String,
    },
}
