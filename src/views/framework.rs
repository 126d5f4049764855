//! A framework screen, drawn from its content: lead, items (or the checklist), sections, a note
//! where the article's figure is missing, and its source.

use crate::components::{
    checklist::Checklist,
    link::link_html,
    markup::{element, esc},
    source,
};
use crate::content::{self, ui, Block, Framework, FRAMEWORKS};
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use leptos::prelude::*;

/// The screen's text is markup (see `components::markup`): it changes only as a whole, with the
/// language. Only the checklist, where a framework has one, is a live view between its two parts.
#[component]
pub fn FrameworkScreen(id: &'static str) -> impl IntoView {
    let f = content::framework(id).expect("route checked");
    let ctx = use_ctx();
    view! {
        <article class=format!("screen framework fw-{id}")>
            <div inner_html=move || intro_html(f, ctx.lang.get())></div>
            {f.checklist.then(|| view! { <Checklist framework=f/> })}
            <div inner_html=move || {
                let mut o = blocks_html(f.blocks, ctx.lang.get());
                source::line_html(&mut o, ctx, f);
                neighbours_html(&mut o, ctx, f);
                o
            }></div>
        </article>
    }
}

/// The heading, the lead, the note where the article's figure is missing, and the items (not a
/// checklist's: those are the checklist's own).
fn intro_html(f: &Framework, lang: Lang) -> String {
    let mut o = String::new();
    element(&mut o, "<h1>", f.title.get(lang));
    element(&mut o, r#"<p class="lead">"#, f.lead.get(lang));
    if let Some(n) = f.figure_note {
        element(
            &mut o,
            r#"<p class="figure-note" role="note">"#,
            n.get(lang),
        );
    }
    if !f.checklist && !f.items.is_empty() {
        o.push_str(r#"<ol class="items">"#);
        for i in f.items {
            o.push_str(r#"<li class="item card" id=""#);
            esc(&mut o, f.id);
            o.push('-');
            esc(&mut o, i.id);
            o.push_str(r#"">"#);
            element(&mut o, "<h2>", i.name.get(lang));
            element(&mut o, "<p>", i.text.get(lang));
            o.push_str("</li>");
        }
        o.push_str("</ol>");
    }
    o
}

/// A framework's sections, as markup.
pub fn blocks_html(blocks: &[Block], lang: Lang) -> String {
    let mut o = String::new();
    for b in blocks {
        o.push_str(r#"<section class="block">"#);
        element(&mut o, "<h2>", b.heading.get(lang));
        element(&mut o, "<p>", b.text.get(lang));
        if !b.points.is_empty() {
            o.push_str("<ul>");
            for p in b.points.iter() {
                element(&mut o, "<li>", p.get(lang));
            }
            o.push_str("</ul>");
        }
        o.push_str("</section>");
    }
    o
}

/// A framework's sections, where they follow a live view (the phases screens).
#[component]
pub fn Blocks(blocks: &'static [Block]) -> impl IntoView {
    let lang = use_ctx().lang;
    view! { <div inner_html=move || blocks_html(blocks, lang.get())></div> }
}

/// Previous and next framework, in content order, as markup.
fn neighbours_html(o: &mut String, ctx: Ctx, f: &Framework) {
    let lang = ctx.lang.get();
    let i = FRAMEWORKS.iter().position(|x| x.id == f.id).unwrap_or(0);
    o.push_str(r#"<nav class="neighbours" aria-label=""#);
    esc(o, ui::NEIGHBOURS.get(lang));
    o.push_str(r#"">"#);
    let prev = i.checked_sub(1).map(|j| (&FRAMEWORKS[j], "prev"));
    for (n, class) in prev
        .into_iter()
        .chain(FRAMEWORKS.get(i + 1).map(|n| (n, "next")))
    {
        let to = Route::of_framework(n.id);
        let short = n.short.get(lang);
        let text = if class == "prev" {
            format!("← {short}")
        } else {
            format!("{short} →")
        };
        link_html(o, ctx, class, to, &text);
    }
    o.push_str("</nav>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Boot;

    #[test]
    fn a_framework_as_markup_has_its_text_items_sections_source_and_neighbours() {
        let owner = Owner::new();
        owner.with(|| {
            for (n, f) in FRAMEWORKS.iter().enumerate() {
                let ctx = Ctx::new(Boot::prerender(Route::of_framework(f.id)));
                let intro = intro_html(f, Lang::Fr);
                assert!(intro.starts_with("<h1>"), "{intro}");
                // A checklist's items are the checklist's; the others are listed here.
                let items = if f.checklist { 0 } else { f.items.len() };
                assert_eq!(intro.matches(r#"<li class="item card""#).count(), items);
                assert_eq!(intro.contains("figure-note"), f.figure_note.is_some());
                let blocks = blocks_html(f.blocks, Lang::En);
                assert_eq!(
                    blocks.matches(r#"<section class="block">"#).count(),
                    f.blocks.len()
                );
                for b in f.blocks {
                    let mut heading = String::new();
                    esc(&mut heading, b.heading.get(Lang::En));
                    assert!(blocks.contains(&heading));
                }
                let mut rest = String::new();
                source::line_html(&mut rest, ctx, f);
                assert!(rest.contains(r#"data-to="sources""#), "{rest}");
                neighbours_html(&mut rest, ctx, f);
                assert_eq!(rest.contains(r#"class="prev""#), n > 0);
                assert_eq!(rest.contains(r#"class="next""#), n + 1 < FRAMEWORKS.len());
            }
        });
    }
}
