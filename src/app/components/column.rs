//! One stage: its header figures and its deals. Long columns render their cards in windows:
//! the first ones at once, more as the end of the list scrolls into view, so a stage with
//! thousands of deals costs what the screen can show.

use crate::app::components::card::DealCard;
use crate::app::components::rows::{hash64, keyed_rows, Row, RowKey};
use crate::app::components::shown::shown;
use crate::app::state::{display_stage_name, use_app, Dialog};
use crate::domain::alerts::over_limit;
use crate::domain::board::StageId;
use crate::domain::columns::CardRef;
use crate::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How many more cards a column shows each time the end of its list comes near the viewport.
const WINDOW: usize = 20;
/// How near (CSS px) the end of a list must come to the viewport for more cards to show.
const NEAR_PX: u32 = 400;
/// A little less than the shortest card (style/card.css: ~89 px at the default font size), so
/// the first window is never short of a screenful.
const CARD_MIN_PX: f64 = 80.0;

/// How many cards a column shows at first: enough to fill the viewport's height and the
/// margin below it, counting every card at the shortest a card is. After an import every
/// column renders this many at once, so no more than that (a fixed 20 was more than a 720 px
/// screen needs: 14). Cards shorter than counted (a smaller font) bring the end of the
/// list near at once, and the observer adds a window.
fn first_window() -> usize {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    (((height + f64::from(NEAR_PX)) / CARD_MIN_PX).ceil() as usize).clamp(8, 40)
}

