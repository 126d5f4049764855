//! The top of the app: the layout (header, notices, the screen, footer, presenter). Its state
//! lives in `state.rs`.

use crate::components::{header, link, notices::Notices, presenter};
use crate::content::ui;
use crate::route::Route;
use crate::state::{tr, Ctx, Notice, Stage};
use crate::views;
use leptos::prelude::*;

#[component]
pub fn App(ctx: Ctx) -> impl IntoView {
    provide_context(ctx);

    // Re-render the screen only when it changes, not when a selection within it does.
    let screen = Memo::new(move |_| views::screen_key(ctx.route.get()));
    let built = Memo::new(move |_| ctx.stage.get() != Stage::Shell);
    // Presenter mode is mounted when it first opens (its code is a chunk of its own), then stays.
    let presented = Memo::new(move |was: Option<&bool>| was == Some(&true) || ctx.presenting.get());
    // The screen whose code is loaded. The first one is loaded before the app is built (see
    // `lib.rs`); each later one when it is first shown, while the previous screen stays.
    let shown = RwSignal::new(screen.get_untracked());
    crate::state::effect(move |_| {
        let (to, _) = (screen.get(), ctx.attempt.get());
        if to == shown.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            // Its code, and its text in the language shown, side by side.
            if views::fetch(ctx, to, ctx.lang.get_untracked()).await {
                ctx.dismiss(&Notice::ScreenFailed);
                crate::platform::describe(ctx.route.get_untracked(), ctx.lang.get_untracked());
                if screen.get_untracked() == to {
                    shown.set(to);
                }
            } else {
                ctx.notify(Notice::ScreenFailed);
            }
        });
    });
    // The new screen's heading takes focus once that screen is drawn, so keyboard and
    // screen-reader users start reading there: not when the address changes, as the previous
    // screen stays until the new one's code and text are in, and drawing the new one takes the
    // old heading away. Not on first load, and not when only the phase selection changes (the
    // timeline keeps focus: one screen).
    #[cfg(target_arch = "wasm32")]
    crate::state::effect(move |prev: Option<Route>| {
        let now = shown.get();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(crate::platform::dom::focus_main_heading);
        }
        now
    });
    // Every in-app link: one listener for their clicks, one effect for the screen shown.
    let root = NodeRef::<leptos::html::Div>::new();
    link::mark_current(ctx, root);
    view! {
        <div id="app" class="app" class:embedded=ctx.embed node_ref=root on:click=move |ev| link::follow(ctx, ev)>
            <a class="skip-link" href="#main" on:click=skip_to_main>{tr(ui::SKIP_TO_CONTENT)}</a>
            // The prerender draws the header here; the browser adds it a task later (`add_header`).
            {(cfg!(not(target_arch = "wasm32")) && !ctx.embed).then(|| view! {
                <header class="site-header" inner_html=header::bar_html(ctx, false)></header>
            })}
            <Notices/>
            <main id="main" class="main">{move || built.get().then(|| views::screen(shown.get()))}</main>
            {(!ctx.embed).then(|| footer(ctx))}
            <div class="sr-only" role="status" aria-live="polite">{move || ctx.announce.get()}</div>
            {move || presented.get().then(presenter::view).flatten()}
        </div>
    }
}

/// The rest of the shell, a task after the frame (see `lib.rs`): the app's effects on the browser
/// (title, saving, the embedding page, back and forward), the links' warm-up (`warm`) and the
/// header (markup, see `components::header`), put in place after the skip link of `root` (the
/// app's element), under an owner of their own that lives as long as the app.
#[cfg(target_arch = "wasm32")]
pub fn add_header(ctx: Ctx, root: &web_sys::Element) {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(ctx);
        crate::platform::effects(ctx);
        for kind in ["pointerover", "focusin"] {
            crate::platform::dom::listen(root, kind, move |ev| warm(ctx, &ev));
        }
        if ctx.embed {
            return;
        }
        let Ok(el) = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("header")
        else {
            return;
        };
        el.set_class_name("site-header");
        // A menu the learner opened on the prerendered page stays open in the live app.
        el.set_inner_html(&header::bar_html(
            ctx,
            crate::platform::dom::prerendered_menu_open(),
        ));
        let skip = root.first_element_child();
        let after = skip.and_then(|s| s.next_sibling());
        let _ = root.insert_before(&el, after.as_ref());
        header::wire(ctx, el);
    });
    std::mem::forget(owner);
}

/// A link the learner points at (a mouse over it, a finger on it) or tabs to: its screen's code
/// and text start coming at once, the 100 to 300 ms before the click, instead of at the click.
/// The idle fetch after start-up brings them too, but in its own order and one idle moment at a
/// time: a learner who clicks before it is done waits less. Both loads happen once (a second call
/// waits for the first, or returns at once); a failure here is silent, and the click tries again
/// and says so. Not offline: nothing new can come (the offline copy answers the click itself).
#[cfg(target_arch = "wasm32")]
fn warm(ctx: Ctx, ev: &web_sys::Event) {
    let Some(to) = link::target(ev) else {
        return;
    };
    if !web_sys::window().is_some_and(|w| w.navigator().on_line()) {
        return;
    }
    let to = views::screen_key(to);
    if to == views::screen_key(ctx.route.get_untracked()) || LAST.replace(Some(to)) == Some(to) {
        return;
    }
    let lang = ctx.lang.get_untracked();
    leptos::task::spawn_local(async move {
        // Pointing at it again tries again.
        if !views::fetch(ctx, to, lang).await {
            LAST.set(None);
        }
    });
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The screen `warm` asked for last (the pointer moves over a link's parts in turn).
    static LAST: std::cell::Cell<Option<Route>> = const { std::cell::Cell::new(None) };
}

/// Skip link that works under a `<base href>`: move focus instead of following `#main`.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    #[cfg(target_arch = "wasm32")]
    crate::platform::dom::focus_main_heading();
}

/// The footer, as markup (see `components::markup`): it changes only as a whole, with the
/// language.
fn footer(ctx: Ctx) -> impl IntoView {
    let html = move || {
        let lang = ctx.lang.get();
        let mut o = String::from("<p>");
        crate::components::markup::esc(&mut o, ui::FOOTER_TEXT.get(lang));
        o.push_str("</p><p>");
        for (i, (to, name)) in [
            (Route::Sources, ui::NAV_SOURCES),
            (Route::About, ui::NAV_ABOUT),
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                o.push_str(" · ");
            }
            link::link_html(&mut o, ctx, "", to, name.get(lang));
        }
        o.push_str("</p>");
        o
    };
    view! { <footer class="site-footer" inner_html=html></footer> }
}
