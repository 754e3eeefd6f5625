//! Replacing the whole board (an import): shown first, its undo step worked out a moment
//! later, and what moves need built while the page is idle.

use crate::app::state::AppState;
use crate::app::tasks::when_idle;
use crate::domain::board::Board;
use crate::domain::columns::BoardView;
use crate::domain::command::Outcome;
use crate::domain::filter::DealFilter;
use crate::domain::history::History;
use crate::domain::view_patch::PendingChanges;
use leptos::prelude::*;

impl AppState {
    /// Puts `new` in place of the board (an import) and shows it; its undo step is worked out
    /// when the page is idle after the next frame (`History::record_replace`): on a
    /// 50,000-deal import that is as long as showing the board, and the two together were one
    /// long task. Idle, not the next task: input and messages that came in wait for nothing.
    pub(crate) fn replace_board(
        &self,
        new: Board,
        ready: Option<Box<(DealFilter, BoardView)>>,
    ) -> Outcome {
        let old = self.board.try_update(|board| {
            self.changes.set_value(match ready {
                Some(ready) => PendingChanges::Ready(ready),
                None => PendingChanges::Unknown,
            });
            std::mem::replace(board, new)
        });
        if let Some(old) = old {
            self.history.update(|h| h.record_replace(old));
        }
        self.dismiss_toast();
        self.progress_moved();
        let state = *self;
        request_animation_frame(move || {
            when_idle(move || {
                state.settle_history();
                when_idle(move || state.prepare_moves());
            })
        });
        let outcome = Outcome::BoardReplaced;
        self.announce(&outcome);
        outcome
    }

    /// `dispatch(ReplaceBoard)` for an import whose view was worked out while the user chose
    /// (`ready`: the filter it is for and the view; unused if the filter changed since).
    pub fn replace_imported(
        &self,
        new: Board,
        ready: Option<Box<(DealFilter, BoardView)>>,
    ) -> Outcome {
        self.settle_history();
        self.replace_board(new, ready)
    }

    /// Works out the undo step of a replace that is still waiting, against the board it left:
    /// before anything else changes the board (a command, an undo, another tab's save).
    /// (Deferred work may come after the app was unmounted: then there is nothing to do.)
    pub(crate) fn settle_history(&self) {
        if self.history.try_with_untracked(History::is_waiting) == Some(true) {
            self.board
                .try_with_untracked(|b| self.history.try_update(|h| h.settle(b)));
        }
    }

    /// Builds what moves read and otherwise build on first use (the stages' order, the deals'
    /// positions), in a task of its own: on 50,000 deals the first drag after an import would
    /// take ~50 ms.
    fn prepare_moves(&self) {
        self.board.try_with_untracked(|b| {
            b.deals.order();
            if let Some(first) = b.deals.first() {
                b.deal_position(&first.id);
            }
        });
    }
}
