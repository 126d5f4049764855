//! Fetches a language's text table (see `content::tables`): before the app starts for the language
//! shown, and on the first switch to the other one. Served by the service worker once it has
//! precached them, so a switch works offline too.

use crate::i18n::Lang;

/// Why a table is not there: the request failed (offline with no copy, a dropped connection), or
/// what came back is not this build's table.
#[derive(Debug)]
pub struct TextError(#[allow(dead_code)] pub String);

#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang) -> Result<(), TextError> {
    use crate::content::tables;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if tables::has(lang) {
        return Ok(());
    }
    let fail = |e: wasm_bindgen::JsValue| TextError(format!("{e:?}"));
    let window = web_sys::window().ok_or_else(|| TextError("no window".into()))?;
    // Relative to the document's base: the app root wherever it lives.
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(tables::file(lang)))
        .await
        .map_err(fail)?
        .unchecked_into();
    if !response.ok() {
        return Err(TextError(format!("HTTP {}", response.status())));
    }
    let body = JsFuture::from(response.text().map_err(fail)?)
        .await
        .map_err(fail)?
        .as_string()
        .unwrap_or_default();
    tables::install(lang, body).map_err(TextError)
}

/// Natively both languages are compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_lang: Lang) -> Result<(), TextError> {
    Ok(())
}
