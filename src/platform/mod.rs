//! The browser's edges. Everything that touches `window`, storage, history or the service worker
//! lives here, behind functions that do nothing when compiled natively (tests and the prerender),
//! so views stay renderable outside the browser.

pub mod cmi5;
pub mod dom;
pub mod embed;
pub mod scorm;
pub mod storage;
pub mod sw;
pub mod text;
pub mod url;

use crate::state::Ctx;

/// The document's description (`<meta name="description">`) for a route, once the text packs it
/// comes from are in: a framework's lead is in its article's pack, which may still be coming
/// when the address changes (until then the previous description stays, never an empty one).
/// `app.rs` calls it again when a screen's text has come.
pub fn describe(route: crate::route::Route, lang: crate::i18n::Lang) {
    #[cfg(target_arch = "wasm32")]
    if text::has(lang, route.text_packs()) {
        dom::set_description(crate::state::description(route, lang));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (route, lang);
}

/// The app's side effects on the browser, started once by the root component. Natively (tests,
/// prerender) there is nothing to do.
#[cfg(not(target_arch = "wasm32"))]
pub fn effects(_ctx: Ctx) {}

#[cfg(target_arch = "wasm32")]
pub fn effects(ctx: Ctx) {
    use crate::store;
    use leptos::prelude::*;

    // Title, description and language of the document. The stage too: the first screen's text
    // is in once the app is built (see `describe`).
    crate::state::effect(move |_| {
        let (route, lang) = (ctx.route.get(), ctx.lang.get());
        ctx.stage.track();
        dom::set_title(&crate::state::title(route, lang));
        describe(route, lang);
        dom::set_html_attr("lang", lang.code());
    });
    crate::state::effect(move |_| {
        dom::set_html_attr("data-theme", ctx.progress.with(|p| p.theme.code()))
    });

    // A new screen: note the visit and the last screen (saved only when that changes anything).
    // Its heading takes focus once it is drawn (see `app.rs`).
    crate::state::effect(move |_| {
        let route = ctx.route.get();
        let mut p = ctx.progress.get_untracked();
        if p.arrive(route) {
            ctx.progress.set(p);
        }
    });

    // Save every change, not the state read at start (see `start`): writing that back later
    // could overwrite what another tab saved in between. Fall back to memory (and say so) when
    // the browser refuses.
    let last = StoredValue::new(ctx.progress.with_untracked(store::save));
    crate::state::effect(move |_| {
        let json = ctx.progress.with(store::save);
        if ctx.backend.get_untracked() == storage::Backend::Yielded
            || last.with_value(|l| *l == json)
        {
            return;
        }
        last.set_value(json.clone());
        // A write can fail mid-session (a full quota) and work again later: say both.
        let now = storage::write(store::KEY, &json);
        if now != ctx.backend.get_untracked() {
            ctx.backend.set(now);
            match now {
                storage::Backend::Local => ctx.dismiss(&crate::state::Notice::NoStorage),
                _ => ctx.notify(crate::state::Notice::NoStorage),
            }
        }
    });
    // Another tab changed the progress: take its version, read in the reader's chunk (asked for
    // by the late chunk, so normally in place by then). If that chunk cannot come, this tab stops
    // saving, so as not to overwrite the other tab's changes, and says so.
    storage::on_change(store::KEY, move |raw| {
        leptos::task::spawn_local(async move {
            let loaded = match raw {
                None => store::Loaded::default(),
                Some(raw) => match storage::read_progress(raw).await {
                    Ok(loaded) => loaded,
                    Err(_) => {
                        ctx.backend.set(storage::Backend::Yielded);
                        ctx.notify(crate::state::Notice::ChangedElsewhere);
                        return;
                    }
                },
            };
            // Another tab runs a newer version (it accepted an update): stop saving here.
            if loaded
                .resets
                .iter()
                .any(|r| matches!(r, store::Reset::UnknownVersion(v) if *v > store::VERSION))
            {
                ctx.backend.set(storage::Backend::Yielded);
                ctx.notify(crate::state::Notice::NewerElsewhere);
                return;
            }
            if loaded.resets.is_empty() && ctx.progress.with_untracked(|p| *p != loaded.progress) {
                // What is stored already: the effect above must not write it back. An echo would
                // be stale by the time it lands if the other tab has typed on, and would take the
                // other tab's last keystrokes away from it.
                last.set_value(store::save(&loaded.progress));
                ctx.progress.set(loaded.progress);
            }
        });
    });

    // Back and forward.
    let on_pop = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        ctx.route.set(url::current(ctx.query_mode));
        // Back from presenter mode takes back the entry it added (see the presenter).
        ctx.presenting.set(false);
    });
    let w = web_sys::window().unwrap();
    let _ = w.add_event_listener_with_callback(
        "popstate",
        wasm_bindgen::JsCast::unchecked_ref(on_pop.as_ref()),
    );
    on_pop.forget();

    // Once the live app is in the page (never again after that).
    crate::state::effect(move |started: Option<bool>| {
        if started == Some(true) || ctx.stage.get() != crate::state::Stage::Live {
            return started.unwrap_or(false);
        }
        // In a microtask, outside this effect, so that what they start is not owned by it. Not in
        // an animation frame: frames are paused in hidden tabs and off-screen frames, and the
        // embedding page's messages would wait.
        wasm_bindgen_futures::spawn_local(async move {
            // Its code is a chunk of its own. Fetched in the seconds after the page goes live on
            // a flaky connection, it may fail: tried again when the browser says it is back
            // online, and after 2, 4, 8, 16 and 32 seconds; after that only when back online.
            // From the second failure on, a notice says what waits; it goes once it started.
            let mut wait = Some(2000);
            let mut failed = 0;
            while late_start(ctx).await.is_err() {
                failed += 1;
                if failed == 2 {
                    ctx.notify(crate::state::Notice::LateWaiting);
                }
                dom::online_or(wait).await;
                wait = wait.map(|w| w * 2).filter(|w| *w <= 32_000);
            }
            if failed >= 2 {
                ctx.dismiss(&crate::state::Notice::LateWaiting);
            }
        });
        true
    });
}

