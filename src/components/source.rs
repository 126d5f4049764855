//! "Source: …" line under every framework screen, linking to the sources page.

use crate::components::{link::link_html, markup::esc};
use crate::content::{ui, Framework};
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use leptos::prelude::*;

/// The line, as markup (see `components::markup`), added to `out`, in the language shown.
pub fn line_html(out: &mut String, ctx: Ctx, f: &Framework) {
    let lang = ctx.lang.get();
    let a = f.source();
    out.push_str(r#"<p class="source-line"><span>"#);
    esc(out, ui::SOURCE_LABEL.get(lang));
    out.push_str(" </span><cite>");
    esc(out, a.title.get(lang));
    out.push_str("</cite>");
    for part in [a.author.get(lang), a.outlet.get(lang)] {
        out.push_str(", ");
        esc(out, part);
    }
    if let Some(d) = a.year {
        out.push_str(", ");
        esc(out, &d.label(lang));
    }
    out.push_str(" — ");
    link_html(out, ctx, "", Route::Sources, ui::ALL_SOURCES.get(lang));
    out.push_str("</p>");
}

/// The line, where it follows a live view (the phases screens).
#[component]
pub fn SourceLine(framework: &'static Framework) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div inner_html=move || {
            let mut o = String::new();
            line_html(&mut o, ctx, framework);
            o
        }></div>
    }
}
