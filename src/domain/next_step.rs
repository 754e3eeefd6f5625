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
