//! What the CSV import says about a row (`io::csv::CsvIssue`), in the user's language:
//! `line 7: Value: expected an amount, found "abc"`, or `第 7 行：金额：应为金额，实际为 "abc"`.

use crate::domain::quote::quoted;
use crate::i18n::{Key, Lang};
use crate::io::csv::{CsvIssue, CsvProblem, Field};

/// A deal field's label, as the CSV dialog's column choices and its messages name it.
pub fn field_key(field: Field) -> Key {
    match field {
        Field::Title => Key::FieldTitle,
        Field::Customer => Key::FieldCustomer,
        Field::Contact => Key::FieldContact,
        Field::Value => Key::FieldValue,
        Field::Currency => Key::FieldCurrency,
        Field::Stage => Key::FieldStage,
        Field::Owner => Key::FieldOwner,
        Field::Product => Key::FieldProduct,
        Field::Region => Key::FieldRegion,
        Field::CloseDate => Key::FieldCloseDate,
        Field::Notes => Key::FieldNotes,
        Field::LossReason => Key::FieldLossReason,
        Field::Id => Key::FieldDealId,
    }
}

impl Lang {
    /// The issue as one line: its line number, its field when it has one, and what is wrong.
    pub fn csv_issue(self, issue: &CsvIssue) -> String {
        let line = issue.line.to_string();
        let what = self.csv_problem(&issue.problem);
        match issue.field {
            Some(field) => self.fill(
                Key::CsvLineField,
                &[&line, self.text(field_key(field)), &what],
            ),
            None => self.fill(Key::CsvLine, &[&line, &what]),
        }
    }

    fn csv_problem(self, problem: &CsvProblem) -> String {
        // The file's text and the stages' names are quoted as the app's other messages quote
        // a user's text, in either language.
        match problem {
            CsvProblem::NoStageColumn { fallback } => {
                self.fill(Key::CsvNoStageColumn, &[&quoted(fallback)])
            }
            CsvProblem::NeedsTitle => self.text(Key::CsvNeedsTitle).into(),
            CsvProblem::BadCurrency { found } => self.fill(Key::CsvBadCurrency, &[&quoted(found)]),
            CsvProblem::BadAmount { found } => self.fill(Key::CsvBadAmount, &[&quoted(found)]),
            CsvProblem::BadDate { found, ambiguous } => {
                let key = if *ambiguous {
                    Key::CsvBadDateAmbiguous
                } else {
                    Key::CsvBadDate
                };
                self.fill(key, &[&quoted(found)])
            }
            CsvProblem::NoStageOnBoard => self.text(Key::CsvNoStageOnBoard).into(),
            CsvProblem::UnknownStage { found, fallback } => {
                self.fill(Key::CsvUnknownStage, &[&quoted(found), &quoted(fallback)])
            }
            CsvProblem::EmptyStage { fallback } => {
                self.fill(Key::CsvEmptyStage, &[&quoted(fallback)])
            }
        }
    }
}
