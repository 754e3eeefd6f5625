//! Undo and redo: every step of any sequence undoes back to the start and redoes to the end.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, fields, titles, visible, NOW};
use dealboard::domain::board::{Board, Deal, DealId, DealStatus, PresetStage, StageId, StageVisit};
use dealboard::domain::command::Command;
use dealboard::domain::date::Date;
use dealboard::domain::history::{fingerprint, History, Step};
use dealboard::domain::money::Currency;
use dealboard::i18n::Lang;
use proptest::prelude::*;

/// Turns generated numbers into a command that makes sense on `board` (it may still be refused).
fn command(board: &Board, op: u8, a: usize, b: usize, n: usize) -> Command {
    let deal = |i: usize| {
        board
            .deals
            .get(i % board.deals.len().max(1))
            .map(|d| d.id.clone())
            .unwrap_or(DealId("none".into()))
    };
    let stage = |i: usize| board.stages[i % board.stages.len()].id.clone();
    match op % 10 {
        0 => Command::AddDeal {
            id: DealId(format!("new-{n}")),
            stage: stage(a),
            fields: fields(&format!("New {n}"), (b * 100) as i64),
        },
        1 => Command::EditDeal {
            id: deal(a),
            fields: fields(&format!("Edited {n}"), (b * 7) as i64),
        },
        2 => Command::DeleteDeal { id: deal(a) },
        3..=5 => Command::MoveDeal {
            id: deal(a),
            to: stage(b),
            index: b % 5,
            loss_reason: None,
        },
        6 => Command::RenameStage {
            id: stage(a),
            name: format!("Stage {n}"),
        },
        7 => Command::MoveStage {
            id: stage(a),
            index: b % 8,
        },
        8 => Command::RemoveStage {
            id: stage(a),
            move_deals_to: Some(stage(b)),
        },
        _ => Command::SetStageProbability {
            id: stage(a),
            probability: (b % 101) as u8,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn undoing_every_step_returns_the_start_and_redoing_returns_the_end(
        ops in proptest::collection::vec((0u8..10, 0usize..40, 0usize..40), 1..40)
    ) {
        let mut board = Lang::En.sample_board(NOW);
        let start = visible(&board);
        let mut history = History::default();
        let mut steps = 0;
        for (n, (op, a, b)) in ops.into_iter().enumerate() {
            let cmd = command(&board, op, a, b, n);
            if let Ok((_, step)) = board.apply_recorded(cmd, NOW + n as i64) {
                history.record(step);
                steps += 1;
            }
        }
        let end = visible(&board);
        for i in 0..steps {
            prop_assert!(history.undo(&mut board, NOW + 1000 + i as i64).unwrap().is_ok());
        }
        prop_assert!(!history.can_undo());
        prop_assert_eq!(visible(&board), start);
        for i in 0..steps {
            prop_assert!(history.redo(&mut board, NOW + 2000 + i as i64).unwrap().is_ok());
        }
        prop_assert_eq!(visible(&board), end);
    }
}

#[test]
fn undo_of_a_move_restores_the_order_and_is_a_new_revision() {
    let mut board = empty_board();
    for id in ["a", "b", "c"] {
        add(&mut board, id, PresetStage::Demo, id, 1);
    }
    let mut history = History::default();
    let cmd = Command::MoveDeal {
        id: DealId("a".into()),
        to: PresetStage::Won.id(),
        index: 0,
        loss_reason: None,
    };
    let (_, step) = board.apply_recorded(cmd, NOW + 1).unwrap();
    history.record(step);
    let revision = board.deal(&DealId("a".into())).unwrap().revision;
    history.undo(&mut board, NOW + 2).unwrap().unwrap();
    assert_eq!(titles(&board, &PresetStage::Demo.id()), ["a", "b", "c"]);
    let a = board.deal(&DealId("a".into())).unwrap();
    assert!(
        a.revision > revision,
        "an undo is newer than what it undoes"
    );
    assert_eq!(a.updated, NOW + 2);
    assert!(history.can_redo());
}

#[test]
fn undo_of_an_add_leaves_a_tombstone_and_undo_of_a_delete_removes_it() {
    let mut board = empty_board();
    let mut history = History::default();
    let cmd = Command::AddDeal {
        id: DealId("a".into()),
        stage: PresetStage::Lead.id(),
        fields: fields("A", 1),
    };
    history.record(board.apply_recorded(cmd, NOW).unwrap().1);
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert!(board.deals.is_empty());
    assert_eq!(board.deleted.len(), 1);
    history.redo(&mut board, NOW + 2).unwrap().unwrap();
    assert_eq!(board.deals.len(), 1);
    assert!(board.deleted.is_empty());
}

#[test]
fn another_tabs_later_change_is_never_undone() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "A", 1);
    add(&mut board, "b", PresetStage::Lead, "B", 1);
    let mut history = History::default();
    let edit_both = |board: &mut Board, history: &mut History, title: &str| {
        for id in ["a", "b"] {
            let cmd = Command::EditDeal {
                id: DealId(id.into()),
                fields: fields(title, 1),
            };
            history.record(board.apply_recorded(cmd, NOW).unwrap().1);
        }
    };
    edit_both(&mut board, &mut history, "mine");
    // Another tab's newer edit of "b" arrives (as a merge would bring it).
    let mut theirs = board.deal(&DealId("b".into())).unwrap().clone();
    theirs.title = "theirs".into();
    theirs.revision += 5;
    board.deals.retain(|d| d.id.0 != "b");
    board.deals.push(theirs);
    history.undo(&mut board, NOW + 1).unwrap().unwrap(); // my edit of b: skipped
    history.undo(&mut board, NOW + 2).unwrap().unwrap(); // my edit of a: undone
    assert_eq!(board.deal(&DealId("a".into())).unwrap().title, "A");
    assert_eq!(board.deal(&DealId("b".into())).unwrap().title, "theirs");
}

