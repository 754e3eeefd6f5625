//! The part of wasm-streams 0.5's interface that server_fn calls, for an app with no server
//! functions. A stream can never be made: both constructors stop the app with a message
//! (a JavaScript exception), so the other methods are never reached, which their types say
//! (`Unreachable` has no values). If Dealboard ever gains server functions, remove the
//! `[patch.crates-io]` entry in Cargo.toml and this folder.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;

/// No value of this type exists.
enum Unreachable {}

const NO_STREAMS: &str = "Dealboard has no server functions: wasm-streams is not built in";

/// wasm-streams' `ReadableStream`; it cannot be made.
pub struct ReadableStream(Unreachable);

impl ReadableStream {
    pub fn from_raw(_raw: web_sys::ReadableStream) -> Self {
        wasm_bindgen::throw_str(NO_STREAMS)
    }

    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str(NO_STREAMS)
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        match self.0 {}
    }

    pub fn into_stream(self) -> IntoStream<'static> {
        match self.0 {}
    }
}

/// wasm-streams' `IntoStream`; it cannot be made either.
pub struct IntoStream<'reader>(Unreachable, std::marker::PhantomData<&'reader ()>);

impl Stream for IntoStream<'_> {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        match self.0 {}
    }
}
