//! One target in the tree: its figures, a progress bar with the pace marker, its status, and
//! what can be done with it (change the amount, split it, delete it). Its parts are listed
//! under it and can be folded away.

use crate::app::components::rows::{keyed_rows, Row, RowKey};
use crate::app::components::shown::shown;
use crate::app::state::{focus_selector, use_app};
use crate::domain::command::Command;
use crate::domain::money::{format_amount, round_to_major};
use crate::domain::targets::{progress, Measure, Target, TargetId};
use crate::i18n::Key;
use leptos::prelude::*;

use super::split::SplitPanel;
use super::{form_amount, format_measure, parse_measure, refused, status_key, target_label};

/// A target and, unfolded, its children.
#[component]
pub fn TargetRow(id: TargetId, depth: usize) -> impl IntoView {
    let state = use_app();
    let target_id = id.clone();
    let target = Memo::new(move |_| state.board.with(|b| b.target(&target_id).cloned()));
    let target_id = id.clone();
    let figures = Memo::new(move |_| {
        state.board.with(|b| {
            b.target(&target_id)
                .map(|t| progress(b, t, state.today.get()))
        })
    });
    let target_id = id.clone();
    let children = Memo::new(move |_| {
        state.board.with(|b| {
            b.target_children(&target_id)
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let open = RwSignal::new(depth == 0);
    let splitting = RwSignal::new(false);
    // Why the last amount typed here was refused, kept in sight (the input's bubble fades)
    // until a change of this target is saved.
    let error = RwSignal::new(None::<Key>);
    let name = move || target.with(|t| t.as_ref().map(|t| target_label(t, state.lang.get())));
    let amount = move |f: fn(&Target, &crate::domain::targets::Progress) -> i64| {
        move || {
            target.with(|t| {
                figures.with(|p| match (t, p) {
                    (Some(t), Some(p)) => format_measure(t, f(t, p)),
                    _ => String::new(),
                })
            })
        }
    };
    // Tenths of a percent, 0–1000, in integers: formatting floats would pull ~11 kB of
    // float printing into the wasm for three bar widths.
    let percent = move |f: fn(&crate::domain::targets::Progress) -> i64| {
        move || {
            figures.with(|p| {
                p.as_ref().map_or(0, |p| {
                    if p.amount > 0 {
                        (i128::from(f(p)) * 1000 / i128::from(p.amount)).clamp(0, 1000) as i64
                    } else {
                        0
                    }
                })
            })
        }
    };
    let css_percent = |tenths: i64| format!("{}.{}%", tenths / 10, tenths % 10);
    let (attained_pc, forecast_pc, pace_pc) = (
        percent(|p| p.attained),
        percent(|p| p.forecast),
        percent(|p| p.pace),
    );
    let status = move || figures.with(|p| p.as_ref().map(|p| p.status));
    // Gross margin counts a deal without a cost at its whole value: say how many do.
    let missing_cost = move || {
        let n = figures.with(|p| p.as_ref().map_or(0, |p| p.missing_cost));
        (n > 0).then(|| state.fill(Key::MissingCost, &[&n.to_string()]))
    };
    // Wins in other currencies are not converted (no exchange rates): they are named, not lost.
    let not_counted = move || {
        figures.with(|p| {
            p.as_ref().filter(|p| !p.not_counted.is_empty()).map(|p| {
                let won: Vec<String> = p
                    .not_counted
                    .iter()
                    .map(|(c, v)| format_amount(*v, c))
                    .collect();
                state.fill(Key::NotCounted, &[&won.join(" + ")])
            })
        })
    };
    let gap = move || {
        target.with(|t| {
            figures.with(|p| match (t, p) {
                (Some(t), Some(p)) if p.gap > 0 => {
                    Some(state.fill(Key::Unallocated, &[&format_measure(t, p.gap)]))
                }
                (Some(t), Some(p)) if p.gap < 0 => {
                    Some(state.fill(Key::OverAllocated, &[&format_measure(t, -p.gap)]))
                }
                _ => None,
            })
        })
    };
    let amount_text = move || {
        target.with(|t| {
            t.as_ref()
                .map(|t| form_amount(t, t.amount))
                .unwrap_or_default()
        })
    };
    let market_text = move || {
        target.with(|t| {
            t.as_ref()
                .and_then(|t| Some(form_amount(t, t.market?)))
                .unwrap_or_default()
        })
    };
    // "4.2 % · target 10.0 %", only when the market's size is known.
    let share = move || {
        figures
            .with(|p| p.as_ref().and_then(|p| p.market_share()))
            .map(|(won, aim)| {
                let percent = |tenths: i64| format!("{}.{} %", tenths / 10, tenths % 10);
                state.fill(Key::MarketShareFigure, &[&percent(won), &percent(aim)])
            })
    };
    // Deleted at once, with the toast's Undo in sight to take it back (`offer_undo`): a target
    // and all its parts are a lot to lose to a slip of the finger, and the header's Undo is out
    // of view.
    // The focus goes on to the target shown next to it (its Split button: not its amount
    // box, where a key pressed next would change a figure), not to the page.
    let delete = move |id: TargetId| {
        let beside = state.board.with_untracked(|b| b.target_neighbour(&id));
        if state.dispatch(Command::DeleteTarget { id }).is_ok() {
            focus_selector(match beside {
                Some(t) => format!("[data-target-id=\"{}\"] > .target-row .split-button", t.0),
                None => ".new-target select".to_string(),
            });
        }
    };
    let edit_id = id.clone();
    let market_id = id.clone();
    let delete_id = id.clone();
    let dom_id = id.0.clone();
    let split_id = id.clone();
    // The split panel goes when its split is made: the focus goes back to the button that
    // opened it.
    let split_button = format!("[data-target-id=\"{}\"] > .target-row .split-button", id.0);
    view! {
        <li class="target" role="treeitem" data-target-id=dom_id aria-expanded=move || (!children.with(|c| c.is_empty())).then(|| open.get().to_string())>
            <div class="target-row" style=format!("--depth: {depth}")>
                <button
                    type="button"
                    class="twisty"
                    aria-label=move || state.fill(Key::ShowParts, &[&name().unwrap_or_default()])
                    disabled=move || children.with(|c| c.is_empty())
                    on:click=move |_| open.update(|o| *o = !*o)
                >{move || if children.with(|c| c.is_empty()) { "·" } else if open.get() { "▾" } else { "▸" }}</button>
                <span class="target-name">{move || name().unwrap_or_default()}</span>
                <span class="target-status" data-testid="target-status" data-status=move || status().unwrap_or(crate::domain::targets::TargetStatus::NotStarted).name()>
                    {move || status().map_or("", |s| state.t(status_key(s)))}
                </span>
                <div
                    class="target-progress"
                    role="progressbar"
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=move || ((attained_pc() + 5) / 10).to_string()
                >
                    <div class="bar-forecast" style=move || format!("width: {}", css_percent(forecast_pc()))></div>
                    <div class="bar-attained" style=move || format!("width: {}", css_percent(attained_pc()))></div>
                    <div class="pace-marker" title=state.tr(Key::Pace) style=move || format!("left: {}", css_percent(pace_pc()))></div>
                </div>
                <dl class="target-figures">
                    <div><dt>{state.tr(Key::Attained)}</dt><dd data-testid="target-attained">{amount(|_, p| p.attained)}</dd></div>
                    <div><dt>{state.tr(Key::TargetAmount)}</dt><dd data-testid="target-amount">{amount(|_, p| p.amount)}</dd></div>
                    <div><dt>{state.tr(Key::Forecast)}</dt><dd data-testid="target-forecast">{amount(|_, p| p.forecast)}</dd></div>
                    <div><dt>{state.tr(Key::Pace)}</dt><dd data-testid="target-pace">{amount(pace_shown)}</dd></div>
                </dl>
                {move || share().map(|s| view! { <p class="target-share" data-testid="target-share">{s}</p> }.into_any()).into_any()}
                {move || gap().map(|g| view! { <p class="target-gap" data-testid="target-gap">{g}</p> }.into_any()).into_any()}
                {move || not_counted().map(|n| view! { <p class="target-note" data-testid="target-not-counted">{n}</p> }.into_any()).into_any()}
                {move || missing_cost().map(|n| view! { <p class="target-note" data-testid="target-missing-cost">{n}</p> }.into_any()).into_any()}
                // Each box has its caption in sight (a bare "100000" said nothing).
                <div class="target-actions">
                    <label class="target-field">
                    <span>{state.tr(Key::TargetAmount)}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        aria-label=state.tr(Key::TargetAmount)
                        prop:value=amount_text
                        on:change:target=move |ev| {
                            let input = ev.target();
                            let parsed = state.board.with_untracked(|b| b.target(&edit_id).and_then(|t| parse_measure(t, &input.value())));
                            let saved = parsed.is_some_and(|amount| state.dispatch(Command::EditTarget { id: edit_id.clone(), amount }).is_ok());
                            if !saved {
                                refused(state, &input, &amount_text(), Key::ErrTargetAmount);
                            }
                            error.set((!saved).then_some(Key::ErrTargetAmount));
                        }
                    />
                    </label>
                    <label class="target-field">
                    <span>{state.tr(Key::MarketSize)}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        class="target-market"
                        aria-label=state.tr(Key::MarketSize)
                        prop:value=market_text
                        on:change:target=move |ev| {
                            let input = ev.target();
                            let text = input.value();
                            // Empty clears it; anything else must read as an amount above 0.
                            let market = if text.trim().is_empty() {
                                Some(None)
                            } else {
                                state.board.with_untracked(|b| b.target(&market_id).and_then(|t| parse_measure(t, &text))).map(Some)
                            };
                            let saved = market.is_some_and(|market| state.dispatch(Command::SetTargetMarket { id: market_id.clone(), market }).is_ok());
                            if !saved {
                                refused(state, &input, &market_text(), Key::ErrMarket);
                            }
                            error.set((!saved).then_some(Key::ErrMarket));
                        }
                    />
                    </label>
                    <button type="button" class="split-button" aria-expanded=move || splitting.get().to_string() on:click=move |_| splitting.update(|s| *s = !*s)>{state.tr(Key::Split)}</button>
                    <button type="button" class="danger" on:click=move |_| delete(delete_id.clone())>{state.tr(Key::DeleteTarget)}</button>
                </div>
                // Not role="alert": `refused` has announced it already.
                {move || error.get().map(|e| view! { <p class="form-error" data-testid="target-row-error">{state.t(e)}</p> }.into_any()).into_any()}
            </div>
            {shown(move || splitting.get(), move || view! {
                <SplitPanel id=split_id.clone() done={let button = split_button.clone(); Callback::new(move |_| { splitting.set(false); open.set(true); focus_selector(button.clone()); })}/>
            }.into_any())}
            {shown(move || open.get() && !children.with(|c| c.is_empty()), move || view! {
                <ul role="group">
                    {keyed_rows(move || children.get().into_iter().map(|id| Row::new(RowKey::id(id.0.clone()), move || view! { <TargetRow id depth=depth + 1/> }.into_any())).collect())}
                </ul>
            }.into_any())}
        </li>
    }
}

/// The pace as the row shows it: in whole units of a money target's currency (where the rep
/// should be by today is a guide; "$91,847.83" claimed more than it knows).
fn pace_shown(target: &Target, p: &crate::domain::targets::Progress) -> i64 {
    match target.measure {
        Measure::WonCount => p.pace,
        _ => round_to_major(p.pace, &target.currency),
    }
}
