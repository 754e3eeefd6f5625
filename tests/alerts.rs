//! Deal alerts: idle too long in a stage, past the close date, a stage over its limit; the
//! thresholds as a command with undo, in snapshots and in storage; the off-track filter and
//! counts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, NOW};
use dealboard::domain::alerts::{deal_alerts, off_track, over_limit, DealAlerts};
use dealboard::domain::board::{Board, DealStatus, PresetStage, StageId};
use dealboard::domain::columns::board_view;
use dealboard::domain::command::{Command, DomainError};
use dealboard::domain::date::{day_of, Date};
use dealboard::domain::filter::DealFilter;
use dealboard::domain::history::History;
use dealboard::io::{snapshot, store};

const DAY: i64 = 86_400_000;

fn today() -> Date {
    day_of(NOW)
}

/// A board with one deal in Lead that entered it `days_ago`, closing on `close`.
fn one_deal(days_ago: i64, close: Option<Date>) -> Board {
    let mut board = empty_board();
    add(&mut board, "d1", PresetStage::Lead, "Acme renewal", 100);
    board.deals.edit(0, |d| {
        d.stage_entered = NOW - days_ago * DAY;
        d.close_date = close;
    });
    board
}

fn set_alerts(board: &mut Board, stage: &str, idle_days: Option<u32>, limit: Option<u32>) {
    let cmd = Command::SetStageAlerts {
        id: StageId(stage.into()),
        idle_days,
        limit,
    };
    board.apply(cmd, NOW).unwrap();
}

fn alerts(board: &Board) -> DealAlerts {
    deal_alerts(&board.deals[0], &board.stages[0], today())
}

#[test]
fn a_deal_is_idle_from_the_day_it_reaches_its_stages_threshold() {
    let mut board = one_deal(30, None);
    assert_eq!(
        alerts(&board),
        DealAlerts::default(),
        "no threshold, no alert"
    );
    set_alerts(&mut board, "lead", Some(30), None);
    assert_eq!(alerts(&board).idle_days, Some(30));
    set_alerts(&mut board, "lead", Some(31), None);
    assert_eq!(alerts(&board).idle_days, None, "one day short");
    assert!(!alerts(&board).any());
}

#[test]
fn a_deal_is_overdue_the_day_after_its_close_date() {
    let on_time = one_deal(0, Some(today()));
    assert_eq!(
        alerts(&on_time).overdue_days,
        None,
        "closing today is not late"
    );
    let late = one_deal(0, today().add_days(-9));
    assert_eq!(alerts(&late).overdue_days, Some(9));
    assert!(off_track(&late.deals[0], &late.stages[0], today()));
    let none = one_deal(0, None);
    assert!(!alerts(&none).any(), "no close date, nothing to miss");
}

#[test]
fn won_and_lost_deals_are_not_off_track_for_their_dates_or_time_in_stage() {
    let mut board = one_deal(400, today().add_days(-30));
    set_alerts(&mut board, "lead", Some(1), None);
    assert!(alerts(&board).any());
    board.deals.edit(0, |d| d.status = DealStatus::Won);
    assert!(!alerts(&board).any(), "a won deal is done");
    // An open deal sitting in a closed stage (an old file) is not flagged either.
    let mut board = one_deal(400, today().add_days(-30));
    let lost = board.stage(&StageId("lost".into())).unwrap().clone();
    assert!(!deal_alerts(&board.deals[0], &lost, today()).any());
    board.deals.edit(0, |d| d.status = DealStatus::Open);
}

#[test]
fn a_stage_is_over_its_limit_only_above_it() {
    let mut board = empty_board();
    assert!(!over_limit(&board.stages[0], 1_000), "no limit");
    set_alerts(&mut board, "lead", None, Some(3));
    assert!(!over_limit(&board.stages[0], 3));
    assert!(over_limit(&board.stages[0], 4));
}

#[test]
fn thresholds_are_one_undoable_command_and_zero_is_refused() {
    let mut board = empty_board();
    let mut history = History::default();
    let cmd = Command::SetStageAlerts {
        id: StageId("demo".into()),
        idle_days: Some(14),
        limit: Some(5),
    };
    history.record(board.apply_recorded(cmd, NOW).unwrap().1);
    let demo = board.stage(&StageId("demo".into())).unwrap();
    assert_eq!((demo.idle_days, demo.limit), (Some(14), Some(5)));
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    let demo = board.stage(&StageId("demo".into())).unwrap();
    assert_eq!((demo.idle_days, demo.limit), (None, None));

    let before = board.clone();
    for (idle_days, limit) in [(Some(0), None), (None, Some(0))] {
        let zero = Command::SetStageAlerts {
            id: StageId("demo".into()),
            idle_days,
            limit,
        };
        assert_eq!(board.apply(zero, NOW), Err(DomainError::ZeroThreshold));
        assert_eq!(board.stages, before.stages, "nothing changed");
    }
    let unknown = Command::SetStageAlerts {
        id: StageId("nowhere".into()),
        idle_days: Some(3),
        limit: None,
    };
    assert!(matches!(
        board.apply(unknown, NOW),
        Err(DomainError::UnknownStage(_))
    ));
}

