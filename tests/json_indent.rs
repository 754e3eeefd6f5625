//! Exported files are indented by `io::json_indent`, not by serde_json's pretty writer: the
//! result must be what `to_string_pretty` writes, byte for byte.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{realistic_board, NOW};
use dealboard::i18n::Lang;
use dealboard::io::json_indent::{indent, indent_in_pieces};
use dealboard::io::snapshot::{encode, encode_pretty, encode_pretty_in_pieces, restore};
use proptest::prelude::*;
use serde_json::{json, Value};

fn same_as_serde(value: &Value) {
    let compact = serde_json::to_string(value).unwrap();
    assert_eq!(
        indent(&compact),
        serde_json::to_string_pretty(value).unwrap(),
        "{compact}"
    );
}

#[test]
fn boards_are_indented_as_serde_json_would() {
    let boards = [
        Lang::En.sample_board(NOW),
        Lang::ZhCn.sample_board(NOW),
        realistic_board(300),
    ];
    for board in &boards {
        let value: Value = serde_json::from_str(&encode(board, NOW)).unwrap();
        same_as_serde(&value);
        // The export: the same file as the compact one, on many lines.
        let compact = encode(board, NOW);
        let pretty = encode_pretty(board, NOW);
        assert!(pretty.lines().count() > 100, "indented on many lines");
        assert_eq!(
            serde_json::from_str::<Value>(&pretty).unwrap(),
            serde_json::from_str::<Value>(&compact).unwrap()
        );
        assert_eq!(
            restore(&pretty).unwrap().board,
            restore(&compact).unwrap().board
        );
    }
}

#[test]
fn the_board_with_targets_and_histories_is_indented_as_serde_json_would() {
    let file: Value = serde_json::from_str(include_str!("fixtures/targets-history.json")).unwrap();
    same_as_serde(&file);
}

#[test]
fn structure_inside_strings_and_empty_containers_are_kept() {
    same_as_serde(&json!({
        "braces": "{[,:]} \"quoted\" \\ back\\slash \\\" end",
        "unicode": "销售 — 目标 \u{1F600} \u{7}",
        "empty_list": [],
        "empty_object": {},
        "nested": [[], [{}], [[1, -2.5e-7, 3]], {"a": {"b": []}}],
        "numbers": [0, -1, 1.5, 1e300, -0.0, 18446744073709551615u64],
        "literals": [true, false, null],
        "": ""
    }));
    same_as_serde(&json!([]));
    same_as_serde(&json!({}));
    same_as_serde(&json!("just a string, with: {brackets}"));
    same_as_serde(&json!(42));
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC*".prop_map(Value::from),
        "[{}\\[\\],:\"\\\\ a]*".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec(("[a-z{}:,\"]*", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// The pieces `indent_in_pieces` hands out, in order.
fn pieces(compact: &str, piece: usize) -> Vec<String> {
    let mut out = Vec::new();
    indent_in_pieces(compact, piece, &mut |p| out.push(p.to_owned()));
    out
}

proptest! {
    #[test]
    fn any_json_is_indented_as_serde_json_would(value in any_json()) {
        let compact = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(indent(&compact), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn pieces_of_any_size_make_the_same_text(value in any_json(), piece in 1usize..200) {
        let compact = serde_json::to_string(&value).unwrap();
        let all = pieces(&compact, piece);
        prop_assert_eq!(all.concat(), indent(&compact));
        prop_assert!(all.iter().all(|p| !p.is_empty()));
    }
}

#[test]
fn an_export_comes_in_pieces_of_about_the_size_asked() {
    // The export hands 1 MiB pieces to the browser; here 4 kB pieces of a 300-deal board.
    let board = realistic_board(300);
    let mut all: Vec<String> = Vec::new();
    encode_pretty_in_pieces(&board, NOW, 4096, &mut |p| all.push(p.to_owned()));
    assert_eq!(all.concat(), encode_pretty(&board, NOW));
    assert!(all.len() > 10, "{} pieces", all.len());
    let (last, whole) = all.split_last().unwrap();
    for piece in whole {
        // A piece ends at the first token boundary at or after the size: a token's length more.
        assert!(
            piece.len() >= 4096 && piece.len() < 4096 + 512,
            "{}",
            piece.len()
        );
    }
    assert!(!last.is_empty() && last.len() < 4096 + 512);
}
