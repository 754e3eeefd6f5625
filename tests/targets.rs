//! Targets: periods and ISO weeks, splits that sum exactly, seasonality from last year's wins,
//! attainment, forecast, pace and status at chosen days, undo, merge and the file format.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{empty_board, NOW};
use dealboard::domain::board::{Board, DealStatus, StageKind};
use dealboard::domain::command::{Command, DomainError, Outcome};
use dealboard::domain::date::Date;
use dealboard::domain::history::History;
use dealboard::domain::merge::merge;
use dealboard::domain::money::Currency;
use dealboard::domain::targets::merge::TargetMergeReport;
use dealboard::domain::targets::period::weeks_in_iso_year;
use dealboard::domain::targets::{
    allocate, allocation_gap, attained, behind_targets, current_target_for, forecast,
    may_change_progress, pace, progress, propose_split, split_slots, status, Measure, Period,
    PeriodKind, Scope, SplitBy, SplitMethod, Target, TargetError, TargetId, TargetStatus,
};
use dealboard::io::migrate::CURRENT_VERSION;
use dealboard::io::snapshot::{encode, encode_pretty, restore, RestoreError};
use dealboard::io::validate::validate;
use proptest::prelude::*;

const HISTORY: &str = include_str!("fixtures/targets-history.json");
const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");
const V3: &str = include_str!("fixtures/snapshot-v3.json");

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn tid(id: &str) -> TargetId {
    TargetId(id.into())
}

/// The fixture: wins in 2025 (Q1 $10k, Q2 $20k, Q3 $30k all in August, Q4 $40k: Oct $10k,
/// Nov $10k, Dec $20k; Alice $55k, Ben $45k, Carla only in EUR), and 2026's deals.
fn history_board() -> Board {
    restore(HISTORY).unwrap().board
}

fn value_target(id: &str, period: Period, scope: Scope, amount: i64) -> Target {
    Target::new(tid(id), Measure::WonValue, period, scope, amount, usd())
}

/// A whole-team target for 2026 in USD.
fn team_2026(id: &str, measure: Measure, amount: i64) -> Target {
    Target::new(
        tid(id),
        measure,
        Period::Year(2026),
        Scope::team(),
        amount,
        usd(),
    )
}

fn add(board: &mut Board, target: Target) {
    board.apply(Command::AddTarget(target), NOW).unwrap();
}

fn ids(prefix: &str, n: usize) -> Vec<TargetId> {
    (0..n).map(|i| tid(&format!("{prefix}-{i}"))).collect()
}

fn split(board: &mut Board, id: &str, by: SplitBy, method: SplitMethod) {
    let cmd = Command::SplitTarget {
        id: tid(id),
        by,
        method,
        child_ids: ids(id, 60),
    };
    board.apply(cmd, NOW).unwrap();
}

/// Children's (label, amount) in display order.
fn children(board: &Board, id: &str) -> Vec<(String, i64)> {
    board
        .target_children(&tid(id))
        .iter()
        .map(|t| {
            let label = if t.scope.is_team() {
                t.period.label()
            } else {
                t.scope.label()
            };
            (label, t.amount)
        })
        .collect()
}

