//! The board's view as the columns show it, kept in one memo that patches or narrows its
//! last value when it can instead of going over every deal again.

use crate::domain::board::Board;
use crate::domain::columns::{board_view, refiltered_view, BoardView};
use crate::domain::filter::DealFilter;
use crate::domain::view_patch::PendingChanges;
use leptos::prelude::*;

/// The view as a memo that owns its last value: when only known deals changed under the same
/// filter it patches that value for them (a move: two columns, two cards); when only the
/// filter changed it narrows the cards shown (typing on) or makes one pass that keeps the
/// counted filter values; otherwise it recomputes from every deal. Every change to the board
/// is recorded in `changes` (`dispatch`, undo, `replace_board`, the other tabs' merge), so no
/// recorded change means the board's deals and stages are as the last value saw them.
pub(crate) fn view_memo(
    board: RwSignal<Board>,
    filter: RwSignal<DealFilter>,
    changes: StoredValue<PendingChanges>,
) -> Memo<BoardView> {
    let filtered_by: StoredValue<Option<DealFilter>> = StoredValue::new(None);
    Memo::new_owning(move |last: Option<BoardView>| {
        let pending = changes
            .try_update_value(|c| std::mem::replace(c, PendingChanges::none()))
            .unwrap_or_default();
        let mut unchanged = false;
        let view = board.with(|b| {
            filter.with(|f| {
                let same_filter = filtered_by.with_value(|by| by.as_ref() == Some(f));
                let patched = match (last, pending) {
                    // A setting or a target changed, or the filter was set to what it was:
                    // nothing the view shows.
                    (Some(view), PendingChanges::Known(list)) if same_filter && list.is_empty() => {
                        unchanged = true;
                        Some(view)
                    }
                    (Some(mut view), PendingChanges::Known(list)) if same_filter => {
                        view.apply_changes(b, f, &list).then_some(view)
                    }
                    // Only the filter changed: the facets stay, and typing on narrows the
                    // cards already shown.
                    (Some(view), PendingChanges::Known(list))
                        if !same_filter && list.is_empty() =>
                    {
                        let narrows = filtered_by
                            .with_value(|by| by.as_ref().is_some_and(|by| f.narrows(by)));
                        let narrowed = narrows.then(|| view.narrowed(b, f)).flatten();
                        filtered_by.set_value(Some(f.clone()));
                        Some(narrowed.unwrap_or_else(|| refiltered_view(b, f, view.facets)))
                    }
                    (_, PendingChanges::Ready(ready)) if ready.0 == *f => {
                        filtered_by.set_value(Some(f.clone()));
                        Some(ready.1)
                    }
                    _ => None,
                };
                if let Some(view) = &patched {
                    debug_assert!(same_cards(view, &board_view(b, f)));
                }
                // One call site for the full pass, so it is not inlined twice.
                patched.unwrap_or_else(|| {
                    filtered_by.set_value(Some(f.clone()));
                    board_view(b, f)
                })
            })
        });
        (view, !unchanged)
    })
}

/// Equal but for the cards' position hints (debug check of a patched view).
fn same_cards(a: &BoardView, b: &BoardView) -> bool {
    let without_hints = |v: &BoardView| {
        let mut v = v.clone();
        v.columns
            .iter_mut()
            .flat_map(|c| &mut c.cards)
            .for_each(|card| card.index = 0);
        v
    };
    without_hints(a) == without_hints(b)
}
