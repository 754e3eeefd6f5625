//! Where a lifted card would land: the column and the card under the pointer, marked on the
//! page with classes set directly (no card re-renders while the pointer moves).

use super::with_session;
use crate::domain::board::{DealId, StageId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Finds the column and the card the pointer is over and marks where the card would land.
pub(super) fn retarget(x: f64, y: f64) {
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
pub(super) fn under_pointer(x: f64, y: f64) -> Option<Element> {
    document()
        .elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|el| el.dyn_into::<Element>().ok())
        .find(|el| !el.class_list().contains("drag-shield"))
}

/// Dims the lifted card in place (a class set directly, so no other card re-renders) and
/// tells the page a drag is on (no scroll snapping while the board auto-scrolls).
pub(super) fn mark_lifted(deal: &DealId, on: bool) {
    let selector = format!("[data-deal-id=\"{}\"]", deal.0.replace('"', ""));
    let card = document().query_selector(&selector).ok().flatten();
    if let (true, Some(card), Some(focused)) = (on, &card, document().active_element()) {
        if card.contains(Some(&focused)) {
            // The drop takes this card out of its column, and Chromium takes ~1.3 ms in
            // `remove()` to move the focus off a removed element (a forced style update, as
            // the drop has just changed classes). Let go of it now; the drop focuses the
            // card where it lands (`AppState::focus_deal`), as does a drag that is put back.
            let _ = focused.unchecked_into::<web_sys::HtmlElement>().blur();
        }
    }
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

pub(super) fn unmark(marked: &mut Vec<Element>) {
    for el in marked.drain(..) {
        let _ = el
            .class_list()
            .remove_3("drop-target", "drop-before", "drop-at-end");
    }
}
