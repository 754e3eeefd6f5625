//! Times the pure steps of a large import natively (wasm is ~1.5–2× slower):
//! `cargo run --release --example import_timing -- board.json`
use dealboard::domain::columns::board_view;
use dealboard::domain::command::Command;
use dealboard::domain::filter::DealFilter;
use dealboard::domain::merge::preview;
use dealboard::domain::targets::behind_targets;
use dealboard::i18n::Lang;
use dealboard::io::staged::{Progress, StagedImport};
use dealboard::io::store;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a board file");
    let text = std::fs::read_to_string(path).unwrap();
    let t = Instant::now();
    let mut job = StagedImport::new(text.clone().into_bytes());
    let imported = loop {
        if let Progress::Done(r) = job.step(1_000) {
            break (*r).unwrap();
        }
    };
    println!("staged read: {:?}", t.elapsed());
    let t = Instant::now();
    let problems = dealboard::io::validate::validate(&imported.board);
    println!("validate: {:?} {}", t.elapsed(), problems.len());
    let t = Instant::now();
    let _ = dealboard::io::import::read_import(&text).unwrap();
    println!("read_import: {:?}", t.elapsed());
    let t = Instant::now();
    let stored = store::encode(&imported.board, 0);
    println!("store::encode: {:?} ({} bytes)", t.elapsed(), stored.len());
    let t = Instant::now();
    let _ = store::decode(&stored).unwrap();
    println!("store::decode: {:?}", t.elapsed());
    let mut board = Lang::En.sample_board(0);
    let t = Instant::now();
    let _ = preview(&board, &imported.board);
    println!("merge preview: {:?}", t.elapsed());
    let t = Instant::now();
    let incoming = imported.board.clone();
    println!("clone board: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = board
        .apply_recorded(Command::ReplaceBoard(Box::new(incoming)), 1)
        .unwrap();
    println!("apply_recorded ReplaceBoard: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = board_view(&board, &DealFilter::default());
    println!("board_view: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = board.owners();
    println!("owners: {:?}", t.elapsed());
    // The header badge works this out after every change (a move, an edit).
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let today = dealboard::domain::date::day_of(now.unwrap().as_millis() as i64);
    let t = Instant::now();
    let behind = behind_targets(&board, today);
    println!(
        "behind_targets ({} of {} targets): {:?}",
        behind.len(),
        board.targets.len(),
        t.elapsed()
    );
}