fn owner(name: &str) -> Scope {
    Scope {
        owner: Some(name.into()),
        ..Scope::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Periods and ISO weeks

#[test]
fn periods_have_first_and_last_days_labels_and_children() {
    let q3 = Period::Quarter(2026, 3);
    assert_eq!(
        (q3.first_day(), q3.last_day()),
        (day(2026, 7, 1), day(2026, 9, 30))
    );
    assert_eq!(q3.days(), 92);
    assert_eq!(Period::Year(2024).days(), 366);
    assert_eq!(Period::Month(2024, 2).last_day(), day(2024, 2, 29));
    assert_eq!(Period::Month(2026, 12).last_day(), day(2026, 12, 31));
    assert!(q3.contains(day(2026, 9, 30)) && !q3.contains(day(2026, 10, 1)));
    assert_eq!(
        Period::Year(2026).children(),
        (1..=4)
            .map(|q| Period::Quarter(2026, q))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        Period::Quarter(2026, 4).children(),
        [10, 11, 12].map(|m| Period::Month(2026, m))
    );
    assert!(Period::Week(2026, 10).children().is_empty());
    let labels: Vec<String> = [
        Period::Year(2026),
        Period::Quarter(2026, 3),
        Period::Month(2026, 7),
        Period::Week(2026, 1),
    ]
    .iter()
    .map(|p| p.label())
    .collect();
    assert_eq!(labels, ["2026", "2026-Q3", "2026-07", "2026-W01"]);
    for label in labels {
        assert_eq!(Period::parse(&label).unwrap().label(), label);
    }
    for bad in [
        "2026-Q5",
        "2026-13",
        "2025-W53",
        "2026-W00",
        "26",
        "2026-7",
        "2026-q3",
        "२०२६",
        "",
    ] {
        assert_eq!(Period::parse(bad), None, "{bad:?}");
    }
    assert_eq!(
        Period::of(PeriodKind::Quarter, day(2026, 11, 30)),
        Period::Quarter(2026, 4)
    );
    assert_eq!(
        Period::Month(2026, 5).parent(),
        Some(Period::Quarter(2026, 2))
    );
    assert_eq!(Period::Quarter(2026, 2).parent(), Some(Period::Year(2026)));
    assert_eq!(Period::Year(2026).parent(), None);
    assert!(!Period::Month(2026, 13).is_valid());
}

#[test]
fn iso_weeks_cross_month_and_year_boundaries() {
    // 53-week years: those starting on a Thursday, and leap years starting on a Wednesday.
    let long: Vec<i32> = (2015..=2032)
        .filter(|&y| weeks_in_iso_year(y) == 53)
        .collect();
    assert_eq!(long, [2015, 2020, 2026, 2032]);
    // 2021-01-01 (a Friday) is in week 53 of 2020, which runs 2020-12-28 to 2021-01-03.
    let w53 = Period::of(PeriodKind::Week, day(2021, 1, 1));
    assert_eq!(w53, Period::Week(2020, 53));
    assert_eq!(
        (w53.first_day(), w53.last_day()),
        (day(2020, 12, 28), day(2021, 1, 3))
    );
    assert!(w53.contains(day(2021, 1, 3)) && !w53.contains(day(2021, 1, 4)));
    assert_eq!(w53.label(), "2020-W53");
    // It belongs to December 2020 (its Thursday is 2020-12-31), not to January 2021.
    assert_eq!(w53.parent(), Some(Period::Month(2020, 12)));
    let dec = Period::Month(2020, 12).children();
    assert_eq!(
        dec,
        (49..=53).map(|w| Period::Week(2020, w)).collect::<Vec<_>>()
    );
    let jan = Period::Month(2021, 1).children();
    assert_eq!(
        jan,
        (1..=4).map(|w| Period::Week(2021, w)).collect::<Vec<_>>()
    );
    // 2024-12-30 (Monday) starts 2025-W01: its Thursday is 2025-01-02, so it is January's.
    assert_eq!(
        Period::of(PeriodKind::Week, day(2024, 12, 31)),
        Period::Week(2025, 1)
    );
    assert_eq!(Period::Month(2025, 1).children()[0], Period::Week(2025, 1));
    assert_eq!(
        *Period::Month(2024, 12).children().last().unwrap(),
        Period::Week(2024, 52)
    );
    // April 2026 begins on a Wednesday: its first week starts in March.
    let april = Period::Month(2026, 4).children();
    assert_eq!(april[0].first_day(), day(2026, 3, 30));
    assert_eq!(april.len(), 5);
    assert_eq!(april[4].last_day(), day(2026, 5, 3));
    // A week's same week last year; a week 53 without one maps to week 52.
    assert_eq!(
        Period::Week(2021, 10).previous_year(),
        Period::Week(2020, 10)
    );
    assert_eq!(
        Period::Week(2026, 53).previous_year(),
        Period::Week(2025, 52)
    );
    assert!(!Period::Week(2021, 53).is_valid());
    assert_eq!(
        Period::Quarter(2026, 2).previous_year(),
        Period::Quarter(2025, 2)
    );
}

#[test]
fn every_iso_week_belongs_to_exactly_one_month() {
    for year in 2014..=2033 {
        let mut weeks: Vec<Period> = (1..=12)
            .flat_map(|m| Period::Month(year, m).children())
            .collect();
        let expected: Vec<Period> = (1..=weeks_in_iso_year(year))
            .map(|w| Period::Week(year, w))
            .collect();
        weeks.sort_by_key(|p| p.first_day());
        assert_eq!(weeks, expected, "{year}");
        for w in &weeks {
            assert_eq!(w.days(), 7);
            let month = w.parent().unwrap();
            assert!(month.children().contains(w));
        }
    }
}

#[test]
fn periods_are_written_as_their_labels() {
    let t = value_target("t", Period::Week(2020, 53), owner("Alice"), 5);
    let mut json = String::new();
    dealboard::io::board_write::target(&mut json, &t);
    assert!(json.contains(r#""period":"2020-W53""#), "{json}");
    assert!(json.contains(r#""scope":{"owner":"Alice"}"#), "{json}");
    let mut board = Board::with_default_stages(|p| format!("{p:?}"));
    board.targets.push(t.clone());
    let text = dealboard::io::snapshot::encode(&board, 0);
    let read = dealboard::io::snapshot::restore(&text).unwrap().board;
    assert_eq!(read.targets, [t]);
}

// ---------------------------------------------------------------------------------------------
// Allocation

#[test]
fn allocation_hands_out_remainders_to_the_largest_then_the_first() {
    assert_eq!(allocate(100, &[1, 1, 1]), [34, 33, 33]);
    assert_eq!(allocate(2, &[1, 1, 1]), [1, 1, 0]);
    assert_eq!(allocate(10, &[1, 2]), [3, 7]);
    // 7 × 1/4 = 1.75 and 7 × 3/4 = 5.25: the larger remainder gets the cent.
    assert_eq!(allocate(7, &[1, 3]), [2, 5]);
    assert_eq!(allocate(5, &[0, 0]), [3, 2]);
    assert_eq!(allocate(0, &[3, 1]), [0, 0]);
    assert_eq!(allocate(9, &[0, 1]), [0, 9]);
    assert!(allocate(9, &[]).is_empty());
}

proptest! {
    #[test]
    fn allocations_sum_exactly_and_stay_within_a_unit_of_the_exact_share(
        total in 0i64..=1_000_000_000_000_000,
        weights in proptest::collection::vec(0u64..=1_000_000, 1..60),
    ) {
        let shares = allocate(total, &weights);
        prop_assert_eq!(shares.len(), weights.len());
        prop_assert_eq!(shares.iter().map(|&s| s as i128).sum::<i128>(), total as i128);
        let sum: i128 = weights.iter().map(|&w| w as i128).sum();
        let (weights, sum) = if sum == 0 {
            (vec![1; weights.len()], weights.len() as i128)
        } else {
            (weights, sum)
        };
        for (share, w) in shares.iter().zip(&weights) {
            let floor = total as i128 * *w as i128 / sum;
            prop_assert!(*share as i128 == floor || *share as i128 == floor + 1);
        }
    }

    #[test]
    fn splits_of_any_amount_sum_exactly_to_the_parent(
        amount in 0i64..=10_000_000_000_000,
        kind in 0usize..3,
        weights in proptest::collection::vec(0u32..=1_000, 5),
        method in 0usize..4,
    ) {
        let mut board = history_board();
        let period = [Period::Year(2026), Period::Quarter(2026, 2), Period::Month(2026, 12)][kind];
        add(&mut board, value_target("p", period, Scope::team(), amount));
        let by = if method == 3 { SplitBy::Owner } else { SplitBy::Time };
        let n = split_slots(&board, board.target(&tid("p")).unwrap(), by).unwrap().len();
        let mut w = weights[..n].to_vec();
        w[0] += 1;
        let method = [SplitMethod::Even, SplitMethod::Weights(w), SplitMethod::Seasonal, SplitMethod::Seasonal][method].clone();
        split(&mut board, "p", by, method);
        let kids = children(&board, "p");
        prop_assert_eq!(kids.len(), n);
        prop_assert_eq!(kids.iter().map(|(_, a)| a).sum::<i64>(), amount);
        prop_assert_eq!(allocation_gap(&board, board.target(&tid("p")).unwrap()), 0);
        prop_assert!(validate(&board).is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// Splits

#[test]
fn a_year_splits_into_quarters_a_quarter_into_months_a_month_into_weeks() {
    let mut board = empty_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100_000_001),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Even);
    assert_eq!(
        children(&board, "y"),
        [
            ("2026-Q1".to_string(), 25_000_001),
            ("2026-Q2".to_string(), 25_000_000),
            ("2026-Q3".to_string(), 25_000_000),
            ("2026-Q4".to_string(), 25_000_000),
        ]
    );
    let y = board.target(&tid("y")).unwrap();
    assert_eq!(
        (y.split.clone(), y.split_by),
        (Some(SplitMethod::Even), Some(SplitBy::Time))
    );
    split(
        &mut board,
        "y-3",
        SplitBy::Time,
        SplitMethod::Weights(vec![1, 1, 2]),
    );
    assert_eq!(
        children(&board, "y-3"),
        [
            ("2026-10".to_string(), 6_250_000),
            ("2026-11".to_string(), 6_250_000),
            ("2026-12".to_string(), 12_500_000),
        ]
    );
    // December 2026 has five ISO weeks, the last one running into 2027.
    split(&mut board, "y-3-2", SplitBy::Time, SplitMethod::Even);
    let weeks: Vec<String> = children(&board, "y-3-2")
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(
        weeks,
        ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    );
    assert_eq!(
        children(&board, "y-3-2")
            .iter()
            .map(|(_, a)| a)
            .sum::<i64>(),
        12_500_000
    );
    let week = Command::SplitTarget {
        id: tid("y-3-2-4"),
        by: SplitBy::Time,
        method: SplitMethod::Even,
        child_ids: ids("w", 3),
    };
    assert_eq!(
        board.apply(week, NOW),
        Err(DomainError::Target(TargetError::CannotSplitWeek))
    );
    assert!(validate(&board).is_empty());
}

#[test]
fn seasonal_splits_follow_last_years_wins() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100_000_000),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Seasonal);
    // 2025: Q1 $10k, Q2 $20k, Q3 $30k, Q4 $40k (EUR and lost deals do not count).
    let amounts: Vec<i64> = children(&board, "y").iter().map(|c| c.1).collect();
    assert_eq!(amounts, [10_000_000, 20_000_000, 30_000_000, 40_000_000]);
    // Q4 2025: Oct $10k, Nov $10k, Dec $20k (a win at 23:00 UTC on 31 December counts in
    // December).
    split(&mut board, "y-3", SplitBy::Time, SplitMethod::Seasonal);
    let amounts: Vec<i64> = children(&board, "y-3").iter().map(|c| c.1).collect();
    assert_eq!(amounts, [10_000_000, 10_000_000, 20_000_000]);
    // Q3 2025 was all August.
    split(&mut board, "y-2", SplitBy::Time, SplitMethod::Seasonal);
    let amounts: Vec<i64> = children(&board, "y-2").iter().map(|c| c.1).collect();
    assert_eq!(amounts, [0, 30_000_000, 0]);
}

#[test]
fn seasonal_splits_by_rep_follow_each_reps_wins_last_year() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100_000_000),
    );
    let y = board.target(&tid("y")).unwrap().clone();
    // One child per rep found in the deals ("alice chen " is Alice Chen), sorted.
    let slots = split_slots(&board, &y, SplitBy::Owner).unwrap();
    let names: Vec<String> = slots.iter().map(|(_, s)| s.label()).collect();
    assert_eq!(names, ["Alice Chen", "Ben Okafor", "Carla Ruiz"]);
    // Alice won $55k and Ben $45k in USD; Carla only in EUR, so nothing in this currency.
    let proposal = propose_split(&board, &y, SplitBy::Owner, &SplitMethod::Seasonal).unwrap();
    let amounts: Vec<i64> = proposal.iter().map(|p| p.amount).collect();
    assert_eq!(amounts, [55_000_000, 45_000_000, 0]);
    split(&mut board, "y", SplitBy::Owner, SplitMethod::Seasonal);
    assert_eq!(
        children(&board, "y"),
        [
            ("Alice Chen".to_string(), 55_000_000),
            ("Ben Okafor".to_string(), 45_000_000),
            ("Carla Ruiz".to_string(), 0),
        ]
    );
    for child in board.target_children(&tid("y")) {
        assert_eq!(child.period, Period::Year(2026));
    }
}

#[test]
fn seasonal_counts_and_fallback_to_even_without_history() {
    let mut board = history_board();
    // Won deals per quarter of 2025, any currency: 3, 1, 1, 3. 100 × 3/8 = 37.5 and
    // 100 × 1/8 = 12.5: equal remainders, so the first two get the extra unit.
    let count = Target::new(
        tid("n"),
        Measure::WonCount,
        Period::Year(2026),
        Scope::team(),
        100,
        usd(),
    );
    add(&mut board, count);
    split(&mut board, "n", SplitBy::Time, SplitMethod::Seasonal);
    let amounts: Vec<i64> = children(&board, "n").iter().map(|c| c.1).collect();
    assert_eq!(amounts, [38, 13, 12, 37]);
    // Nothing was won in 2029: even.
    add(
        &mut board,
        value_target("far", Period::Year(2030), Scope::team(), 10),
    );
    split(&mut board, "far", SplitBy::Time, SplitMethod::Seasonal);
    let amounts: Vec<i64> = children(&board, "far").iter().map(|c| c.1).collect();
    assert_eq!(amounts, [3, 3, 2, 2]);
}

#[test]
fn scope_splits_take_the_values_found_in_scope() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("a", Period::Year(2026), owner("Alice Chen"), 90),
    );
    split(
        &mut board,
        "a",
        SplitBy::Product,
        SplitMethod::Weights(vec![2, 1]),
    );
    assert_eq!(
        children(&board, "a"),
        [
            ("Alice Chen × Analytics Suite".to_string(), 60),
            ("Alice Chen × Cloud Storage".to_string(), 30),
        ]
    );
    let refused = |board: &mut Board, id: &str, by, method, n| {
        let cmd = Command::SplitTarget {
            id: tid(id),
            by,
            method,
            child_ids: ids("x", n),
        };
        board.apply(cmd, NOW).unwrap_err()
    };
    let before = board.clone();
    assert_eq!(
        refused(&mut board, "a", SplitBy::Owner, SplitMethod::Even, 9),
        DomainError::Target(TargetError::ScopeAlreadySet(SplitBy::Owner))
    );
    assert_eq!(
        refused(
            &mut board,
            "a",
            SplitBy::Region,
            SplitMethod::Weights(vec![1, 2]),
            9
        ),
        DomainError::Target(TargetError::WeightsMismatch {
            children: 1,
            weights: 2
        })
    );
    assert_eq!(
        refused(
            &mut board,
            "a",
            SplitBy::Region,
            SplitMethod::Weights(vec![0]),
            9
        ),
        DomainError::Target(TargetError::ZeroWeights)
    );
    assert_eq!(
        refused(&mut board, "a", SplitBy::Time, SplitMethod::Even, 3),
        DomainError::Target(TargetError::TooFewChildIds {
            needed: 4,
            given: 3
        })
    );
    assert_eq!(
        refused(&mut board, "nope", SplitBy::Time, SplitMethod::Even, 4),
        DomainError::Target(TargetError::UnknownTarget(tid("nope")))
    );
    // Ids already in use, or repeated, are refused.
    let cmd = Command::SplitTarget {
        id: tid("a"),
        by: SplitBy::Time,
        method: SplitMethod::Even,
        child_ids: vec![tid("q1"), tid("a-0"), tid("q3"), tid("q4")],
    };
    assert_eq!(
        board.apply(cmd, NOW),
        Err(DomainError::DuplicateId("a-0".into()))
    );
    assert_eq!(board, before);
    let mut empty = empty_board();
    add(
        &mut empty,
        value_target("t", Period::Year(2026), Scope::team(), 1),
    );
    assert_eq!(
        refused(&mut empty, "t", SplitBy::Customer, SplitMethod::Even, 3),
        DomainError::Target(TargetError::NothingToSplitBy(SplitBy::Customer))
    );
}

