//! The board's deals: a plain list to read, with each stage's display order kept beside it, so
//! that a move finds its place and its neighbours without a pass over every deal (on a
//! 50,000-deal board that pass was most of a move).
//!
//! The order cannot go stale: it is built from the list on first use, kept up to date by the
//! two changes a rep makes all day (`edit` of one deal, `push` of a new one), and dropped by
//! any other mutable access to the list (`DerefMut`), to be rebuilt when next asked for.

use crate::domain::board::{Deal, DealId, StageId};
use crate::domain::sort::sort_by;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// The deals of a board, in no particular order (display order is by rank within a stage).
#[derive(Default)]
pub struct Deals {
    list: Vec<Deal>,
    /// A cache, not part of the value: never saved, not compared, not cloned. Boxed so that
    /// a board (which import results carry around) stays small.
    order: OnceLock<Box<StageOrder>>,
}

impl Deals {
    /// Each stage's deals in display order (built on first use after a change it did not
    /// follow).
    pub fn order(&self) -> &StageOrder {
        self.order
            .get_or_init(|| Box::new(StageOrder::of(&self.list)))
    }

    /// Changes the deal at `at` in place, keeping the order up to date.
    pub fn edit<R>(&mut self, at: usize, change: impl FnOnce(&mut Deal) -> R) -> R {
        let deal = &mut self.list[at];
        let Some(order) = self.order.get_mut() else {
            return change(deal);
        };
        let (stage, rank, id) = (deal.stage.clone(), deal.rank, deal.id.clone());
        let out = change(deal);
        let moved = deal.stage != stage || deal.rank.to_bits() != rank.to_bits() || deal.id != id;
        if moved {
            order.remove(&stage, rank, &id);
            order.insert(deal);
        }
        out
    }

    /// Adds a deal at the end of the list, keeping the order up to date.
    pub fn push(&mut self, deal: Deal) {
        if let Some(order) = self.order.get_mut() {
            order.insert(&deal);
        }
        self.list.push(deal);
    }
}

impl Deref for Deals {
    type Target = Vec<Deal>;

    fn deref(&self) -> &Vec<Deal> {
        &self.list
    }
}

impl DerefMut for Deals {
    /// Any change made through the plain list may move deals anywhere: forget the order.
    fn deref_mut(&mut self) -> &mut Vec<Deal> {
        self.order.take();
        &mut self.list
    }
}

impl From<Vec<Deal>> for Deals {
    fn from(list: Vec<Deal>) -> Deals {
        Deals {
            list,
            order: OnceLock::new(),
        }
    }
}

impl FromIterator<Deal> for Deals {
    fn from_iter<I: IntoIterator<Item = Deal>>(deals: I) -> Deals {
        Deals::from(deals.into_iter().collect::<Vec<_>>())
    }
}

impl IntoIterator for Deals {
    type Item = Deal;
    type IntoIter = std::vec::IntoIter<Deal>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl<'a> IntoIterator for &'a Deals {
    type Item = &'a Deal;
    type IntoIter = std::slice::Iter<'a, Deal>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl<'a> IntoIterator for &'a mut Deals {
    type Item = &'a mut Deal;
    type IntoIter = std::slice::IterMut<'a, Deal>;

    /// Through the plain list (`DerefMut`): the order is forgotten.
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl Clone for Deals {
    fn clone(&self) -> Deals {
        Deals::from(self.list.clone())
    }
}

impl PartialEq for Deals {
    fn eq(&self, other: &Deals) -> bool {
        self.list == other.list
    }
}

impl std::fmt::Debug for Deals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list.fmt(f)
    }
}

/// A deal's place in its stage's order: what display order compares.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub rank: f64,
    pub id: DealId,
}

impl Slot {
    fn of(deal: &Deal) -> Slot {
        Slot {
            rank: deal.rank,
            id: deal.id.clone(),
        }
    }

    /// Display order (rank, then id), as `ordering::display_order` compares deals.
    fn cmp_to(&self, rank: f64, id: &DealId) -> Ordering {
        self.rank.total_cmp(&rank).then_with(|| self.id.cmp(id))
    }
}

/// Each stage's deals in display order.
#[derive(Clone, Debug, Default)]
pub struct StageOrder {
    stages: FxHashMap<StageId, Vec<Slot>>,
}

impl StageOrder {
    fn of(deals: &[Deal]) -> StageOrder {
        let mut stages: FxHashMap<StageId, Vec<Slot>> = FxHashMap::default();
        for deal in deals {
            match stages.get_mut(&deal.stage) {
                Some(slots) => slots.push(Slot::of(deal)),
                None => {
                    stages.insert(deal.stage.clone(), vec![Slot::of(deal)]);
                }
            }
        }
        for slots in stages.values_mut() {
            sort_by(slots, |a, b| a.cmp_to(b.rank, &b.id));
        }
        StageOrder { stages }
    }

    /// The deals of `stage` in display order (none for an unknown stage).
    pub fn stage(&self, stage: &StageId) -> &[Slot] {
        self.stages.get(stage).map_or(&[], Vec::as_slice)
    }

    /// Where the deal with this rank and id sits in `stage`.
    pub fn index_of(&self, stage: &StageId, rank: f64, id: &DealId) -> Option<usize> {
        self.stage(stage)
            .binary_search_by(|s| s.cmp_to(rank, id))
            .ok()
    }

    fn remove(&mut self, stage: &StageId, rank: f64, id: &DealId) {
        let Some(slots) = self.stages.get_mut(stage) else {
            return;
        };
        if let Ok(at) = slots.binary_search_by(|s| s.cmp_to(rank, id)) {
            slots.remove(at);
        }
    }

    fn insert(&mut self, deal: &Deal) {
        let slots = self.stages.entry(deal.stage.clone()).or_default();
        let at = slots.partition_point(|s| s.cmp_to(deal.rank, &deal.id).is_lt());
        slots.insert(at, Slot::of(deal));
    }
}
