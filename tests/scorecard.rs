//! The reps' scorecard for a period and the stages' conversion, from the deals the board keeps.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{empty_board, fields, NOW};
use dealboard::domain::board::{Board, Deal, DealId, DealStatus, StageId, StageVisit};
use dealboard::domain::date::{day_of, Date};
use dealboard::domain::money::Currency;
use dealboard::domain::scorecard::{scorecard, stage_conversion, RepScore};
use dealboard::domain::targets::Period;

const DAY: i64 = 86_400_000;

/// 2026-11-30 (NOW) is in 2026-Q4; October 1st is 60 days before.
fn q4() -> Period {
    Period::Quarter(2026, 4)
}

fn today() -> Date {
    day_of(NOW)
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

/// A deal of `owner` with `customer`, worth `cents`, created `created_days_ago`, that went
/// through `path` (stage, days ago) and ended as `status` (won at the last visit's time).
fn deal(
    id: &str,
    owner: &str,
    customer: &str,
    cents: i64,
    created_days_ago: i64,
    path: &[(&str, i64)],
    status: DealStatus,
) -> Deal {
    let mut f = fields(id, cents);
    f.owner = owner.into();
    f.customer = customer.into();
    let created = NOW - created_days_ago * DAY;
    let first = StageId(path[0].0.into());
    let mut deal = Deal::new(DealId(id.into()), f, first, 1.0, created);
    deal.history = path
        .iter()
        .map(|&(stage, ago)| StageVisit {
            stage: StageId(stage.into()),
            entered: NOW - ago * DAY,
        })
        .collect();
    let last = deal.history.last().unwrap().clone();
    deal.stage = last.stage;
    deal.stage_entered = last.entered;
    deal.status = status;
    if status == DealStatus::Won {
        deal.won_at = Some(last.entered);
    }
    deal
}

fn board_of(deals: Vec<Deal>) -> Board {
    let mut board = empty_board();
    for d in deals {
        board.deals.push(d);
    }
    board
}

fn rep<'a>(reps: &'a [RepScore], owner: &str) -> &'a RepScore {
    reps.iter().find(|r| r.owner == owner).unwrap()
}

#[test]
fn a_reps_wins_losses_margin_and_cycle_count_in_their_period_only() {
    use DealStatus::*;
    let mut won_with_cost = deal(
        "w1",
        "Alice Chen",
        "Acme",
        10_000 * 100,
        40,
        &[("lead", 40), ("won", 10)],
        Won,
    );
    won_with_cost.cost = Some(6_000 * 100);
    let board = board_of(vec![
        won_with_cost,
        // Won in Q4, 21 days after creation, no cost: its margin is unknown.
        deal(
            "w2",
            "Alice Chen",
            "Acme",
            5_000 * 100,
            30,
            &[("lead", 30), ("won", 9)],
            Won,
        ),
        // Won in Q3: another period.
        deal(
            "w3",
            "Alice Chen",
            "Globex",
            7_000 * 100,
            200,
            &[("lead", 200), ("won", 100)],
            Won,
        ),
        deal(
            "l1",
            "Alice Chen",
            "Initech",
            1_000 * 100,
            20,
            &[("lead", 20), ("lost", 5)],
            Lost,
        ),
        deal(
            "l2",
            "Alice Chen",
            "Initech",
            1_000 * 100,
            200,
            &[("lead", 200), ("lost", 120)],
            Lost,
        ),
        deal(
            "o1",
            "Alice Chen",
            "Hooli",
            2_000 * 100,
            3,
            &[("demo", 3)],
            Open,
        ),
        deal(
            "b1",
            "Ben Ito",
            "Acme",
            3_000 * 100,
            15,
            &[("lead", 15), ("won", 5)],
            Won,
        ),
    ]);
    let (reps, team) = scorecard(&board, q4(), today());
    assert_eq!(
        reps.iter().map(|r| r.owner.as_str()).collect::<Vec<_>>(),
        ["Alice Chen", "Ben Ito"]
    );

    let alice = rep(&reps, "Alice Chen");
    assert_eq!((alice.won, alice.lost, alice.open), (2, 1, 1));
    assert_eq!(alice.won_value.amount(&usd()), 15_000 * 100);
    assert_eq!(
        alice.margin.amount(&usd()),
        4_000 * 100,
        "value − cost of the one with a cost"
    );
    assert_eq!(alice.missing_cost, 1);
    assert_eq!(alice.win_rate(), Some(67), "2 of 3, rounded");
    assert_eq!(
        alice.cycle_days(),
        Some(26),
        "(30 + 21) / 2 = 25.5, rounded half up"
    );
    assert_eq!(alice.repeat_customers, 1, "Acme twice");
    assert_eq!(alice.open_value.amount(&usd()), 2_000 * 100);

    let ben = rep(&reps, "Ben Ito");
    assert_eq!(
        (ben.won, ben.lost, ben.win_rate(), ben.cycle_days()),
        (1, 0, Some(100), Some(10))
    );
    assert_eq!(ben.repeat_customers, 0);

    assert_eq!((team.won, team.lost, team.open), (3, 1, 1));
    assert_eq!(team.won_value.amount(&usd()), 18_000 * 100);
    assert_eq!(team.win_rate(), Some(75));
    assert_eq!(
        team.cycle_days(),
        Some(20),
        "(30 + 21 + 10) / 3 = 20.3, rounded"
    );
    // Acme: twice by Alice and once by Ben, one repeat customer for the team.
    assert_eq!(team.repeat_customers, 1);
}

