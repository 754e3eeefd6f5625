//! The place named for a typed read's error (`io::json_scan`): serde_json reports a line and
//! column, and the walk of the text turns it into the path a person can find in the file.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
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
    let text = encode(&Lang::En.sample_board(NOW), NOW);
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
    let board = Lang::En.sample_board(NOW);
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

/// Every member and element under `board`, with its path as the problem names it.
fn leaves(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    use serde_json::Value;
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, member) in map {
                out.push(join(key));
                leaves(member, join(key), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push(format!("{path}[{i}]"));
                leaves(item, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The value at `path` (as `leaves` writes it) under `root`.
fn at<'a>(root: &'a mut serde_json::Value, path: &str) -> &'a mut serde_json::Value {
    let mut here = root;
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            here = here.get_mut(key).expect("key on the path");
        }
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            let i: usize = index.trim_end_matches(']').parse().unwrap();
            here = here.get_mut(i).expect("index on the path");
        }
    }
    here
}

/// Values that no field of a board takes in place of `value`: a scalar of another kind, and
/// an object (an enum written as `{"name": …}` with an unknown name, or a struct missing all
/// its fields).
fn wrong_values(value: &serde_json::Value) -> [serde_json::Value; 2] {
    let scalar = if value.is_boolean() {
        serde_json::json!("x")
    } else {
        serde_json::json!(true)
    };
    [scalar, serde_json::json!({"zz": 1})]
}

/// Gives every member and element of `original` under one of `under` each of `wrong_values`
/// in turn, reads the text `text_of` writes, and fails listing the places that the first
/// problem reported does not name exactly (named without the `board.` that wraps them).
fn assert_every_place_named(
    original: &serde_json::Value,
    under: &[&str],
    text_of: impl Fn(&serde_json::Value) -> String,
) {
    let mut paths = Vec::new();
    leaves(original, String::new(), &mut paths);
    paths.retain(|p| under.iter().any(|u| p.starts_with(u)));
    assert!(paths.len() > 300, "{}", paths.len());
    let mut wrong = Vec::new();
    for path in &paths {
        for wrong_value in wrong_values(at(&mut original.clone(), path)) {
            let mut broken = original.clone();
            *at(&mut broken, path) = wrong_value;
            let found = problems(&text_of(&broken));
            let named = found[0].split(": ").next().unwrap_or_default();
            if named != path.strip_prefix("board.").unwrap_or(path) {
                wrong.push(format!("{path} → {found:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} places misnamed:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_wrong_type_anywhere_in_a_board_is_named_where_it_is() {
    // Every member and element of a board with stages, deals, histories, settings and a
    // target tree, one at a time, given a value of a type no field takes: the one problem
    // reported must name exactly that place.
    let text = include_str!("fixtures/targets-history.json");
    let original: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_every_place_named(&original, &["board."], |broken| {
        serde_json::to_string_pretty(broken).unwrap()
    });
}

#[test]
fn a_wrong_type_anywhere_in_the_stored_form_is_named_where_it_is() {
    // The same for the compact form in storage, read straight from its text: rows are arrays,
    // and places are named without the `board.` that wraps them.
    let file = include_str!("fixtures/targets-history.json");
    let board = dealboard::io::snapshot::restore(file).unwrap().board;
    let original: serde_json::Value = serde_json::from_str(&encode(&board, NOW)).unwrap();
    assert_every_place_named(&original, &["board.", "strings"], |broken| {
        // `format` first, as the app writes it (serde_json's map would sort the keys).
        let mut members = broken.as_object().unwrap().clone();
        let format = members.remove("format").unwrap();
        let rest = serde_json::to_string(&members).unwrap();
        format!("{{\"format\":{format},{}", &rest[1..])
    });
}

#[test]
fn a_name_given_as_another_kind_of_value_says_what_came() {
    // serde_json calls this a syntax error ("expected value"); in JSON that reads it is a
    // problem with a place, in a snapshot and in the stored form alike.
    let file = include_str!("fixtures/targets-history.json");
    let snapshot = file.replacen(r#""kind": "open""#, r#""kind": [1, 2]"#, 1);
    assert_eq!(
        problems(&snapshot),
        ["stages[0].kind: expected a name in quotes, found [1, 2]"]
    );
    let board = restore(file).unwrap().board;
    let stored = encode(&board, NOW).replacen(r#""kind":"open""#, r#""kind":true"#, 1);
    assert_eq!(
        problems(&stored),
        ["stages[0].kind: expected a name in quotes, found true"]
    );
    let cut = &stored[..stored.len() - 2];
    assert!(matches!(restore(cut), Err(RestoreError::NotJson(_))));
}

/// The fixture's board with every optional member of the twelfth and thirteenth sessions set:
/// a stage's alert thresholds and exit criteria, a deal's next step, ticks and steps done
/// (rated and not), and the team list.
fn board_with_every_member() -> dealboard::domain::board::Board {
    use dealboard::domain::board::{Activity, NextStep, Rating, StepKind};
    use dealboard::domain::date::Date;
    let file = include_str!("fixtures/targets-history.json");
    let mut board = dealboard::io::snapshot::restore(file).unwrap().board;
    let day = Date::from_ymd(2026, 11, 20).unwrap();
    let stage = &mut board.stages[0];
    stage.idle_days = Some(14);
    stage.limit = Some(9);
    stage.checklist = vec!["Budget confirmed".into(), "Decision maker met".into()];
    board.deals.edit(0, |d| {
        d.next_step = Some(NextStep {
            kind: StepKind::Meeting,
            due: day,
            note: "Bring the quote".into(),
        });
        d.checked = vec!["Budget confirmed".into()];
        d.activities = vec![
            Activity {
                kind: StepKind::Call,
                done: day,
                note: "Asked about budget".into(),
                rating: None,
            },
            Activity {
                kind: StepKind::FollowUp,
                done: day,
                note: String::new(),
                rating: Rating::new(4),
            },
        ];
    });
    board.settings.team = vec!["Erin Novak".into(), "Dan Ito".into()];
    board
}

#[test]
fn a_wrong_type_in_any_newer_member_is_named_where_it_is() {
    // As above, with thresholds, criteria, next steps, steps done and the team list set: in a
    // snapshot and in the stored form (whose rows then have their 23rd to 25th values).
    let board = board_with_every_member();
    let snapshot: serde_json::Value =
        serde_json::from_str(&dealboard::io::snapshot::encode(&board, NOW)).unwrap();
    assert!(snapshot["board"]["deals"][0]["activities"][1]["rating"] == 4);
    assert_every_place_named(&snapshot, &["board."], |broken| {
        serde_json::to_string_pretty(broken).unwrap()
    });
    let stored: serde_json::Value = serde_json::from_str(&encode(&board, NOW)).unwrap();
    assert_eq!(stored["board"]["deals"][0].as_array().unwrap().len(), 25);
    assert_every_place_named(&stored, &["board.", "strings"], |broken| {
        let mut members = broken.as_object().unwrap().clone();
        let format = members.remove("format").unwrap();
        let rest = serde_json::to_string(&members).unwrap();
        format!("{{\"format\":{format},{}", &rest[1..])
    });
}
