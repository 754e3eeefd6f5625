//! The board's view in one pass: columns in order, cards in rank order, figures per column
//! and for the open pipeline, all following the filter.
#![cfg(not(target_arch = "wasm32"))]
// Amounts are written as dollars_cents (100_00 is $100.00).
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{add, empty_board, realistic_board, NOW};
use dealboard::domain::board::{DealId, PresetStage, StageId};
use dealboard::domain::columns::{board_view, refiltered_view};
use dealboard::domain::command::Command;
use dealboard::domain::filter::DealFilter;
use dealboard::domain::money::Currency;
use dealboard::domain::view_patch::PendingChanges;
use proptest::prelude::*;

#[test]
fn columns_follow_stage_order_and_cards_follow_rank() {
    let mut board = empty_board();
    for (id, stage) in [
        ("a", PresetStage::Demo),
        ("b", PresetStage::Demo),
        ("c", PresetStage::Won),
        ("d", PresetStage::Demo),
    ] {
        add(&mut board, id, stage, id, 100_00);
    }
    let cmd = Command::MoveDeal {
        id: DealId("d".into()),
        to: PresetStage::Demo.id(),
        index: 0,
        loss_reason: None,
    };
    board.apply(cmd, NOW).unwrap();
    let view = board_view(&board, &DealFilter::default());
    let stages: Vec<&str> = view.columns.iter().map(|c| c.stage.0.as_str()).collect();
    assert_eq!(
        stages,
        [
            "lead",
            "qualified",
            "demo",
            "proposal",
            "negotiation",
            "won",
            "lost"
        ]
    );
    let demo = view.column(&PresetStage::Demo.id()).unwrap();
    let ids: Vec<&str> = demo.cards.iter().map(|c| c.id.0.as_str()).collect();
    assert_eq!(ids, ["d", "a", "b"]);
    for card in &demo.cards {
        assert_eq!(
            board.deals[card.index].id, card.id,
            "index points at the deal"
        );
    }
    let usd = Currency::parse("USD").unwrap();
    assert_eq!(demo.summary.count, 3);
    assert_eq!(demo.summary.total.amount(&usd), 300_00);
    assert_eq!(demo.summary.weighted.amount(&usd), 120_00);
    // Won is not part of the open pipeline.
    assert_eq!(view.pipeline.total.amount(&usd), 300_00);
    assert_eq!(view.shown, 4);
}

#[test]
fn the_filter_narrows_cards_and_figures_alike() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 1_000);
    add(&mut board, "b", PresetStage::Lead, "Beta", 2_000);
    let filter = DealFilter {
        query: "acme".into(),
        ..DealFilter::default()
    };
    let view = board_view(&board, &filter);
    let lead = view.column(&PresetStage::Lead.id()).unwrap();
    assert_eq!(lead.cards.len(), 1);
    assert_eq!(lead.summary.count, 1);
    assert_eq!(
        view.pipeline.total.amount(&Currency::parse("USD").unwrap()),
        1_000
    );
    assert_eq!(view.shown, 1);
}

#[test]
fn a_move_changes_only_the_two_columns_involved() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "A", 1);
    add(&mut board, "b", PresetStage::Demo, "B", 1);
    add(&mut board, "c", PresetStage::Won, "C", 1);
    let before = board_view(&board, &DealFilter::default());
    let cmd = Command::MoveDeal {
        id: DealId("a".into()),
        to: PresetStage::Demo.id(),
        index: 0,
        loss_reason: None,
    };
    board.apply(cmd, NOW).unwrap();
    let after = board_view(&board, &DealFilter::default());
    let changed: Vec<&str> = before
        .columns
        .iter()
        .zip(&after.columns)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.stage.0.as_str())
        .collect();
    assert_eq!(changed, ["lead", "demo"]);
}