#[test]
fn stage_changes_are_undone_too() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Demo, "A", 1);
    let before = visible(&board);
    let mut history = History::default();
    let cmd = Command::RemoveStage {
        id: PresetStage::Demo.id(),
        move_deals_to: Some(StageId("lead".into())),
    };
    history.record(board.apply_recorded(cmd, NOW).unwrap().1);
    assert_eq!(board.stages.len(), 6);
    history.undo(&mut board, NOW + 1).unwrap().unwrap();
    assert_eq!(visible(&board), before);
}

#[test]
fn at_least_the_last_hundred_steps_are_kept() {
    let mut board = empty_board();
    let mut history = History::default();
    for i in 0..150 {
        let cmd = Command::AddDeal {
            id: DealId(format!("d{i}")),
            stage: PresetStage::Lead.id(),
            fields: fields("x", 1),
        };
        history.record(board.apply_recorded(cmd, NOW).unwrap().1);
    }
    let mut undone = 0;
    while history.undo(&mut board, NOW).is_some() {
        undone += 1;
    }
    assert_eq!(undone, 150);
    assert!(board.deals.is_empty());
}

#[test]
fn undoing_a_replace_brings_back_the_old_boards_deletions() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "A", 1);
    add(&mut board, "b", PresetStage::Lead, "B", 1);
    board
        .apply(
            Command::DeleteDeal {
                id: DealId("b".into()),
            },
            NOW + 1,
        )
        .unwrap();
    let mut file = empty_board();
    add(&mut file, "x", PresetStage::Lead, "X", 1);
    let mut history = History::default();
    history.record(
        board
            .apply_recorded(Command::ReplaceBoard(Box::new(file)), NOW + 2)
            .unwrap()
            .1,
    );
    assert!(
        board.deleted.is_empty(),
        "the file's tombstones replace ours"
    );
    history.undo(&mut board, NOW + 3).unwrap().unwrap();
    let deleted: Vec<&str> = board.deleted.iter().map(|t| t.id.0.as_str()).collect();
    assert_eq!(
        deleted,
        ["b", "x"],
        "our deletion is back, and the file's deal is gone"
    );
    assert_eq!(titles(&board, &PresetStage::Lead.id()), ["A"]);
    history.redo(&mut board, NOW + 4).unwrap().unwrap();
    assert_eq!(titles(&board, &PresetStage::Lead.id()), ["X"]);
}

/// Every deal that differs between two boards, as (before, after), in the order of `after`.
fn diff(before: &Board, after: &Board) -> Vec<(DealId, Option<Deal>, Option<Deal>)> {
    after
        .deals
        .iter()
        .map(|d| (d.id.clone(), before.deal(&d.id).cloned(), Some(d.clone())))
        .filter(|(_, b, a)| b != a)
        .collect()
}