#[test]
fn splitting_again_replaces_the_children_and_their_subtrees() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 400),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Even);
    split(&mut board, "y-0", SplitBy::Time, SplitMethod::Even);
    assert_eq!(board.targets.len(), 1 + 4 + 3);
    let cmd = Command::SplitTarget {
        id: tid("y"),
        by: SplitBy::Owner,
        method: SplitMethod::Even,
        child_ids: ids("r", 3),
    };
    assert_eq!(
        board.apply(cmd, NOW + 1),
        Ok(Outcome::TargetsChanged(tid("y")))
    );
    assert_eq!(board.targets.len(), 1 + 3);
    assert_eq!(board.deleted_targets.len(), 4 + 3);
    assert!(validate(&board).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Attainment, forecast, pace and status

#[test]
fn attainment_and_forecast_count_won_and_weighted_open_deals_in_period_and_currency() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 20_000_000),
    );
    let y = board.target(&tid("y")).unwrap().clone();
    // Won in 2026 in USD: $100k + $50k (the EUR win and 2025's wins do not count).
    assert_eq!(attained(&board, &y), 15_000_000);
    // + $30k × 80 % + $10k × 60 %; a close date in 2027 or none does not count.
    assert_eq!(forecast(&board, &y), 18_000_000);
    let q1 = value_target("q1", Period::Quarter(2026, 1), Scope::team(), 1);
    assert_eq!(
        (attained(&board, &q1), forecast(&board, &q1)),
        (10_000_000, 10_000_000)
    );
    // The €70,000 won in 2026 is not counted, and the figures say so; 2025's €99,000 is
    // outside the period, and a count of deals takes every currency.
    let eur = Currency::parse("EUR").unwrap();
    let today = day(2026, 7, 2);
    assert_eq!(
        progress(&board, &y, today).not_counted,
        vec![(eur, 7_000_000)]
    );
    let alice = value_target("a", Period::Year(2026), owner("Alice Chen"), 1);
    assert_eq!(progress(&board, &alice, today).not_counted, vec![]);
    let count = team_2026("n", Measure::WonCount, 1);
    assert_eq!(progress(&board, &count, today).not_counted, vec![]);
}

