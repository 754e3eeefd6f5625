//! The one restore path used by start-up and import: good data, damaged data, foreign data,
//! newer and older versions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, NOW};
use dealboard::domain::board::{DealId, PresetStage};
use dealboard::domain::command::Command;
use dealboard::i18n::Lang;
use dealboard::io::migrate::CURRENT_VERSION;
use dealboard::io::snapshot::{encode, encode_pretty, restore, RestoreError};

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");

fn problems(text: &str) -> Vec<String> {
    match restore(text) {
        Err(RestoreError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_saved_board_restores_exactly() {
    let board = Lang::En.sample_board(NOW);
    let restored = restore(&encode(&board, NOW)).unwrap();
    assert_eq!(restored.board, board);
    assert_eq!(restored.saved_at, Some(NOW));
    assert_eq!(restore(&encode_pretty(&board, NOW)).unwrap().board, board);
}

#[test]
fn every_version_ever_written_still_restores() {
    let restored = restore(V1).unwrap();
    assert_eq!(restored.version, 1);
    let board = restored.board;
    assert_eq!(board.stages.len(), 3);
    assert!(board.deleted.is_empty(), "version 1 recorded no deletions");
    let acme = board.deal(&DealId("d-1".into())).unwrap();
    assert_eq!((acme.value, acme.currency.code()), (2_400_050, "USD"));
    assert_eq!(acme.notes, "<script>alert(1)</script>");
    assert_eq!(acme.close_date.unwrap().to_string(), "2026-12-15");
    let chinese = board.deal(&DealId("d-2".into())).unwrap();
    assert_eq!(chinese.title, "华文分销");
    // What is restored is written back at the current version and reads the same.
    let again = restore(&encode(&board, NOW)).unwrap();
    assert_eq!(again.version, CURRENT_VERSION);
    assert_eq!(again.board, board);
}

#[test]
fn version_2_keeps_deletions() {
    let restored = restore(V2).unwrap();
    assert_eq!(restored.version, 2);
    assert_eq!(restored.board.deleted.len(), 1);
    assert_eq!(restored.board.deleted[0].id, DealId("d-gone".into()));
    assert_eq!(restored.board.deals.len(), 1);
}

#[test]
fn deleting_and_clearing_record_tombstones() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "A", 1);
    add(&mut board, "b", PresetStage::Lead, "B", 1);
    board
        .apply(
            Command::DeleteDeal {
                id: DealId("a".into()),
            },
            NOW + 1,
        )
        .unwrap();
    board.apply(Command::ClearDeals, NOW + 2).unwrap();
    let ids: Vec<(&str, i64)> = board
        .deleted
        .iter()
        .map(|t| (t.id.0.as_str(), t.at))
        .collect();
    assert_eq!(ids, [("a", NOW + 1), ("b", NOW + 2)]);
    assert_eq!(restore(&encode(&board, NOW)).unwrap().board, board);
}

#[test]
fn text_that_is_not_json_is_refused() {
    assert!(matches!(
        restore("{not json"),
        Err(RestoreError::NotJson(_))
    ));
    assert!(matches!(restore(""), Err(RestoreError::NotJson(_))));
}

#[test]
fn json_from_elsewhere_is_refused_as_foreign() {
    assert!(matches!(restore("[1, 2]"), Err(RestoreError::Foreign(_))));
    assert!(matches!(
        restore(r#"{"deals": []}"#),
        Err(RestoreError::Foreign(_))
    ));
    assert!(matches!(
        restore(r#"{"format": "trello"}"#),
        Err(RestoreError::Foreign(_))
    ));
}

#[test]
fn a_newer_version_is_refused_with_its_number() {
    let text = V1.replacen("\"version\": 1", "\"version\": 99", 1);
    let err = restore(&text).unwrap_err();
    assert_eq!(err, RestoreError::Newer { version: 99 });
    assert!(err.to_string().contains("99"), "{err}");
}

#[test]
fn a_wrong_type_names_its_place() {
    let text = V1.replacen("\"value\": 2400050", "\"value\": \"abc\"", 1);
    assert_eq!(
        problems(&text),
        [r#"deals[0].value: expected a number, found string "abc""#]
    );
}

#[test]
fn a_missing_key_names_its_place() {
    let text = V1.replacen("\"title\": \"华文分销\",", "", 1);
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("deals[1]") && found[0].contains("missing field `title`"),
        "{found:?}"
    );
    let no_version = V1.replacen("\"version\": 1,", "", 1);
    assert_eq!(
        problems(&no_version),
        ["version: expected a positive whole number"]
    );
}

#[test]
fn broken_references_and_repeated_ids_are_each_reported() {
    let text = V1
        .replacen("\"stage\": \"won\"", "\"stage\": \"gone\"", 1)
        .replacen("\"id\": \"d-2\"", "\"id\": \"d-1\"", 1);
    let found = problems(&text);
    assert!(
        found.contains(&r#"deals[1].id: "d-1" is used twice"#.to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&r#"deals[1].stage: no stage has id "gone""#.to_string()),
        "{found:?}"
    );
}

#[test]
fn a_bad_currency_or_date_is_reported_where_it_is() {
    let text = V1.replacen("\"currency\": \"CNY\"", "\"currency\": \"yuan\"", 1);
    let found = problems(&text);
    assert!(found[0].starts_with("deals[1].currency"), "{found:?}");
    let text = V1.replacen("2026-12-15", "15/12/2026", 1);
    assert!(problems(&text)[0].starts_with("deals[0].close_date"));
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 1);
    let text = format!("\u{feff}{}", encode(&board, NOW));
    assert_eq!(restore(&text).unwrap().board, board);
}

#[test]
fn every_type_problem_and_broken_reference_is_reported_at_once() {
    let text = V1
        .replacen("\"value\": 2400050", "\"value\": \"abc\"", 1)
        .replacen("\"value\": 35000000", "\"value\": true", 1)
        .replacen("\"stage\": \"won\"", "\"stage\": \"nowhere\"", 1);
    let found = problems(&text);
    assert!(
        found.contains(&r#"deals[0].value: expected a number, found string "abc""#.to_string()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("deals[1].value: expected a number")),
        "{found:?}"
    );
    assert!(
        found.contains(&r#"deals[1].stage: no stage has id "nowhere""#.to_string()),
        "{found:?}"
    );
    assert_eq!(found.len(), 3, "{found:?}");
}
