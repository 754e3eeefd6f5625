//! The view in the page's address (`io::view_link`): what is written for each view, how links
//! written by hand or by other tools are read, and that every view reads back as itself.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::board::{Board, DealFields, DealId, PresetStage};
use dealboard::domain::command::Command;
use dealboard::domain::date::Date;
use dealboard::domain::filter::DealFilter;
use dealboard::io::view_link::ViewLink;
use proptest::prelude::*;

/// A board whose deals have these owners, products and regions (one deal each).
fn board_with(owners: &[&str], products: &[&str], regions: &[&str]) -> Board {
    let mut board = common::empty_board();
    let n = owners.len().max(products.len()).max(regions.len());
    for i in 0..n {
        let fields = DealFields {
            owner: owners.get(i).unwrap_or(&"").to_string(),
            product: products.get(i).unwrap_or(&"").to_string(),
            region: regions.get(i).unwrap_or(&"").to_string(),
            ..common::fields(&format!("Deal {i}"), 100)
        };
        let cmd = Command::AddDeal {
            id: DealId(format!("d{i}")),
            stage: PresetStage::Lead.id(),
            fields,
        };
        board.apply(cmd, NOW).unwrap();
    }
    board
}

#[test]
fn each_part_of_a_view_is_written_with_its_key() {
    let all = ViewLink::default();
    assert_eq!(all.write(), "", "the whole board needs no link");
    let view = ViewLink {
        query: "Acme & Co 50%".into(),
        owner: Some("Alice Chen".into()),
        product: Some("Analytics Suite".into()),
        region: Some("华东".into()),
        off_track: true,
        targets: true,
    };
    assert_eq!(
        view.write(),
        "q=Acme%20%26%20Co%2050%25&owner=Alice%20Chen&product=Analytics%20Suite\
         &region=%E5%8D%8E%E4%B8%9C&off&page=targets"
    );
    let board = board_with(&["Alice Chen"], &["Analytics Suite"], &["华东"]);
    assert_eq!(ViewLink::read(&view.write(), &board), view);
    assert_eq!(ViewLink::read(&format!("#{}", view.write()), &board), view);
}

#[test]
fn links_made_by_hand_are_read_as_a_browser_reads_them() {
    let board = board_with(&["Alice Chen", "Ben Okafor"], &[], &["Europe"]);
    // `+` is a space, names are matched ignoring case and taken as the deals spell them.
    let link = ViewLink::read("#owner=alice+chen&region=EUROPE", &board);
    assert_eq!(link.owner.as_deref(), Some("Alice Chen"));
    assert_eq!(link.region.as_deref(), Some("Europe"));
    // A rep no deal has is left out (the board would be empty with nothing to say why).
    assert_eq!(ViewLink::read("owner=Zed", &board).owner, None);
    assert_eq!(ViewLink::read("owner=", &board).owner, None);
    // Unknown keys, empty parts and a page other than targets are passed over.
    let link = ViewLink::read("&&utm_source=mail&page=board&off=1&q=a%2Bb", &board);
    assert_eq!(
        link,
        ViewLink {
            query: "a+b".into(),
            off_track: true,
            ..ViewLink::default()
        }
    );
    // A broken escape stays as typed; bytes that are not UTF-8 become U+FFFD.
    assert_eq!(ViewLink::read("q=100%zz%4", &board).query, "100%zz%4");
    assert_eq!(ViewLink::read("q=%FFok", &board).query, "\u{FFFD}ok");
    assert!(ViewLink::read("page=targets", &board).targets);
}

#[test]
fn a_link_narrows_the_filter_and_keeps_its_day() {
    let board = board_with(&["Alice Chen"], &["Cloud Storage"], &[]);
    let today = Date::from_ymd(2026, 12, 1).unwrap();
    let mut filter = DealFilter {
        query: "old".into(),
        region: Some("Asia".into()),
        today,
        ..DealFilter::default()
    };
    ViewLink::read("owner=Alice%20Chen&product=cloud%20storage", &board).apply_to(&mut filter);
    assert_eq!(
        filter,
        DealFilter {
            owner: Some("Alice Chen".into()),
            product: Some("Cloud Storage".into()),
            today,
            ..DealFilter::default()
        }
    );
    assert_eq!(
        ViewLink::of(&filter, false),
        ViewLink::read("owner=Alice%20Chen&product=Cloud%20Storage", &board)
    );
}

proptest! {
    #[test]
    fn every_view_reads_back_as_itself(
        query in ".{0,12}",
        owner in "[^\\s]( ?[^\\s]){0,6}",
        region in proptest::option::of("[a-zA-Zé华东&=#%+ ]{1,8}"),
        off_track: bool,
        targets: bool,
    ) {
        let region = region.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
        let regions: Vec<&str> = region.iter().map(String::as_str).collect();
        let board = board_with(&[&owner], &[], &regions);
        let view = ViewLink {
            query,
            owner: Some(owner.clone()),
            product: None,
            region,
            off_track,
            targets,
        };
        let written = view.write();
        // Only URL-safe text: letters, digits, `-._~`, escapes and the separators.
        prop_assert!(written.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b)), "{}", written);
        prop_assert_eq!(ViewLink::read(&written, &board), view);
    }
}
