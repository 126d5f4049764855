//! Self-assessment summary: a chart per checklist and overall, a short reading, and the weakest
//! items to work on.

use crate::components::chart::{overall, AssessmentChart, Radar};
use crate::components::link::Link;
use crate::content::{checklists, ui, Item, Text};
use crate::route::Route;
use crate::state::{tr, use_ctx};
use crate::store::Progress;
use leptos::prelude::*;

/// A few words on an overall score.
pub fn reading(score: f32, rated: usize) -> Text {
    if rated == 0 {
        ui::READING_NONE
    } else if score < 0.34 {
        ui::READING_LOW
    } else if score < 0.67 {
        ui::READING_MID
    } else {
        ui::READING_HIGH
    }
}

/// Items marked "not started" first, then unrated ones: at most `n`.
pub fn weakest(p: &Progress, n: usize) -> Vec<(&'static str, &'static Item)> {
    let mut v: Vec<_> = checklists()
        .flat_map(|f| f.items.iter().map(move |i| (f.id, i)))
        .filter_map(|(f, i)| match p.rating(f, i.id) {
            Some(0) => Some((0, f, i)),
            None => Some((1, f, i)),
            _ => None,
        })
        .collect();
    v.sort_by_key(|(rank, _, _)| *rank);
    v.into_iter().take(n).map(|(_, f, i)| (f, i)).collect()
}

#[component]
pub fn Assessment() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="screen assessment">
            <h1>{tr(ui::ASSESS_TITLE)}</h1>
            <p class="lead">{tr(ui::ASSESS_LEAD)}</p>
            <ul class="checklist-links">
                {checklists().map(|f| view! { <li><Link to=Route::Framework(f.id)>{tr(f.title)}</Link></li> }).collect_view()}
            </ul>
            <div class="assess-charts">
                <AssessmentChart/>
                <Radar/>
            </div>
            <h2>{tr(ui::READING_TITLE)}</h2>
            <p class="reading">
                {move || {
                    let (score, rated) = ctx.progress.with(|p| (overall(p), p.rated_count()));
                    reading(score, rated).get(ctx.lang.get())
                }}
            </p>
            // Only once something is rated: before that, every item would be "weakest".
            <Show when=move || ctx.progress.with(|p| p.rated_count() > 0)>
                <h2>{tr(ui::WEAKEST_TITLE)}</h2>
                <ul class="weakest">
                    {move || {
                        ctx.progress
                            .with(|p| weakest(p, 5))
                            .into_iter()
                            .map(|(f, i)| view! { <li><Link to=Route::Framework(f)>{tr(i.name)}</Link></li> })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_follow_the_score() {
        assert_eq!(reading(0.9, 0), ui::READING_NONE);
        assert_eq!(reading(0.1, 3), ui::READING_LOW);
        assert_eq!(reading(0.5, 3), ui::READING_MID);
        assert_eq!(reading(0.9, 3), ui::READING_HIGH);
    }

    #[test]
    fn weakest_puts_not_started_first() {
        let mut p = Progress::default();
        let f = checklists().nth(1).unwrap();
        p.ratings
            .insert(crate::store::item_key(f.id, f.items[2].id), 0);
        let w = weakest(&p, 3);
        assert_eq!(w[0], (f.id, &f.items[2]));
        assert_eq!(w.len(), 3);
    }
}
