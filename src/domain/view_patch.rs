//! Keeps a `BoardView` up to date from the deals a change touched, instead of recomputing it
//! from every deal: a move takes one card out of a column and puts it into another, and
//! adjusts both columns' figures.

use crate::domain::board::{Board, Deal, StageKind};
use crate::domain::columns::{column_of, BoardView, CardRef};
use crate::domain::filter::DealFilter;
use crate::domain::history::Step;

/// A deal as it was before a change and as it is after it; `None` when it did not exist.
#[derive(Clone, Debug, PartialEq)]
pub struct DealChange {
    pub before: Option<Deal>,
    pub after: Option<Deal>,
}

/// Beyond this many changed deals a full pass is as cheap as patching (clear, import).
const PATCH_LIMIT: usize = 256;

/// Changes made since the view was last brought up to date, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PendingChanges {
    /// Exactly these deals changed, and nothing the view depends on besides them.
    Known(Vec<DealChange>),
    /// Something else changed (stages, the whole board, another tab): recompute.
    #[default]
    Unknown,
    /// The whole board was replaced by one whose view was worked out beforehand, for this
    /// filter (an import: while the user chose Replace).
    Ready(Box<(DealFilter, BoardView)>),
}

impl PendingChanges {
    /// Nothing changed yet.
    pub fn none() -> PendingChanges {
        PendingChanges::Known(Vec::new())
    }

    /// Adds the deals an applied step changed; stage edits and whole-board steps make the
    /// changes unknown, since the view's columns or every card depend on them.
    pub fn record(&mut self, step: &Step) {
        let PendingChanges::Known(changes) = self else {
            *self = PendingChanges::Unknown;
            return;
        };
        let whole = step.before.tombstones.is_some() || step.before.stages != step.after.stages;
        if whole || changes.len() + step.after.deals.len() > PATCH_LIMIT {
            *self = PendingChanges::Unknown;
            return;
        }
        // A step lists the same deals before and after, in the same order.
        let pairs = step.before.deals.iter().zip(&step.after.deals);
        changes.extend(pairs.map(|((_, before), (_, after))| DealChange {
            before: before.clone(),
            after: after.clone(),
        }));
    }

    /// Forgets the changes: the next update recomputes.
    pub fn mark_unknown(&mut self) {
        *self = PendingChanges::Unknown;
    }
}

impl BoardView {
    /// Brings the view, computed for `filter` before `changes`, up to date with `board` (the
    /// board after them). Returns false, leaving the view to be recomputed, when the board's
    /// stages are not the view's columns.
    pub fn apply_changes(
        &mut self,
        board: &Board,
        filter: &DealFilter,
        changes: &[DealChange],
    ) -> bool {
        if !self.has_columns_of(board) {
            return false;
        }
        let matches = filter.matcher(&board.stages);
        for change in changes {
            let mut hint = None;
            if let Some(old) = &change.before {
                self.facets.remove(old);
                if matches(old) {
                    hint = self.take_out(board, filter, old);
                }
            }
            if let Some(new) = &change.after {
                self.facets.add(new);
                if matches(new) {
                    self.put_in(board, filter, new, hint);
                }
            }
        }
        true
    }

    /// Removes a shown deal's card and figures; returns where the deal sat in the board.
    fn take_out(&mut self, board: &Board, filter: &DealFilter, deal: &Deal) -> Option<usize> {
        let at = column_of(board, &deal.stage)?;
        let stage = &board.stages[at];
        let column = &mut self.columns[at];
        let found = column
            .cards
            .binary_search_by(|c| c.order(deal.rank, &deal.id))
            .ok()
            .or_else(|| column.cards.iter().position(|c| c.id == deal.id));
        let index = found.map(|i| column.cards.remove(i).index);
        column.summary.remove(deal, stage, filter.today);
        if stage.kind == StageKind::Open {
            self.pipeline.remove(deal, stage, filter.today);
        }
        self.shown = self.shown.saturating_sub(1);
        index
    }

    /// Adds a shown deal's card in display order, and its figures.
    fn put_in(&mut self, board: &Board, filter: &DealFilter, deal: &Deal, hint: Option<usize>) {
        let Some(at) = column_of(board, &deal.stage) else {
            return;
        };
        // A move keeps the deal in place; an add or an undo pushes it at the end.
        let index = hint
            .filter(|&i| board.deals.get(i).is_some_and(|d| d.id == deal.id))
            .or_else(|| board.deals.iter().rposition(|d| d.id == deal.id))
            .unwrap_or(usize::MAX);
        let stage = &board.stages[at];
        let column = &mut self.columns[at];
        let place = column
            .cards
            .partition_point(|c| c.order(deal.rank, &deal.id).is_lt());
        column.cards.insert(place, CardRef::of(deal, index));
        column.summary.add(deal, stage, filter.today);
        if stage.kind == StageKind::Open {
            self.pipeline.add(deal, stage, filter.today);
        }
        self.shown += 1;
    }
}
