//! Rename, add, remove and reorder stages, set their win probability, alert thresholds and
//! exit criteria, and choose the board's default currency.

use crate::app::clock;
use crate::app::components::backdrop::keep_focus;
use crate::app::components::rows::{keyed_rows, Row, RowKey};
use crate::app::components::shown::shown;
use crate::app::state::{display_stage_name, focus_selector, use_app, AppState};
use crate::domain::board::{Stage, StageId};
use crate::domain::command::{Command, DomainError};
use crate::domain::lowercase::lowercase;
use crate::domain::money::{Currency, COMMON_CURRENCIES};
use crate::i18n::Key;
use leptos::prelude::*;

/// The stage editor dialog.
#[component]
pub fn StageEditor() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| {
        let result = state.dispatch(cmd);
        error.set(
            result
                .as_ref()
                .err()
                .map(|e| state.lang.get_untracked().command_error(e)),
        );
    };
    let stages = Memo::new(move |_| state.board.with(|b| b.stages.clone()));
    let add = move |_| {
        // "New stage", then "New stage 2", …: names must differ.
        let base = state.t(Key::StageNewName).to_string();
        let name = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base} {n}")
                }
            })
            .find(|name| name_taken(state, name, None).is_none())
            .unwrap_or(base);
        run(Command::AddStage {
            id: StageId(clock::new_id("s")),
            name,
            probability: 50,
        });
    };
    let close = move || state.dialog.set(None);
    view! {
        <div class="dialog-backdrop" on:mousedown=keep_focus>
            <div
                tabindex="-1"
                class="dialog stage-editor"
                role="dialog"
                aria-modal="true"
                aria-labelledby="stage-editor-title"
                on:keydown=move |ev| if ev.key() == "Escape" { ev.prevent_default(); close() }
            >
                <h2 id="stage-editor-title">{state.tr(Key::StagesTitle)}</h2>
                <ol class="stage-rows">
                    {keyed_rows(move || stages.get().into_iter().enumerate().map(|(index, stage)| {
                        let key = RowKey::hashed(index.to_string(), &(&stage.id, &stage.name, stage.probability, stage.preset, stage.idle_days, stage.limit, &stage.checklist));
                        Row::new(key, move || view! { <StageRow index stage run error/> }.into_any())
                    }).collect())}
                </ol>
                <button type="button" on:click=add>{state.tr(Key::StageAdd)}</button>
                <label class="default-currency">
                    <span>{state.tr(Key::DefaultCurrency)}</span>
                    <select on:change:target=move |ev| {
                        if let Ok(c) = Currency::parse(&ev.target().value()) {
                            run(Command::SetDefaultCurrency(c));
                        }
                    }>
                        {move || {
                            let current = state.board.with(|b| b.settings.default_currency.clone());
                            COMMON_CURRENCIES.iter().map(|c| view! {
                                <option value=*c selected=current.code() == *c>{*c}</option>
                            }.into_any()).collect_view().into_any()
                        }}
                    </select>
                </label>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> }.into_any()).into_any()}
                <div class="dialog-actions">
                    <button type="button" class="primary" on:click=move |_| close()>{state.tr(Key::Close)}</button>
                </div>
            </div>
        </div>
    }
}

