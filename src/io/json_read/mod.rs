//! A small JSON reader that reads straight into the app's types: the board's readers
//! (`io::board_read`, `io::store`) call it member by member. It replaced serde's derived
//! deserialisers and serde_json's reader, which were compiled again for every type read (about
//! 40 kB of the gzip'd app), and it knows where it is: an error carries the byte it was found
//! at, and `json_scan::path_at` names that place (`deals[12].value`).
//!
//! Where it reports a problem (what `path_at` then names):
//! - a value of the wrong kind, or out of range: at the value's first byte, so the member or
//!   element that holds it;
//! - a missing member: just after the object's `}`, so the object itself.
//!
//! Messages keep serde's words for what was found (`found string "abc"`, `found map`), which
//! users of earlier builds have seen.

mod expect;
mod number;
mod string;

pub use number::Number;

/// What went wrong, and at which byte of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    pub at: usize,
    pub kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// The text is not JSON here.
    Syntax(&'static str),
    /// JSON, but not what belongs here.
    Data(String),
}

impl JsonError {
    /// The syntax error as people read it: what, and the line and column (from 1).
    pub fn describe(&self, text: &str) -> String {
        let what = match &self.kind {
            ErrorKind::Syntax(what) => what,
            ErrorKind::Data(message) => message.as_str(),
        };
        let before = text.get(..self.at.min(text.len())).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("{what} at line {line} column {column}")
    }
}

pub type Read<T> = Result<T, JsonError>;

/// More arrays and objects inside each other than this are refused rather than walked: the
/// walk is recursive, and a file of nested brackets must not overflow the stack. serde_json's
/// limit, so the same texts are JSON as before. Counted from where the walk starts.
const MAX_DEPTH: usize = 127;

/// A place in a JSON text.
pub struct Reader<'a> {
    text: &'a str,
    /// The next byte to read.
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, at: usize) -> Reader<'a> {
        Reader { text, at }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte that is not whitespace (the reader stops in front of it).
    pub fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    fn syntax<T>(&self, at: usize, what: &'static str) -> Read<T> {
        Err(JsonError {
            at,
            kind: ErrorKind::Syntax(what),
        })
    }

    /// A problem with the value that starts at `at`.
    pub fn problem<T>(&self, at: usize, message: String) -> Read<T> {
        Err(JsonError {
            at,
            kind: ErrorKind::Data(message),
        })
    }

    /// Consumes `byte` (after whitespace), or fails saying it was expected.
    fn expect(&mut self, byte: u8, what: &'static str) -> Read<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            self.unexpected(what)
        }
    }

    fn unexpected<T>(&self, what: &'static str) -> Read<T> {
        match self.bytes().get(self.at) {
            None => self.syntax(self.at, "the text ends too early"),
            Some(_) => self.syntax(self.at, what),
        }
    }

    /// `null` ahead: consumed, and true.
    pub fn null(&mut self) -> Read<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.skip()?;
        Ok(true)
    }

    /// A number, checked against JSON's grammar.
    pub fn number(&mut self) -> Read<Number> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => match number::number(self.bytes(), self.at) {
                Ok((n, after)) => {
                    self.at = after;
                    Ok(n)
                }
                Err(at) => self.syntax(at, "a bad number"),
            },
            _ => self.wrong("a number"),
        }
    }

    /// A whole number from `min` to `max`.
    pub fn whole(&mut self, min: i64, max: i64) -> Read<i64> {
        let start = self.at_value()?;
        // Most numbers of a board are short whole numbers (a stored row is ~20 of them):
        // read those in one pass, the rest through `number`.
        let bytes = self.bytes();
        let digits = start + usize::from(bytes[start] == b'-');
        let mut end = digits;
        let mut n: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(end).filter(|_| end - digits < 18) {
            n = n * 10 + i64::from(b - b'0');
            end += 1;
        }
        let plain = end > digits
            && (bytes[digits] != b'0' || end == digits + 1)
            && !matches!(bytes.get(end), Some(b'0'..=b'9' | b'.' | b'e' | b'E'));
        let n = if digits > start { -n } else { n };
        if plain && (min..=max).contains(&n) {
            self.at = end;
            return Ok(n);
        }
        match self.number()? {
            Number::Whole(n) if (min as i128..=max as i128).contains(&n) => Ok(n as i64),
            Number::Whole(_) => {
                let found = &self.text[start..self.at];
                self.problem(
                    start,
                    format!("expected a whole number from {min} to {max}, found {found}"),
                )
            }
            Number::Float(_) => {
                self.at = start;
                self.wrong("a whole number")
            }
        }
    }

    pub fn i64(&mut self) -> Read<i64> {
        self.whole(i64::MIN, i64::MAX)
    }

    pub fn u32(&mut self) -> Read<u32> {
        Ok(self.whole(0, u32::MAX as i64)? as u32)
    }

    pub fn u8(&mut self) -> Read<u8> {
        Ok(self.whole(0, u8::MAX as i64)? as u8)
    }

    pub fn f64(&mut self) -> Read<f64> {
        Ok(match self.number()? {
            // Through `u64` (a JSON whole number is within ±u64::MAX): no i128 conversion.
            Number::Whole(n) if n < 0 => -(n.unsigned_abs() as u64 as f64),
            Number::Whole(n) => n as u64 as f64,
            Number::Float(f) => f,
        })
    }

    /// An object: `member` is called with each key and must read (or `skip`) its value. The
    /// reader is then just after the `}` (where a missing member is reported).
    pub fn object(&mut self, member: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<()> {
        if self.peek() != Some(b'{') {
            return self.wrong("an object");
        }
        self.at += 1;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.unexpected("expected a key in quotes");
            }
            let key = self.raw_string()?;
            self.expect(b':', "expected `:`")?;
            self.at_value()?;
            member(self, &key)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.unexpected("expected `,` or `}`"),
            }
        }
    }

    /// An array: `element` is called for each element and must read (or `skip`) it.
    pub fn array(&mut self, element: &mut dyn FnMut(&mut Self) -> Read<()>) -> Read<()> {
        if self.peek() != Some(b'[') {
            return self.wrong("a sequence");
        }
        self.at += 1;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.at_value()?;
            element(self)?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return self.unexpected("expected `,` or `]`"),
            }
        }
    }

    /// An array of `T`s.
    pub fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let mut items = Vec::new();
        self.array(&mut |r| {
            items.push(read(r)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// Passes over the value ahead, checking that it is JSON.
    pub fn skip(&mut self) -> Read<()> {
        self.skip_at_depth(0)
    }

    fn skip_at_depth(&mut self, depth: usize) -> Read<()> {
        if depth >= MAX_DEPTH && matches!(self.peek(), Some(b'{' | b'[')) {
            return self.syntax(self.at, "nested too deeply");
        }
        match self.peek() {
            Some(b'"') => self.raw_string().map(drop),
            Some(b'{') => self.object(&mut |r, _| r.skip_at_depth(depth + 1)),
            Some(b'[') => self.array(&mut |r| r.skip_at_depth(depth + 1)),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            _ => self.unexpected("expected a value"),
        }
    }

    fn word(&mut self, word: &'static str) -> Read<()> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            self.syntax(self.at, "expected a value")
        }
    }

    /// Fails unless only whitespace is left.
    pub fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.syntax(self.at, "more text after the end"),
        }
    }

    /// The whole text being read.
    pub fn text(&self) -> &'a str {
        self.text
    }
}
