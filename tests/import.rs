//! Importing a snapshot file: the export → import round trip, every format version, repeated
//! ids renamed, unknown fields ignored, and each class of error with its message.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::board::{DealId, Tombstone};
use dealboard::i18n::Lang;
use dealboard::io::import::read_import;
use dealboard::io::migrate::CURRENT_VERSION;
use dealboard::io::snapshot::{encode, encode_pretty, restore, RestoreError};

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");

/// The messages of an import that must fail as invalid.
fn problems(text: &str) -> Vec<String> {
    match read_import(text) {
        Err(RestoreError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

fn error(text: &str) -> String {
    read_import(text).unwrap_err().to_string()
}

#[test]
fn export_then_import_gives_the_board_back() {
    let mut board = Lang::En.sample_board(NOW);
    board.deals[0].notes = "<img src=x onerror=alert(1)> \"quoted\" 华文".into();
    board.deleted.push(Tombstone {
        id: DealId("gone".into()),
        at: NOW - 5,
    });
    let imported = read_import(&encode_pretty(&board, NOW)).unwrap();
    assert_eq!(imported.board, board);
    assert_eq!(imported.version, CURRENT_VERSION);
    assert_eq!(imported.saved_at, Some(NOW));
    assert!(imported.warnings.is_empty());
    assert_eq!(read_import(&encode(&board, NOW)).unwrap().board, board);
}

#[test]
fn every_format_version_imports_without_loss() {
    for (text, version) in [(V1, 1), (V2, 2)] {
        let imported = read_import(text).unwrap();
        assert_eq!(imported.version, version);
        assert!(imported.warnings.is_empty());
        // Exactly what start-up would restore from the same text.
        assert_eq!(imported.board, restore(text).unwrap().board);
        let again = read_import(&encode_pretty(&imported.board, NOW)).unwrap();
        assert_eq!(again.board, imported.board);
    }
    let v1 = read_import(V1).unwrap().board;
    assert_eq!(v1.deals.len(), 2);
    assert_eq!(v1.deal(&DealId("d-2".into())).unwrap().title, "华文分销");
    let v2 = read_import(V2).unwrap().board;
    assert_eq!(v2.deleted.len(), 1);
}

#[test]
fn a_repeated_deal_id_is_renamed_and_reported() {
    let text = V1.replacen("\"id\": \"d-2\"", "\"id\": \"d-1\"", 1);
    let imported = read_import(&text).unwrap();
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [r#"deals[1].id: "d-1" is used twice; renamed to "d-1-2""#]
    );
    let ids: Vec<&str> = imported
        .board
        .deals
        .iter()
        .map(|d| d.id.0.as_str())
        .collect();
    assert_eq!(ids, ["d-1", "d-1-2"]);
    assert_eq!(imported.board.deals[1].title, "华文分销");
    // Start-up storage still refuses it: there a repeated id means damage, not a shared file.
    assert!(matches!(restore(&text), Err(RestoreError::Invalid(_))));
}

#[test]
fn renamed_ids_skip_ids_already_taken_by_deals_and_deletions() {
    let deal = |id: &str| {
        format!(
            r#"{{"id": "{id}", "title": "T", "value": 0, "currency": "USD", "stage": "lead",
                "rank": 0.0, "status": "open", "created": 0, "updated": 0, "stage_entered": 0}}"#
        )
    };
    let deals: Vec<String> = ["x", "x", "x-2", "x"].iter().map(|id| deal(id)).collect();
    let text = format!(
        r#"{{"format": "dealboard", "version": 2, "board": {{
            "stages": [{{"id": "lead", "name": "Lead", "probability": 10, "kind": "open"}}],
            "deals": [{}],
            "deleted": [{{"id": "x-3", "at": 5}}],
            "settings": {{"default_currency": "USD"}}}}}}"#,
        deals.join(",")
    );
    let imported = read_import(&text).unwrap();
    let ids: Vec<&str> = imported
        .board
        .deals
        .iter()
        .map(|d| d.id.0.as_str())
        .collect();
    assert_eq!(ids, ["x", "x-4", "x-2", "x-5"]);
    let warnings: Vec<String> = imported.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            r#"deals[1].id: "x" is used 3 times; renamed to "x-4""#,
            r#"deals[3].id: "x" is used 3 times; renamed to "x-5""#,
        ]
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let text = V2
        .replacen(
            "\"format\": \"dealboard\",",
            "\"format\": \"dealboard\", \"exported_by\": \"Dealboard 9\",",
            1,
        )
        .replacen(
            "\"stages\": [",
            "\"targets\": {\"2026-Q4\": 100000}, \"stages\": [",
            1,
        )
        .replacen(
            "\"title\": \"Acme renewal\",",
            "\"title\": \"Acme renewal\", \"color\": \"red\", \"tags\": [1, 2],",
            1,
        )
        .replacen(
            "\"kind\": \"open\" }",
            "\"kind\": \"open\", \"wip_limit\": 5 }",
            1,
        )
        .replacen(
            "\"default_currency\": \"USD\"",
            "\"default_currency\": \"USD\", \"theme\": \"dark\"",
            1,
        );
    assert_ne!(text, V2);
    assert!(text.contains("\"color\"") && text.contains("wip_limit") && text.contains("theme"));
    let imported = read_import(&text).unwrap();
    assert_eq!(imported.board, read_import(V2).unwrap().board);
    assert!(imported.warnings.is_empty());
}

