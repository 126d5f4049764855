//! An in-app link: a real `<a href>` (so it works before the wasm loads, opens in a new tab, and
//! reads as a link), which moves through history without reloading when clicked plainly.

use crate::route::Route;
use crate::state::use_ctx;
use leptos::prelude::*;

#[component]
pub fn Link(to: Route, children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let ctx = use_ctx();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
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
