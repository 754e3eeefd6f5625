//! Money is exact: minor units, per-currency totals, weighted sums rounded once.
#![cfg(not(target_arch = "wasm32"))]
// Amounts are written as dollars_cents (100_00 is $100.00).
#![allow(clippy::inconsistent_digit_grouping)]

mod common;

use common::{add, empty_board, fields, NOW};
use dealboard::domain::board::{DealId, PresetStage};
use dealboard::domain::command::Command;
use dealboard::domain::filter::DealFilter;
use dealboard::domain::metrics::{pipeline_summary, stage_summary};
use dealboard::domain::money::{
    amount_input_text, format_amount, parse_amount, round_to_major, Currency, Totals,
};
use proptest::prelude::*;

fn usd() -> Currency {
    Currency::parse("usd").unwrap()
}

#[test]
fn amounts_show_symbol_and_thousands_separators() {
    assert_eq!(format_amount(1_234_567_89, &usd()), "$1,234,567.89");
    assert_eq!(format_amount(2_400_000, &usd()), "$24,000");
    assert_eq!(format_amount(5, &usd()), "$0.05");
    assert_eq!(format_amount(0, &usd()), "$0");
    assert_eq!(
        format_amount(35_000_000, &Currency::parse("CNY").unwrap()),
        "¥350,000"
    );
    assert_eq!(
        format_amount(1_500, &Currency::parse("JPY").unwrap()),
        "¥1,500"
    );
    assert_eq!(
        format_amount(100_000, &Currency::parse("CHF").unwrap()),
        "CHF 1,000"
    );
}

#[test]
fn typed_amounts_parse_exactly_or_are_refused() {
    assert_eq!(parse_amount("12,500.50", &usd()), Ok(1_250_050));
    assert_eq!(parse_amount(" 12 500 ", &usd()), Ok(1_250_000));
    assert_eq!(parse_amount("$7.5", &usd()), Ok(750));
    assert_eq!(parse_amount(".25", &usd()), Ok(25));
    assert_eq!(parse_amount("1,234,567", &usd()), Ok(123_456_700));
    // Full-width digits and marks, as a Chinese input method types them.
    assert_eq!(parse_amount("１２，５００．５", &usd()), Ok(1_250_050));
    assert_eq!(
        parse_amount("1500", &Currency::parse("JPY").unwrap()),
        Ok(1500)
    );
    for bad in [
        "",
        "abc",
        "1.234",
        "-5",
        "1.2.3",
        "12e3",
        "99999999999999999999",
        // A comma that does not group thousands is a decimal comma: refused, not read as 125.
        "12,5",
        "12,50",
        "1,2345",
        ",500",
        "1234,567",
        "1,000.5,0",
        "－5",
    ] {
        assert!(parse_amount(bad, &usd()).is_err(), "{bad:?} was accepted");
    }
    assert!(parse_amount("1.5", &Currency::parse("JPY").unwrap()).is_err());
    assert!(Currency::parse("dollars").is_err());
}

#[test]
fn a_thousand_cent_valued_deals_sum_exactly() {
    // 0.10 + 0.20 drifts in floating point; here 1,000 deals of $0.10 … $100.09 sum exactly.
    let mut board = empty_board();
    let mut expected = 0_i64;
    for i in 0..1000 {
        let cents = 10 + i * 10 + (i % 10);
        expected += cents;
        add(
            &mut board,
            &format!("d{i}"),
            PresetStage::Qualified,
            &format!("Deal {i}"),
            cents,
        );
    }
    let summary = stage_summary(&board, &PresetStage::Qualified.id(), &DealFilter::default());
    assert_eq!(summary.count, 1000);
    assert_eq!(summary.total.amount(&usd()), expected);
    // 25 % of the exact sum, rounded once (half up).
    assert_eq!(summary.weighted.amount(&usd()), (expected * 25 + 50) / 100);
}

#[test]
fn weighted_totals_round_once_not_per_deal() {
    let mut totals = Totals::weighted();
    for _ in 0..3 {
        totals.add(&usd(), 1, 50); // half a cent each
    }
    assert_eq!(totals.amount(&usd()), 2); // 1.5 cents rounds to 2, not 3 × round(0.5)
}

