//! The board's rules: adding, editing, moving, deleting deals and changing stages.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{add, empty_board, fields, titles, NOW};
use dealboard::domain::board::{Board, DealId, DealStatus, PresetStage, StageId};
use dealboard::domain::command::{Command, DomainError, Outcome};

fn mv(id: &str, to: PresetStage, index: usize) -> Command {
    Command::MoveDeal {
        id: DealId(id.into()),
        to: to.id(),
        index,
        loss_reason: None,
    }
}

#[test]
fn a_new_deal_goes_to_the_bottom_of_its_stage_with_times_and_history() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 100);
    add(&mut board, "b", PresetStage::Lead, "Beta", 200);
    assert_eq!(titles(&board, &PresetStage::Lead.id()), ["Acme", "Beta"]);
    let deal = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(
        (deal.created, deal.updated, deal.stage_entered),
        (NOW, NOW, NOW)
    );
    assert_eq!(deal.status, DealStatus::Open);
    assert_eq!(deal.history.len(), 1);
}

#[test]
fn refused_commands_leave_the_board_unchanged() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 100);
    let before = board.clone();
    let blank = Command::AddDeal {
        id: DealId("x".into()),
        stage: PresetStage::Lead.id(),
        fields: fields("  ", 1),
    };
    assert_eq!(board.apply(blank, NOW), Err(DomainError::EmptyTitle));
    let negative = Command::EditDeal {
        id: DealId("a".into()),
        fields: fields("Acme", -5),
    };
    assert_eq!(board.apply(negative, NOW), Err(DomainError::NegativeValue));
    let dup = Command::AddDeal {
        id: DealId("a".into()),
        stage: PresetStage::Lead.id(),
        fields: fields("Again", 1),
    };
    assert_eq!(
        board.apply(dup, NOW),
        Err(DomainError::DuplicateId("a".into()))
    );
    let nowhere = Command::MoveDeal {
        id: DealId("a".into()),
        to: StageId("nope".into()),
        index: 0,
        loss_reason: None,
    };
    assert_eq!(
        board.apply(nowhere, NOW),
        Err(DomainError::UnknownStage(StageId("nope".into())))
    );
    assert_eq!(board, before);
}

#[test]
fn moving_between_stages_records_the_path_and_reports_both_positions() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Demo, "Acme", 100);
    add(&mut board, "b", PresetStage::Demo, "Beta", 100);
    add(&mut board, "c", PresetStage::Negotiation, "Cyan", 100);
    let outcome = board
        .apply(mv("b", PresetStage::Negotiation, 0), NOW + 5)
        .unwrap();
    let Outcome::DealMoved { from, to, .. } = outcome else {
        panic!("expected a move, got {outcome:?}")
    };
    assert_eq!(from, (PresetStage::Demo.id(), 1, 2));
    assert_eq!(to, (PresetStage::Negotiation.id(), 0, 2));
    assert_eq!(
        titles(&board, &PresetStage::Negotiation.id()),
        ["Beta", "Cyan"]
    );
    let deal = board.deal(&DealId("b".into())).unwrap();
    assert_eq!(deal.stage_entered, NOW + 5);
    assert_eq!(
        deal.history.last().unwrap().stage,
        PresetStage::Negotiation.id()
    );
    assert_eq!(deal.revision, 1);
}

#[test]
fn reordering_within_a_stage_keeps_the_stage_entered_time() {
    let mut board = empty_board();
    for (id, title) in [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")] {
        add(&mut board, id, PresetStage::Lead, title, 1);
    }
    board.apply(mv("d", PresetStage::Lead, 0), NOW + 1).unwrap();
    board.apply(mv("a", PresetStage::Lead, 2), NOW + 2).unwrap();
    board
        .apply(mv("b", PresetStage::Lead, 99), NOW + 3)
        .unwrap();
    assert_eq!(
        titles(&board, &PresetStage::Lead.id()),
        ["D", "A", "C", "B"]
    );
    let a = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(a.stage_entered, NOW);
    assert_eq!(a.history.len(), 1);
}

#[test]
fn many_moves_into_the_same_gap_never_break_the_order() {
    // Halving the gap between two ranks runs out after ~50 moves; the stage is renumbered.
    let mut board = empty_board();
    add(&mut board, "first", PresetStage::Lead, "first", 1);
    add(&mut board, "last", PresetStage::Lead, "last", 1);
    for i in 0..200 {
        let id = format!("d{i}");
        add(&mut board, &id, PresetStage::Lead, &id, 1);
        board.apply(mv(&id, PresetStage::Lead, 1), NOW).unwrap();
    }
    let order = titles(&board, &PresetStage::Lead.id());
    assert_eq!(order.first().unwrap(), "first");
    assert_eq!(order[1], "d199");
    assert_eq!(order[2], "d198");
    assert_eq!(order.last().unwrap(), "last");
    assert_eq!(order.len(), 202);
}