#[test]
fn counts_and_margins_are_measured_too() {
    let board = history_board();
    let count = team_2026("n", Measure::WonCount, 10);
    // Three wins (in any currency); the forecast adds 0.8 + 0.6 = 1.4, rounded once to 1.
    assert_eq!((attained(&board, &count), forecast(&board, &count)), (3, 4));
    let margin = team_2026("m", Measure::GrossMargin, 1);
    // $100k − $60k cost, plus $50k with no cost (counts in full).
    assert_eq!(attained(&board, &margin), 9_000_000);
    // + $30k × 80 % (no cost) + ($10k − $4k) × 60 %.
    assert_eq!(forecast(&board, &margin), 11_760_000);
    let p = progress(&board, &margin, day(2026, 7, 2));
    assert_eq!(p.missing_cost, 2);
    assert_eq!(progress(&board, &count, day(2026, 7, 2)).missing_cost, 0);
}

#[test]
fn pace_and_status_at_chosen_days() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 20_000_000),
    );
    let y = board.target(&tid("y")).unwrap().clone();
    // Before the period: nothing due, not started.
    assert_eq!(pace(&board, &y, day(2025, 12, 31)), 0);
    assert_eq!(
        status(&board, &y, day(2025, 12, 31)),
        TargetStatus::NotStarted
    );
    assert_eq!(pace(&board, &y, day(2026, 1, 1)), 0);
    // 2 July: 182 of 365 days gone. $200k × 182/365 = $99,726.03 (rounded).
    assert_eq!(pace(&board, &y, day(2026, 7, 2)), 9_972_603);
    assert_eq!(status(&board, &y, day(2026, 7, 2)), TargetStatus::Ahead);
    // 31 December: 364 days gone, due $199,452.05; 90 % of it is above the $150k won.
    assert_eq!(pace(&board, &y, day(2026, 12, 31)), 19_945_205);
    assert_eq!(status(&board, &y, day(2026, 12, 31)), TargetStatus::Behind);
    assert_eq!(behind_targets(&board, day(2026, 12, 31)), [tid("y")]);
    // After the period: the whole amount is due; a missed target of a past period is not
    // an alert any more.
    assert_eq!(pace(&board, &y, day(2027, 1, 5)), 20_000_000);
    assert_eq!(status(&board, &y, day(2027, 1, 5)), TargetStatus::Behind);
    assert!(behind_targets(&board, day(2027, 1, 5)).is_empty());
    // $310k: due $154,575.34 on 2 July; $150k won is between 90 % of it and all of it.
    board
        .apply(
            Command::EditTarget {
                id: tid("y"),
                amount: 31_000_000,
            },
            NOW,
        )
        .unwrap();
    let y = board.target(&tid("y")).unwrap().clone();
    assert_eq!(pace(&board, &y, day(2026, 7, 2)), 15_457_534);
    assert_eq!(status(&board, &y, day(2026, 7, 2)), TargetStatus::OnTrack);
    // The threshold is a setting: at 98 % the same figures are behind.
    board.apply(Command::SetBehindThreshold(98), NOW).unwrap();
    assert_eq!(status(&board, &y, day(2026, 7, 2)), TargetStatus::Behind);
    assert_eq!(
        board.apply(Command::SetBehindThreshold(101), NOW),
        Err(DomainError::Target(TargetError::ThresholdOutOfRange(101)))
    );
    let p = progress(&board, &y, day(2026, 7, 2));
    assert_eq!(
        (p.amount, p.attained, p.forecast, p.pace, p.status, p.gap),
        (
            31_000_000,
            15_000_000,
            18_000_000,
            15_457_534,
            TargetStatus::Behind,
            0
        )
    );
}

#[test]
fn pace_follows_a_seasonal_split_down_the_tree() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100_000_000),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Seasonal);
    let y = board.target(&tid("y")).unwrap().clone();
    // Q1 ($100k) and Q2 ($200k) are done on 1 July; an even pace would be $495,890.41.
    assert_eq!(pace(&board, &y, day(2026, 7, 1)), 30_000_000);
    // 16 August: half of Q3 (46 of 92 days) of $300k.
    assert_eq!(pace(&board, &y, day(2026, 8, 16)), 45_000_000);
    // Split Q3 by last year's months (all August): July asks nothing, August all of it.
    split(&mut board, "y-2", SplitBy::Time, SplitMethod::Seasonal);
    let q3 = board.target(&tid("y-2")).unwrap().clone();
    assert_eq!(pace(&board, &q3, day(2026, 7, 31)), 0);
    // 15 of August's 31 days: $300k × 15/31 = $145,161.29.
    assert_eq!(pace(&board, &q3, day(2026, 8, 16)), 14_516_129);
    assert_eq!(pace(&board, &y, day(2026, 8, 16)), 44_516_129);
    assert_eq!(pace(&board, &y, day(2026, 9, 30)), 60_000_000);
    // A scope split does not change the curve.
    split(&mut board, "y-3", SplitBy::Owner, SplitMethod::Even);
    assert_eq!(pace(&board, &y, day(2026, 8, 16)), 44_516_129);
    // With a child lowered by hand the curve keeps its shape and the parent's level.
    board
        .apply(
            Command::EditTarget {
                id: tid("y-0"),
                amount: 0,
            },
            NOW,
        )
        .unwrap();
    // Done: Q2 $200k of the $900k planned, scaled to $1m.
    assert_eq!(pace(&board, &y, day(2026, 7, 1)), 22_222_222);
}

