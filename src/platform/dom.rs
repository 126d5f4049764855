//! Small DOM effects: document title and language, theme, focus, scrolling, file download.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn document() -> web_sys::Document {
        web_sys::window().unwrap().document().unwrap()
    }

    pub fn set_title(title: &str) {
        document().set_title(title);
    }

    /// Resolves in a later task (a zero-delay timer), so that the browser can handle input and
    /// paint in between.
    pub async fn next_task() {
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
    }

    /// Resolves when the browser says it is back online, or after `ms` milliseconds if given,
    /// whichever comes first: the pace of a retry after a failed fetch. Leaves no listener or
    /// timer behind.
    pub async fn online_or(ms: Option<i32>) {
        let w = web_sys::window().unwrap();
        let mut done: Option<(js_sys::Function, Option<i32>)> = None;
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            let _ = w.add_event_listener_with_callback("online", &resolve);
            let timer = ms.and_then(|ms| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .ok()
            });
            done = Some((resolve, timer));
        });
        let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
        if let Some((resolve, timer)) = done {
            let _ = w.remove_event_listener_with_callback("online", &resolve);
            if let Some(t) = timer {
                w.clear_timeout_with_handle(t);
            }
        }
    }

    /// Resolves when the browser is idle (`requestIdleCallback`, within a second), or after a
    /// short timer where it has none (Safari): for work that can wait, after the app is live. The
    /// chunk loader's own wait (`__reperesIdle`, written by scripts/assemble.mjs, which walks the
    /// shared chunks with it): one definition for both. Without that loader, at once.
    pub async fn idle() {
        let _ = call_global("__reperesIdle").await;
    }

    /// Calls a function the loader put on `globalThis` and waits for its promise: `Ok(None)`
    /// when the build has no such function.
    async fn call_global(
        name: &str,
    ) -> Result<Option<wasm_bindgen::JsValue>, wasm_bindgen::JsValue> {
        use wasm_bindgen::JsCast;
        let w = web_sys::window().unwrap();
        let Some(f) = js_sys::Reflect::get(&w, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        else {
            return Ok(None);
        };
        let promise = js_sys::Promise::resolve(&f.call0(&w)?);
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map(Some)
    }

    /// Fetches every shared chunk of the screens' code, one per idle moment, through the loader's
    /// `__reperesWarmChunks` (written by scripts/assemble.mjs). False when one failed to load
    /// (offline, a dropped connection) or a new version is waiting (the walk stops); true when
    /// done, or when the build has no such loader.
    pub async fn warm_chunks() -> bool {
        match call_global("__reperesWarmChunks").await {
            Ok(None) => true,
            Ok(Some(done)) => done.as_bool() == Some(true),
            Err(_) => false,
        }
    }

    /// A User Timing mark (`reperes-frame`, `reperes-shell`, `reperes-built`, `reperes-live`), read
    /// by the benchmark.
    pub fn mark(name: &str) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    }

    pub fn set_html_attr(name: &str, value: &str) {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute(name, value);
        }
    }

    /// After a route change: scroll to the top and put focus on the new screen's heading, so
    /// keyboard and screen-reader users start reading there.
    pub fn focus_main_heading() {
        let w = web_sys::window().unwrap();
        w.scroll_to_with_x_and_y(0.0, 0.0);
        if let Ok(Some(h)) = document().query_selector("main h1") {
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.set_attribute("tabindex", "-1");
                let _ = h.focus();
            }
        }
    }

    /// The element that has focus, if it is not the page itself.
    pub fn active_element() -> Option<web_sys::HtmlElement> {
        let el = document().active_element()?;
        if el.tag_name() == "BODY" {
            return None;
        }
        el.dyn_into::<web_sys::HtmlElement>().ok()
    }

    /// Presenter mode: scales the `.slide` inside `root` down (in steps of 5 %, to 60 % at least,
    /// below which it scrolls) until it fits its box; every size in a slide is in `em`, so the
    /// whole slide scales.
    pub fn fit_slide(root: &web_sys::Element) {
        let Ok(Some(slide)) = root.query_selector(".slide") else {
            return;
        };
        let Ok(slide) = slide.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        slide.set_scroll_top(0);
        let style = slide.style();
        let mut percent = 100;
        let _ = style.remove_property("font-size");
        while slide.scroll_height() > slide.client_height() + 1 && percent > 60 {
            percent -= 5;
            let _ = style.set_property("font-size", &format!("{percent}%"));
        }
    }

    /// If the first element matching `selector` starts in the lower 40 % of the window or below
    /// it (on a phone, what was just opened under the timeline), scrolls until it starts at a
    /// third of the window's height: it is in view, and so is the end of what opened it (the
    /// timeline keeps its focus ring in view). The CSS turns smooth scrolling off for reduced
    /// motion.
    pub fn reveal(selector: &str) {
        let w = web_sys::window().unwrap();
        let Ok(Some(el)) = document().query_selector(selector) else {
            return;
        };
        let height = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let top = el.get_bounding_client_rect().top();
        if top > height * 0.6 {
            w.scroll_by_with_x_and_y(0.0, top - height / 3.0);
        }
    }

    /// Scrolls the presenter's slide by a line of text if it can still go that way; false when
    /// it fits or is already at that end.
    pub fn scroll_slide(root: &web_sys::Element, down: bool) -> bool {
        let Ok(Some(slide)) = root.query_selector(".slide") else {
            return false;
        };
        let (top, max) = (
            slide.scroll_top(),
            slide.scroll_height() - slide.client_height(),
        );
        let can = if down { top < max - 1 } else { top > 0 };
        if can {
            slide.scroll_by_with_x_and_y(0.0, if down { 40.0 } else { -40.0 });
        }
        can
    }

    /// The action a click or a key asks for on markup whose buttons name theirs (`data-act`, see
    /// `components::confirm`): for a click, its target's closest `[data-act]`; for Escape in a
    /// confirmation box, the box's "cancel" (the key's default then prevented).
    pub fn act(ev: &web_sys::Event) -> Option<String> {
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        if let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() {
            if key.key() != "Escape" {
                return None;
            }
            let in_box = target.closest(".confirm-box").ok()??;
            let cancel = in_box.query_selector("[data-act$='-cancel']").ok()??;
            ev.prevent_default();
            return cancel.get_attribute("data-act");
        }
        target
            .closest("[data-act]")
            .ok()??
            .get_attribute("data-act")
    }

    /// Whether a key event comes from a button (which Space and Enter press).
    pub fn target_is_button(ev: &web_sys::KeyboardEvent) -> bool {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.tag_name() == "BUTTON")
    }

    /// The document's `<meta name="description">`, following the screen and the language.
    pub fn set_description(text: &str) {
        if let Ok(Some(meta)) = document().query_selector(r#"meta[name="description"]"#) {
            _ = meta.set_attribute("content", text);
        }
    }

    /// A banner of plain text at the end of `holder`, saying that a message waits, for when the
    /// notices' own code or words cannot come (see `components::notices`); the caller removes it.
    pub fn notices_waiting(
        holder: &web_sys::Element,
        lang: crate::i18n::Lang,
    ) -> Option<web_sys::Element> {
        let text = crate::content::ui::NOTICES_WAITING.get(lang);
        let el = document().create_element("div").ok()?;
        el.set_class_name("notice");
        _ = el.set_attribute("role", "status");
        let p = document().create_element("p").ok()?;
        p.set_text_content(Some(text));
        _ = el.append_child(&p);
        _ = holder.append_child(&el);
        Some(el)
    }

    /// Shows the prerendered page's "could not load" message (see `prerender::page`).
    pub fn show_load_failed() {
        if let Some(el) = document().get_element_by_id("load-failed") {
            _ = el.remove_attribute("hidden");
        }
    }

    /// Scrolls the least needed to show an element (a timeline's active row moved by the keys).
    pub fn show_by_id(id: &str) {
        if let Some(el) = document().get_element_by_id(id) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }

    /// Sets (or removes) `inert` on every child of the app root that does not match `keep`.
    pub fn set_inert_outside(on: bool, keep: &str) {
        let Some(app) = document().get_element_by_id("app") else {
            return;
        };
        let children = app.children();
        for i in 0..children.length() {
            let Some(el) = children.item(i) else { continue };
            if on && !el.matches(keep).unwrap_or(false) {
                let _ = el.set_attribute("inert", "");
            } else {
                let _ = el.remove_attribute("inert");
            }
        }
    }

    /// Tab and Shift+Tab inside a dialog: from its last control back to the first, and the other
    /// way, instead of leaving for the browser's own controls.
    pub fn wrap_tab(root: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
        let Ok(list) = root.query_selector_all("button, a[href], input, [tabindex='0']") else {
            return;
        };
        let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1)))
        else {
            return;
        };
        let active: Option<web_sys::Node> = document().active_element().map(Into::into);
        let root_node: &web_sys::Node = root.as_ref();
        let at = |n: &web_sys::Node| active.as_ref() == Some(n);
        let target = if ev.shift_key() && (at(&first) || at(root_node)) {
            last
        } else if !ev.shift_key() && at(&last) {
            first
        } else {
            return;
        };
        if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
            ev.prevent_default();
            let _ = el.focus();
        }
    }

    /// Moves focus among the visible controls of the `container` around `from`: `step` 1 to the
    /// next, -1 to the previous (both wrap), `i32::MIN` to the first, `i32::MAX` to the last.
    pub fn move_focus(from: &web_sys::Element, container: &str, step: i32) {
        let Ok(Some(root)) = from.closest(container) else {
            return;
        };
        let Ok(list) = root.query_selector_all("summary, a[href], button") else {
            return;
        };
        let items: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|e| e.offset_parent().is_some() || e.tag_name() == "SUMMARY")
            .collect();
        if items.is_empty() {
            return;
        }
        let n = items.len() as i64;
        let active = document().active_element();
        let at = items
            .iter()
            .position(|e| active.as_ref() == Some(e.as_ref()))
            .map_or(-1, |i| i as i64);
        let to = match step {
            i32::MIN => 0,
            i32::MAX => n - 1,
            s => (at + s as i64).rem_euclid(n),
        };
        let _ = items[to as usize].focus();
    }

    /// Whether the prerendered page's menu is open (the learner opened it before the app was
    /// live). Read while the live shell is being built, before it takes the page's place.
    pub fn prerendered_menu_open() -> bool {
        document()
            .query_selector("#app .site-menu[open]")
            .is_ok_and(|m| m.is_some())
    }

    pub fn focus_by_id(id: &str) {
        if let Some(el) = document().get_element_by_id(id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Offers `text` as a file to save.
    pub fn download(name: &str, text: &str, mime: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Ok(a) = document().create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }

    const FOCUSABLE: &str = "a[href], button, input, textarea, select, [tabindex]";

    /// What the learner changed on the prerendered page before the live app took over: radio
    /// buttons checked and notes typed, by element id (the live app uses the same ids). Read
    /// before the swap, replayed after it through the live controls, so nothing is lost.
    pub fn pending_input(root: &web_sys::Element) -> Vec<(String, Option<String>)> {
        let mut out = vec![];
        let Ok(list) = root.query_selector_all("input[type=radio]:checked, textarea") else {
            return out;
        };
        for i in 0..list.length() {
            let Some(node) = list.item(i) else { continue };
            if let Some(t) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if t.default_value().is_ok_and(|d| d != t.value()) {
                    out.push((t.id(), Some(t.value())));
                }
            } else if let Some(r) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                if !r.default_checked() {
                    out.push((r.id(), None));
                }
            }
        }
        out.retain(|(id, _)| !id.is_empty());
        out
    }

    pub fn replay_input(pending: Vec<(String, Option<String>)>) {
        for (id, value) in pending {
            let Some(el) = document().get_element_by_id(&id) else {
                continue;
            };
            match value {
                Some(text) => {
                    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                        t.set_value(&text);
                        // As if typed: the note saves on input and says "saved" on change.
                        for kind in ["input", "change"] {
                            if let Ok(ev) = web_sys::Event::new(kind) {
                                let _ = t.dispatch_event(&ev);
                            }
                        }
                    }
                }
                None => {
                    if let Some(r) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                        if !r.checked() {
                            r.click();
                        }
                    }
                }
            }
        }
    }

    /// The focused control inside `root`, described so that the same control can be found in
    /// the live app: by id, else by link target (and which of the links to it), else by position
    /// among the focusable controls (the live app may show notices the prerendered page lacks, so
    /// position comes last).
    pub enum Focus {
        Id(String),
        Link(String, usize),
        Index(u32),
    }

    fn links_to(root: &web_sys::Element, href: &str) -> Vec<web_sys::Node> {
        let Ok(all) = root.query_selector_all("a[href]") else {
            return vec![];
        };
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter(|n| {
                n.dyn_ref::<web_sys::Element>()
                    .and_then(|e| e.get_attribute("href"))
                    .as_deref()
                    == Some(href)
            })
            .collect()
    }

    pub fn focused(root: &web_sys::Element) -> Option<Focus> {
        let active = document().active_element()?;
        if !root.contains(Some(&active)) {
            return None;
        }
        if !active.id().is_empty() {
            return Some(Focus::Id(active.id()));
        }
        if let Some(href) = active.get_attribute("href") {
            let nth = links_to(root, &href)
                .iter()
                .position(|n| n.is_same_node(Some(&active)))?;
            return Some(Focus::Link(href, nth));
        }
        let all = root.query_selector_all(FOCUSABLE).ok()?;
        let active: &web_sys::Node = &active;
        (0..all.length())
            .find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(active))))
            .map(Focus::Index)
    }

    /// Focuses that control in the live app, without scrolling.
    pub fn restore_focus(focus: Focus) {
        let Some(app) = document().get_element_by_id("app") else {
            return;
        };
        let node: Option<web_sys::Node> = match focus {
            Focus::Id(id) => document().get_element_by_id(&id).map(Into::into),
            Focus::Link(href, nth) => links_to(&app, &href).into_iter().nth(nth),
            Focus::Index(i) => app
                .query_selector_all(FOCUSABLE)
                .ok()
                .and_then(|l| l.item(i)),
        };
        if let Some(el) = node.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = el.focus_with_options(&opts);
        }
    }

    pub fn print() {
        let _ = web_sys::window().unwrap().print();
    }

    /// The current year, for the "today" marker.
    pub fn today() -> f32 {
        let d = js_sys::Date::new_0();
        d.get_full_year() as f32 + d.get_month() as f32 / 12.0
    }

    /// Asks for full screen. Browsers grant it only during a user's gesture; a refusal (or no
    /// full screen at all, as on iPhones) leaves the page as it is, and is not an error.
    pub fn request_fullscreen() {
        let Some(el) = document().document_element() else {
            return;
        };
        // Called through JS to get its promise (web-sys's binding returns nothing): a refusal
        // rejects it, which would otherwise be an unhandled rejection.
        let asked = js_sys::Reflect::get(&el, &"requestFullscreen".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&el).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(p) = asked {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }

    /// Calls `f` on each `kind` event at `on`, for the page's life.
    pub fn listen(on: &web_sys::EventTarget, kind: &str, f: impl Fn(web_sys::Event) + 'static) {
        let f = Closure::<dyn Fn(web_sys::Event)>::new(f);
        let _ = on.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
        f.forget();
    }

    /// Calls `f` each time the page enters (`true`) or leaves (`false`) full screen (installed
    /// once, for the page's life).
    pub fn on_fullscreen_change(f: impl Fn(bool) + 'static) {
        let cb = Closure::<dyn Fn()>::new(move || f(document().fullscreen_element().is_some()));
        let _ = document()
            .add_event_listener_with_callback("fullscreenchange", cb.as_ref().unchecked_ref());
        cb.forget();
    }

    /// Leaves full screen if the page is in it; says whether it was.
    pub fn exit_fullscreen() -> bool {
        let full = document().fullscreen_element().is_some();
        if full {
            document().exit_fullscreen();
        }
        full
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

/// Focuses an element once the view that holds it is in the page (natively: nothing).
pub fn focus_soon(_id: String) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(move || focus_by_id(&_id));
}

/// Natively (the prerender) no event comes.
#[cfg(not(target_arch = "wasm32"))]
pub fn act(_ev: &web_sys::Event) -> Option<String> {
    None
}

/// The prerender's "today": the build date's year.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> f32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    1970.0 + secs as f32 / 31_556_952.0
}

/// Reads the file chosen in an `<input type=file>` as text.
#[cfg(target_arch = "wasm32")]
pub fn read_chosen_file(ev: &web_sys::Event, done: impl FnOnce(Result<String, ()>) + 'static) {
    use wasm_bindgen::JsCast;
    let file = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| {
            let f = input.files().and_then(|l| l.get(0));
            input.set_value("");
            f
        });
    let Some(file) = file else {
        return done(Err(()));
    };
    if file.size() > crate::store::MAX_BYTES as f64 {
        return done(Err(()));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(text.ok().and_then(|t| t.as_string()).ok_or(()));
    });
}
