//! The next thing to do on a deal, and by when (SEED-NOTES §4: "next activities with due
//! dates on every deal (call, meeting, demo, follow-up visit); after-sales follow-ups and
//! complaints on won deals"). One per deal, as Pipedrive's card shows the next activity:
//! done, it is replaced by the one after it.

use crate::domain::date::Date;

/// What kind of step it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    Call,
    Meeting,
    Demo,
    /// A follow-up visit (定期回访), also after the sale.
    FollowUp,
    /// A customer's complaint to handle (处理客户投诉), usually after the sale.
    Complaint,
}

impl StepKind {
    /// Every kind, in the order the deal dialog lists them.
    pub const ALL: [StepKind; 5] = [
        StepKind::Call,
        StepKind::Meeting,
        StepKind::Demo,
        StepKind::FollowUp,
        StepKind::Complaint,
    ];

    /// The name in files.
    pub fn key(self) -> &'static str {
        match self {
            StepKind::Call => "call",
            StepKind::Meeting => "meeting",
            StepKind::Demo => "demo",
            StepKind::FollowUp => "follow_up",
            StepKind::Complaint => "complaint",
        }
    }
}

/// A deal's next step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NextStep {
    pub kind: StepKind,
    pub due: Date,
    /// What to do, in the rep's words ("send the revised quote"); may be empty.
    pub note: String,
}

/// How satisfied the customer said they were, 1 (not at all) to 5 (fully): SEED-NOTES §1 and
/// §6 name customer satisfaction (客户满意度) as a measure of the target; a follow-up visit
/// (回访) is where a team asks. Only 1–5 can be made, so a board never holds another value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    pub const MAX: u8 = 5;

    /// The rating `n`, when it is 1 to 5.
    pub fn new(n: u8) -> Option<Rating> {
        (1..=Rating::MAX).contains(&n).then_some(Rating(n))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// A step done on a deal, kept in its activity log: what the scorecard counts as "activities
/// done" (SEED-NOTES §6), and what keeps a deal from going idle (`domain::alerts`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Activity {
    pub kind: StepKind,
    /// The day it was done (UTC, as every day the app counts).
    pub done: Date,
    pub note: String,
    /// The customer's satisfaction, when the rep asked.
    pub rating: Option<Rating>,
}

impl Activity {
    /// `step` done on `day`, with the customer's `rating` when given.
    pub fn from_step(step: NextStep, day: Date, rating: Option<Rating>) -> Activity {
        Activity {
            kind: step.kind,
            done: day,
            note: step.note,
            rating,
        }
    }
}
