//! Read-only parts of the page written as HTML text in one pass (the scorecard, the next
//! steps): much less wasm than the same view built element by element (docs/size.md). Every
//! text from the user goes through `escaped`.

/// `<open>text</close>`, the text escaped.
pub fn tag(html: &mut String, open: &str, close: &str, text: &str) {
    html.push('<');
    html.push_str(open);
    html.push('>');
    escaped(html, text);
    html.push_str("</");
    html.push_str(close);
    html.push('>');
}

/// `text` as HTML text: the five characters that could start markup or end an attribute are
/// written as entities.
pub fn escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            c => html.push(c),
        }
    }
}

/// `<li>` items of `texts`, each inside `<code>` when `code` (a file's problems, quoted).
pub fn list_items(texts: &[String], code: bool) -> String {
    let mut html = String::new();
    for text in texts {
        match code {
            true => tag(&mut html, "li><code", "code></li", text),
            false => tag(&mut html, "li", "li", text),
        }
    }
    html
}
