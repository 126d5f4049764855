//! A framework screen, drawn from its content: lead, items (or the checklist), sections, a note
//! where the article's figure is missing, and its source.

use crate::components::{checklist::Checklist, link::Link, source::SourceLine};
use crate::content::{self, ui, Block, Framework, FRAMEWORKS};
use crate::route::Route;
use crate::state::tr;
use leptos::prelude::*;

#[component]
pub fn FrameworkScreen(id: &'static str) -> impl IntoView {
    let f = content::framework(id).expect("route checked");
    view! {
        <article class=format!("screen framework fw-{id}")>
            <h1>{tr(f.title)}</h1>
            <p class="lead">{tr(f.lead)}</p>
            {f.figure_note.map(|n| view! { <p class="figure-note" role="note">{tr(n)}</p> })}
            {if f.checklist {
                view! { <Checklist framework=f/> }.into_any()
            } else if !f.items.is_empty() {
                view! {
                    <ol class="items">
                        {f.items
                            .iter()
                            .map(|i| view! { <li class="item card" id=format!("{}-{}", f.id, i.id)><h2>{tr(i.name)}</h2><p>{tr(i.text)}</p></li> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            } else {
                ().into_any()
            }}
            <Blocks blocks=f.blocks/>
            <SourceLine framework=f/>
            <Neighbours f/>
        </article>
    }
}

#[component]
pub fn Blocks(blocks: &'static [Block]) -> impl IntoView {
    blocks
        .iter()
        .map(|b| {
            view! {
                <section class="block">
                    <h2>{tr(b.heading)}</h2>
                    <p>{tr(b.text)}</p>
                    {(!b.points.is_empty()).then(|| view! { <ul>{b.points.iter().map(|p| view! { <li>{tr(*p)}</li> }).collect_view()}</ul> })}
                </section>
            }
        })
        .collect_view()
}

/// Previous and next framework, in content order.
#[component]
pub fn Neighbours(f: &'static Framework) -> impl IntoView {
    let i = FRAMEWORKS.iter().position(|x| x.id == f.id).unwrap_or(0);
    let prev = i.checked_sub(1).map(|j| &FRAMEWORKS[j]);
    let next = FRAMEWORKS.get(i + 1);
    view! {
        <nav class="neighbours" aria-label=tr(ui::NEIGHBOURS)>
            {prev.map(|p| view! { <Link to=Route::of_framework(p.id) class="prev">"← "{tr(p.short)}</Link> })}
            {next.map(|n| view! { <Link to=Route::of_framework(n.id) class="next">{tr(n.short)}" →"</Link> })}
        </nav>
    }
}
