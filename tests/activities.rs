//! Steps done on a deal (its activity log) and the customer's rating: logged with the deal's
//! fields (and undone with them), kept by snapshots and the stored form, named when a file
//! gets them wrong, keeping a deal from going idle, and counted by the reps' scorecard.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{acme_and_globex, add, empty_board, fields, row_lengths, stored_rows, NOW};
use dealboard::domain::alerts::deal_alerts;
use dealboard::domain::board::{
    Activity, Board, DealId, DealStatus, PresetStage, Rating, StepKind,
};
use dealboard::domain::command::Command;
use dealboard::domain::date::{day_of, Date};
use dealboard::domain::history::{fingerprint, History};
use dealboard::domain::scorecard::scorecard;
use dealboard::domain::targets::Period;
use dealboard::io::{snapshot, store};

const DAY: i64 = 86_400_000;

fn today() -> Date {
    day_of(NOW)
}

fn done(kind: StepKind, days_ago: i64, note: &str, rating: Option<u8>) -> Activity {
    Activity {
        kind,
        done: today().add_days(-days_ago).unwrap(),
        note: note.into(),
        rating: rating.map(|r| Rating::new(r).unwrap()),
    }
}

/// Lead holds "a" (Alice's, two steps done, one rated) and "b" (Ben's, none).
fn board_with_activities() -> Board {
    acme_and_globex(|f| {
        f.owner = "Alice".into();
        f.activities = vec![
            done(StepKind::Call, 5, "Asked about \"budget\"", None),
            done(StepKind::FollowUp, 1, "", Some(4)),
        ];
    })
}

#[test]
fn ratings_are_one_to_five_only() {
    assert_eq!(Rating::new(0), None);
    assert_eq!(Rating::new(1).map(Rating::get), Some(1));
    assert_eq!(Rating::new(5).map(Rating::get), Some(5));
    assert_eq!(Rating::new(6), None);
}

#[test]
fn steps_done_are_fields_of_the_deal_and_undo_takes_them_back() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 100);
    let before = fingerprint(&board.deals[0]);
    let mut history = History::default();
    let mut f = fields("Acme renewal", 100);
    f.activities = vec![done(StepKind::Demo, 0, "Showed the dashboards", Some(5))];
    let edit = Command::EditDeal {
        id: DealId("a".into()),
        fields: f.clone(),
    };
    history.record(board.apply_recorded(edit, NOW).unwrap().1);
    assert_eq!(board.deals[0].activities, f.activities);
    assert_eq!(
        board.deals[0].fields().activities,
        f.activities,
        "the dialog shows them"
    );
    assert_eq!(board.deals[0].last_activity(), Some(today()));
    assert_ne!(
        fingerprint(&board.deals[0]),
        before,
        "a step done is content"
    );
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert!(board.deals[0].activities.is_empty());
    assert_eq!(board.deals[0].last_activity(), None);
}

