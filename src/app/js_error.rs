//! A JavaScript error as text, for the messages that pass one on.
//!
//! Not `format!("{err:?}")`: the release build compiles `Debug` to nothing
//! (`-Zfmt-debug=none`, scripts/wasm-release/config.toml), and JsValue's `Debug` added a stack
//! trace that a person reading the message does not need.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(value)`: "NotReadableError: …" for an error, the text of anything
    /// else. It cannot throw for the values the browser rejects with.
    #[wasm_bindgen(js_name = String)]
    fn string_of(value: &JsValue) -> String;
}

/// `error` as JavaScript writes it: its name and message.
pub fn js_error_text(error: &JsValue) -> String {
    string_of(error)
}
