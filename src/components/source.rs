//! "Source: …" line under every framework screen, linking to the sources page.

use crate::components::link::Link;
use crate::content::{ui, Framework};
use crate::route::Route;
use crate::state::tr;
use leptos::prelude::*;

#[component]
pub fn SourceLine(framework: &'static Framework) -> impl IntoView {
    let a = framework.source();
    let lang = crate::state::use_ctx().lang;
    view! {
        <p class="source-line">
            <span>{tr(ui::SOURCE_LABEL)}" "</span>
            <cite>{tr(a.title)}</cite>
            ", "{tr(a.author)}", "{tr(a.outlet)}
            {move || a.year.map(|d| format!(", {}", d.label(lang.get())))}
            " — "<Link to=Route::Sources>{tr(ui::ALL_SOURCES)}</Link>
        </p>
    }
}
