//! CSV out and in: quoting, byte order mark, formula neutralisation, header matching, and a
//! Pipedrive-like file with bad rows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{empty_board, fields, NOW};
use dealboard::domain::board::{Board, DealFields, DealId, PresetStage, Stage, StageId};
use dealboard::domain::command::Command;
use dealboard::domain::money::Currency;
use dealboard::i18n::csv_issues::field_key;
use dealboard::i18n::Lang;
use dealboard::io::csv::{
    deals_to_csv, guess_mapping, import_rows, neutralise, parse_csv, unneutralise, write_row,
    CsvError, CsvImport, CsvIssue, CsvProblem, Field, BOM, EXPORT_HEADERS,
};

const PIPEDRIVE: &str = include_str!("fixtures/pipedrive-export.csv");

fn english(stage: &Stage) -> String {
    stage
        .preset
        .map_or(stage.name.clone(), |p| Lang::En.stage_name(p))
}

fn chinese(stage: &Stage) -> String {
    stage
        .preset
        .map_or(stage.name.clone(), |p| Lang::ZhCn.stage_name(p))
}

fn usd() -> Currency {
    Currency::parse("USD").unwrap()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// Imports `text` into the default board with the guessed mapping.
fn import_text(text: &str) -> CsvImport {
    let table = parse_csv(text).unwrap();
    let mapping = guess_mapping(&table.headers);
    import_rows(&table, &mapping, &empty_board(), &usd(), english)
}

/// Imports one data row under `headers`.
fn import_one(headers: &str, row: &str) -> CsvImport {
    import_text(&format!("{headers}\n{row}\n"))
}

/// The issues as the interface shows them in English.
fn messages(issues: &[CsvIssue]) -> Vec<String> {
    in_language(Lang::En, issues)
}

fn in_language(lang: Lang, issues: &[CsvIssue]) -> Vec<String> {
    issues.iter().map(|i| lang.csv_issue(i)).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading and writing cells

#[test]
fn quoted_cells_survive_a_round_trip() {
    let rows = [
        strings(&["plain", "with, comma", "with \"quotes\"", ""]),
        strings(&[
            "line\nbreak",
            "crlf\r\nbreak",
            "华文分销 · 李伟",
            "  spaced  ",
        ]),
        strings(&["\"", "\"\"", ",", "<script>alert(1)</script>"]),
    ];
    let mut text = String::new();
    for row in &rows {
        write_row(&mut text, row.iter().cloned());
    }
    let table = parse_csv(&text).unwrap();
    assert_eq!(
        table.headers,
        strings(&["plain", "with, comma", "with \"quotes\"", ""])
    );
    let cells: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(cells, rows[1..]);
    // The second row has two quoted line breaks (LF and CRLF): it spans lines 2 to 4.
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 5]);
}

#[test]
fn rows_end_with_crlf_and_quotes_are_doubled() {
    let mut text = String::new();
    write_row(&mut text, strings(&["a", "b \"c\"", "d,e"]));
    assert_eq!(text, "a,\"b \"\"c\"\"\",\"d,e\"\r\n");
}

#[test]
fn lf_crlf_blank_lines_and_line_numbers() {
    let text = "Title,Value\r\nA,1\r\n\r\nB,2\n\"C\nstill C\",3\nD,4";
    let table = parse_csv(text).unwrap();
    let rows: Vec<(usize, Vec<String>)> = table
        .rows
        .iter()
        .map(|r| (r.line, r.cells.clone()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, strings(&["A", "1"])),
            (4, strings(&["B", "2"])),
            (5, strings(&["C\nstill C", "3"])),
            (7, strings(&["D", "4"])),
        ]
    );
}

#[test]
fn a_byte_order_mark_is_written_and_skipped() {
    let text = deals_to_csv(&empty_board(), english);
    assert!(text.starts_with(BOM));
    assert!(text.starts_with("\u{feff}Title,Customer,"));
    let table = parse_csv(&text).unwrap();
    assert_eq!(table.headers, EXPORT_HEADERS.map(String::from));
    assert!(table.rows.is_empty());
    let without = parse_csv(text.trim_start_matches(BOM)).unwrap();
    assert_eq!(without, table);
    // A BOM in the first header does not stop it being recognised.
    assert_eq!(guess_mapping(&table.headers)[0], Some(Field::Title));
}

