//! When deferred work runs: after the next paint, in the next task, or when the page is idle.
//! Large boards make some work long (an import's undo step, measuring its size), and where it
//! runs decides whether the user waits for it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A promise for the first task after the next frame, so that work started there does not
/// hold up painting what was just rendered (a task queued at once may run before the frame).
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A promise for the next turn of the event loop, so the page can paint and take input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` once the page is idle: after any input, messages and timers already waiting
/// (`requestIdleCallback`, at most 500 ms later), or in the next task where the browser has
/// no idle callbacks (Safari). For work the user does not wait for, such as an import's undo
/// step: anything that needs it sooner works it out itself (`AppState::settle_history`).
pub fn when_idle(work: impl FnOnce() + 'static) {
    let window = window();
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(500);
    // Where there is no requestIdleCallback, calling it fails (web-sys catches the TypeError).
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}
