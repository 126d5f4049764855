//! The three digital phases: the timeline, the selected phase's details, a list for screen
//! readers and a side-by-side comparison.

use crate::components::link::Link;
use crate::components::source::SourceLine;
use crate::components::timeline::{date_words, layout, Mark, Row, Timeline, AXIS};
use crate::content::{self, ui, Phase, PHASES};
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{tr, use_ctx};
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
            <section aria-labelledby="phase-list-title">
                <h2 id="phase-list-title">{tr(ui::PHASES_LIST)}</h2>
                <ul class="phase-list">
                    {PHASES
                        .iter()
                        .map(|p| {
                            view! {
                                <li>
                                    <Link to=Route::Phases(Some(p.id))>{p.name}</Link>
                                    " — "{move || span_words(p, ctx.lang.get())}" — "{tr(p.status)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p><Link to=Route::PhasesCompare>{tr(ui::COMPARE_TITLE)}</Link></p>
            </section>
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
            <h2 id="phase-details-title">
                {move || {
                    let l = ctx.lang.get();
                    ui::TITLED.fill(l, &[("name", phase.name), ("detail", phase.expansion.get(l))])
                }}
            </h2>
            <p>{tr(phase.summary)}</p>
            <dl class="facts">
                <dt>{tr(ui::PERIOD)}</dt>
                <dd>{tr(phase.period)}" ("{move || span_words(phase, ctx.lang.get())}")"</dd>
                <dt>{tr(ui::STATUS)}</dt>
                <dd>{tr(phase.status)}</dd>
                <dt>{tr(ui::TOUCHES)}</dt>
                <dd>{tr(phase.touches)}</dd>
            </dl>
            <h3>{tr(ui::COMPONENTS)}</h3>
            <ul class="components">
                {phase
                    .components
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <strong>{tr(c.name)}</strong>
                                {c.examples.map(|e| view! { " — "<span>{tr(e)}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" on:click=move |_| {
                on_close.run(());
                #[cfg(target_arch = "wasm32")]
                crate::platform::dom::focus_by_id("phase-timeline");
            }>{tr(ui::CLOSE_DETAILS)}</button>
        </section>
    }
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
