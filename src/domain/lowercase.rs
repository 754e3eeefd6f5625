//! Lower-casing for comparisons that ignore case: the search, target scopes, stage names in a
//! merge, CSV headers.
//!
//! Rust's `str::to_lowercase` brings Unicode's case tables into the wasm (~8 kB gzip of the
//! app, docs/size.md). The browser already has the same mapping: the app hands JavaScript's
//! `toLowerCase` in at start-up (`set_non_ascii`), and text that needs no table (ASCII, and
//! the caseless Chinese, Japanese and Korean blocks) never leaves Rust. Natively (tests,
//! tools) Rust's own mapping is used, which is the same Unicode mapping, final sigma included.

use std::sync::OnceLock;

static NON_ASCII: OnceLock<fn(&str) -> String> = OnceLock::new();

/// Sets how text with cased non-ASCII letters is lower-cased (once; later calls are ignored).
pub fn set_non_ascii(lower: fn(&str) -> String) {
    let _ = NON_ASCII.set(lower);
}

/// `text` in lower case, as `str::to_lowercase` writes it.
pub fn lowercase(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii() || caseless(c)) {
        return text.to_ascii_lowercase();
    }
    match NON_ASCII.get() {
        Some(lower) => lower(text),
        None => fallback(text),
    }
}

/// Characters in blocks without case: Chinese, Japanese and Korean scripts and punctuation,
/// so that a board in those languages is searched without leaving Rust.
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