/// One stage: name, probability, order buttons, and removal with a destination for its deals.
#[component]
fn StageRow(
    index: usize,
    stage: Stage,
    run: impl Fn(Command) + Copy + Send + Sync + 'static,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    let id = stage.id.clone();
    let deal_count = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .board
                .with(|b| b.deals.iter().filter(|d| d.stage == id).count())
        })
    };
    let others = {
        let id = id.clone();
        move || {
            state.board.with(|b| {
                b.stages
                    .iter()
                    .filter(|s| s.id != id)
                    .map(|s| (s.id.clone(), display_stage_name(s, state.lang.get())))
                    .collect::<Vec<_>>()
            })
        }
    };
    let destination = RwSignal::new(String::new());
    let name = display_stage_name(&stage, state.lang.get_untracked());
    let (rename_id, prob_id, left_id, right_id, remove_id) =
        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let (threshold_id, checklist_id) = (id.clone(), id.clone());
    // The idle days and the deal limit: empty for off.
    let threshold = move |which: Threshold, value: Option<u32>| {
        let (label, testid) = match which {
            Threshold::IdleDays => (Key::StageIdleDays, "stage-idle-days"),
            Threshold::Limit => (Key::StageDealLimit, "stage-limit-input"),
        };
        let id = threshold_id.clone();
        view! {
            <label class="stage-field">
                <span>{state.tr(label)}</span>
                <input
                    type="number"
                    min="1"
                    data-testid=testid
                    placeholder=state.tr(Key::ThresholdOff)
                    value=value.map(|n| n.to_string()).unwrap_or_default()
                    on:change:target=move |ev| run(alerts_command(state, &id, which, &ev.target().value()))
                />
            </label>
        }
    };
    // Removal answers next to its button, not at the dialog's foot out of sight: refused (its
    // deals need a stage to go to), the focus goes to the choice it asks for; done, to the
    // stage that took its place, so the keyboard user is not thrown back to the page's top.
    let remove_error = RwSignal::new(None::<String>);
    let remove = move |_| {
        let to = destination.get_untracked();
        let move_deals_to = (!to.is_empty()).then_some(StageId(to));
        let command = Command::RemoveStage {
            id: remove_id.clone(),
            move_deals_to,
        };
        match state.dispatch(command) {
            Ok(_) => {
                error.set(None);
                let left = state.board.with_untracked(|b| b.stages.len());
                focus_selector(format!(
                    ".stage-rows > li:nth-child({}) input",
                    (index + 1).min(left)
                ));
            }
            Err(e) => {
                remove_error.set(Some(state.lang.get_untracked().command_error(&e)));
                focus_selector(format!("[data-stage-row=\"{}\"] select", remove_id.0));
            }
        }
    };
    view! {
        <li class="stage-row" data-stage-row=id.0.clone()>
            // Every field has its caption in sight (a box reading only "off" said nothing).
            <label class="stage-field stage-name">
                <span>{state.tr(Key::StageName)}</span>
                <input
                    type="text"
                    value=name
                    on:change:target=move |ev| {
                        let input = ev.target();
                        match name_taken(state, &input.value(), Some(&rename_id)) {
                            // Taken as shown in this language (a preset stage's name is translated).
                            Some(refusal) => error.set(Some(refusal)),
                            None => run(Command::RenameStage { id: rename_id.clone(), name: input.value() }),
                        }
                        // Refused: the name the stage keeps.
                        if error.with_untracked(Option::is_some) {
                            input.set_value(&display_name(state, &rename_id));
                        }
                    }
                />
            </label>
            <label class="stage-field">
                <span>{state.tr(Key::StageProbability)}</span>
                <input
                    type="number"
                    min="0"
                    max="100"
                    value=stage.probability
                    on:change:target=move |ev| {
                        let probability = ev.target().value().trim().parse::<u8>().unwrap_or(101);
                        run(Command::SetStageProbability { id: prob_id.clone(), probability });
                    }
                />
            </label>
            {threshold(Threshold::IdleDays, stage.idle_days)}
            {threshold(Threshold::Limit, stage.limit)}
            <textarea
                rows="2"
                class="stage-checklist"
                data-testid="stage-checklist"
                aria-label=state.tr(Key::StageChecklist)
                placeholder=state.tr(Key::StageChecklist)
                prop:value=stage.checklist.join("\n")
                on:change:target=move |ev| run(Command::SetStageChecklist {
                    id: checklist_id.clone(),
                    items: ev.target().value().lines().map(String::from).collect(),
                })
            ></textarea>
            <button type="button" aria-label=state.tr(Key::StageMoveLeft) disabled=index == 0
                on:click=move |_| run(Command::MoveStage { id: left_id.clone(), index: index.saturating_sub(1) })>"↑"</button>
            <button type="button" aria-label=state.tr(Key::StageMoveRight)
                on:click=move |_| run(Command::MoveStage { id: right_id.clone(), index: index + 1 })>"↓"</button>
            {shown(move || { deal_count.get() > 0 }, move || view! {
                <select
                    aria-label=move || state.fill(Key::StageMoveDealsTo, &[&deal_count.get().to_string()])
                    on:change:target=move |ev| { destination.set(ev.target().value()); remove_error.set(None) }
                >
                    <option value="">{move || state.fill(Key::StageMoveDealsTo, &[&deal_count.get().to_string()])}</option>
                    {others().into_iter().map(|(id, name)| view! { <option value=id.0>{name}</option> }.into_any()).collect_view()}
                </select>
            }.into_any())}
            <button type="button" class="danger" on:click=remove>{state.tr(Key::StageRemove)}</button>
            {move || remove_error.get().map(|e| view! { <p class="form-error stage-row-error" role="alert">{e}</p> }.into_any()).into_any()}
        </li>
    }
}

/// One of a stage's alert thresholds.
#[derive(Clone, Copy)]
enum Threshold {
    IdleDays,
    Limit,
}

/// The command that sets one of a stage's thresholds to what was typed (empty: off), keeping
/// the other. Text that is not a whole number of at least 1 becomes 0, which the command
/// refuses with a message.
fn alerts_command(
    state: crate::app::state::AppState,
    id: &StageId,
    which: Threshold,
    typed: &str,
) -> Command {
    let typed = typed.trim();
    let typed = (!typed.is_empty()).then(|| typed.parse::<u32>().unwrap_or(0));
    let (idle_days, limit) = state
        .board
        .with_untracked(|b| b.stage(id).map_or((None, None), |s| (s.idle_days, s.limit)));
    let (idle_days, limit) = match which {
        Threshold::IdleDays => (typed, limit),
        Threshold::Limit => (idle_days, typed),
    };
    Command::SetStageAlerts {
        id: id.clone(),
        idle_days,
        limit,
    }
}

/// The refusal's text when a stage other than `except` is shown with this name, ignoring case.
fn name_taken(state: AppState, name: &str, except: Option<&StageId>) -> Option<String> {
    let lang = state.lang.get_untracked();
    let key = lowercase(name.trim());
    let taken = state.board.with_untracked(|b| {
        b.stages
            .iter()
            .any(|s| Some(&s.id) != except && lowercase(&display_stage_name(s, lang)) == key)
    });
    taken.then(|| lang.command_error(&DomainError::DuplicateStageName))
}

/// A stage's name as the editor shows it.
fn display_name(state: AppState, id: &StageId) -> String {
    let lang = state.lang.get_untracked();
    state.board.with_untracked(|b| {
        b.stage(id)
            .map(|s| display_stage_name(s, lang))
            .unwrap_or_default()
    })
}
