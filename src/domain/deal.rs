//! What a deal does with its own fields: made, edited through the dialog's fields, a step
//! marked done. The types are in `board.rs` with the rest of the board's.

use crate::domain::board::{
    Activity, Deal, DealFields, DealId, DealStatus, StageId, StageVisit, Timestamp,
};
use crate::domain::date::Date;
use crate::domain::money::Currency;

impl DealFields {
    /// Logs the next step as done on `day`, without a rating, and clears it (the card menu's
    /// "Next step done"); false when there is none.
    pub fn next_step_done(&mut self, day: Date) -> bool {
        let Some(step) = self.next_step.take() else {
            return false;
        };
        self.activities.push(Activity::from_step(step, day, None));
        true
    }
}

impl Deal {
    /// A new open deal in `stage`, created at `now`.
    pub fn new(id: DealId, fields: DealFields, stage: StageId, rank: f64, now: Timestamp) -> Deal {
        let mut deal = Deal::blank(id, stage.clone(), rank, now);
        deal.history.push(StageVisit {
            stage,
            entered: now,
        });
        deal.set_fields(fields);
        deal
    }

    /// An open deal with empty fields and no history (the readers fill one in as they read).
    pub(crate) fn blank(id: DealId, stage: StageId, rank: f64, now: Timestamp) -> Deal {
        Deal {
            id,
            title: String::new(),
            customer: String::new(),
            contact: String::new(),
            value: 0,
            currency: Currency::default(),
            cost: None,
            owner: String::new(),
            product: String::new(),
            region: String::new(),
            close_date: None,
            notes: String::new(),
            next_step: None,
            checked: Vec::new(),
            activities: Vec::new(),
            stage,
            rank,
            status: DealStatus::Open,
            loss_reason: None,
            created: now,
            updated: now,
            stage_entered: now,
            won_at: None,
            history: Vec::new(),
            revision: 0,
        }
    }

    /// The fields a user edits, as the dialog shows them.
    pub fn fields(&self) -> DealFields {
        DealFields {
            title: self.title.clone(),
            customer: self.customer.clone(),
            contact: self.contact.clone(),
            value: self.value,
            currency: self.currency.clone(),
            cost: self.cost,
            owner: self.owner.clone(),
            product: self.product.clone(),
            region: self.region.clone(),
            close_date: self.close_date,
            notes: self.notes.clone(),
            next_step: self.next_step.clone(),
            checked: self.checked.clone(),
            activities: self.activities.clone(),
            loss_reason: self.loss_reason.clone(),
        }
    }

    /// Replaces the user-edited fields.
    pub fn set_fields(&mut self, f: DealFields) {
        self.title = f.title;
        self.customer = f.customer;
        self.contact = f.contact;
        self.value = f.value;
        self.currency = f.currency;
        self.cost = f.cost;
        self.owner = f.owner;
        self.product = f.product;
        self.region = f.region;
        self.close_date = f.close_date;
        self.notes = f.notes;
        self.next_step = f.next_step;
        self.checked = f.checked;
        self.activities = f.activities;
        // An open or won deal has no loss reason, whatever the edit carried; an empty one is
        // none.
        if self.status == DealStatus::Lost {
            self.loss_reason = f
                .loss_reason
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty());
        }
    }

    /// The day of the last step done, if any.
    pub fn last_activity(&self) -> Option<Date> {
        self.activities.iter().map(|a| a.done).max()
    }
}
