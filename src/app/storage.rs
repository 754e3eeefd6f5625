//! localStorage, through gloo-storage: one key holds the board's envelope; text that cannot
//! be read is moved to a backup key that is never overwritten.

use crate::app::js_error::js_error_text;
use crate::domain::board::Board;
use crate::io::snapshot::{restore, RestoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The key that holds the board.
pub const BOARD_KEY: &str = "dealboard.board";
/// The first backup key; later backups get `.2`, `.3` … so none is ever overwritten.
pub const BACKUP_KEY: &str = "dealboard.backup";
/// The chosen interface language.
pub const LANG_KEY: &str = "dealboard.lang";

/// What start-up found in storage.
pub enum Loaded {
    Board(Board),
    /// Nothing stored yet: a first run.
    Missing,
    /// Stored text that could not be restored; it now also sits under `backup_key`.
    Unreadable {
        error: RestoreError,
        backup_key: Option<String>,
    },
    /// The browser refuses storage (privacy mode, blocked site data).
    Unavailable,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// `QuotaExceededError`: storage is full.
    Quota,
    Unavailable,
    Other(String),
}

/// True when localStorage can be used. gloo panics when it cannot, so ask first.
pub fn available() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    matches!(window.local_storage(), Ok(Some(_)))
}

/// Reads the board through the same restore path that file import uses.
pub fn load() -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    let raw = match LocalStorage::raw().get_item(BOARD_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Missing,
        Err(_) => return Loaded::Unavailable,
    };
    match restore(&raw) {
        Ok(restored) => Loaded::Board(restored.board),
        Err(error) => Loaded::Unreadable {
            error,
            backup_key: keep_backup(&raw),
        },
    }
}

/// Copies unreadable text to a free backup key; `None` when even that failed.
fn keep_backup(raw: &str) -> Option<String> {
    let storage = LocalStorage::raw();
    let free = (1..1000)
        .map(|n| {
            if n == 1 {
                BACKUP_KEY.to_string()
            } else {
                format!("{BACKUP_KEY}.{n}")
            }
        })
        .find(|key| matches!(storage.get_item(key), Ok(None)))?;
    storage.set_item(&free, raw).ok()?;
    Some(free)
}

/// The text under a backup key, to offer for download.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes the board's envelope.
pub fn save(text: &str) -> Result<(), SaveError> {
    write(BOARD_KEY, text)
}

/// Writes one key, telling a full storage apart from other failures.
pub fn write(key: &str, text: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(key, text).map_err(|err| {
        let name = err
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            SaveError::Quota
        } else {
            SaveError::Other(js_error_text(&err))
        }
    })
}

/// UTF-16 code units that every key but the board's takes (keys and values), as the quota
/// counts them; read as JavaScript string lengths so no text is copied.
pub fn units_besides_board() -> usize {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return 0;
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key != BOARD_KEY)
        .map(|key| {
            let value = js_sys::Reflect::get(&storage, &key.as_str().into())
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                .map_or(0, |v| v.length() as usize);
            crate::io::capacity::units(&key) + value
        })
        .sum()
}
