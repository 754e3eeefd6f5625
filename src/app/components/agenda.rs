//! "Next steps": every deal's next step, soonest first, for the rep the board is filtered to
//! (or the whole team), each with "Mark done" and a way to its deal (`domain::agenda`).

use crate::app::components::closable::closable_dialog;
use crate::app::components::deal_steps::step_line;
use crate::app::components::html::{escaped, tag};
use crate::app::state::{use_app, AppState, Dialog};
use crate::domain::agenda::{agenda, AgendaItem};
use crate::domain::board::DealId;
use crate::domain::command::Command;
use crate::i18n::Key;
use leptos::prelude::*;

/// The dialog, opened from the header.
#[component]
pub fn AgendaDialog() -> impl IntoView {
    let state = use_app();
    let button = NodeRef::<leptos::html::Button>::new();
    // Made again when the board, the day or the rep filter changes: a step marked done here
    // leaves the list at once. Written as HTML text (`html`), with one click handler for its
    // buttons below: a list view built with `view!` cost about twice the wasm.
    let items = move || {
        let owner = state.filter.with(|f| f.owner.clone());
        let today = state.today.get();
        let items = state.board.with(|b| agenda(b, owner.as_deref(), today));
        let mut html = String::new();
        if items.is_empty() {
            tag(
                &mut html,
                "p class=\"agenda-empty\"",
                "p",
                state.t(Key::AgendaEmpty),
            );
            return html;
        }
        html.push_str("<ul class=\"agenda\" data-testid=\"agenda\">");
        for item in items {
            agenda_row(state, &mut html, item);
        }
        html + "</ul>"
    };
    // A title opens its deal; "Mark done" logs the step (one undoable edit, as the card
    // menu's "Next step done").
    let on_click = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(el) = target else {
            return;
        };
        if let Some(id) = el.get_attribute("data-open") {
            state.dialog.set(Some(Dialog::EditDeal(DealId(id))));
        } else if let Some(id) = el.get_attribute("data-done") {
            let id = DealId(id);
            let fields = state
                .board
                .with_untracked(|b| b.deal(&id).map(|d| d.fields()));
            if let Some(mut fields) = fields {
                if fields.next_step_done(state.today.get_untracked()) {
                    let _ = state.dispatch(Command::EditDeal { id, fields });
                }
            }
            // The row and its focused button are gone: keep the focus in the dialog, so that
            // Escape and Tab still work from the keyboard.
            if let Some(close) = button.get_untracked() {
                let _ = close.focus();
            }
        }
    };
    let heading = move || match state.filter.with(|f| f.owner.clone()) {
        Some(rep) => state.fill(Key::AgendaFor, &[&rep]),
        None => state.t(Key::Agenda).to_string(),
    };
    let body = view! { <div on:click=on_click inner_html=items></div> }.into_any();
    closable_dialog(
        state,
        "dialog agenda-dialog",
        heading.into_any(),
        body,
        button,
    )
}

/// One step as an HTML list item: when, what, whose deal (its title a button that opens it),
/// and "Mark done".
fn agenda_row(state: AppState, html: &mut String, item: AgendaItem) {
    let when = match item.in_days {
        0 => state.t(Key::AgendaToday).to_string(),
        d if d < 0 => state.fill(Key::AlertStepOverdue, &[&state.lang.get().days(-d)]),
        d => state.fill(Key::AgendaIn, &[&state.lang.get().days(d)]),
    };
    let what = step_line(state, item.step.kind, item.step.due, &item.step.note);
    let mut id = String::new();
    escaped(&mut id, &item.deal.0);
    html.push_str(if item.in_days < 0 {
        "<li class=\"overdue\""
    } else {
        "<li"
    });
    html.push_str(&format!(" data-deal-id=\"{id}\"><div>"));
    tag(html, "p class=\"agenda-when\"", "p", &when);
    tag(html, "p class=\"agenda-what\"", "p", &what);
    let open = format!("button type=\"button\" class=\"link\" data-open=\"{id}\"");
    html.push_str("<p class=\"agenda-deal\">");
    tag(html, &open, "button", &item.title);
    let whose: Vec<&str> = [item.customer.trim(), item.owner.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !whose.is_empty() {
        escaped(html, &[" — ", &whose.join(" · ")].concat());
    }
    let done = format!("button type=\"button\" data-testid=\"agenda-done\" data-done=\"{id}\"");
    html.push_str("</p></div>");
    tag(html, &done, "button", state.t(Key::StepMarkDone));
    html.push_str("</li>");
}