#[test]
fn a_quote_that_never_closes_is_an_error_with_its_line() {
    let err = parse_csv("Title,Notes\nA,fine\nB,\"never\nclosed").unwrap_err();
    assert_eq!(err, CsvError::UnclosedQuote { line: 3 });
    assert_eq!(err.to_string(), "line 3: a quoted cell is never closed");
    assert_eq!(parse_csv("").unwrap_err(), CsvError::Empty);
    assert_eq!(parse_csv("\u{feff}\n\n").unwrap_err(), CsvError::Empty);
}

#[test]
fn a_stray_quote_inside_a_cell_is_kept_as_text() {
    let table = parse_csv("Title,Size\nThe 27\" screen,big\n\"Quoted\" tail,x\n").unwrap();
    assert_eq!(table.rows[0].cells, strings(&["The 27\" screen", "big"]));
    assert_eq!(table.rows[1].cells, strings(&["Quoted tail", "x"]));
}

#[test]
fn semicolons_and_tabs_are_recognised_from_the_header() {
    let table = parse_csv("Title;Value;Notes\nAcme;12500,50;\"a;b\"\n").unwrap();
    assert_eq!(table.delimiter, ';');
    assert_eq!(table.rows[0].cells, strings(&["Acme", "12500,50", "a;b"]));
    let table = parse_csv("Title\tValue\nAcme\t1,200\n").unwrap();
    assert_eq!(table.delimiter, '\t');
    assert_eq!(table.rows[0].cells, strings(&["Acme", "1,200"]));
    assert_eq!(parse_csv("Title\nAcme\n").unwrap().delimiter, ',');
}

// ---------------------------------------------------------------------------------------------
// Formulas

