//! Fetches the text packs a screen shows (see `content::tables`), in one language: before the
//! app starts, for the first screen; before each later screen is drawn; on a switch to the other
//! language; and all of them in idle time once the app is live. Served by the service worker once
//! it has precached them, so every screen and both languages work offline too.

use crate::content::tables::Packs;
use crate::i18n::Lang;

/// Why a pack is not there: the request failed (offline with no copy, a dropped connection), or
/// what came back is not this build's pack.
#[derive(Debug)]
pub struct TextError(#[allow(dead_code)] pub String);

/// True when every pack of `packs` is there in `lang` (natively, always).
pub fn has(lang: Lang, packs: Packs) -> bool {
    #[cfg(target_arch = "wasm32")]
    return crate::content::tables::missing(lang, packs) == 0;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (lang, packs);
        true
    }
}

/// Fetches the packs of `packs` that are not there yet in `lang`, side by side (each request
/// starts when it is made; they are read in turn).
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang, packs: Packs) -> Result<(), TextError> {
    use crate::content::tables;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let fail = |e: wasm_bindgen::JsValue| TextError(format!("{e:?}"));
    let window = web_sys::window().ok_or_else(|| TextError("no window".into()))?;
    let missing = tables::missing(lang, packs);
    // Relative to the document's base: the app root wherever it lives.
    let asked: Vec<_> = (0..tables::TEXT_PACKS)
        .filter(|p| missing & (1 << p) != 0)
        .map(|p| {
            let file = tables::file(lang, p);
            (
                p,
                early_fetch(file).unwrap_or_else(|_| window.fetch_with_str(file)),
            )
        })
        .collect();
    for (pack, request) in asked {
        let response: web_sys::Response = JsFuture::from(request)
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
        tables::install(lang, pack, body).map_err(TextError)?;
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The boot script's fetch (`EARLY_FETCH` in `prerender.rs`): the response it asked for as
    /// soon as the page painted, if it did, else a new request. An error where there is no boot
    /// script (then `window.fetch`).
    #[wasm_bindgen(js_namespace = globalThis, js_name = __reperesFetch, catch)]
    fn early_fetch(file: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// Natively every pack is compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_lang: Lang, _packs: Packs) -> Result<(), TextError> {
    Ok(())
}