#[test]
fn won_and_lost_stages_set_the_status_won_date_and_loss_reason() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Proposal, "Acme", 1);
    board.apply(mv("a", PresetStage::Won, 0), NOW + 9).unwrap();
    let deal = board.deal(&DealId("a".into())).unwrap();
    assert_eq!((deal.status, deal.won_at), (DealStatus::Won, Some(NOW + 9)));
    let lose = Command::MoveDeal {
        id: DealId("a".into()),
        to: PresetStage::Lost.id(),
        index: 0,
        loss_reason: Some(" price ".into()),
    };
    board.apply(lose, NOW + 10).unwrap();
    let deal = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(deal.status, DealStatus::Lost);
    assert_eq!(deal.won_at, None);
    assert_eq!(deal.loss_reason.as_deref(), Some("price"));
    board
        .apply(mv("a", PresetStage::Lead, 0), NOW + 11)
        .unwrap();
    let deal = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(
        (deal.status, deal.loss_reason.clone()),
        (DealStatus::Open, None)
    );
}

#[test]
fn a_lost_deals_reason_is_corrected_by_an_edit_and_no_other_deal_gets_one() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 1);
    add(&mut board, "b", PresetStage::Lead, "Beta", 1);
    let lose = Command::MoveDeal {
        id: DealId("a".into()),
        to: PresetStage::Lost.id(),
        index: 0,
        loss_reason: Some("price".into()),
    };
    board.apply(lose, NOW).unwrap();
    let reason_after = |board: &mut Board, id: &str, reason: &str| {
        let mut f = board.deal(&DealId(id.into())).unwrap().fields();
        f.loss_reason = Some(reason.into());
        let cmd = Command::EditDeal {
            id: DealId(id.into()),
            fields: f,
        };
        board.apply(cmd, NOW + 1).unwrap();
        board.deal(&DealId(id.into())).unwrap().loss_reason.clone()
    };
    let a = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(a.fields().loss_reason.as_deref(), Some("price"));
    assert_eq!(
        reason_after(&mut board, "a", " went with a competitor "),
        Some("went with a competitor".into())
    );
    assert_eq!(reason_after(&mut board, "a", "  "), None);
    assert_eq!(reason_after(&mut board, "b", "price"), None, "b is open");
}

#[test]
fn edit_and_delete() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Lead, "Acme", 1);
    let mut f = fields(" Acme renewal ", 2_500_050);
    f.owner = " Alice ".into();
    board
        .apply(
            Command::EditDeal {
                id: DealId("a".into()),
                fields: f,
            },
            NOW + 1,
        )
        .unwrap();
    let deal = board.deal(&DealId("a".into())).unwrap();
    assert_eq!(
        (deal.title.as_str(), deal.owner.as_str(), deal.value),
        ("Acme renewal", "Alice", 2_500_050)
    );
    assert_eq!(deal.updated, NOW + 1);
    let gone = board
        .apply(
            Command::DeleteDeal {
                id: DealId("a".into()),
            },
            NOW,
        )
        .unwrap();
    assert!(matches!(gone, Outcome::DealDeleted(d) if d.title == "Acme renewal"));
    assert!(board.deals.is_empty());
}

