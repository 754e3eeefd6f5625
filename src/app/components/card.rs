//! A deal's card: what a rep scans on the board. Enter or a click opens it.

use crate::app::components::deal_menu::DealMenu;
use crate::app::components::deal_steps::step_line;
use crate::app::drag::{self, DragView};
use crate::app::moves::{step_deal, Step};
use crate::app::state::{use_app, AppState, Dialog};
use crate::domain::alerts::deal_alerts;
use crate::domain::board::DealStatus;
use crate::domain::columns::CardRef;
use crate::domain::date::iso_date;
use crate::domain::money::format_amount;
use crate::i18n::Key;
use leptos::prelude::*;

/// One deal on the board, looked up when the card is (re)rendered: a card renders again
/// only when its deal's revision changes.
#[component]
pub fn DealCard(card: CardRef) -> impl IntoView {
    let state = use_app();
    let deal = state.board.with_untracked(|b| {
        let at = b.deals.get(card.index).filter(|d| d.id == card.id);
        at.or_else(|| b.deal(&card.id)).cloned()
    });
    let Some(deal) = deal else {
        return ().into_any();
    };
    let value = format_amount(deal.value, &deal.currency);
    let label = {
        let (title, value, customer) = (deal.title.clone(), value.clone(), deal.customer.clone());
        move || state.fill(Key::DealCardLabel, &[&title, &value, &customer])
    };
    let open = {
        let id = deal.id.clone();
        move || state.dialog.set(Some(Dialog::EditDeal(id.clone())))
    };
    let on_key = {
        let open = open.clone();
        let id = deal.id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            // Only when the card itself has focus, not its menu.
            if ev.target() != ev.current_target() {
                return;
            }
            let step = match (ev.alt_key(), ev.key().as_str()) {
                (false, "Enter") => {
                    ev.prevent_default();
                    return open();
                }
                (false, "m") | (false, "ContextMenu") => {
                    ev.prevent_default();
                    return open_menu(&ev);
                }
                (true, "ArrowUp") => Step::Up,
                (true, "ArrowDown") => Step::Down,
                (true, "Home") => Step::Top,
                (true, "ArrowLeft") => Step::PreviousStage,
                (true, "ArrowRight") => Step::NextStage,
                _ => return,
            };
            ev.prevent_default();
            step_deal(state, id.clone(), step);
        }
    };
    // Worked out once: the card renders again when the day turns or its stage's idle
    // threshold or exit criteria change (all part of its key in `StageColumn`), as it does
    // when the deal changes. Reactive parts per card would cost more, in time and wasm size.
    let (alerts, checks) = state.board.with_untracked(|b| {
        let Some(stage) = b.stage(&deal.stage) else {
            return Default::default();
        };
        // Exit criteria met: (met, of), none when the stage has no criteria.
        let met = stage.checklist.iter().filter(|c| deal.checked.contains(c));
        let checks = (!stage.checklist.is_empty()).then(|| (met.count(), stage.checklist.len()));
        (
            deal_alerts(&deal, stage, state.today.get_untracked()),
            checks,
        )
    });
    let drag_view = expect_context::<DragView>();
    let (press_id, press_title) = (deal.id.clone(), deal.title.clone());
    let close_date = deal.close_date.map(iso_date);
    let status = deal.status;
    let loss_reason = deal.loss_reason.clone().unwrap_or_default();
    // "Won", "Lost", or "Lost: went with a competitor".
    let status_text = move || match status {
        DealStatus::Won => state.t(Key::StatusWon).to_string(),
        _ if loss_reason.is_empty() => state.t(Key::StatusLost).to_string(),
        _ => state.fill(Key::LostBecause, &[&loss_reason]),
    };
    view! {
        <article
            class="deal-card"
            class:won=status == DealStatus::Won
            class:lost=status == DealStatus::Lost
            class:off-track=alerts.any()
            data-deal-id=deal.id.0.clone()
            tabindex="0"
            aria-label=label
            on:pointerdown=move |ev| drag::press(drag_view, &ev, press_id.clone(), press_title.clone())
            on:contextmenu=|ev| if drag::touch_in_progress() { ev.prevent_default() }
            on:click=move |_| if !drag::swallow_click() { open() }
            on:keydown=on_key
        >
            <div class="deal-card-top">
                <h3 class="deal-title">{deal.title.clone()}</h3>
                <DealMenu id=deal.id.clone() title=deal.title.clone()/>
            </div>
            <p class="deal-customer">{deal.customer.clone()}</p>
            <div class="deal-meta">
                <span class="deal-value">{value}</span>
                <span class="deal-owner" title=deal.owner.clone()>{initials(&deal.owner)}</span>
            </div>
            {close_date.map(|d| view! { <p class="deal-close">{move || state.fill(Key::CloseOn, &[&d])}</p> }.into_any())}
            {checks.map(|(met, of)| view! {
                <p class="deal-checks" class:done=met == of data-testid="deal-checks"
                    aria-label=move || state.fill(Key::CardChecklist, &[&met.to_string(), &of.to_string()])>
                    {format!("✓ {met}/{of}")}
                </p>
            }.into_any())}
            {deal.next_step.clone().map(|step| view! { <p class="deal-next">{move || step_line(state, step.kind, step.due, &step.note)}</p> }.into_any())}
            {alerts.idle_days.map(|d| alert_line(state, "idle", Key::AlertIdle, d))}
            {alerts.overdue_days.map(|d| alert_line(state, "overdue", Key::AlertOverdue, d))}
            {alerts.step_overdue_days.map(|d| alert_line(state, "step", Key::AlertStepOverdue, d))}
            {(status != DealStatus::Open).then(|| view! {
                <p class="deal-status">{status_text.clone()}</p>
            }.into_any())}
        </article>
    }
    .into_any()
}

/// One of a card's alerts: `kind` for styling and tests, the text in the current language.
fn alert_line(state: AppState, kind: &'static str, key: Key, days: i64) -> AnyView {
    let text = move || {
        let lang = state.lang.get();
        lang.fill(key, &[&lang.days(days)])
    };
    view! { <p class="deal-alert" data-alert=kind>{text}</p> }.into_any()
}

/// "Alice Chen" → "AC": the owner at a glance.
fn initials(name: &str) -> String {
    let firsts: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    // JavaScript's toUpperCase maps case as `str::to_uppercase` does (Unicode's full
    // mapping), without Rust's upper-case table (~12 kB) in the wasm.
    js_sys::JsString::from(firsts.as_str())
        .to_upper_case()
        .into()
}

/// Opens the card's menu as if its "⋯" button were pressed.
fn open_menu(ev: &leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let trigger = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|card| card.query_selector(".menu-trigger").ok().flatten());
    if let Some(button) = trigger.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        button.click();
    }
}
