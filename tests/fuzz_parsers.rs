//! The import parsers never panic, whatever they are given: arbitrary bytes, and random
//! mutations of a good snapshot and a good CSV file. A short pass runs with the other tests;
//! run it long with `PROPTEST_CASES=200000 cargo test --release --test fuzz_parsers`
//! (see docs/csv.md).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{empty_board, NOW};
use dealboard::domain::board::{Board, Stage};
use dealboard::domain::merge::merge;
use dealboard::domain::money::Currency;
use dealboard::i18n::Lang;
use dealboard::io::csv::{deals_to_csv, guess_mapping, import_rows, parse_csv, Field};
use dealboard::io::import::read_import;
use dealboard::io::snapshot::{encode_pretty, restore};
use proptest::prelude::*;
use std::sync::OnceLock;

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const PIPEDRIVE: &str = include_str!("fixtures/pipedrive-export.csv");

/// 128 cases per property unless `PROPTEST_CASES` says otherwise; no regression files.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 128;
    }
    config.failure_persistence = None;
    config
}

fn english(stage: &Stage) -> String {
    stage
        .preset
        .map_or(stage.name.clone(), |p| Lang::En.stage_name(p))
}

fn sample() -> &'static Board {
    static SAMPLE: OnceLock<Board> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let mut board = Lang::En.sample_board(NOW);
        board.deals.truncate(6);
        board.deals[0].notes = "多行\n\"quoted\", =1+2".into();
        board
    })
}

fn snapshot_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| encode_pretty(sample(), NOW))
}

/// The compact form the app keeps in localStorage (`io::store`).
fn stored_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| dealboard::io::store::encode(sample(), NOW))
}

fn csv_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| deals_to_csv(sample(), english))
}

/// Every JSON entry point; a good result must also be a board that merges without panicking.
fn check_json(text: &str) {
    let restored = restore(text);
    let imported = read_import(text);
    if let Ok(restored) = &restored {
        // What start-up accepts, import accepts too, with nothing renamed.
        let imported = imported
            .as_ref()
            .expect("import accepts what restore accepts");
        assert_eq!(imported.board, restored.board);
        assert!(imported.warnings.is_empty());
    }
    if let Ok(imported) = imported {
        let merged = merge(sample(), &imported.board);
        let _ = merge(&imported.board, &merged.board);
    }
}

/// Every CSV entry point with the guessed mapping and with every column read as each field.
fn check_csv(text: &str) {
    let Ok(table) = parse_csv(text) else { return };
    let usd = Currency::parse("USD").unwrap();
    let boards = [empty_board(), Board::default()];
    let mapping = guess_mapping(&table.headers);
    for board in &boards {
        let imported = import_rows(&table, &mapping, board, &usd, english);
        for issue in imported.errors.iter().chain(&imported.notes) {
            assert!(issue.line >= 1);
            for lang in Lang::ALL {
                assert!(!lang.csv_issue(issue).is_empty());
            }
        }
    }
    for field in Field::ALL {
        let all = vec![Some(field); table.headers.len() + 1];
        let _ = import_rows(&table, &all, &boards[0], &usd, english);
    }
}

/// An edit to a text: delete a range, insert a string, or duplicate a range.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let snippet = prop_oneof![
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("null".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("18446744073709551616".to_string()),
        Just("\u{feff}".to_string()),
        Just("\\u0000".to_string()),
        Just("'=".to_string()),
        Just("华".to_string()),
        any::<String>(),
    ];
    prop_oneof![
        (any::<usize>(), 0..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), snippet).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 0..200usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

/// Applies mutations on character boundaries.
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let n = chars.len();
        match m {
            Mutation::Delete { at, len } => {
                let at = at % (n + 1);
                let end = (at + len).min(n);
                chars.drain(at..end);
            }
            Mutation::Insert { at, text } => {
                let at = at % (n + 1);
                chars.splice(at..at, text.chars());
            }
            Mutation::Duplicate { at, len } => {
                let at = at % (n + 1);
                let end = (at + len).min(n);
                let copy: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, copy);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic_the_json_readers(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_json(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_reader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_csv(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics_the_csv_reader(text in "[a-z,;\t\"'=\r\n 0-9./$¥-]{0,300}") {
        check_csv(&text);
    }

    #[test]
    fn mutated_snapshots_never_panic(mutations in prop::collection::vec(mutation(), 1..6), which in 0..3u8) {
        let base = match which {
            0 => V1,
            1 => snapshot_text(),
            _ => stored_text(),
        };
        check_json(&mutate(base, &mutations));
    }

    #[test]
    fn mutated_csv_files_never_panic(mutations in prop::collection::vec(mutation(), 1..6), ours in any::<bool>()) {
        let base = if ours { csv_text() } else { PIPEDRIVE };
        check_csv(&mutate(base, &mutations));
    }
}
