//! The smallest Leptos 0.8 app: one paragraph, no state. Built like Dealboard (same profile,
//! standard library, wasm-bindgen, wasm-opt and glue minifier) to show what the framework
//! alone costs of the transfer-size budget (docs/size.md, "the framework's floor").
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"Dealboard"</p> });
}
