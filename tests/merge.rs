//! Merging a teammate's board: deletions travel, newer edits win from either side, stages
//! match by id then by name, and the result is the same whichever board is "ours" and however
//! often the same board is merged.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, fields, NOW};
use dealboard::domain::board::{
    Board, Deal, DealFields, DealId, PresetStage, Settings, Stage, StageId, StageKind, Tombstone,
};
use dealboard::domain::command::Command;
use dealboard::domain::merge::{merge, preview, MergeReport, StageMatchKind};
use dealboard::domain::money::Currency;
use dealboard::io::validate::validate;
use proptest::prelude::*;

fn id(s: &str) -> DealId {
    DealId(s.into())
}

fn edit(board: &mut Board, deal: &str, title: &str, at: i64) {
    let cmd = Command::EditDeal {
        id: id(deal),
        fields: fields(title, 100),
    };
    board.apply(cmd, at).unwrap();
}

fn delete(board: &mut Board, deal: &str, at: i64) {
    board
        .apply(Command::DeleteDeal { id: id(deal) }, at)
        .unwrap();
}

fn title(board: &Board, deal: &str) -> Option<String> {
    board.deal(&id(deal)).map(|d| d.title.clone())
}

fn sorted_deals(board: &Board) -> Vec<Deal> {
    let mut deals = board.deals.to_vec();
    deals.sort_by(|a, b| a.id.cmp(&b.id));
    deals
}

fn sorted_tombstones(board: &Board) -> Vec<Tombstone> {
    let mut t = board.deleted.clone();
    t.sort_by(|a, b| a.id.cmp(&b.id));
    t
}

fn stage(id: &str, name: &str) -> Stage {
    Stage {
        id: StageId(id.into()),
        name: name.into(),
        preset: None,
        probability: 50,
        kind: StageKind::Open,
        idle_days: None,
        limit: None,
        checklist: Vec::new(),
    }
}

/// Two copies of one board with deals a, b, c.
fn shared() -> Board {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 100);
    add(&mut board, "b", PresetStage::Demo, "Globex", 200);
    add(&mut board, "c", PresetStage::Won, "Initech", 300);
    board
}

#[test]
fn a_deleted_deal_stays_deleted_after_merging_an_older_file() {
    let older = shared();
    let mut mine = shared();
    delete(&mut mine, "a", NOW + 10);

    let merged = merge(&mine, &older);
    assert_eq!(title(&merged.board, "a"), None);
    assert_eq!(
        merged.report.stays_deleted, 1,
        "the older file's copy is not brought back"
    );
    assert_eq!(merged.report.new, 0);
    assert_eq!(merged.report.unchanged, 2);

    // The other way round: the incoming file deleted it, ours still has it.
    let merged = merge(&older, &mine);
    assert_eq!(title(&merged.board, "a"), None);
    assert_eq!(merged.report.deleted, 1);
    assert_eq!(merged.board.deleted, mine.deleted);
}

#[test]
fn a_deal_deleted_here_is_not_brought_back_as_new() {
    let mut mine = empty_board();
    add(&mut mine, "a", PresetStage::Lead, "Acme", 100);
    let theirs = mine.clone();
    delete(&mut mine, "a", NOW + 5);
    let report = preview(&mine, &theirs);
    assert_eq!((report.new, report.stays_deleted), (0, 1));
}

#[test]
fn a_deal_edited_after_its_deletion_survives() {
    let mut mine = shared();
    let mut theirs = shared();
    delete(&mut mine, "a", NOW + 10);
    edit(&mut theirs, "a", "Acme, still alive", NOW + 20);

    for merged in [merge(&mine, &theirs), merge(&theirs, &mine)] {
        assert_eq!(
            title(&merged.board, "a").as_deref(),
            Some("Acme, still alive")
        );
        // The deletion is still known, so an older copy cannot bring the old version back.
        assert!(merged.board.deleted.contains(&Tombstone {
            id: id("a"),
            at: NOW + 10
        }));
    }
    assert_eq!(merge(&mine, &theirs).report.new, 1);
}

#[test]
fn a_newer_edit_wins_from_either_side() {
    let mut mine = shared();
    let theirs = shared();
    edit(&mut mine, "b", "Globex (ours, newer)", NOW + 1);

    let merged = merge(&mine, &theirs);
    assert_eq!(
        title(&merged.board, "b").as_deref(),
        Some("Globex (ours, newer)")
    );
    assert_eq!((merged.report.updated, merged.report.unchanged), (0, 3));

    let merged = merge(&theirs, &mine);
    assert_eq!(
        title(&merged.board, "b").as_deref(),
        Some("Globex (ours, newer)")
    );
    assert_eq!((merged.report.updated, merged.report.unchanged), (1, 2));
    assert_eq!(merged.report.conflicts, 0);
}

