//! The stage order the deals keep (`domain::deals`) always says what a pass over the deals
//! says: after moves, adds, edits, deletions, undos, renumbering and direct changes to the
//! deal list, in any mix.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{fields, NOW};
use dealboard::domain::board::{Board, DealId, PresetStage, StageId};
use dealboard::domain::command::Command;
use dealboard::domain::history::History;
use dealboard::domain::ordering::{index_before, position_of};
use proptest::prelude::*;

/// What the order must say, from a pass: each stage's ids in display order.
fn by_pass(board: &Board, stage: &StageId) -> Vec<String> {
    board
        .deals_in(stage)
        .iter()
        .map(|d| d.id.0.clone())
        .collect()
}

fn check(board: &Board) {
    for stage in &board.stages {
        let expected = by_pass(board, &stage.id);
        let kept: Vec<String> = board
            .deals
            .order()
            .stage(&stage.id)
            .iter()
            .map(|s| s.id.0.clone())
            .collect();
        assert_eq!(kept, expected, "order of {}", stage.id.0);
        for (index, id) in expected.iter().enumerate() {
            let at = position_of(board, &DealId(id.clone()));
            assert_eq!(at, Some((stage.id.clone(), index, expected.len())), "{id}");
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Add(u8),
    Move {
        deal: u8,
        stage: u8,
        index: u8,
    },
    Edit(u8),
    Delete(u8),
    Undo,
    Redo,
    /// Straight through the list, as tests and merges do.
    SetRank {
        deal: u8,
        rank: i16,
    },
    Swap(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => any::<u8>().prop_map(Op::Add),
        6 => (any::<u8>(), 0u8..8, any::<u8>()).prop_map(|(deal, stage, index)| Op::Move {
            deal,
            stage,
            index: index % 12
        }),
        1 => any::<u8>().prop_map(Op::Edit),
        1 => any::<u8>().prop_map(Op::Delete),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => (any::<u8>(), any::<i16>()).prop_map(|(deal, rank)| Op::SetRank { deal, rank }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::Swap(a, b)),
    ]
}

fn nth_id(board: &Board, n: u8) -> Option<DealId> {
    let len = board.deals.len();
    (len > 0).then(|| board.deals[n as usize % len].id.clone())
}

fn run(ops: Vec<Op>) {
    let mut board = common::empty_board();
    let mut history = History::default();
    let stages: Vec<StageId> = board.stages.iter().map(|s| s.id.clone()).collect();
    let mut next = 0;
    for (step, op) in ops.into_iter().enumerate() {
        let now = NOW + step as i64;
        let cmd = match op {
            Op::Add(stage) => {
                next += 1;
                Some(Command::AddDeal {
                    id: DealId(format!("d{next}")),
                    stage: stages[stage as usize % stages.len()].clone(),
                    fields: fields("Deal", 100),
                })
            }
            Op::Move { deal, stage, index } => nth_id(&board, deal).map(|id| Command::MoveDeal {
                id,
                to: stages[stage as usize % stages.len()].clone(),
                index: index as usize,
                loss_reason: None,
            }),
            Op::Edit(deal) => nth_id(&board, deal).map(|id| Command::EditDeal {
                id,
                fields: fields("Edited", 5),
            }),
            Op::Delete(deal) => nth_id(&board, deal).map(|id| Command::DeleteDeal { id }),
            Op::Undo => {
                let _ = history.undo(&mut board, now);
                None
            }
            Op::Redo => {
                let _ = history.redo(&mut board, now);
                None
            }
            Op::SetRank { deal, rank } => {
                if !board.deals.is_empty() {
                    let at = deal as usize % board.deals.len();
                    board.deals[at].rank = rank as f64;
                }
                None
            }
            Op::Swap(a, b) => {
                let len = board.deals.len();
                if len > 0 {
                    board.deals.swap(a as usize % len, b as usize % len);
                }
                None
            }
        };
        if let Some(cmd) = cmd {
            if let Ok((_, step)) = board.apply_recorded(cmd, now) {
                history.record(step);
            }
        }
        check(&board);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_kept_order_is_what_a_pass_finds(ops in prop::collection::vec(op(), 1..80)) {
        run(ops);
    }
}

#[test]
fn moves_to_one_spot_renumber_and_stay_in_order() {
    let mut board = common::empty_board();
    let lead = PresetStage::Lead.id();
    for i in 0..3 {
        common::add(&mut board, &format!("d{i}"), PresetStage::Lead, "Deal", 1);
    }
    // Always between the first two: the gap halves each time until the stage is renumbered.
    for i in 0..80 {
        let id = DealId(format!("d{}", 2 - i % 2));
        let cmd = Command::MoveDeal {
            id,
            to: lead.clone(),
            index: 1,
            loss_reason: None,
        };
        board.apply(cmd, NOW + i).unwrap();
        check(&board);
    }
    let moving = DealId("d0".into());
    let before = board.deals_in(&lead)[2].id.clone();
    assert_eq!(index_before(&board, &lead, &before, &moving), Some(1));
}
