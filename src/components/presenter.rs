//! Presenter mode for trainers: one framework at a time in large type, full screen where allowed.
//! Arrow keys, Page Up/Down and a clicker move (the up and down arrows first scroll a slide too
//! tall for the window); Escape or the browser's Back leaves. Keys are read only by the
//! presenter's own element, and only while it is open.

use crate::components::debrief;
use crate::content::{ui, FRAMEWORKS};
use crate::lazy::{lazy_unit, ready, ChunkError};
use crate::platform;
use crate::state::{tr, use_ctx, Ctx, Notice};
use leptos::prelude::*;

// Its own chunk: most visits never present, and its slides (the debrief's figures too) are code
// the first screen would otherwise wait for.
lazy_unit!(presenter, load_presenter, view_presenter() => view! { <Presenter/> });

/// Fetches presenter mode's code (once: later calls return at once).
pub async fn load() -> Result<(), ChunkError> {
    load_presenter().await
}

/// Presenter mode, once `load` has succeeded (`None` before). The app mounts it on the first
/// opening and keeps it: closing is its own work.
pub fn view() -> Option<AnyView> {
    ready(view_presenter()).and_then(Result::ok)
}

/// Opens presenter mode once its code and every framework's text in the language shown are there
/// (its slides show them all; the idle fetch after start-up has usually brought both already). If
/// either cannot be fetched, a notice says so.
pub fn open(ctx: Ctx) {
    // Full screen first, in the click's own task: browsers grant it only to a user's gesture,
    // and the code and text may take a moment to come (Firefox refused it after them).
    #[cfg(target_arch = "wasm32")]
    platform::dom::request_fullscreen();
    let l = ctx.lang.get_untracked();
    // Both return at once when they are there already.
    leptos::task::spawn_local(async move {
        match futures::future::join(load(), platform::text::load(l, crate::content::tables::ALL))
            .await
        {
            (Ok(()), Ok(())) => {
                ctx.dismiss(&Notice::PresentFailed);
                ctx.presenting.set(true);
            }
            _ => {
                #[cfg(target_arch = "wasm32")]
                platform::dom::exit_fullscreen();
                ctx.notify(Notice::PresentFailed);
            }
        }
    });
}