#[test]
fn the_later_change_wins_over_more_revisions_and_it_is_a_conflict() {
    let mut mine = shared();
    let mut theirs = shared();
    edit(&mut mine, "b", "ours 1", NOW + 1);
    edit(&mut mine, "b", "ours 2", NOW + 2);
    edit(&mut theirs, "b", "theirs", NOW + 50);

    for (merged, incoming_won) in [(merge(&mine, &theirs), 1), (merge(&theirs, &mine), 0)] {
        assert_eq!(title(&merged.board, "b").as_deref(), Some("theirs"));
        assert_eq!(merged.report.conflicts, 1);
        assert_eq!(merged.report.conflict_ids, [id("b")]);
        assert_eq!(merged.report.conflicts_won_by_incoming, incoming_won);
    }
}

#[test]
fn equal_revision_and_time_is_settled_by_content_in_either_order() {
    let mut mine = shared();
    let mut theirs = shared();
    edit(&mut mine, "c", "Initech A", NOW + 7);
    edit(&mut theirs, "c", "Initech B", NOW + 7);
    let ab = merge(&mine, &theirs);
    let ba = merge(&theirs, &mine);
    assert_eq!(sorted_deals(&ab.board), sorted_deals(&ba.board));
    assert_eq!(ab.report.conflicts, 1);
    assert_eq!(ba.report.conflicts, 1);
}

#[test]
fn a_stage_is_matched_by_name_ignoring_case_and_spaces() {
    let mut mine = empty_board();
    mine.stages.push(stage("s-trial-zz", "Paid trial"));
    let mut theirs = empty_board();
    theirs.stages.push(stage("s-trial-aa", "  paid TRIAL "));
    theirs
        .apply(
            Command::AddDeal {
                id: id("t"),
                stage: StageId("s-trial-aa".into()),
                fields: fields("Trial deal", 1),
            },
            NOW,
        )
        .unwrap();
    mine.apply(
        Command::AddDeal {
            id: id("m"),
            stage: StageId("s-trial-zz".into()),
            fields: fields("Our trial deal", 1),
        },
        NOW,
    )
    .unwrap();

    let ab = merge(&mine, &theirs);
    let ba = merge(&theirs, &mine);
    let trial = ab
        .report
        .stages
        .iter()
        .find(|m| m.incoming.0 == "s-trial-aa")
        .unwrap();
    assert_eq!(trial.how, StageMatchKind::ByName);
    // Both sides agree on the smaller id; our stage keeps its name and place.
    assert_eq!(trial.merged, StageId("s-trial-aa".into()));
    assert_eq!(ab.board.stages.len(), 8);
    assert_eq!(ab.board.stages[7].id.0, "s-trial-aa");
    assert_eq!(ab.board.stages[7].name, "Paid trial");
    for merged in [&ab, &ba] {
        assert_eq!(merged.board.deal(&id("t")).unwrap().stage.0, "s-trial-aa");
        assert_eq!(merged.board.deal(&id("m")).unwrap().stage.0, "s-trial-aa");
        assert!(validate(&merged.board).is_empty());
    }
    assert_eq!(sorted_deals(&ab.board), sorted_deals(&ba.board));
    assert_eq!(ab.report.stages_matched(StageMatchKind::ById), 7);
}

#[test]
fn a_new_stage_is_appended_after_ours() {
    let mine = shared();
    let mut theirs = shared();
    theirs
        .apply(
            Command::AddStage {
                id: StageId("s-onboarding".into()),
                name: "Onboarding".into(),
                probability: 90,
            },
            NOW,
        )
        .unwrap();
    theirs
        .apply(
            Command::AddDeal {
                id: id("o"),
                stage: StageId("s-onboarding".into()),
                fields: fields("Onboarding deal", 1),
            },
            NOW,
        )
        .unwrap();
    let merged = merge(&mine, &theirs);
    let last = merged.board.stages.last().unwrap();
    assert_eq!(
        (last.id.0.as_str(), last.name.as_str()),
        ("s-onboarding", "Onboarding")
    );
    assert_eq!(merged.report.stages_matched(StageMatchKind::Added), 1);
    assert_eq!(merged.report.new, 1);
    assert!(validate(&merged.board).is_empty());
}

