//! Numbers as serde_json reads them without its `float_roundtrip` feature (the algorithm is
//! serde_json's, so that a board reads back exactly as it did when serde_json read it): whole
//! numbers exactly, others as significand × 10^exponent with one multiplication or division by
//! a correctly rounded power of ten (exact for the usual ranks; at most about one unit in the
//! last place off for 17-digit ones).

/// A JSON number: whole numbers as themselves, others as the nearest `f64` found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Whole(i128),
    Float(f64),
}

/// Reads the number at `at` (`-`, or a digit): the number and the index after it, or the index
/// of the byte where it stops being a JSON number.
pub(crate) fn number(bytes: &[u8], mut at: usize) -> Result<(Number, usize), usize> {
    let positive = bytes.get(at) != Some(&b'-');
    if !positive {
        at += 1;
    }
    let digit = |at: usize| {
        bytes
            .get(at)
            .filter(|b| b.is_ascii_digit())
            .map(|b| (b - b'0') as u64)
    };
    let mut significand = match digit(at) {
        Some(0) if digit(at + 1).is_some() => return Err(at + 1),
        Some(d) => d,
        None => return Err(at),
    };
    at += 1;
    let mut exponent: i32 = 0;
    let mut overflowed = false;
    // Integer digits; once the significand would overflow, later digits only raise the exponent.
    while let Some(d) = digit(at) {
        match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
            Some(s) if !overflowed => significand = s,
            _ => {
                overflowed = true;
                exponent += 1;
            }
        }
        at += 1;
    }
    let mut float = overflowed;
    if bytes.get(at) == Some(&b'.') {
        float = true;
        at += 1;
        digit(at).ok_or(at)?;
        while let Some(d) = digit(at) {
            // After an overflow the rest of the digits are ignored, as serde_json does.
            match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
                Some(s) if !overflowed => {
                    significand = s;
                    exponent -= 1;
                }
                _ => overflowed = true,
            }
            at += 1;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        float = true;
        at += 1;
        let positive_exp = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                false
            }
            Some(b'+') => {
                at += 1;
                true
            }
            _ => true,
        };
        let mut exp: i32 = digit(at).ok_or(at)? as i32;
        at += 1;
        let mut too_large = false;
        while let Some(d) = digit(at) {
            match exp.checked_mul(10).and_then(|e| e.checked_add(d as i32)) {
                Some(e) => exp = e,
                None => too_large = true,
            }
            at += 1;
        }
        if too_large {
            // Zero, or out of range (serde_json's rule: no infinities).
            if significand != 0 && positive_exp {
                return Err(at);
            }
            return Ok((Number::Float(if positive { 0.0 } else { -0.0 }), at));
        }
        exponent = if positive_exp {
            exponent.saturating_add(exp)
        } else {
            exponent.saturating_sub(exp)
        };
    }
    // `-0` is the float minus zero, as serde_json reads it (a rank keeps its sign).
    if !float && (positive || significand != 0) {
        let whole = significand as i128;
        return Ok((Number::Whole(if positive { whole } else { -whole }), at));
    }
    let f = from_parts(significand, exponent).ok_or(at)?;
    Ok((Number::Float(if positive { f } else { -f }), at))
}

/// `significand × 10^exponent`, or `None` when it is too large for an `f64`.
fn from_parts(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        match pow10(exponent.unsigned_abs()) {
            Some(pow) if exponent >= 0 => {
                f *= pow;
                return (!f.is_infinite()).then_some(f);
            }
            Some(pow) => return Some(f / pow),
            None if f == 0.0 => return Some(f),
            None if exponent >= 0 => return None,
            None => {
                f /= 1e308;
                exponent += 308;
            }
        }
    }
}

/// 10^`n` correctly rounded, as serde_json's table of them holds, for `n` up to 308.
///
/// Worked out rather than kept in a table of 309 `f64`s (2.5 kB of the wasm that gzip can
/// hardly shrink). Up to 10^22 every power is exact, so multiplying is exact; above, 10^n is
/// worked out as a whole number and rounded to 53 bits once, half to even, as the compiler
/// rounds the literal `1e23`. Files rarely hold such exponents (ranks are written in their
/// shortest form), so their few microseconds do not matter.
pub(crate) fn pow10(n: u32) -> Option<f64> {
    match n {
        0..=22 => Some((0..n).fold(1.0, |p, _| p * 10.0)),
        23..=308 => Some(rounded(&power_of_ten_digits(n))),
        _ => None,
    }
}

/// 10^`n` as a whole number in base 2^32, least significant limb first.
fn power_of_ten_digits(n: u32) -> Vec<u32> {
    let mut limbs = vec![1u32];
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let product = u64::from(*limb) * 10 + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    limbs
}

/// The nearest `f64` to a whole number of at least 2^53 (given in base 2^32, least significant
/// limb first, its last limb not zero), ties to even.
fn rounded(limbs: &[u32]) -> f64 {
    let top = limbs.len() - 1;
    let bits = top as u32 * 32 + (32 - limbs[top].leading_zeros());
    let bit = |i: u32| (limbs[(i / 32) as usize] >> (i % 32)) & 1 == 1;
    // The 53 highest bits, then what is below them.
    let shift = bits - 53;
    let mut mantissa = (shift..bits)
        .rev()
        .fold(0u64, |m, i| (m << 1) | u64::from(bit(i)));
    let half = bit(shift - 1);
    let below_half = (0..shift - 1).any(bit);
    let mut exponent = shift;
    if half && (below_half || mantissa & 1 == 1) {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            exponent += 1;
        }
    }
    // mantissa × 2^exponent, with 2^53 > mantissa ≥ 2^52: the biased exponent of the result
    // is exponent + 52 + 1023.
    let biased = u64::from(exponent + 52 + 1023);
    f64::from_bits((biased << 52) | (mantissa & ((1 << 52) - 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_the_correctly_rounded_literals() {
        // Rust reads `1e23` correctly rounded, as it compiles the literal: the table this
        // replaces held exactly these values.
        for n in 0..=308 {
            let literal: f64 = format!("1e{n}").parse().unwrap();
            assert_eq!(
                pow10(n).map(f64::to_bits),
                Some(literal.to_bits()),
                "10^{n}"
            );
        }
        assert_eq!(pow10(309), None);
    }

    #[test]
    fn rounding_goes_to_even_on_a_tie_and_up_above_it() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even is 2^53.
        let tie = [1u32, 1 << 21];
        assert_eq!(rounded(&tie), 9_007_199_254_740_992.0);
        // 2^53 + 3 ties between 2^53 + 2 and 2^53 + 4: even is 2^53 + 4.
        let odd_tie = [3u32, 1 << 21];
        assert_eq!(rounded(&odd_tie), 9_007_199_254_740_996.0);
        // 2^54 + 3: 3 is more than half of the unit 4 below the top bits, so up.
        let above = [3u32, 1 << 22];
        assert_eq!(rounded(&above), 18_014_398_509_481_988.0);
    }
}
