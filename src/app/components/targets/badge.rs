//! Targets on the board's header: how many are behind pace (a link to them), and, while the
//! board is filtered to a rep, product line or region, that scope's current-period target.

use crate::app::components::shown::shown;
use crate::app::state::use_app;
use crate::domain::targets::{behind_targets, current_target_for, progress, Scope};
use crate::i18n::Key;
use leptos::prelude::*;

use super::{format_measure, status_key};

/// The Targets/Board switch, the "N targets behind" badge and the filtered rep's target.
#[component]
pub fn TargetBadges() -> impl IntoView {
    let state = use_app();
    // Both follow `progress_revision` and the day, not every change of the board (see there).
    let behind = Memo::new(move |_| {
        state.progress_revision.track();
        let today = state.today.get();
        state
            .board
            .with_untracked(|b| behind_targets(b, today).len())
    });
    let scoped = Memo::new(move |_| {
        let scope = state.filter.with(|f| Scope {
            owner: f.owner.clone(),
            product: f.product.clone(),
            region: f.region.clone(),
            customer: None,
        });
        if scope.is_team() {
            return None;
        }
        let who = scope.label();
        state.progress_revision.track();
        let today = state.today.get();
        state.board.with_untracked(|b| {
            let target = current_target_for(b, &scope, today)?;
            let p = progress(b, target, today);
            Some((
                who,
                target.period.label(),
                format_measure(target, p.attained),
                format_measure(target, p.amount),
                p.status,
            ))
        })
    });
    view! {
        <button
            class="view-switch"
            aria-pressed=move || state.show_targets.get().to_string()
            on:click=move |_| state.show_targets.update(|s| *s = !*s)
        >{move || state.t(if state.show_targets.get() { Key::BoardView } else { Key::Targets })}</button>
        {shown(move || { behind.get() > 0 }, move || view! {
            <button class="badge-behind" data-testid="targets-behind" on:click=move |_| state.show_targets.set(true)>
                {move || state.lang.get().count(behind.get() as i64, Key::TargetsBehind)}
            </button>
        }.into_any())}
        {move || scoped.get().map(|(owner, period, attained, amount, status)| view! {
            <span class="scope-target" data-testid="scope-target">
                {state.fill(Key::CurrentTarget, &[&owner, &period, &attained, &amount, state.t(status_key(status))])}
            </span>
        }.into_any()).into_any()}
    }
}
