//! The JSON writer (`io::json_write`, `io::board_write`) against what serde_json wrote before
//! it: `tests/fixtures/written/` holds the snapshot and the stored form of four boards as the
//! serde build wrote them (every optional member set and not, escapes, ranks of every kind,
//! targets split every way), and the text must be the same, byte for byte. Older builds read
//! these files, and a merge orders two versions of a record by this text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use dealboard::io::json_write;
use dealboard::io::snapshot::{encode, restore, APP_VERSION};
use dealboard::io::store;
use proptest::prelude::*;

/// The file as written, with the app version of this build (the files say 0.1.0).
fn written(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/written/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap().replacen(
        "\"app_version\":\"0.1.0\"",
        &format!("\"app_version\":\"{APP_VERSION}\""),
        1,
    )
}

#[test]
fn boards_are_written_as_the_serde_build_wrote_them() {
    let boards = [
        (
            "edge",
            restore(include_str!("fixtures/edge-v3.json"))
                .unwrap()
                .board,
        ),
        (
            "targets-history",
            restore(include_str!("fixtures/targets-history.json"))
                .unwrap()
                .board,
        ),
        // These two were built on the sample board as it was when the serde build wrote them
        // (the sample has grown a history since): read back from their own files, so the
        // writer must give every byte of them again.
        (
            "realistic-40",
            restore(&written("realistic-40.snapshot.json"))
                .unwrap()
                .board,
        ),
        (
            "sample-zh",
            restore(&written("sample-zh.snapshot.json")).unwrap().board,
        ),
    ];
    for (name, board) in boards {
        assert_eq!(
            encode(&board, common::NOW),
            written(&format!("{name}.snapshot.json")),
            "{name}"
        );
        assert_eq!(
            store::encode(&board, common::NOW),
            written(&format!("{name}.stored.json")),
            "{name}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them(s in any::<String>(), control in "[\\x00-\\x1f\"\\\\]{0,4}") {
        let s = format!("{control}{s}{control}");
        let mut out = String::new();
        json_write::string(&mut out, &s);
        prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them(n in any::<i64>(), f in any::<f64>()) {
        let mut out = String::new();
        json_write::int(&mut out, n);
        prop_assert_eq!(&out, &serde_json::to_string(&n).unwrap());
        out.clear();
        json_write::float(&mut out, f);
        prop_assert_eq!(&out, &serde_json::to_string(&f).unwrap());
    }
}

#[test]
fn messages_quote_text_as_json_does() {
    use dealboard::domain::quote::quoted;
    assert_eq!(quoted("d-1"), "\"d-1\"");
    // Escaped as in a file; other characters (a zero-width space, 中) as written, not as
    // Rust's `{:?}` would write them (`\u{200b}`).
    assert_eq!(
        quoted("a\"b\\c\nd\u{1}\u{200b}中"),
        "\"a\\\"b\\\\c\\nd\\u0001\u{200b}中\""
    );
    let file =
        include_str!("fixtures/edge-v3.json").replacen("\"id\": \"d-2\"", "\"id\": \"d-1\"", 1);
    let problems = match restore(&file) {
        Err(dealboard::io::snapshot::RestoreError::Invalid(problems)) => problems,
        other => panic!("expected problems, got {other:?}"),
    };
    assert_eq!(
        problems[0].to_string(),
        "deals[1].id: \"d-1\" is used twice"
    );
}