#[test]
fn repeat_customers_count_each_customer_once_and_need_a_name() {
    use DealStatus::*;
    let won = |id: &str, owner: &str, customer: &str| {
        deal(
            id,
            owner,
            customer,
            100,
            10,
            &[("lead", 10), ("won", 2)],
            Won,
        )
    };
    let board = board_of(vec![
        won("a", "Alice Chen", "Acme"),
        won("b", "Alice Chen", "Acme"),
        won("c", "Alice Chen", "Acme"),
        won("d", "Alice Chen", ""),
        won("e", "Alice Chen", ""),
        won("f", "Ben Ito", "Globex"),
        won("g", "Carla Ruiz", "Globex"),
    ]);
    let (reps, team) = scorecard(&board, q4(), today());
    assert_eq!(
        rep(&reps, "Alice Chen").repeat_customers,
        1,
        "three wins, one customer"
    );
    assert_eq!(rep(&reps, "Ben Ito").repeat_customers, 0);
    assert_eq!(team.repeat_customers, 2, "Acme, and Globex across two reps");
}

#[test]
fn deals_nobody_owns_come_last_and_a_rep_with_nothing_in_the_period_is_left_out() {
    use DealStatus::*;
    let board = board_of(vec![
        deal("x", "", "Acme", 100, 10, &[("lead", 10)], Open),
        deal("y", "Zoe Park", "Acme", 100, 10, &[("lead", 10)], Open),
        deal(
            "z",
            "Old Timer",
            "Acme",
            100,
            400,
            &[("lead", 400), ("won", 300)],
            Won,
        ),
    ]);
    let (reps, _) = scorecard(&board, q4(), today());
    let owners: Vec<&str> = reps.iter().map(|r| r.owner.as_str()).collect();
    assert_eq!(owners, ["Zoe Park", ""]);
    assert_eq!(reps[0].win_rate(), None, "nothing closed");
    assert_eq!(reps[0].cycle_days(), None);
}

#[test]
fn open_deals_off_track_are_counted_today() {
    use DealStatus::*;
    let mut late = deal("late", "Alice Chen", "Acme", 100, 10, &[("demo", 10)], Open);
    late.close_date = today().add_days(-1);
    let board = board_of(vec![
        late,
        deal("fine", "Alice Chen", "Acme", 100, 1, &[("demo", 1)], Open),
    ]);
    let (reps, team) = scorecard(&board, q4(), today());
    assert_eq!((reps[0].open, reps[0].off_track, team.off_track), (2, 1, 1));
}

#[test]
fn stage_conversion_counts_each_deal_once_per_stage_and_onward_moves_only() {
    use DealStatus::*;
    let board = board_of(vec![
        // Through Lead, Qualified and Demo: moved on from Lead and Qualified.
        deal(
            "a",
            "A",
            "",
            1,
            30,
            &[("lead", 30), ("qualified", 20), ("demo", 10)],
            Open,
        ),
        // Lead, then lost: did not move on.
        deal("b", "A", "", 1, 30, &[("lead", 30), ("lost", 5)], Lost),
        // Still in Lead.
        deal("c", "A", "", 1, 5, &[("lead", 5)], Open),
        // Back and forth: counted once in Lead and once in Qualified, and it moved on from Lead.
        deal(
            "d",
            "A",
            "",
            1,
            40,
            &[
                ("lead", 40),
                ("qualified", 34),
                ("lead", 20),
                ("qualified", 10),
            ],
            Open,
        ),
        // Won from Negotiation: moved on.
        deal("e", "A", "", 1, 40, &[("negotiation", 40), ("won", 2)], Won),
        // Entered Lead in Q3: another period.
        deal(
            "f",
            "A",
            "",
            1,
            200,
            &[("lead", 200), ("qualified", 150)],
            Open,
        ),
    ]);
    let conversion = stage_conversion(&board, q4());
    let row = |id: &str| {
        let c = conversion.iter().find(|c| c.stage.0 == id).unwrap();
        (c.entered, c.moved_on, c.percent(), c.days_to_move_on())
    };
    assert_eq!(conversion.len(), 5, "the open stages only");
    assert_eq!(
        row("lead"),
        (4, 2, Some(50), Some(8)),
        "a in 10 days, d in 6 (from its first entry)"
    );
    assert_eq!(
        row("qualified"),
        (2, 1, Some(50), Some(10)),
        "d moved back, not on"
    );
    assert_eq!(row("demo"), (1, 0, Some(0), None));
    assert_eq!(row("proposal"), (0, 0, None, None));
    assert_eq!(row("negotiation"), (1, 1, Some(100), Some(38)));
}

