//! What the board shows: a search text, and optionally one rep, product line and region.
//! Totals follow what is shown.

use crate::domain::board::Deal;
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

/// The current narrowing of the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealFilter {
    /// Matched case-insensitively against title, customer and contact.
    pub query: String,
    /// Only this rep's deals, when set.
    pub owner: Option<String>,
    /// Only this product line, when set.
    pub product: Option<String>,
    /// Only this region, when set.
    pub region: Option<String>,
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

    /// True when the deal should be shown.
    pub fn matches(&self, deal: &Deal) -> bool {
        self.matcher()(deal)
    }

    /// A test for many deals, with the search text prepared once and one buffer for the
    /// lower-cased fields.
    pub fn matcher(&self) -> impl Fn(&Deal) -> bool + '_ {
        let query = lowercase(self.query.trim());
        let field_text = RefCell::new(String::new());
        move |deal| {
            FilterField::ALL
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
        FilterField::ALL
            .iter()
            .all(|&f| wider.get(f).is_none_or(|v| self.get(f) == Some(v)))
            && lowercase(self.query.trim()).contains(lowercase(wider.query.trim()).as_str())
    }

    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        FilterField::ALL.iter().all(|&f| self.get(f).is_none()) && self.query.trim().is_empty()
    }
}
