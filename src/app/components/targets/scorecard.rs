//! The reps' scorecard and the stages' conversion for a period (SEED-NOTES §6), under the
//! targets: what a manager goes through with each rep. Read-only figures from the board.

use crate::app::components::html::{escaped, tag};
use crate::app::state::{display_stage_name, use_app, AppState};
use crate::domain::board::Board;
use crate::domain::date::Date;
use crate::domain::money::{format_amount, Totals};
use crate::domain::scorecard::{loss_reasons, row_target, scorecard, stage_conversion, RepScore};
use crate::domain::targets::target::Measure;
use crate::domain::targets::{Period, PeriodKind};
use crate::i18n::Key;
use leptos::prelude::*;

const COLUMNS: [Key; 11] = [
    Key::ScoreRep,
    Key::ScoreWon,
    Key::ScoreWonValue,
    Key::MeasureGrossMargin,
    Key::ScoreWinRate,
    Key::ScoreCycle,
    Key::ScoreRepeat,
    Key::ScoreSatisfaction,
    Key::ScoreActivities,
    Key::ScoreOpen,
    Key::ScoreOffTrack,
];

/// The scorecard section, for a period the manager types (this quarter at first).
#[component]
pub fn Scorecard() -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(Period::of(PeriodKind::Quarter, state.today.get_untracked()).label());
    // The tables are written as HTML text in one pass (escaped: names are the user's), not
    // built element by element: read-only figures, made again only while this page is shown,
    // when the board, the day, the period or the language changes. As text they cost about a
    // third of the wasm the same view built with `view!` did.
    let tables = move || {
        let today = state.today.get();
        match Period::parse(typed.get().trim()) {
            Some(period) => state.board.with(|b| tables_html(state, b, period, today)),
            None => {
                let mut html = String::from("<p class=\"form-error\" role=\"alert\">");
                escaped(&mut html, state.t(Key::ErrBadPeriod));
                html + "</p>"
            }
        }
    };
    view! {
        <section class="scorecard" aria-labelledby="scorecard-title">
            <h3 id="scorecard-title">{state.tr(Key::Scorecard)}</h3>
            <label class="threshold">
                <span>{state.tr(Key::Period)}</span>
                <input type="text" data-testid="scorecard-period" placeholder=state.tr(Key::PeriodHint)
                    prop:value=move || typed.get() on:input:target=move |ev| typed.set(ev.target().value())/>
            </label>
            <div class="scorecard-figures" inner_html=tables></div>
        </section>
    }
}

