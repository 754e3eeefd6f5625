//! The place named for a typed read's error (`io::json_scan`): serde_json reports a line and
//! column, and the walk of the text turns it into the path a person can find in the file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::sample::sample_board;
use dealboard::i18n::Lang;
use dealboard::io::json_scan::path_at;
use dealboard::io::snapshot::{restore, RestoreError};
use dealboard::io::store::encode;

fn problems(text: &str) -> Vec<String> {
    match restore(text) {
        Err(RestoreError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

/// The path at the byte just after the first `marker` in `text`.
fn path_after(text: &str, marker: &str) -> String {
    path_at(
        text,
        text.find(marker).expect("marker in text") + marker.len(),
    )
}

#[test]
fn a_bad_value_is_named_by_its_member_and_element() {
    let text = r#"{"deals": [{"id": "a"}, {"id": 5, "tags": ["x", 7]}]}"#;
    assert_eq!(path_after(text, "5"), "deals[1].id");
    assert_eq!(path_after(text, "7"), "deals[1].tags[1]");
    assert_eq!(path_after(text, r#""a""#), "deals[0].id");
}

#[test]
fn a_closed_object_is_named_by_its_own_place() {
    // serde_json reports a missing field just after the object's `}`.
    let text = r#"{"deals": [{"id": "a"}, {"id": "b"}], "stages": []}"#;
    assert_eq!(path_after(text, r#"{"id": "b"}"#), "deals[1]");
    assert_eq!(path_after(text, "[]"), "stages");
    assert_eq!(path_after(text, "]}"), ".");
}

#[test]
fn an_object_where_a_number_belongs_is_named_before_it_opens() {
    // serde_json stops at the `{` without reading it.
    let text = r#"{"deals": [{"value": {"amount": 5}}]}"#;
    assert_eq!(path_after(text, r#""value": "#), "deals[0].value");
}

#[test]
fn keys_with_escapes_and_strings_with_brackets_are_read_as_written() {
    let text = r#"{"a\"b": [1, {"c": "],}{[,"}, 2]}"#;
    assert_eq!(path_after(text, "2"), r#"a"b[2]"#);
    assert_eq!(path_after(text, r#""],}{[,""#), r#"a"b[1].c"#);
    assert_eq!(path_at(text, 0), ".");
    assert_eq!(path_at(text, 10_000), ".");
}

#[test]
fn the_stored_form_names_the_place_on_any_line() {
    // The stored form is one line; a copy saved as a file may have been re-indented. The
    // column serde_json gives is counted from the start of its line.
    let text = encode(&sample_board(|p| Lang::En.stage_name(p), NOW), NOW);
    let broken = text.replacen("\"deals\":[[\"", "\"deals\":[[\"x\",[],\"", 1);
    assert_eq!(
        problems(&broken),
        ["deals[0][1]: expected a number, found sequence"]
    );
    let on_lines = broken.replace(",\"", ",\n  \"");
    assert_eq!(problems(&on_lines), problems(&broken));
}

#[test]
fn every_deal_of_a_snapshot_is_named_with_its_own_problem() {
    let board = sample_board(|p| Lang::En.stage_name(p), NOW);
    let text = dealboard::io::snapshot::encode_pretty(&board, NOW);
    let first_value = format!("\"value\": {}", board.deals[0].value);
    let third_title = format!("\"title\": {:?},", board.deals[2].title);
    assert!(text.contains(&first_value) && text.contains(&third_title));
    let broken = text
        .replacen(&first_value, "\"value\": {\"a\": 1}", 1)
        .replacen(&third_title, "", 1);
    assert_eq!(
        problems(&broken),
        [
            "deals[0].value: expected a number, found map",
            "deals[2]: missing field `title`",
        ]
    );
}
