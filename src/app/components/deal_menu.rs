//! A card's menu: the keyboard- and screen-reader-friendly way to edit, move and delete.
//! Moves go through the same `MoveDeal` command as every other input.

use crate::app::moves::{move_deal, step_deal, Step};
use crate::app::state::{display_stage_name, use_app, AppState, Dialog};
use crate::domain::board::DealId;
use crate::domain::command::Command;
use crate::domain::ordering::position_of;
use crate::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The "⋯" button of a card and the menu it opens. Every card has one, so it holds only the
/// button: the menu's items, effects and handlers are made when it opens (on a board showing
/// ~150 cards, building them for every card was a good part of each card's render).
#[component]
pub fn DealMenu(id: DealId, title: String) -> impl IntoView {
    let state = use_app();
    let is_open = {
        let id = id.clone();
        move || state.open_menu.with(|m| m.as_ref() == Some(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            let open = state.open_menu.with_untracked(|m| m.as_ref() == Some(&id));
            state.open_menu.set((!open).then(|| id.clone()));
        }
    };
    let expanded = {
        let is_open = is_open.clone();
        move || is_open().to_string()
    };
    let label = {
        let title = title.clone();
        move || actions_label(state, &title)
    };
    let menu = move || {
        is_open()
            .then(|| view! { <MenuItems id=id.clone() title=title.clone()/> }.into_any())
            .into_any()
    };
    view! {
        <div class="deal-menu" on:click=|ev| ev.stop_propagation() on:keydown=move |ev| menu_keys(ev, state)>
            <button
                class="menu-trigger"
                aria-haspopup="menu"
                aria-expanded=expanded
                aria-label=label
                on:click=toggle
            >"⋯"</button>
            {menu}
        </div>
    }
}

/// What the button and the menu are called for a screen reader: "Actions for <title>".
fn actions_label(state: AppState, title: &str) -> String {
    state.fill(Key::DealActions, &[title])
}

/// The open menu: edit, move to each other stage, move up/down/top (where it would move), delete.
#[component]
fn MenuItems(id: DealId, title: String) -> impl IntoView {
    let state = use_app();
    let menu = NodeRef::<leptos::html::Div>::new();
    // Placed under its button (fixed to the viewport, so a scrolling column cannot clip it),
    // then the first item takes focus, so arrows and Enter work at once.
    menu.on_load(|menu| {
        let trigger = menu
            .parent_element()
            .and_then(|wrapper| wrapper.query_selector(".menu-trigger").ok().flatten());
        if let Some(trigger) = trigger {
            let _ = menu.set_attribute("style", &menu_placement(&trigger));
        }
        if let Some(first) = menu.query_selector("[role=menuitem]").ok().flatten() {
            let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let current_stage = {
        let id = id.clone();
        move || state.board.with(|b| b.deal(&id).map(|d| d.stage.clone()))
    };
    let targets = move || {
        let here = current_stage();
        state.board.with(|b| {
            b.stages
                .iter()
                .filter(|s| Some(&s.id) != here.as_ref())
                .map(|s| {
                    (
                        s.id.clone(),
                        display_stage_name(s, state.lang.get()),
                        s.kind,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let label = move || actions_label(state, &title);
    let edit = {
        let id = id.clone();
        move |_| {
            state.open_menu.set(None);
            state.dialog.set(Some(Dialog::EditDeal(id.clone())));
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            state.open_menu.set(None);
            state.dialog.set(Some(Dialog::EditDeal(id.clone())));
            state.confirm_delete.set(true);
        }
    };
    let step_id = id.clone();
    // Up and top are left out for the first card, down for the last: items that would do
    // nothing.
    let (index, size) = state
        .board
        .with_untracked(|b| position_of(b, &id).map_or((0, 0), |(_, index, size)| (index, size)));
    let can_step = move |step: Step| match step {
        Step::Up | Step::Top => index > 0,
        _ => index + 1 < size,
    };
    // Only for a deal with a next step; an edit like the dialog's, so undo takes it back.
    let step_done = state
        .board
        .with_untracked(|b| b.deal(&id).and_then(|d| d.next_step.is_some().then(|| d.fields())))
        .map(|fields| {
            let id = id.clone();
            let done = move |_| {
                state.open_menu.set(None);
                let mut fields = fields.clone();
                if fields.next_step_done(state.today.get_untracked()) {
                    let _ = state.dispatch(Command::EditDeal { id: id.clone(), fields });
                }
            };
            view! { <button role="menuitem" tabindex="-1" data-testid="menu-step-done" on:click=done>{state.tr(Key::MenuStepDone)}</button> }
                .into_any()
        });
    let move_items = move || {
        targets()
            .into_iter()
            .map(|(to, name, _)| {
                let id = id.clone();
                // Under the "Move to" heading the item shows the stage's name only; its
                // accessible name says the whole ("Move to Won"), the heading being hidden.
                let label = state.fill(Key::MoveTo, &[&name]);
                let go = move |_| {
                    state.open_menu.set(None);
                    move_deal(state, id.clone(), to.clone(), usize::MAX);
                };
                view! { <button role="menuitem" tabindex="-1" class="menu-stage" aria-label=label on:click=go>{name}</button> }
                    .into_any()
            })
            .collect_view()
    };
    view! {
        <div class="menu" role="menu" node_ref=menu aria-label=label>
            <button role="menuitem" tabindex="-1" on:click=edit>{state.tr(Key::Edit)}</button>
            {step_done}
            <p class="menu-heading" aria-hidden="true">{state.tr(Key::MoveToHeading)}</p>
            {move_items}
            {[(Key::MoveUp, Step::Up), (Key::MoveDown, Step::Down), (Key::MoveToTop, Step::Top)].into_iter().filter(|&(_, step)| can_step(step)).map(|(key, step)| {
                let id = step_id.clone();
                view! {
                    <button role="menuitem" tabindex="-1" on:click=move |_| {
                        state.open_menu.set(None);
                        step_deal(state, id.clone(), step);
                    }>{state.tr(key)}</button>
                }.into_any()
            }).collect_view()}
            <button role="menuitem" tabindex="-1" class="danger" on:click=delete>{state.tr(Key::Delete)}</button>
        </div>
    }
}

/// Arrow keys move between items, Home/End jump, Escape closes and returns to the trigger.
fn menu_keys(ev: leptos::ev::KeyboardEvent, state: AppState) {
    let Some(wrapper) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    // Only while the menu is open (it is on the page only then).
    let Some(menu) = wrapper.query_selector("[role=menu]").ok().flatten() else {
        return;
    };
    // Keys must not reach the card (Enter would open the dialog).
    ev.stop_propagation();
    let close = || {
        state.open_menu.set(None);
        let trigger = wrapper.query_selector(".menu-trigger").ok().flatten();
        if let Some(button) = trigger.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    };
    let items = menu.query_selector_all("[role=menuitem]").ok();
    let items: Vec<web_sys::HtmlElement> = items
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap_or_default();
    let active = leptos::prelude::document().active_element();
    let at = items
        .iter()
        .position(|el| Some(el.unchecked_ref::<web_sys::Element>()) == active.as_ref());
    let next = match ev.key().as_str() {
        "ArrowDown" => Some(at.map_or(0, |i| (i + 1) % items.len().max(1))),
        "ArrowUp" => Some(at.map_or(0, |i| (i + items.len() - 1) % items.len().max(1))),
        "Home" => Some(0),
        "End" => Some(items.len().saturating_sub(1)),
        "Escape" | "Tab" => {
            ev.prevent_default();
            close();
            None
        }
        _ => None,
    };
    if let Some(el) = next.and_then(|i| items.get(i)) {
        ev.prevent_default();
        let _ = el.focus();
    }
}

/// Fixed-position style under the trigger, right-aligned, flipped above it near the bottom.
fn menu_placement(trigger: &web_sys::Element) -> String {
    let rect = trigger.get_bounding_client_rect();
    let window = leptos::prelude::window();
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(1024.0);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(768.0);
    // Whole pixels: formatting floats would pull float printing into the wasm.
    let px = |v: f64| v.round() as i32;
    let right = px((width - rect.right()).max(4.0));
    if rect.bottom() > height * 0.6 {
        let bottom = px(height - rect.top());
        format!(
            "position:fixed;right:{right}px;bottom:{bottom}px;top:auto;max-height:{}px",
            px(rect.top() - 8.0)
        )
    } else {
        format!(
            "position:fixed;right:{right}px;top:{}px;max-height:{}px",
            px(rect.bottom()),
            px(height - rect.bottom() - 8.0)
        )
    }
}
