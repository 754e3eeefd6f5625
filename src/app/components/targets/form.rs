//! The form that sets a new top-level target.

use crate::app::clock;
use crate::app::components::form_fields::currency_field;
use crate::app::components::shown::shown;
use crate::app::state::use_app;
use crate::domain::command::Command;
use crate::domain::money::{parse_amount, Currency};
use crate::domain::sort::sort;
use crate::domain::targets::{Measure, Period, Scope, Target, TargetId};
use crate::i18n::Key;
use leptos::prelude::*;

use super::measure_key;

const MEASURES: [Measure; 3] = [Measure::WonValue, Measure::WonCount, Measure::GrossMargin];

/// Measure, period, scope and amount of a new target.
#[component]
pub fn NewTargetForm() -> impl IntoView {
    let state = use_app();
    let measure = RwSignal::new(0usize);
    let period = RwSignal::new(state.today.get_untracked().year().to_string());
    let owner = RwSignal::new(String::new());
    let product = RwSignal::new(String::new());
    let region = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    // A money target counts the deals in one currency; the board's default unless chosen.
    let currency = RwSignal::new(
        state
            .board
            .with_untracked(|b| b.settings.default_currency.code().to_string()),
    );
    let error = RwSignal::new(None::<String>);
    let values = |pick: fn(&crate::domain::board::Deal) -> &str| {
        Memo::new(move |_| {
            state.board.with(|b| {
                let mut v: Vec<String> = b
                    .deals
                    .iter()
                    .map(|d| pick(d).trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                sort(&mut v);
                v.dedup();
                v
            })
        })
    };
    // Reps on the team list too: a new hire's target can be set before their first deal.
    let owners = Memo::new(move |_| state.board.with(|b| b.owners()));
    let products = values(|d| &d.product);
    let regions = values(|d| &d.region);
    let submit = move || {
        let Some(period) = Period::parse(period.get_untracked().trim()) else {
            return error.set(Some(state.t(Key::ErrBadPeriod).to_string()));
        };
        let measure = MEASURES[measure.get_untracked()];
        let Ok(currency) = Currency::parse(&currency.get_untracked()) else {
            return error.set(Some(state.t(Key::ErrBadCurrency).to_string()));
        };
        let text = amount.get_untracked();
        let parsed = match measure {
            Measure::WonCount => text.trim().parse::<i64>().ok(),
            _ => parse_amount(&text, &currency).ok(),
        };
        let Some(value) = parsed else {
            return error.set(Some(state.t(Key::ErrTargetAmount).to_string()));
        };
        let pick = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.is_empty());
        let scope = Scope {
            owner: pick(owner),
            product: pick(product),
            region: pick(region),
            customer: None,
        };
        let target = Target::new(
            TargetId(clock::new_id("t")),
            measure,
            period,
            scope,
            value,
            currency,
        );
        match state.dispatch(Command::AddTarget(target)) {
            Ok(_) => {
                error.set(None);
                amount.set(String::new());
            }
            Err(e) => error.set(Some(state.lang.get_untracked().command_error(&e))),
        }
    };
    let scope_select = move |key: Key, signal: RwSignal<String>, options: Memo<Vec<String>>| {
        view! {
            <label>
                <span>{state.tr(key)}</span>
                <select on:change:target=move |ev| signal.set(ev.target().value())>
                    <option value="">{state.tr(Key::AnyValue)}</option>
                    {move || options.get().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }.into_any()).collect_view().into_any()}
                </select>
            </label>
        }
    };
    view! {
        <form class="new-target" aria-label=state.tr(Key::NewTarget) on:submit=move |ev| { ev.prevent_default(); submit() }>
            <label>
                <span>{state.tr(Key::Measure)}</span>
                <select on:change:target=move |ev| measure.set(ev.target().value().parse().unwrap_or(0))>
                    {MEASURES.iter().enumerate().map(|(i, m)| view! { <option value=i.to_string()>{state.tr(measure_key(*m))}</option> }.into_any()).collect_view()}
                </select>
            </label>
            <label>
                <span>{state.tr(Key::Period)}</span>
                <input type="text" placeholder=state.tr(Key::PeriodHint) prop:value=move || period.get() on:input:target=move |ev| period.set(ev.target().value())/>
            </label>
            {scope_select(Key::FieldOwner, owner, owners)}
            {scope_select(Key::FieldProduct, product, products)}
            {scope_select(Key::FieldRegion, region, regions)}
            <label>
                <span>{state.tr(Key::TargetAmount)}</span>
                <input type="text" inputmode="decimal" prop:value=move || amount.get() on:input:target=move |ev| amount.set(ev.target().value())/>
            </label>
            {shown(move || MEASURES[measure.get()] != Measure::WonCount, move || currency_field(state, Key::TargetCurrency, currency))}
            <button type="submit" class="primary">{state.tr(Key::AddTarget)}</button>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> }.into_any()).into_any()}
        </form>
    }
}
