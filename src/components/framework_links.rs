//! The frameworks taken from one article, as a list of links (menu, home, sources).

use crate::components::link::Link;
use crate::content::FRAMEWORKS;
use crate::route::Route;
use crate::state::tr;
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
    view! {
        <ul aria-labelledby=labelledby>
            {FRAMEWORKS
                .iter()
                .filter(|f| f.article == article)
                .map(|f| {
                    let name = if short { f.short } else { f.title };
                    view! { <li><Link to=Route::of_framework(f.id)>{tr(name)}</Link></li> }
                })
                .collect_view()}
        </ul>
    }
}
