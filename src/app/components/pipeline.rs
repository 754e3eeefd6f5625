//! The columns of the board, or an explanation when there is nothing on it yet.

use crate::app::clock;
use crate::app::components::column::StageColumn;
use crate::app::components::rows::{keyed_rows, Row, RowKey};
use crate::app::components::shown::shown;
use crate::app::state::{use_app, Dialog};
use crate::domain::command::Command;
use crate::i18n::Key;
use leptos::prelude::*;

/// Every stage as a column, in pipeline order.
#[component]
pub fn Pipeline() -> impl IntoView {
    let state = use_app();
    let stage_ids = Memo::new(move |_| {
        state
            .board
            .with(|b| b.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let is_empty = Memo::new(move |_| state.board.with(|b| b.deals.is_empty()));
    let shows_none = Memo::new(move |_| {
        state.filter.with(|f| !f.is_empty()) && state.view.with(|v| v.shown == 0)
    });
    view! {
        {shown(move || is_empty.get(), || view! { <EmptyBoard/> }.into_any())}
        {shown(move || shows_none.get() && !is_empty.get(), move || view! { <p class="no-matches" role="note">{state.tr(Key::NoMatches)}</p> }.into_any())}
        <main class="board" aria-label=state.tr(Key::AppTitle)>
            {keyed_rows(move || stage_ids.get().into_iter().map(|id| Row::new(RowKey::id(id.0.clone()), move || view! { <StageColumn id/> }.into_any())).collect())}
        </main>
    }
}

/// What to do on an empty board.
#[component]
fn EmptyBoard() -> impl IntoView {
    let state = use_app();
    let load_sample = move |_| {
        let lang = state.lang.get_untracked();
        let board = lang.sample_board(clock::now());
        let _ = state.dispatch(Command::ReplaceBoard(Box::new(board)));
    };
    let new_deal = move |_| {
        let first = state
            .board
            .with_untracked(|b| b.stages.first().map(|s| s.id.clone()));
        if let Some(stage) = first {
            state.dialog.set(Some(Dialog::NewDeal { stage }));
        }
    };
    view! {
        <section class="empty-board" aria-labelledby="empty-board-title">
            <h2 id="empty-board-title">{state.tr(Key::EmptyBoardTitle)}</h2>
            <p>{state.tr(Key::EmptyBoardHelp)}</p>
            <div class="actions">
                <button class="primary" on:click=new_deal>{state.tr(Key::NewDeal)}</button>
                <button on:click=load_sample>{state.tr(Key::LoadSample)}</button>
            </div>
        </section>
    }
}
