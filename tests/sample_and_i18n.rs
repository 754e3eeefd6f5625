//! The first-run sample board and the translation table.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::NOW;
use dealboard::domain::board::{DealStatus, PresetStage, StageKind};
use dealboard::i18n::{Key, Lang};
use dealboard::io::validate::validate;

#[test]
fn the_sample_is_a_valid_realistic_pipeline() {
    let board = Lang::En.sample_board(NOW);
    assert!(validate(&board).is_empty());
    assert!((20..=30).contains(&board.deals.len()));
    assert!(board.owners().len() >= 3);
    for stage in &board.stages {
        assert!(
            !board.deals_in(&stage.id).is_empty(),
            "{} is empty",
            stage.name
        );
    }
    for deal in &board.deals {
        let kind = board.stage(&deal.stage).unwrap().kind;
        let status = match kind {
            StageKind::Open => DealStatus::Open,
            StageKind::Won => DealStatus::Won,
            StageKind::Lost => DealStatus::Lost,
        };
        assert_eq!(deal.status, status, "{}", deal.title);
        assert!(deal.close_date.is_some());
    }
    assert_eq!(board, Lang::En.sample_board(NOW), "deterministic");
}

#[test]
fn default_stages_follow_seed_notes_in_both_languages() {
    let en: Vec<String> = PresetStage::ALL
        .iter()
        .map(|&p| Lang::En.stage_name(p))
        .collect();
    assert_eq!(
        en,
        [
            "Lead",
            "Qualified",
            "Demo",
            "Proposal",
            "Negotiation",
            "Won",
            "Lost"
        ]
    );
    let zh: Vec<String> = PresetStage::ALL
        .iter()
        .map(|&p| Lang::ZhCn.stage_name(p))
        .collect();
    assert_eq!(
        zh,
        [
            "潜在客户",
            "需求确认",
            "产品演示",
            "方案报价",
            "商务谈判",
            "成交签约",
            "丢单"
        ]
    );
    let probabilities: Vec<u8> = PresetStage::ALL.iter().map(|p| p.probability()).collect();
    assert_eq!(probabilities, [10, 25, 40, 60, 80, 100, 0]);
}

#[test]
fn language_comes_from_the_browser_tag() {
    assert_eq!(Lang::from_tag("zh-CN"), Lang::ZhCn);
    assert_eq!(Lang::from_tag("zh-Hans"), Lang::ZhCn);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag("fr"), Lang::En);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.tag()), lang);
    }
}

#[test]
fn placeholders_are_filled_in_every_language() {
    for lang in Lang::ALL {
        let text = lang.fill(
            Key::AnnounceMoved,
            &["Acme", "Demo", "2", "5", "Won", "1", "3"],
        );
        assert!(!text.contains('{'), "{text}");
        for part in ["Acme", "Demo", "2", "5", "Won", "1", "3"] {
            assert!(text.contains(part), "{lang:?}: {text}");
        }
        assert_ne!(lang.text(Key::NewDeal), "");
    }
}

#[test]
fn every_refused_target_command_has_its_own_message_in_both_languages() {
    use dealboard::domain::targets::{Period, SplitBy, TargetError, TargetId};
    let errors = [
        TargetError::UnknownTarget(TargetId("t".into())),
        TargetError::NegativeAmount,
        TargetError::InvalidPeriod(Period::Month(2026, 13)),
        TargetError::ParentMismatch,
        TargetError::CannotSplitWeek,
        TargetError::ScopeAlreadySet(SplitBy::Owner),
        TargetError::NothingToSplitBy(SplitBy::Region),
        TargetError::TooFewChildIds {
            needed: 4,
            given: 3,
        },
        TargetError::WeightsMismatch {
            children: 4,
            weights: 3,
        },
        TargetError::ZeroWeights,
        TargetError::ThresholdOutOfRange(120),
        TargetError::MarketNotPositive,
    ];
    for lang in Lang::ALL {
        let texts: Vec<String> = errors.iter().map(|e| lang.target_error(e)).collect();
        let mut distinct = texts.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), texts.len(), "{lang:?}: {texts:?}");
        assert!(
            texts.iter().all(|t| !t.is_empty() && !t.contains('{')),
            "{texts:?}"
        );
    }
    let zh = Lang::ZhCn;
    assert!(zh.target_error(&errors[5]).contains("负责人"));
    assert!(zh.target_error(&errors[8]).contains("4 个部分，3 个权重"));
    assert!(Lang::En
        .target_error(&errors[6])
        .contains("has a region yet"));
}

