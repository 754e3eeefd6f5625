//! The next steps across the board, soonest first, per rep or for the team.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, NOW};
use dealboard::domain::agenda::agenda;
use dealboard::domain::board::{DealStatus, NextStep, PresetStage, StepKind};
use dealboard::domain::date::{day_of, Date};

fn today() -> Date {
    day_of(NOW)
}

#[test]
fn next_steps_are_listed_soonest_first_for_open_and_won_deals_of_the_rep() {
    let mut board = empty_board();
    let deals = [
        ("a", "Acme renewal", "Alice Chen", Some(3), DealStatus::Open),
        ("b", "Globex pilot", "Ben", Some(-2), DealStatus::Open),
        ("c", "Initech", "alice chen ", Some(0), DealStatus::Won),
        ("d", "Hooli", "Alice Chen", Some(-1), DealStatus::Lost),
        ("e", "Umbrella", "Alice Chen", None, DealStatus::Open),
        ("f", "Aardvark", "Ben", Some(3), DealStatus::Open),
    ];
    for (i, (id, title, owner, due, status)) in deals.into_iter().enumerate() {
        add(&mut board, id, PresetStage::Lead, title, 100);
        board.deals.edit(i, |d| {
            d.owner = owner.into();
            d.status = status;
            d.next_step = due.map(|days| NextStep {
                kind: StepKind::Call,
                due: today().add_days(days).unwrap(),
                note: String::new(),
            });
        });
    }
    let listed = |owner| {
        agenda(&board, owner, today())
            .into_iter()
            .map(|i| (i.deal.0, i.in_days))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        listed(None),
        [
            ("b".to_string(), -2),
            ("c".to_string(), 0),
            ("f".to_string(), 3),
            ("a".to_string(), 3),
        ],
        "overdue first; a won deal's follow-up; no lost deal; same day by title"
    );
    assert_eq!(
        listed(Some("Alice Chen")),
        [("c".to_string(), 0), ("a".to_string(), 3)],
        "her deals, however the owner is written"
    );
    assert!(listed(Some("Nobody")).is_empty());
}
