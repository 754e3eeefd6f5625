//! A deal's next step: set with the deal's fields (and undone with them), kept by snapshots and
//! the stored form, named when a file gets it wrong, and an alert once it is overdue.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{acme_and_globex, add, empty_board, fields, row_lengths, stored_rows, NOW};
use dealboard::domain::alerts::deal_alerts;
use dealboard::domain::board::{Board, DealId, DealStatus, NextStep, PresetStage, StepKind};
use dealboard::domain::command::Command;
use dealboard::domain::date::{day_of, Date};
use dealboard::domain::history::History;
use dealboard::io::snapshot;

fn today() -> Date {
    day_of(NOW)
}

fn step(kind: StepKind, days_from_today: i64, note: &str) -> NextStep {
    NextStep {
        kind,
        due: today().add_days(days_from_today).unwrap(),
        note: note.into(),
    }
}

/// Lead holds "a" with a next step and "b" without.
fn board_with_steps() -> Board {
    acme_and_globex(|f| {
        f.next_step = Some(step(
            StepKind::FollowUp,
            3,
            r#"Bring the "revised" quote, \ signed"#,
        ))
    })
}

#[test]
fn a_next_step_is_a_field_of_the_deal_and_undo_takes_it_back() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 100);
    let mut history = History::default();
    let mut f = fields("Acme renewal", 100);
    f.next_step = Some(step(StepKind::Call, 1, "Ask about budget"));
    let edit = Command::EditDeal {
        id: DealId("a".into()),
        fields: f.clone(),
    };
    history.record(board.apply_recorded(edit, NOW).unwrap().1);
    assert_eq!(board.deals[0].next_step, f.next_step);
    assert_eq!(
        board.deals[0].fields().next_step,
        f.next_step,
        "the dialog shows it"
    );
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert_eq!(board.deals[0].next_step, None);
}

#[test]
fn snapshots_and_storage_keep_next_steps_and_rows_without_one_are_as_before() {
    let board = board_with_steps();
    let text = snapshot::encode(&board, NOW);
    assert!(
        text.contains(r#""next_step":{"kind":"follow_up","due":"#),
        "{text}"
    );
    let restored = snapshot::restore(&text).unwrap().board;
    assert_eq!(restored.deals[0].next_step, board.deals[0].next_step);
    assert_eq!(restored.deals[1].next_step, None);

    // Only the deal with a step has a 23rd value: the other's row is as builds before wrote it.
    assert_eq!(row_lengths(&stored_rows(&board)), [23, 22]);
}

#[test]
fn a_wrong_next_step_in_a_file_is_named() {
    let board = board_with_steps();
    let text = snapshot::encode(&board, NOW);
    let cases = [
        (
            r#""kind":"follow_up""#,
            r#""kind":"lunch""#,
            "deals[0].next_step.kind",
        ),
        (
            r#""kind":"follow_up","#,
            "",
            "deals[0].next_step: missing field `kind`",
        ),
        (
            r#""due":""#,
            r#""due":"soon","x":""#,
            "deals[0].next_step.due",
        ),
    ];
    for (from, to, place) in cases {
        assert!(text.contains(from), "{from} in {text}");
        let bad = text.replacen(from, to, 1);
        let err = snapshot::restore(&bad).unwrap_err().to_string();
        assert!(err.contains(place), "{place} in {err}");
    }
}

#[test]
fn an_overdue_next_step_is_an_alert_on_open_and_won_deals() {
    let mut board = board_with_steps();
    let alerts = |board: &Board| deal_alerts(&board.deals[0], &board.stages[0], today());
    assert_eq!(alerts(&board).step_overdue_days, None, "due in three days");
    board
        .deals
        .edit(0, |d| d.next_step = Some(step(StepKind::Call, 0, "")));
    assert_eq!(
        alerts(&board).step_overdue_days,
        None,
        "due today is not late"
    );
    board
        .deals
        .edit(0, |d| d.next_step = Some(step(StepKind::Call, -4, "")));
    assert_eq!(alerts(&board).step_overdue_days, Some(4));
    assert!(alerts(&board).any());
    board.deals.edit(0, |d| {
        d.status = DealStatus::Won;
        d.close_date = today().add_days(-30);
    });
    let won = alerts(&board);
    assert_eq!(
        won.step_overdue_days,
        Some(4),
        "an after-sales follow-up is still to do"
    );
    assert_eq!(
        (won.idle_days, won.overdue_days),
        (None, None),
        "the sale itself is done"
    );
    board.deals.edit(0, |d| d.status = DealStatus::Lost);
    assert!(!alerts(&board).any(), "a lost deal has nothing left to do");
}
