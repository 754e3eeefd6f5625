//! Compact JSON written by hand, byte for byte as serde_json wrote it before (the files and
//! the stored form of earlier builds must compare equal: `tests/json_write.rs` holds their
//! text). `board_write` writes the board's records with these.

use crate::domain::quote::quote_into;

/// A JSON string: `"`, `\` and control characters escaped as serde_json escapes them.
pub fn string(out: &mut String, text: &str) {
    quote_into(out, text);
}

/// A whole number.
pub fn int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // ASCII digits only.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// A number with a fraction: the shortest text that reads back as the same `f64` (zmij,
/// which serde_json uses), or `null` for infinities and NaN as serde_json wrote them.
pub fn float(out: &mut String, f: f64) {
    if f.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(f));
    } else {
        out.push_str("null");
    }
}

/// `null`, or what `write` writes.
pub fn option<T>(out: &mut String, value: Option<T>, write: impl FnOnce(&mut String, T)) {
    match value {
        Some(value) => write(out, value),
        None => out.push_str("null"),
    }
}

/// `[a,b,…]`, each written by `write`.
pub fn list<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

/// An object being written: `{` on creation, `"key":` before each member, `}` at `end`.
pub struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }

    /// Starts the member `key` (a plain name: no escapes needed); its value is written next.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        self.out
    }

    pub fn string(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    pub fn int(&mut self, key: &str, value: i64) {
        int(self.key(key), value);
    }

    /// The member only when there is a value (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn some<T>(&mut self, key: &str, value: Option<T>, write: impl FnOnce(&mut String, T)) {
        if let Some(value) = value {
            write(self.key(key), value);
        }
    }

    pub fn end(self) {
        self.out.push('}');
    }
}
