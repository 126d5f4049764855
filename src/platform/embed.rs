//! Embed protocol, version 1 (documented in the README): inside a frame, the app tells its parent
//! its content height on every change (ResizeObserver, at most one message per animation frame)
//! and its progress; the parent may ask for a language. Messages from the parent are checked for
//! shape, and for origin when `?parent=<origin>` is given; anything else is ignored.

/// A message from the parent we understand.
#[derive(Debug, PartialEq)]
pub enum ParentMessage {
    SetLang(crate::i18n::Lang),
}

/// `{source: "reperes-host", version: 1, type: "set-lang", lang: "en"}`, as JSON text.
pub fn parse_parent_message(json: &str) -> Option<ParentMessage> {
    let v = crate::store::json::Json::parse(json)?;
    if v.get("source")?.as_str()? != "reperes-host" || v.get("version")?.as_u64()? != 1 {
        return None;
    }
    match v.get("type")?.as_str()? {
        "set-lang" => {
            crate::i18n::Lang::parse(v.get("lang")?.as_str()?).map(ParentMessage::SetLang)
        }
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use crate::state::Ctx;
    use leptos::prelude::*;
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{prelude::*, JsCast};

    fn parent() -> Option<web_sys::Window> {
        let w = web_sys::window()?;
        let p = w.parent().ok().flatten()?;
        (p != w).then_some(p)
    }

    /// The parent's origin from `?parent=`, else "*" (the messages carry no personal data beyond
    /// counts; set `?parent=` to restrict them).
    fn target_origin() -> String {
        // As the page was opened: moving in the app may have changed the address since.
        web_sys::UrlSearchParams::new_with_str(&crate::platform::url::first_search())
            .ok()
            .and_then(|p| p.get("parent"))
            .unwrap_or_else(|| "*".into())
    }

    fn post(fields: &[(&str, JsValue)]) {
        let Some(p) = parent() else { return };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"source".into(), &"reperes".into());
        let _ = js_sys::Reflect::set(&msg, &"version".into(), &1.into());
        for (k, v) in fields {
            let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
        }
        let _ = p.post_message(&msg, &target_origin());
    }

    pub fn start(ctx: Ctx) {
        if parent().is_none() {
            return;
        }
        // The boot script's own height messages, sent since the first paint, stop: this takes
        // over (see `EARLY_HEIGHT` in `prerender.rs`).
        let (global, key) = (js_sys::global(), JsValue::from("__reperesHeight"));
        if let Ok(observer) = js_sys::Reflect::get(&global, &key)
            .and_then(|o| o.dyn_into::<web_sys::ResizeObserver>())
        {
            observer.disconnect();
            let _ = js_sys::Reflect::delete_property(&global, &key);
        }
        // Height: observe the app root, send at most once per frame.
        let pending = Rc::new(Cell::new(false));
        let send_height = {
            let pending = pending.clone();
            move || {
                if pending.replace(true) {
                    return;
                }
                let pending = pending.clone();
                request_animation_frame(move || {
                    pending.set(false);
                    let doc = web_sys::window().unwrap().document().unwrap();
                    if let Some(app) = doc.get_element_by_id("app") {
                        let h = app.get_bounding_client_rect().height().ceil();
                        post(&[("type", "height".into()), ("height", h.into())]);
                    }
                });
            }
        };
        let cb = Closure::<dyn Fn()>::new(send_height.clone());
        if let (Ok(observer), Some(app)) = (
            web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()),
            web_sys::window()
                .unwrap()
                .document()
                .unwrap()
                .get_element_by_id("app"),
        ) {
            observer.observe(&app);
            std::mem::forget(observer);
        }
        cb.forget();
        send_height();
        on_progress(&ctx);

        // Messages from the parent.
        let allowed = target_origin();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if allowed != "*" && ev.origin() != allowed {
                    return;
                }
                let Ok(json) = js_sys::JSON::stringify(&ev.data()) else {
                    return;
                };
                if let Some(ParentMessage::SetLang(l)) =
                    json.as_string().as_deref().and_then(parse_parent_message)
                {
                    ctx.show_lang(l, |_| {});
                }
            });
        let _ = web_sys::window()
            .unwrap()
            .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }

    pub fn on_progress(ctx: &Ctx) {
        if parent().is_none() {
            return;
        }
        let (visited, rated, (right, total), done) = ctx.progress.with_untracked(|p| {
            (
                p.visited_count(),
                p.rated_count(),
                p.quiz_score(),
                p.all_screens_visited(),
            )
        });
        post(&[
            ("type", "progress".into()),
            ("visited", (visited as u32).into()),
            (
                "total",
                (crate::route::framework_routes().count() as u32).into(),
            ),
            ("ratedItems", (rated as u32).into()),
            ("quizRight", (right as u32).into()),
            ("quizTotal", (total as u32).into()),
            ("completed", done.into()),
        ]);
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn parent_messages_are_checked() {
        let ok = r#"{"source":"reperes-host","version":1,"type":"set-lang","lang":"en"}"#;
        assert_eq!(
            parse_parent_message(ok),
            Some(ParentMessage::SetLang(Lang::En))
        );
        for bad in [
            r#"{"source":"other","version":1,"type":"set-lang","lang":"en"}"#,
            r#"{"source":"reperes-host","version":2,"type":"set-lang","lang":"en"}"#,
            r#"{"source":"reperes-host","version":1,"type":"set-lang","lang":"de"}"#,
            r#"{"source":"reperes-host","version":1,"type":"drop-tables"}"#,
            r#""just a string""#,
            "not json",
            "null",
        ] {
            assert_eq!(parse_parent_message(bad), None, "{bad}");
        }
    }
}
