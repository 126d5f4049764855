//! The self-assessment chart: one bar per checklist (and one overall), drawn as SVG in Rust.

use crate::components::link::Link;
use crate::components::number::{fixed, percent};
use crate::content::{checklists, ui, Framework};
use crate::route::Route;
use crate::state::{tr, use_ctx};
use crate::store::Progress;
use leptos::prelude::*;

/// Bar length in the 0..=100 viewBox units for a score in 0..=1.
pub fn bar_width(score: f32) -> f32 {
    (score.clamp(0.0, 1.0) * 10000.0).round() / 100.0
}

/// The average over every checklist item (unrated counts as not started).
pub fn overall(p: &Progress) -> f32 {
    let lists: Vec<&Framework> = checklists().collect();
    let items: usize = lists.iter().map(|f| f.items.len()).sum();
    let sum: f32 = lists
        .iter()
        .map(|f| p.checklist_score(f).0 * f.items.len() as f32)
        .sum();
    if items == 0 {
        0.0
    } else {
        sum / items as f32
    }
}

#[component]
fn Bar(#[prop(into)] score: Signal<f32>) -> impl IntoView {
    view! {
        <svg class="chart-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="100" height="8" rx="1"></rect>
            <rect class="bar-fill" x="0" y="0" width=move || fixed(bar_width(score.get()), 2) height="8" rx="1"></rect>
        </svg>
    }
}

#[component]
pub fn AssessmentChart() -> impl IntoView {
    let ctx = use_ctx();
    let row = move |f: &'static Framework| {
        let score = Signal::derive(move || ctx.progress.with(|p| p.checklist_score(f).0));
        let text = move || {
            let (s, n) = ctx.progress.with(|p| p.checklist_score(f));
            ui::ASSESS_ROW.fill(
                ctx.lang.get(),
                n,
                &[("pct", &percent(s)), ("total", &f.items.len().to_string())],
            )
        };
        view! {
            <li class="chart-row">
                <Link to=Route::Framework(f.id) class="chart-name">{tr(f.short)}</Link>
                <Bar score/>
                <span class="chart-value">{text}</span>
            </li>
        }
    };
    let total = Signal::derive(move || ctx.progress.with(overall));
    view! {
        <figure class="chart">
            <figcaption>{tr(ui::ASSESS_CHART_CAPTION)}</figcaption>
            <ul class="chart-rows">
                {checklists().map(row).collect_view()}
                <li class="chart-row overall">
                    <span class="chart-name">{tr(ui::ASSESS_OVERALL)}</span>
                    <Bar score=total/>
                    <span class="chart-value">{move || ui::PERCENT.fill(ctx.lang.get(), &[("pct", &percent(total.get()))])}</span>
                </li>
            </ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_clamped_percentages() {
        assert_eq!(bar_width(0.5), 50.0);
        assert_eq!(bar_width(2.0), 100.0);
        assert_eq!(bar_width(-1.0), 0.0);
    }

    #[test]
    fn overall_weights_by_items() {
        let mut p = Progress::default();
        assert_eq!(overall(&p), 0.0);
        for f in checklists() {
            for i in f.items {
                p.ratings.insert(crate::store::item_key(f.id, i.id), 2);
            }
        }
        assert_eq!(overall(&p), 1.0);
    }
}