#[test]
fn snapshots_and_storage_keep_steps_done_and_rows_without_are_as_before() {
    let board = board_with_activities();
    let text = snapshot::encode(&board, NOW);
    assert!(
        text.contains(r#""activities":[{"kind":"call","done":"2026-11-25","note":"Asked about \"budget\""},{"kind":"follow_up","done":"2026-11-29","note":"","rating":4}]"#),
        "{text}"
    );
    let restored = snapshot::restore(&text).unwrap().board;
    assert_eq!(restored.deals[0].activities, board.deals[0].activities);
    assert!(restored.deals[1].activities.is_empty());
    assert!(
        !text.contains(r#""checked""#) && !text.contains(r#""next_step""#),
        "members the deals do not have are left out"
    );

    // The deal with steps done has 25 values (no next step: null; no criteria: []); the other
    // row is as builds before wrote it.
    let rows = stored_rows(&board);
    assert_eq!(row_lengths(&rows), [25, 22]);
    assert_eq!(rows[0][22], serde_json::Value::Null);
    assert_eq!(rows[0][23], serde_json::json!([]));
    assert_eq!(rows[0][24][1][3], serde_json::json!(4), "the rating");
    assert_eq!(rows[0][24][0][3], serde_json::Value::Null, "not rated");
}

#[test]
fn a_wrong_step_done_in_a_snapshot_is_named() {
    let text = snapshot::encode(&board_with_activities(), NOW);
    let cases = [
        (
            r#""rating":4"#,
            r#""rating":7"#,
            "deals[0].activities[1].rating: expected a whole number from 1 to 5, found 7",
        ),
        (
            r#""rating":4"#,
            r#""rating":0"#,
            "deals[0].activities[1].rating: expected a whole number from 1 to 5, found 0",
        ),
        (
            r#""rating":4"#,
            r#""rating":"good""#,
            "deals[0].activities[1].rating",
        ),
        (
            r#""done":"2026-11-25","#,
            "",
            "deals[0].activities[0]: missing field `done`",
        ),
        (
            r#""kind":"call""#,
            r#""kind":"lunch""#,
            "deals[0].activities[0].kind",
        ),
        (
            r#""done":"2026-11-29""#,
            r#""done":"yesterday""#,
            "deals[0].activities[1].done",
        ),
    ];
    for (from, to, place) in cases {
        assert!(text.contains(from), "{from} in {text}");
        let bad = text.replacen(from, to, 1);
        let err = snapshot::restore(&bad).unwrap_err().to_string();
        assert!(err.contains(place), "{place} in {err}");
    }
    let no_rating = text.replacen(r#","rating":4"#, r#","rating":null"#, 1);
    let board = snapshot::restore(&no_rating).unwrap().board;
    assert_eq!(
        board.deals[0].activities[1].rating, None,
        "null is no rating"
    );
}

#[test]
fn a_wrong_step_done_in_storage_is_named() {
    let stored = store::encode(&board_with_activities(), NOW);
    let json: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let row = json["board"]["deals"][0].to_string();
    let bad_rating = row.replacen(",4]]", ",9]]", 1);
    assert_ne!(bad_rating, row);
    let err = store::decode(&stored.replacen(&row, &bad_rating, 1)).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected a whole number from 1 to 5, found 9"),
        "{err}"
    );
    // A kind that is not one is the row's problem, named; nothing is read as another kind.
    let bad_kind = row.replacen("[[0,", "[[9,", 1);
    assert_ne!(bad_kind, row);
    let err = store::decode(&stored.replacen(&row, &bad_kind, 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "deals[0].activities: not a kind of step",
        "{err:?}"
    );
}

#[test]
fn a_step_done_keeps_a_deal_from_going_idle() {
    let mut board = board_with_activities();
    board.stages[0].idle_days = Some(7);
    let stage = board.stages[0].clone();
    board.deals.edit(0, |d| d.stage_entered = NOW - 30 * DAY);
    board.deals.edit(1, |d| d.stage_entered = NOW - 30 * DAY);
    let idle = |board: &Board, at: usize| deal_alerts(&board.deals[at], &stage, today()).idle_days;
    assert_eq!(idle(&board, 0), None, "a follow-up yesterday");
    assert_eq!(idle(&board, 1), Some(30), "nothing done in 30 days");
    board.deals.edit(0, |d| d.activities.truncate(1));
    assert_eq!(idle(&board, 0), None, "a call 5 days ago, under 7");
    board
        .deals
        .edit(0, |d| d.activities[0].done = today().add_days(-9).unwrap());
    assert_eq!(idle(&board, 0), Some(9), "counted from the last step done");
    board
        .deals
        .edit(0, |d| d.activities[0].done = today().add_days(-40).unwrap());
    assert_eq!(
        idle(&board, 0),
        Some(30),
        "a step before the deal entered its stage"
    );
}

#[test]
fn the_scorecard_counts_steps_done_and_the_customers_ratings_in_the_period() {
    let mut board = board_with_activities();
    // Ben's deal was won last year; its after-sales visits count in the period they were done.
    board.deals.edit(1, |d| {
        d.owner = "Ben".into();
        d.status = DealStatus::Won;
        d.won_at = Some(NOW - 400 * DAY);
        d.activities = vec![
            done(StepKind::FollowUp, 3, "", Some(5)),
            done(StepKind::Complaint, 2, "Late delivery", Some(4)),
            done(StepKind::FollowUp, 200, "Last year's visit", Some(1)),
        ];
    });
    let (reps, team) = scorecard(&board, Period::Quarter(2026, 4), today());
    let row = |name: &str| reps.iter().find(|r| r.owner == name).unwrap();
    assert_eq!((row("Alice").activities, row("Alice").rated), (2, 1));
    assert_eq!(row("Alice").satisfaction_tenths(), Some(40));
    assert_eq!((row("Ben").activities, row("Ben").rated), (2, 2));
    assert_eq!(row("Ben").satisfaction_tenths(), Some(45));
    assert_eq!(row("Ben").won, 0, "won last year: not this quarter's win");
    assert_eq!((team.activities, team.rated), (4, 3));
    assert_eq!(
        team.satisfaction_tenths(),
        Some(43),
        "(4 + 5 + 4) / 3 = 4.33"
    );
    // Other periods: the year holds the visit of May too.
    let (_, team) = scorecard(&board, Period::Year(2026), today());
    assert_eq!((team.activities, team.satisfaction_tenths()), (5, Some(35)));
    let (reps, _) = scorecard(&board, Period::Quarter(2026, 2), today());
    let ben = reps.iter().find(|r| r.owner == "Ben").unwrap();
    assert_eq!((ben.activities, ben.satisfaction_tenths()), (1, Some(10)));
    let alice = reps.iter().find(|r| r.owner == "Alice").unwrap();
    assert_eq!(
        (alice.open, alice.activities, alice.satisfaction_tenths()),
        (1, 0, None),
        "an open deal is listed whatever the period; its steps were done in Q4"
    );
}

#[test]
fn the_card_menus_next_step_done_logs_the_step_without_a_rating_and_clears_it() {
    let mut f = fields("Acme renewal", 100);
    assert!(!f.next_step_done(today()), "no next step: nothing to log");
    f.activities = vec![done(StepKind::Call, 3, "", None)];
    f.next_step = Some(dealboard::domain::board::NextStep {
        kind: StepKind::Demo,
        due: today().add_days(2).unwrap(),
        note: "Show the reports".into(),
    });
    assert!(f.next_step_done(today()));
    assert_eq!(f.next_step, None);
    assert_eq!(
        f.activities.last(),
        Some(&done(StepKind::Demo, 0, "Show the reports", None)),
        "done today, whatever its due date"
    );
    assert_eq!(f.activities.len(), 2);
}
