//! Form parts the deal dialog, its steps and the target form share: a labelled text box, a
//! currency box, and a stage's exit criteria as checkboxes.

use crate::app::state::{display_stage_name, AppState};
use crate::domain::board::StageId;
use crate::domain::money::currency_choices;
use crate::i18n::Key;
use leptos::prelude::*;

/// The exit criteria of `stage` as checkboxes, ticked from `checked`; none without criteria.
pub fn checklist_fields(
    state: AppState,
    stage: &StageId,
    checked: RwSignal<Vec<String>>,
) -> AnyView {
    let items = state
        .board
        .with(|b| b.stage(stage).map(|s| s.checklist.clone()));
    let items = items.unwrap_or_default();
    if items.is_empty() {
        return ().into_any();
    }
    let boxes = items.into_iter().map(|item| {
        let on = checked.with_untracked(|c| c.contains(&item));
        let toggled = item.clone();
        let toggle = move |now: bool| {
            checked.update(|c| {
                c.retain(|x| *x != toggled);
                if now {
                    c.push(toggled.clone());
                }
            })
        };
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=on on:change:target=move |ev| toggle(ev.target().checked())/>
                <span>{item}</span>
            </label>
        }
        .into_any()
    });
    view! {
        <fieldset class="checklist" data-testid="deal-checklist">
            <legend>{state.tr(Key::ExitCriteria)}</legend>
            {boxes.collect_view()}
        </fieldset>
    }
    .into_any()
}

/// A labelled currency box bound to `currency` (a code), offering the common codes and the
/// current one.
pub fn currency_field(state: AppState, key: Key, currency: RwSignal<String>) -> AnyView {
    let current = currency.get_untracked();
    let options = currency_choices(&current).into_iter().map(|c| {
        let selected = c == current;
        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }.into_any()
    });
    view! {
        <label>
            <span>{state.tr(key)}</span>
            <select prop:value=move || currency.get() on:change:target=move |ev| currency.set(ev.target().value())>
                {options.collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// A labelled input bound to `signal`.
pub fn text_field(
    state: AppState,
    key: Key,
    signal: RwSignal<String>,
    kind: &'static str,
) -> AnyView {
    view! {
        <label>
            <span>{move || state.t(key)}</span>
            <input type=kind prop:value=move || signal.get() on:input:target=move |ev| signal.set(ev.target().value())/>
        </label>
    }
    .into_any()
}

/// The Stage select: where a new deal goes, or where an edited one moves to on Save.
pub fn stage_field(state: AppState, stage: RwSignal<String>) -> AnyView {
    view! {
        <label>
            <span>{state.tr(Key::FieldStage)}</span>
            <select prop:value=move || stage.get() on:change:target=move |ev| stage.set(ev.target().value())>
                {move || state.board.with(|b| b.stages.iter().map(|s| {
                    let selected = s.id.0 == stage.get_untracked();
                    view! { <option value=s.id.0.clone() selected=selected>{display_stage_name(s, state.lang.get())}</option> }.into_any()
                }).collect_view().into_any())}
            </select>
        </label>
    }
    .into_any()
}
