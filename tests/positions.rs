//! Finding a deal by id through the board's position cache gives what a scan gives, also
//! after deletions, undos and direct edits of the deal list moved deals along.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, NOW};
use dealboard::domain::board::{Board, DealId, PresetStage};
use dealboard::domain::command::Command;

fn scan(board: &Board, id: &str) -> Option<usize> {
    board.deals.iter().position(|d| d.id.0 == id)
}

fn check(board: &Board, ids: &[&str]) {
    for id in ids {
        assert_eq!(
            board.deal_position(&DealId((*id).into())),
            scan(board, id),
            "{id}"
        );
    }
}

#[test]
fn lookups_follow_every_change_of_the_deal_list() {
    let ids = ["a", "b", "c", "d", "e"];
    let mut board = empty_board();
    for id in ids {
        add(&mut board, id, PresetStage::Lead, id, 1);
    }
    check(&board, &ids);
    board
        .apply(
            Command::DeleteDeal {
                id: DealId("b".into()),
            },
            NOW,
        )
        .unwrap();
    check(&board, &ids);
    // Edited from outside the board's methods, as merges and undo do.
    let c = board.deals.remove(1);
    board.deals.push(c);
    check(&board, &ids);
    board.deals.reverse();
    check(&board, &ids);
    let copy = board.clone();
    check(&copy, &ids);
    board.deals.clear();
    check(&board, &ids);
}
