//! Undo and redo for this tab, and the brief "Undo" toast after a move or a deletion.

use crate::app::clock;
use crate::app::state::{AppState, Toast};
use crate::domain::board::DealId;
use crate::domain::command::{DomainError, Outcome};
use crate::domain::targets::may_change_progress;
use crate::i18n::Key;
use leptos::prelude::*;
use std::time::Duration;

/// How long the toast stays.
const TOAST_TIME: Duration = Duration::from_secs(6);

impl AppState {
    /// Undoes this tab's last step; the result is saved like any other change. A card that
    /// had focus (Ctrl+Z right after a keyboard move) is drawn again in its old column: focus
    /// goes with it rather than to the page's top.
    pub fn undo(&self) {
        self.replay(true, focused_card());
    }

    /// Undoes the last step and then puts focus on `deal`'s card: the toast's Undo, whose
    /// button goes away with the toast.
    pub fn undo_to(&self, deal: Option<DealId>) {
        self.replay(true, deal);
    }

    /// Redoes the last undone step, keeping focus on the card that had it.
    pub fn redo(&self) {
        self.replay(false, focused_card());
    }

    /// Applies the last step of the undo (`undo`) or redo stack; on success, focus goes to
    /// `focus`'s card once it is drawn again.
    fn replay(&self, undo: bool, focus: Option<DealId>) {
        self.settle_history();
        let now = clock::now();
        let board = self.board;
        let mut progress_moved = false;
        let result: Option<Result<Outcome, DomainError>> = self
            .history
            .try_update(|history| {
                board
                    .try_maybe_update(|b| {
                        let done = if undo {
                            history.undo(b, now)
                        } else {
                            history.redo(b, now)
                        };
                        // The step just applied is the one that reverses it, now on top of
                        // the other stack.
                        let applied = if undo {
                            history.last_redo()
                        } else {
                            history.last_undo()
                        };
                        if let (Some(Ok(_)), Some(step)) = (&done, applied) {
                            self.changes.update_value(|c| c.record(step));
                            progress_moved = may_change_progress(step);
                        }
                        (matches!(done, Some(Ok(_))), done)
                    })
                    .flatten()
            })
            .flatten();
        if progress_moved {
            self.progress_moved();
        }
        if let Some(Ok(_)) = result {
            let key = if undo {
                Key::AnnounceUndone
            } else {
                Key::AnnounceRedone
            };
            self.announcement
                .set(self.lang.get_untracked().text(key).to_string());
            self.toast.set(None);
            if let Some(id) = focus {
                self.focus_deal(&id);
            }
        }
    }

    /// Shows the toast after changes that are easy to make by mistake. Any other change takes
    /// the toast down: its Undo undoes the last step, which would no longer be the one it names.
    pub(crate) fn offer_undo(&self, outcome: &Outcome) {
        let announced = || self.announcement.get_untracked();
        match outcome {
            // On screen, where the deal went is enough ("“Acme renewal” moved to Won"); the
            // positions in the announcement are for screen readers. A reorder within a stage
            // keeps them: they are what changed.
            Outcome::DealMoved { id, from, to } if from.0 != to.0 => {
                let lang = self.lang.get_untracked();
                let text = self.board.with_untracked(|b| {
                    let title = b.deal(id).map(|d| d.title.clone()).unwrap_or_default();
                    lang.fill(Key::ToastMoved, &[&title, &self.stage_name(b, &to.0)])
                });
                self.show_undo_toast(Some(id.clone()), text)
            }
            Outcome::DealMoved { id, .. } => self.show_undo_toast(Some(id.clone()), announced()),
            Outcome::DealDeleted(deal) => self.show_undo_toast(Some(deal.id.clone()), announced()),
            Outcome::TargetDeleted(_) => self.show_undo_toast(None, announced()),
            _ => self.dismiss_toast(),
        }
    }

    /// Shows the toast with `text` and an Undo for the last step; the toast's Undo puts focus
    /// on `deal`'s card when there is one.
    fn show_undo_toast(&self, deal: Option<DealId>, text: String) {
        let serial = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.serial + 1));
        self.toast.set(Some(Toast { text, serial, deal }));
        let toast = self.toast;
        set_timeout(
            move || {
                if toast
                    .try_with_untracked(|t| t.as_ref().map(|t| t.serial))
                    .flatten()
                    == Some(serial)
                {
                    toast.set(None);
                }
            },
            TOAST_TIME,
        );
    }

    /// Takes the toast down, if one is shown.
    pub(crate) fn dismiss_toast(&self) {
        if self.toast.with_untracked(Option::is_some) {
            self.toast.set(None);
        }
    }
}

/// The deal whose card has focus, if one has.
fn focused_card() -> Option<DealId> {
    document()
        .active_element()
        .and_then(|el| el.get_attribute("data-deal-id"))
        .map(DealId)
}
