//! The compact form the board takes in localStorage (`io::store`): lossless, read by the same
//! restore path as snapshots, small enough for 10,000 deals with 30 % of the quota left, and
//! every problem reported with its place.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{realistic_board, NOW};
use dealboard::domain::board::{Board, StageVisit};
use dealboard::i18n::Lang;
use dealboard::io::import::read_import;
use dealboard::io::snapshot::{restore, RestoreError};
use dealboard::io::store::{decode, encode, is_stored_form, Encoder};
use proptest::prelude::*;

const V3: &str = include_str!("fixtures/snapshot-v3.json");
const TARGETS: &str = include_str!("fixtures/targets-history.json");

/// What Chromium and Firefox give a site: 5 MiB of UTF-16 code units (10 MB).
const QUOTA_UNITS: usize = 5 * 1024 * 1024;

fn sample() -> Board {
    Lang::En.sample_board(NOW)
}

fn problems(text: &str) -> Vec<String> {
    match restore(text) {
        Err(RestoreError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn the_stored_form_restores_exactly_through_restore_and_import() {
    for board in [
        sample(),
        restore(V3).unwrap().board,
        restore(TARGETS).unwrap().board,
    ] {
        let text = encode(&board, NOW);
        assert!(is_stored_form(&text));
        let restored = restore(&text).unwrap();
        assert_eq!(restored.board, board);
        assert_eq!(restored.saved_at, Some(NOW));
        assert_eq!(read_import(&text).unwrap().board, board);
        assert_eq!(decode(&format!("\u{feff}{text}")).unwrap().0, board);
    }
}

#[test]
fn readable_snapshots_are_not_taken_for_the_stored_form() {
    assert!(!is_stored_form(V3));
    assert!(!is_stored_form(
        r#"{"format":"dealboard-store-2","version":3}"#
    ));
    assert!(!is_stored_form(""));
    assert!(is_stored_form(
        r#"  {"format":"dealboard-store","version":3}"#
    ));
}

#[test]
fn ten_thousand_deals_leave_thirty_percent_of_the_quota() {
    let board = realistic_board(10_000);
    let text = encode(&board, NOW);
    let units = text.encode_utf16().count();
    eprintln!("10,000 deals: {units} units, {} per deal", units / 10_000);
    assert!(
        units * 10 <= QUOTA_UNITS * 7,
        "10,000 deals take {units} units, {}% of the quota",
        units * 100 / QUOTA_UNITS
    );
    assert_eq!(restore(&text).unwrap().board, board);
}

#[test]
fn writing_in_slices_gives_the_same_text() {
    let board = realistic_board(1_000);
    let mut encoder = Encoder::new(&board);
    let mut slices = 1;
    while !encoder.step(37) {
        slices += 1;
    }
    assert_eq!(slices, 1_000usize.div_ceil(37));
    assert_eq!(encoder.finish(NOW), encode(&board, NOW));
}

#[test]
fn a_missing_string_names_the_deal_and_field() {
    let text = encode(&sample(), NOW);
    // The first deal's title index (second element of its row) points past the table.
    let at = text.find("\"deals\":[[").unwrap() + "\"deals\":[[".len();
    let comma = text[at..].find(',').unwrap() + at + 1;
    let end = text[comma..].find(',').unwrap() + comma;
    let broken = format!("{}99999{}", &text[..comma], &text[end..]);
    assert_eq!(
        problems(&broken),
        vec!["deals[0].title: string 99999 is not in the table"]
    );
}

#[test]
fn a_copy_with_its_members_reordered_reads_the_same() {
    // The app writes the table of strings before the board; a copy re-saved by some other
    // tool may not, and the rows are then read once the table is known.
    let board = realistic_board(40);
    let text = encode(&board, NOW);
    let strings_at = text.find(",\"strings\":").unwrap();
    let board_at = text.find(",\"board\":").unwrap();
    let reordered = format!(
        "{}{}{}}}",
        &text[..strings_at],
        &text[board_at..text.len() - 1],
        &text[strings_at..board_at]
    );
    assert_ne!(reordered, text);
    let (read, _) = decode(&reordered).unwrap();
    assert_eq!(read, board);
    // A missing string in such a copy is reported as in the usual order.
    let broken = reordered.replacen("\"deals\":[[\"", "\"deals\":[[\"x\",99999,\"", 1);
    assert!(problems(&broken).len() == 1);
}

#[test]
fn a_wrong_type_or_newer_version_is_refused_with_its_place() {
    let text = encode(&sample(), NOW);
    let broken = text.replacen("\"deals\":[[\"", "\"deals\":[[7,\"", 1);
    let found = problems(&broken);
    assert_eq!(
        found,
        vec!["deals[0][0]: expected a string, found integer `7`"]
    );
    let newer = text.replacen("\"version\":3", "\"version\":99", 1);
    assert_eq!(restore(&newer), Err(RestoreError::Newer { version: 99 }));
    // A newer version's rows may be laid out otherwise: they are not read as this one's.
    let newer_rows = newer.replacen("\"deals\":[[\"", "\"deals\":[[{},\"", 1);
    assert_eq!(
        restore(&newer_rows),
        Err(RestoreError::Newer { version: 99 })
    );
    let cut = &text[..text.len() / 2];
    assert!(matches!(restore(cut), Err(RestoreError::NotJson(_))));
}

#[test]
fn a_deal_in_a_missing_stage_is_reported() {
    let mut board = sample();
    board.stages.retain(|s| s.id.0 != "lead");
    let text = encode(&board, NOW);
    assert!(problems(&text)
        .iter()
        .any(|p| p.contains(".stage: no stage has id \"lead\"")));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any values survive, extreme times and ranks included.
    #[test]
    fn any_deal_survives_the_round_trip(
        created in any::<i64>(),
        updated in any::<i64>(),
        won in proptest::option::of(any::<i64>()),
        entered in any::<i64>(),
        rank in any::<f64>().prop_filter("a real rank", |r| r.is_finite()),
        value in 0i64..i64::MAX,
        title in "\\PC{0,20}",
        notes in "[\"\\\\<>a-z\n\t 中文]{0,30}",
        revision in any::<u32>(),
    ) {
        let mut board = sample();
        let deal = &mut board.deals[0];
        deal.created = created;
        deal.updated = updated;
        deal.won_at = won;
        deal.history.push(StageVisit { stage: deal.stage.clone(), entered });
        deal.rank = rank;
        deal.value = value;
        deal.title = title;
        deal.notes = notes;
        deal.revision = revision;
        let text = encode(&board, NOW);
        prop_assert_eq!(restore(&text).unwrap().board, board);
    }
}

#[test]
fn storage_units_count_utf16_code_units() {
    use dealboard::io::capacity::units;
    assert_eq!(units(""), 0);
    assert_eq!(units("Acme"), 4);
    assert_eq!(units("客户 ¥"), 4);
    assert_eq!(units("deal 🤝 done"), 12);
}

proptest! {
    #[test]
    fn storage_units_are_what_the_browser_counts(text in ".*") {
        prop_assert_eq!(dealboard::io::capacity::units(&text), text.encode_utf16().count());
    }

    /// Long texts, mostly ASCII: the runs of ASCII counted a block at a time, and characters
    /// of two to four bytes across the blocks' edges.
    #[test]
    fn long_mostly_ascii_texts_count_the_same(text in "[a-z0-9 ,\"]{0,150}([é客🤝][a-z]{0,70}){0,6}") {
        prop_assert_eq!(dealboard::io::capacity::units(&text), text.encode_utf16().count());
    }
}
