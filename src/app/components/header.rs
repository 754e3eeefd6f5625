//! The board header: pipeline totals, search, owner filter, and the board's actions.

use crate::app::components::share::ShareButtons;
use crate::app::components::targets::TargetBadges;
use crate::app::shortcuts::SEARCH_ID;
use crate::app::state::{focus_selector, use_app, Dialog};
use crate::domain::filter::FilterField;
use crate::i18n::{Key, Lang};
use leptos::prelude::*;

/// Title, open-pipeline totals and the controls that narrow or change the board.
#[component]
pub fn BoardHeader() -> impl IntoView {
    let state = use_app();
    let summary = Memo::new(move |_| state.view.with(|v| v.pipeline.clone()));
    let currency = move || state.board.with(|b| b.settings.default_currency.clone());
    let new_deal = move |_| {
        let first = state
            .board
            .with_untracked(|b| b.stages.first().map(|s| s.id.clone()));
        if let Some(stage) = first {
            state.dialog.set(Some(Dialog::NewDeal { stage }));
        }
    };
    // Every column's, not the open pipeline's: a won deal's overdue follow-up counts too.
    let off_track = Memo::new(move |_| {
        state
            .view
            .with(|v| v.columns.iter().map(|c| c.summary.off_track).sum::<usize>())
    });
    let only_off_track = move || state.filter.with(|f| f.off_track);
    // On a phone the less used tools fold away behind "More" (style/board.css); on a wider
    // screen they are all in the row and the toggle is not shown.
    let more_open = RwSignal::new(false);
    view! {
        <header class="board-header">
            <div class="board-title">
                <h1>{state.tr(Key::AppTitle)}</h1>
                <dl class="pipeline-totals">
                    <div>
                        <dt>{state.tr(Key::OpenPipeline)}</dt>
                        <dd data-testid="pipeline-total">{move || summary.with(|s| s.total.format(&currency()))}</dd>
                    </div>
                    <div>
                        <dt>{state.tr(Key::Weighted)}</dt>
                        <dd data-testid="pipeline-weighted">{move || summary.with(|s| s.weighted.format(&currency()))}</dd>
                    </div>
                </dl>
                <TargetBadges/>
            </div>
            <div class="board-tools">
                <input
                    id=SEARCH_ID
                    class="search"
                    type="search"
                    aria-label=state.tr(Key::SearchLabel)
                    placeholder=state.tr(Key::SearchPlaceholder)
                    prop:value=move || state.filter.with(|f| f.query.clone())
                    on:input:target=move |ev| state.filter.update(|f| f.query = ev.target().value())
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            state.filter.update(|f| f.query.clear());
                        }
                    }
                />
                {filter_selects(&FilterField::ALL[..1])}
                <button
                    class="off-track-filter"
                    data-testid="off-track-filter"
                    title=state.tr(Key::OffTrackHelp)
                    aria-pressed=move || if only_off_track() { "true" } else { "false" }
                    disabled=move || !only_off_track() && off_track.get() == 0
                    on:click=move |_| state.filter.update(|f| f.off_track = !f.off_track)
                >
                    {move || state.fill(Key::OffTrackFilter, &[&off_track.get().to_string()])}
                </button>
                <button class="primary" on:click=new_deal>{state.tr(Key::NewDeal)}</button>
                <button class="more-toggle" data-testid="more-tools" aria-controls="more-tools"
                    aria-expanded=move || if more_open.get() { "true" } else { "false" }
                    on:click=move |_| more_open.update(|open| *open = !*open)>
                    {state.tr(Key::MoreTools)}
                </button>
                // Unfolded on a phone, it folds again on Escape and once the language is
                // chosen (the page is then in its new words, and the board back in sight).
                <div class="more-tools" id="more-tools" on:keydown=move |ev| {
                    if ev.key() == "Escape" && more_open.get_untracked() {
                        more_open.set(false);
                        focus_selector(".more-toggle".into());
                    }
                }>
                {filter_selects(&FilterField::ALL[1..])}
                <button data-testid="agenda-button" on:click=move |_| state.dialog.set(Some(Dialog::Agenda))>{state.tr(Key::Agenda)}</button>
                // A button disabled under the focus drops it to the page: the last Undo hands
                // it to Redo, the last Redo to Undo. The pair wraps as one, never apart.
                <span class="undo-redo">
                <button class="undo-button" on:click=move |_| { state.undo(); if state.history.with_untracked(|h| !h.can_undo()) { focus_selector(".redo-button".into()) } }
                    disabled=move || state.history.with(|h| !h.can_undo())>{state.tr(Key::Undo)}</button>
                <button class="redo-button" on:click=move |_| { state.redo(); if state.history.with_untracked(|h| !h.can_redo()) { focus_selector(".undo-button".into()) } }
                    disabled=move || state.history.with(|h| !h.can_redo())>{state.tr(Key::Redo)}</button>
                </span>
                <button on:click=move |_| state.dialog.set(Some(Dialog::Stages))>{state.tr(Key::Stages)}</button>
                <ShareButtons/>
                <button on:click=move |_| state.dialog.set(Some(Dialog::Help))>{state.tr(Key::Help)}</button>
                <button on:click=move |_| state.dialog.set(Some(Dialog::ConfirmClear))>{state.tr(Key::ClearBoard)}</button>
                <select
                    aria-label=state.tr(Key::Language)
                    on:change:target=move |ev| {
                        let tag = ev.target().value();
                        state.lang.set(Lang::from_tag(&tag));
                        // The toast's text is in the language it was shown in.
                        state.dismiss_toast();
                        if more_open.get_untracked() {
                            more_open.set(false);
                            focus_selector(".more-toggle".into());
                        }
                    }
                >
                    {Lang::ALL.iter().map(|&l| view! {
                        <option value=l.tag() selected=move || state.lang.get() == l>{l.native_name()}</option>
                    }.into_any()).collect_view()}
                </select>
                </div>
            </div>
        </header>
    }
}

/// The filters for `fields`, one select each. Not inlined: it is called twice (the row and
/// "More"), and a copy of `FilterSelect` in each caller cost ~0.75 kB.
#[inline(never)]
fn filter_selects(fields: &[FilterField]) -> AnyView {
    let selects = fields
        .iter()
        .map(|&field| view! { <FilterSelect field/> }.into_any());
    selects.collect_view().into_any()
}

/// Narrows the board to one rep, product line or region.
#[component]
fn FilterSelect(field: FilterField) -> impl IntoView {
    let state = use_app();
    let (label, all) = match field {
        FilterField::Owner => (Key::OwnerFilter, Key::AllOwners),
        FilterField::Product => (Key::ProductFilter, Key::AllProducts),
        FilterField::Region => (Key::RegionFilter, Key::AllRegions),
    };
    // Kept by the view with counts, so a change does not collect and sort every deal's value.
    let values = Memo::new(move |_| {
        state
            .view
            .with(|v| v.facets.values(field).map(String::from).collect::<Vec<_>>())
    });
    view! {
        <select
            aria-label=state.tr(label)
            prop:value=move || state.filter.with(|f| f.get(field).cloned().unwrap_or_default())
            on:change:target=move |ev| {
                let value = ev.target().value();
                state.filter.update(|f| f.set(field, (!value.is_empty()).then_some(value)));
            }
        >
            <option value="">{state.tr(all)}</option>
            {move || values.get().into_iter().map(|v| view! { <option value=v.clone()>{v.clone()}</option> }.into_any()).collect_view().into_any()}
        </select>
    }
}
