//! The chronology: the dated facts of the five articles on one axis, each linked to its screen.

use crate::components::link::Link;
use crate::components::timeline::{layout, Mark, Row, Timeline, AXIS};
use crate::content::{self, ui, Event, EVENTS};
use crate::route::Route;
use crate::state::{tr, use_ctx};
use leptos::prelude::*;

/// The events in date order.
pub fn events() -> Vec<&'static Event> {
    let mut v: Vec<_> = EVENTS.iter().collect();
    v.sort_by_key(|e| e.date.year);
    v
}

#[component]
pub fn Chronology() -> impl IntoView {
    let ctx = use_ctx();
    let today = crate::platform::dom::today();
    let active = RwSignal::new(0usize);
    let rows = Signal::derive(move || {
        let lang = ctx.lang.get();
        events()
            .into_iter()
            .map(|e| Row {
                key: e.id,
                label: e.label.get(lang).to_string(),
                detail: e.date.label(lang),
                mark: Mark::Point {
                    x: layout::point(AXIS, e.date),
                    approx: e.date.approx,
                },
                kind: "event",
            })
            .collect::<Vec<_>>()
    });
    let on_open =
        Callback::new(move |i: usize| ctx.navigate(Route::of_framework(events()[i].framework)));
    view! {
        <div class="screen chronology">
            <h1>{tr(ui::CHRONO_TITLE)}</h1>
            <p class="lead">{tr(ui::CHRONO_LEAD)}</p>
            <Timeline
                id="event"
                label=Signal::derive(move || ui::CHRONO_TITLE.get(ctx.lang.get()).to_string())
                rows
                active
                open=Signal::derive(|| None)
                on_open
                on_close=Callback::new(|_| ())
                today
            />
            <p class="hint">{tr(ui::CHRONO_KEYS)}</p>
            <h2>{tr(ui::CHRONO_LIST)}</h2>
            <ol class="event-list">
                {events()
                    .into_iter()
                    .map(|e| {
                        let f = content::framework(e.framework).expect("build.rs checks event links");
                        view! {
                            <li>
                                <strong>{move || e.date.label(ctx.lang.get())}</strong>" — "{tr(e.label)}" "
                                <Link to=Route::of_framework(e.framework)>"("{tr(f.short)}")"</Link>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
    }
}
