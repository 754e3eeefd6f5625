//! What the board shows, computed in one pass over the deals: each column's cards in order
//! and its figures, the open pipeline's figures, and the values the filters offer. The view
//! keeps this in one memo; after a change it is patched for the changed deals only
//! (`view_patch`), so a move costs the same on any board size.

use crate::domain::board::{Board, Deal, DealId, StageId, StageKind};
use crate::domain::filter::{DealFilter, FilterField};
use crate::domain::metrics::StageSummary;
use crate::domain::sort::sort_by;
use std::cmp::Ordering;

/// A card to show: its deal, and its revision so that a changed deal renders anew.
#[derive(Clone, Debug, PartialEq)]
pub struct CardRef {
    pub id: DealId,
    pub revision: u32,
    /// With the revision: another tab's version of the same revision still renders anew.
    pub updated: i64,
    /// The deal's rank, so that a card can be put in place without looking at the board.
    pub rank: f64,
    /// Where the deal sat in `board.deals` when the card was made: a hint, checked against
    /// the id before use (removing a deal shifts the ones after it).
    pub index: usize,
}

impl CardRef {
    /// The card of `deal`, found at `index` of `board.deals`.
    pub fn of(deal: &Deal, index: usize) -> CardRef {
        CardRef {
            id: deal.id.clone(),
            revision: deal.revision,
            updated: deal.updated,
            rank: deal.rank,
            index,
        }
    }

    /// Display order, as `ordering::display_order` orders deals.
    pub fn order(&self, rank: f64, id: &DealId) -> Ordering {
        self.rank.total_cmp(&rank).then_with(|| self.id.cmp(id))
    }
}

/// One column: the shown cards in display order and their figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage: StageId,
    pub cards: Vec<CardRef>,
    pub summary: StageSummary,
}

/// The values a filter field takes on the board, each with how many deals have it, so that
/// a value leaves the list when its last deal does. Sorted lists rather than maps: a board
/// has a handful of reps, products and regions, and this keeps the wasm smaller.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    owner: Vec<(String, usize)>,
    product: Vec<(String, usize)>,
    region: Vec<(String, usize)>,
}

impl Facets {
    /// The values of `field`, sorted, without repeats or empty ones.
    pub fn values(&self, field: FilterField) -> impl Iterator<Item = &str> + '_ {
        self.of(field).iter().map(|(value, _)| value.as_str())
    }

    /// Counts the deal's values.
    pub fn add(&mut self, deal: &Deal) {
        for field in FilterField::ALL {
            let value = field.of(deal);
            if value.is_empty() {
                continue;
            }
            let values = self.of_mut(field);
            match values.binary_search_by(|(v, _)| v.as_str().cmp(value)) {
                Ok(at) => values[at].1 += 1,
                Err(at) => values.insert(at, (value.to_string(), 1)),
            }
        }
    }

    /// Takes out a deal counted before.
    pub fn remove(&mut self, deal: &Deal) {
        for field in FilterField::ALL {
            let values = self.of_mut(field);
            if let Ok(at) = values.binary_search_by(|(v, _)| v.as_str().cmp(field.of(deal))) {
                values[at].1 -= 1;
                if values[at].1 == 0 {
                    values.remove(at);
                }
            }
        }
    }

    fn of(&self, field: FilterField) -> &Vec<(String, usize)> {
        match field {
            FilterField::Owner => &self.owner,
            FilterField::Product => &self.product,
            FilterField::Region => &self.region,
        }
    }

    fn of_mut(&mut self, field: FilterField) -> &mut Vec<(String, usize)> {
        match field {
            FilterField::Owner => &mut self.owner,
            FilterField::Product => &mut self.product,
            FilterField::Region => &mut self.region,
        }
    }
}

/// Everything the board shows for one filter.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardView {
    /// In pipeline order.
    pub columns: Vec<Column>,
    /// Deals in open stages that the filter shows.
    pub pipeline: StageSummary,
    /// How many deals the filter shows in all.
    pub shown: usize,
    /// The values the filters offer, over every deal (not only the shown ones).
    pub facets: Facets,
}