#[test]
fn every_formula_trigger_is_neutralised() {
    for trigger in ['=', '+', '-', '@', '\t', '\r'] {
        let text = format!("{trigger}1+2");
        assert_eq!(neutralise(&text), format!("'{text}"), "{trigger:?}");
        assert_eq!(unneutralise(&neutralise(&text)), text, "{trigger:?}");

        let mut board = empty_board();
        let mut f = fields("Deal", 100);
        f.notes = text.clone();
        f.contact = text.clone();
        let cmd = Command::AddDeal {
            id: DealId("d".into()),
            stage: PresetStage::Lead.id(),
            fields: f,
        };
        board.apply(cmd, NOW).unwrap();
        let csv = deals_to_csv(&board, english);
        let table = parse_csv(&csv).unwrap();
        let row = &table.rows[0].cells;
        // Notes is column 12 and Contact column 2 (which the board trims, tab and CR too).
        assert_eq!(row[12], format!("'{text}"), "{trigger:?}");
        let contact = text.trim();
        assert_eq!(row[2], neutralise(contact), "{trigger:?}");
        if !trigger.is_whitespace() {
            assert_eq!(row[2], format!("'{text}"), "{trigger:?}");
        }
        // And no cell of the file starts with a trigger.
        for cell in table.rows.iter().flat_map(|r| &r.cells) {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

#[test]
fn safe_text_is_left_alone_and_guards_are_told_apart() {
    for text in ["Acme", "", "1+2", "a=b", " =1", "'quoted", "华文"] {
        assert_eq!(neutralise(text), text);
        assert_eq!(unneutralise(text), text);
    }
    // Text that already looks guarded gets one more quote, so import restores it exactly.
    assert_eq!(neutralise("'=1"), "''=1");
    assert_eq!(unneutralise("''=1"), "'=1");
    assert_eq!(unneutralise("'=1"), "=1");
}

#[test]
fn headers_themselves_are_written_safely() {
    let mut text = String::new();
    write_row(&mut text, strings(&["=cmd|' /C calc'!A0", "@SUM(1)"]));
    assert_eq!(text, "'=cmd|' /C calc'!A0,'@SUM(1)\r\n");
}

// ---------------------------------------------------------------------------------------------
// Export

#[test]
fn export_writes_every_column_in_plain_form() {
    let mut board = empty_board();
    let f = DealFields {
        title: "Acme renewal".into(),
        customer: "Acme Corp".into(),
        contact: "Jane Doe".into(),
        value: 2_400_050,
        currency: usd(),
        cost: None,
        owner: "Alice Chen".into(),
        product: "Analytics Suite".into(),
        region: "North America".into(),
        close_date: dealboard::domain::date::Date::from_ymd(2026, 12, 15),
        notes: "Two lines,\nwith a comma".into(),
        // Not a CSV column (docs/csv.md): the export leaves it out.
        next_step: None,
        checked: Vec::new(),
        activities: Vec::new(),
        loss_reason: None,
    };
    board
        .apply(
            Command::AddDeal {
                id: DealId("d-1".into()),
                stage: PresetStage::Demo.id(),
                fields: f,
            },
            NOW,
        )
        .unwrap();
    let csv = deals_to_csv(&board, english);
    let expected_row = "Acme renewal,Acme Corp,Jane Doe,24000.50,USD,Demo,Alice Chen,\
        Analytics Suite,North America,2026-12-15,open,,\"Two lines,\nwith a comma\",\
        2026-11-30T12:00:00Z,2026-11-30T12:00:00Z,d-1\r\n";
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.ends_with(expected_row), "{csv}");
}

#[test]
fn whole_amounts_and_yen_are_plain_decimals() {
    let mut board = empty_board();
    for (id, cents, code) in [
        ("a", 1_250_000, "USD"),
        ("b", 12_500, "JPY"),
        ("c", 5, "EUR"),
    ] {
        let mut f = fields(id, cents);
        f.currency = Currency::parse(code).unwrap();
        let cmd = Command::AddDeal {
            id: DealId(id.into()),
            stage: PresetStage::Lead.id(),
            fields: f,
        };
        board.apply(cmd, NOW).unwrap();
    }
    let table = parse_csv(&deals_to_csv(&board, english)).unwrap();
    let values: Vec<&str> = table.rows.iter().map(|r| r.cells[3].as_str()).collect();
    assert_eq!(values, ["12500.00", "12500", "0.05"]);
}

#[test]
fn chinese_text_and_stage_names_survive_export() {
    let mut board = empty_board();
    let mut f = fields("华文分销", 35_000_000);
    f.customer = "华文贸易".into();
    f.contact = "李伟".into();
    f.notes = "重点客户，\"年底\"签约".into();
    f.currency = Currency::parse("CNY").unwrap();
    let cmd = Command::AddDeal {
        id: DealId("d-2".into()),
        stage: PresetStage::Negotiation.id(),
        fields: f.clone(),
    };
    board.apply(cmd, NOW).unwrap();
    let csv = deals_to_csv(&board, chinese);
    let table = parse_csv(&csv).unwrap();
    let row = &table.rows[0].cells;
    assert_eq!(row[0], "华文分销");
    assert_eq!(row[5], Lang::ZhCn.stage_name(PresetStage::Negotiation));
    assert_eq!(row[12], f.notes);
    // Imported back into a Chinese board, the stage is found by its Chinese name; the deal is
    // that board's own (same Id), so the row updates it.
    let mapping = guess_mapping(&table.headers);
    let imported = import_rows(&table, &mapping, &board, &usd(), chinese);
    let id = DealId("d-2".into());
    assert_eq!(
        imported.updates,
        [(id.clone(), f.clone(), PresetStage::Negotiation.id())]
    );
    assert!(imported.rows.is_empty());
    assert!(imported.notes.is_empty() && imported.errors.is_empty());
    // Into another board it is a new deal.
    let imported = import_rows(&table, &mapping, &empty_board(), &usd(), chinese);
    assert_eq!(imported.rows, [(f, PresetStage::Negotiation.id())]);
    assert!(imported.updates.is_empty());
}

#[test]
fn export_then_import_gives_the_same_deals() {
    let mut board = Lang::En.sample_board(NOW);
    board.deals[0].notes = "=HYPERLINK(\"http://example.com\")\n<script>alert(1)</script>".into();
    board.deals[1].contact = "+1 555 0100".into();
    board.deals[2].title = "'quoted, \"and\" more".into();
    board.deals[3].notes = "  leading and trailing spaces  ".into();
    let csv = deals_to_csv(&board, english);
    let table = parse_csv(&csv).unwrap();
    let mapping = guess_mapping(&table.headers);
    // Into a board with the same stages and no deals: every deal comes back as a new one.
    let mut fresh = board.clone();
    fresh.deals = Default::default();
    let imported = import_rows(&table, &mapping, &fresh, &usd(), english);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let mut expected: Vec<(DealFields, StageId)> = Vec::new();
    for stage in &board.stages {
        for deal in board.deals_in(&stage.id) {
            // Next steps and steps done are not CSV columns (docs/csv.md): new deals have none.
            let fields = DealFields {
                next_step: None,
                activities: Vec::new(),
                ..deal.fields()
            };
            expected.push((fields, deal.stage.clone()));
        }
    }
    assert_eq!(imported.rows.len(), board.deals.len());
    assert_eq!(imported.rows, expected);
    assert!(imported.updates.is_empty());
    // Into the board it came from: every row names its deal and changes nothing.
    let again = import_rows(&table, &mapping, &board, &usd(), english);
    assert!(again.rows.is_empty(), "nothing new: {:?}", again.rows);
    let same: Vec<(DealId, DealFields, StageId)> = again
        .updates
        .into_iter()
        .filter(|(id, f, stage)| {
            let deal = board.deal(id).unwrap();
            deal.fields() == *f && deal.stage == *stage
        })
        .collect();
    assert_eq!(same.len(), board.deals.len(), "every deal unchanged");
}

// ---------------------------------------------------------------------------------------------
// Header matching

#[test]
fn pipedrive_headers_are_matched() {
    let headers = strings(&[
        "Deal - ID",
        "Deal - Title",
        "Deal - Organization",
        "Deal - Contact person",
        "Deal - Value",
        "Deal - Currency",
        "Deal - Stage",
        "Deal - Owner",
        "Deal - Expected close date",
        "Deal - Status",
    ]);
    assert_eq!(
        guess_mapping(&headers),
        [
            Some(Field::Id),
            Some(Field::Title),
            Some(Field::Customer),
            Some(Field::Contact),
            Some(Field::Value),
            Some(Field::Currency),
            Some(Field::Stage),
            Some(Field::Owner),
            Some(Field::CloseDate),
            None,
        ]
    );
}

#[test]
fn other_tools_headers_are_matched_ignoring_case() {
    let headers = strings(&[
        "Deal Name",
        "AMOUNT",
        "deal stage",
        "Close Date",
        "Deal owner",
        "Company name",
        "Pipeline",
        "Assigned to",
        "Territory",
        "Description",
        "Product",
        "Closing_Date",
    ]);
    assert_eq!(
        guess_mapping(&headers),
        [
            Some(Field::Title),
            Some(Field::Value),
            Some(Field::Stage),
            Some(Field::CloseDate),
            Some(Field::Owner),
            Some(Field::Customer),
            None,
            // Owner is already taken by "Deal owner".
            None,
            Some(Field::Region),
            Some(Field::Notes),
            Some(Field::Product),
            None,
        ]
    );
    let more = strings(&[
        "Name",
        "Deal value",
        "Pipeline stage",
        "Account",
        "Person",
        "Expected close date",
        "Product line",
    ]);
    assert_eq!(
        guess_mapping(&more),
        [
            Some(Field::Title),
            Some(Field::Value),
            Some(Field::Stage),
            Some(Field::Customer),
            Some(Field::Contact),
            Some(Field::CloseDate),
            Some(Field::Product),
        ]
    );
}

#[test]
fn chinese_headers_are_matched() {
    let headers = strings(&[
        "商机名称",
        "金额",
        "币种",
        "阶段",
        "负责人",
        "客户",
        "联系人",
        "预计成交日期",
        "产品线",
        "区域",
        "备注",
        "编号",
    ]);
    assert_eq!(
        guess_mapping(&headers),
        [
            Some(Field::Title),
            Some(Field::Value),
            Some(Field::Currency),
            Some(Field::Stage),
            Some(Field::Owner),
            Some(Field::Customer),
            Some(Field::Contact),
            Some(Field::CloseDate),
            Some(Field::Product),
            Some(Field::Region),
            Some(Field::Notes),
            Some(Field::Id),
        ]
    );
    assert_eq!(guess_mapping(&strings(&["名称"])), [Some(Field::Title)]);
}

#[test]
fn our_own_export_headers_are_matched() {
    let headers = EXPORT_HEADERS.map(String::from);
    let mapping = guess_mapping(&headers);
    let expected: Vec<Option<Field>> = EXPORT_HEADERS
        .iter()
        .map(|h| {
            // The Id column's choice says what it does: "Id (updates that deal)".
            Field::ALL
                .into_iter()
                .find(|f| Lang::En.text(field_key(*f)) == *h || (*f == Field::Id && *h == "Id"))
        })
        .collect();
    assert_eq!(mapping, expected);
    assert_eq!(mapping.iter().flatten().count(), Field::ALL.len());
}

// ---------------------------------------------------------------------------------------------
// Rows into deals

#[test]
fn the_pipedrive_sample_imports_good_rows_and_lists_bad_ones_by_line() {
    let table = parse_csv(PIPEDRIVE).unwrap();
    assert_eq!(table.rows.len(), 8);
    let mapping = guess_mapping(&table.headers);
    let board = empty_board();
    let imported = import_rows(&table, &mapping, &board, &usd(), english);
    assert_eq!(
        messages(&imported.errors),
        [
            r#"line 5: Value: expected an amount, found "abc""#,
            "line 6: Title: a deal needs a title",
        ]
    );
    let titles: Vec<&str> = imported
        .rows
        .iter()
        .map(|(f, _)| f.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Acme renewal",
            "Globex expansion",
            "华文分销",
            "Stark \"Mark II\" upgrade",
            "Wayne security audit",
            "Soylent renewal",
        ]
    );
    let (acme, stage) = &imported.rows[0];
    assert_eq!((acme.value, acme.currency.code()), (2_400_050, "USD"));
    assert_eq!(acme.customer, "Acme Corp");
    assert_eq!(acme.contact, "Jane Doe");
    assert_eq!(acme.owner, "Alice Chen");
    assert_eq!(acme.close_date.unwrap().to_string(), "2026-12-15");
    assert_eq!(stage, &PresetStage::Proposal.id());
    let (globex, _) = &imported.rows[1];
    assert_eq!(globex.value, 1_250_000);
    assert_eq!(
        globex.notes,
        "Call back after the budget meeting.\nAsk about the second site, \"Cypress Creek\"."
    );
    let (chinese, stage) = &imported.rows[2];
    assert_eq!(
        (chinese.value, chinese.currency.code()),
        (35_000_000, "CNY")
    );
    assert_eq!(
        (chinese.customer.as_str(), chinese.contact.as_str()),
        ("华文贸易", "李伟")
    );
    assert_eq!(stage, &PresetStage::Negotiation.id());
    let (stark, stage) = &imported.rows[3];
    assert_eq!(stark.value, 120_000_000);
    assert_eq!(stark.notes, "=HYPERLINK(\"http://example.com\")");
    assert_eq!(
        stage,
        &PresetStage::Lead.id(),
        "unknown stage goes to the first open one"
    );
    assert_eq!(imported.rows[4].1, PresetStage::Won.id());
    assert_eq!(imported.rows[5].1, PresetStage::Lead.id());
    assert_eq!(
        messages(&imported.notes),
        [
            r#"line 8: Stage: no stage is named "Contact Made"; the deal goes to "Lead""#,
            r#"line 10: Stage: empty; the deal goes to "Lead""#,
        ]
    );
    // Every good row is a deal the board accepts.
    let mut board = board;
    for (i, (fields, stage)) in imported.rows.into_iter().enumerate() {
        let cmd = Command::AddDeal {
            id: DealId(format!("csv-{i}")),
            stage,
            fields,
        };
        board.apply(cmd, NOW).unwrap();
    }
    assert_eq!(board.deals.len(), 6);
}

#[test]
fn amounts_are_read_as_people_write_them() {
    let value = |text: &str| {
        let imported = import_one("Title,Value", &format!("A,\"{text}\""));
        imported.rows.first().map(|(f, _)| f.value)
    };
    assert_eq!(value("12,500.50"), Some(1_250_050));
    assert_eq!(value("$12,500"), Some(1_250_000));
    assert_eq!(value("12500"), Some(1_250_000));
    assert_eq!(value("12500.5"), Some(1_250_050));
    assert_eq!(value("USD 12,500"), Some(1_250_000));
    assert_eq!(value("12,500 usd"), Some(1_250_000));
    assert_eq!(value("1,234,567.89"), Some(123_456_789));
    assert_eq!(value("12500.500"), Some(1_250_050));
    assert_eq!(value(""), Some(0));
    for bad in [
        "abc",
        "12,5",
        "1,2345",
        "-500",
        "12.345",
        "(500)",
        "12.500,50",
        "€1",
        "1.华",
        "华,500",
    ] {
        assert_eq!(value(bad), None, "{bad}");
    }
    let yen = import_one("Title,Value,Currency", "A,\"¥1,200.00\",JPY");
    assert_eq!(yen.rows[0].0.value, 1_200);
    let cny = import_one("Title,Value,Currency", "A,￥350000,RMB");
    assert_eq!(
        (cny.rows[0].0.value, cny.rows[0].0.currency.code()),
        (35_000_000, "CNY")
    );
}

#[test]
fn dates_are_read_year_first_only() {
    let date = |text: &str| {
        let imported = import_one("Title,Close date", &format!("A,{text}"));
        match imported.rows.first() {
            Some((f, _)) => Ok(f.close_date.map(|d| d.to_string()).unwrap_or_default()),
            None => Err(messages(&imported.errors).join("; ")),
        }
    };
    for good in [
        "2026-12-15",
        "2026/12/15",
        "2026.12.15",
        "2026-12-15 00:00:00",
        "2026-12-15T09:30:00Z",
        "2026年12月15日",
    ] {
        assert_eq!(date(good), Ok("2026-12-15".into()), "{good}");
    }
    assert_eq!(date("2026-1-5"), Ok("2026-01-05".into()));
    assert_eq!(
        date("15/12/2026"),
        Err(r#"line 2: Expected close date: expected a date written as YYYY-MM-DD (day or month first is ambiguous), found "15/12/2026""#.into())
    );
    assert_eq!(
        date("2026-02-30"),
        Err(r#"line 2: Expected close date: expected a date written as YYYY-MM-DD, found "2026-02-30""#.into())
    );
    assert!(date("next week").is_err());
    assert!(date("2026-12-15 soon").is_err());
    assert!(date("46371").is_err());
}

#[test]
fn currencies_default_and_bad_ones_are_errors() {
    let imported = import_one("Title,Value,Currency", "A,100,");
    assert_eq!(imported.rows[0].0.currency, usd());
    let imported = import_one("Title,Value,Currency", "A,100,eur");
    assert_eq!(imported.rows[0].0.currency.code(), "EUR");
    let imported = import_one("Title,Value,Currency", "A,100,dollars");
    assert_eq!(
        messages(&imported.errors),
        [r#"line 2: Currency: expected a three-letter code such as USD, found "dollars""#]
    );
    let imported = import_text("Title,Value,Currency\nA,abc,xx\n");
    assert_eq!(imported.errors.len(), 1, "no second error about the value");
}

#[test]
fn a_row_lists_all_its_problems() {
    let imported = import_one("Title,Value,Close date", ",abc,31/12/2026");
    assert_eq!(
        messages(&imported.errors),
        [
            "line 2: Title: a deal needs a title",
            r#"line 2: Value: expected an amount, found "abc""#,
            r#"line 2: Expected close date: expected a date written as YYYY-MM-DD (day or month first is ambiguous), found "31/12/2026""#,
        ]
    );
    assert!(imported.rows.is_empty());
}

#[test]
fn stages_are_found_by_name_or_id_and_default_to_the_first_open_stage() {
    let mut board = empty_board();
    board
        .apply(
            Command::AddStage {
                id: StageId("s-trial".into()),
                name: "Paid trial".into(),
                probability: 50,
            },
            NOW,
        )
        .unwrap();
    board
        .apply(
            Command::MoveStage {
                id: PresetStage::Lead.id(),
                index: 99,
            },
            NOW,
        )
        .unwrap();
    let text = "Title,Stage\nA,  paid TRIAL \nB,won\nC,negotiation\nD,Nowhere\n";
    let table = parse_csv(text).unwrap();
    let imported = import_rows(
        &table,
        &guess_mapping(&table.headers),
        &board,
        &usd(),
        english,
    );
    let stages: Vec<&str> = imported.rows.iter().map(|(_, s)| s.0.as_str()).collect();
    // Lead was moved to the end: the first open stage is now Qualified.
    assert_eq!(stages, ["s-trial", "won", "negotiation", "qualified"]);
    assert_eq!(
        messages(&imported.notes),
        [r#"line 5: Stage: no stage is named "Nowhere"; the deal goes to "Qualified""#]
    );
    // Without a stage column every deal goes to the first open stage, said once.
    let table = parse_csv("Title\nA\nB\n").unwrap();
    let imported = import_rows(
        &table,
        &guess_mapping(&table.headers),
        &board,
        &usd(),
        english,
    );
    assert_eq!(imported.rows.len(), 2);
    assert_eq!(
        messages(&imported.notes),
        [r#"line 1: Stage: no column is read as the stage; every new deal goes to "Qualified""#]
    );
}

#[test]
fn the_user_can_correct_the_mapping() {
    let table = parse_csv("Opportunity,Worth,Firm,Memo\nAcme,500,Acme Corp,hi\n").unwrap();
    let guessed = guess_mapping(&table.headers);
    assert_eq!(guessed, [None, None, None, None]);
    let board = empty_board();
    let imported = import_rows(&table, &guessed, &board, &usd(), english);
    assert_eq!(
        messages(&imported.errors)[0],
        "line 2: Title: a deal needs a title"
    );
    let mapping = [
        Some(Field::Title),
        Some(Field::Value),
        Some(Field::Customer),
        Some(Field::Notes),
    ];
    let imported = import_rows(&table, &mapping, &board, &usd(), english);
    let (f, _) = &imported.rows[0];
    assert_eq!(
        (
            f.title.as_str(),
            f.value,
            f.customer.as_str(),
            f.notes.as_str()
        ),
        ("Acme", 50_000, "Acme Corp", "hi")
    );
    // A short mapping or a short row is no problem.
    let imported = import_rows(&table, &[Some(Field::Title)], &board, &usd(), english);
    assert_eq!(imported.rows.len(), 1);
    let table = parse_csv("Title,Value,Owner\nAcme\n").unwrap();
    let imported = import_rows(
        &table,
        &guess_mapping(&table.headers),
        &board,
        &usd(),
        english,
    );
    assert_eq!(imported.rows[0].0.owner, "");
}

#[test]
fn blank_rows_are_skipped_and_cells_trimmed() {
    let imported = import_text("Title,Owner\n  Acme  , Alice \n,\n , \n");
    assert_eq!(imported.rows.len(), 1);
    assert_eq!(imported.rows[0].0.title, "Acme");
    assert_eq!(imported.rows[0].0.owner, "Alice");
    assert_eq!(imported.blank_rows, 2);
    assert!(imported.errors.is_empty());
}

#[test]
fn a_board_without_stages_refuses_every_row_without_panicking() {
    let table = parse_csv("Title\nA\n").unwrap();
    let board = Board::default();
    let imported = import_rows(
        &table,
        &guess_mapping(&table.headers),
        &board,
        &usd(),
        english,
    );
    assert!(imported.rows.is_empty());
    assert_eq!(
        messages(&imported.errors),
        ["line 2: the board has no stage to put the deal in"]
    );
}

// ---------------------------------------------------------------------------------------------
// The messages in Chinese

#[test]
fn problems_are_told_in_chinese_with_the_fields_as_the_dialog_names_them() {
    let table = parse_csv(PIPEDRIVE).unwrap();
    let mapping = guess_mapping(&table.headers);
    let imported = import_rows(&table, &mapping, &empty_board(), &usd(), chinese);
    assert_eq!(
        in_language(Lang::ZhCn, &imported.errors),
        [
            r#"第 5 行：金额：应为金额，实际为 "abc""#,
            "第 6 行：名称：商机需要名称",
        ]
    );
    assert_eq!(
        in_language(Lang::ZhCn, &imported.notes),
        [
            r#"第 8 行：阶段：没有名为 "Contact Made" 的阶段；商机放入 "潜在客户""#,
            r#"第 10 行：阶段：为空；商机放入 "潜在客户""#,
        ]
    );
    let imported = import_one("Title,Value,Close date", ",abc,31/12/2026");
    assert_eq!(
        in_language(Lang::ZhCn, &imported.errors)[2],
        r#"第 2 行：预计成交日期：应为 YYYY-MM-DD 格式的日期（日或月在前的写法有歧义），实际为 "31/12/2026""#
    );
}

#[test]
fn a_board_shown_in_chinese_finds_its_preset_stages_by_their_english_names() {
    let table = parse_csv(PIPEDRIVE).unwrap();
    let mapping = guess_mapping(&table.headers);
    let board = Board::with_default_stages(|p| Lang::ZhCn.stage_name(p));
    let imported = import_rows(&table, &mapping, &board, &usd(), chinese);
    let english_board = import_rows(&table, &mapping, &empty_board(), &usd(), english);
    let stages = |i: &CsvImport| -> Vec<StageId> { i.rows.iter().map(|r| r.1.clone()).collect() };
    assert_eq!(stages(&imported), stages(&english_board));
    assert!(stages(&imported).contains(&PresetStage::Proposal.id()));
    assert_eq!(
        in_language(Lang::ZhCn, &imported.notes),
        [
            r#"第 8 行：阶段：没有名为 "Contact Made" 的阶段；商机放入 "潜在客户""#,
            r#"第 10 行：阶段：为空；商机放入 "潜在客户""#,
        ]
    );
}

#[test]
fn every_problem_has_its_own_words_in_each_language_and_quotes_what_it_names() {
    let found = || "x \"y\"".to_string();
    let fallback = || "Lead".to_string();
    let problems = [
        CsvProblem::NoStageColumn {
            fallback: fallback(),
        },
        CsvProblem::NeedsTitle,
        CsvProblem::BadCurrency { found: found() },
        CsvProblem::BadAmount { found: found() },
        CsvProblem::BadDate {
            found: found(),
            ambiguous: false,
        },
        CsvProblem::BadDate {
            found: found(),
            ambiguous: true,
        },
        CsvProblem::NoStageOnBoard,
        CsvProblem::UnknownStage {
            found: found(),
            fallback: fallback(),
        },
        CsvProblem::EmptyStage {
            fallback: fallback(),
        },
    ];
    for lang in Lang::ALL {
        let said: Vec<String> = problems
            .iter()
            .map(|problem| {
                lang.csv_issue(&CsvIssue {
                    line: 3,
                    field: None,
                    problem: problem.clone(),
                })
            })
            .collect();
        for (text, problem) in said.iter().zip(&problems) {
            let names_found = !matches!(
                problem,
                CsvProblem::NeedsTitle
                    | CsvProblem::NoStageOnBoard
                    | CsvProblem::NoStageColumn { .. }
                    | CsvProblem::EmptyStage { .. }
            );
            assert_eq!(
                text.contains(r#""x \"y\"""#),
                names_found,
                "{lang:?}: {text}"
            );
            assert!(
                !text.contains('{'),
                "{lang:?}: a placeholder left in {text}"
            );
        }
        let mut distinct = said.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), said.len(), "{lang:?}: {said:?}");
    }
    let first = |lang: Lang| {
        lang.csv_issue(&CsvIssue {
            line: 3,
            field: Some(Field::Value),
            problem: CsvProblem::NeedsTitle,
        })
    };
    assert_eq!(first(Lang::En), "line 3: Value: a deal needs a title");
    assert_eq!(first(Lang::ZhCn), "第 3 行：金额：商机需要名称");
}
