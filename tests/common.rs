//! Shared test helpers for native tests.
#![allow(dead_code)]

use dealboard::domain::board::{Board, DealFields, DealId, PresetStage, StageId};
use dealboard::domain::command::Command;
use dealboard::domain::money::Currency;
use dealboard::i18n::Lang;

/// A fixed "now": 2026-11-30 12:00 UTC.
pub const NOW: i64 = 1_796_040_000_000;

/// The default stages in English, no deals.
pub fn empty_board() -> Board {
    Board::with_default_stages(|p| Lang::En.stage_name(p))
}

/// Fields of a USD deal worth `cents`.
pub fn fields(title: &str, cents: i64) -> DealFields {
    DealFields {
        title: title.into(),
        value: cents,
        currency: Currency::parse("USD").unwrap(),
        ..DealFields::default()
    }
}

/// Adds a deal to a preset stage.
pub fn add(board: &mut Board, id: &str, stage: PresetStage, title: &str, cents: i64) {
    let cmd = Command::AddDeal {
        id: DealId(id.into()),
        stage: stage.id(),
        fields: fields(title, cents),
    };
    board.apply(cmd, NOW).unwrap();
}

/// The titles of a stage's deals, in order.
pub fn titles(board: &Board, stage: &StageId) -> Vec<String> {
    board
        .deals_in(stage)
        .iter()
        .map(|d| d.title.clone())
        .collect()
}
