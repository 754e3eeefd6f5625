//! Dragging cards with mouse, finger or pen, through pointer events so that every kind of
//! pointer takes one path. A mouse lifts a card after it moves a few pixels; a finger after a
//! short press (so a swipe still scrolls the board). While a card is lifted the column under
//! the pointer is highlighted, a line shows where it will land, the board and long columns
//! scroll near their edges, and Escape puts it back. The drop is the same `move_deal` that
//! the menu and the keyboard use.

mod auto_scroll;
mod target;

use self::auto_scroll::{auto_scroll, wheel_under};
use self::target::{mark_lifted, retarget, unmark};
use crate::app::moves::{drop_index, move_deal};
use crate::app::state::AppState;
use crate::domain::board::{DealId, StageId};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};

/// How far a pointer may wander before a press stops being a press (px).
const TOLERANCE: f64 = 5.0;
/// How long a finger must rest on a card to lift it.
const TOUCH_DELAY: Duration = Duration::from_millis(250);

/// What the view shows while a card is lifted.
#[derive(Clone, Debug, PartialEq)]
pub struct Lifted {
    pub deal: DealId,
    pub title: String,
    pub x: f64,
    pub y: f64,
}

/// The drag state the view renders from; the rest lives outside the reactive graph.
#[derive(Clone, Copy)]
pub struct DragView {
    pub lifted: RwSignal<Option<Lifted>>,
}

impl DragView {
    /// A view with nothing lifted.
    pub fn new() -> DragView {
        DragView {
            lifted: RwSignal::new(None),
        }
    }
}

impl Default for DragView {
    fn default() -> Self {
        DragView::new()
    }
}

/// The floating copy of the lifted card that follows the pointer.
#[component]
pub fn DragGhost() -> impl IntoView {
    let view = expect_context::<DragView>();
    move || {
        view.lifted
            .get()
            .map(|l| {
                // Whole pixels: formatting floats would pull float printing into the wasm.
                let style = format!(
                    "transform: translate({}px, {}px) rotate(2deg)",
                    l.x as i32 + 8,
                    l.y as i32 + 8
                );
                // The shield under the ghost shows the grabbing cursor wherever the pointer is.
                // A cursor set on <body> instead is inherited by every element, so setting and
                // clearing it restyled the whole page on each lift and drop (15-30 ms).
                view! {
                    <div class="drag-shield" aria-hidden="true" on:wheel=wheel_under></div>
                    <div class="drag-ghost" aria-hidden="true" style=style>{l.title}</div>
                }
                .into_any()
            })
            .into_any()
    }
}