#[test]
fn a_move_that_renumbers_its_stage_records_exactly_the_renumbered_deals() {
    let mut board = empty_board();
    for id in ["a", "b", "c", "d"] {
        add(&mut board, id, PresetStage::Demo, id, 1);
    }
    add(&mut board, "x", PresetStage::Lead, "x", 1);
    // Dropping between the same two neighbours halves the gap until the stage is renumbered.
    let mut renumbered = false;
    for n in 0..80 {
        let last = titles(&board, &PresetStage::Demo.id()).pop().unwrap();
        let mover = last.as_str();
        let cmd = Command::MoveDeal {
            id: DealId(mover.into()),
            to: PresetStage::Demo.id(),
            index: 2,
            loss_reason: None,
        };
        let start = board.clone();
        let (_, step) = board.apply_recorded(cmd, NOW + n).unwrap();
        let changed = diff(&start, &board);
        // The moved deal first, then the renumbered ones in board order.
        let mut expected: Vec<&(DealId, Option<Deal>, Option<Deal>)> =
            changed.iter().filter(|c| c.0 .0 == mover).collect();
        expected.extend(changed.iter().filter(|c| c.0 .0 != mover));
        let before: Vec<_> = expected
            .iter()
            .map(|c| (c.0.clone(), c.1.clone()))
            .collect();
        let after: Vec<_> = expected
            .iter()
            .map(|c| (c.0.clone(), c.2.clone()))
            .collect();
        assert_eq!(step.before.deals, before);
        assert_eq!(step.after.deals, after);
        renumbered |= changed.len() > 1;
        let mut undone = board.clone();
        let mut history = History::default();
        history.record(step);
        history.undo(&mut undone, NOW + 1000).unwrap().unwrap();
        assert_eq!(visible(&undone), visible(&start));
    }
    assert!(renumbered, "the test reached a renumbering");
}

#[test]
fn a_replace_records_exactly_the_deals_that_differ_and_undoes_to_the_old_board() {
    let old = Lang::En.sample_board(NOW);
    let mut new = old.clone();
    new.deals[0].title = "Edited in the file".into();
    let removed = new.deals.remove(1);
    add(
        &mut new,
        "from-the-file",
        PresetStage::Lead,
        "New in the file",
        5,
    );
    let edited = new.deals[0].clone();
    let added = new.deal(&DealId("from-the-file".into())).unwrap().clone();

    let mut board = old.clone();
    let (_, step) = board
        .apply_recorded(Command::ReplaceBoard(Box::new(new.clone())), NOW + 1)
        .unwrap();
    assert_eq!(visible(&board), visible(&new));
    assert_eq!(
        step.before.deals,
        vec![
            (old.deals[0].id.clone(), Some(old.deals[0].clone())),
            (removed.id.clone(), Some(removed.clone())),
            (added.id.clone(), None),
        ]
    );
    assert_eq!(
        step.after.deals,
        vec![
            (edited.id.clone(), Some(edited)),
            (removed.id.clone(), None)
        ]
    );
    // The added deal is kept by its fingerprint, not copied.
    assert_eq!(
        step.after.added,
        vec![(added.id.clone(), fingerprint(&added))]
    );
    let mut history = History::default();
    history.record(step);
    history.undo(&mut board, NOW + 2).unwrap().unwrap();
    let titles_now: Vec<String> = visible(&board)
        .deals
        .iter()
        .map(|d| d.title.clone())
        .collect();
    let titles_then: Vec<String> = visible(&old)
        .deals
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert_eq!(titles_now, titles_then);
}

#[test]
fn a_replace_recorded_for_later_settles_to_the_same_step_and_undoes_like_one_recorded_at_once() {
    let old = Lang::En.sample_board(NOW);
    let mut new = old.clone();
    new.deals[0].title = "Edited in the file".into();
    new.deals.remove(1);
    add(&mut new, "from-the-file", PresetStage::Lead, "New", 5);

    let mut at_once = old.clone();
    let (_, step) = at_once
        .apply_recorded(Command::ReplaceBoard(Box::new(new.clone())), NOW + 1)
        .unwrap();

    // As the app does it: replace, record the old board, settle a moment later.
    let mut later = old.clone();
    let put_aside = std::mem::replace(&mut later, new.clone());
    let mut history = History::default();
    history.record_replace(put_aside);
    assert!(history.is_waiting() && history.can_undo());
    history.settle(&later);
    assert!(!history.is_waiting());
    assert_eq!(history.last_undo(), Some(&step));

    // Undo straight after the replace, before anything settled it: undo settles first.
    let mut undone = old.clone();
    let put_aside = std::mem::replace(&mut undone, new);
    let mut history = History::default();
    history.record_replace(put_aside);
    history.undo(&mut undone, NOW + 2).unwrap().unwrap();
    assert_eq!(visible(&undone).deals.len(), visible(&old).deals.len());
    let titles =
        |b: &Board| -> Vec<String> { visible(b).deals.iter().map(|d| d.title.clone()).collect() };
    assert_eq!(titles(&undone), titles(&old));
    assert!(history.can_redo() && !history.can_undo());
}

/// A board the import (a replace) put in place of the sample board: the sample's deals and two
/// more from the file.
fn imported_over_sample() -> (Board, Board, Step) {
    let old = Lang::En.sample_board(NOW);
    let mut new = old.clone();
    add(&mut new, "file-a", PresetStage::Lead, "From the file A", 5);
    add(&mut new, "file-b", PresetStage::Demo, "From the file B", 7);
    let mut board = old.clone();
    let (_, step) = board
        .apply_recorded(Command::ReplaceBoard(Box::new(new)), NOW + 1)
        .unwrap();
    (old, board, step)
}