#[test]
fn product_and_region_filters_combine_with_the_rep() {
    let mut board = empty_board();
    for (id, owner, product, region) in [
        ("a", "Alice", "Suite", "EU"),
        ("b", "Alice", "Storage", "EU"),
        ("c", "Ben", "Suite", "EU"),
        ("d", "Alice", "Suite", "APAC"),
    ] {
        add(&mut board, id, PresetStage::Lead, id, 1);
        let deal = board.deals.iter_mut().find(|d| d.id.0 == id).unwrap();
        (deal.owner, deal.product, deal.region) = (owner.into(), product.into(), region.into());
    }
    let shown = |filter: &DealFilter| {
        let view = board_view(&board, filter);
        view.column(&PresetStage::Lead.id())
            .unwrap()
            .cards
            .iter()
            .map(|c| c.id.0.clone())
            .collect::<Vec<_>>()
    };
    let mut filter = DealFilter {
        product: Some("Suite".into()),
        ..DealFilter::default()
    };
    assert_eq!(shown(&filter), ["a", "c", "d"]);
    filter.owner = Some("Alice".into());
    assert_eq!(shown(&filter), ["a", "d"]);
    filter.region = Some("EU".into());
    assert_eq!(shown(&filter), ["a"]);
    assert!(!filter.is_empty());
}

fn searching(query: &str) -> DealFilter {
    DealFilter {
        query: query.into(),
        ..DealFilter::default()
    }
}

/// What the view memo does as the user types: each keystroke's view from the last one's.
#[test]
fn typing_on_narrows_the_cards_shown_exactly_as_a_full_pass_does() {
    let board = realistic_board(400);
    let keys = [
        "",
        "g",
        "gl",
        "GLO",
        "globex",
        "globex ",
        "globex h",
        "globex hold",
    ];
    let mut last = (searching(""), board_view(&board, &searching("")));
    for key in keys {
        let filter = searching(key);
        assert!(
            filter.narrows(&last.0),
            "{key:?} narrows {:?}",
            last.0.query
        );
        let narrowed = last
            .1
            .narrowed(&board, &filter)
            .expect("the view fits the board");
        let full = board_view(&board, &filter);
        assert_eq!(narrowed, full, "{key:?}");
        last = (filter, narrowed);
    }
    assert!(
        last.1.shown > 0 && last.1.shown < 400,
        "found {} of 400",
        last.1.shown
    );
    // A rep chosen on top of a search narrows too; one taken away, or text deleted, does not.
    let rep = DealFilter {
        owner: Some("Alice Chen".into()),
        ..last.0.clone()
    };
    assert!(rep.narrows(&last.0));
    assert_eq!(
        last.1.narrowed(&board, &rep),
        Some(board_view(&board, &rep))
    );
    assert!(!last.0.narrows(&rep), "the rep lifted widens");
    assert!(
        !searching("globex").narrows(&searching("globex h")),
        "deleting widens"
    );
    assert!(!searching("initech").narrows(&searching("globex")));
}

#[test]
fn a_view_that_no_longer_fits_the_board_is_not_narrowed() {
    let mut board = realistic_board(50);
    let view = board_view(&board, &searching(""));
    // Deleting the first deal moves every other one up: the cards' position hints are stale.
    let first = board.deals[0].id.clone();
    board.apply(Command::DeleteDeal { id: first }, NOW).unwrap();
    assert_eq!(view.narrowed(&board, &searching("a")), None);
    let mut fewer_stages = realistic_board(50);
    let view = board_view(&fewer_stages, &searching(""));
    fewer_stages.stages.pop();
    assert_eq!(view.narrowed(&fewer_stages, &searching("a")), None);
}

