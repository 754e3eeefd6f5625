//! The one keyed list that every list of the app goes through.
//!
//! Leptos's `<For>` is compiled anew for each use: its keyed diff is generic over the list's
//! closures, items and key, so six lists carried six copies of it. Here every list hands over
//! rows of one type, and `<For>` is compiled once (docs/size.md has the figure).

use leptos::prelude::*;
use std::hash::{Hash, Hasher};

/// Which row this is, and which version of it. A row whose key is unchanged keeps its DOM when
/// the list changes; a new key builds the row again.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RowKey {
    /// Unique within the list (a deal's, stage's or target's id, or a position).
    id: String,
    /// Changes when the row must be built again although its id did not.
    version: u128,
}

impl RowKey {
    /// A row that is built once for its id (it follows changes through its own signals).
    pub fn id(id: impl Into<String>) -> RowKey {
        RowKey::versioned(id, 0)
    }

    /// A row that is built again whenever `version` changes (a card: its revision, update
    /// time and the render epoch, packed without loss).
    pub fn versioned(id: impl Into<String>, version: u128) -> RowKey {
        RowKey {
            id: id.into(),
            version,
        }
    }

    /// A row that is built again whenever `content` changes, for short lists whose rows have
    /// no number that says so (a stage being edited, a banner). The version is a 64-bit hash
    /// of the content: two contents of the same row would have to collide for a change to be
    /// missed. (Not rustc-hash's Fx: its state is a `usize`, 32 bits in the wasm.)
    pub fn hashed(id: impl Into<String>, content: &impl Hash) -> RowKey {
        RowKey::versioned(id, u128::from(hash64(content)))
    }
}

/// A 64-bit hash of `content` (FNV-1a), the same on every target.
pub fn hash64(content: &impl Hash) -> u64 {
    let mut hasher = Fnv64(0xcbf2_9ce4_8422_2325);
    content.hash(&mut hasher);
    hasher.finish()
}

/// FNV-1a, 64 bits on every target.
struct Fnv64(u64);

impl Hasher for Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// One row: its key, and how to build its view (called only when the key is new).
pub struct Row {
    key: RowKey,
    build: Box<dyn FnOnce() -> AnyView + Send>,
}

impl Row {
    pub fn new<V: IntoView + 'static>(
        key: RowKey,
        build: impl FnOnce() -> V + Send + 'static,
    ) -> Row {
        Row {
            key,
            build: Box::new(move || build().into_any()),
        }
    }
}

/// A keyed list of `rows`, read again whenever the signals they read change.
pub fn keyed_rows(rows: impl Fn() -> Vec<Row> + Send + 'static) -> AnyView {
    rows_view(Box::new(rows))
}

/// Not generic, so that `<For>` and its diff exist once in the wasm.
fn rows_view(rows: Box<dyn Fn() -> Vec<Row> + Send>) -> AnyView {
    view! { <For each=move || rows() key=|row: &Row| row.key.clone() children=|row: Row| (row.build)()/> }
        .into_any()
}
