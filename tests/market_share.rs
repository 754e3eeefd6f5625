//! A target's market size and the market share won (SEED-NOTES §1: target achievement is
//! measured by revenue, customer satisfaction and market share): the command, its refusals,
//! undo, splits, the figures, and both file forms.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::board::Board;
use dealboard::domain::command::{Command, DomainError};
use dealboard::domain::date::Date;
use dealboard::domain::history::History;
use dealboard::domain::money::Currency;
use dealboard::domain::targets::{
    progress, Measure, Period, Progress, Scope, SplitBy, SplitMethod, Target, TargetError,
    TargetId, TargetStatus,
};
use dealboard::io::snapshot::{encode, restore, RestoreError};
use dealboard::io::store;

/// Wins in 2025 worth $100,000 in USD (and Carla's in EUR), from the targets' fixture.
fn history_board() -> Board {
    restore(include_str!("fixtures/targets-history.json"))
        .unwrap()
        .board
}

fn tid(id: &str) -> TargetId {
    TargetId(id.into())
}

/// The 2025 team target of $100,000, with a market of `market` cents when given.
fn board_with_target(market: Option<i64>) -> Board {
    let mut board = history_board();
    let usd = Currency::parse("USD").unwrap();
    let target = Target::new(
        tid("y"),
        Measure::WonValue,
        Period::Year(2025),
        Scope::team(),
        10_000_000,
        usd,
    );
    board.apply(Command::AddTarget(target), NOW).unwrap();
    if market.is_some() {
        set_market(&mut board, market).unwrap();
    }
    board
}

fn set_market(board: &mut Board, market: Option<i64>) -> Result<(), DomainError> {
    let cmd = Command::SetTargetMarket {
        id: tid("y"),
        market,
    };
    board.apply(cmd, NOW + 1).map(|_| ())
}

fn share(board: &Board) -> Option<(i64, i64)> {
    let target = board.target(&tid("y")).unwrap();
    progress(board, target, Date::from_ymd(2026, 1, 10).unwrap()).market_share()
}

#[test]
fn the_share_won_and_aimed_at_follow_the_market_size() {
    // $100,000 won and aimed at, of a $1,200,000 market: 8.3 %.
    let board = board_with_target(Some(120_000_000));
    assert_eq!(board.target(&tid("y")).unwrap().market, Some(120_000_000));
    assert_eq!(share(&board), Some((83, 83)));
    // Without a market size there is no share.
    assert_eq!(share(&board_with_target(None)), None);
}

#[test]
fn shares_are_rounded_half_up_to_a_tenth_of_a_percent() {
    let figures = |attained, amount, market| Progress {
        amount,
        attained,
        forecast: attained,
        pace: 0,
        status: TargetStatus::OnTrack,
        gap: 0,
        missing_cost: 0,
        not_counted: Vec::new(),
        market,
    };
    assert_eq!(figures(83, 100, Some(2_000)).market_share(), Some((42, 50)));
    assert_eq!(figures(414, 0, Some(10_000)).market_share(), Some((41, 0)));
    // More than the whole market (a market guessed too small) is shown as it is.
    assert_eq!(figures(3, 2, Some(2)).market_share(), Some((1_500, 1_000)));
    // A negative margin is no share of the market.
    assert_eq!(figures(-5, 10, Some(100)).market_share(), Some((0, 100)));
    // Sums near the limits do not overflow.
    let huge = figures(i64::MAX, i64::MAX, Some(1)).market_share().unwrap();
    assert_eq!(huge, (i64::MAX, i64::MAX));
}

