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
) -> impl IntoView {
    view! {
        <ul>
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
