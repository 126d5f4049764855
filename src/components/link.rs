//! An in-app link: a real `<a href>` (so it works before the wasm loads, opens in a new tab, and
//! reads as a link), which moves through history without reloading when clicked plainly.

use crate::route::Route;
use crate::state::use_ctx;
use leptos::prelude::*;

#[component]
pub fn Link(to: Route, children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let ctx = use_ctx();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if plain_click(&ev) {
            ev.prevent_default();
            ctx.navigate(to);
        }
    };
    view! {
        <a href=move || ctx.href(to) class=class on:click=on_click aria-current=move || (ctx.route.get() == to).then_some("page")>
            {children()}
        </a>
    }
}

/// A plain click (main button, no modifier): the app follows the link itself; any other click
/// (a new tab, a download) is the browser's.
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
