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
/// starts when it is made; they are read in turn). A pack already coming, for another caller,
/// is not asked for twice (`__reperesText`).
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang, packs: Packs) -> Result<(), TextError> {
    use crate::content::tables;
    use wasm_bindgen_futures::JsFuture;
    let fail = |e: wasm_bindgen::JsValue| TextError(format!("{e:?}"));
    let missing = tables::missing(lang, packs);
    // Relative to the document's base: the app root wherever it lives.
    let asked: Vec<_> = (0..tables::TEXT_PACKS)
        .filter(|p| missing & (1 << p) != 0)
        .map(|p| (p, text(tables::file(lang, p))))
        .collect();
    for (pack, body) in asked {
        let body = JsFuture::from(body.map_err(fail)?)
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
    /// The boot script's reader of a text pack (`EARLY_FETCH` in `prerender.rs`): a promise of
    /// its body, from the response the boot script asked for as soon as the page painted, the
    /// request already coming for another caller, or a new one. It rejects on an HTTP error.
    #[wasm_bindgen(js_namespace = globalThis, js_name = __reperesText, catch)]
    fn text(file: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// Natively every pack is compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_lang: Lang, _packs: Packs) -> Result<(), TextError> {
    Ok(())
}
