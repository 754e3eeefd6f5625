//! The app mounted in headless Chromium: what it renders and what it keeps in localStorage.
//! Run with `cargo test --target wasm32-unknown-unknown --test web_app` (chromedriver on PATH).
#![cfg(target_arch = "wasm32")]

use dealboard::app::storage::{BACKUP_KEY, BOARD_KEY, LANG_KEY};
use dealboard::app::App;
use dealboard::io::snapshot::restore;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container and storage holding only `stored` (English interface).
fn fresh(stored: Option<&str>) -> HtmlElement {
    LocalStorage::clear();
    LocalStorage::raw().set_item(LANG_KEY, "en").unwrap();
    if let Some(text) = stored {
        LocalStorage::raw().set_item(BOARD_KEY, text).unwrap();
    }
    let div = document()
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn stored(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn first_run_shows_the_sample_pipeline_and_writes_nothing_yet() {
    let root = fresh(None);
    let app = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(count(&root, "section.stage[data-stage-id]"), 7);
    assert_eq!(count(&root, "[data-deal-id]"), 24);
    assert_eq!(text(&root, "[data-stage-id=lead] h2"), "Lead");
    assert_eq!(
        text(
            &root,
            "[data-stage-id=negotiation] [data-testid=stage-count]"
        ),
        "3"
    );
    assert_eq!(
        text(
            &root,
            "[data-stage-id=negotiation] [data-testid=stage-total]"
        ),
        "$178,000"
    );
    assert_eq!(
        text(
            &root,
            "[data-stage-id=negotiation] [data-testid=stage-weighted]"
        ),
        "$142,400"
    );
    assert_eq!(count(&root, "[role=status][aria-live=polite]"), 1);
    let card = root
        .query_selector("[data-deal-id=sample-01]")
        .unwrap()
        .unwrap();
    assert_eq!(card.get_attribute("tabindex").as_deref(), Some("0"));
    assert!(card
        .get_attribute("aria-label")
        .unwrap()
        .contains("Acme renewal"));
    assert_eq!(
        stored(BOARD_KEY),
        None,
        "nothing is written before a change"
    );
    drop(app);
}

#[wasm_bindgen_test]
async fn a_change_is_saved_after_the_debounce() {
    let root = fresh(None);
    let app = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    let button = root
        .query_selector("[aria-label='Actions for Globex pilot']")
        .unwrap()
        .unwrap();
    button.unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    // Named "Move to Won" (shown as "Won" under the menu's "Move to" heading).
    let to_won = root
        .query_selector("[role=menuitem][aria-label='Move to Won']")
        .unwrap()
        .expect("a Move to Won item");
    to_won.unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(
        text(&root, "[data-stage-id=won] [data-testid=stage-count]"),
        "4"
    );
    assert!(text(&root, "[role=status]").contains("Globex pilot"));
    assert_eq!(stored(BOARD_KEY), None, "debounced, not written at once");
    sleep(450).await;
    let saved = restore(&stored(BOARD_KEY).expect("saved after the debounce"))
        .unwrap()
        .board;
    let globex = saved
        .deals
        .iter()
        .find(|d| d.title == "Globex pilot")
        .unwrap();
    assert_eq!(globex.stage.0, "won");
    drop(app);
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_backed_up_and_never_overwritten() {
    let garbage =
        "{\"format\":\"dealboard\",\"version\":1,\"board\":{\"stages\":[],\"deals\":7}} trailing";
    let root = fresh(Some(garbage));
    let app = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(count(&root, "[role=alert].banner"), 1);
    assert_eq!(stored(BACKUP_KEY).as_deref(), Some(garbage));
    assert_eq!(
        stored(BOARD_KEY).as_deref(),
        Some(garbage),
        "untouched until the user changes something"
    );
    assert_eq!(count(&root, "[data-deal-id]"), 0);
    assert_eq!(count(&root, "section.stage"), 7);
    drop(app);
    // A second unreadable load keeps the first backup and uses the next key.
    let root = fresh(Some("second garbage"));
    LocalStorage::raw()
        .set_item(BACKUP_KEY, "first backup")
        .unwrap();
    let app = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(stored(BACKUP_KEY).as_deref(), Some("first backup"));
    assert_eq!(
        stored(&format!("{BACKUP_KEY}.2")).as_deref(),
        Some("second garbage")
    );
    drop(app);
}

#[wasm_bindgen_test]
async fn the_language_follows_the_stored_choice() {
    let root = fresh(None);
    LocalStorage::raw().set_item(LANG_KEY, "zh-CN").unwrap();
    let app = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;
    assert_eq!(text(&root, "[data-stage-id=lead] h2"), "潜在客户");
    assert_eq!(text(&root, "[data-stage-id=lost] h2"), "丢单");
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("zh-CN")
    );
    drop(app);
}

/// The app lowers text with JavaScript's `toLowerCase` where Rust would need its case tables
/// (`domain::lowercase`, set by `App`): in this browser it must be Rust's mapping, for every
/// character of the Basic Multilingual Plane and the cased ones beyond, and with the final
/// sigma's context.
#[wasm_bindgen_test]
fn javascript_lowers_text_as_rust_does() {
    let js = |text: &str| -> String { js_sys::JsString::from(text).to_lower_case().into() };
    let mut differ = Vec::new();
    for c in (0..0x2_0000u32).filter_map(char::from_u32) {
        let text = c.to_string();
        if js(&text) != text.to_lowercase() {
            differ.push(format!("U+{:04X}", c as u32));
        }
    }
    assert!(
        differ.is_empty(),
        "JavaScript lowers differently: {differ:?}"
    );
    for text in [
        "ΟΔΟΣ Σ ΑΣ.",
        "İstanbul",
        "STRASSE ẞ",
        "José ÖLWERK 销售 ＡＢＣ",
    ] {
        assert_eq!(js(text), text.to_lowercase(), "{text}");
    }
}

/// Deferred work runs through `requestIdleCallback` once the page is idle, and also where the
/// browser has none (Safari), through a timer instead.
#[wasm_bindgen_test]
async fn idle_work_runs_with_and_without_request_idle_callback() {
    use dealboard::app::tasks::when_idle;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;

    let window: JsValue = web_sys::window().unwrap().into();
    let name = JsValue::from_str("requestIdleCallback");
    // Window's operations are the global object's own properties (WebIDL [Global]).
    let real = js_sys::Reflect::get(&window, &name).unwrap();
    assert!(real.is_function(), "Chromium has requestIdleCallback");
    // A spy in its place that counts its calls and hands them on.
    js_sys::Reflect::set(&window, &"__realIdle".into(), &real).unwrap();
    let spy = js_sys::Function::new_with_args(
        "work, options",
        "window.__idleCalls = (window.__idleCalls || 0) + 1; \
         return window.__realIdle.call(window, work, options);",
    );
    js_sys::Reflect::set(&window, &name, &spy).unwrap();
    let mut outcomes = Vec::new();
    for without in [false, true] {
        if without {
            js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &name)
                .unwrap();
        }
        let ran = Rc::new(Cell::new(false));
        let flag = ran.clone();
        when_idle(move || flag.set(true));
        let at_once = ran.get();
        sleep(900).await; // the idle callback's timeout is 500 ms
        outcomes.push((without, at_once, ran.get()));
    }
    // Put the real one back before asserting, so that a failure leaves the page as it was.
    js_sys::Reflect::set(&window, &name, &real).unwrap();
    let calls = js_sys::Reflect::get(&window, &"__idleCalls".into()).unwrap();
    assert_eq!(
        calls.as_f64(),
        Some(1.0),
        "requestIdleCallback used where it exists"
    );
    for (without, at_once, ran) in outcomes {
        assert!(
            !at_once,
            "not at once (without requestIdleCallback: {without})"
        );
        assert!(ran, "ran (without requestIdleCallback: {without})");
    }
}
