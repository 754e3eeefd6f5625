//! The next steps across the board, soonest first: a rep's list of what to do today and
//! this week (Pipedrive's activity list; SEED-NOTES §4, "next activities with due dates on
//! every deal"), the overdue ones at the top.

use crate::domain::board::{Board, DealId, DealStatus, NextStep};
use crate::domain::date::Date;
use crate::domain::sort::sort_by;
use crate::domain::targets::target::same_scope_text;

/// One deal's next step, with what the list shows of the deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub deal: DealId,
    pub title: String,
    pub customer: String,
    pub owner: String,
    pub step: NextStep,
    /// Days from today to the due date: negative when overdue, 0 today.
    pub in_days: i64,
}

/// Every next step of an open or won deal (a won deal's after-sales visit or complaint is
/// still to do; a lost deal's is not), of `owner`'s deals only when given (compared as target
/// scopes are: trimmed, ignoring case), by due date, then deal title and id.
pub fn agenda(board: &Board, owner: Option<&str>, today: Date) -> Vec<AgendaItem> {
    let mut items: Vec<AgendaItem> = board
        .deals
        .iter()
        .filter(|d| d.status != DealStatus::Lost)
        .filter(|d| owner.is_none_or(|o| same_scope_text(o, &d.owner)))
        .filter_map(|d| {
            let step = d.next_step.clone()?;
            Some(AgendaItem {
                deal: d.id.clone(),
                title: d.title.clone(),
                customer: d.customer.clone(),
                owner: d.owner.clone(),
                in_days: step.due.days_since(today),
                step,
            })
        })
        .collect();
    sort_by(&mut items, |a, b| {
        (a.step.due, &a.title, &a.deal).cmp(&(b.step.due, &b.title, &b.deal))
    });
    items
}
