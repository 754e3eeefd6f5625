//! The team list (SEED-NOTES §1): reps named by the manager, listed with those who own deals —
//! in the deal dialog's owners, a split by rep and the scorecard — kept in files, undoable.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, fields, NOW};
use dealboard::domain::board::PresetStage;
use dealboard::domain::board::{Board, DealId};
use dealboard::domain::command::Command;
use dealboard::domain::date::day_of;
use dealboard::domain::history::History;
use dealboard::domain::money::Currency;
use dealboard::domain::scorecard::scorecard;
use dealboard::domain::targets::split_slots;
use dealboard::domain::targets::target::{Measure, Scope, SplitBy, Target, TargetId};
use dealboard::domain::targets::Period;
use dealboard::io::{snapshot, store};

/// Alice owns a deal; the team list names her (written otherwise) and Dan, who owns none.
fn board_with_team() -> Board {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 100);
    let mut f = fields("Acme renewal", 100);
    f.owner = "Alice Chen".into();
    let edit = Command::EditDeal {
        id: DealId("a".into()),
        fields: f,
    };
    board.apply(edit, NOW).unwrap();
    let team = ["  Dan Ito ", "", "alice chen", "Dan Ito", "DAN ITO"];
    let cmd = Command::SetTeam(team.map(String::from).to_vec());
    board.apply(cmd, NOW).unwrap();
    board
}

#[test]
fn the_team_list_is_trimmed_without_blanks_or_repeats_and_undo_takes_it_back() {
    let mut board = empty_board();
    let mut history = History::default();
    let cmd = Command::SetTeam(vec![
        " Dan Ito".into(),
        "".into(),
        "dan ito".into(),
        "Eve".into(),
    ]);
    history.record(board.apply_recorded(cmd, NOW).unwrap().1);
    assert_eq!(
        board.settings.team,
        ["Dan Ito", "Eve"],
        "the first spelling stays"
    );
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert!(board.settings.team.is_empty());
}

#[test]
fn reps_on_the_list_are_owners_even_with_no_deal() {
    let board = board_with_team();
    assert_eq!(board.settings.team, ["Dan Ito", "alice chen"]);
    assert_eq!(
        board.owners(),
        ["Alice Chen", "Dan Ito"],
        "named as her deals have it"
    );
}

#[test]
fn a_split_by_rep_gives_every_rep_on_the_list_a_part() {
    let board = board_with_team();
    let usd = Currency::parse("USD").unwrap();
    let target = Target::new(
        TargetId("t".into()),
        Measure::WonValue,
        Period::Year(2026),
        Scope::team(),
        100,
        usd,
    );
    let reps: Vec<Option<String>> = split_slots(&board, &target, SplitBy::Owner)
        .unwrap()
        .into_iter()
        .map(|(_, scope)| scope.owner)
        .collect();
    assert_eq!(
        reps,
        [Some("Alice Chen".to_string()), Some("Dan Ito".to_string())],
        "one part per rep, ignoring case"
    );
    // Other dimensions are the deals' only.
    assert!(
        split_slots(&board, &target, SplitBy::Region).is_err(),
        "no deal has a region"
    );
}

#[test]
fn the_scorecard_lists_reps_on_the_list_with_nothing_yet() {
    let board = board_with_team();
    let (reps, team) = scorecard(&board, Period::Quarter(2026, 4), day_of(NOW));
    let names: Vec<&str> = reps.iter().map(|r| r.owner.as_str()).collect();
    assert_eq!(
        names,
        ["Alice Chen", "Dan Ito"],
        "alice chen is Alice Chen's row"
    );
    assert_eq!((reps[1].open, reps[1].won, reps[1].activities), (0, 0, 0));
    assert_eq!(team.open, 1);
}

#[test]
fn snapshots_and_storage_keep_the_team_list_and_leave_it_out_when_empty() {
    let board = board_with_team();
    let text = snapshot::encode(&board, NOW);
    assert!(
        text.contains(r#""team":["Dan Ito","alice chen"]"#),
        "{text}"
    );
    assert_eq!(
        snapshot::restore(&text).unwrap().board.settings.team,
        board.settings.team
    );
    let (stored, _) = store::decode(&store::encode(&board, NOW)).unwrap();
    assert_eq!(stored.settings.team, board.settings.team);
    assert!(!snapshot::encode(&empty_board(), NOW).contains("\"team\""));
    let bad = text.replacen(r#""team":["Dan Ito""#, r#""team":[7"#, 1);
    let err = snapshot::restore(&bad).unwrap_err().to_string();
    assert!(err.contains("settings.team[0]: expected a string"), "{err}");
}
