//! Sources: the five articles and, for each, the frameworks taken from it.

use crate::components::framework_links::FrameworkLinks;
use crate::content::{ui, ARTICLES};
use crate::state::{tr, use_ctx};
use leptos::prelude::*;

#[component]
pub fn Sources() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="screen sources">
            <h1>{tr(ui::SOURCES_TITLE)}</h1>
            <p class="lead">{tr(ui::SOURCES_LEAD)}</p>
            {ARTICLES
                .iter()
                .map(|a| {
                    view! {
                        <section class="card source" id=format!("source-{}", a.id)>
                            <h2><cite>{tr(a.title)}</cite></h2>
                            <dl class="facts">
                                <dt>{tr(ui::SOURCE_AUTHOR)}</dt>
                                <dd>{tr(a.author)}</dd>
                                <dt>{tr(ui::SOURCE_OUTLET)}</dt>
                                <dd>{tr(a.outlet)}</dd>
                                <dt>{tr(ui::SOURCE_YEAR)}</dt>
                                <dd>{move || a.year.map_or_else(|| ui::YEAR_NOT_GIVEN.get(ctx.lang.get()).to_string(), |d| d.label(ctx.lang.get()))}</dd>
                            </dl>
                            <p>{tr(a.about)}</p>
                            <h3>{tr(ui::SOURCE_FRAMEWORKS)}</h3>
                            <FrameworkLinks article=a.id/>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}
