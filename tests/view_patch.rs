//! The board view patched for the deals each change touched equals the view computed from
//! the whole board, whatever the sequence of changes and the filter.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{empty_board, NOW};
use dealboard::domain::board::{Board, DealFields, DealId};
use dealboard::domain::columns::{board_view, BoardView};
use dealboard::domain::command::Command;
use dealboard::domain::date::{day_of, Date};
use dealboard::domain::filter::{DealFilter, FilterField};
use dealboard::domain::history::History;
use dealboard::domain::money::Currency;
use dealboard::domain::view_patch::PendingChanges;
use proptest::prelude::*;

const OWNERS: [&str; 3] = ["Alice Chen", "Ben Ito", ""];

/// Turns generated numbers into a deal command (it may be refused).
fn command(board: &Board, op: u8, a: usize, b: usize, n: usize) -> Option<Command> {
    let deal = |i: usize| {
        board
            .deals
            .get(i % board.deals.len().max(1))
            .map(|d| d.id.clone())
            .unwrap_or(DealId("none".into()))
    };
    let stage = |i: usize| board.stages[i % board.stages.len()].id.clone();
    let fields = |title: String| DealFields {
        title,
        value: (b * 100) as i64,
        currency: Currency::parse(if b.is_multiple_of(3) { "EUR" } else { "USD" }).unwrap(),
        owner: OWNERS[a % 3].into(),
        region: OWNERS[b % 3].into(),
        // Past the day the alert filters look at: those deals are off track while open.
        close_date: b.is_multiple_of(5).then(|| day_of(NOW)),
        ..DealFields::default()
    };
    Some(match op % 8 {
        0 | 1 => Command::AddDeal {
            id: DealId(format!("new-{n}")),
            stage: stage(a),
            fields: fields(format!("Acme {n}")),
        },
        2 => Command::EditDeal {
            id: deal(a),
            fields: fields(format!("Globex {n}")),
        },
        3 => Command::DeleteDeal { id: deal(a) },
        4..=6 => Command::MoveDeal {
            id: deal(a),
            to: stage(b),
            index: if b.is_multiple_of(4) {
                usize::MAX
            } else {
                b % 3
            },
            loss_reason: None,
        },
        _ => return None, // undo or redo
    })
}

/// The view without the position hints, which a patch may leave stale.
fn shown(view: &BoardView) -> BoardView {
    let mut view = view.clone();
    for card in view.columns.iter_mut().flat_map(|c| &mut c.cards) {
        card.index = 0;
    }
    view
}

/// Ten days after the deals are made: past their close dates, and idle where a stage
/// allows fewer days.
fn later() -> Date {
    day_of(NOW).add_days(10).unwrap()
}

/// The default stages, two of them with an idle threshold, so a move can make a deal off
/// track or bring it back.
fn board_with_thresholds() -> Board {
    let mut board = empty_board();
    board.stages[0].idle_days = Some(5);
    board.stages[2].idle_days = Some(30);
    board.stages[3].idle_days = Some(7);
    board
}

fn filters() -> [DealFilter; 5] {
    [
        DealFilter {
            today: later(),
            ..DealFilter::default()
        },
        DealFilter {
            off_track: true,
            today: later(),
            ..DealFilter::default()
        },
        DealFilter::default(),
        DealFilter {
            query: "acme".into(),
            ..DealFilter::default()
        },
        DealFilter {
            owner: Some("Alice Chen".into()),
            ..DealFilter::default()
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn a_patched_view_equals_a_recomputed_one(
        ops in proptest::collection::vec((0u8..16, 0usize..40, 0usize..40), 1..60)
    ) {
        for filter in filters() {
            let mut board = board_with_thresholds();
            let mut history = History::default();
            let mut view = board_view(&board, &filter);
            for (n, &(op, a, b)) in ops.iter().enumerate() {
                let now = NOW + n as i64;
                let mut pending = PendingChanges::none();
                match command(&board, op, a, b, n) {
                    Some(cmd) => {
                        if let Ok((_, step)) = board.apply_recorded(cmd, now) {
                            pending.record(&step);
                            history.record(step);
                        }
                    }
                    None => {
                        let undo = op % 2 == 0;
                        let done = if undo {
                            history.undo(&mut board, now)
                        } else {
                            history.redo(&mut board, now)
                        };
                        if let Some(Ok(_)) = done {
                            let step = if undo { history.last_redo() } else { history.last_undo() };
                            pending.record(step.expect("the step just applied"));
                        }
                    }
                }
                let PendingChanges::Known(changes) = pending else {
                    panic!("deal commands are known changes");
                };
                prop_assert!(view.apply_changes(&board, &filter, &changes));
                prop_assert_eq!(shown(&view), shown(&board_view(&board, &filter)));
            }
        }
    }
}

#[test]
fn facets_list_every_value_once_and_drop_a_value_with_its_last_deal() {
    let mut board = empty_board();
    let mut view = board_view(&board, &DealFilter::default());
    let mut pending = PendingChanges::none();
    for (n, op) in [(0, 0u8), (1, 0), (2, 3)] {
        let cmd = command(&board, op, n, 1, n).unwrap();
        let (_, step) = board.apply_recorded(cmd, NOW).unwrap();
        pending.record(&step);
    }
    let PendingChanges::Known(changes) = pending else {
        panic!("deal commands are known changes")
    };
    assert!(view.apply_changes(&board, &DealFilter::default(), &changes));
    let owners: Vec<&str> = view.facets.values(FilterField::Owner).collect();
    assert_eq!(owners, ["Ben Ito"], "Alice's only deal was deleted");
}

#[test]
fn stage_changes_make_the_changes_unknown() {
    let mut board = empty_board();
    let mut pending = PendingChanges::none();
    let id = board.stages[0].id.clone();
    let cmd = Command::RenameStage {
        id,
        name: "Inbox".into(),
    };
    let (_, step) = board.apply_recorded(cmd, NOW).unwrap();
    pending.record(&step);
    assert_eq!(pending, PendingChanges::Unknown);
}
