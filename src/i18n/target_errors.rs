//! Why a target command was refused, in the user's language (the domain's `Display` is English
//! and for logs).

use crate::domain::lowercase::lowercase;
use crate::domain::targets::{SplitBy, TargetError};
use crate::i18n::{Key, Lang};

/// The label of a split dimension, as the split control shows it.
pub fn split_by_key(by: SplitBy) -> Key {
    match by {
        SplitBy::Time => Key::SplitTime,
        SplitBy::Owner => Key::FieldOwner,
        SplitBy::Product => Key::FieldProduct,
        SplitBy::Region => Key::FieldRegion,
        SplitBy::Customer => Key::FieldCustomer,
    }
}

impl Lang {
    /// The message for a refused target command.
    pub fn target_error(self, err: &TargetError) -> String {
        let by = |b: SplitBy| lowercase(self.text(split_by_key(b)));
        match err {
            TargetError::UnknownTarget(_) | TargetError::UnknownParent(_) => {
                self.text(Key::ErrTargetGone).into()
            }
            TargetError::NegativeAmount => self.text(Key::ErrTargetNegative).into(),
            TargetError::InvalidPeriod(_) => self.text(Key::ErrBadPeriod).into(),
            TargetError::ParentMismatch => self.text(Key::ErrTargetParentMismatch).into(),
            TargetError::CannotSplitWeek => self.text(Key::ErrTargetWeek).into(),
            TargetError::ScopeAlreadySet(b) => self.fill(Key::ErrTargetScopeSet, &[&by(*b)]),
            TargetError::NothingToSplitBy(b) => self.fill(Key::ErrTargetNothingToSplit, &[&by(*b)]),
            // The parts changed between the preview and the click (another tab).
            TargetError::TooFewChildIds { .. } => self.text(Key::ErrTargetSplitChanged).into(),
            TargetError::WeightsMismatch { children, weights } => self.fill(
                Key::ErrTargetWeights,
                &[&children.to_string(), &weights.to_string()],
            ),
            TargetError::ZeroWeights => self.text(Key::ErrTargetZeroWeights).into(),
            TargetError::ThresholdOutOfRange(_) => self.text(Key::ErrThreshold).into(),
            TargetError::MarketNotPositive => self.text(Key::ErrMarket).into(),
            TargetError::AlreadySet => self.text(Key::ErrTargetAlreadySet).into(),
        }
    }
}
