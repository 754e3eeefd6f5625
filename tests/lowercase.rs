//! `domain::lowercase`: text without case tables is lowered in Rust, the rest by the mapping
//! the app hands in (JavaScript's in the browser; Rust's natively, as here). Either way the
//! result must be `str::to_lowercase`'s.
#![cfg(not(target_arch = "wasm32"))]

use dealboard::domain::lowercase::{lowercase, lowercase_into};
use proptest::prelude::*;

#[test]
fn the_blocks_lowered_in_rust_have_no_case() {
    let blocks = [
        0x3000..=0x303F,
        0x3040..=0x30FF,
        0x3400..=0x4DBF,
        0x4E00..=0x9FFF,
        0xAC00..=0xD7AF,
        0xF900..=0xFAFF,
        0xFF01..=0xFF20,
    ];
    for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
        assert_eq!(
            c.to_lowercase().to_string(),
            c.to_string(),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(
            c.to_uppercase().to_string(),
            c.to_string(),
            "U+{:04X}",
            c as u32
        );
    }
}

#[test]
fn every_character_is_lowered_as_char_to_lowercase_does() {
    for c in (0..0x3_0000).filter_map(char::from_u32) {
        let text = c.to_string();
        assert_eq!(lowercase(&text), text.to_lowercase(), "U+{:04X}", c as u32);
    }
}

#[test]
fn text_is_lowered_as_str_to_lowercase_does() {
    for text in [
        "Alice CHEN",
        "销售 Q4 目标 ABC",
        "ＡＢＣ全角", // full-width letters have case
        "José ÖLWERK Łódź ŸVES Œuvre",
        "МОСКВА Ёлка Ђорђе",
        "ΟΔΟΣ Σ",        // final sigma
        "İstanbul",      // dotted capital I: two chars
        "STRASSE ẞ",     // capital sharp s
        "\u{212A}elvin", // the Kelvin sign lowers to ASCII k
        "",
    ] {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
    }
}

proptest! {
    #[test]
    fn any_text_is_lowered_as_str_to_lowercase_does(text in "\\PC*") {
        prop_assert_eq!(lowercase(&text), text.to_lowercase());
    }

    #[test]
    fn mixed_cjk_and_latin_is_lowered_as_str_to_lowercase_does(
        text in "[a-zA-Z0-9 \u{4E00}-\u{4E20}\u{3042}-\u{3050}\u{AC00}-\u{AC10}ÀÉÖ]*"
    ) {
        prop_assert_eq!(lowercase(&text), text.to_lowercase());
    }

    /// The search lowers every field into one buffer: what was in it before must not show.
    #[test]
    fn text_lowered_into_a_used_buffer_is_lowered_as_str_to_lowercase_does(
        texts in proptest::collection::vec("[a-zA-Z ÀÉÖΣΟΔİ\u{4E00}-\u{4E05}]{0,12}", 1..8)
    ) {
        let mut buffer = String::from("LEFT OVER");
        for text in &texts {
            lowercase_into(text, &mut buffer);
            prop_assert_eq!(&buffer, &text.to_lowercase());
        }
    }
}