#[test]
fn settings_names_and_stage_order_stay_ours() {
    let mut mine = shared();
    mine.apply(
        Command::SetDefaultCurrency(Currency::parse("CNY").unwrap()),
        NOW,
    )
    .unwrap();
    mine.apply(
        Command::MoveStage {
            id: PresetStage::Won.id(),
            index: 0,
        },
        NOW,
    )
    .unwrap();
    let mut theirs = shared();
    theirs
        .apply(
            Command::RenameStage {
                id: PresetStage::Lead.id(),
                name: "Inbound".into(),
            },
            NOW,
        )
        .unwrap();
    let merged = merge(&mine, &theirs);
    assert_eq!(merged.board.settings, mine.settings);
    assert_eq!(merged.board.stages, mine.stages);
    assert_ne!(merged.board.settings, Settings::default());
}

#[test]
fn the_report_counts_exactly() {
    let mut mine = shared();
    add(&mut mine, "mine-only", PresetStage::Lead, "Ours alone", 1);
    add(
        &mut mine,
        "gone-there",
        PresetStage::Lead,
        "Deleted there",
        1,
    );
    add(&mut mine, "gone-here", PresetStage::Lead, "Deleted here", 1);
    add(&mut mine, "clash", PresetStage::Lead, "Clash", 1);
    add(&mut mine, "ours-newer", PresetStage::Lead, "Ours newer", 1);
    let mut theirs = mine.clone();
    theirs.stages.push(stage("s-new", "Brand new stage"));
    mine.stages.push(stage("s-x-mine", "Trial"));
    theirs.stages.push(stage("s-x-theirs", "trial"));

    delete(&mut mine, "gone-here", NOW + 1);
    delete(&mut theirs, "gone-there", NOW + 1);
    edit(&mut theirs, "b", "Globex, updated there", NOW + 2);
    edit(&mut mine, "clash", "Clash (ours)", NOW + 3);
    edit(&mut theirs, "clash", "Clash (theirs)", NOW + 4);
    edit(&mut mine, "ours-newer", "Ours, newer", NOW + 5);
    add(&mut theirs, "new-1", PresetStage::Demo, "New one", 1);
    add(&mut theirs, "new-2", PresetStage::Won, "New two", 1);

    let report = preview(&mine, &theirs);
    let expected = MergeReport {
        new: 2,
        updated: 1,
        // a, c, mine-only, ours-newer
        unchanged: 4,
        conflicts: 1,
        conflict_ids: vec![id("clash")],
        conflicts_won_by_incoming: 1,
        deleted: 1,
        stays_deleted: 1,
        stages: report.stages.clone(),
        targets: Default::default(),
    };
    assert_eq!(report, expected);
    assert_eq!(report.stages_matched(StageMatchKind::ById), 7);
    assert_eq!(report.stages_matched(StageMatchKind::ByName), 1);
    assert_eq!(report.stages_matched(StageMatchKind::Added), 1);
    assert_eq!(report.stages.len(), 9);
    assert!(!report.changes_nothing());

    let merged = merge(&mine, &theirs);
    assert_eq!(merged.report, report);
    let mut ids: Vec<&str> = merged.board.deals.iter().map(|d| d.id.0.as_str()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "a",
            "b",
            "c",
            "clash",
            "mine-only",
            "new-1",
            "new-2",
            "ours-newer"
        ]
    );
    assert_eq!(
        title(&merged.board, "clash").as_deref(),
        Some("Clash (theirs)")
    );
    assert!(preview(&merged.board, &theirs).changes_nothing());
}

#[test]
fn merging_a_board_with_itself_changes_nothing() {
    let board = dealboard::i18n::Lang::En.sample_board(NOW);
    let merged = merge(&board, &board);
    assert_eq!(merged.board, board);
    assert_eq!(merged.report.unchanged, board.deals.len());
    assert!(merged.report.changes_nothing());
}