/// What starts once the app is live: the service worker, the embedding page's messages, an LMS's
/// runtime, what they are told as progress changes, and the idle fetch of the other screens' text
/// and code (`views::prefetch`). A chunk of its own (`late`), fetched right after the page goes
/// live: none of it is needed to show the first screen or answer a click, so its code (about 7 KB
/// of raw wasm: cmi5's launch parsing, the embed bridge, the worker's registration; then about 2
/// KB more) left the main module.
#[cfg(target_arch = "wasm32")]
#[leptos::wasm_split::wasm_split(late, wasm_split_path = ::leptos::wasm_split, fallible)]
fn late_start(ctx: Ctx) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    sw::register(ctx);
    embed::start(ctx);
    // A cmi5 launch (its parameters in the address) talks to its LRS; otherwise a SCORM API, if
    // an LMS frame or opener has one.
    if cmi5::launched() {
        cmi5::start(ctx);
    } else {
        scorm::start(ctx);
    }
    // The embedding page hears of what it is told (counts, score), only when that changes: not
    // at every keystroke of a note.
    use leptos::prelude::*;
    let summary = Memo::new(move |_| {
        ctx.progress.with(|p| {
            (
                p.visited_count(),
                p.rated_count(),
                p.quiz_score(),
                p.all_screens_visited(),
                p.answers.len(),
            )
        })
    });
    crate::state::effect(move |_| {
        // Read, not only tracked: `track` subscribes to a memo without running it, so a memo
        // never read has no sources and never changes (this effect then ran once, at start).
        summary.with(|_| ());
        embed::on_progress(&ctx);
        // A cmi5 statement may be due (completed, passed, failed).
        cmi5::on_progress();
    });
    // The reader of stored progress, for another tab's changes and an import (see
    // `storage::read_progress`).
    leptos::task::spawn_local(async {
        let _ = storage::load_reader().await;
    });
    leptos::task::spawn_local(crate::views::prefetch(ctx.lang));
    Ok(())
}
