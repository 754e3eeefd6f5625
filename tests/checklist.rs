//! Stages' exit criteria and the criteria ticked on each deal: the command, undo, and both
//! file forms (the stored row's optional values after the 22 every row has).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, fields, stored_rows, NOW};
use dealboard::domain::board::{Board, DealId, NextStep, PresetStage, StageId, StepKind};
use dealboard::domain::command::Command;
use dealboard::domain::date::day_of;
use dealboard::domain::history::History;
use dealboard::io::snapshot;

fn set_checklist(board: &mut Board, history: &mut History, items: &[&str]) {
    let cmd = Command::SetStageChecklist {
        id: StageId("qualified".into()),
        items: items.iter().map(|i| i.to_string()).collect(),
    };
    history.record(board.apply_recorded(cmd, NOW).unwrap().1);
}

fn qualified(board: &Board) -> &[String] {
    &board.stage(&StageId("qualified".into())).unwrap().checklist
}

#[test]
fn a_checklist_is_trimmed_without_blanks_or_repeats_and_undone() {
    let mut board = empty_board();
    let mut history = History::default();
    set_checklist(
        &mut board,
        &mut history,
        &[
            " Budget confirmed ",
            "",
            "Decision maker known",
            "Budget confirmed",
        ],
    );
    assert_eq!(
        qualified(&board),
        ["Budget confirmed", "Decision maker known"]
    );
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert!(qualified(&board).is_empty());
}

/// Qualified has two criteria; "a" ticked one of them, "b" ticked one and has a next step,
/// "c" has neither.
fn board_with_ticks() -> Board {
    let mut board = empty_board();
    let mut history = History::default();
    set_checklist(
        &mut board,
        &mut history,
        &["Budget confirmed", "Decision maker known"],
    );
    for id in ["a", "b", "c"] {
        add(&mut board, id, PresetStage::Qualified, id, 100);
    }
    let tick = |id: &str, next_step: Option<NextStep>| {
        let mut f = fields(id, 100);
        f.checked = vec!["Decision maker known".into()];
        f.next_step = next_step;
        Command::EditDeal {
            id: DealId(id.into()),
            fields: f,
        }
    };
    let step = NextStep {
        kind: StepKind::Demo,
        due: day_of(NOW),
        note: "Demo to the CFO".into(),
    };
    board.apply(tick("a", None), NOW).unwrap();
    board.apply(tick("b", Some(step)), NOW).unwrap();
    board
}

#[test]
fn ticks_and_checklists_survive_snapshots_and_storage() {
    let board = board_with_ticks();
    let text = snapshot::encode(&board, NOW);
    assert!(text.contains(r#""checklist":["Budget confirmed","Decision maker known"]"#));
    assert!(text.contains(r#""checked":["Decision maker known"]"#));
    let restored = snapshot::restore(&text).unwrap().board;
    assert_eq!(restored.stages, board.stages);
    assert_eq!(
        restored.deals.iter().collect::<Vec<_>>(),
        board.deals.iter().collect::<Vec<_>>()
    );

    // a: a null where the next step would be, then its ticks; b: both; c: the 22 of old.
    let rows = stored_rows(&board);
    let shape: Vec<(usize, bool)> = rows
        .iter()
        .map(|r| {
            (
                r.as_array().unwrap().len(),
                r.get(22).is_some_and(|v| v.is_null()),
            )
        })
        .collect();
    assert_eq!(shape, [(24, true), (24, false), (22, false)]);
}

#[test]
fn files_from_before_checklists_read_with_none() {
    let board = board_with_ticks();
    let text = snapshot::encode(&board, NOW)
        .replace(
            r#","checklist":["Budget confirmed","Decision maker known"]"#,
            "",
        )
        .replace(r#","checked":["Decision maker known"]"#, "");
    let restored = snapshot::restore(&text).unwrap().board;
    assert!(restored.stages.iter().all(|s| s.checklist.is_empty()));
    assert!(restored.deals.iter().all(|d| d.checked.is_empty()));
}
