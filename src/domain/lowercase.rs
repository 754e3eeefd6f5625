//! Lower-casing for comparisons that ignore case: the search, target scopes, stage names in a
//! merge, CSV headers.
//!
//! Rust's `str::to_lowercase` brings Unicode's case tables into the wasm (~8 kB gzip of the
//! app, docs/size.md). The browser already has the same mapping: the app hands JavaScript's
//! `toLowerCase` in at start-up (`set_non_ascii`), and text that needs no table (ASCII,
//! Western and Central European Latin, basic Cyrillic, caseless CJK) never leaves Rust. Natively (tests,
//! tools) Rust's own mapping is used, which is the same Unicode mapping, final sigma included.

use std::sync::OnceLock;

static NON_ASCII: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Sets how text with cased non-ASCII letters is lower-cased (once; later calls are ignored).
pub fn set_non_ascii(lower: fn(&str) -> String) {
    let _ = NON_ASCII.set(lower);
}

/// `text` in lower case, as `str::to_lowercase` writes it.
pub fn lowercase(text: &str) -> String {
    let mut lowered = String::with_capacity(text.len());
    lowercase_into(text, &mut lowered);
    lowered
}

/// `lowercase(text)` written into `out` (cleared first), so that a search over many deals
/// reuses one buffer: a new `String` per field per deal was ~40 % of filtering 50,000 deals.
pub fn lowercase_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        match lower_here(c) {
            Some(lower) => out.push(lower),
            None => {
                out.clear();
                out.push_str(&match NON_ASCII.get() {
                    Some(lower) => lower(text),
                    None => fallback(text),
                });
                return;
            }
        }
    }
}

/// `c` in lower case when that needs no table: ASCII, the Latin letters of Western and Central
/// European languages, basic Cyrillic and caseless CJK text, so that a board in those
/// languages is searched without a call into JavaScript per field. `None` for the rest
/// (Greek's final sigma, `İ`'s two characters, …). `tests/lowercase.rs` checks every
/// character against `char::to_lowercase`.
fn lower_here(c: char) -> Option<char> {
    let u = c as u32;
    let lower = match u {
        0..=0x7F => u | u32::from(c.is_ascii_uppercase()) << 5,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x80..=0xFF => u,
        0x130 => return None,
        0x100..=0x137 | 0x14A..=0x177 => u | 1,
        0x139..=0x148 | 0x179..=0x17E => u + (u & 1),
        0x138 | 0x149 | 0x17F => u,
        0x178 => 0xFF,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x430..=0x45F => u,
        _ if caseless(c) => u,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Characters in blocks without case: Chinese, Japanese and Korean scripts and punctuation.
fn caseless(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF01}'..='\u{FF20}' // full-width punctuation and digits (not the letters)
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback(text: &str) -> String {
    text.to_lowercase()
}

/// In the browser the app sets the mapping before anything compares text; should it not have,
/// only ASCII letters are lowered (rather than bringing the tables back in).
#[cfg(target_arch = "wasm32")]
fn fallback(text: &str) -> String {
    text.to_ascii_lowercase()
}