#[test]
fn a_market_of_zero_or_less_is_refused_and_changes_nothing() {
    let mut board = board_with_target(Some(50_000_000));
    let before = board.target(&tid("y")).cloned();
    for bad in [0, -1] {
        assert_eq!(
            set_market(&mut board, Some(bad)),
            Err(DomainError::Target(TargetError::MarketNotPositive))
        );
        assert_eq!(board.target(&tid("y")).cloned(), before);
    }
    let unknown = Command::SetTargetMarket {
        id: tid("nope"),
        market: Some(1),
    };
    assert!(board.apply(unknown, NOW).is_err());
    // Clearing it is allowed.
    set_market(&mut board, None).unwrap();
    assert_eq!(board.target(&tid("y")).unwrap().market, None);
    assert_eq!(share(&board), None);
}

#[test]
fn setting_the_market_is_one_undoable_change() {
    let mut board = board_with_target(Some(50_000_000));
    let revision = board.target(&tid("y")).unwrap().revision;
    let mut history = History::default();
    let cmd = Command::SetTargetMarket {
        id: tid("y"),
        market: Some(80_000_000),
    };
    let (_, step) = board.apply_recorded(cmd, NOW + 5).unwrap();
    history.record(step);
    let target = board.target(&tid("y")).unwrap();
    assert_eq!(target.market, Some(80_000_000));
    assert_eq!(target.revision, revision + 1, "a merge must see the change");
    history.undo(&mut board, NOW + 6).unwrap().unwrap();
    assert_eq!(board.target(&tid("y")).unwrap().market, Some(50_000_000));
    history.redo(&mut board, NOW + 7).unwrap().unwrap();
    assert_eq!(board.target(&tid("y")).unwrap().market, Some(80_000_000));
}

#[test]
fn parts_made_by_a_split_start_without_a_market() {
    let mut board = board_with_target(Some(120_000_000));
    let split = Command::SplitTarget {
        id: tid("y"),
        by: SplitBy::Owner,
        method: SplitMethod::Even,
        child_ids: (0..9).map(|i| tid(&format!("r{i}"))).collect(),
    };
    board.apply(split, NOW + 2).unwrap();
    let children = board.target_children(&tid("y"));
    assert!(children.len() >= 2);
    assert!(children.iter().all(|t| t.market.is_none()));
    assert_eq!(board.target(&tid("y")).unwrap().market, Some(120_000_000));
}

#[test]
fn the_market_is_kept_in_snapshots_and_the_stored_form() {
    let board = board_with_target(Some(120_000_000));
    let snapshot = encode(&board, NOW);
    assert!(snapshot.contains(r#""market":120000000"#), "{snapshot}");
    assert_eq!(restore(&snapshot).unwrap().board, board);
    let stored = store::encode(&board, NOW);
    assert_eq!(restore(&stored).unwrap().board, board);
    // A target without one writes no member (older builds read the same text as before).
    let plain = encode(&board_with_target(None), NOW);
    assert!(!plain.contains("market"));
}

#[test]
fn a_file_with_a_market_of_zero_says_where() {
    let board = board_with_target(Some(120_000_000));
    for text in [encode(&board, NOW), store::encode(&board, NOW)] {
        let broken = text.replace(r#""market":120000000"#, r#""market":0"#);
        match restore(&broken) {
            Err(RestoreError::Invalid(problems)) => {
                let texts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                assert_eq!(texts, ["targets[0].market: must be above 0"]);
            }
            other => panic!("expected a problem, got {other:?}"),
        }
    }
}

#[test]
fn a_market_of_the_wrong_kind_is_named_where_it_is() {
    let board = board_with_target(Some(120_000_000));
    for text in [encode(&board, NOW), store::encode(&board, NOW)] {
        for wrong in ["true", r#""x""#, "1.5", r#"{"zz":1}"#, "[]"] {
            let broken = text.replace(r#""market":120000000"#, &format!(r#""market":{wrong}"#));
            match restore(&broken) {
                Err(RestoreError::Invalid(problems)) => {
                    let first = problems[0].to_string();
                    assert!(first.starts_with("targets[0].market: "), "{wrong}: {first}");
                }
                other => panic!("{wrong}: expected a problem, got {other:?}"),
            }
        }
    }
}
