//! Whose deals a target counts (a scope), and how its texts are compared.

use crate::domain::board::Deal;
use crate::domain::lowercase::lowercase;
use crate::domain::targets::target::SplitBy;

/// Whose deals a target counts. Every field set must match (trimmed, ignoring case); none set
/// is the whole team. Combinations such as rep × product are allowed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    pub owner: Option<String>,
    pub product: Option<String>,
    pub region: Option<String>,
    pub customer: Option<String>,
}

/// How two texts of a scope are compared: trimmed, lower case.
pub(crate) fn scope_key(text: &str) -> String {
    lowercase(text.trim())
}

/// `scope_key(a) == scope_key(b)`, without allocating when both are ASCII (nearly always).
/// Target progress compares every won deal with every target's scope after each change, and
/// two lower-cased copies per comparison were most of that work on a large board. Other text
/// still goes through `scope_key`: non-ASCII can lower-case to ASCII (the Kelvin sign to `k`).
pub fn same_scope_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        scope_key(a) == scope_key(b)
    }
}

impl Scope {
    /// The whole team: no field set.
    pub fn team() -> Scope {
        Scope::default()
    }

    /// True when no field is set.
    pub fn is_team(&self) -> bool {
        SplitBy::SCOPES.iter().all(|&by| self.get(by).is_none())
    }

    /// The value set for a dimension (`None` for `Time`).
    pub fn get(&self, by: SplitBy) -> Option<&str> {
        match by {
            SplitBy::Time => None,
            SplitBy::Owner => self.owner.as_deref(),
            SplitBy::Product => self.product.as_deref(),
            SplitBy::Region => self.region.as_deref(),
            SplitBy::Customer => self.customer.as_deref(),
        }
    }

    /// This scope with one dimension set to `value` (unchanged for `Time`).
    pub fn with(&self, by: SplitBy, value: &str) -> Scope {
        let mut scope = self.clone();
        let value = Some(value.to_string());
        match by {
            SplitBy::Time => {}
            SplitBy::Owner => scope.owner = value,
            SplitBy::Product => scope.product = value,
            SplitBy::Region => scope.region = value,
            SplitBy::Customer => scope.customer = value,
        }
        scope.normalized()
    }

    /// Trimmed, with empty texts taken as not set.
    pub fn normalized(&self) -> Scope {
        let clean = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        Scope {
            owner: clean(&self.owner),
            product: clean(&self.product),
            region: clean(&self.region),
            customer: clean(&self.customer),
        }
    }

    /// True when the deal is in this scope.
    pub fn matches(&self, deal: &Deal) -> bool {
        SplitBy::SCOPES.iter().all(|&by| match self.get(by) {
            None => true,
            Some(want) => {
                let want = want.trim();
                want.is_empty() || same_scope_text(by.of_deal(deal), want)
            }
        })
    }

    /// True when both scopes name the same deals (trimmed, ignoring case).
    pub fn same_as(&self, other: &Scope) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        SplitBy::SCOPES
            .iter()
            .all(|&by| a.get(by).map(scope_key) == b.get(by).map(scope_key))
    }

    /// "Alice Chen × Analytics Suite"; empty for the whole team.
    pub fn label(&self) -> String {
        SplitBy::SCOPES
            .iter()
            .filter_map(|&by| self.get(by))
            .collect::<Vec<_>>()
            .join(" × ")
    }
}
