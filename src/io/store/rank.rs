//! Ranks written so that they read back as the very same `f64`.

use serde::{Deserialize, Serialize};

/// A rank written so that it reads back as the very same `f64`: whole numbers (most ranks)
/// as numbers, others as the hex of their bits. serde_json's default float parsing may be one
/// unit in the last place off, and its exact mode costs wasm size; a rank that moved by that
/// much could swap two neighbouring cards.
pub(super) struct ExactRank(pub(super) f64);

/// Below 2^53 every whole number is an exact `f64`.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

impl Serialize for ExactRank {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        let rank = self.0;
        if rank.fract() == 0.0
            && rank.abs() < EXACT_WHOLE
            && !(rank == 0.0 && rank.is_sign_negative())
        {
            out.serialize_i64(rank as i64)
        } else {
            out.serialize_str(&format!("{:x}", rank.to_bits()))
        }
    }
}

impl<'de> Deserialize<'de> for ExactRank {
    fn deserialize<D: serde::Deserializer<'de>>(input: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ExactRank;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number or the hex bits of a rank")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ExactRank, E> {
                Ok(ExactRank(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ExactRank, E> {
                Ok(ExactRank(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ExactRank, E> {
                u64::from_str_radix(v, 16)
                    .map(|bits| ExactRank(f64::from_bits(bits)))
                    .map_err(|_| E::custom(format!("{v:?} is not a rank")))
            }
        }
        input.deserialize_any(Visitor)
    }
}
