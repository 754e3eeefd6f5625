//! Ranks written so that they read back as the very same `f64`.

use crate::io::json_write::{int, string};

/// A rank written so that it reads back as the very same `f64`: whole numbers (most ranks)
/// as numbers, others as the hex of their bits. serde_json's default float parsing may be one
/// unit in the last place off, and its exact mode costs wasm size; a rank that moved by that
/// much could swap two neighbouring cards.
pub(super) struct ExactRank(pub(super) f64);

/// Below 2^53 every whole number is an exact `f64`.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

impl ExactRank {
    /// A whole number, or the hex of the bits in quotes.
    pub(super) fn write(&self, out: &mut String) {
        let rank = self.0;
        if rank.fract() == 0.0
            && rank.abs() < EXACT_WHOLE
            && !(rank == 0.0 && rank.is_sign_negative())
        {
            int(out, rank as i64);
        } else {
            string(out, &format!("{:x}", rank.to_bits()));
        }
    }
}