#[test]
fn a_target_for_a_rep_and_a_product() {
    let mut board = history_board();
    let scope = Scope {
        owner: Some(" alice chen".into()),
        product: Some("ANALYTICS SUITE".into()),
        ..Scope::default()
    };
    add(
        &mut board,
        value_target("ap", Period::Year(2026), scope.clone(), 30_000_000),
    );
    let ap = board.target(&tid("ap")).unwrap().clone();
    // Stored trimmed.
    assert_eq!(ap.scope.owner.as_deref(), Some("alice chen"));
    // Alice's analytics win of $100k; her storage and EUR-free deals aside; + $30k × 80 %.
    assert_eq!(attained(&board, &ap), 10_000_000);
    assert_eq!(forecast(&board, &ap), 12_400_000);
    // Last year: $5k + $20k + $20k ("alice chen " counts as Alice Chen).
    let last = value_target("last", Period::Year(2025), scope.clone(), 0);
    assert_eq!(attained(&board, &last), 4_500_000);
    // Ben's targets see none of it.
    let ben = value_target("b", Period::Year(2026), owner("Ben Okafor"), 1);
    assert_eq!(attained(&board, &ben), 5_000_000);
    // The board filtered to Alice × Analytics finds the target.
    let found = current_target_for(&board, &scope, day(2026, 7, 2)).map(|t| t.id.clone());
    assert_eq!(found, Some(tid("ap")));
    assert!(current_target_for(&board, &owner("Alice Chen"), day(2026, 7, 2)).is_none());
}

#[test]
fn the_current_target_for_a_scope_is_the_shortest_period_containing_today() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), owner("Ben Okafor"), 400),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Even);
    split(&mut board, "y-2", SplitBy::Time, SplitMethod::Even);
    let at = |d| current_target_for(&board, &owner("ben okafor"), d).map(|t| t.id.0.clone());
    assert_eq!(at(day(2026, 8, 16)).as_deref(), Some("y-2-1"));
    assert_eq!(at(day(2026, 2, 1)).as_deref(), Some("y-0"));
    assert_eq!(at(day(2027, 2, 1)), None);
    assert_eq!(
        current_target_for(&board, &Scope::team(), day(2026, 8, 16)),
        None
    );
}

#[test]
fn editing_a_child_shows_the_gap_on_its_parent() {
    let mut board = empty_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100_000_000),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Even);
    let gap = |board: &Board| allocation_gap(board, board.target(&tid("y")).unwrap());
    assert_eq!(gap(&board), 0);
    let edit = |board: &mut Board, id: &str, amount| {
        board
            .apply(
                Command::EditTarget {
                    id: tid(id),
                    amount,
                },
                NOW,
            )
            .unwrap()
    };
    edit(&mut board, "y-0", 20_000_000);
    assert_eq!(gap(&board), 5_000_000, "under-allocated");
    edit(&mut board, "y-1", 35_000_000);
    assert_eq!(gap(&board), -5_000_000, "over-allocated");
    edit(&mut board, "y", 90_000_000);
    assert_eq!(gap(&board), -15_000_000);
    let leaf = board.target(&tid("y-3")).unwrap();
    assert_eq!(allocation_gap(&board, leaf), 0, "no children, no gap");
    assert_eq!(
        board.apply(
            Command::EditTarget {
                id: tid("y-1"),
                amount: -1
            },
            NOW
        ),
        Err(DomainError::Target(TargetError::NegativeAmount))
    );
    // The edited child carries a new revision for merges.
    assert_eq!(board.target(&tid("y-1")).unwrap().revision, 1);
}

#[test]
fn adding_and_deleting_targets() {
    let mut board = empty_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100),
    );
    let dup = Command::AddTarget(value_target("y", Period::Year(2027), Scope::team(), 1));
    assert_eq!(
        board.apply(dup, NOW),
        Err(DomainError::DuplicateId("y".into()))
    );
    let mut child = value_target("c", Period::Quarter(2026, 1), Scope::team(), 1);
    child.parent = Some(tid("nope"));
    assert_eq!(
        board.apply(Command::AddTarget(child.clone()), NOW),
        Err(DomainError::Target(TargetError::UnknownParent(tid("nope"))))
    );
    child.parent = Some(tid("y"));
    child.measure = Measure::WonCount;
    assert_eq!(
        board.apply(Command::AddTarget(child.clone()), NOW),
        Err(DomainError::Target(TargetError::ParentMismatch))
    );
    child.measure = Measure::WonValue;
    board.apply(Command::AddTarget(child), NOW).unwrap();
    assert_eq!(allocation_gap(&board, board.target(&tid("y")).unwrap()), 99);
    let bad = value_target("bad", Period::Month(2026, 13), Scope::team(), 1);
    assert_eq!(
        board.apply(Command::AddTarget(bad), NOW),
        Err(DomainError::Target(TargetError::InvalidPeriod(
            Period::Month(2026, 13)
        )))
    );
    split(&mut board, "c", SplitBy::Time, SplitMethod::Even);
    assert_eq!(board.targets.len(), 5);
    // Deleting a child removes its subtree; its parent's gap follows. The outcome carries the
    // target as it was, for the announcement and the undo toast.
    let before = board.target(&tid("c")).cloned().unwrap();
    assert_eq!(
        board.apply(Command::DeleteTarget { id: tid("c") }, NOW + 1),
        Ok(Outcome::TargetDeleted(Box::new(before)))
    );
    assert_eq!(board.targets.len(), 1);
    assert_eq!(board.deleted_targets.len(), 4);
    assert!(board.deleted_targets.iter().all(|t| t.at == NOW + 1));
    assert_eq!(allocation_gap(&board, board.target(&tid("y")).unwrap()), 0);
    assert_eq!(
        board.apply(Command::DeleteTarget { id: tid("c") }, NOW),
        Err(DomainError::Target(TargetError::UnknownTarget(tid("c"))))
    );
}

// ---------------------------------------------------------------------------------------------
// Undo, merge, file format

