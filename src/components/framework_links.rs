//! The frameworks taken from one article, as a list of links (menu, sources), written as markup
//! (see `components::link`).

use crate::components::link::list_html;
use crate::content::FRAMEWORKS;
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use leptos::prelude::*;

#[component]
pub fn FrameworkLinks(
    /// The source article's id.
    article: &'static str,
    /// Short names (menus) rather than full titles.
    #[prop(optional)]
    short: bool,
    /// The id of the element that names the list (its article's title), if any.
    #[prop(optional, into)]
    labelledby: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        ctx.lang.track();
        items_html(ctx, article, short)
    };
    view! { <ul aria-labelledby=labelledby inner_html=html></ul> }
}

/// The list's items as markup, in the language shown (the header's menu writes them too).
pub fn items_html(ctx: Ctx, article: &str, short: bool) -> String {
    let lang = ctx.lang.get_untracked();
    list_html(
        ctx,
        FRAMEWORKS.iter().filter(|f| f.article == article).map(|f| {
            (
                Route::of_framework(f.id),
                if short { f.short } else { f.title }.get(lang),
            )
        }),
    )
}
