//! Hands text to the user as a file download.

use crate::app::js_error::js_error_text;
use wasm_bindgen::JsCast;

/// Offers `text` as a file called `filename`.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    download_parts(filename, &FileParts::of(text), mime)
}

/// A file's bytes in pieces, copied out of the wasm's memory as they are made.
pub struct FileParts(js_sys::Array);

impl FileParts {
    pub fn new() -> FileParts {
        FileParts(js_sys::Array::new())
    }

    fn of(text: &str) -> FileParts {
        let mut parts = FileParts::new();
        parts.push(text);
        parts
    }

    /// Appends `text` (as UTF-8).
    pub fn push(&mut self, text: &str) {
        self.0.push(&js_sys::Uint8Array::from(text.as_bytes()));
    }
}

impl Default for FileParts {
    fn default() -> FileParts {
        FileParts::new()
    }
}

/// Offers `parts`, one after the other, as a file called `filename`.
pub fn download_parts(filename: &str, parts: &FileParts, mime: &str) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts.0, &options)
        .map_err(|e| js_error_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