#[test]
fn text_that_is_not_json_is_refused() {
    assert!(error("{not json").starts_with("not JSON: "));
    assert!(matches!(read_import(""), Err(RestoreError::NotJson(_))));
    assert!(matches!(
        read_import("a,b,c\n1,2,3"),
        Err(RestoreError::NotJson(_))
    ));
}

#[test]
fn json_from_elsewhere_is_refused_with_why() {
    assert_eq!(
        error("[1, 2]"),
        "not a Dealboard snapshot: the top level is not an object"
    );
    assert_eq!(
        error(r#"{"deals": []}"#),
        r#"not a Dealboard snapshot: it has no "format" field"#
    );
    assert_eq!(
        error(r#"{"format": "trello"}"#),
        r#"not a Dealboard snapshot: format is "trello""#
    );
}

#[test]
fn a_newer_version_is_refused_with_its_number() {
    let newer = CURRENT_VERSION + 1;
    let text = V2.replacen("\"version\": 2", &format!("\"version\": {newer}"), 1);
    assert_eq!(
        read_import(&text),
        Err(RestoreError::Newer { version: newer })
    );
    assert_eq!(
        error(&text),
        format!("format version {newer}, this app reads up to version {CURRENT_VERSION}")
    );
}

#[test]
fn a_missing_or_bad_version_is_an_error() {
    let text = V2.replacen("\"version\": 2,", "", 1);
    assert_eq!(
        problems(&text),
        ["version: expected a positive whole number"]
    );
    let text = V2.replacen("\"version\": 2", "\"version\": \"2\"", 1);
    assert_eq!(
        problems(&text),
        ["version: expected a positive whole number"]
    );
    let text = V2.replacen("\"version\": 2", "\"version\": 0", 1);
    assert_eq!(
        problems(&text),
        ["version: expected a positive whole number"]
    );
}

#[test]
fn a_wrong_type_names_its_place() {
    let text = V2.replacen("\"value\": 2400050", "\"value\": \"abc\"", 1);
    assert_eq!(
        problems(&text),
        [r#"deals[0].value: expected a number, found string "abc""#]
    );
    let text = V2.replacen("\"probability\": 10", "\"probability\": 10.5", 1);
    assert_eq!(
        problems(&text),
        ["stages[0].probability: expected a whole number, found floating point `10.5`"]
    );
}

#[test]
fn a_missing_field_names_its_place() {
    let text = V2.replacen("\"title\": \"Acme renewal\",", "", 1);
    assert_eq!(problems(&text), ["deals[0]: missing field `title`"]);
    let text = V2.replacen("\"board\": {", "\"bored\": {", 1);
    assert_eq!(problems(&text), ["board: expected an object, found null"]);
    let text = V2.replacen("{ \"default_currency\": \"USD\" }", "\"dark\"", 1);
    assert_eq!(
        problems(&text),
        [r#"settings: expected an object, found string "dark""#]
    );
}

#[test]
fn a_bad_currency_date_or_status_names_its_place() {
    let text = V2.replacen("\"currency\": \"USD\"", "\"currency\": \"dollars\"", 1);
    assert_eq!(
        problems(&text),
        [r#"deals[0].currency: not a currency code: "DOLLARS""#]
    );
    let text = V2.replacen("2026-12-15", "15/12/2026", 1);
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("deals[0].close_date: "), "{found:?}");
    let text = V2.replacen("\"status\": \"open\"", "\"status\": \"pending\"", 1);
    let found = problems(&text);
    assert!(
        found[0].starts_with("deals[0].status: unknown variant `pending`"),
        "{found:?}"
    );
}

#[test]
fn broken_references_and_out_of_range_numbers_are_each_reported() {
    let text = V2
        .replacen("\"stage\": \"lead\"", "\"stage\": \"gone\"", 1)
        .replacen("\"value\": 2400050", "\"value\": -5", 1)
        .replacen("\"probability\": 100", "\"probability\": 120", 1)
        .replacen("\"id\": \"won\"", "\"id\": \"lead\"", 1);
    assert_eq!(
        problems(&text),
        [
            r#"stages[1].id: "lead" is used twice"#,
            "stages[1].probability: expected 0 to 100",
            r#"deals[0].stage: no stage has id "gone""#,
            "deals[0].value: cannot be negative",
        ]
    );
}

#[test]
fn a_board_without_stages_is_refused() {
    let text = r#"{"format": "dealboard", "version": 2, "board": {"stages": [], "deals": [],
        "deleted": [], "settings": {"default_currency": "USD"}}}"#;
    assert_eq!(
        problems(text),
        ["stages: the board needs at least one stage"]
    );
}

#[test]
fn many_problems_are_summarised() {
    let text = V1
        .replacen("\"stage\": \"s-trial\"", "\"stage\": \"x\"", 1)
        .replacen("\"stage\": \"won\"", "\"stage\": \"y\"", 1)
        .replacen("\"value\": 2400050", "\"value\": -1", 1)
        .replacen("\"value\": 35000000", "\"value\": -1", 1);
    let err = read_import(&text).unwrap_err();
    assert!(err.to_string().ends_with("; and 1 more"), "{err}");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let text = format!("\u{feff}{V2}");
    assert_eq!(
        read_import(&text).unwrap().board,
        read_import(V2).unwrap().board
    );
}
