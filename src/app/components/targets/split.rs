//! Splitting a target into parts along time or a scope dimension, evenly, by typed weights,
//! or by last year's wins; the parts are previewed before they are made.

use crate::app::clock;
use crate::app::components::shown::shown;
use crate::app::state::use_app;
use crate::domain::command::Command;
use crate::domain::targets::{propose_split, SplitBy, SplitMethod, TargetId};
use crate::i18n::target_errors::split_by_key as by_key;
use crate::i18n::Key;
use leptos::prelude::*;

use super::format_measure;

/// The split controls under a target row; `done` runs after a split was made.
#[component]
pub fn SplitPanel(id: TargetId, done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let by = RwSignal::new(SplitBy::Time);
    let method = RwSignal::new(0usize);
    let weights = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let chosen_method = move || match method.get() {
        1 => SplitMethod::Seasonal,
        2 => SplitMethod::Weights(
            weights
                .get()
                .split([',', ' ', ';'])
                .filter_map(|w| w.trim().parse().ok())
                .collect(),
        ),
        _ => SplitMethod::Even,
    };
    let preview_id = id.clone();
    let preview = Memo::new(move |_| {
        let method = chosen_method();
        state.board.with(|b| {
            let target = b.target(&preview_id)?;
            Some(
                propose_split(b, target, by.get(), &method)
                    .map(|parts| {
                        parts
                            .iter()
                            .map(|p| {
                                let scope = if p.scope.is_team() {
                                    String::new()
                                } else {
                                    format!(" · {}", p.scope.label())
                                };
                                (
                                    format!("{}{scope}", p.period.label()),
                                    format_measure(target, p.amount),
                                )
                            })
                            .collect::<Vec<_>>()
                    })
                    .map_err(|e| state.lang.get().target_error(&e)),
            )
        })
    });
    // Splitting again replaces the parts it has: say so before the click (Undo restores them).
    let parts_id = id.clone();
    let replaced = Memo::new(move |_| state.board.with(|b| b.target_descendants(&parts_id).len()));
    let split = move |_| {
        let count = preview.with_untracked(|p| {
            p.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map_or(0, |parts| parts.len())
        });
        let child_ids = (0..count).map(|_| TargetId(clock::new_id("t"))).collect();
        let cmd = Command::SplitTarget {
            id: id.clone(),
            by: by.get_untracked(),
            method: chosen_method(),
            child_ids,
        };
        match state.dispatch(cmd) {
            Ok(_) => done.run(()),
            Err(e) => error.set(Some(state.lang.get_untracked().command_error(&e))),
        }
    };
    view! {
        <div class="split-panel">
            <label>
                <span>{state.tr(Key::SplitBy)}</span>
                <select on:change:target=move |ev| by.set(SplitBy::ALL.get(ev.target().value().parse::<usize>().unwrap_or(0)).copied().unwrap_or(SplitBy::Time))>
                    {SplitBy::ALL.iter().enumerate().map(|(i, b)| view! { <option value=i.to_string()>{state.tr(by_key(*b))}</option> }.into_any()).collect_view()}
                </select>
            </label>
            <label>
                <span>{state.tr(Key::Method)}</span>
                <select on:change:target=move |ev| method.set(ev.target().value().parse().unwrap_or(0))>
                    <option value="0">{state.tr(Key::MethodEven)}</option>
                    <option value="1">{state.tr(Key::MethodSeasonal)}</option>
                    <option value="2">{state.tr(Key::MethodWeights)}</option>
                </select>
            </label>
            {shown(move || method.get() == 2, move || view! {
                <label>
                    <span>{state.tr(Key::MethodWeights)}</span>
                    <input type="text" placeholder=state.tr(Key::WeightsHint) prop:value=move || weights.get() on:input:target=move |ev| weights.set(ev.target().value())/>
                </label>
            }.into_any())}
            <ol class="split-preview" data-testid="split-preview">
                {move || match preview.get() {
                    Some(Ok(parts)) => parts.into_iter().map(|(label, amount)| view! { <li><span>{label}</span>" "<strong>{amount}</strong></li> }.into_any()).collect_view().into_any(),
                    Some(Err(e)) => view! { <li class="form-error">{e}</li> }.into_any(),
                    None => ().into_any(),
                }}
            </ol>
            {move || (replaced.get() > 0).then(|| {
                let n = replaced.get().to_string();
                view! { <p class="split-replaces" role="note">{state.text(move |l| l.fill(Key::SplitReplaces, &[&n]))}</p> }.into_any()
            }).into_any()}
            <button type="button" class="primary" on:click=split>{state.tr(Key::Split)}</button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> }.into_any()).into_any()}
        </div>
    }
}
