//! Scrolling the board and the column under a lifted card while the pointer is near their
//! edges, so a card can travel to a stage or a place that is off screen.

use super::target::{retarget, under_pointer};
use super::with_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, WheelEvent};

/// How close to an edge auto-scroll starts (px), and its top speed per frame (px).
const EDGE: f64 = 48.0;
const SPEED: f64 = 18.0;

/// Scrolls the board sideways and the column under the pointer up or down while the pointer
/// is near their edges, one step per frame for as long as the card is lifted.
pub(super) fn auto_scroll() {
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

/// The wheel over a lifted card scrolls what is under the pointer (the shield that shows the
/// grabbing cursor would otherwise take it): the column's list up and down, the board
/// sideways (a sideways wheel, or Shift), then the landing place follows.
pub(super) fn wheel_under(ev: WheelEvent) {
    ev.prevent_default();
    let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
    // Lines and pages as a browser would roughly scroll them.
    let unit = match ev.delta_mode() {
        WheelEvent::DOM_DELTA_LINE => 40.0,
        WheelEvent::DOM_DELTA_PAGE => 400.0,
        _ => 1.0,
    };
    let (mut dx, mut dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
    if ev.shift_key() && dx == 0.0 {
        (dx, dy) = (dy, 0.0);
    }
    if dy != 0.0 {
        let list = under_pointer(x, y)
            .and_then(|el| el.closest("section.stage").ok().flatten())
            .and_then(|c| c.query_selector(".deal-list").ok().flatten());
        if let Some(list) = list {
            list.scroll_by_with_x_and_y(0.0, dy);
        }
    }
    if dx != 0.0 {
        if let Some(board) = document().query_selector("main.board").ok().flatten() {
            board.scroll_by_with_x_and_y(dx, 0.0);
        }
    }
    retarget(x, y);
}
