//! Where a move's time goes on a large board: run by hand with
//! `node bench/generate.mjs 50000 --out /tmp/b50k.json` then
//! `BOARD=/tmp/b50k.json cargo test --release --test move_cost -- --ignored --nocapture`.
//! Not a test of behaviour: it prints timings.
#![cfg(not(target_arch = "wasm32"))]

use dealboard::domain::board::Board;
use dealboard::domain::columns::board_view;
use dealboard::domain::command::Command;
use dealboard::domain::filter::DealFilter;
use dealboard::domain::ordering::position_of;
use dealboard::domain::targets::period::Period;
use dealboard::domain::targets::target::{Measure, Scope, Target, TargetId};
use dealboard::domain::view_patch::PendingChanges;
use std::time::Instant;

fn load() -> Option<Board> {
    let path = std::env::var("BOARD").ok()?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(dealboard::io::snapshot::restore(&text).ok()?.board)
}

/// Median microseconds of `runs` calls of `f`.
fn time(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut samples: Vec<u128> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_micros()
        })
        .collect();
    samples.sort_unstable();
    println!("{name:<40} {:>8} µs", samples[runs / 2]);
}

#[test]
#[ignore = "prints timings; needs BOARD=<generated board file>"]
fn time_the_parts_of_a_move() {
    let Some(mut board) = load() else {
        println!("set BOARD to a file from bench/generate.mjs");
        return;
    };
    println!("{} deals", board.deals.len());
    let filter = DealFilter::default();
    time("board_view", 10, || {
        std::hint::black_box(board_view(&board, &filter));
    });
    let view = board_view(&board, &filter);
    time("clone every column (column memos)", 10, || {
        std::hint::black_box(view.columns.clone());
    });
    let first = board.stages[0].id.clone();
    let second = board.stages[1].id.clone();
    let id = board.deals_in(&first)[0].id.clone();
    time("position_of", 10, || {
        std::hint::black_box(position_of(&board, &id));
    });
    let mut now = 1_900_000_000_000;
    let mut flip = false;
    time("apply MoveDeal (no history)", 10, || {
        flip = !flip;
        let to = if flip { second.clone() } else { first.clone() };
        now += 1;
        let cmd = Command::MoveDeal {
            id: id.clone(),
            to,
            index: 0,
            loss_reason: None,
        };
        board.apply(cmd, now).unwrap();
    });
    time("apply_recorded MoveDeal (with history)", 10, || {
        flip = !flip;
        let to = if flip { second.clone() } else { first.clone() };
        now += 1;
        let cmd = Command::MoveDeal {
            id: id.clone(),
            to,
            index: 0,
            loss_reason: None,
        };
        std::hint::black_box(board.apply_recorded(cmd, now).unwrap());
    });
    let mut view = board_view(&board, &filter);
    time("apply_recorded MoveDeal + patch the view", 10, || {
        flip = !flip;
        let to = if flip { second.clone() } else { first.clone() };
        now += 1;
        let cmd = Command::MoveDeal {
            id: id.clone(),
            to,
            index: 0,
            loss_reason: None,
        };
        let (_, step) = board.apply_recorded(cmd, now).unwrap();
        let mut pending = PendingChanges::none();
        pending.record(&step);
        let PendingChanges::Known(changes) = pending else {
            panic!("a move is known")
        };
        assert!(view.apply_changes(&board, &filter, &changes));
    });
    // A manager's targets for the quarter: the team, each rep, each product line.
    let mut scopes = vec![Scope::team()];
    scopes.extend(board.owners().into_iter().map(|o| Scope {
        owner: Some(o),
        ..Scope::default()
    }));
    let products: std::collections::BTreeSet<String> =
        board.deals.iter().map(|d| d.product.clone()).collect();
    scopes.extend(products.into_iter().map(|p| Scope {
        product: Some(p),
        ..Scope::default()
    }));
    for (i, scope) in scopes.into_iter().enumerate() {
        board.targets.push(Target::new(
            TargetId(format!("t{i}")),
            Measure::WonValue,
            Period::Quarter(2026, 2),
            scope,
            100_000_000, // $1,000,000 in cents
            board.deals[0].currency.clone(),
        ));
    }
    time("behind_targets", 10, || {
        std::hint::black_box(dealboard::domain::targets::behind_targets(
            &board,
            dealboard::domain::date::Date::from_ymd(2026, 6, 1).unwrap(),
        ));
    });
    println!("{} targets", board.targets.len());
}
