//! Reading a large file in steps (`io::staged`) gives exactly what reading it at once
//! (`read_import`) gives, good file or bad, and reports progress on the way.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{realistic_board, NOW};
use dealboard::io::import::{read_import, Imported};
use dealboard::io::snapshot::{encode, encode_pretty, RestoreError};
use dealboard::io::staged::{Progress, StagedImport};
use proptest::prelude::*;

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");
const V3: &str = include_str!("fixtures/snapshot-v3.json");
const TARGETS: &str = include_str!("fixtures/targets-history.json");

/// Reads `text` in steps of `per_step` deals; the result and the progress figures seen.
fn staged(text: &str, per_step: usize) -> (Result<Imported, RestoreError>, Vec<usize>) {
    let mut job = StagedImport::new(text.as_bytes().to_vec());
    let mut seen = Vec::new();
    for _ in 0..1_000_000 {
        match job.step(per_step) {
            Progress::Reading { done, total } => {
                assert!(done <= total);
                assert_eq!(total, text.len());
                seen.push(done);
            }
            Progress::Done(result) => return (*result, seen),
        }
    }
    panic!("the read never finished");
}

#[test]
fn a_large_file_is_read_in_steps_with_growing_progress() {
    let board = realistic_board(3_000);
    for text in [encode(&board, NOW), encode_pretty(&board, NOW)] {
        let (result, seen) = staged(&text, 100);
        assert_eq!(result.unwrap().board, board);
        assert!(seen.len() >= 30, "{} steps", seen.len());
        assert!(
            seen.windows(2).all(|w| w[0] < w[1] || w[1] == text.len()),
            "progress grows"
        );
        assert_eq!(seen.last(), Some(&text.len()));
    }
}

#[test]
fn every_fixture_reads_as_it_does_at_once() {
    for text in [V1, V2, V3, TARGETS] {
        let (result, _) = staged(text, 1);
        assert_eq!(result, read_import(text));
        assert!(result.is_ok());
    }
}

#[test]
fn bad_files_give_the_same_errors_and_warnings() {
    let good = encode_pretty(&realistic_board(50), NOW);
    let cases = [
        good.replacen("\"value\": 50000", "\"value\": \"abc\"", 1),
        good.replacen("\"id\": \"d-000002\"", "\"id\": \"d-000001\"", 1),
        good.replacen("\"stage\": \"lead\"", "\"stage\": \"nowhere\"", 1),
        good.replacen("\"deals\": [", "\"deals\": [7,", 1),
        good.replacen("\"version\": 3", "\"version\": 9", 1),
        good.replacen("\"deals\": [", "\"deals\": [}", 1),
        good[..good.len() / 2].to_string(),
        "not json".to_string(),
        "{\"format\":\"dealboard\",\"version\":3,\"board\":{\"deals\":[{}]}}".to_string(),
    ];
    for text in cases {
        assert_ne!(text, good);
        let (result, _) = staged(&text, 3);
        assert_eq!(
            result,
            read_import(&text),
            "{}",
            &text[..text.len().min(200)]
        );
        assert!(
            result.is_err() || !result.as_ref().unwrap().warnings.is_empty(),
            "each case is refused or repaired"
        );
    }
}

#[test]
fn a_second_deals_key_is_read_as_at_once() {
    let good = encode_pretty(&realistic_board(5), NOW);
    let text = good.replacen("\"board\": {", "\"board\": {\"deals\": [], ", 1);
    assert_ne!(text, good);
    let (result, _) = staged(&text, 2);
    assert_eq!(result, read_import(&text));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever is cut out of or put into a good file, both readers agree.
    #[test]
    fn both_readers_agree_on_damaged_files(
        at in 0usize..4_000,
        cut in 0usize..40,
        insert in "[\\[\\]{}\",:0-9a-z\\\\ ]{0,6}",
        per_step in 1usize..5,
    ) {
        let good = encode(&realistic_board(12), NOW);
        // Cut at character boundaries (the board has Chinese names).
        let boundary = |mut i: usize| {
            i = i.min(good.len());
            while !good.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let at = boundary(at);
        let end = boundary(at + cut);
        let text = format!("{}{}{}", &good[..at], insert, &good[end..]);
        let (result, _) = staged(&text, per_step);
        prop_assert_eq!(result, read_import(&text));
    }
}

#[test]
fn bytes_that_are_not_utf8_read_as_the_replaced_text_reads() {
    let board = realistic_board(50);
    let text = encode(&board, NOW);
    let title = &board.deals[7].title;
    let at = text.find(title.as_str()).expect("the title is in the file");
    // A lone continuation byte inside a deal's title.
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at + 1, 0x80);
    let mut job = StagedImport::new(bytes.clone());
    let result = loop {
        if let Progress::Done(result) = job.step(10) {
            break *result;
        }
    };
    let replaced = String::from_utf8_lossy(&bytes).into_owned();
    assert_eq!(result, read_import(&replaced));
    let imported = result.expect("a replaced byte is no error");
    assert!(imported.board.deals[7].title.contains('\u{fffd}'));
}
