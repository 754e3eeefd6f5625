//! Create or edit a deal. Enter saves, Escape cancels (asking first when something was typed),
//! Delete asks first.

use crate::app::clock;
use crate::app::components::backdrop::keep_focus;
use crate::app::components::deal_path::deal_path;
use crate::app::components::deal_steps::StepFields;
use crate::app::components::form_fields::{
    checklist_fields, currency_field, stage_field, text_field,
};
use crate::app::components::shown::shown;
use crate::app::dialog_focus::touch_screen;
use crate::app::state::{use_app, AppState};
use crate::domain::board::{DealFields, DealId, StageId, StageKind};
use crate::domain::command::{Command, DomainError, Outcome};
use crate::domain::date::{iso_date, parse_iso_date};
use crate::domain::money::{amount_input_text, parse_amount, Currency};
use crate::i18n::Key;
use leptos::prelude::*;

/// What the dialog works on.
#[derive(Clone, Debug, PartialEq)]
pub enum DealTarget {
    New(StageId),
    Existing(DealId),
}

/// The deal form, in a modal dialog.
#[component]
pub fn DealDialog(target: DealTarget) -> impl IntoView {
    let state = use_app();
    let existing = match &target {
        DealTarget::Existing(id) => state
            .board
            .with_untracked(|b| b.deal(id).map(|d| (d.fields(), d.stage.clone()))),
        DealTarget::New(_) => None,
    };
    let default_currency = state
        .board
        .with_untracked(|b| b.settings.default_currency.clone());
    let (start, start_stage) = existing.unwrap_or_else(|| {
        let stage = match &target {
            DealTarget::New(s) => s.clone(),
            DealTarget::Existing(_) => StageId(String::new()),
        };
        // A new deal starts in the rep, product and region the board is filtered to: made
        // from "Alice Chen"'s view, it is hers.
        let narrowed = state.filter.with_untracked(|f| {
            [&f.owner, &f.product, &f.region].map(|v| v.clone().unwrap_or_default())
        });
        let [owner, product, region] = narrowed;
        (
            DealFields {
                currency: default_currency,
                owner,
                product,
                region,
                ..DealFields::default()
            },
            stage,
        )
    });
    let is_new = matches!(target, DealTarget::New(_));
    let loss_reason = RwSignal::new(start.loss_reason.clone().unwrap_or_default());
    let title = RwSignal::new(start.title.clone());
    let customer = RwSignal::new(start.customer.clone());
    let contact = RwSignal::new(start.contact.clone());
    let value = RwSignal::new(if is_new {
        String::new()
    } else {
        amount_input_text(start.value, &start.currency)
    });
    let currency = RwSignal::new(start.currency.code().to_string());
    let owner = RwSignal::new(start.owner.clone());
    let product = RwSignal::new(start.product.clone());
    let region = RwSignal::new(start.region.clone());
    let close_date = RwSignal::new(start.close_date.map(iso_date).unwrap_or_default());
    let notes = RwSignal::new(start.notes.clone());
    let steps = StepFields::new(&start);
    // Ticks of other stages' criteria are kept: a deal moved back finds them again.
    let checked = RwSignal::new(start.checked.clone());
    let stage = RwSignal::new(start_stage.0.clone());
    // A lost deal shows why, and the reason can be corrected (it was asked in a hurry, on the
    // move to the lost stage); a deal moved to a lost stage here is asked too. A memo, so the
    // box is built again only when that flips, not on every change to the board.
    let lost_stage = Memo::new(move |_| {
        !is_new
            && state.board.with(|b| {
                b.stage(&StageId(stage.get()))
                    .is_some_and(|s| s.kind == StageKind::Lost)
            })
    });
    let error = RwSignal::new(None::<String>);
    let confirming = state.confirm_delete;
    let first_field = NodeRef::<leptos::html::Input>::new();
    let dialog_box = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(input) = first_field.get() {
            if confirming.get_untracked() {
                return;
            }
            // A deal tapped open on a phone is mostly read: the focus in Title would raise the
            // on-screen keyboard over half of it. The dialog itself takes it there (Escape
            // still closes), and a tap on a field edits it.
            match dialog_box.get_untracked() {
                Some(dialog) if !is_new && touch_screen() => {
                    let _ = dialog.focus();
                }
                _ => {
                    let _ = input.focus();
                }
            }
        }
    });
    // The question "Delete …?" sits under the whole form: asked (from the card's menu or the
    // Delete button), its Confirm takes focus, which also scrolls it into view on a small
    // screen, so that the user sees a question and not an edit form.
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = confirm_button.get() {
            let _ = button.focus();
        }
    });

    let deal_id = match &target {
        DealTarget::Existing(id) => Some(id.clone()),
        DealTarget::New(_) => None,
    };
    let path = deal_id.clone().map(|id| deal_path(state, id));
    let close = {
        let deal_id = deal_id.clone();
        move || {
            state.dialog.set(None);
            state.confirm_delete.set(false);
            if let Some(id) = &deal_id {
                state.focus_deal(id);
            }
        }
    };
    // Cost (for gross margin targets): empty means unknown, not zero.
    let cost = RwSignal::new(
        start
            .cost
            .map(|c| amount_input_text(c, &start.currency))
            .unwrap_or_default(),
    );
    let read_fields = move || -> Result<DealFields, Key> {
        let currency =
            Currency::parse(&currency.get_untracked()).map_err(|_| Key::ErrBadCurrency)?;
        let text = value.get_untracked();
        let value = if text.trim().is_empty() {
            0
        } else {
            parse_amount(&text, &currency).map_err(|_| Key::ErrBadAmount)?
        };
        let cost_text = cost.get_untracked();
        let cost = if cost_text.trim().is_empty() {
            None
        } else {
            Some(parse_amount(&cost_text, &currency).map_err(|_| Key::ErrBadAmount)?)
        };
        let date = close_date.get_untracked();
        let close_date = if date.trim().is_empty() {
            None
        } else {
            Some(parse_iso_date(date.trim()).ok_or(Key::ErrBadDate)?)
        };
        let next_step = steps.next_step()?;
        Ok(DealFields {
            title: title.get_untracked(),
            customer: customer.get_untracked(),
            contact: contact.get_untracked(),
            value,
            currency,
            cost,
            owner: owner.get_untracked(),
            product: product.get_untracked(),
            region: region.get_untracked(),
            close_date,
            notes: notes.get_untracked(),
            next_step,
            checked: checked.get_untracked(),
            activities: steps.activities(),
            loss_reason: Some(loss_reason.get_untracked()),
        })
    };
    let save = {
        let target = target.clone();
        let start_stage = start_stage.clone();
        let close = close.clone();
        move || {
            let fields = match read_fields() {
                Ok(fields) => fields,
                Err(key) => return error.set(Some(state.t(key).to_string())),
            };
            let new_id = DealId(clock::new_id("d"));
            let cmd = match &target {
                DealTarget::New(_) => Command::AddDeal {
                    id: new_id.clone(),
                    stage: StageId(stage.get_untracked()),
                    fields,
                },
                DealTarget::Existing(id) => Command::EditDeal {
                    id: id.clone(),
                    fields,
                },
            };
            let done = state.dispatch(cmd).and_then(|outcome| match &target {
                DealTarget::Existing(id) if stage.get_untracked() != start_stage.0 => {
                    move_after_edit(state, id, StageId(stage.get_untracked()), loss_reason)
                }
                _ => Ok(outcome),
            });
            match done {
                Ok(_) => {
                    close();
                    // The new card takes the focus, which scrolls it into sight: added at the
                    // foot of a long column, it would otherwise seem not to be there.
                    if is_new {
                        state.show_new_deal(&new_id);
                        state.focus_deal(&new_id);
                    }
                }
                Err(err) => error.set(Some(state.lang.get_untracked().command_error(&err))),
            }
        }
    };
    // Escape or Cancel with something typed asks first: a rep who presses Escape by habit
    // half-way through a new deal would lose it, and nothing unsaved can be undone.
    let discarding = RwSignal::new(false);
    let keep_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = keep_button.get() {
            let _ = button.focus();
        }
    });
    let start_fields = start.clone();
    // A stage chosen counts as typed: Save would move the deal.
    let typed = move || {
        stage.get_untracked() != start_stage.0
            || !read_fields().is_ok_and(|typed| typed.same_as(&start_fields))
    };
    let cancel = {
        let close = close.clone();
        let typed = typed.clone();
        move || {
            if typed() {
                discarding.set(true)
            } else {
                close()
            }
        }
    };
    // Closing or reloading the tab with something typed asks too, as the browser does for a
    // form: the board is saved, but this deal is not on it yet.
    let leaving = window_event_listener_untyped("beforeunload", move |ev| {
        if typed() {
            ev.prevent_default();
            let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || leaving.remove());
    let keep_editing = move || {
        discarding.set(false);
        if let Some(input) = first_field.get_untracked() {
            let _ = input.focus();
        }
    };
    let delete = {
        let deal_id = deal_id.clone();
        move || {
            if let Some(id) = deal_id.clone() {
                let _ = state.dispatch(Command::DeleteDeal { id });
            }
            state.dialog.set(None);
            state.confirm_delete.set(false);
        }
    };
    let on_keydown = {
        let cancel = cancel.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                if discarding.get_untracked() {
                    keep_editing();
                } else if confirming.get_untracked() {
                    confirming.set(false);
                } else {
                    cancel();
                }
            }
        }
    };
    let heading = move || {
        state.t(if is_new {
            Key::DialogNewDeal
        } else {
            Key::DialogEditDeal
        })
    };
    let owners = Memo::new(move |_| state.board.with(|b| b.owners()));
    let text_field = move |key, signal, kind| text_field(state, key, signal, kind);
    let save_click = save.clone();
    let cancel_click = cancel.clone();
    let delete_click = delete.clone();
    view! {
        <div class="dialog-backdrop" on:mousedown=keep_focus>
            <div class="dialog deal-dialog" node_ref=dialog_box tabindex="-1" role="dialog" aria-modal="true" aria-labelledby="deal-dialog-title" on:keydown=on_keydown>
                <h2 id="deal-dialog-title">{heading}</h2>
                <form on:submit=move |ev| { ev.prevent_default(); save() }>
                    <label>
                        <span>{state.tr(Key::FieldTitle)}</span>
                        <input node_ref=first_field type="text" required prop:value=move || title.get() on:input:target=move |ev| title.set(ev.target().value())/>
                    </label>
                    {text_field(Key::FieldCustomer, customer, "text")}
                    {text_field(Key::FieldContact, contact, "text")}
                    <div class="field-row">
                        <label>
                            <span>{state.tr(Key::FieldValue)}</span>
                            <input type="text" inputmode="decimal" prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())/>
                        </label>
                        {currency_field(state, Key::FieldCurrency, currency)}
                        {text_field(Key::FieldCost, cost, "text")}
                    </div>
                    <label>
                        <span>{state.tr(Key::FieldOwner)}</span>
                        <input type="text" list="deal-owners" prop:value=move || owner.get() on:input:target=move |ev| owner.set(ev.target().value())/>
                        <datalist id="deal-owners">
                            {move || owners.get().into_iter().map(|o| view! { <option value=o/> }.into_any()).collect_view().into_any()}
                        </datalist>
                    </label>
                    <div class="field-row">
                        {text_field(Key::FieldProduct, product, "text")}
                        {text_field(Key::FieldRegion, region, "text")}
                    </div>
                    {text_field(Key::FieldCloseDate, close_date, "date")}
                    {stage_field(state, stage)}
                    {steps.view(state)}
                    {move || checklist_fields(state, &StageId(stage.get()), checked)}
                    <label>
                        <span>{state.tr(Key::FieldNotes)}</span>
                        <textarea rows="3" prop:value=move || notes.get() on:input:target=move |ev| notes.set(ev.target().value())></textarea>
                    </label>
                    {move || lost_stage.get().then(|| text_field(Key::LossReasonLabel, loss_reason, "text"))}
                    {path}
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> }.into_any()).into_any()}
                    <div class="dialog-actions">
                        {(!is_new).then(|| view! {
                            <button type="button" class="danger push-left" on:click=move |_| confirming.set(true)>{state.tr(Key::Delete)}</button>
                        }.into_any())}
                        <button type="button" on:click=move |_| cancel_click()>{state.tr(Key::Cancel)}</button>
                        <button type="submit" class="primary" on:click=move |ev| { ev.prevent_default(); save_click() }>{state.tr(Key::Save)}</button>
                    </div>
                </form>
                {shown(move || confirming.get(), move || view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
                        <p id="confirm-delete-text">{move || state.fill(Key::DeleteConfirm, &[&title.get()])}</p>
                        <div class="dialog-actions">
                            <button type="button" on:click=move |_| confirming.set(false)>{state.tr(Key::Cancel)}</button>
                            <button type="button" class="danger" node_ref=confirm_button on:click={let d = delete_click.clone(); move |_| d()}>
                                {state.tr(Key::Confirm)}
                            </button>
                        </div>
                    </div>
                }.into_any())}
                {shown(move || discarding.get(), move || view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-discard-text">
                        <p id="confirm-discard-text">{state.tr(Key::DiscardConfirm)}</p>
                        <div class="dialog-actions">
                            <button type="button" class="danger" on:click={let c = close.clone(); move |_| c()}>{state.tr(Key::Discard)}</button>
                            <button type="button" class="primary" node_ref=keep_button on:click=move |_| keep_editing()>{state.tr(Key::KeepEditing)}</button>
                        </div>
                    </div>
                }.into_any())}
            </div>
        </div>
    }
}

/// The second half of a Save that changed the stage: the deal goes to the foot of its new
/// stage (a lost one takes the reason typed), and the edit and the move become one undo step.
fn move_after_edit(
    state: AppState,
    id: &DealId,
    to: StageId,
    loss_reason: RwSignal<String>,
) -> Result<Outcome, DomainError> {
    let cmd = Command::MoveDeal {
        id: id.clone(),
        to,
        index: usize::MAX,
        loss_reason: Some(loss_reason.get_untracked()),
    };
    let outcome = state.dispatch(cmd)?;
    state.history.update(|h| h.join_last_two());
    Ok(outcome)
}