#[test]
fn a_large_merge_is_not_quadratic() {
    let mut mine = empty_board();
    let base = Deal::new(id("x"), fields("Deal", 1), PresetStage::Lead.id(), 0.0, NOW);
    mine.deals = (0..20_000)
        .map(|i| {
            let mut d = base.clone();
            d.id = DealId(format!("d-{i}"));
            d.rank = i as f64;
            d
        })
        .collect();
    let mut theirs = mine.clone();
    for d in theirs.deals.iter_mut().step_by(3) {
        d.revision += 1;
        d.updated += 1;
    }
    let start = std::time::Instant::now();
    let merged = merge(&mine, &theirs);
    assert_eq!(merged.report.updated, 6_667);
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

// ---------------------------------------------------------------------------------------------
// Properties

const STAGE_IDS: [&str; 5] = ["lead", "s-a", "s-b", "s-c", "won"];
const STAGE_NAMES: [&str; 4] = ["Lead", "Demo", " demo", "Won"];
const DEAL_IDS: usize = 6;
const TITLES: [&str; 3] = ["Acme", "Globex", "Initech"];

/// (deal id, stage index, revision, updated, title, rank)
type DealSpec = (usize, usize, u32, i64, usize, u8);

fn build(
    stages: Vec<(usize, usize)>,
    deals: Vec<DealSpec>,
    tombstones: Vec<(usize, i64)>,
) -> Board {
    let mut board = Board::default();
    for (i, n) in stages {
        let id = StageId(STAGE_IDS[i].into());
        if board.stage(&id).is_none() {
            board.stages.push(Stage {
                id,
                name: STAGE_NAMES[n].into(),
                preset: None,
                probability: 10,
                kind: StageKind::Open,
                idle_days: None,
                limit: None,
                checklist: Vec::new(),
            });
        }
    }
    for (d, s, revision, updated, t, rank) in deals {
        let id = DealId(format!("d{d}"));
        if board.deal(&id).is_some() {
            continue;
        }
        let stage = board.stages[s % board.stages.len()].id.clone();
        let fields = DealFields {
            title: TITLES[t].into(),
            ..DealFields::default()
        };
        let mut deal = Deal::new(id, fields, stage, rank as f64, 0);
        deal.revision = revision;
        deal.updated = updated * 1000;
        board.deals.push(deal);
    }
    for (d, at) in tombstones {
        let id = DealId(format!("d{d}"));
        let at = at * 1000 + 500;
        let alive_after = board.deal(&id).is_none_or(|deal| deal.updated > at);
        if alive_after && !board.deleted.iter().any(|t| t.id == id) {
            board.deleted.push(Tombstone { id, at });
        }
    }
    board
}

fn board_strategy() -> impl Strategy<Value = Board> {
    let stages = prop::collection::vec((0..STAGE_IDS.len(), 0..STAGE_NAMES.len()), 1..4);
    let deal = (
        0..DEAL_IDS,
        0..4usize,
        0..3u32,
        0..4i64,
        0..TITLES.len(),
        0..3u8,
    );
    let deals = prop::collection::vec(deal, 0..8);
    let tombstones = prop::collection::vec((0..DEAL_IDS, 0..4i64), 0..4);
    (stages, deals, tombstones).prop_map(|(s, d, t)| build(s, d, t))
}

/// 512 cases unless `PROPTEST_CASES` says otherwise.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    config
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn merging_is_commutative(a in board_strategy(), b in board_strategy()) {
        let ab = merge(&a, &b).board;
        let ba = merge(&b, &a).board;
        prop_assert_eq!(sorted_deals(&ab), sorted_deals(&ba));
        prop_assert_eq!(sorted_tombstones(&ab), sorted_tombstones(&ba));
    }

    #[test]
    fn merging_the_same_board_again_changes_nothing(a in board_strategy(), b in board_strategy()) {
        let once = merge(&a, &b);
        let twice = merge(&once.board, &b);
        prop_assert_eq!(&twice.board, &once.board);
        prop_assert!(twice.report.changes_nothing(), "{:?}", twice.report);
        // And merging ours back into the result does not change it either.
        prop_assert_eq!(sorted_deals(&merge(&once.board, &a).board), sorted_deals(&once.board));
    }

    #[test]
    fn merging_a_board_with_itself_gives_it_back(a in board_strategy()) {
        let merged = merge(&a, &a);
        prop_assert_eq!(&merged.board, &a);
        prop_assert_eq!(merged.report.unchanged, a.deals.len());
    }

    #[test]
    fn the_result_is_a_valid_board_with_deletions_applied(a in board_strategy(), b in board_strategy()) {
        let merged = merge(&a, &b).board;
        prop_assert!(validate(&merged).is_empty(), "{:?}", validate(&merged));
        for deal in &merged.deals {
            for t in merged.deleted.iter().filter(|t| t.id == deal.id) {
                prop_assert!(deal.updated > t.at);
            }
        }
        // Every deal on either board is in the result or deleted.
        for deal in a.deals.iter().chain(&b.deals) {
            let kept = merged.deal(&deal.id).is_some();
            let deleted = merged.deleted.iter().any(|t| t.id == deal.id);
            prop_assert!(kept || deleted);
        }
    }
}
