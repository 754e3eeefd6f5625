//! Why a command was refused, in the user's language (the domain's `Display` is English and
//! for logs). Every refusal the view can meet goes through `Lang::command_error`, so a message
//! with a number in it is always filled.

use crate::domain::command::DomainError;
use crate::i18n::{Key, Lang};

impl Lang {
    /// The message for a refused command, details filled in.
    pub fn command_error(self, err: &DomainError) -> String {
        let key = match err {
            DomainError::EmptyTitle => Key::ErrEmptyTitle,
            DomainError::NegativeValue => Key::ErrNegativeValue,
            DomainError::EmptyStageName => Key::ErrEmptyStageName,
            DomainError::DuplicateStageName => Key::ErrDuplicateStageName,
            DomainError::ProbabilityOutOfRange(_) => Key::ErrProbability,
            DomainError::ZeroThreshold => Key::ErrZeroThreshold,
            DomainError::StageNotEmpty(n) => {
                return self.fill(Key::ErrStageNotEmpty, &[&n.to_string()])
            }
            DomainError::MoveIntoRemovedStage => Key::ErrMoveIntoRemovedStage,
            DomainError::LastStage => Key::ErrLastStage,
            DomainError::DuplicateId(_) => Key::ErrDuplicate,
            DomainError::UnknownDeal(_) | DomainError::UnknownStage(_) => Key::ErrGone,
            DomainError::Target(target) => return self.target_error(target),
        };
        self.text(key).to_string()
    }
}
