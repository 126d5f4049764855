//! The three digital phases: the timeline, the selected phase's details, a list for screen
//! readers and a side-by-side comparison.

use crate::components::link::{link_html, Link};
use crate::components::markup::{element, esc};
use crate::components::source::SourceLine;
use crate::components::timeline::{date_words, layout, Mark, Row, Timeline, AXIS};
use crate::content::{self, ui, Phase, PHASES};
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{tr, use_ctx, Ctx};
use crate::views::framework::Blocks;
use leptos::prelude::*;

fn framework() -> &'static content::Framework {
    content::framework("phases").expect("content has the phases framework")
}

/// "vers 2000 – vers 2020", "début non précisé – en cours".
pub fn span_words(p: &Phase, lang: Lang) -> String {
    let end = match p.end {
        Some(d) => d.label(lang),
        None => ui::ONGOING.get(lang).to_string(),
    };
    format!("{} – {end}", date_words(p.start, lang))
}

fn row(p: &'static Phase, lang: Lang, today: f32) -> Row {
    Row {
        key: p.id,
        label: p.name.to_string(),
        detail: format!("{} · {}", span_words(p, lang), p.status.get(lang)),
        mark: Mark::Band(layout::band(AXIS, p.start, p.end, p.ongoing, today)),
        kind: match p.status_kind {
            "delivered" => "status-delivered",
            "maturing" => "status-maturing",
            _ => "status-ongoing",
        },
    }
}

#[component]
pub fn Phases() -> impl IntoView {
    let ctx = use_ctx();
    let f = framework();
    let today = crate::platform::dom::today();
    let selected = Memo::new(move |_| match ctx.route.get() {
        Route::Phases(Some(id)) => PHASES.iter().position(|p| p.id == id),
        _ => None,
    });
    let active = RwSignal::new(selected.get_untracked().unwrap_or(0));
    // Back/forward or a link selects a phase: the highlight follows.
    crate::state::effect(move |_| {
        if let Some(i) = selected.get() {
            active.set(i);
        }
    });
    let rows = Signal::derive(move || {
        let lang = ctx.lang.get();
        PHASES
            .iter()
            .map(|p| row(p, lang, today))
            .collect::<Vec<_>>()
    });
    let on_open = Callback::new(move |i: usize| {
        ctx.navigate(Route::Phases(Some(PHASES[i].id)));
        ctx.say_str(ui::PHASE_OPENED.fill(ctx.lang.get_untracked(), &[("name", PHASES[i].name)]));
        #[cfg(target_arch = "wasm32")]
        request_animation_frame(|| crate::platform::dom::reveal(".phase-details"));
    });
    let on_close = Callback::new(move |_| {
        ctx.navigate(Route::Phases(None));
        ctx.say(ui::PHASE_CLOSED);
    });
    view! {
        <div class="screen phases">
            <h1>{tr(f.title)}</h1>
            <p class="lead">{tr(f.lead)}</p>
            <Timeline
                id="phase"
                label=Signal::derive(move || ui::PHASES_TIMELINE_LABEL.get(ctx.lang.get()).to_string())
                rows
                active
                open=selected
                on_open
                on_close
                today
            />
            <p class="hint">{tr(ui::TIMELINE_KEYS)}</p>
            {move || selected.get().map(|i| view! { <PhaseDetails phase=&PHASES[i] on_close/> })}
            <section aria-labelledby="phase-list-title" inner_html=move || list_html(ctx)></section>
            <Blocks blocks=f.blocks/>
            <SourceLine framework=f/>
        </div>
    }
}

#[component]
fn PhaseDetails(phase: &'static Phase, on_close: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class=format!("card phase-details status-{}", phase.status_kind) aria-labelledby="phase-details-title">
            <div inner_html=move || details_html(phase, ctx.lang.get())></div>
            <button type="button" on:click=move |_| {
                on_close.run(());
                #[cfg(target_arch = "wasm32")]
                crate::platform::dom::focus_by_id("phase-timeline");
            }>{tr(ui::CLOSE_DETAILS)}</button>
        </section>
    }
}

/// The phases as a list, for screen readers (the timeline is a drawing), and the way to the
/// comparison, as markup (see `components::markup`): it changes as a whole, with the language.
fn list_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(
        &mut o,
        r#"<h2 id="phase-list-title">"#,
        ui::PHASES_LIST.get(lang),
    );
    o.push_str(r#"<ul class="phase-list">"#);
    for p in PHASES {
        let to = Route::Phases(Some(p.id));
        o.push_str("<li>");
        link_html(&mut o, ctx, "", to, p.name);
        o.push_str(" — ");
        esc(&mut o, &span_words(p, lang));
        o.push_str(" — ");
        esc(&mut o, p.status.get(lang));
        o.push_str("</li>");
    }
    o.push_str("</ul><p>");
    link_html(
        &mut o,
        ctx,
        "",
        Route::PhasesCompare,
        ui::COMPARE_TITLE.get(lang),
    );
    o.push_str("</p>");
    o
}