#[test]
fn currencies_are_never_added_together() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Demo, "A", 100_00);
    let mut eur = fields("B", 200_00);
    eur.currency = Currency::parse("EUR").unwrap();
    board
        .apply(
            Command::AddDeal {
                id: DealId("b".into()),
                stage: PresetStage::Demo.id(),
                fields: eur,
            },
            NOW,
        )
        .unwrap();
    let summary = stage_summary(&board, &PresetStage::Demo.id(), &DealFilter::default());
    assert_eq!(summary.total.format(&usd()), "$100 + €200");
    assert_eq!(summary.weighted.format(&usd()), "$40 + €80");
    let mut euro_first = board.clone();
    euro_first.settings.default_currency = Currency::parse("EUR").unwrap();
    let summary = stage_summary(&euro_first, &PresetStage::Demo.id(), &DealFilter::default());
    assert_eq!(
        summary.total.format(&euro_first.settings.default_currency),
        "€200 + $100"
    );
    // In Lost (0 %) the weighted value is nothing in either currency: "$0", not "$0 + €0".
    for id in ["a", "b"] {
        let cmd = Command::MoveDeal {
            id: DealId(id.into()),
            to: PresetStage::Lost.id(),
            index: 0,
            loss_reason: None,
        };
        board.apply(cmd, NOW).unwrap();
    }
    let lost = stage_summary(&board, &PresetStage::Lost.id(), &DealFilter::default());
    assert_eq!(lost.total.format(&usd()), "$100 + €200");
    assert_eq!(lost.weighted.format(&usd()), "$0");
}

#[test]
fn the_pipeline_counts_open_stages_and_follows_the_filter() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme renewal", 1000_00);
    add(&mut board, "b", PresetStage::Negotiation, "Beta", 500_00);
    add(&mut board, "w", PresetStage::Won, "Won one", 9999_00);
    add(&mut board, "l", PresetStage::Lost, "Lost one", 7777_00);
    let all = pipeline_summary(&board, &DealFilter::default());
    assert_eq!((all.count, all.total.amount(&usd())), (2, 1500_00));
    assert_eq!(all.weighted.amount(&usd()), 100_00 + 400_00);
    let acme = DealFilter {
        query: "ACME".into(),
        ..DealFilter::default()
    };
    assert_eq!(
        pipeline_summary(&board, &acme).total.amount(&usd()),
        1000_00
    );
    let nobody = DealFilter {
        owner: Some("Zed".into()),
        ..DealFilter::default()
    };
    assert_eq!(pipeline_summary(&board, &nobody).count, 0);
    assert_eq!(pipeline_summary(&board, &nobody).total.format(&usd()), "$0");
}

#[test]
fn input_text_round_trips_through_parse() {
    for minor in [0, 5, 50, 1_250_050, 99_999_999_99] {
        assert_eq!(
            parse_amount(&amount_input_text(minor, &usd()), &usd()),
            Ok(minor)
        );
    }
}

proptest! {
    #[test]
    fn any_amount_round_trips_through_its_input_text(minor in 0_i64..10_i64.pow(15)) {
        prop_assert_eq!(parse_amount(&amount_input_text(minor, &usd()), &usd()), Ok(minor));
    }

    #[test]
    fn totals_equal_the_integer_sum(values in proptest::collection::vec(0_i64..10_000_000, 0..300)) {
        let mut totals = Totals::plain();
        for v in &values {
            totals.add(&usd(), *v, 1);
        }
        prop_assert_eq!(totals.amount(&usd()), values.iter().sum::<i64>());
    }
}

#[test]
fn a_guide_figure_is_rounded_half_up_to_whole_units() {
    let jpy = Currency::parse("JPY").unwrap();
    assert_eq!(round_to_major(91_847_83, &usd()), 91_848_00);
    assert_eq!(round_to_major(91_847_49, &usd()), 91_847_00);
    assert_eq!(round_to_major(50, &usd()), 1_00, "half a dollar rounds up");
    assert_eq!(round_to_major(-49, &usd()), 0);
    assert_eq!(
        round_to_major(12_345, &jpy),
        12_345,
        "no minor units: unchanged"
    );
}
