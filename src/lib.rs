//! Repères: the frameworks of five articles on marketing, digital transformation and AI.
//!
//! - `content`: the text, generated from `content/` at compile time;
//! - `store`: progress and settings (versioned, validated, share codec);
//! - `route`: screens and URLs; `state`: app-wide state (`Ctx`, `tr`); `app`: the layout on top;
//! - `views`: one file per screen, each a lazily loaded unit (`lazy`);
//! - `components`: timeline, checklist, chart, header, notices, presenter;
//! - `platform`: everything that touches the browser (nothing of it runs natively).

pub mod app;
pub mod components;
pub mod content;
pub mod i18n;
pub mod lazy;
pub mod platform;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
pub mod state;
pub mod store;
pub mod views;

/// Starts the app in the browser: reads the address and saved progress, builds the live app off
/// the page in three tasks (the shell's frame, its header, then the screen once its code is in),
/// and puts it in place of the prerendered page in a fourth. Each step stays short, so the page
/// keeps answering input, and nothing flashes: the prerendered page stays on screen until the live
/// one replaces it at once.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use app::App;
    use leptos::prelude::*;
    use platform::dom;
    use platform::storage::{self, Backend};
    use state::{Boot, Ctx, Notice, Stage};
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let url = platform::url::start();
    let (backend, stored) = match storage::read(store::KEY) {
        Ok(raw) => (storage::probe(), raw),
        Err(()) => (Backend::Memory, None),
    };
    let route = url.route.unwrap_or(route::Route::Home);
    let first = views::screen_key(route);
    wasm_bindgen_futures::spawn_local(async move {
        let document = web_sys::window().unwrap().document().unwrap();
        // The prerendered page stays, readable, and says that the interactive part could not
        // load; its links load their pages anew, which tries again.
        let failed = || dom::show_load_failed();
        // The first screen's code, asked for now (the boot script has already, except at an LMS
        // package's `?view=` address) and awaited after the shell is built (a second call waits
        // for the same load).
        wasm_bindgen_futures::spawn_local(async move {
            let _ = views::load(first).await;
        });
        // 0. The saved progress, if any, read in its chunk (the boot script has asked for it).
        // Nothing stored (a first visit): nothing to read. If the chunk cannot come, nothing is
        // written either: the stored progress stays as it is for the next visit.
        let loaded = match &stored {
            None => store::Loaded::default(),
            Some(raw) => match storage::read_progress(raw.clone()).await {
                Ok(loaded) => loaded,
                Err(_) => return failed(),
            },
        };
        // Stored text in an older format, or partly invalid: rewritten now, once read, unless
        // another tab saved meanwhile (the reader's chunk may have taken a moment). Later writes
        // are the learner's changes only; a write of the unchanged state later on could overwrite
        // what another tab saved in between.
        if let Some(raw) = &stored {
            let today = store::save(&loaded.progress);
            if *raw != today && storage::read(store::KEY).ok().flatten().as_ref() == Some(raw) {
                storage::write(store::KEY, &today);
            }
        }
        let mut notices = vec![];
        if backend == Backend::Memory {
            notices.push(Notice::NoStorage);
        }
        if let Some(backup) = &loaded.backup {
            storage::write(store::BACKUP_KEY, backup);
        }
        if !loaded.resets.is_empty() {
            notices.push(Notice::Reset(loaded.resets.clone()));
        }
        if let Some(code) = url.share {
            notices.push(Notice::Shared(code));
            platform::url::clear_hash();
        }
        let stage = RwSignal::new(Stage::Shell);
        let boot = Boot {
            route,
            lang: RwSignal::new(url.lang.or(loaded.progress.lang).unwrap_or_default()),
            embed: url.embed,
            query_mode: url.query_mode,
            url_lang: url.lang.is_some(),
            progress: loaded.progress,
            notices,
            backend,
            stage,
        };
        let lang = boot.lang.get_untracked();
        // 1. The shell's text: pack 0, which the page carries in French (see `prerender.rs`).
        if platform::text::load(lang, content::tables::INTERFACE)
            .await
            .is_err()
        {
            return failed();
        }
        // 2. The shell, in an element outside the page, while the first screen's code may still be
        // coming: on a slow network the main module arrives before the screen's chunks, and the
        // shell is then built in that wait, not after it. In two tasks: the frame (notices,
        // footer, the screen's slot), then the header with the app's effects on the browser
        // (`app::add_header`). Most of each task's time is the browser compiling the code it runs
        // for the first time (Chrome compiles a wasm function when it is first called); built in
        // one, the shell was a task of 100 to 160 ms at CPU 4x.
        let holder = document.create_element("div").unwrap();
        let ctx = Ctx::new(boot);
        leptos::mount::mount_to(
            holder.clone().unchecked_into(),
            move || view! { <App ctx/> },
        )
        .forget();
        dom::mark("reperes-frame");
        dom::next_task().await;
        if let Some(root) = holder.first_element_child() {
            app::add_header(ctx, &root);
        }
        dom::mark("reperes-shell");
        dom::next_task().await;
        // 3. The first screen's text (its other packs) and code, side by side (the boot script
        // asked for them when the page started), then the screen.
        if !views::fetch(ctx, first, lang).await {
            return failed();
        }
        stage.set(Stage::Built);
        dom::mark("reperes-built");
        dom::next_task().await;
        // 4. In place of the prerendered page, in one replacement: the scroll position stays on
        // the same content, the control that had focus (a learner may have tabbed) keeps it, and
        // what was checked or typed there is replayed on the live controls.
        let Some(live) = holder.first_element_child() else {
            return;
        };
        let prerendered = document.get_element_by_id("app");
        let focused = prerendered.as_ref().and_then(dom::focused);
        let pending = prerendered
            .as_ref()
            .map(dom::pending_input)
            .unwrap_or_default();
        match prerendered {
            Some(old) => _ = old.replace_with_with_node_1(&live),
            None => _ = document.body().unwrap().append_child(&live),
        }
        if let Some(f) = focused {
            dom::restore_focus(f);
        }
        stage.set(Stage::Live);
        dom::replay_input(pending);
        dom::mark("reperes-live");
        // For tests and embedders: the live app is in place.
        dom::set_html_attr("data-ready", "1");
        // Then the rest, from the late chunk (`platform::late_start`): what starts once the app is
        // live, then the other screens' text and code in idle moments (`views::prefetch`).
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn start() {
    eprintln!(
        "Repères runs in the browser: see the README for the command that builds and serves it."
    );
}
