//! Service worker bridge: registers `sw.js` (generated at build time with the precache list) and
//! shows a notice when a new version is waiting; it switches only when the learner accepts, then
//! reloads that tab once so old and new files never run together. Other open tabs are left alone.

#[cfg(target_arch = "wasm32")]
mod web {
    use crate::state::{Ctx, Notice};
    use wasm_bindgen::{prelude::*, JsCast};
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

    /// The container, where the browser has one (not in old browsers, some private modes, or
    /// `file://`); `None` means: run online as a plain page, quietly.
    fn container() -> Option<ServiceWorkerContainer> {
        let nav = web_sys::window()?.navigator();
        if !js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
            return None;
        }
        Some(nav.service_worker())
    }

    pub fn register(ctx: Ctx) {
        let Some(sw) = container() else { return };
        let had_controller = sw.controller().is_some();
        spawn_local(async move {
            // A refusal (blocked context, bad certificate…) is not an error for the learner.
            let Ok(reg) = JsFuture::from(sw.register("sw.js")).await else {
                return;
            };
            let reg: ServiceWorkerRegistration = reg.unchecked_into();
            if !had_controller {
                return; // first visit: the worker installs and takes over quietly
            }
            if reg.waiting().is_some() {
                ctx.notify(Notice::Update);
            }
            let found_reg = reg.clone();
            let on_found = Closure::<dyn Fn()>::new(move || {
                let Some(worker) = found_reg.installing() else {
                    return;
                };
                let w = worker.clone();
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if w.state() == ServiceWorkerState::Installed {
                        ctx.notify(Notice::Update);
                    }
                });
                worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            });
            reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
            on_found.forget();
            // Offline, or the host unreachable, the check fails: quietly (the promise's rejection,
            // left unhandled, was a page error in Chromium and WebKit).
            if let Ok(check) = reg.update() {
                let _ = JsFuture::from(check).await;
            }
        });
    }

    /// True when a new version is installed and waiting for the learner's yes.
    pub async fn update_waiting() -> bool {
        let Some(sw) = container() else { return false };
        match JsFuture::from(sw.get_registration()).await {
            Ok(reg) => reg
                .dyn_into::<ServiceWorkerRegistration>()
                .is_ok_and(|r| r.waiting().is_some()),
            Err(_) => false,
        }
    }

    /// The learner accepted the new version: let the waiting worker take over.
    pub fn accept_update() {
        let Some(sw) = container() else { return };
        spawn_local(async move {
            let Ok(reg) = JsFuture::from(sw.get_registration()).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            let reload = || {
                let _ = web_sys::window().unwrap().location().reload();
            };
            let Some(waiting) = reg.waiting() else {
                // Another tab accepted it first: the new version is already in charge.
                return reload();
            };
            // Only this tab reloads when the new worker takes over; other open tabs keep running
            // the version they loaded (all its code is in memory) until the learner reloads them,
            // so nothing typed there is lost.
            let on_change = Closure::once_into_js(reload);
            let _ =
                sw.add_event_listener_with_callback("controllerchange", on_change.unchecked_ref());
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"skip-waiting".into());
            let _ = waiting.post_message(&msg);
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(not(target_arch = "wasm32"))]
pub fn accept_update() {}

/// Loads the page again (natively: nothing).
pub fn reload() {
    #[cfg(target_arch = "wasm32")]
    let _ = web_sys::window().unwrap().location().reload();
}