#[test]
fn a_period_in_a_message_is_written_as_people_write_it() {
    // Not through `{:?}`: the release build writes derived `Debug` as names only
    // (`-Zfmt-debug=shallow`), which would make this "no such period: Month".
    use dealboard::domain::targets::{Period, TargetError};
    assert_eq!(
        TargetError::InvalidPeriod(Period::Month(2026, 13)).to_string(),
        "no such period: 2026-13"
    );
}

#[test]
fn a_number_of_days_is_worded_with_its_plural_in_each_language() {
    assert_eq!(Lang::En.days(1), "1 day");
    assert_eq!(Lang::En.days(0), "0 days");
    assert_eq!(Lang::En.days(12), "12 days");
    assert_eq!(Lang::ZhCn.days(1), "1 天");
    assert_eq!(Lang::ZhCn.days(12), "12 天");
    let idle = Lang::En.fill(Key::AlertIdle, &[&Lang::En.days(1)]);
    assert_eq!(idle, "Idle 1 day in this stage");
    let late = Lang::En.fill(Key::AlertOverdue, &[&Lang::En.days(3)]);
    assert_eq!(late, "Close date passed 3 days ago");
}

#[test]
fn counted_texts_use_their_singular_for_one() {
    let en = |n| Lang::En.count(n, Key::TargetsBehind);
    assert_eq!(
        (en(1).as_str(), en(2).as_str(), en(0).as_str()),
        ("1 target behind", "2 targets behind", "0 targets behind")
    );
    assert_eq!(Lang::En.count(1, Key::DealCount), "1 deal");
    assert_eq!(Lang::En.count(1, Key::CsvAdded), "1 deal imported.");
    assert_eq!(Lang::En.count(11, Key::CsvAdded), "11 deals imported.");
    // Texts with two numbers or more word each for its own.
    assert_eq!(
        Lang::En.fill(Key::ImportSummary, &["1", "7", "today"]),
        "1 deal and 7 stages, saved today."
    );
    assert_eq!(
        Lang::En.fill(Key::MergePreview, &["2", "1", "0", "1", "1"]),
        "Merging adds 2 new deals, updates 1, leaves 0 unchanged, resolves 1 conflict by the \
         newest change, and removes 1 deleted deal."
    );
    // No plural in Chinese: the same words whatever the number.
    assert_eq!(Lang::ZhCn.count(1, Key::DealCount), "1 个商机");
    assert_eq!(Lang::ZhCn.count(3, Key::DealCount), "3 个商机");
}

#[test]
fn a_placeholder_without_its_argument_stays_as_written_and_arguments_are_not_filled_again() {
    assert_eq!(
        Lang::En.fill(Key::ImportSummary, &["{1}", "2"]),
        "{1} deals and 2 stages, saved {2}."
    );
    // Every text fills with no placeholder left over, in both languages.
    let args = ["1", "2", "3", "4", "5", "6", "7"];
    for lang in Lang::ALL {
        for key in [
            Key::MergePreview,
            Key::AnnounceMoved,
            Key::ErrTargetWeights,
            Key::Days,
        ] {
            let text = lang.fill(key, &args);
            assert!(
                !text.contains('{') && !text.contains('|'),
                "{lang:?}: {text}"
            );
        }
    }
}

