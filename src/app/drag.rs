//! Dragging cards with mouse, finger or pen, through pointer events so that every kind of
//! pointer takes one path. A mouse lifts a card after it moves a few pixels; a finger after a
//! short press (so a swipe still scrolls the board). While a card is lifted the column under
//! the pointer is highlighted, a line shows where it will land, the board and long columns
//! scroll near their edges, and Escape puts it back. The drop is the same `move_deal` that
//! the menu and the keyboard use.

use crate::app::moves::{drop_index, move_deal};
use crate::app::state::AppState;
use crate::domain::board::{DealId, StageId};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent};

/// How far a pointer may wander before a press stops being a press (px).
const TOLERANCE: f64 = 5.0;
/// How long a finger must rest on a card to lift it.
const TOUCH_DELAY: Duration = Duration::from_millis(250);
/// How close to an edge auto-scroll starts (px), and its top speed per frame (px).
const EDGE: f64 = 48.0;
const SPEED: f64 = 18.0;

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
        view.lifted.get().map(|l| {
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
                <div class="drag-shield" aria-hidden="true"></div>
                <div class="drag-ghost" aria-hidden="true" style=style>{l.title}</div>
            }
        })
    }
}

struct Session {
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

fn with_session<R>(f: impl FnOnce(&mut Option<Session>) -> R) -> R {
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
        _ => crate::app::state::focus_deal(&deal),
    }
}

/// Finds the column and the card the pointer is over and marks where the card would land.
fn retarget(x: f64, y: f64) {
    let under = under_pointer(x, y);
    let column = under.and_then(|el| el.closest("section.stage[data-stage-id]").ok().flatten());
    with_session(|s| {
        let Some(s) = s.as_mut() else { return };
        unmark(&mut s.marked);
        let Some(column) = column else {
            s.target = None;
            return;
        };
        let stage = StageId(column.get_attribute("data-stage-id").unwrap_or_default());
        let moving = s.deal.0.clone();
        let cards = column.query_selector_all("[data-deal-id]").ok();
        let cards: Vec<Element> = cards
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into().ok())
                    .collect()
            })
            .unwrap_or_default();
        let before = cards
            .into_iter()
            .filter(|c| c.get_attribute("data-deal-id").as_deref() != Some(moving.as_str()))
            .find(|c| {
                let r = c.get_bounding_client_rect();
                y < r.top() + r.height() / 2.0
            });
        let _ = column.class_list().add_1("drop-target");
        s.marked.push(column.clone());
        match &before {
            Some(card) => {
                let _ = card.class_list().add_1("drop-before");
                s.marked.push(card.clone());
            }
            None => {
                let _ = column.class_list().add_1("drop-at-end");
            }
        }
        let before = before
            .and_then(|c| c.get_attribute("data-deal-id"))
            .map(DealId);
        s.target = Some((stage, before));
    });
}

/// The topmost element at (x, y) below the drag shield.
fn under_pointer(x: f64, y: f64) -> Option<Element> {
    document()
        .elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|el| el.dyn_into::<Element>().ok())
        .find(|el| !el.class_list().contains("drag-shield"))
}

/// Dims the lifted card in place (a class set directly, so no other card re-renders) and
/// tells the page a drag is on (no scroll snapping while the board auto-scrolls).
fn mark_lifted(deal: &DealId, on: bool) {
    let selector = format!("[data-deal-id=\"{}\"]", deal.0.replace('"', ""));
    let card = document().query_selector(&selector).ok().flatten();
    for el in card.into_iter().chain(document().body().map(Element::from)) {
        let class = if el.tag_name() == "BODY" {
            "dragging-deal"
        } else {
            "lifted"
        };
        let _ = if on {
            el.class_list().add_1(class)
        } else {
            el.class_list().remove_1(class)
        };
    }
}

fn unmark(marked: &mut Vec<Element>) {
    for el in marked.drain(..) {
        let _ = el
            .class_list()
            .remove_3("drop-target", "drop-before", "drop-at-end");
    }
}

/// Scrolls the board sideways and the column under the pointer up or down while the pointer
/// is near their edges, one step per frame for as long as the card is lifted.
fn auto_scroll() {
    let Some((x, y)) = with_session(|s| s.as_ref().filter(|s| s.lifted).map(|s| s.at)) else {
        return;
    };
    let mut scrolled = false;
    if let Some(board) = document().query_selector("main.board").ok().flatten() {
        scrolled |= nudge(&board, x, true);
    }
    let under = under_pointer(x, y);
    if let Some(list) = under
        .and_then(|el| el.closest("section.stage").ok().flatten())
        .and_then(|c| c.query_selector(".deal-list").ok().flatten())
    {
        scrolled |= nudge(&list, y, false);
    }
    if scrolled {
        retarget(x, y);
    }
    request_animation_frame(auto_scroll);
}

/// Scrolls `el` along one axis when `at` is within `EDGE` of its start or end.
fn nudge(el: &Element, at: f64, horizontal: bool) -> bool {
    let r = el.get_bounding_client_rect();
    let (start, end) = if horizontal {
        (r.left(), r.right())
    } else {
        (r.top(), r.bottom())
    };
    let step = if at < start + EDGE {
        -SPEED * (1.0 - (at - start).max(0.0) / EDGE)
    } else if at > end - EDGE {
        SPEED * (1.0 - (end - at).max(0.0) / EDGE)
    } else {
        return false;
    };
    let el: &HtmlElement = match el.dyn_ref() {
        Some(el) => el,
        None => return false,
    };
    if horizontal {
        let before = el.scroll_left();
        el.set_scroll_left(before + step.round() as i32);
        el.scroll_left() != before
    } else {
        let before = el.scroll_top();
        el.set_scroll_top(before + step.round() as i32);
        el.scroll_top() != before
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
