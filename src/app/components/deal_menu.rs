//! A card's menu: the keyboard- and screen-reader-friendly way to edit, move and delete.
//! Moves go through the same `MoveDeal` command as every other input.

use crate::app::moves::{move_deal, step_deal, Step};
use crate::app::state::{display_stage_name, use_app, Dialog};
use crate::domain::board::DealId;
use crate::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The "⋯" button of a card and the menu it opens.
#[component]
pub fn DealMenu(id: DealId, title: String) -> impl IntoView {
    let state = use_app();
    let menu_id = id.clone();
    let open = Memo::new(move |_| state.open_menu.with(|m| m.as_ref() == Some(&menu_id)));
    let trigger = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    // Where the menu sits: fixed to the viewport, so a scrolling column cannot clip it.
    let placement = RwSignal::new(String::new());
    let close = move || {
        state.open_menu.set(None);
        if let Some(button) = trigger.get_untracked() {
            let _ = button.focus();
        }
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            if open.get_untracked() {
                state.open_menu.set(None);
                return;
            }
            if let Some(button) = trigger.get_untracked() {
                placement.set(menu_placement(&button));
            }
            state.open_menu.set(Some(id.clone()));
        }
    };
    // Focus the first item once the menu is shown, so arrows and Enter work at once.
    Effect::new(move |_| {
        if open.get() {
            if let Some(first) = menu
                .get()
                .and_then(|m| m.query_selector("[role=menuitem]").ok().flatten())
            {
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
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
    let label = {
        let title = title.clone();
        move || state.fill(Key::DealActions, &[&title])
    };
    let menu_label = label.clone();
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
    let move_items = {
        let id = id.clone();
        move || {
            targets()
                .into_iter()
                .map(|(to, name, _)| {
                    let id = id.clone();
                    let text = state.fill(Key::MoveTo, &[&name]);
                    let go = move |_| {
                        state.open_menu.set(None);
                        move_deal(state, id.clone(), to.clone(), usize::MAX);
                    };
                    view! { <button role="menuitem" tabindex="-1" on:click=go>{text}</button> }
                })
                .collect_view()
        }
    };
    view! {
        <div class="deal-menu" on:click=|ev| ev.stop_propagation() on:keydown=move |ev| menu_keys(ev, open, close)>
            <button
                class="menu-trigger"
                node_ref=trigger
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-label=label
                on:click=toggle
            >"⋯"</button>
            <Show when=move || open.get()>
                <div class="menu" role="menu" node_ref=menu aria-label=menu_label.clone() style=move || placement.get()>
                    <button role="menuitem" tabindex="-1" on:click=edit.clone()>{state.tr(Key::Edit)}</button>
                    <p class="menu-heading" aria-hidden="true">{state.tr(Key::MoveToHeading)}</p>
                    {move_items.clone()}
                    {[(Key::MoveUp, Step::Up), (Key::MoveDown, Step::Down), (Key::MoveToTop, Step::Top)].map(|(key, step)| {
                        let id = step_id.clone();
                        view! {
                            <button role="menuitem" tabindex="-1" on:click=move |_| {
                                state.open_menu.set(None);
                                step_deal(state, id.clone(), step);
                            }>{state.tr(key)}</button>
                        }
                    }).collect_view()}
                    <button role="menuitem" tabindex="-1" class="danger" on:click=delete.clone()>{state.tr(Key::Delete)}</button>
                </div>
            </Show>
        </div>
    }
}

/// Arrow keys move between items, Home/End jump, Escape closes and returns to the trigger.
fn menu_keys(ev: leptos::ev::KeyboardEvent, open: Memo<bool>, close: impl Fn()) {
    if !open.get_untracked() {
        return;
    }
    // Keys must not reach the card (Enter would open the dialog).
    ev.stop_propagation();
    let Some(menu) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.query_selector("[role=menu]").ok().flatten())
    else {
        return;
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
fn menu_placement(trigger: &web_sys::HtmlButtonElement) -> String {
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
