//! The deal dialog's "Stage history": each stage the deal entered, on which day and for how
//! many days (`domain::stays`), the stage it is in now marked. Read-only, so written as HTML
//! text like the scorecard (`components/html.rs`, docs/size.md).

use crate::app::components::html::{escaped, tag};
use crate::app::state::{display_stage_name, AppState};
use crate::domain::board::DealId;
use crate::domain::date::iso_date;
use crate::domain::stays::stays;
use crate::i18n::Key;
use leptos::prelude::*;

/// The list for deal `id`; it follows the board (a move made in another tab shows).
pub fn deal_path(state: AppState, id: DealId) -> AnyView {
    let items = move || {
        let lang = state.lang.get();
        let today = state.today.get();
        state.board.with(|board| {
            let mut html = String::new();
            let Some(deal) = board.deal(&id) else {
                return html;
            };
            for stay in stays(deal, today) {
                let name = match board.stage(&stay.stage) {
                    Some(stage) => display_stage_name(stage, lang),
                    None => lang.text(Key::RemovedStage).to_string(),
                };
                let day = iso_date(stay.entered);
                let since = match stay.current {
                    true => lang.fill(Key::StaySince, &[&day]),
                    false => day,
                };
                html.push_str(match stay.current {
                    true => "<li aria-current=\"step\">",
                    false => "<li>",
                });
                tag(&mut html, "strong", "strong", &name);
                html.push(' ');
                escaped(&mut html, &format!("{since} · {}", lang.days(stay.days)));
                html.push_str("</li>");
            }
            html
        })
    };
    view! {
        <section class="deal-path" data-testid="deal-path" aria-labelledby="deal-path-title">
            <h3 id="deal-path-title">{state.tr(Key::DealPath)}</h3>
            <ol inner_html=items></ol>
        </section>
    }
    .into_any()
}
