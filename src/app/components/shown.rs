//! Parts of the page that are shown or not, all through one memoised switch.
//!
//! Leptos's `<Show>` is compiled anew for each use (it is generic over its `when` closure and
//! its children); eleven uses carried eleven copies. Here the closures are boxed and the
//! switch is compiled once (docs/size.md has the figure).

use leptos::prelude::*;

/// What `view` builds while `when` is true, and what `fallback` builds otherwise (Leptos's
/// `<Show>`, compiled once rather than once per use). `when` is memoised, so the view is built
/// again only when it flips.
pub fn shown_or<V, F>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
    fallback: impl Fn() -> F + Send + Sync + 'static,
) -> AnyView
where
    V: IntoView + 'static,
    F: IntoView + 'static,
{
    switch_view(
        Box::new(when),
        Box::new(move || view().into_any()),
        Some(Box::new(move || fallback().into_any())),
    )
}

/// What `view` builds while `when` is true, nothing otherwise.
pub fn shown<V: IntoView + 'static>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> AnyView {
    switch_view(Box::new(when), Box::new(move || view().into_any()), None)
}

type Builder = Box<dyn Fn() -> AnyView + Send + Sync>;

fn switch_view(
    when: Box<dyn Fn() -> bool + Send + Sync>,
    view: Builder,
    fallback: Option<Builder>,
) -> AnyView {
    let when = Memo::new(move |_| when());
    (move || {
        if when.get() {
            Some(view())
        } else {
            fallback.as_ref().map(|f| f())
        }
    })
    .into_any()
}