pub(super) struct Session {
    deal: DealId,
    pointer: i32,
    touch: bool,
    start: (f64, f64),
    at: (f64, f64),
    lifted: bool,
    /// Dropped or cancelled: later moves of the same press do nothing.
    ended: bool,
    target: Option<(StageId, Option<DealId>)>,
    marked: Vec<Element>,
    /// Set after a drag so the click that follows the release does not open the card.
    swallow_click: bool,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

pub(super) fn with_session<R>(f: impl FnOnce(&mut Option<Session>) -> R) -> R {
    SESSION.with(|s| f(&mut s.borrow_mut()))
}

/// A pointer went down on a card.
pub fn press(view: DragView, ev: &PointerEvent, deal: DealId, title: String) {
    let touch = ev.pointer_type() != "mouse";
    if (!touch && ev.button() != 0) || inside_menu(ev) || !ev.is_primary() {
        return;
    }
    let start = (ev.client_x() as f64, ev.client_y() as f64);
    let pointer = ev.pointer_id();
    with_session(|s| {
        *s = Some(Session {
            deal: deal.clone(),
            pointer,
            touch,
            start,
            at: start,
            lifted: false,
            ended: false,
            target: None,
            marked: Vec::new(),
            swallow_click: false,
        })
    });
    if touch {
        set_timeout(
            move || {
                let ready = with_session(|s| {
                    s.as_ref()
                        .is_some_and(|s| s.pointer == pointer && !s.lifted)
                });
                if ready {
                    lift(view, title);
                }
            },
            TOUCH_DELAY,
        );
    } else {
        // Remember the title for when the mouse has moved far enough.
        PENDING_TITLE.with(|t| *t.borrow_mut() = title);
    }
}

thread_local! {
    static PENDING_TITLE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// True when a click on a card should not open it, because it ended a drag. (A flag left
/// behind when no click follows is replaced by the next press.)
pub fn swallow_click() -> bool {
    with_session(|s| match s {
        Some(session) if session.swallow_click => {
            *s = None;
            true
        }
        _ => false,
    })
}

fn lift(view: DragView, title: String) {
    let Some((deal, (x, y))) = with_session(|s| {
        let s = s.as_mut()?;
        s.lifted = true;
        Some((s.deal.clone(), s.at))
    }) else {
        return;
    };
    mark_lifted(&deal, true);
    view.lifted.set(Some(Lifted { deal, title, x, y }));
    retarget(x, y);
    auto_scroll();
}

/// Listens on the window for the rest of every drag. Call once, from the app.
pub fn install(state: AppState, view: DragView) {
    let moved = window_event_listener(leptos::ev::pointermove, move |ev| on_move(view, &ev));
    let up = window_event_listener(leptos::ev::pointerup, move |ev| {
        finish(state, view, Some(&ev))
    });
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| {
        finish(state, view, None)
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && with_session(|s| s.as_ref().is_some_and(|s| s.lifted)) {
            ev.prevent_default();
            ev.stop_propagation();
            finish(state, view, None);
        }
    });
    // Once a finger has lifted a card, its moves drag instead of scrolling. This must be a
    // non-passive listener: passive ones cannot prevent scrolling.
    let no_scroll = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if with_session(|s| s.as_ref().is_some_and(|s| s.lifted)) {
            ev.prevent_default();
        }
    });
    let no_scroll: js_sys::Function = no_scroll.into_js_value().unchecked_into();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(false);
    let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
        "touchmove",
        &no_scroll,
        &options,
    );
    on_cleanup(move || {
        moved.remove();
        up.remove();
        cancel.remove();
        escape.remove();
        let _ = document().remove_event_listener_with_callback("touchmove", &no_scroll);
    });
}

fn on_move(view: DragView, ev: &PointerEvent) {
    let at = (ev.client_x() as f64, ev.client_y() as f64);
    let state = with_session(|s| {
        let s = s
            .as_mut()
            .filter(|s| s.pointer == ev.pointer_id() && !s.ended)?;
        s.at = at;
        let far = (at.0 - s.start.0).hypot(at.1 - s.start.1) > TOLERANCE;
        Some((s.lifted, s.touch, far))
    });
    match state {
        Some((true, _, _)) => {
            view.lifted.update(|l| {
                if let Some(l) = l {
                    (l.x, l.y) = at;
                }
            });
            retarget(at.0, at.1);
        }
        // A finger that moves before the press delay is scrolling: let it.
        Some((false, true, true)) => with_session(|s| *s = None),
        Some((false, false, true)) => lift(view, PENDING_TITLE.with(|t| t.borrow().clone())),
        _ => {}
    }
}

/// Ends the drag: drops at the target on release, puts the card back otherwise.
fn finish(state: AppState, view: DragView, release: Option<&PointerEvent>) {
    let ended = with_session(|s| {
        let session = s.as_mut()?;
        if let Some(ev) = release {
            if ev.pointer_id() != session.pointer {
                return None;
            }
        }
        if session.ended {
            // Released after Escape: keep the session so the click that follows is swallowed.
            return None;
        }
        if !session.lifted {
            *s = None;
            return None;
        }
        unmark(&mut session.marked);
        session.lifted = false;
        session.ended = true;
        session.swallow_click = true;
        Some((session.deal.clone(), session.target.take()))
    });
    let Some((deal, target)) = ended else { return };
    view.lifted.set(None);
    mark_lifted(&deal, false);
    match (release, target) {
        (Some(_), Some((stage, before))) => {
            let index = before
                .and_then(|before| drop_index(state, &stage, &before, &deal))
                .unwrap_or(usize::MAX);
            move_deal(state, deal, stage, index);
        }
        _ => state.focus_deal(&deal),
    }
}

/// True while a finger is pressing or dragging a card: its long press must not open the
/// browser's context menu.
pub fn touch_in_progress() -> bool {
    with_session(|s| s.as_ref().is_some_and(|s| s.touch))
}

fn inside_menu(ev: &PointerEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest(".deal-menu, button, a, input").ok().flatten())
        .is_some()
}