#[test]
fn each_row_is_held_against_its_own_target_for_exactly_the_period() {
    use dealboard::domain::scorecard::row_target;
    use dealboard::domain::targets::target::{Measure, Scope, Target, TargetId};
    use DealStatus::*;
    let mut board = board_of(vec![
        deal(
            "w1",
            "Alice Chen",
            "Acme",
            3_000 * 100,
            40,
            &[("won", 10)],
            Won,
        ),
        deal("w2", "Ben", "Globex", 2_000 * 100, 40, &[("won", 5)], Won),
        deal("w3", "", "Initech", 1_000 * 100, 40, &[("won", 5)], Won),
    ]);
    let target = |id: &str, measure, period, owner: Option<&str>, amount| {
        let scope = Scope {
            owner: owner.map(str::to_string),
            ..Scope::team()
        };
        Target::new(TargetId(id.into()), measure, period, scope, amount, usd())
    };
    board.targets = vec![
        target("team", Measure::WonValue, q4(), None, 8_000 * 100),
        // Written otherwise than on the deals: scopes ignore case and spaces around.
        target(
            "alice",
            Measure::WonValue,
            q4(),
            Some(" alice chen "),
            4_000 * 100,
        ),
        target("alice-n", Measure::WonCount, q4(), Some("Alice Chen"), 3),
        target(
            "alice-year",
            Measure::GrossMargin,
            Period::Year(2026),
            Some("Alice Chen"),
            1,
        ),
        target("zero", Measure::WonValue, q4(), Some("Ben"), 0),
    ];
    let share = |owner, measure| {
        row_target(&board, owner, measure, q4()).map(|(t, got, p)| (t.id.0.clone(), got, p))
    };
    assert_eq!(
        share(Some("Alice Chen"), Measure::WonValue),
        Some(("alice".into(), 300_000, Some(75)))
    );
    assert_eq!(
        share(Some("Alice Chen"), Measure::WonCount),
        Some(("alice-n".into(), 1, Some(33)))
    );
    assert_eq!(
        share(Some("Alice Chen"), Measure::GrossMargin),
        None,
        "a year's target is not the quarter's"
    );
    assert_eq!(
        share(None, Measure::WonValue),
        Some(("team".into(), 600_000, Some(75))),
        "the team counts every deal"
    );
    assert_eq!(
        share(Some("Ben"), Measure::WonValue),
        Some(("zero".into(), 200_000, None)),
        "no share of nothing"
    );
    assert_eq!(share(Some("Carla"), Measure::WonValue), None);
}

#[test]
fn loss_reasons_of_the_period_are_counted_most_first_and_unreasoned_last() {
    use dealboard::domain::scorecard::loss_reasons;
    use DealStatus::*;
    let lost = |id: &str, ago: i64, reason: Option<&str>| {
        let mut d = deal(
            id,
            "Alice Chen",
            "Acme",
            100,
            ago + 5,
            &[("lead", ago + 5), ("lost", ago)],
            Lost,
        );
        d.loss_reason = reason.map(str::to_string);
        d
    };
    let board = board_of(vec![
        lost("l1", 10, Some("Timing")),
        lost("l2", 11, Some(" price ")),
        lost("l3", 12, Some("Price")),
        lost("l4", 13, None),
        lost("l5", 14, Some("")),
        lost("l6", 15, Some("Budget")),
        // Lost in Q3: another period.
        lost("l7", 100, Some("Timing")),
        deal("w1", "Alice Chen", "Acme", 100, 30, &[("won", 10)], Won),
    ]);
    assert_eq!(
        loss_reasons(&board, q4()),
        [
            ("price".to_string(), 2),
            ("Budget".to_string(), 1),
            ("Timing".to_string(), 1),
            (String::new(), 2),
        ],
        "written as first met, trimmed; none and empty alike"
    );
    assert_eq!(
        loss_reasons(&board, Period::Quarter(2026, 3)),
        [("Timing".to_string(), 1)]
    );
    assert!(loss_reasons(&board, Period::Quarter(2026, 1)).is_empty());
}
