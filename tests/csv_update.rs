//! A CSV file imported into the board it came from updates its deals (matched by Id) rather
//! than doubling them; columns the file leaves out keep the deal's values.

mod common;

use common::{add, empty_board, NOW};
use dealboard::domain::board::{Board, DealId, DealStatus, PresetStage, Stage};
use dealboard::domain::money::Currency;
use dealboard::i18n::Lang;
use dealboard::io::csv::{
    apply_import, deals_to_csv, guess_mapping, import_rows, parse_csv, Applied, CsvImport,
};
use std::sync::atomic::{AtomicUsize, Ordering};

fn english(stage: &Stage) -> String {
    stage
        .preset
        .map_or(stage.name.clone(), |p| Lang::En.stage_name(p))
}

/// Ids for new deals, unique across imports in this test binary.
static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

/// What importing `text` into `board` with the guessed mapping would do, not yet applied.
fn read_into(board: &Board, text: &str) -> CsvImport {
    let table = parse_csv(text).unwrap();
    let usd = Currency::parse("USD").unwrap();
    import_rows(&table, &guess_mapping(&table.headers), board, &usd, english)
}

/// Imports `text` into `board` with the guessed mapping; new deals get ids `new-N`.
fn import_into(board: &mut Board, text: &str) -> Applied {
    let import = read_into(board, text);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    let new_id = || DealId(format!("new-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed)));
    apply_import(board, import, new_id, NOW)
}

#[test]
fn our_own_export_imported_twice_changes_nothing() {
    let mut board = Lang::En.sample_board(NOW);
    let before = board.clone();
    let csv = deals_to_csv(&board, english);
    let applied = import_into(&mut board, &csv);
    assert_eq!(
        applied,
        Applied {
            added: 0,
            updated: 0,
            unchanged: before.deals.len(),
        }
    );
    assert_eq!(board, before, "not one deal doubled or touched");
}

#[test]
fn an_edited_export_updates_the_deals_it_names_and_adds_the_others() {
    let mut board = Lang::En.sample_board(NOW);
    let count = board.deals.len();
    let target = board.deals[0].clone();
    let csv = deals_to_csv(&board, english);
    // In the spreadsheet: the first deal's title and value change, and a new row is added.
    let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
    let row = lines
        .iter()
        .position(|l| l.contains(&target.id.0))
        .expect("the deal's row");
    let table = parse_csv(&csv).unwrap();
    let mut cells = table.rows[row - 1].cells.clone();
    cells[0] = "Renamed in Excel".into();
    cells[3] = "123456".into();
    lines[row] = cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",");
    lines.push("Brand new,,,500,USD,Lead,,,,,,,,,,".into());
    let applied = import_into(&mut board, &lines.join("\n"));
    assert_eq!(applied.added, 1);
    assert_eq!(applied.updated, 1);
    assert_eq!(applied.unchanged, count - 1);
    assert_eq!(board.deals.len(), count + 1);
    let deal = board.deal(&target.id).unwrap();
    assert_eq!(deal.title, "Renamed in Excel");
    assert_eq!(deal.value, 12_345_600);
    // What CSV does not carry stays: the next step, steps done, checked criteria, cost.
    assert_eq!(deal.next_step, target.next_step);
    assert_eq!(deal.activities, target.activities);
    assert_eq!(deal.checked, target.checked);
    assert_eq!(deal.cost, target.cost);
    assert_eq!(deal.stage, target.stage);
    assert!(board.deals.iter().any(|d| d.title == "Brand new"));
}

#[test]
fn columns_left_out_keep_the_deals_values_and_a_named_stage_moves_it() {
    let mut board = empty_board();
    add(
        &mut board,
        "d-1",
        PresetStage::Lead,
        "Acme renewal",
        100_000,
    );
    let id = DealId("d-1".into());
    let mut f = board.deal(&id).unwrap().fields();
    f.customer = "Acme".into();
    f.owner = "Alice Chen".into();
    board
        .apply(
            dealboard::domain::command::Command::EditDeal {
                id: id.clone(),
                fields: f,
            },
            NOW,
        )
        .unwrap();

    let import = read_into(&board, "Id,Value\nd-1,2500\n");
    assert_eq!(import.notes, [], "updates alone: no word on a Stage column");
    let applied = import_into(&mut board, "Id,Value\nd-1,2500\n");
    assert_eq!(applied.updated, 1);
    let deal = board.deal(&id).unwrap();
    assert_eq!(deal.value, 250_000);
    assert_eq!(
        (deal.title.as_str(), deal.customer.as_str()),
        ("Acme renewal", "Acme")
    );
    assert_eq!(deal.owner, "Alice Chen");
    assert_eq!(
        deal.stage,
        PresetStage::Lead.id(),
        "no Stage column: it stays"
    );

    // An empty cell in a mapped column is the file's word: the customer is cleared.
    import_into(&mut board, "Id,Customer,Stage\nd-1,,Demo\n");
    let deal = board.deal(&id).unwrap();
    assert_eq!(deal.customer, "");
    assert_eq!(deal.stage, PresetStage::Demo.id());
    assert_eq!(deal.title, "Acme renewal");

    // An unknown stage keeps it where it is (with a note), not in the first stage.
    let import = read_into(&board, "Id,Stage\nd-1,Contact Made\n");
    assert_eq!(import.updates[0].2, PresetStage::Demo.id());
    assert_eq!(import.notes.len(), 1);
}

#[test]
fn without_a_stage_column_only_new_deals_get_the_note_once_at_line_1() {
    let mut board = empty_board();
    add(
        &mut board,
        "d-1",
        PresetStage::Demo,
        "Acme renewal",
        100_000,
    );
    let import = read_into(
        &board,
        "Id,Title\nd-1,Acme renewal 2\n,Globex pilot\n,Initech\n",
    );
    assert_eq!(import.updates.len(), 1);
    assert_eq!(
        import.updates[0].2,
        PresetStage::Demo.id(),
        "the update keeps its stage"
    );
    assert_eq!(import.rows.len(), 2);
    let said: Vec<String> = import.notes.iter().map(|n| Lang::En.csv_issue(n)).collect();
    assert_eq!(
        said,
        [r#"line 1: Stage: no column is read as the stage; every new deal goes to "Lead""#]
    );
}

#[test]
fn a_row_in_lost_brings_its_loss_reason_new_or_updated() {
    let mut board = empty_board();
    add(
        &mut board,
        "d-1",
        PresetStage::Demo,
        "Globex pilot",
        850_000,
    );
    let applied = import_into(
        &mut board,
        "Id,Title,Stage,Loss reason\nd-1,Globex pilot,Lost,Went with a competitor\n,Initech,Lost,price\n",
    );
    assert_eq!((applied.added, applied.updated), (1, 1));
    let moved = board.deal(&DealId("d-1".into())).unwrap();
    assert_eq!(moved.status, DealStatus::Lost);
    assert_eq!(moved.loss_reason.as_deref(), Some("Went with a competitor"));
    let added = board.deals.iter().find(|d| d.title == "Initech").unwrap();
    assert_eq!(added.status, DealStatus::Lost);
    assert_eq!(added.loss_reason.as_deref(), Some("price"));
    // A reason on a row in an open stage is not kept: only lost deals have one.
    import_into(&mut board, "Title,Stage,Loss reason\nHooli,Lead,price\n");
    let hooli = board.deals.iter().find(|d| d.title == "Hooli").unwrap();
    assert_eq!(hooli.loss_reason, None);
}

#[test]
fn an_id_the_board_does_not_have_is_a_new_deal() {
    let mut board = empty_board();
    add(
        &mut board,
        "d-1",
        PresetStage::Lead,
        "Acme renewal",
        100_000,
    );
    let applied = import_into(&mut board, "Deal - ID,Deal - Title\n17,Umbrella\n");
    assert_eq!((applied.added, applied.updated), (1, 0));
    assert_eq!(board.deals.len(), 2);
}