/// Targets sorted by id, without the bookkeeping an undo renews.
fn visible_targets(board: &Board) -> Vec<Target> {
    let mut targets = board.targets.clone();
    targets.sort_by(|a, b| a.id.cmp(&b.id));
    for t in &mut targets {
        t.revision = 0;
        t.updated = 0;
    }
    targets
}

#[test]
fn after_a_deletion_the_next_sibling_then_the_previous_then_the_parent_is_shown() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 400),
    );
    split(&mut board, "y", SplitBy::Time, SplitMethod::Even);
    let quarters: Vec<TargetId> = board
        .target_children(&tid("y"))
        .iter()
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(quarters.len(), 4);
    assert_eq!(
        board.target_neighbour(&quarters[1]),
        Some(quarters[2].clone())
    );
    assert_eq!(
        board.target_neighbour(&quarters[3]),
        Some(quarters[2].clone())
    );
    board
        .apply(
            Command::DeleteTarget {
                id: quarters[0].clone(),
            },
            NOW,
        )
        .unwrap();
    board
        .apply(
            Command::DeleteTarget {
                id: quarters[1].clone(),
            },
            NOW,
        )
        .unwrap();
    board
        .apply(
            Command::DeleteTarget {
                id: quarters[2].clone(),
            },
            NOW,
        )
        .unwrap();
    assert_eq!(
        board.target_neighbour(&quarters[3]),
        Some(tid("y")),
        "the last part: its parent"
    );
    assert_eq!(
        board.target_neighbour(&tid("y")),
        None,
        "a lone top-level target"
    );
    add(
        &mut board,
        value_target("z", Period::Year(2027), Scope::team(), 1),
    );
    assert_eq!(board.target_neighbour(&tid("y")), Some(tid("z")));
    assert_eq!(board.target_neighbour(&tid("missing")), None);
}

#[test]
fn undo_of_a_split_restores_the_targets() {
    let mut board = history_board();
    let mut history = History::default();
    let mut run = |board: &mut Board, cmd: Command, at: i64| {
        let (_, step) = board.apply_recorded(cmd, at).unwrap();
        history.record(step);
    };
    run(
        &mut board,
        Command::AddTarget(value_target("y", Period::Year(2026), Scope::team(), 1_000)),
        NOW,
    );
    run(
        &mut board,
        Command::SplitTarget {
            id: tid("y"),
            by: SplitBy::Time,
            method: SplitMethod::Even,
            child_ids: ids("q", 4),
        },
        NOW + 1,
    );
    let first_split = visible_targets(&board);
    run(
        &mut board,
        Command::SplitTarget {
            id: tid("y"),
            by: SplitBy::Owner,
            method: SplitMethod::Seasonal,
            child_ids: ids("r", 3),
        },
        NOW + 2,
    );
    let second_split = visible_targets(&board);
    assert_eq!(second_split.len(), 4);
    // Undo the re-split: the quarters are back.
    history.undo(&mut board, NOW + 3).unwrap().unwrap();
    assert_eq!(visible_targets(&board), first_split);
    assert!(validate(&board).is_empty());
    // Undo the split: only the year, not split.
    history.undo(&mut board, NOW + 4).unwrap().unwrap();
    let only = visible_targets(&board);
    assert_eq!(only.len(), 1);
    assert_eq!((only[0].split.clone(), only[0].split_by), (None, None));
    // Restored and removed targets carry fresh revisions and tombstones, for other tabs.
    assert!(board.target(&tid("y")).unwrap().updated == NOW + 4);
    assert!(board
        .deleted_targets
        .iter()
        .any(|t| t.id == tid("q-0") && t.at == NOW + 4));
    // Redo both.
    history.redo(&mut board, NOW + 5).unwrap().unwrap();
    assert_eq!(visible_targets(&board), first_split);
    history.redo(&mut board, NOW + 6).unwrap().unwrap();
    assert_eq!(visible_targets(&board), second_split);
    // Undo everything: no targets.
    for at in 7..10 {
        history.undo(&mut board, NOW + at).unwrap().unwrap();
    }
    assert!(board.targets.is_empty());
}

#[test]
fn undo_leaves_targets_another_tab_changed_since() {
    let mut board = empty_board();
    let mut history = History::default();
    add(
        &mut board,
        value_target("y", Period::Year(2026), Scope::team(), 100),
    );
    let (_, step) = board
        .apply_recorded(
            Command::EditTarget {
                id: tid("y"),
                amount: 200,
            },
            NOW + 1,
        )
        .unwrap();
    history.record(step);
    // Another tab's edit arrives (merged in).
    let mut theirs = board.clone();
    theirs
        .apply(
            Command::EditTarget {
                id: tid("y"),
                amount: 300,
            },
            NOW + 2,
        )
        .unwrap();
    board = merge(&board, &theirs).board;
    assert_eq!(board.target(&tid("y")).unwrap().amount, 300);
    history.undo(&mut board, NOW + 3).unwrap().unwrap();
    assert_eq!(board.target(&tid("y")).unwrap().amount, 300);
}

#[test]
fn merging_keeps_targets_and_their_deletions() {
    let mut mine = history_board();
    add(
        &mut mine,
        value_target("y", Period::Year(2026), Scope::team(), 400),
    );
    split(&mut mine, "y", SplitBy::Time, SplitMethod::Even);
    let mut theirs = mine.clone();
    // They edit Q1 and add a target; we delete Q4 (with a later subtree of theirs under it).
    theirs
        .apply(
            Command::EditTarget {
                id: tid("y-0"),
                amount: 150,
            },
            NOW + 1,
        )
        .unwrap();
    add(
        &mut theirs,
        value_target("ben", Period::Year(2026), owner("Ben Okafor"), 7),
    );
    split(&mut theirs, "y-3", SplitBy::Owner, SplitMethod::Even);
    mine.apply(Command::DeleteTarget { id: tid("y-3") }, NOW + 2)
        .unwrap();

    let merged = merge(&mine, &theirs);
    let mut got: Vec<String> = merged
        .board
        .targets
        .iter()
        .map(|t| t.id.0.clone())
        .collect();
    got.sort();
    assert_eq!(got, ["ben", "y", "y-0", "y-1", "y-2"]);
    assert_eq!(merged.board.target(&tid("y-0")).unwrap().amount, 150);
    assert_eq!(
        merged.report.targets,
        TargetMergeReport {
            new: 1,
            updated: 1,
            deleted: 0
        }
    );
    assert!(!merged.report.changes_nothing());
    assert!(validate(&merged.board).is_empty());
    // The other way round: the same targets, and Q4 deleted there too.
    let back = merge(&theirs, &mine);
    let mut got_back: Vec<Target> = back.board.targets.clone();
    got_back.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = merged.board.targets.clone();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(got_back, expected);
    assert_eq!(back.report.targets.deleted, 1 + 3);
    // Merging again changes nothing; the deletion stays when an old copy comes back.
    let again = merge(&merged.board, &theirs);
    assert_eq!(again.board, merged.board);
    assert!(again.report.changes_nothing());
}

