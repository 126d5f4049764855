//! In-app links: real `<a href>` elements (so they work before the wasm loads, open in a new tab,
//! and read as links), which move through history without reloading when clicked plainly.
//!
//! Every such link carries its route in `data-to`. One listener, on the app's root (`follow`),
//! handles a plain click on any of them, and one effect (`mark_current`) says which one is the
//! screen shown (`aria-current`): no listener and no reactive attribute per link. Lists of links
//! that change only as a whole (the menu, a list of frameworks) are markup (`list_html`): the
//! header alone has 43 links, which were each built with a listener and three reactive parts.

use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use leptos::prelude::*;

#[component]
pub fn Link(to: Route, children: Children, #[prop(optional, into)] class: String) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <a href=move || ctx.href(to) class=class data-to=to.path() aria-current=current(ctx, to)>
            {children()}
        </a>
    }
}

/// `aria-current` as a link to `to` has it when it is built; `mark_current` keeps it up to date.
fn current(ctx: Ctx, to: Route) -> Option<&'static str> {
    (ctx.route.get_untracked() == to).then_some("page")
}

/// One in-app link as markup, added to `out` (see `components::markup`), with a `class` unless it
/// is empty.
pub fn anchor(out: &mut String, class: &str, href: &str, to: Route, shown: Route, text: &str) {
    use crate::components::markup::esc;
    out.push_str(r#"<a href=""#);
    esc(out, href);
    if !class.is_empty() {
        out.push_str(r#"" class=""#);
        esc(out, class);
    }
    out.push_str(r#"" data-to=""#);
    esc(out, &to.path());
    out.push('"');
    if to == shown {
        out.push_str(r#" aria-current="page""#);
    }
    out.push('>');
    esc(out, text);
    out.push_str("</a>");
}

/// An in-app link to `to` as markup, added to `out`: `anchor` with the app's address for it in the
/// language shown (read: a reactive closure that calls this follows the language).
pub fn link_html(out: &mut String, ctx: Ctx, class: &str, to: Route, text: &str) {
    anchor(
        out,
        class,
        &ctx.href(to),
        to,
        ctx.route.get_untracked(),
        text,
    );
}

/// A list's items, one link each, as markup, in the language shown: for a `<ul>`'s `inner_html`,
/// read in a reactive closure (the addresses and names follow the language).
pub fn list_html(ctx: Ctx, links: impl IntoIterator<Item = (Route, &'static str)>) -> String {
    let mut out = String::new();
    for (to, text) in links {
        out.push_str("<li>");
        link_html(&mut out, ctx, "", to, text);
        out.push_str("</li>");
    }
    out
}

/// A plain click (main button, no modifier): the app follows the link itself; any other click
/// (a new tab, a download) is the browser's.
pub fn plain_click(ev: &leptos::ev::MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// The app's one listener for its links (on its root): a plain click on an in-app link moves
/// through history. After the handlers on the way up (the menu closes first).
pub fn follow(ctx: Ctx, ev: leptos::ev::MouseEvent) {
    if ev.default_prevented() || !plain_click(&ev) {
        return;
    }
    if let Some(to) = target(&ev) {
        ev.prevent_default();
        ctx.navigate(to);
    }
}

/// The route of the in-app link an event happened on or in, if any.
pub fn target(ev: &web_sys::Event) -> Option<Route> {
    use wasm_bindgen::JsCast;
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[data-to]").ok().flatten())?;
    Some(Route::parse(&link.get_attribute("data-to")?))
}

/// Keeps `aria-current` on the links to the screen shown, under `root`, as the route changes.
/// Links built later are built with it (`Link`, `list_html`).
pub fn mark_current(ctx: Ctx, root: NodeRef<leptos::html::Div>) {
    crate::state::effect(move |_| {
        let path = ctx.route.get().path();
        let Some(root) = root.get() else { return };
        let Ok(links) = root.query_selector_all("a[data-to]") else {
            return;
        };
        for i in 0..links.length() {
            let Some(a) = links
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            else {
                continue;
            };
            let _ = if a.get_attribute("data-to").as_deref() == Some(path.as_str()) {
                a.set_attribute("aria-current", "page")
            } else {
                a.remove_attribute("aria-current")
            };
        }
    });
}

#[cfg(test)]
mod tests {
    use super::anchor;
    use crate::route::Route;

    #[test]
    fn a_link_as_markup_carries_its_route_and_says_when_it_is_the_screen_shown() {
        let mut out = String::new();
        anchor(
            &mut out,
            "",
            "quiz/?lang=en",
            Route::Quiz,
            Route::Home,
            "Quiz <&>",
        );
        anchor(&mut out, "brand", "./", Route::Home, Route::Home, "Home");
        assert_eq!(
            out,
            r#"<a href="quiz/?lang=en" data-to="quiz">Quiz &lt;&amp;&gt;</a><a href="./" class="brand" data-to="" aria-current="page">Home</a>"#
        );
    }
}
