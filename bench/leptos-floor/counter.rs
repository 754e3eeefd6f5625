//! A small Leptos 0.8 app that uses each framework part Dealboard's view is built from once:
//! signals, a memo, an effect, an event handler, a keyed list and a conditional view. Built like
//! Dealboard, it shows the framework's floor for an app that does anything (docs/size.md).
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(Counter);
}

#[component]
fn Counter() -> impl IntoView {
    let (deals, set_deals) = signal(Vec::<u32>::new());
    let total = Memo::new(move |_| deals.with(|d| d.iter().sum::<u32>()));
    Effect::new(move |_| {
        document().set_title(if total.get() > 10 {
            "Over ten"
        } else {
            "Dealboard"
        });
    });
    view! {
        <button on:click=move |_| set_deals.update(|d| d.push(d.len() as u32 + 1))>"Add deal"</button>
        <p>"Total: " {move || total.get()}</p>
        <Show when=move || { total.get() > 10 }>
            <p>"Over ten"</p>
        </Show>
        <ul>
            <For each=move || deals.get() key=|d| *d let(d)>
                <li>{d}</li>
            </For>
        </ul>
    }
}
