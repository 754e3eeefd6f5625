//! Strings: borrowed from the text when they have no escapes, decoded when they have.

use super::{Read, Reader};
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// A string.
    pub fn string(&mut self) -> Read<String> {
        Ok(self.str()?.into_owned())
    }

    /// A string, borrowed from the text when it has no escapes.
    pub fn str(&mut self) -> Read<Cow<'a, str>> {
        match self.peek() {
            Some(b'"') => self.raw_string(),
            _ => self.wrong("a string"),
        }
    }

    /// The string that starts at `self.at` (its opening quote).
    pub(super) fn raw_string(&mut self) -> Read<Cow<'a, str>> {
        let bytes = self.bytes();
        let start = self.at + 1;
        let mut i = start;
        // The plain part: most strings have no escapes and are borrowed whole.
        while let Some(&b) = bytes.get(i) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            i += 1;
        }
        match bytes.get(i) {
            Some(b'"') => {
                self.at = i + 1;
                return Ok(Cow::Borrowed(&self.text[start..i]));
            }
            Some(b'\\') => {}
            Some(_) => return self.syntax(i, "a control character in a string"),
            None => return self.syntax(i, "the text ends inside a string"),
        }
        let mut out = String::from(&self.text[start..i]);
        loop {
            let run = i;
            while let Some(&b) = bytes.get(i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            match bytes.get(i) {
                Some(b'"') => {
                    self.at = i + 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => i = self.escape(i, &mut out)?,
                Some(_) => return self.syntax(i, "a control character in a string"),
                None => return self.syntax(i, "the text ends inside a string"),
            }
        }
    }

    /// Decodes the escape at `i` (its backslash) into `out`; the index after it.
    fn escape(&self, i: usize, out: &mut String) -> Read<usize> {
        let simple = match self.bytes().get(i + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, after) = self.unicode_escape(i)?;
                out.push(c);
                return Ok(after);
            }
            _ => return self.syntax(i, "an unknown escape in a string"),
        };
        out.push(simple);
        Ok(i + 2)
    }

    /// `\uXXXX` at `i`, with its low surrogate when it is a high one.
    fn unicode_escape(&self, i: usize) -> Read<(char, usize)> {
        let hex = |at: usize| {
            let digits = self.bytes().get(at..at + 4)?;
            digits
                .iter()
                .try_fold(0, |code, &b| Some(code * 16 + char::from(b).to_digit(16)?))
        };
        let Some(first) = hex(i + 2) else {
            return self.syntax(i, "a bad \\u escape in a string");
        };
        let (code, after) = if (0xD800..0xDC00).contains(&first) {
            let low = (self.text.get(i + 6..i + 8) == Some("\\u"))
                .then(|| hex(i + 8))
                .flatten()
                .filter(|low| (0xDC00..0xE000).contains(low));
            match low {
                Some(low) => (0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00), i + 12),
                None => return self.syntax(i, "a lone surrogate in a string"),
            }
        } else {
            (first, i + 6)
        };
        match char::from_u32(code) {
            Some(c) => Ok((c, after)),
            None => self.syntax(i, "a lone surrogate in a string"),
        }
    }
}