#[test]
fn a_child_edited_after_its_parent_was_deleted_goes_with_the_parent() {
    let mut mine = empty_board();
    add(
        &mut mine,
        value_target("y", Period::Year(2026), Scope::team(), 400),
    );
    split(&mut mine, "y", SplitBy::Time, SplitMethod::Even);
    let mut theirs = mine.clone();
    mine.apply(Command::DeleteTarget { id: tid("y") }, NOW + 1)
        .unwrap();
    theirs
        .apply(
            Command::EditTarget {
                id: tid("y-2"),
                amount: 1,
            },
            NOW + 2,
        )
        .unwrap();
    for merged in [merge(&mine, &theirs), merge(&theirs, &mine)] {
        assert!(
            merged.board.targets.is_empty(),
            "{:?}",
            merged.board.targets
        );
        assert!(validate(&merged.board).is_empty());
    }
}

#[test]
fn version_3_files_carry_targets_costs_and_the_threshold() {
    let restored = restore(V3).unwrap();
    assert_eq!(restored.version, 3);
    let board = restored.board;
    assert_eq!(board.targets.len(), 8);
    assert_eq!(board.deleted_targets.len(), 1);
    assert_eq!(board.settings.behind_threshold, 85);
    assert_eq!(board.deals[0].cost, Some(1_400_000));
    let q4 = board.target(&tid("t-q4")).unwrap();
    assert_eq!(q4.split, Some(SplitMethod::Weights(vec![3, 1])));
    assert_eq!(q4.split_by, Some(SplitBy::Owner));
    let w53 = board.target(&tid("t-w53")).unwrap();
    assert_eq!(w53.period, Period::Week(2026, 53));
    assert_eq!(w53.measure, Measure::WonCount);
    assert_eq!(w53.scope.product.as_deref(), Some("Analytics Suite"));
    assert_eq!(allocation_gap(&board, q4), 0);
    assert!(validate(&board).is_empty());
    // Written back at the current version, it reads the same.
    for text in [encode(&board, NOW), encode_pretty(&board, NOW)] {
        let again = restore(&text).unwrap();
        assert_eq!(again.version, CURRENT_VERSION);
        assert_eq!(again.board, board);
    }
    // A deal without a cost writes no `cost` key.
    let mut plain = board.clone();
    plain.deals[0].cost = None;
    assert!(!encode(&plain, NOW).contains("\"cost\""));
}

#[test]
fn versions_1_and_2_migrate_with_no_targets() {
    assert_eq!(CURRENT_VERSION, 3);
    for (text, version) in [(V1, 1), (V2, 2)] {
        let restored = restore(text).unwrap();
        assert_eq!(restored.version, version);
        assert!(restored.board.targets.is_empty());
        assert!(restored.board.deleted_targets.is_empty());
        assert_eq!(restored.board.settings.behind_threshold, 90);
        assert!(restored.board.deals.iter().all(|d| d.cost.is_none()));
    }
}

