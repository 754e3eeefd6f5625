//! Keeps storage in step with the board: saves ~300 ms after the last change, and at once
//! when the page is hidden or closed, so a quick edit before closing the tab is not lost.
//! Every save first checks that the board fits (`io::capacity`): one that does not is not
//! written (the last good save stays), the user is told and offered an export, and closing
//! the tab asks first.

use crate::app::clock;
use crate::app::state::{AppState, Banner};
use crate::app::storage::{self, SaveError};
use crate::io::capacity::{self, Room};
use crate::io::store::encode;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after the last change the board is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the saver remembers between saves.
#[derive(Clone, Copy)]
struct Saver {
    state: AppState,
    /// True while the board in memory has changes that are not in storage; closing the tab
    /// then asks first.
    unsaved: StoredValue<bool>,
    /// The fill level last warned about, so the warning comes back only when storage fills
    /// further (every 5 points), not after every save.
    warned_at: StoredValue<Option<usize>>,
    /// What the last check found when the board did not fit (see `FAR_TOO_BIG`).
    too_big: StoredValue<Option<TooBig>>,
}

/// A board found not to fit: when, with how many deals, needing what share of the quota.
#[derive(Clone, Copy)]
struct TooBig {
    at: f64,
    deals: usize,
    percent: usize,
}

/// A board needing more than this share of the quota is not measured again on every change
/// (on 50,000 deals each measuring is a task of ~100 ms that writes nothing) while it keeps
/// at least as many deals, for `RECHECK_MS`; closing or hiding the page always measures.
const FAR_TOO_BIG: usize = 110;
const RECHECK_MS: f64 = 10_000.0;

/// Starts saving changes of `state.board`. `enabled` is false when storage must not be
/// written (blocked, or an unreadable board could not be backed up).
pub fn start(state: AppState, enabled: bool) {
    if !enabled {
        return;
    }
    let saver = Saver {
        state,
        unsaved: StoredValue::new(false),
        warned_at: StoredValue::new(None),
        too_big: StoredValue::new(None),
    };
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let flush = move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.set_value(None);
            saver.save_now(true);
        }
    };
    // The first run only subscribes: the board was just loaded and needs no write.
    Effect::new(move |first: Option<()>| {
        state.board.track();
        if first.is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                saver.save_now(false);
            },
            SAVE_DELAY,
        );
        pending.set_value(handle.ok());
    });
    // Flush when the page is hidden or closed; removed again when the app unmounts.
    let on_hide = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let on_hide_fn: js_sys::Function = on_hide.into_js_value().unchecked_into();
    let _ = document().add_event_listener_with_callback("visibilitychange", &on_hide_fn);
    let pagehide = window_event_listener_untyped("pagehide", move |_| flush());
    // Changes that storage could not take would be lost with the tab: let the browser ask.
    let beforeunload = window_event_listener_untyped("beforeunload", move |ev| {
        flush();
        if saver.unsaved.try_get_value().unwrap_or(false) {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || {
        let _ = document().remove_event_listener_with_callback("visibilitychange", &on_hide_fn);
        pagehide.remove();
        beforeunload.remove();
    });
}

impl Saver {
    /// Writes the board now, after checking that it fits, and reports the result in the
    /// banners: too big (not written), nearly full (written, with a warning), or a failed write.
    /// `sure`: measure even a board that was far too big a moment ago (the page is closing).
    fn save_now(self, sure: bool) {
        let state = self.state;
        let deals = state
            .board
            .try_with_untracked(|b| b.deals.len())
            .unwrap_or(0);
        let still_too_big = self.too_big.get_value().is_some_and(|t| {
            t.percent > FAR_TOO_BIG && deals >= t.deals && js_sys::Date::now() - t.at < RECHECK_MS
        });
        // What the import dialog measured is for this save only, whichever way it goes.
        let measured = state.measured.try_update_value(Option::take).flatten();
        if still_too_big && !sure {
            return; // still unsaved, and the banner still says so
        }
        // A board the import dialog measured far over the quota is refused as it is: writing
        // it out once more would only say so again, a long task on a large board.
        if let Some(known) = measured.filter(|m| deals >= m.deals && !sure) {
            let board_units = capacity::units(storage::BOARD_KEY) + known.units;
            if let Room::Over { percent } =
                capacity::room(board_units, storage::units_besides_board())
            {
                if percent > FAR_TOO_BIG {
                    self.refuse(deals, percent);
                    return;
                }
            }
        }
        let Some(text) = state
            .board
            .try_with_untracked(|board| encode(board, clock::now()))
        else {
            return; // the app was unmounted
        };
        let board_units = capacity::units(storage::BOARD_KEY) + capacity::units(&text);
        let room = capacity::room(board_units, storage::units_besides_board());
        if let Room::Over { percent } = room {
            self.refuse(deals, percent);
            return;
        }
        self.too_big.set_value(None);
        match storage::save(&text) {
            Ok(()) => {
                self.unsaved.set_value(false);
                state.drop_banners(|b| {
                    !matches!(
                        b,
                        Banner::Quota | Banner::SaveFailed(_) | Banner::TooBig { .. }
                    )
                });
                self.warn_if_nearly_full(room);
            }
            Err(error) => {
                self.unsaved.set_value(true);
                state.show_banner(match error {
                    SaveError::Quota => Banner::Quota,
                    SaveError::Unavailable => Banner::Unavailable,
                    SaveError::Other(why) => Banner::SaveFailed(why),
                });
            }
        }
    }

    /// Does not write a board that needs `percent` of the quota (over 100): says so, and
    /// remembers it so that it is not measured again on every change.
    fn refuse(self, deals: usize, percent: usize) {
        self.too_big.set_value(Some(TooBig {
            at: js_sys::Date::now(),
            deals,
            percent,
        }));
        self.unsaved.set_value(true);
        let state = self.state;
        state.drop_banners(|b| !matches!(b, Banner::NearlyFull { .. } | Banner::TooBig { .. }));
        state.show_banner(Banner::TooBig { percent });
    }

    /// Shows (or updates) the nearly-full warning when storage filled by 5 points or more
    /// since the last one; drops it once the board is small again.
    fn warn_if_nearly_full(self, room: Room) {
        let state = self.state;
        let Room::Nearly { percent } = room else {
            self.warned_at.set_value(None);
            state.drop_banners(|b| !matches!(b, Banner::NearlyFull { .. }));
            return;
        };
        let shown = state
            .banners
            .with_untracked(|bs| bs.iter().any(|b| matches!(b, Banner::NearlyFull { .. })));
        let grew = self
            .warned_at
            .get_value()
            .is_none_or(|before| percent >= before + 5);
        if shown || grew {
            self.warned_at.set_value(Some(percent));
            state.drop_banners(|b| !matches!(b, Banner::NearlyFull { .. }));
            state.show_banner(Banner::NearlyFull { percent });
        }
    }
}
