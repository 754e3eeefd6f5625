//! A deal's stays in each stage, for its dialog (`domain::stays`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::board::{DealFields, DealId, PresetStage, StageId};
use dealboard::domain::command::Command;
use dealboard::domain::date::day_of;
use dealboard::domain::stays::stays;
use dealboard::i18n::Lang;

const DAY: i64 = 86_400_000;

fn id(s: &str) -> StageId {
    StageId(s.into())
}

#[test]
fn a_deal_moved_on_lists_each_stage_with_its_day_and_days() {
    let mut board = Lang::En.sample_board(NOW);
    let created = NOW - 20 * DAY;
    let deal = DealId("d".into());
    let fields = DealFields {
        title: "Path".into(),
        ..DealFields::default()
    };
    let add = Command::AddDeal {
        id: deal.clone(),
        stage: PresetStage::Lead.id(),
        fields,
    };
    board.apply(add, created).unwrap();
    // Qualified after 5 days, Demo the same day, back to Qualified 3 days later.
    for (to, at) in [("qualified", 5), ("demo", 5), ("qualified", 8)] {
        let cmd = Command::MoveDeal {
            id: deal.clone(),
            to: id(to),
            index: 0,
            loss_reason: None,
        };
        board.apply(cmd, created + at * DAY + 3_600_000).unwrap();
    }
    let today = day_of(NOW);
    let got: Vec<(StageId, i64, i64, bool)> = stays(board.deal(&deal).unwrap(), today)
        .into_iter()
        .map(|s| {
            (
                s.stage,
                s.entered.days_since(day_of(created)),
                s.days,
                s.current,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (id("lead"), 0, 5, false),
            (id("qualified"), 5, 0, false),
            (id("demo"), 5, 3, false),
            (id("qualified"), 8, 12, true),
        ]
    );
}

#[test]
fn every_sample_deal_ends_in_its_own_stage_since_its_last_move() {
    let board = Lang::En.sample_board(NOW);
    let today = day_of(NOW);
    for deal in &board.deals {
        let path = stays(deal, today);
        let last = path.last().unwrap();
        assert_eq!(
            (&last.stage, last.current),
            (&deal.stage, true),
            "{}",
            deal.title
        );
        assert_eq!(last.entered, day_of(deal.stage_entered), "{}", deal.title);
        assert_eq!(path[0].stage, PresetStage::Lead.id(), "{}", deal.title);
        let total: i64 = path.iter().map(|s| s.days).sum();
        assert_eq!(
            total,
            today.days_since(day_of(deal.created)),
            "{}",
            deal.title
        );
        assert!(path[..path.len() - 1].iter().all(|s| !s.current));
    }
}