fn problems(text: &str) -> Vec<String> {
    match restore(text) {
        Err(RestoreError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn broken_targets_are_reported_with_their_place() {
    let text = V3
        .replacen(r#""id": "t-q2""#, r#""id": "t-q1""#, 1)
        .replacen(
            r#""parent": "t-q4", "measure""#,
            r#""parent": "t-gone", "measure""#,
            1,
        )
        .replacen(r#""amount": 3,"#, r#""amount": -3,"#, 1)
        .replacen(r#""behind_threshold": 85"#, r#""behind_threshold": 120"#, 1)
        .replacen(r#""cost": 1400000"#, r#""cost": -1"#, 1);
    let found = problems(&text);
    assert_eq!(
        found,
        [
            "deals[0].cost: cannot be negative",
            "settings.behind_threshold: expected 0 to 100",
            r#"targets[2].id: "t-q1" is used twice"#,
            r#"targets[5].parent: no target has id "t-gone""#,
            "targets[7].amount: cannot be negative",
        ]
    );
    let text = V3.replacen(r#""period": "2026-W53""#, r#""period": "2025-W53""#, 1);
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("targets[7].period: expected a period like"),
        "{found:?}"
    );
    // A parent chain that loops.
    let text = V3.replacen(
        r#""id": "t-2026", "measure""#,
        r#""id": "t-2026", "parent": "t-q1", "measure""#,
        1,
    );
    assert_eq!(
        problems(&text),
        [
            r#"targets[0].parent: "t-2026" is its own ancestor"#,
            r#"targets[1].parent: "t-q1" is its own ancestor"#,
        ]
    );
}

/// Applies generated target edits to a board (refused ones are skipped).
fn scramble(board: &mut Board, side: &str, ops: &[(u8, usize, u16, u8)]) {
    for (n, &(op, pick, amount, t)) in ops.iter().enumerate() {
        let at = NOW + 1_000 * t as i64;
        let Some(id) = board
            .targets
            .get(pick % board.targets.len().max(1))
            .map(|t| t.id.clone())
        else {
            continue;
        };
        // Ids from a shared prefix make both sides create the same ids with other content.
        let prefix = if amount % 3 == 0 {
            "s".to_string()
        } else {
            format!("{side}{n}")
        };
        let cmd = match op % 4 {
            0 => Command::EditTarget {
                id,
                amount: amount as i64,
            },
            1 => Command::DeleteTarget { id },
            2 => Command::SplitTarget {
                id,
                by: SplitBy::Time,
                method: SplitMethod::Even,
                child_ids: ids(&prefix, 5),
            },
            _ => Command::AddTarget(value_target(
                &format!("{prefix}-root"),
                Period::Quarter(2026, 1 + (amount % 4) as u8),
                Scope::team(),
                amount as i64,
            )),
        };
        let _ = board.apply(cmd, at);
    }
}

fn sorted_targets(board: &Board) -> (Vec<Target>, Vec<(TargetId, i64)>) {
    let mut targets = board.targets.clone();
    targets.sort_by(|a, b| a.id.cmp(&b.id));
    let mut deleted: Vec<(TargetId, i64)> = board
        .deleted_targets
        .iter()
        .map(|t| (t.id.clone(), t.at))
        .collect();
    deleted.sort();
    (targets, deleted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn merging_targets_is_commutative_idempotent_and_keeps_the_tree_whole(
        a in proptest::collection::vec((0u8..4, 0usize..20, 0u16..1000, 0u8..8), 0..12),
        b in proptest::collection::vec((0u8..4, 0usize..20, 0u16..1000, 0u8..8), 0..12),
    ) {
        let mut base = empty_board();
        add(&mut base, value_target("y", Period::Year(2026), Scope::team(), 1_200));
        split(&mut base, "y", SplitBy::Time, SplitMethod::Even);
        let (mut left, mut right) = (base.clone(), base);
        scramble(&mut left, "a", &a);
        scramble(&mut right, "b", &b);
        let ab = merge(&left, &right);
        let ba = merge(&right, &left);
        prop_assert_eq!(sorted_targets(&ab.board), sorted_targets(&ba.board));
        prop_assert!(validate(&ab.board).is_empty(), "{:?}", validate(&ab.board));
        let again = merge(&ab.board, &right);
        prop_assert_eq!(&again.board, &ab.board);
        prop_assert!(again.report.changes_nothing(), "{:?}", again.report);
        prop_assert_eq!(merge(&ab.board, &left).board, ab.board.clone());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The badge's one-pass count says what each target's own status says.
    #[test]
    fn behind_targets_are_the_targets_whose_status_is_behind(
        specs in prop::collection::vec((0u8..3, 0u8..6, 0u8..4, any::<bool>(), 1i64..8_000_000), 0..12),
        day_of_year in 0u32..730,
    ) {
        let mut board = history_board();
        for (i, (measure, period, who, euro, amount)) in specs.into_iter().enumerate() {
            let measure = [Measure::WonValue, Measure::WonCount, Measure::GrossMargin][measure as usize];
            let period = [
                Period::Year(2025),
                Period::Year(2026),
                Period::Quarter(2025, 3),
                Period::Quarter(2026, 4),
                Period::Month(2026, 11),
                Period::Month(2025, 8),
            ][period as usize];
            let scope = match who {
                0 => Scope::team(),
                1 => owner("Alice"),
                2 => owner(" ben "),
                _ => owner("Carla"),
            };
            let currency = if euro { Currency::parse("EUR").unwrap() } else { usd() };
            let target = Target::new(tid(&format!("t{i}")), measure, period, scope, amount, currency);
            // The same target twice is refused (AlreadySet); the property is about the rest.
            let _ = board.apply(Command::AddTarget(target), NOW);
        }
        let today = day(2025, 1, 1).add_days(day_of_year as i64).unwrap();
        let expected: Vec<TargetId> = board
            .targets
            .iter()
            .filter(|t| t.period.contains(today) && status(&board, t, today) == TargetStatus::Behind)
            .map(|t| t.id.clone())
            .collect();
        prop_assert_eq!(behind_targets(&board, today), expected);
    }
}

// ---------------------------------------------------------------------------------------------
// When the header's figures are worked out again

/// Every target's attained figure and status at a few days of the fixture's years.
fn figures(board: &Board) -> Vec<(i64, TargetStatus)> {
    let days = [day(2025, 6, 15), day(2026, 3, 1), day(2026, 11, 30)];
    board
        .targets
        .iter()
        .flat_map(|t| days.map(|d| (attained(board, t), status(board, t, d))))
        .collect()
}

#[test]
fn only_steps_that_may_change_progress_ask_for_it_again() {
    let mut board = history_board();
    add(
        &mut board,
        value_target("team", Period::Year(2026), Scope::team(), 10_000_000),
    );
    add(
        &mut board,
        value_target("team-25", Period::Year(2025), Scope::team(), 9_000_000),
    );
    add(
        &mut board,
        value_target("alice", Period::Year(2026), owner("Alice"), 4_000_000),
    );
    let stages: Vec<_> = board.stages.iter().map(|s| s.id.clone()).collect();
    let (mut quiet, mut loud) = (0, 0);
    for deal in board.deals.clone() {
        for to in &stages {
            let mut after = board.clone();
            let moved = Command::MoveDeal {
                id: deal.id.clone(),
                to: to.clone(),
                index: 0,
                loss_reason: Some("Price".into()),
            };
            let Ok((_, step)) = after.apply_recorded(moved, NOW) else {
                continue;
            };
            if may_change_progress(&step) {
                loud += 1;
            } else {
                quiet += 1;
                assert_eq!(
                    figures(&after),
                    figures(&board),
                    "{} to {}",
                    deal.id.0,
                    to.0
                );
            }
        }
        // An edit of the deal's value: the same rule.
        let mut after = board.clone();
        let mut fields = deal.fields();
        fields.value += 100_000;
        let edit = Command::EditDeal {
            id: deal.id.clone(),
            fields,
        };
        let (_, step) = after.apply_recorded(edit, NOW).unwrap();
        if !may_change_progress(&step) {
            assert_eq!(figures(&after), figures(&board), "edit of {}", deal.id.0);
        } else {
            assert_eq!(
                deal.status,
                DealStatus::Won,
                "only a won deal's edit counts"
            );
        }
    }
    assert!(quiet > 10 && loud > 10, "quiet {quiet}, loud {loud}");

    // Targets and the threshold always count, and so does undoing a step that did.
    let mut after = board.clone();
    let (_, step) = after
        .apply_recorded(Command::SetBehindThreshold(50), NOW)
        .unwrap();
    assert!(may_change_progress(&step));
    let target = value_target("bob", Period::Year(2026), owner("Bob"), 1);
    let (_, step) = after
        .apply_recorded(Command::AddTarget(target), NOW)
        .unwrap();
    assert!(may_change_progress(&step));
    let open = board
        .deals
        .iter()
        .find(|d| d.status == DealStatus::Open)
        .unwrap();
    let won_stage = board
        .stages
        .iter()
        .find(|s| s.kind == StageKind::Won)
        .unwrap();
    let win = Command::MoveDeal {
        id: open.id.clone(),
        to: won_stage.id.clone(),
        index: 0,
        loss_reason: None,
    };
    let mut history = History::default();
    let (_, step) = after.apply_recorded(win, NOW).unwrap();
    assert!(may_change_progress(&step));
    history.record(step);
    history.undo(&mut after, NOW).unwrap().unwrap();
    assert!(may_change_progress(history.last_redo().unwrap()));
}

#[test]
fn the_same_target_twice_is_refused_but_another_scope_period_or_currency_is_not() {
    let mut board = empty_board();
    let q4 = Period::Quarter(2026, 4);
    add(
        &mut board,
        value_target("a", q4, owner("Alice Chen"), 5_000_000),
    );
    // The same measure, period and scope (written with other spaces) under the same parent.
    let again = value_target("b", q4, owner("  Alice Chen "), 6_000_000);
    assert_eq!(
        board.apply(Command::AddTarget(again), NOW),
        Err(DomainError::Target(TargetError::AlreadySet))
    );
    assert_eq!(board.targets.len(), 1, "nothing added");
    add(&mut board, value_target("c", q4, owner("Ben Okafor"), 1));
    add(
        &mut board,
        value_target("d", Period::Year(2026), owner("Alice Chen"), 1),
    );
    let mut yuan = value_target("e", q4, owner("Alice Chen"), 1);
    yuan.currency = Currency::parse("CNY").unwrap();
    add(&mut board, yuan);
    let mut count = value_target("f", q4, owner("Alice Chen"), 3);
    count.measure = Measure::WonCount;
    add(&mut board, count);
    assert_eq!(board.targets.len(), 5);
}