#[test]
fn thresholds_survive_a_snapshot_and_storage_and_old_files_have_none() {
    let mut board = one_deal(3, None);
    set_alerts(&mut board, "lead", Some(21), Some(40));
    set_alerts(&mut board, "won", None, Some(2));

    let text = snapshot::encode(&board, NOW);
    assert!(text.contains(r#""idle_days":21,"limit":40"#), "{text}");
    let restored = snapshot::restore(&text).unwrap().board;
    assert_eq!(restored.stages, board.stages);

    let stored = store::encode(&board, NOW);
    let (from_storage, _) = store::decode(&stored).unwrap();
    assert_eq!(from_storage.stages, board.stages);

    // A file from before thresholds existed: every stage has none.
    let old = text
        .replace(r#","idle_days":21"#, "")
        .replace(r#","limit":40"#, "")
        .replace(r#","limit":2"#, "");
    let restored = snapshot::restore(&old).unwrap().board;
    assert!(restored
        .stages
        .iter()
        .all(|s| s.idle_days.is_none() && s.limit.is_none()));
}

#[test]
fn a_threshold_of_zero_or_of_the_wrong_kind_in_a_file_is_named() {
    let mut board = one_deal(3, None);
    set_alerts(&mut board, "lead", Some(21), None);
    let text = snapshot::encode(&board, NOW);
    let zero = text.replace(r#""idle_days":21"#, r#""idle_days":0"#);
    let err = snapshot::restore(&zero).unwrap_err().to_string();
    assert!(
        err.contains("stages[0].idle_days: expected at least 1"),
        "{err}"
    );
    let word = text.replace(r#""idle_days":21"#, r#""idle_days":"soon""#);
    let err = snapshot::restore(&word).unwrap_err().to_string();
    assert!(err.contains("stages[0].idle_days"), "{err}");
}

#[test]
fn the_view_counts_deals_off_track_and_the_filter_shows_only_them() {
    let mut board = empty_board();
    add(&mut board, "idle", PresetStage::Lead, "Idle deal", 100);
    add(&mut board, "late", PresetStage::Demo, "Late deal", 200);
    add(&mut board, "fine", PresetStage::Demo, "Fine deal", 300);
    add(&mut board, "won", PresetStage::Won, "Won deal", 400);
    set_alerts(&mut board, "lead", Some(7), None);
    let at = |board: &Board, id: &str| board.deals.iter().position(|d| d.id.0 == id).unwrap();
    let (late, won) = (at(&board, "late"), at(&board, "won"));
    board
        .deals
        .edit(late, |d| d.close_date = today().add_days(-2));
    board
        .deals
        .edit(won, |d| d.close_date = today().add_days(-2));
    let later = today().add_days(10).unwrap();

    let all = DealFilter {
        today: later,
        ..DealFilter::default()
    };
    let view = board_view(&board, &all);
    let counts: Vec<usize> = view.columns.iter().map(|c| c.summary.off_track).collect();
    assert_eq!(
        counts,
        [1, 0, 1, 0, 0, 0, 0],
        "Lead's idle deal, Demo's late one"
    );
    assert_eq!(view.pipeline.off_track, 2);
    assert_eq!(view.shown, 4);

    let only = DealFilter {
        off_track: true,
        ..all.clone()
    };
    assert!(!only.is_empty());
    assert!(only.narrows(&all), "turning it on narrows");
    assert!(!all.narrows(&only), "turning it off widens");
    let view = board_view(&board, &only);
    let shown: Vec<&str> = view
        .columns
        .iter()
        .flat_map(|c| c.cards.iter().map(|card| card.id.0.as_str()))
        .collect();
    assert_eq!(shown, ["idle", "late"]);

    // Before there is a day (the default filter), nothing is off track.
    assert_eq!(
        board_view(&board, &DealFilter::default())
            .pipeline
            .off_track,
        0
    );
    // Another day is another view: a filter for it does not narrow the last one.
    let next_day = DealFilter {
        today: later.add_days(1).unwrap(),
        ..only.clone()
    };
    assert!(!next_day.narrows(&only));
}