fn deal_mut<'a>(board: &'a mut Board, id: &str) -> &'a mut Deal {
    board.deals.iter_mut().find(|d| d.id.0 == id).unwrap()
}

#[test]
fn undoing_an_import_keeps_an_added_deal_another_tab_changed_and_removes_the_rest() {
    let (old, mut board, step) = imported_over_sample();
    assert_eq!(
        step.after.added.len(),
        2,
        "the added deals are kept as fingerprints"
    );
    assert!(step.after.deals.is_empty(), "and not copied");
    // Another tab edited A (its save merged in here); B only had its bookkeeping renewed.
    let a = deal_mut(&mut board, "file-a");
    a.title = "Changed in another tab".into();
    a.revision += 1;
    a.updated = NOW + 5;
    let b = deal_mut(&mut board, "file-b");
    b.revision += 3;
    b.updated = NOW + 6;

    let mut history = History::default();
    history.record(step);
    history.undo(&mut board, NOW + 10).unwrap().unwrap();
    let ids =
        |b: &Board| -> Vec<String> { visible(b).deals.iter().map(|d| d.id.0.clone()).collect() };
    let mut expected = ids(&old);
    expected.push("file-a".into());
    expected.sort();
    assert_eq!(ids(&board), expected, "A stays, B is undone");
    assert_eq!(
        board.deal(&DealId("file-a".into())).unwrap().title,
        "Changed in another tab"
    );

    // Redo puts B back, and A is as the other tab left it.
    history.redo(&mut board, NOW + 11).unwrap().unwrap();
    assert!(board.deal(&DealId("file-b".into())).is_some());
    assert_eq!(
        board.deal(&DealId("file-a".into())).unwrap().title,
        "Changed in another tab"
    );
}

/// A change to one member of a deal.
type DealChange = Box<dyn Fn(&mut Deal)>;

#[test]
fn a_fingerprint_follows_every_member_of_a_deal_but_its_bookkeeping() {
    let (_, board, _) = imported_over_sample();
    let deal = board.deal(&DealId("file-a".into())).unwrap().clone();
    let print = fingerprint(&deal);
    let unchanged: [fn(&mut Deal); 2] = [|d| d.revision += 1, |d| d.updated += 1];
    for change in unchanged {
        let mut d = deal.clone();
        change(&mut d);
        assert_eq!(fingerprint(&d), print, "bookkeeping does not count");
    }
    let visit = StageVisit {
        stage: StageId("won".into()),
        entered: NOW,
    };
    let changes: Vec<(&str, DealChange)> = vec![
        ("id", Box::new(|d| d.id = DealId("other".into()))),
        ("title", Box::new(|d| d.title.push('!'))),
        ("customer", Box::new(|d| d.customer.push('!'))),
        ("contact", Box::new(|d| d.contact.push('!'))),
        ("value", Box::new(|d| d.value += 1)),
        (
            "currency",
            Box::new(|d| d.currency = Currency::parse("JPY").unwrap()),
        ),
        ("cost", Box::new(|d| d.cost = Some(d.cost.unwrap_or(0) + 1))),
        ("owner", Box::new(|d| d.owner.push('!'))),
        ("product", Box::new(|d| d.product.push('!'))),
        ("region", Box::new(|d| d.region.push('!'))),
        (
            "close_date",
            Box::new(|d| d.close_date = Date::from_ymd(2031, 2, 3)),
        ),
        ("notes", Box::new(|d| d.notes.push('!'))),
        ("stage", Box::new(|d| d.stage = StageId("won".into()))),
        ("rank", Box::new(|d| d.rank += 0.5)),
        ("status", Box::new(|d| d.status = DealStatus::Lost)),
        (
            "loss_reason",
            Box::new(|d| d.loss_reason = Some("price".into())),
        ),
        ("created", Box::new(|d| d.created += 1)),
        ("stage_entered", Box::new(|d| d.stage_entered += 1)),
        ("won_at", Box::new(|d| d.won_at = Some(NOW + 9))),
        ("history", Box::new(move |d| d.history.push(visit.clone()))),
    ];
    for (member, change) in changes {
        let mut d = deal.clone();
        change(&mut d);
        assert_ne!(d, deal, "{member}: the change changed the deal");
        assert_ne!(fingerprint(&d), print, "{member} counts");
    }
    // Text moved from one member to the next is a different deal, and a different print.
    let mut d = deal.clone();
    d.title = format!("{}{}", d.title, d.customer);
    d.customer.clear();
    let mut e = deal.clone();
    e.customer = format!("{}{}", e.title, e.customer);
    e.title.clear();
    assert_ne!(fingerprint(&d), fingerprint(&e));
}