#[test]
fn stages_can_be_added_renamed_reordered_and_given_a_probability() {
    let mut board = empty_board();
    let id = StageId("s-x".into());
    board
        .apply(
            Command::AddStage {
                id: id.clone(),
                name: "Trial".into(),
                probability: 50,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(board.stages.last().unwrap().name, "Trial");
    board
        .apply(
            Command::MoveStage {
                id: id.clone(),
                index: 2,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(board.stages[2].id, id);
    board
        .apply(
            Command::RenameStage {
                id: PresetStage::Lead.id(),
                name: "Prospect".into(),
            },
            NOW,
        )
        .unwrap();
    assert_eq!(
        (board.stages[0].name.as_str(), board.stages[0].preset),
        ("Prospect", None)
    );
    board
        .apply(
            Command::SetStageProbability {
                id: id.clone(),
                probability: 55,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(board.stage(&id).unwrap().probability, 55);
    let too_much = Command::SetStageProbability {
        id,
        probability: 101,
    };
    assert_eq!(
        board.apply(too_much, NOW),
        Err(DomainError::ProbabilityOutOfRange(101))
    );
    let blank = Command::RenameStage {
        id: PresetStage::Demo.id(),
        name: " ".into(),
    };
    assert_eq!(board.apply(blank, NOW), Err(DomainError::EmptyStageName));
}

#[test]
fn two_stages_cannot_share_a_name() {
    // Two "Qualified" columns, and two "Move to Qualified" in every card's menu, could not be
    // told apart.
    let mut board = empty_board();
    let before = board.clone();
    let rename = |name: &str| Command::RenameStage {
        id: PresetStage::Demo.id(),
        name: name.into(),
    };
    for taken in ["Qualified", " qualified ", "QUALIFIED"] {
        assert_eq!(
            board.apply(rename(taken), NOW),
            Err(DomainError::DuplicateStageName)
        );
    }
    let add_stage = |id: &str, name: &str| Command::AddStage {
        id: StageId(id.into()),
        name: name.into(),
        probability: 50,
    };
    assert_eq!(
        board.apply(add_stage("s1", "won"), NOW),
        Err(DomainError::DuplicateStageName)
    );
    assert_eq!(board, before);
    // A stage may keep its own name in another case, and new names are fine.
    board.apply(rename("DEMO"), NOW).unwrap();
    board.apply(add_stage("s1", "Pilot"), NOW).unwrap();
    assert_eq!(
        board.apply(add_stage("s2", "pilot"), NOW),
        Err(DomainError::DuplicateStageName)
    );
}

#[test]
fn a_stage_with_deals_is_removed_only_with_a_destination() {
    let mut board = empty_board();
    add(&mut board, "a", PresetStage::Demo, "Acme", 1);
    add(&mut board, "b", PresetStage::Demo, "Beta", 1);
    add(&mut board, "c", PresetStage::Proposal, "Cyan", 1);
    let no_destination = Command::RemoveStage {
        id: PresetStage::Demo.id(),
        move_deals_to: None,
    };
    assert_eq!(
        board.apply(no_destination, NOW),
        Err(DomainError::StageNotEmpty(2))
    );
    let into_itself = Command::RemoveStage {
        id: PresetStage::Demo.id(),
        move_deals_to: Some(PresetStage::Demo.id()),
    };
    assert_eq!(
        board.apply(into_itself, NOW),
        Err(DomainError::MoveIntoRemovedStage)
    );
    let ok = Command::RemoveStage {
        id: PresetStage::Demo.id(),
        move_deals_to: Some(PresetStage::Proposal.id()),
    };
    board.apply(ok, NOW + 1).unwrap();
    assert!(board.stage(&PresetStage::Demo.id()).is_none());
    assert_eq!(
        titles(&board, &PresetStage::Proposal.id()),
        ["Cyan", "Acme", "Beta"]
    );
    let empty = Command::RemoveStage {
        id: PresetStage::Lead.id(),
        move_deals_to: None,
    };
    board.apply(empty, NOW).unwrap();
    assert_eq!(board.stages.len(), 5);
}

#[test]
fn the_last_stage_cannot_be_removed() {
    let mut board = empty_board();
    let ids: Vec<StageId> = board.stages.iter().map(|s| s.id.clone()).collect();
    for id in &ids[1..] {
        board
            .apply(
                Command::RemoveStage {
                    id: id.clone(),
                    move_deals_to: None,
                },
                NOW,
            )
            .unwrap();
    }
    let last = Command::RemoveStage {
        id: ids[0].clone(),
        move_deals_to: None,
    };
    assert_eq!(board.apply(last, NOW), Err(DomainError::LastStage));
}

#[test]
fn the_form_is_unchanged_when_only_an_empty_loss_reason_was_read() {
    use dealboard::domain::board::DealFields;
    let start = DealFields {
        title: "Acme renewal".into(),
        ..DealFields::default()
    };
    let read = DealFields {
        loss_reason: Some(String::new()),
        ..start.clone()
    };
    assert!(read.same_as(&start), "an empty reason is no reason");
    let typed = DealFields {
        loss_reason: Some("price".into()),
        ..start.clone()
    };
    assert!(!typed.same_as(&start));
    let retitled = DealFields {
        title: "Acme renewal 2".into(),
        ..start.clone()
    };
    assert!(!retitled.same_as(&start));
}
