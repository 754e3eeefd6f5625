//! The deal dialog's next step and the steps done (SEED-NOTES §4 and §6): the step being
//! planned, "Mark done" to log it with the customer's rating, and the log, newest first.
//! Everything stays in the dialog until Save, so one edit (and one undo) holds it all.

use crate::app::components::form_fields::text_field;
use crate::app::state::AppState;
use crate::domain::board::{Activity, DealFields, NextStep, Rating, StepKind};
use crate::domain::date::{iso_date, parse_iso_date, Date};
use crate::i18n::Key;
use leptos::prelude::*;

/// What the dialog holds of a deal's steps while it is open.
#[derive(Clone, Copy)]
pub struct StepFields {
    /// An index into `StepKind::ALL`.
    kind: RwSignal<usize>,
    due: RwSignal<String>,
    note: RwSignal<String>,
    /// 0 for none, else 1 to 5 (a `usize` as `kind` is: one signal type less in the wasm).
    rating: RwSignal<usize>,
    done: RwSignal<Vec<Activity>>,
}

impl StepFields {
    /// The fields as `start` has them.
    pub fn new(start: &DealFields) -> StepFields {
        let step = start.next_step.as_ref();
        let kind = step.and_then(|s| StepKind::ALL.iter().position(|k| *k == s.kind));
        StepFields {
            kind: RwSignal::new(kind.unwrap_or(0)),
            due: RwSignal::new(step.map(|s| iso_date(s.due)).unwrap_or_default()),
            note: RwSignal::new(step.map(|s| s.note.clone()).unwrap_or_default()),
            rating: RwSignal::new(0),
            done: RwSignal::new(start.activities.clone()),
        }
    }

    fn kind(&self) -> StepKind {
        StepKind::ALL[self.kind.get_untracked().min(StepKind::ALL.len() - 1)]
    }

    /// The next step as typed: none when both its date and note are empty.
    pub fn next_step(&self) -> Result<Option<NextStep>, Key> {
        let due = self.due.get_untracked();
        let note = self.note.get_untracked().trim().to_string();
        match (due.trim(), note.is_empty()) {
            ("", true) => Ok(None),
            ("", false) => Err(Key::ErrStepDue),
            (due, _) => Ok(Some(NextStep {
                kind: self.kind(),
                due: parse_iso_date(due).ok_or(Key::ErrBadDate)?,
                note,
            })),
        }
    }

    /// The steps done, the dialog's additions and removals included.
    pub fn activities(&self) -> Vec<Activity> {
        self.done.get_untracked()
    }

    /// Logs the step as typed as done `today` (with no date or note it is still a step of its
    /// kind: "called today"), and clears the fields for the one after it.
    fn mark_done(&self, today: Date) {
        let step = NextStep {
            kind: self.kind(),
            due: today,
            note: self.note.get_untracked().trim().to_string(),
        };
        let rating = Rating::new(self.rating.get_untracked() as u8);
        self.done
            .update(|done| done.push(Activity::from_step(step, today, rating)));
        self.due.set(String::new());
        self.note.set(String::new());
        self.rating.set(0);
    }

    /// The fieldset: kind, due date, what to do, the customer's rating, "Mark done", and the
    /// log of steps done.
    pub fn view(self, state: AppState) -> AnyView {
        let kinds = StepKind::ALL.iter().enumerate().map(move |(i, k)| {
            let selected = i == self.kind.get_untracked();
            view! { <option value=i.to_string() selected=selected>{state.tr(step_key(*k))}</option> }.into_any()
        });
        let ratings = (0..=Rating::MAX).map(|n| {
            let label = if n == 0 {
                "–".to_string()
            } else {
                n.to_string()
            };
            view! { <option value=n.to_string()>{label}</option> }.into_any()
        });
        let kind = self.kind;
        let rating = self.rating;
        view! {
            <fieldset class="field-row next-step">
                <legend>{state.tr(Key::NextStep)}</legend>
                <label>
                    <span>{state.tr(Key::StepKindLabel)}</span>
                    <select data-testid="step-kind" on:change:target=move |ev| kind.set(ev.target().value().parse().unwrap_or(0))>
                        {kinds.collect_view()}
                    </select>
                </label>
                {text_field(state, Key::StepDue, self.due, "date")}
                {text_field(state, Key::StepNote, self.note, "text")}
                <label>
                    <span>{state.tr(Key::Satisfaction)}</span>
                    <select data-testid="step-rating" prop:value=move || rating.get().to_string()
                        on:change:target=move |ev| rating.set(ev.target().value().parse().unwrap_or(0))>
                        {ratings.collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="step-done" on:click=move |_| self.mark_done(state.today.get_untracked())>
                    {state.tr(Key::StepMarkDone)}
                </button>
                {move || self.done_list(state)}
            </fieldset>
        }
        .into_any()
    }

    /// The steps done, newest first, each with a button that takes a mistake out.
    fn done_list(self, state: AppState) -> AnyView {
        let done = self.done.get();
        if done.is_empty() {
            return ().into_any();
        }
        let items = done.into_iter().enumerate().rev().map(|(at, a)| {
            let mut text = step_line(state, a.kind, a.done, &a.note);
            if let Some(r) = a.rating {
                text.push_str(&format!(" · ★ {}/{}", r.get(), Rating::MAX));
            }
            // Named with its step, so that a screen reader tells the buttons apart.
            let label = state.fill(Key::Remove, &[&text]);
            let remove = move |_| {
                self.done.update(|d| {
                    d.remove(at);
                })
            };
            view! {
                <li>
                    <span>{format!("✓ {text}")}</span>
                    <button type="button" aria-label=label on:click=remove>"×"</button>
                </li>
            }
            .into_any()
        });
        view! {
            <div class="steps-done">
                <p>{state.tr(Key::StepsDone)}</p>
                <ul data-testid="deal-activities">{items.collect_view()}</ul>
            </div>
        }
        .into_any()
    }
}

/// "Call · 2026-12-03 · send the quote": a step in a line (the note left out when empty).
pub fn step_line(state: AppState, kind: StepKind, day: Date, note: &str) -> String {
    let mut text = state.fill(Key::StepOn, &[state.t(step_key(kind)), &iso_date(day)]);
    if !note.is_empty() {
        text.push_str(" · ");
        text.push_str(note);
    }
    text
}

/// The name of a kind of step.
pub fn step_key(kind: StepKind) -> Key {
    match kind {
        StepKind::Call => Key::StepCall,
        StepKind::Meeting => Key::StepMeeting,
        StepKind::Demo => Key::StepDemo,
        StepKind::FollowUp => Key::StepFollowUp,
        StepKind::Complaint => Key::StepComplaint,
    }
}