impl BoardView {
    /// The column of `stage`, if the board has it.
    pub fn column(&self, stage: &StageId) -> Option<&Column> {
        self.columns.iter().find(|c| &c.stage == stage)
    }

    /// This view of `board`, narrowed to `filter`, which must narrow the filter the view was
    /// made for (`DealFilter::narrows`): typing on in the search box. Only the cards shown are
    /// looked at, and they keep their order, so no sort either. `None` when the view does not
    /// fit the board any more (other columns, a card's position hint out of date): then a full
    /// pass is needed.
    pub fn narrowed(&self, board: &Board, filter: &DealFilter) -> Option<BoardView> {
        if !self.has_columns_of(board) {
            return None;
        }
        let matches = filter.matcher(&board.stages);
        let mut view = BoardView::empty(board, self.facets.clone());
        for (at, column) in self.columns.iter().enumerate() {
            for card in &column.cards {
                let deal = board.deals.get(card.index).filter(|d| d.id == card.id)?;
                if matches(deal) {
                    view.show(board, filter, at, deal, card.clone());
                }
            }
        }
        Some(view)
    }

    /// True when the view's columns are `board`'s stages, in order: otherwise it cannot be
    /// patched or narrowed, only made again.
    pub(crate) fn has_columns_of(&self, board: &Board) -> bool {
        self.columns.len() == board.stages.len()
            && self
                .columns
                .iter()
                .zip(&board.stages)
                .all(|(c, s)| c.stage == s.id)
    }

    /// A view of `board` with no card shown yet.
    fn empty(board: &Board, facets: Facets) -> BoardView {
        BoardView {
            columns: board
                .stages
                .iter()
                .map(|s| Column {
                    stage: s.id.clone(),
                    cards: Vec::new(),
                    summary: StageSummary::new(),
                })
                .collect(),
            pipeline: StageSummary::new(),
            shown: 0,
            facets,
        }
    }

    /// Shows `card` (of `deal`) last in the column at `column`, and counts it.
    fn show(
        &mut self,
        board: &Board,
        filter: &DealFilter,
        column: usize,
        deal: &Deal,
        card: CardRef,
    ) {
        let stage = &board.stages[column];
        self.shown += 1;
        self.columns[column].summary.add(deal, stage, filter.today);
        if stage.kind == StageKind::Open {
            self.pipeline.add(deal, stage, filter.today);
        }
        self.columns[column].cards.push(card);
    }
}

/// The column a deal's stage is in: a scan, since boards have a handful of stages and
/// comparing a few short ids is cheaper than hashing one.
pub(crate) fn column_of(board: &Board, stage: &StageId) -> Option<usize> {
    board.stages.iter().position(|s| &s.id == stage)
}

/// Computes the board's view in one pass over its deals.
pub fn board_view(board: &Board, filter: &DealFilter) -> BoardView {
    let mut facets = Facets::default();
    for deal in &board.deals {
        facets.add(deal);
    }
    refiltered_view(board, filter, facets)
}

/// `board_view` with the board's facets already known: they do not depend on the filter, so
/// a keystroke in the search box need not count them again (on 50,000 deals, whose strings
/// lie all over memory, counting them was about half of the pass).
pub fn refiltered_view(board: &Board, filter: &DealFilter, facets: Facets) -> BoardView {
    let mut view = BoardView::empty(board, facets);
    let matches = filter.matcher(&board.stages);
    for (index, deal) in board.deals.iter().enumerate() {
        let Some(column) = column_of(board, &deal.stage) else {
            continue;
        };
        if matches(deal) {
            view.show(board, filter, column, deal, CardRef::of(deal, index));
        }
    }
    for column in &mut view.columns {
        sort_by(&mut column.cards, |a, b| a.order(b.rank, &b.id));
    }
    view
}
