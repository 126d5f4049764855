//! One file per screen. `screen` picks the screen for a route.

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

/// The screen for a route. The phases screen reads its selection itself, so moving between
/// phases keeps the timeline (and its focus) in place.
pub fn screen(route: Route) -> AnyView {
    match route {
        Route::Home => home::Home().into_any(),
        Route::Phases(_) => phases::Phases().into_any(),
        Route::PhasesCompare => phases::Compare().into_any(),
        Route::Chronology => chronology::Chronology().into_any(),
        Route::Framework(id) => view! { <framework::FrameworkScreen id/> }.into_any(),
        Route::Assessment => assessment::Assessment().into_any(),
        Route::Quiz => quiz::Quiz().into_any(),
        Route::Progress => progress::ProgressScreen().into_any(),
        Route::Debrief => debrief::DebriefScreen().into_any(),
        Route::Sources => sources::Sources().into_any(),
        Route::About => about::About().into_any(),
        Route::NotFound => not_found::NotFound().into_any(),
    }
}

/// Screens that differ only by a selection share one view.
pub fn screen_key(route: Route) -> Route {
    match route {
        Route::Phases(_) => Route::Phases(None),
        r => r,
    }
}