/// A phase's details as markup: its name, summary, facts and components.
fn details_html(phase: &Phase, lang: Lang) -> String {
    let mut o = String::from(r#"<h2 id="phase-details-title">"#);
    let title = ui::TITLED.fill(
        lang,
        &[("name", phase.name), ("detail", phase.expansion.get(lang))],
    );
    esc(&mut o, &title);
    o.push_str("</h2><p>");
    esc(&mut o, phase.summary.get(lang));
    o.push_str(r#"</p><dl class="facts">"#);
    let period = format!("{} ({})", phase.period.get(lang), span_words(phase, lang));
    for (term, value) in [
        (ui::PERIOD, period.as_str()),
        (ui::STATUS, phase.status.get(lang)),
        (ui::TOUCHES, phase.touches.get(lang)),
    ] {
        element(&mut o, "<dt>", term.get(lang));
        element(&mut o, "<dd>", value);
    }
    o.push_str("</dl><h3>");
    esc(&mut o, ui::COMPONENTS.get(lang));
    o.push_str(r#"</h3><ul class="components">"#);
    for c in phase.components.iter() {
        o.push_str("<li><strong>");
        esc(&mut o, c.name.get(lang));
        o.push_str("</strong>");
        if let Some(e) = c.examples {
            o.push_str(" — <span>");
            esc(&mut o, e.get(lang));
            o.push_str("</span>");
        }
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    o
}

/// The three phases side by side.
#[component]
pub fn Compare() -> impl IntoView {
    let ctx = use_ctx();
    let f = framework();
    type Cell = fn(&'static Phase, Lang) -> String;
    let rows: [(content::Text, Cell); 5] = [
        (ui::EXPANSION, |p, l| p.expansion.get(l).into()),
        (ui::PERIOD, |p, l| {
            format!("{} ({})", p.period.get(l), span_words(p, l))
        }),
        (ui::STATUS, |p, l| p.status.get(l).into()),
        (ui::TOUCHES, |p, l| p.touches.get(l).into()),
        (ui::COMPONENTS, |p, l| {
            p.components
                .iter()
                .map(|c| c.name.get(l))
                .collect::<Vec<_>>()
                .join(", ")
        }),
    ];
    view! {
        <div class="screen compare">
            <h1>{tr(ui::COMPARE_TITLE)}</h1>
            <p class="lead">{tr(ui::COMPARE_LEAD)}</p>
            <div class="table-wrap" role="region" aria-labelledby="compare-caption" tabindex="0">
                <table class="compare-table">
                    <caption id="compare-caption">{tr(ui::COMPARE_CAPTION)}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {PHASES.iter().map(|p| view! { <th scope="col"><Link to=Route::Phases(Some(p.id))>{p.name}</Link></th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(head, cell)| {
                                view! {
                                    <tr>
                                        <th scope="row">{tr(head)}</th>
                                        {PHASES.iter().map(|p| view! { <td>{move || cell(p, ctx.lang.get())}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p><Link to=Route::Phases(None)>{tr(ui::BACK_TO_TIMELINE)}</Link></p>
            <SourceLine framework=f/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Boot;

    #[test]
    fn the_phase_list_and_a_phase_s_details_as_markup() {
        let owner = Owner::new();
        owner.with(|| {
            let ctx = Ctx::new(Boot::prerender(Route::Phases(Some(PHASES[1].id))));
            let list = list_html(ctx);
            assert_eq!(list.matches("<li><a ").count(), PHASES.len());
            let shown = format!(
                r#"data-to="{}" aria-current="page""#,
                Route::Phases(Some(PHASES[1].id)).path()
            );
            assert!(list.contains(&shown), "{list}");
            assert!(list.contains(&format!(r#"data-to="{}""#, Route::PhasesCompare.path())));
            for p in PHASES {
                for lang in [Lang::Fr, Lang::En] {
                    let d = details_html(p, lang);
                    assert!(d.starts_with(r#"<h2 id="phase-details-title">"#));
                    assert_eq!(d.matches("<dt>").count(), 3);
                    assert_eq!(d.matches("<li><strong>").count(), p.components.len());
                    let mut summary = String::new();
                    esc(&mut summary, p.summary.get(lang));
                    assert!(d.contains(&summary));
                }
            }
        });
    }
}
