//! localStorage, or memory where the browser refuses it (cross-site iframes, private modes, a full
//! quota). Every call is fallible and never throws into the app.

/// Where progress is kept right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Local,
    /// Storage is blocked or broken: progress lives in memory until the tab closes.
    Memory,
    /// A newer version of the app (another tab, updated) writes in a format this one cannot
    /// read, or another tab's change could not be read (the reader's chunk did not come): this
    /// tab stops saving, so as not to overwrite it.
    Yielded,
}

/// Stored progress, or a progress file chosen for import, read by `store::load`'s rules, in a chunk
/// of its own (`reader`): on a first visit nothing is stored, and the page goes live without the
/// JSON reader and the checks on every entry (about 7 KB of the main module's raw code). When
/// something is stored, the boot script asks for the chunk as the page starts (`data-stored`, see
/// `prerender.rs`); the late chunk asks for it too, for another tab's changes and an import.
#[leptos::wasm_split::wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_reader))]
pub fn read_progress(raw: String) -> Result<crate::store::Loaded, crate::lazy::ChunkError> {
    Ok(crate::store::load(Some(&raw)))
}

/// A kept debrief (`store::debrief::load`), read in the same chunk: the debrief's page goes live
/// without the JSON reader too.
#[leptos::wasm_split::wasm_split(reader, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_kept_reader))]
pub fn read_kept_debrief(raw: String) -> Result<Option<String>, crate::lazy::ChunkError> {
    Ok(crate::store::debrief::load(&raw))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::Backend;
    use wasm_bindgen::prelude::*;

    fn storage() -> Option<web_sys::Storage> {
        // Accessing `localStorage` itself throws a SecurityError where it is blocked.
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// Reads the key; `Err` when storage is unusable.
    pub fn read(key: &str) -> Result<Option<String>, ()> {
        storage().ok_or(())?.get_item(key).map_err(|_| ())
    }

    pub fn write(key: &str, value: &str) -> Backend {
        match storage().map(|s| s.set_item(key, value)) {
            Some(Ok(())) => Backend::Local,
            _ => Backend::Memory,
        }
    }

    /// Removes the key (a kept debrief the trainer deletes); nothing happens where storage is
    /// blocked.
    pub fn remove(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// Probes whether writes stick (Safari's old private mode accepted reads and refused writes).
    pub fn probe() -> Backend {
        let ok = storage().is_some_and(|s| {
            s.set_item("reperes.probe", "1").is_ok() && s.remove_item("reperes.probe").is_ok()
        });
        if ok {
            Backend::Local
        } else {
            Backend::Memory
        }
    }

    /// Calls `f` with the new value whenever another tab changes `key`.
    pub fn on_change(key: &'static str, f: impl Fn(Option<String>) + 'static) {
        let cb = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if ev.key().as_deref() == Some(key) {
                f(ev.new_value());
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("storage", cb.as_ref().unchecked_ref());
        }
        cb.forget();
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;