/// The reps' table and the conversion list for `period`, as HTML.
fn tables_html(state: AppState, board: &Board, period: Period, today: Date) -> String {
    let (reps, team) = scorecard(board, period, today);
    let currency = &board.settings.default_currency;
    let money = |t: &Totals| t.format(currency);
    let percent = |p: Option<usize>| p.map_or("–".to_string(), |p| format!("{p} %"));
    let mut html = String::from(
        "<div class=\"scorecard-scroll\"><table class=\"scorecard-table\" data-testid=\"scorecard\"><thead><tr>",
    );
    for key in COLUMNS {
        tag(&mut html, "th scope=\"col\"", "th", state.t(key));
    }
    html.push_str("</tr></thead><tbody>");
    let nobody = state.t(Key::ScoreNobody);
    let team_name = state.t(Key::Team);
    // Whose targets a row is held against: a rep's own, the team's, none for deals nobody owns.
    let rows = reps.iter().map(|r| match r.owner.is_empty() {
        true => (r, nobody, None, "<tr>"),
        false => (r, r.owner.as_str(), Some(Some(r.owner.as_str())), "<tr>"),
    });
    let team_row = (&team, team_name, Some(None), "<tr class=\"team\">");
    for (rep, name, whose, open) in rows.chain([team_row]) {
        let against = |measure, cell: String| match whose {
            Some(owner) => against_target(state, board, owner, measure, period, cell),
            None => cell,
        };
        // No cost on any win: no margin to show ("$0" would claim one).
        let margin = match rep.margin.is_empty() && rep.missing_cost > 0 {
            true => "–".to_string(),
            false => money(&rep.margin),
        };
        let margin = match rep.missing_cost {
            0 => margin,
            n => state.fill(Key::ScoreMarginMissing, &[&margin, &n.to_string()]),
        };
        let days = rep.cycle_days().map(|d| state.lang.get().days(d));
        html.push_str(open);
        tag(&mut html, "th scope=\"row\"", "th", name);
        for cell in [
            against(Measure::WonCount, rep.won.to_string()),
            against(Measure::WonValue, money(&rep.won_value)),
            against(Measure::GrossMargin, margin),
            percent(rep.win_rate()),
            days.unwrap_or_else(|| "–".to_string()),
            rep.repeat_customers.to_string(),
            satisfaction(rep),
            rep.activities.to_string(),
            format!("{} · {}", rep.open, money(&rep.open_value)),
            rep.off_track.to_string(),
        ] {
            tag(&mut html, "td", "td", &cell);
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    tag(&mut html, "h4", "h4", state.t(Key::ScoreConversion));
    html.push_str("<ul class=\"conversion\" data-testid=\"stage-conversion\">");
    for c in stage_conversion(board, period) {
        let Some(stage) = board.stage(&c.stage) else {
            continue;
        };
        let name = display_stage_name(stage, state.lang.get());
        let counts = [
            c.entered.to_string(),
            c.moved_on.to_string(),
            percent(c.percent()),
        ];
        let mut text = state.fill(
            Key::ScoreConversionLine,
            &[&name, &counts[0], &counts[1], &counts[2]],
        );
        if let Some(days) = c.days_to_move_on() {
            let days = state.lang.get().days(days);
            text.push_str(&state.fill(Key::ScoreConversionDays, &[&days]));
        }
        tag(&mut html, "li", "li", &text);
    }
    html.push_str("</ul>");
    tag(&mut html, "h4", "h4", state.t(Key::ScoreLossReasons));
    html.push_str("<ul class=\"conversion\" data-testid=\"loss-reasons\">");
    let reasons = loss_reasons(board, period);
    if reasons.is_empty() {
        tag(&mut html, "li", "li", state.t(Key::ScoreNoLosses));
    }
    for (reason, n) in reasons {
        let reason = match reason.is_empty() {
            true => state.t(Key::ScoreNoReason),
            false => &reason,
        };
        let line = state.fill(Key::ScoreReasonLine, &[reason, &n.to_string()]);
        tag(&mut html, "li", "li", &line);
    }
    html + "</ul>"
}

/// `cell` and, when the row has a target of `measure` for exactly `period`, its attainment:
/// "$15,000 · 75 % of $20,000". Where the target counts otherwise than the cell shows (a gross
/// margin target counts a win without a cost at its whole value; a money target only its own
/// currency), its own figure comes first: "$10,000 (1 without cost) · $15,000 = 75 % of $20,000".
fn against_target(
    state: AppState,
    board: &Board,
    owner: Option<&str>,
    measure: Measure,
    period: Period,
    cell: String,
) -> String {
    let Some((target, got, Some(percent))) = row_target(board, owner, measure, period) else {
        return cell;
    };
    let figure = |n: i64| match measure {
        Measure::WonCount => n.to_string(),
        _ => format_amount(n, &target.currency),
    };
    let got = figure(got);
    let mut share = format!("{percent} %");
    // The cell is the target's own figure, or that figure and a note ("$4,000 (1 without
    // cost)"); other currencies after it ("$3,000 + €2,000") are not counted, so it is named.
    let noted = cell.starts_with(&format!("{got} ")) && !cell.starts_with(&format!("{got} + "));
    if cell != got && !noted {
        share = format!("{got} = {share}");
    }
    state.fill(Key::ScoreOfTarget, &[&cell, &share, &figure(target.amount)])
}

/// The average rating with one decimal and how many rated ("4.3 (6)"); "–" with none.
fn satisfaction(rep: &RepScore) -> String {
    match rep.satisfaction_tenths() {
        Some(t) => format!("{}.{} ({})", t / 10, t % 10, rep.rated),
        None => "–".to_string(),
    }
}
