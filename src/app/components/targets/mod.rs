//! The Targets view: targets set for a period and scope, decomposed into a tree, each with
//! attainment, forecast and pace (SEED-NOTES §3 and §6).

mod badge;
mod form;
mod row;
mod scorecard;
mod split;

use crate::app::components::rows::{keyed_rows, Row, RowKey};
use crate::app::components::shown::shown;
use crate::app::state::{use_app, AppState};
use crate::domain::money::format_amount;
use crate::domain::targets::{Measure, Target, TargetStatus};
use crate::i18n::{Key, Lang};
pub use badge::TargetBadges;
use form::NewTargetForm;
use leptos::prelude::*;
use row::TargetRow;
use scorecard::Scorecard;

/// A target's amount in its unit: money, or a count of deals.
pub fn format_measure(target: &Target, value: i64) -> String {
    match target.measure {
        Measure::WonCount => value.to_string(),
        Measure::WonValue | Measure::GrossMargin => format_amount(value, &target.currency),
    }
}

/// The label of a status.
pub fn status_key(status: TargetStatus) -> Key {
    match status {
        TargetStatus::NotStarted => Key::StatusNotStarted,
        TargetStatus::Ahead => Key::StatusAhead,
        TargetStatus::OnTrack => Key::StatusOnTrack,
        TargetStatus::Behind => Key::StatusBehind,
    }
}

/// The label of a measure.
pub fn measure_key(measure: Measure) -> Key {
    match measure {
        Measure::WonValue => Key::MeasureWonValue,
        Measure::WonCount => Key::MeasureWonCount,
        Measure::GrossMargin => Key::MeasureGrossMargin,
    }
}

/// How a target is named to the user ("2026-Q3 · Team · Won value"): in its row, in the
/// announcement and undo toast when it is deleted.
pub fn target_label(target: &Target, lang: Lang) -> String {
    let scope = if target.scope.is_team() {
        lang.text(Key::Team).to_string()
    } else {
        target.scope.label()
    };
    format!(
        "{} · {} · {}",
        target.period.label(),
        scope,
        lang.text(measure_key(target.measure))
    )
}

/// The whole Targets view.
#[component]
pub fn TargetsView() -> impl IntoView {
    let state = use_app();
    let roots = Memo::new(move |_| {
        state.board.with(|b| {
            b.target_roots()
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <main class="targets-view" aria-labelledby="targets-title">
            <h2 id="targets-title">{state.tr(Key::Targets)}</h2>
            <NewTargetForm/>
            {threshold_setting(state)}
            {team_setting(state)}
            {shown(move || roots.with(|r| r.is_empty()), move || view! { <p class="targets-empty">{state.tr(Key::NoTargets)}</p> }.into_any())}
            <ul class="target-tree" role="tree">
                {keyed_rows(move || roots.get().into_iter().map(|id| Row::new(RowKey::id(id.0.clone()), move || view! { <TargetRow id depth=0/> }.into_any())).collect())}
            </ul>
            <Scorecard/>
        </main>
    }
}

/// Where "behind" starts, as a share of pace.
fn threshold_setting(state: AppState) -> AnyView {
    use crate::domain::command::Command;
    // Written into the input only when the threshold itself changes: another tab's save of the
    // board must not overwrite what is being typed. A `usize`, not the setting's `u8`: a memo
    // of a type no other memo has brings its own copy of the memo code (+268 B).
    let threshold = Memo::new(move |_| {
        state
            .board
            .with(|b| usize::from(b.settings.behind_threshold))
    });
    view! {
        <label class="threshold">
            <span>{state.tr(Key::BehindThreshold)}</span>
            <input
                type="number"
                min="0"
                max="100"
                prop:value=move || threshold.get().to_string()
                on:change:target=move |ev| {
                    let input = ev.target();
                    let saved = input.value().trim().parse::<u8>().is_ok_and(|p| state.dispatch(Command::SetBehindThreshold(p)).is_ok());
                    if !saved {
                        refused(state, &input, &threshold.get_untracked().to_string(), Key::ErrThreshold);
                    }
                }
            />
        </label>
    }
    .into_any()
}

/// The team list, one rep per line: set when the text area loses focus (one undoable change).
fn team_setting(state: AppState) -> AnyView {
    use crate::domain::command::Command;
    // Only a change of the list itself writes the text area again: another change of the board
    // (another tab's) must not overwrite what is being typed.
    let team = Memo::new(move |_| state.board.with(|b| b.settings.team.clone()));
    let text = move || team.get().join("\n");
    let set = move |typed: String| {
        let reps = typed.lines().map(str::to_string).collect();
        let _ = state.dispatch(Command::SetTeam(reps));
    };
    view! {
        <label class="team-list">
            <span>{state.tr(Key::TeamList)}</span>
            <textarea data-testid="team-list" rows="3" prop:value=text on:change:target=move |ev| set(ev.target().value())></textarea>
        </label>
    }
    .into_any()
}

/// A target's amount as the user would type it.
pub fn form_amount(target: &Target, value: i64) -> String {
    match target.measure {
        Measure::WonCount => value.to_string(),
        _ => crate::domain::money::amount_input_text(value, &target.currency),
    }
}

/// Reads an amount typed for `target`: a count, or money in its currency.
pub fn parse_measure(target: &Target, text: &str) -> Option<i64> {
    match target.measure {
        Measure::WonCount => text.trim().parse().ok().filter(|n: &i64| *n >= 0),
        _ => crate::domain::money::parse_amount(text, &target.currency).ok(),
    }
}

/// A typed amount was refused: the input shows what the target really has again, and the
/// reason is announced and shown beside the input.
pub(super) fn refused(
    state: AppState,
    input: &web_sys::HtmlInputElement,
    shown: &str,
    reason: Key,
) {
    let text = state.lang.get_untracked().text(reason);
    input.set_value(shown);
    state.announcement.set(text.to_string());
    input.set_custom_validity(text);
    input.report_validity();
    input.set_custom_validity("");
}
