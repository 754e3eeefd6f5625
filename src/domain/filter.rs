//! What the board shows: a search text, optionally one rep, product line and region, and
//! optionally only the deals off track. Totals follow what is shown.

use crate::domain::alerts::off_track;
use crate::domain::board::{Deal, Stage};
use crate::domain::date::Date;
use crate::domain::lowercase::{lowercase, lowercase_into};
use std::cell::RefCell;

/// A field the board can be narrowed to one value of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    Owner,
    Product,
    Region,
}

impl FilterField {
    /// Every field, in the order the header shows them.
    pub const ALL: [FilterField; 3] = [
        FilterField::Owner,
        FilterField::Product,
        FilterField::Region,
    ];

    /// The deal's value of this field.
    pub fn of(self, deal: &Deal) -> &str {
        match self {
            FilterField::Owner => deal.owner.trim(),
            FilterField::Product => deal.product.trim(),
            FilterField::Region => deal.region.trim(),
        }
    }
}

/// The current narrowing of the board, and the day the view is worked out for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealFilter {
    /// Matched case-insensitively against title, customer and contact.
    pub query: String,
    /// Only this rep's deals, when set.
    pub owner: Option<String>,
    /// Only this product line, when set.
    pub product: Option<String>,
    /// Only this region, when set.
    pub region: Option<String>,
    /// Only deals that are off track (`domain::alerts`).
    pub off_track: bool,
    /// The day alerts are worked out at: part of the filter because what it shows, and the
    /// columns' off-track counts, change with it (the view is made again at midnight).
    pub today: Date,
}

impl Default for DealFilter {
    /// Everything shown; no day yet, so nothing is off track (`Date::MIN` is before every
    /// close date and stage entry).
    fn default() -> Self {
        DealFilter {
            query: String::new(),
            owner: None,
            product: None,
            region: None,
            off_track: false,
            today: Date::MIN,
        }
    }
}

impl DealFilter {
    /// The value a field is narrowed to.
    pub fn get(&self, field: FilterField) -> Option<&String> {
        match field {
            FilterField::Owner => self.owner.as_ref(),
            FilterField::Product => self.product.as_ref(),
            FilterField::Region => self.region.as_ref(),
        }
    }

    /// Narrows `field` to `value`, or lifts it with `None`.
    pub fn set(&mut self, field: FilterField, value: Option<String>) {
        match field {
            FilterField::Owner => self.owner = value,
            FilterField::Product => self.product = value,
            FilterField::Region => self.region = value,
        }
    }

    /// True when the deal, on a board with `stages`, should be shown.
    pub fn matches(&self, deal: &Deal, stages: &[Stage]) -> bool {
        self.matcher(stages)(deal)
    }

    /// A test for many deals of a board with `stages`, with the search text prepared once
    /// and one buffer for the lower-cased fields.
    pub fn matcher<'a>(&'a self, stages: &'a [Stage]) -> impl Fn(&Deal) -> bool + 'a {
        let query = lowercase(self.query.trim());
        let field_text = RefCell::new(String::new());
        move |deal| {
            (!self.off_track
                || stages
                    .iter()
                    .find(|s| s.id == deal.stage)
                    .is_some_and(|stage| off_track(deal, stage, self.today)))
                && FilterField::ALL
                    .iter()
                    .all(|&f| self.get(f).is_none_or(|v| f.of(deal) == v))
                && (query.is_empty()
                    || [&deal.title, &deal.customer, &deal.contact]
                        .iter()
                        .any(|field| {
                            let mut text = field_text.borrow_mut();
                            lowercase_into(field, &mut text);
                            text.contains(query.as_str())
                        }))
        }
    }

    /// True when every deal this filter shows, `wider` shows too: it narrows the same fields
    /// (and maybe more), and its search text contains `wider`'s, as when the user types on.
    pub fn narrows(&self, wider: &DealFilter) -> bool {
        self.today == wider.today
            && (self.off_track || !wider.off_track)
            && FilterField::ALL
                .iter()
                .all(|&f| wider.get(f).is_none_or(|v| self.get(f) == Some(v)))
            && lowercase(self.query.trim()).contains(lowercase(wider.query.trim()).as_str())
    }

    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        !self.off_track
            && FilterField::ALL.iter().all(|&f| self.get(f).is_none())
            && self.query.trim().is_empty()
    }
}
