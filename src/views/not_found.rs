//! An address that matches no screen: say so and offer the way home.

use crate::components::link::Link;
use crate::content::ui;
use crate::route::Route;
use crate::state::tr;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="screen not-found">
            <h1>{tr(ui::NOT_FOUND_TITLE)}</h1>
            <p class="lead">{tr(ui::NOT_FOUND_TEXT)}</p>
            <p><Link to=Route::Home>{tr(ui::BACK_HOME)}</Link></p>
        </div>
    }
}