#[component]
pub fn Presenter() -> impl IntoView {
    let ctx = use_ctx();
    let slide = RwSignal::new(0usize);
    // Opened on the debrief screen with figures shown: the slides are the group's figures.
    let deck = StoredValue::new(None::<std::sync::Arc<crate::store::debrief::Debrief>>);
    let n = move || {
        deck.with_value(|d| {
            if d.is_some() {
                debrief::slide_count()
            } else {
                FRAMEWORKS.len()
            }
        })
    };
    let root = NodeRef::<leptos::html::Div>::new();
    // Where focus was when it opened (its button): it returns there.
    #[cfg(target_arch = "wasm32")]
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // While it is open, everything but the presenter (and the announcements) is inert: focus and
    // screen readers stay in its dialog. Set here, after noting where focus was (an inert
    // ancestor takes focus away), and lifted before focus goes back.
    #[cfg(target_arch = "wasm32")]
    let inert = |on: bool| crate::platform::dom::set_inert_outside(on, ".presenter, [role=status]");
    // Opening adds a history entry, so that the browser's Back (a phone's back gesture) leaves
    // presenter mode and not the screen under it: `close` takes that entry back, and the app's
    // `popstate` handler ends presenter mode.
    #[cfg(target_arch = "wasm32")]
    let pushed = StoredValue::new(false);
    let close = move || {
        #[cfg(target_arch = "wasm32")]
        if pushed.get_value() {
            // Once: a second close before the `popstate` (Escape read by the page and also
            // leaving full screen) must not go back a second entry, off the screen.
            pushed.set_value(false);
            return crate::platform::url::back();
        }
        ctx.presenting.set(false);
    };
    // Firefox and Safari leave full screen on Escape without passing the key to the page: leaving
    // full screen, by that key or any other way, leaves presenter mode too, except the exit this
    // presenter asked for when it closed: leaving full screen is asynchronous, and that exit can
    // arrive after a quick reopening (seen under load: the reopened presenter shut itself).
    #[cfg(target_arch = "wasm32")]
    let asked_exit = StoredValue::new(false);
    #[cfg(target_arch = "wasm32")]
    crate::platform::dom::on_fullscreen_change(move |now| {
        if now {
            // Entered: any exit asked for before is behind us.
            asked_exit.set_value(false);
            return;
        }
        if asked_exit.get_value() {
            asked_exit.set_value(false);
        } else if ctx.presenting.get_untracked() {
            close();
        }
    });
    // A new screen while presenting (Forward, or Back twice) ends presenter mode too, so the new
    // screen is not left under the slides with the rest of the app inert.
    crate::state::effect(move |prev: Option<crate::route::Route>| {
        let route = ctx.route.get();
        if prev.is_some_and(|p| p != route) && ctx.presenting.get_untracked() {
            ctx.presenting.set(false);
        }
        route
    });
    // Each slide is scaled down until it fits the screen (long lists on a 720-pixel projector),
    // and shown from its top.
    #[cfg(target_arch = "wasm32")]
    crate::state::effect(move |_| {
        slide.track();
        if ctx.presenting.get() {
            request_animation_frame(move || {
                if let Some(el) = root.get_untracked() {
                    crate::platform::dom::fit_slide(&el);
                }
            });
        }
    });
    // Opening: start at the current screen's framework, go full screen, take focus. Closing, by
    // whatever means: give the page back, and focus where it was, or to the heading of a new
    // screen.
    let opened_on = StoredValue::new(ctx.route.get_untracked());
    crate::state::effect(move |was_open: Option<bool>| {
        let open = ctx.presenting.get();
        if open && was_open != Some(true) {
            opened_on.set_value(ctx.route.get_untracked());
            #[cfg(target_arch = "wasm32")]
            {
                before.set_value(crate::platform::dom::active_element());
                inert(true);
                pushed.set_value(crate::platform::url::push_same());
            }
            deck.set_value(
                (ctx.route.get_untracked() == crate::route::Route::Debrief)
                    .then(debrief::shown)
                    .flatten(),
            );
            let here = ctx.route.get_untracked().framework_id();
            slide.set(
                FRAMEWORKS
                    .iter()
                    .position(|f| Some(f.id) == here)
                    .unwrap_or(0),
            );
            #[cfg(target_arch = "wasm32")]
            {
                // Full screen was asked for by `open`, in the click's own task.
                request_animation_frame(move || {
                    if let Some(el) = root.get_untracked() {
                        let _ = el.focus();
                    }
                });
            }
        }
        #[cfg(target_arch = "wasm32")]
        if !open && was_open == Some(true) {
            pushed.set_value(false);
            asked_exit.set_value(crate::platform::dom::exit_fullscreen());
            inert(false);
            let same_screen = opened_on.get_value() == ctx.route.get_untracked();
            match before.get_value() {
                Some(el) if el.is_connected() && same_screen => {
                    request_animation_frame(move || _ = el.focus())
                }
                _ => request_animation_frame(crate::platform::dom::focus_main_heading),
            }
        }
        open
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        // Space and Enter on a button press that button.
        #[cfg(target_arch = "wasm32")]
        if key == " " && crate::platform::dom::target_is_button(&ev) {
            return;
        }
        // A slide too tall for the window (high zoom, small screen) scrolls with the up and down
        // arrows until its end, then they move on like the other keys.
        #[cfg(target_arch = "wasm32")]
        if let ("ArrowDown" | "ArrowUp", Some(el)) = (key.as_str(), root.get_untracked()) {
            if crate::platform::dom::scroll_slide(&el, key == "ArrowDown") {
                ev.prevent_default();
                return;
            }
        }
        match key.as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => {
                slide.update(|s| *s = (*s + 1).min(n() - 1))
            }
            "ArrowLeft" | "ArrowUp" | "PageUp" => slide.update(|s| *s = s.saturating_sub(1)),
            "Home" => slide.set(0),
            "End" => slide.set(n() - 1),
            "Escape" => close(),
            "Tab" => {
                #[cfg(target_arch = "wasm32")]
                {
                    if let Some(el) = root.get_untracked() {
                        crate::platform::dom::wrap_tab(&el, &ev);
                    }
                }
                return;
            }
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <Show when=move || ctx.presenting.get()>
            <div
                class="presenter"
                role="dialog"
                aria-modal="true"
                aria-label=tr(ui::PRESENT)
                tabindex="-1"
                node_ref=root
                on:keydown=on_key
            >
                {move || {
                    if let Some(d) = deck.get_value() {
                        let i = slide.get().min(n() - 1);
                        return view! {
                            <div class="slide debrief-slide" aria-live="polite">
                                <p class="slide-count">{format!("{} / {}", i + 1, n())}</p>
                                <debrief::DebriefSlide d slide=i/>
                            </div>
                        }
                        .into_any();
                    }
                    let f = &FRAMEWORKS[slide.get().min(FRAMEWORKS.len() - 1)];
                    view! {
                        <div class="slide" aria-live="polite">
                            <p class="slide-count">{format!("{} / {}", slide.get() + 1, n())}</p>
                            <h2>{tr(f.title)}</h2>
                            <p class="slide-lead">{tr(f.lead)}</p>
                            <ul>
                                {f.items.iter().map(|i| view! { <li>{tr(i.name)}</li> }).collect_view()}
                                {(f.id == "phases")
                                    .then(|| {
                                        crate::content::PHASES
                                            .iter()
                                            .map(|p| view! { <li><strong>{p.name}</strong>" — "{tr(p.expansion)}</li> })
                                            .collect_view()
                                    })}
                            </ul>
                        </div>
                    }
                    .into_any()
                }}
                <div class="presenter-bar">
                    <button type="button" on:click=move |_| slide.update(|s| *s = s.saturating_sub(1))>{tr(ui::PREV)}</button>
                    <button type="button" on:click=move |_| slide.update(|s| *s = (*s + 1).min(n() - 1))>{tr(ui::NEXT)}</button>
                    <button type="button" on:click=move |_| close()>{tr(ui::PRESENT_EXIT)}</button>
                    <p class="hint">{tr(ui::PRESENT_HINT)}</p>
                </div>
            </div>
        </Show>
    }
}
