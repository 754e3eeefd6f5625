//! Times the board's view as the user types in the search box, natively (wasm is ~1.5–2×
//! slower): a full pass per keystroke against what the view memo does (`app::state`): narrow
//! the cards shown when typing on, else a pass that keeps the facets.
//! `cargo run --release --example search_timing -- board.json` (e.g. `bench/generate.mjs`'s)
use dealboard::domain::columns::{board_view, refiltered_view};
use dealboard::domain::filter::DealFilter;
use dealboard::io::import::read_import;
use std::time::{Duration, Instant};

/// The benchmark's keystrokes (`bench/bench.mjs`, `SEARCH_KEYS`).
const KEYS: [&str; 11] = [
    "g", "gl", "glo", "glob", "globe", "globex", "globex ", "globex l", "", "zq", "",
];

fn main() {
    let path = std::env::args().nth(1).expect("a board file");
    let text = std::fs::read_to_string(path).unwrap();
    let board = read_import(&text).unwrap().board;
    let filter = |query: &str| DealFilter {
        query: query.to_string(),
        ..DealFilter::default()
    };
    let mut full = vec![Duration::ZERO; KEYS.len()];
    let mut typed = vec![Duration::ZERO; KEYS.len()];
    let rounds = 10;
    for _ in 0..rounds {
        for (i, key) in KEYS.iter().enumerate() {
            let t = Instant::now();
            std::hint::black_box(board_view(&board, &filter(key)));
            full[i] += t.elapsed();
        }
        let mut last = (filter(""), board_view(&board, &filter("")));
        for (i, key) in KEYS.iter().enumerate() {
            let f = filter(key);
            let t = Instant::now();
            let view = match f.narrows(&last.0) {
                true => last.1.narrowed(&board, &f),
                false => None,
            }
            .unwrap_or_else(|| refiltered_view(&board, &f, last.1.facets.clone()));
            typed[i] += t.elapsed();
            last = (f, view);
        }
    }
    for (i, key) in KEYS.iter().enumerate() {
        println!(
            "{:>10}: full pass {:?}, as typed {:?}, {} shown",
            format!("{key:?}"),
            full[i] / rounds,
            typed[i] / rounds,
            board_view(&board, &filter(key)).shown
        );
    }
}