#[test]
fn every_refused_command_reads_whole_in_both_languages() {
    // The view shows `Lang::command_error` for any refusal; a count must be filled in ("still
    // has 3 deals"), never left as a placeholder (the stage editor once filled it by hand and
    // every other caller did not).
    use dealboard::domain::board::{DealId, StageId};
    use dealboard::domain::command::DomainError;
    use dealboard::domain::targets::TargetError;
    let errors = [
        DomainError::EmptyTitle,
        DomainError::NegativeValue,
        DomainError::EmptyStageName,
        DomainError::DuplicateStageName,
        DomainError::ProbabilityOutOfRange(120),
        DomainError::ZeroThreshold,
        DomainError::StageNotEmpty(3),
        DomainError::MoveIntoRemovedStage,
        DomainError::LastStage,
        DomainError::DuplicateId("d".into()),
        DomainError::UnknownDeal(DealId("d".into())),
        DomainError::Target(TargetError::MarketNotPositive),
    ];
    for lang in Lang::ALL {
        let texts: Vec<String> = errors.iter().map(|e| lang.command_error(e)).collect();
        let mut distinct = texts.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), texts.len(), "{lang:?}: {texts:?}");
        assert!(
            texts.iter().all(|t| !t.is_empty() && !t.contains('{')),
            "{texts:?}"
        );
    }
    assert_eq!(
        Lang::En.command_error(&DomainError::StageNotEmpty(1)),
        "This stage still has 1 deal: choose where they go first."
    );
    assert_eq!(
        Lang::En.command_error(&DomainError::UnknownStage(StageId("s".into()))),
        Lang::En.command_error(&DomainError::UnknownDeal(DealId("d".into())))
    );
}

/// The scorecard and the stage conversion have figures on first run: the sample's deals carry
/// the history a real pipeline has (moves through the stages over weeks, wins and losses this
/// quarter on the days they were decided, with their reasons in the user's language), and
/// every open deal its next step.
#[test]
fn the_sample_fills_the_scorecard_and_stage_conversion() {
    use dealboard::domain::date::day_of;
    use dealboard::domain::scorecard::{loss_reasons, scorecard, stage_conversion};
    use dealboard::domain::targets::{Period, PeriodKind};

    let board = Lang::En.sample_board(NOW);
    let today = day_of(NOW);
    let quarter = Period::of(PeriodKind::Quarter, today);
    let (reps, team) = scorecard(&board, quarter, today);
    let names: Vec<&str> = reps.iter().map(|r| r.owner.as_str()).collect();
    assert_eq!(
        names,
        ["Alice Chen", "Ben Okafor", "Carla Ruiz", "Dev Patel"]
    );
    assert_eq!((team.won, team.lost), (3, 2));
    assert_eq!(team.win_rate(), Some(60));
    let cycle = team.cycle_days().unwrap();
    assert!((20..=90).contains(&cycle), "days to win: {cycle}");

    let conversion = stage_conversion(&board, quarter);
    assert_eq!(conversion.len(), 5);
    for stage in &conversion {
        let percent = stage.percent().unwrap_or(0);
        assert!((1..100).contains(&percent), "{stage:?}");
        assert!(stage.days_to_move_on().unwrap() >= 6, "{stage:?}");
    }

    let mut reasons: Vec<String> = loss_reasons(&board, quarter)
        .into_iter()
        .map(|(reason, _)| reason)
        .collect();
    reasons.sort();
    assert_eq!(
        reasons,
        [
            Lang::En.text(Key::SampleLossTiming),
            Lang::En.text(Key::SampleLossPrice)
        ]
    );
    let zh = Lang::ZhCn.sample_board(NOW);
    let zh_reason = Some(Lang::ZhCn.text(Key::SampleLossPrice));
    assert!(zh
        .deals
        .iter()
        .any(|d| d.loss_reason.as_deref() == zh_reason));

    for deal in &board.deals {
        if deal.status == DealStatus::Open {
            let step = deal
                .next_step
                .as_ref()
                .expect("every open deal has a next step");
            assert!(!step.note.is_empty() && step.due >= today.add_days(-1).unwrap());
        } else {
            let close = deal.close_date.unwrap();
            assert!(close <= today, "{} closed {close}", deal.title);
            assert!(deal.next_step.is_none(), "{}", deal.title);
        }
    }
    let overdue: Vec<&str> = board
        .deals
        .iter()
        .filter(|d| d.status == DealStatus::Open && d.close_date.unwrap() < today)
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(
        overdue,
        ["Acme renewal"],
        "one open deal shows the close-date alert"
    );
}
