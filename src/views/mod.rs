//! One file per screen, each a lazily loaded unit: its code is its own wasm chunk, fetched when
//! the screen is first shown (`load`), then drawn (`screen`). A new screen gets one `lazy_unit!`
//! line (see `lazy.rs`) and an arm in `chunk`, `load` and `screen`.

pub mod about;
pub mod assessment;
pub mod chronology;
pub mod debrief;
pub mod framework;
pub mod home;
pub mod not_found;
pub mod phases;
pub mod progress;
pub mod quiz;
pub mod sources;

use crate::route::Route;
use leptos::prelude::*;

pub use crate::lazy::ChunkError;
use crate::lazy::{lazy_unit, ready};

lazy_unit!(home, load_home, view_home() => home::Home());
lazy_unit!(phases, load_phases, view_phases() => phases::Phases());
lazy_unit!(compare, load_compare, view_compare() => phases::Compare());
lazy_unit!(chronology, load_chronology, view_chronology() => chronology::Chronology());
lazy_unit!(framework, load_framework, view_framework(id: &'static str) => view! { <framework::FrameworkScreen id/> });
lazy_unit!(assessment, load_assessment, view_assessment() => assessment::Assessment());
lazy_unit!(quiz, load_quiz, view_quiz() => quiz::Quiz());
lazy_unit!(progress, load_progress, view_progress() => progress::ProgressScreen());
lazy_unit!(debrief, load_debrief, view_debrief() => debrief::DebriefScreen());
lazy_unit!(sources, load_sources, view_sources() => sources::Sources());
lazy_unit!(about, load_about, view_about() => about::About());
lazy_unit!(not_found, load_not_found, view_not_found() => not_found::NotFound());

/// The name of a route's chunk, as the build's manifest lists it (`split_<name>.wasm`).
pub fn chunk(route: Route) -> &'static str {
    match route {
        Route::Home => "home",
        Route::Phases(_) => "phases",
        Route::PhasesCompare => "compare",
        Route::Chronology => "chronology",
        Route::Framework(_) => "framework",
        Route::Assessment => "assessment",
        Route::Quiz => "quiz",
        Route::Progress => "progress",
        Route::Debrief => "debrief",
        Route::Sources => "sources",
        Route::About => "about",
        Route::NotFound => "not_found",
    }
}

/// Fetches the code of a route's screen (once: later calls return at once), and with it the
/// screens' style sheet where it draws with it and the page lacks it (`Route::screens_style`,
/// `STYLED` in scripts/assemble.mjs). A failure is not kept: the next call tries again.
pub async fn load(route: Route) -> Result<(), ChunkError> {
    match route {
        Route::Home => load_home().await,
        Route::Phases(_) => load_phases().await,
        Route::PhasesCompare => load_compare().await,
        Route::Chronology => load_chronology().await,
        Route::Framework(_) => load_framework().await,
        Route::Assessment => load_assessment().await,
        Route::Quiz => load_quiz().await,
        Route::Progress => load_progress().await,
        Route::Debrief => load_debrief().await,
        Route::Sources => load_sources().await,
        Route::About => load_about().await,
        Route::NotFound => load_not_found().await,
    }
}

/// Fetches a screen's code and its text in `lang` (`Ctx::text_packs`), side by side (see `load`
/// and `platform::text::load`); true when both are there.
pub async fn fetch(ctx: crate::state::Ctx, route: Route, lang: crate::i18n::Lang) -> bool {
    let (code, text) = futures::future::join(
        load(route),
        crate::platform::text::load(lang, ctx.text_packs(route)),
    )
    .await;
    code.is_ok() && text.is_ok()
}

/// Once the app is live (started by `platform::late_start`), fetches the text of every other
/// screen in the language shown, then the code of every other screen, one file at a time in idle
/// moments, so that a click to any of them paints at once instead of waiting for its chunks (the
/// service worker precaches the same files anyway, so nothing more travels). Not offline: nothing
/// new can come. Stops at the first failure (a dropped connection): a screen opened later loads,
/// or says why, on its own; and when a new version is waiting.
#[cfg(target_arch = "wasm32")]
pub async fn prefetch(lang: RwSignal<crate::i18n::Lang>) {
    if !web_sys::window().is_some_and(|w| w.navigator().on_line()) {
        return;
    }
    // One text pack per idle moment: a request costs the page a few milliseconds of its main
    // thread at CPU 4x, and the six asked for at once made one task of 33 to 65 ms just after the
    // app went live (fast profile, trace; session 16).
    for pack in 0..crate::content::tables::TEXT_PACKS {
        use crate::platform::{dom, text};
        if text::has(lang.get_untracked(), 1 << pack) {
            continue;
        }
        dom::idle().await;
        // A new version waiting: see below.
        if crate::platform::sw::update_waiting().await
            || text::load(lang.get_untracked(), 1 << pack).await.is_err()
        {
            return;
        }
    }
    // First the code shared by several screens, one chunk per idle moment (the loader's own walk,
    // which starts with the screens' style sheet where the page does without it):
    // a screen's load fetches all its shared chunks in one task, too long a task to run unasked.
    if !crate::platform::dom::warm_chunks().await {
        return;
    }
    // Then the notices' code (a message due later, with the connection gone, still shows), each
    // screen's own chunk, presenter mode's (a trainer's button, on every screen), and last the
    // debrief's reading (its screen also asks for it once shown).
    {
        enum Unit {
            Notices,
            Screen(Route),
            Presenter,
            DebriefReading,
        }
        for unit in [
            Unit::Notices,
            Unit::Screen(Route::Home),
            Unit::Screen(Route::Phases(None)),
            Unit::Screen(Route::Framework("")),
            Unit::Screen(Route::Quiz),
            Unit::Screen(Route::Assessment),
            Unit::Screen(Route::Progress),
            Unit::Screen(Route::Chronology),
            Unit::Screen(Route::PhasesCompare),
            Unit::Screen(Route::Debrief),
            Unit::Screen(Route::Sources),
            Unit::Screen(Route::About),
            Unit::Presenter,
            Unit::DebriefReading,
        ] {
            crate::platform::dom::idle().await;
            // A new version waiting: this one's code is about to go (and fetches through the old
            // worker hold back its switch).
            if crate::platform::sw::update_waiting().await {
                return;
            }
            let loaded = match unit {
                Unit::Notices => crate::components::notices::load().await,
                Unit::Screen(route) => load(route).await,
                Unit::Presenter => crate::components::presenter::load().await,
                Unit::DebriefReading => debrief::preload().await,
            };
            if loaded.is_err() {
                return;
            }
        }
    }
}

/// The screen for a route, once `load` has succeeded for it (`None` before). The phases screen
/// reads its selection itself, so moving between phases keeps the timeline (and its focus) in
/// place.
pub fn screen(route: Route) -> Option<AnyView> {
    let view = match route {
        Route::Home => ready(view_home()),
        Route::Phases(_) => ready(view_phases()),
        Route::PhasesCompare => ready(view_compare()),
        Route::Chronology => ready(view_chronology()),
        Route::Framework(id) => ready(view_framework(id)),
        Route::Assessment => ready(view_assessment()),
        Route::Quiz => ready(view_quiz()),
        Route::Progress => ready(view_progress()),
        Route::Debrief => ready(view_debrief()),
        Route::Sources => ready(view_sources()),
        Route::About => ready(view_about()),
        Route::NotFound => ready(view_not_found()),
    };
    view.and_then(Result::ok)
}

/// Screens that differ only by a selection share one view.
pub fn screen_key(route: Route) -> Route {
    match route {
        Route::Phases(_) => Route::Phases(None),
        r => r,
    }
}
