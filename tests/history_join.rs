//! Two steps joined into one (`Step::then`, `History::join_last_two`): the deal dialog's Save
//! that edits a deal and moves it to another stage is one undo.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{visible, NOW};
use dealboard::domain::board::DealStatus;
use dealboard::domain::command::Command;
use dealboard::domain::history::History;
use dealboard::i18n::Lang;

#[test]
fn an_edit_and_a_move_joined_undo_and_redo_together() {
    let start = Lang::En.sample_board(NOW);
    let stages: Vec<_> = start.stages.iter().map(|s| s.id.clone()).collect();
    for (i, deal) in start.deals.iter().enumerate() {
        let to = stages[i % stages.len()].clone();
        let mut board = start.clone();
        let mut history = History::default();
        // An earlier step stays apart.
        let title = Command::EditDeal {
            id: start.deals[0].id.clone(),
            fields: start.deals[0].fields(),
        };
        let (_, step) = board.apply_recorded(title, NOW + 1).unwrap();
        history.record(step);
        let before = visible(&board);

        let mut fields = deal.fields();
        fields.value += 100;
        fields.loss_reason = Some("Price".into());
        let edit = Command::EditDeal {
            id: deal.id.clone(),
            fields,
        };
        let (_, step) = board.apply_recorded(edit, NOW + 2).unwrap();
        history.record(step);
        let loss_reason = Some("Price".into());
        let to_kind = board.stage(&to).unwrap().kind;
        let moved = Command::MoveDeal {
            id: deal.id.clone(),
            to: to.clone(),
            index: usize::MAX,
            loss_reason,
        };
        let (_, step) = board.apply_recorded(moved, NOW + 3).unwrap();
        history.record(step);
        history.join_last_two();
        let after = visible(&board);
        let now = board.deal(&deal.id).unwrap();
        assert_eq!(
            (&now.stage, now.value),
            (&to, deal.value + 100),
            "{}",
            deal.title
        );
        if to_kind == dealboard::domain::board::StageKind::Lost {
            assert_eq!(now.status, DealStatus::Lost);
            assert_eq!(now.loss_reason.as_deref(), Some("Price"));
        }

        history.undo(&mut board, NOW + 4).unwrap().unwrap();
        assert_eq!(
            visible(&board),
            before,
            "one undo takes both back: {}",
            deal.title
        );
        assert!(history.can_undo(), "the earlier step is still there");
        history.redo(&mut board, NOW + 5).unwrap().unwrap();
        assert_eq!(
            visible(&board),
            after,
            "one redo makes both again: {}",
            deal.title
        );
        history.undo(&mut board, NOW + 6).unwrap().unwrap();
        history.undo(&mut board, NOW + 7).unwrap().unwrap();
        assert!(!history.can_undo());
    }
}

#[test]
fn fewer_than_two_steps_are_left_as_they_are() {
    let mut board = Lang::En.sample_board(NOW);
    let mut history = History::default();
    history.join_last_two();
    assert!(!history.can_undo());
    let deal = board.deals[0].clone();
    let edit = Command::EditDeal {
        id: deal.id.clone(),
        fields: deal.fields(),
    };
    let (_, step) = board.apply_recorded(edit, NOW + 1).unwrap();
    history.record(step);
    history.join_last_two();
    history.undo(&mut board, NOW + 2).unwrap().unwrap();
    assert!(!history.can_undo());
}
