//! What a value must be, and the words for what came instead: wrong kinds, enum names, and
//! lists of a fixed length (a stored row).

use super::{Read, Reader};
use crate::domain::quote::quoted;
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// Fails with "expected `expected`, found …" for the value ahead (after checking that it
    /// is JSON at all: broken JSON is a syntax error, whatever was expected).
    pub fn wrong<T>(&mut self, expected: &str) -> Read<T> {
        let start = self.at_value()?;
        let found = self.found(start)?;
        self.problem(start, ["expected ", expected, ", found ", &found].concat())
    }

    /// The start of the next value, or a syntax error when there is none.
    pub(super) fn at_value(&mut self) -> Read<usize> {
        match self.peek() {
            Some(_) => Ok(self.at),
            None => self.unexpected(""),
        }
    }

    /// serde's words for the value at `start`, which is skipped.
    pub(super) fn found(&mut self, start: usize) -> Read<String> {
        self.at = start;
        let found = match self.bytes()[start] {
            b'"' => ["string ", &quoted(&self.raw_string()?)].concat(),
            b'{' => "map".into(),
            b'[' => "sequence".into(),
            b'n' => "null".into(),
            b't' | b'f' => ["boolean `", self.literal_text()?, "`"].concat(),
            _ => {
                let raw = self.literal_text()?;
                let kind = match raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                    true => "floating point `",
                    false => "integer `",
                };
                [kind, raw, "`"].concat()
            }
        };
        self.at = start;
        self.skip()?;
        Ok(found)
    }

    /// The text of the literal or number at `at`, checked.
    pub(super) fn literal_text(&mut self) -> Read<&'a str> {
        let start = self.at;
        self.skip()?;
        Ok(&self.text[start..self.at])
    }

    /// The value ahead as written (up to 40 bytes, whitespace runs as one space), skipped.
    pub fn quote_value(&mut self) -> Read<String> {
        let start = self.at_value()?;
        self.skip()?;
        let mut end = self.at.min(start + 40);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let mut quoted = String::new();
        for c in self.text[start..end].chars() {
            match c.is_ascii_whitespace() {
                true if quoted.ends_with(' ') => {}
                true => quoted.push(' '),
                false => quoted.push(c),
            }
        }
        Ok(quoted)
    }

    /// Before the element `i` (from 0) of a list that must have `len`: opens the list at 0,
    /// passes the comma after that, and fails when the list has ended (a problem of the list).
    pub fn item(&mut self, i: usize, len: usize) -> Read<()> {
        if i == 0 {
            if self.peek() != Some(b'[') {
                return self.wrong(&format!("a list of {len} values"));
            }
            self.at += 1;
        } else {
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {}
                _ => return self.unexpected("expected `,` or `]`"),
            }
        }
        if self.peek() == Some(b']') {
            self.at += 1;
            return self.problem(
                self.at,
                format!("expected a list of {len} values, found {i}"),
            );
        }
        self.at_value().map(drop)
    }

    /// After the last element of a list of `len`: its `]`.
    pub fn end_list(&mut self, len: usize) -> Read<()> {
        match self.peek() {
            Some(b']') => {
                self.at += 1;
                Ok(())
            }
            Some(b',') => {
                self.at += 1;
                let start = self.at_value()?;
                self.problem(
                    start,
                    format!("expected a list of {len} values, found more"),
                )
            }
            _ => self.unexpected("expected `,` or `]`"),
        }
    }

    /// One of `names` (an enum's variant written as its name): its index.
    pub fn name(&mut self, names: &[&str]) -> Read<usize> {
        let start = self.at_value()?;
        let name = match self.peek() {
            Some(b'"') => self.raw_string()?,
            Some(b'{') => {
                // serde's form of a variant with data, `{"name": …}`: the name must be known,
                // and a name alone may come as `{"name": null}`.
                let (mut first, mut members, mut null) = (None, 0, false);
                self.object(&mut |r, key| {
                    first.get_or_insert_with(|| key.to_string());
                    members += 1;
                    null = r.null()?;
                    if null {
                        Ok(())
                    } else {
                        r.skip()
                    }
                })?;
                match first {
                    Some(key) if !names.contains(&key.as_str()) => Cow::Owned(key),
                    Some(key) if members == 1 && null => Cow::Owned(key),
                    _ => {
                        self.at = start;
                        return self.not_a_name(start);
                    }
                }
            }
            _ => return self.not_a_name(start),
        };
        match names.iter().position(|n| *n == name) {
            Some(i) => Ok(i),
            None => {
                let known: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                self.problem(
                    start,
                    format!(
                        "unknown variant `{name}`, expected one of {}",
                        known.join(", ")
                    ),
                )
            }
        }
    }

    pub(super) fn not_a_name<T>(&mut self, start: usize) -> Read<T> {
        let found = self.quote_value()?;
        self.problem(
            start,
            ["expected a name in quotes, found ", &found].concat(),
        )
    }
}
