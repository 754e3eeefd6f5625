//! The board's components, one or a small family per file.
//!
//! A rule for the wasm's size (docs/size.md, ninth session): a view that is an item of a list
//! (`.map(|x| view! {..}.into_any()).collect_view()`), an optional part
//! (`.then(|| view! {..}.into_any())`, `.map(..)`) or handed to `shown`/`Row::new` is made an
//! `AnyView`, a reactive part that gives an `Option` or a `Vec` of views gives `.into_any()` of
//! it, and a reactive text is a `String` or `&str`, never a number or an `Option`. Leptos
//! compiles its render code once per type that reaches it, so each different element type,
//! `Option<…>` or `Vec<…>` of one carried its own copy (~8 kB gzip in all).

mod agenda;
mod backdrop;
mod banners;
mod card;
mod closable;
mod column;
mod csv_dialog;
mod deal_dialog;
mod deal_menu;
mod deal_path;
mod deal_steps;
mod dialogs;
mod form_fields;
mod header;
mod help;
mod html;
mod import_dialog;
mod pipeline;
mod rows;
mod share;
mod shown;
mod stage_editor;
mod targets;
mod toast;

pub use banners::Banners;
pub use dialogs::Dialogs;
pub use header::BoardHeader;
pub use pipeline::Pipeline;
pub use share::{carries_files, drop_files};
pub use shown::shown_or;
pub use targets::{target_label, TargetsView};
pub use toast::UndoToast;
