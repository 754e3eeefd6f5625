//! A small walker over JSON text: skipping values (the stepped import finds each deal with it)
//! and naming the place of a byte (`deals[12].value`), so that a read's error, which
//! `json_read` gives as a byte offset, is reported with its place. The reader itself keeps no
//! path: on the good path, which is nearly every read, it would be work for nothing.
//!
//! Brackets are only counted, not matched: the reader checks the JSON itself.

use crate::io::json_read::{ErrorKind, JsonError, Reader};
use crate::io::validate::Problem;

/// The index after the whitespace from `at`.
pub(crate) fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        at += 1;
    }
    at
}

/// The index after the string that starts at `at` (its opening quote).
pub(crate) fn skip_string(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        match bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The index after the value that starts at `at`.
pub(crate) fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while !matches!(
                bytes.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            ) {
                i += 1;
            }
            (i > at).then_some(i)
        }
    }
}

/// A read's error as a problem with its place in `text`, the text that was read. The place
/// is relative to the value read (`deals[3].value` when a board was read; `board` for the
/// board itself).
pub(crate) fn problem_at(text: &str, err: &JsonError) -> Problem {
    let message = match &err.kind {
        ErrorKind::Data(message) => message.clone(),
        ErrorKind::Syntax(what) => what.to_string(),
    };
    let path = path_at(text, err.at);
    Problem::new(if path == "." { "board" } else { &path }, message)
}

/// Where a walk of the text is: one frame per open object or array.
enum Frame {
    /// An object, with the key whose value is being read (none between members).
    Object(Option<String>),
    /// An array, with the index of the element being read.
    Array(usize),
}

/// The path of the value being read at byte `at`, as serde_path_to_error wrote it:
/// `deals[12].value`, or `.` for the top level.
///
/// serde_json reports a bad value just after it (or at its first byte, for an object or array
/// where a number was expected), and a missing field just after the object's `}`: so the
/// path is the member or element open at `at`, and a closed container is no longer part of it.
pub fn path_at(text: &str, at: usize) -> String {
    let bytes = text.as_bytes();
    let end = at.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    // A key read but not yet followed by its `:` (an enum written as `{"name": …}` is
    // reported just after its name, which is not a member of the path yet).
    let mut key_read: Option<String> = None;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    *key = key_read.take();
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let Some(after) = skip_string(bytes, i) else {
                    break;
                };
                if let Some(Frame::Object(None)) = stack.last() {
                    key_read = Some(key_text(&text[i..after]));
                }
                i = after;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) if path.is_empty() => path.push_str(key),
            Frame::Object(Some(key)) => {
                path.push('.');
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A key as written between its quotes, escapes decoded.
fn key_text(quoted: &str) -> String {
    match Reader::new(quoted, 0).str() {
        Ok(key) => key.into_owned(),
        Err(_) => quoted[1..quoted.len() - 1].to_string(),
    }
}
