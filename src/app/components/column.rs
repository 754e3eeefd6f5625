//! One stage: its header figures and its deals.

use crate::app::components::card::DealCard;
use crate::app::state::{display_stage_name, use_app, Dialog};
use crate::domain::board::{Deal, StageId};
use crate::domain::metrics::stage_summary;
use crate::i18n::Key;
use leptos::prelude::*;

/// A stage column with its name, deal count, total and weighted value.
#[component]
pub fn StageColumn(id: StageId) -> impl IntoView {
    let state = use_app();
    let stage_id = id.clone();
    let stage = Memo::new(move |_| state.board.with(|b| b.stage(&stage_id).cloned()));
    let stage_id = id.clone();
    let deals = Memo::new(move |_| {
        state.board.with(|b| {
            state.filter.with(|f| {
                b.deals_in(&stage_id)
                    .into_iter()
                    .filter(|d| f.matches(d))
                    .cloned()
                    .collect::<Vec<Deal>>()
            })
        })
    });
    let stage_id = id.clone();
    let summary = Memo::new(move |_| {
        state
            .board
            .with(|b| state.filter.with(|f| stage_summary(b, &stage_id, f)))
    });
    let currency = move || state.board.with(|b| b.settings.default_currency.clone());
    let name = move || {
        stage.with(|s| {
            s.as_ref()
                .map(|s| display_stage_name(s, state.lang.get()))
                .unwrap_or_default()
        })
    };
    let heading_id = format!("stage-{}", id.0);
    let heading_id2 = heading_id.clone();
    let add_here = {
        let id = id.clone();
        move |_| {
            state
                .dialog
                .set(Some(Dialog::NewDeal { stage: id.clone() }))
        }
    };
    view! {
        <section class="stage" data-stage-id=id.0.clone() aria-labelledby=heading_id.clone()>
            <header class="stage-header">
                <h2 id=heading_id2>{name}</h2>
                <span class="stage-probability">{move || stage.with(|s| s.as_ref().map(|s| format!("{} %", s.probability)))}</span>
                <span class="stage-count" data-testid="stage-count" aria-label=move || state.fill(Key::DealCount, &[&summary.with(|s| s.count).to_string()])>
                    {move || summary.with(|s| s.count)}
                </span>
                <dl class="stage-totals">
                    <div>
                        <dt>{state.tr(Key::Total)}</dt>
                        <dd data-testid="stage-total">{move || summary.with(|s| s.total.format(&currency()))}</dd>
                    </div>
                    <div>
                        <dt>{state.tr(Key::Weighted)}</dt>
                        <dd data-testid="stage-weighted">{move || summary.with(|s| s.weighted.format(&currency()))}</dd>
                    </div>
                </dl>
            </header>
            <ul class="deal-list" role="list">
                <For
                    each=move || deals.get()
                    key=|d| (d.id.clone(), d.revision)
                    children=move |deal| view! { <li><DealCard deal/></li> }
                />
            </ul>
            <Show when=move || deals.with(|d| d.is_empty())>
                <p class="stage-empty">{state.tr(Key::EmptyStage)}</p>
            </Show>
            <button class="add-deal" on:click=add_here aria-label=move || format!("{} — {}", state.t(Key::NewDeal), name())>
                "+ " {state.tr(Key::NewDeal)}
            </button>
        </section>
    }
}