/// A stage column with its name, deal count, total and weighted value.
#[component]
pub fn StageColumn(id: StageId) -> impl IntoView {
    let state = use_app();
    let stage_id = id.clone();
    let stage = Memo::new(move |_| state.board.with(|b| b.stage(&stage_id).cloned()));
    // Each reads only its part of the view: copying a whole column on every change would
    // cost as much as the board is long.
    let stage_id = id.clone();
    let summary = Memo::new(move |_| {
        state.view.with(|v| {
            v.column(&stage_id)
                .map(|c| c.summary.clone())
                .unwrap_or_default()
        })
    });
    let limit = RwSignal::new(first_window());
    let stage_id = id.clone();
    let cards = Memo::new(move |_| {
        let limit = limit.get();
        state.view.with(|v| {
            v.column(&stage_id)
                .map(|c| {
                    c.cards
                        .iter()
                        .take(limit)
                        .cloned()
                        .collect::<Vec<CardRef>>()
                })
                .unwrap_or_default()
        })
    });
    let stage_id = id.clone();
    let length = Memo::new(move |_| {
        state
            .view
            .with(|v| v.column(&stage_id).map_or(0, |c| c.cards.len()))
    });
    let hidden = move || length.get().saturating_sub(limit.get());
    // The stage's limit counts all its deals, whatever the filter shows.
    let stage_id = id.clone();
    let limited = move || stage.with(|s| s.as_ref().is_some_and(|s| s.limit.is_some()));
    let held = Memo::new(move |_| {
        // 0 without a limit: the board is then not read, and its changes cost nothing here.
        if limited() {
            state.board.with(|b| b.deals.order().stage(&stage_id).len())
        } else {
            0
        }
    });
    // Built again as a whole when it changes: static classes cost less wasm than reactive ones.
    let limit_chip = move || {
        let cap = stage.with(|s| s.as_ref().and_then(|s| s.limit))?;
        let (held, cap) = (held.get(), cap.to_string());
        let over = stage.with(|s| s.as_ref().is_some_and(|s| over_limit(s, held)));
        // Said in full when over, for the tooltip and screen readers.
        let title = if over {
            state.fill(Key::StageOverLimit, &[&held.to_string(), &cap])
        } else {
            String::new()
        };
        let text = state.fill(Key::StageLimit, &[&cap]);
        Some(
            view! { <span class="stage-limit" class:over=over data-testid="stage-limit" title=title>{text}</span> },
        )
    };
    let currency = move || state.board.with(|b| b.settings.default_currency.clone());
    let name = move || {
        stage.with(|s| {
            s.as_ref()
                .map(|s| display_stage_name(s, state.lang.get()))
                .unwrap_or_default()
        })
    };
    let heading_id = format!("stage-{}", id.0);
    let labelled_by = heading_id.clone();
    let add_here = {
        let id = id.clone();
        move |_| {
            state
                .dialog
                .set(Some(Dialog::NewDeal { stage: id.clone() }))
        }
    };
    // A card about to take the focus is drawn even past the cards shown so far. Only the
    // deal's own column looks for it (a lookup by id, then a walk of that column).
    let stage_id = id.clone();
    Effect::new(move |_| {
        let Some(deal) = state.reveal.get() else {
            return;
        };
        let here = state
            .board
            .with_untracked(|b| b.deal(&deal).is_some_and(|d| d.stage == stage_id));
        let at = here
            .then(|| {
                state.view.with_untracked(|v| {
                    v.column(&stage_id)
                        .and_then(|c| c.cards.iter().position(|c| c.id == deal))
                })
            })
            .flatten();
        if let Some(at) = at.filter(|&at| at >= limit.get_untracked()) {
            limit.set(at + 1);
        }
    });
    let sentinel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = sentinel.get() {
            show_more_when_seen(&el, limit, length);
        }
    });
    view! {
        <section class="stage" data-stage-id=id.0.clone() aria-labelledby=labelled_by>
            <header class="stage-header">
                <h2 id=heading_id>{name}</h2>
                <span class="stage-probability">{move || stage.with(|s| s.as_ref().map(|s| format!("{} %", s.probability)).unwrap_or_default())}</span>
                <span class="stage-count" data-testid="stage-count" aria-label=move || state.lang.get().count(summary.with(|s| s.count) as i64, Key::DealCount)>
                    // Text, as every other reactive text here: a number would compile its own render code.
                    {move || summary.with(|s| s.count.to_string())}
                </span>
                {shown(move || summary.with(|s| s.off_track > 0), move || view! {
                    <span class="stage-alerts" data-testid="stage-off-track"
                        aria-label=move || state.lang.get().count(summary.with(|s| s.off_track) as i64, Key::StageOffTrack)>
                        {move || format!("⚠ {}", summary.with(|s| s.off_track))}
                    </span>
                }.into_any())}
                {move || limit_chip().map(|chip| chip.into_any()).into_any()}
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
                {keyed_rows(move || {
                    // A card works out its alerts and exit criteria when it renders: a new day,
                    // idle threshold or checklist renders the column's cards again. Hashed into the key's 32 bits for the
                    // epoch: a change is missed only if two hashes collide (1 in 2^32).
                    let shown_by_stage = stage.with(|s| s.as_ref().map(|s| hash64(&(s.idle_days, &s.checklist))));
                    let epoch = hash64(&(state.render_epoch.get(), state.today.get(), shown_by_stage)) as u32;
                    cards.get().into_iter().map(|card| {
                        let version = u128::from(card.revision) << 96 | u128::from(epoch) << 64 | u128::from(card.updated as u64);
                        let key = RowKey::versioned(card.id.0.clone(), version);
                        Row::new(key, move || view! { <li><DealCard card/></li> }.into_any())
                    }).collect()
                })}
                <div class="more-cards" node_ref=sentinel aria-hidden="true">
                    {move || if hidden() > 0 { format!("+{}", hidden()) } else { String::new() }}
                </div>
            </ul>
            {shown(move || summary.with(|s| s.count == 0), move || view! { <p class="stage-empty">{state.tr(Key::EmptyStage)}</p> }.into_any())}
            <button class="add-deal" on:click=add_here aria-label=move || format!("{} — {}", state.t(Key::NewDeal), name())>
                "+ " {state.tr(Key::NewDeal)}
            </button>
        </section>
    }
}

/// Grows `limit` by a window whenever `el` (the end of the list) comes near the viewport while
/// cards are still hidden. (A short column's end is always in view: growing it anyway would
/// leave a board imported into it with two windows per column, twice the cards to render.)
fn show_more_when_seen(el: &web_sys::HtmlDivElement, limit: RwSignal<usize>, length: Memo<usize>) {
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|e| {
            e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        let hidden = length.get_untracked() > limit.get_untracked();
        if seen && hidden {
            limit.update(|l| *l += WINDOW);
        }
    });
    // Owned by JS from here on, so it lives as long as the observer needs it.
    let callback: js_sys::Function = callback.into_js_value().unchecked_into();
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(&format!("{NEAR_PX}px"));
    if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(&callback, &options) {
        observer.observe(el);
        on_cleanup(move || observer.disconnect());
    }
}
