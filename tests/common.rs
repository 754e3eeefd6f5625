//! Shared test helpers for native tests.
#![allow(dead_code)]

use dealboard::domain::board::{
    Board, Deal, DealFields, DealId, DealStatus, PresetStage, StageId, StageVisit, Tombstone,
};
use dealboard::domain::command::Command;
use dealboard::domain::date::parse_iso_date;
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

/// Deals like a real team's: a few reps, products, regions and stages, a close date most of
/// the time, a history through the stages, a short note on some.
pub fn realistic_board(n: usize) -> Board {
    let mut board = Lang::En.sample_board(NOW);
    board.deals.clear();
    let companies = [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
    ];
    let suffixes = ["Corp", "Holdings", "Labs", "Group", "Retail", "Energy"];
    let reps = [
        "Alice Chen",
        "Ben Okafor",
        "Carla Ruiz",
        "Dev Patel",
        "王芳",
    ];
    let products = [
        "Analytics Suite",
        "Cloud Storage",
        "Security Pack",
        "Support Plan",
    ];
    let regions = ["North America", "Europe", "Asia Pacific", "Latin America"];
    let notes = [
        "",
        "",
        "Budget approved for next quarter.",
        "Needs a security review before signing.",
    ];
    let stages: Vec<StageId> = board.stages.iter().map(|s| s.id.clone()).collect();
    for i in 0..n {
        let created = NOW - 86_400_000 * (i as i64 % 300) - (i as i64 * 7_919) % 86_400_000;
        let at = i % stages.len();
        let history: Vec<StageVisit> = (0..=at.min(4))
            .map(|k| StageVisit {
                stage: stages[k.min(at)].clone(),
                entered: created + k as i64 * 86_400_000 * 3 + 1_234,
            })
            .collect();
        let entered = history.last().unwrap().entered;
        let company = format!("{} {}", companies[i % 8], suffixes[i % 6]);
        board.deals.push(Deal {
            id: DealId(format!("d-{i:06}")),
            title: format!("{} expansion {}", companies[i % 8], i % 97),
            customer: company,
            contact: format!("Contact {}", i % 1_000),
            value: 50_000 + (i as i64 * 7_907) % 25_000_000,
            currency: Currency::parse("USD").unwrap(),
            cost: (i % 3 == 0).then_some(10_000),
            owner: reps[i % reps.len()].into(),
            product: products[i % 4].into(),
            region: regions[i % 4].into(),
            close_date: (i % 12 != 0)
                .then(|| parse_iso_date(&format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)))
                .flatten(),
            notes: notes[i % 4].into(),
            // None: the stored text of these boards is a fixture (`tests/fixtures/written/`).
            next_step: None,
            checked: Vec::new(),
            activities: Vec::new(),
            stage: stages[at].clone(),
            rank: (i * 1024) as f64,
            status: DealStatus::Open,
            loss_reason: None,
            created,
            updated: entered + 5_000,
            stage_entered: entered,
            won_at: None,
            history,
            revision: (i % 4) as u32,
        });
    }
    board.deleted = (0..n / 10)
        .map(|i| Tombstone {
            id: DealId(format!("gone-{i}")),
            at: NOW - i as i64,
        })
        .collect();
    board
}

/// Stores `board`, checks that its stages and deals read back as they were, and returns the
/// stored deal rows (22 values each, then the optional ones a deal needs).
pub fn stored_rows(board: &Board) -> Vec<serde_json::Value> {
    let stored = dealboard::io::store::encode(board, NOW);
    let (from_storage, _) = dealboard::io::store::decode(&stored).unwrap();
    assert_eq!(from_storage.stages, board.stages);
    assert_eq!(
        from_storage.deals.iter().collect::<Vec<_>>(),
        board.deals.iter().collect::<Vec<_>>()
    );
    let json: serde_json::Value = serde_json::from_str(&stored).unwrap();
    json["board"]["deals"].as_array().unwrap().clone()
}

/// The length of each stored row.
pub fn row_lengths(rows: &[serde_json::Value]) -> Vec<usize> {
    rows.iter().map(|r| r.as_array().unwrap().len()).collect()
}

/// Lead holds "a" ("Acme renewal", $1, its fields then changed by `change` through an edit)
/// and "b" ("Globex pilot", $2).
pub fn acme_and_globex(change: impl FnOnce(&mut DealFields)) -> Board {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 100);
    add(&mut board, "b", PresetStage::Lead, "Globex pilot", 200);
    let mut f = fields("Acme renewal", 100);
    change(&mut f);
    let edit = Command::EditDeal {
        id: DealId("a".into()),
        fields: f,
    };
    board.apply(edit, NOW).unwrap();
    board
}

/// The board as users see it: deal order in the Vec, revisions, update times and tombstones
/// are bookkeeping (an undo is itself a new revision, so other tabs take it).
pub fn visible(board: &Board) -> Board {
    let mut board = board.clone();
    board.deals.sort_by(|a, b| a.id.cmp(&b.id));
    for deal in &mut board.deals {
        deal.revision = 0;
        deal.updated = 0;
    }
    board.deleted.clear();
    board
}