/// What the memo really narrows: a view patched after moves (cards no longer in board order),
/// whose facets were patched too.
#[test]
fn a_patched_view_narrows_and_refilters_as_a_full_pass_does() {
    let mut board = realistic_board(300);
    let wider = searching("e");
    let mut view = board_view(&board, &wider);
    let mut pending = PendingChanges::none();
    let stages: Vec<StageId> = board.stages.iter().map(|s| s.id.clone()).collect();
    for n in 0..12 {
        // Later deals to the top of earlier stages, and one deleted: display order is no
        // longer board order, and a rep's count changes.
        let id = board.deals[(n * 23 + 7) % board.deals.len()].id.clone();
        let cmd = if n == 5 {
            Command::DeleteDeal { id }
        } else {
            Command::MoveDeal {
                id,
                to: stages[n % 4].clone(),
                index: 0,
                loss_reason: None,
            }
        };
        let (_, step) = board.apply_recorded(cmd, NOW).unwrap();
        pending.record(&step);
    }
    let PendingChanges::Known(changes) = pending else {
        panic!("moves and deletes are known changes")
    };
    assert!(view.apply_changes(&board, &wider, &changes));
    assert_eq!(
        view.facets,
        board_view(&board, &wider).facets,
        "facets patched"
    );
    for query in ["ex", "exp", "expansion 4", "zq"] {
        let filter = searching(query);
        let full = board_view(&board, &filter);
        assert_eq!(
            refiltered_view(&board, &filter, view.facets.clone()),
            full,
            "{query:?}"
        );
        // The delete moved later deals up: hints of cards after it are stale, which `narrowed`
        // must notice rather than show the wrong deal.
        if let Some(narrowed) = view.narrowed(&board, &filter) {
            assert_eq!(narrowed, full, "{query:?}");
        }
    }
    // Made afresh after the delete, the view narrows with the moved cards in display order.
    let fresh = refiltered_view(&board, &wider, view.facets.clone());
    let narrowed = fresh
        .narrowed(&board, &searching("exp"))
        .expect("fresh hints");
    assert_eq!(narrowed, board_view(&board, &searching("exp")));
    let moved_first = narrowed.columns[1].cards.first().map(|c| c.index);
    assert!(
        moved_first > Some(1),
        "a later deal shows first: order is not board order"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The property `narrowed` rests on, over text with case subtleties (final sigma, dotted
    /// capital I, sharp s): a deal a filter that narrows shows, the wider one shows too.
    #[test]
    fn a_deal_a_narrower_filter_shows_the_wider_one_shows(
        title in "[aSσςΣİiIßẞ ]{0,6}",
        wider in "[aSσςΣİiIßẞ ]{0,3}",
        more in "[aSσςΣİiIßẞ ]{0,3}",
        before in proptest::bool::ANY,
    ) {
        let mut board = realistic_board(1);
        board.deals[0].title = title;
        let deal = &board.deals[0];
        let wider = searching(&wider);
        let appended = match before {
            true => format!("{more}{}", wider.query),
            false => format!("{}{more}", wider.query),
        };
        let narrower = searching(&appended);
        // Adding text may not narrow in lower case ("ẞΣ" ends in a final sigma, "ẞΣI" does
        // not): `narrows` then says no, and the memo makes a full pass.
        if narrower.narrows(&wider) && narrower.matches(deal, &board.stages) {
            prop_assert!(wider.matches(deal, &board.stages));
        }
        if wider.query.is_ascii() && more.is_ascii() {
            prop_assert!(narrower.narrows(&wider), "adding text narrows");
        }
    }

    /// Any two search texts: when the second narrows the first, narrowing the first's view
    /// gives the second's full pass.
    #[test]
    fn any_narrowing_search_gives_the_full_pass(
        wider in "[acgmeLOX x王]{0,3}",
        more in "[acgmeLOX x王]{0,3}",
        at in 0usize..4,
        owner in proptest::option::of(prop_oneof![Just("Alice Chen"), Just("王芳")]),
    ) {
        let board = realistic_board(120);
        let wider = searching(&wider);
        let cut = wider.query.char_indices().map(|(i, _)| i).nth(at).unwrap_or(wider.query.len());
        let mut narrower = searching(&format!("{}{more}{}", &wider.query[..cut], &wider.query[cut..]));
        narrower.owner = owner.map(str::to_string);
        let view = board_view(&board, &wider);
        if narrower.narrows(&wider) {
            prop_assert_eq!(view.narrowed(&board, &narrower), Some(board_view(&board, &narrower)));
        }
    }
}
