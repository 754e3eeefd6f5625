//! Indents compact JSON text the way `serde_json::to_string_pretty` writes it (two spaces,
//! `"name": value`, empty `[]` and `{}` kept on one line).
//!
//! Exported files are indented for people to read. Writing them with serde_json's pretty
//! writer compiled every `Serialize` of the board a second time, for that writer (~2 kB gzip
//! of the app); indenting the compact text needs one small loop. `tests/json_indent.rs`
//! checks the result against `to_string_pretty` byte for byte.

use crate::io::json_scan::skip_string;

/// `compact` (JSON as serde_json writes it, without whitespace) indented.
pub fn indent(compact: &str) -> String {
    let mut whole = String::new();
    indent_in_pieces(compact, usize::MAX, &mut |all| whole = all.to_owned());
    whole
}

/// `compact` indented, handed to `emit` in pieces of about `piece` bytes, each ending between
/// two JSON tokens (so whole UTF-8), in order. An export of 50,000 deals then holds a piece of
/// the indented text at a time instead of a second copy of the board (~27 MB of the wasm's
/// memory, which never shrinks).
pub fn indent_in_pieces(compact: &str, piece: usize, emit: &mut dyn FnMut(&str)) {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity((compact.len() + compact.len() / 2).min(piece));
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        if out.len() >= piece && !out.is_empty() {
            emit(&out);
            out.clear();
        }
        match bytes[at] {
            b'"' => {
                let end = skip_string(bytes, at).unwrap_or(bytes.len());
                out.push_str(&compact[at..end]);
                at = end;
                continue;
            }
            open @ (b'{' | b'[') => {
                out.push(open as char);
                let close = if open == b'{' { b'}' } else { b']' };
                if bytes.get(at + 1) == Some(&close) {
                    out.push(close as char);
                    at += 2;
                    continue;
                }
                depth += 1;
                new_line(&mut out, depth);
            }
            close @ (b'}' | b']') => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(close as char);
            }
            b',' => {
                out.push(',');
                new_line(&mut out, depth);
            }
            b':' => out.push_str(": "),
            _ => {
                // A number, `true`, `false` or `null`: copied up to the next structural byte.
                let end = bytes[at..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']' | b':'))
                    .map_or(bytes.len(), |n| at + n);
                out.push_str(&compact[at..end]);
                at = end;
                continue;
            }
        }
        at += 1;
    }
    if !out.is_empty() {
        emit(&out);
    }
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}
