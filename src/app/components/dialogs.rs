//! Shows whichever dialog is open; small confirmations live here too.

use crate::app::components::agenda::AgendaDialog;
use crate::app::components::backdrop::keep_focus;
use crate::app::components::deal_dialog::{DealDialog, DealTarget};
use crate::app::components::help::HelpDialog;
use crate::app::components::import_dialog::ImportDialog;
use crate::app::components::stage_editor::StageEditor;
use crate::app::state::{use_app, Dialog};
use crate::domain::board::{DealId, StageId};
use crate::domain::command::Command;
use crate::i18n::Key;
use leptos::prelude::*;

/// The open dialog, if any.
#[component]
pub fn Dialogs() -> impl IntoView {
    let state = use_app();
    move || {
        state.dialog.get().map(|dialog| match dialog {
            Dialog::NewDeal { stage } => {
                view! { <DealDialog target=DealTarget::New(stage)/> }.into_any()
            }
            Dialog::EditDeal(id) => {
                view! { <DealDialog target=DealTarget::Existing(id)/> }.into_any()
            }
            Dialog::LossReason { deal, to, index } => {
                view! { <LossReason deal to index/> }.into_any()
            }
            Dialog::ConfirmClear => view! { <ConfirmClear/> }.into_any(),
            Dialog::Stages => view! { <StageEditor/> }.into_any(),
            Dialog::Help => view! { <HelpDialog/> }.into_any(),
            Dialog::Agenda => view! { <AgendaDialog/> }.into_any(),
            Dialog::Import(pending) => view! { <ImportDialog pending=*pending/> }.into_any(),
        })
    }
}

/// A small modal with a title and two buttons. Escape runs `on_escape` (default: `on_cancel`).
#[component]
fn Confirmation(
    #[prop(into)] text: Signal<String>,
    confirm_label: Signal<&'static str>,
    on_confirm: Callback<()>,
    cancel_label: Signal<&'static str>,
    on_cancel: Callback<()>,
    #[prop(optional)] on_escape: Option<Callback<()>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let on_escape = on_escape.unwrap_or(on_cancel);
    view! {
        <div class="dialog-backdrop" on:mousedown=keep_focus>
            <div
                tabindex="-1"
                class="dialog confirm-dialog"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="confirm-text"
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); on_escape.run(()) }
            >
                <form on:submit=move |ev| { ev.prevent_default(); on_confirm.run(()) }>
                    <p id="confirm-text">{text}</p>
                    {children.map(|c| c())}
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| on_cancel.run(())>{cancel_label}</button>
                        <button type="submit" class="primary" autofocus>{confirm_label}</button>
                    </div>
                </form>
            </div>
        </div>
    }
}

/// Asks why a deal was lost, then moves it; the reason may be skipped.
#[component]
fn LossReason(deal: DealId, to: StageId, index: usize) -> impl IntoView {
    let state = use_app();
    let reason = RwSignal::new(String::new());
    let title = state
        .board
        .with_untracked(|b| b.deal(&deal).map(|d| d.title.clone()).unwrap_or_default());
    let finish = {
        let deal = deal.clone();
        move |loss_reason: Option<String>| {
            state.dialog.set(None);
            let cmd = Command::MoveDeal {
                id: deal.clone(),
                to: to.clone(),
                index,
                loss_reason,
            };
            let _ = state.dispatch(cmd);
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let confirm = finish.clone();
    let escaped = deal.clone();
    view! {
        <Confirmation
            text=state.text(move |l| l.fill(Key::LossReasonTitle, &[&title]))
            confirm_label=state.tr(Key::Confirm)
            on_confirm=Callback::new(move |_| confirm(Some(reason.get_untracked())))
            cancel_label=state.tr(Key::Skip)
            on_cancel=Callback::new(move |_| finish(None))
            on_escape=Callback::new(move |_| {
                state.dialog.set(None);
                state.focus_deal(&escaped);
            })
        >
            <label>
                <span>{state.tr(Key::LossReasonLabel)}</span>
                <input node_ref=input type="text" prop:value=move || reason.get() on:input:target=move |ev| reason.set(ev.target().value())/>
            </label>
        </Confirmation>
    }
}

/// Empties the board of deals but keeps its stages and settings.
#[component]
fn ConfirmClear() -> impl IntoView {
    let state = use_app();
    let clear = move |_| {
        state.dialog.set(None);
        let _ = state.dispatch(Command::ClearDeals);
    };
    view! {
        <Confirmation
            text=state.text(|l| l.text(Key::ClearBoardConfirm).to_string())
            confirm_label=state.tr(Key::ClearBoard)
            on_confirm=Callback::new(clear)
            cancel_label=state.tr(Key::Cancel)
            on_cancel=Callback::new(move |_| state.dialog.set(None))
        />
    }
}
