//! What the board shows: a search text and an owner. Totals follow what is shown.

use crate::domain::board::Deal;

/// The current narrowing of the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealFilter {
    /// Matched case-insensitively against title, customer and contact.
    pub query: String,
    /// Only this rep's deals, when set.
    pub owner: Option<String>,
}

impl DealFilter {
    /// True when the deal should be shown.
    pub fn matches(&self, deal: &Deal) -> bool {
        if let Some(owner) = &self.owner {
            if deal.owner.trim() != owner {
                return false;
            }
        }
        let query = self.query.trim().to_lowercase();
        query.is_empty()
            || [&deal.title, &deal.customer, &deal.contact]
                .iter()
                .any(|field| field.to_lowercase().contains(&query))
    }

    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.owner.is_none() && self.query.trim().is_empty()
    }
}
