//! The self-assessment charts, drawn as SVG in Rust: one bar per checklist (and one overall), and
//! a radar of the five checklists with its data table (for screen readers, and on paper).

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

/// The radar's geometry, in its viewBox units.
pub const RADAR_CENTRE: (f32, f32) = (160.0, 125.0);
pub const RADAR_RADIUS: f32 = 80.0;

/// The point of axis `i` of `n` at `score` (0..=1) of the radius: the first axis points up, the
/// others follow clockwise.
pub fn radar_point(i: usize, n: usize, score: f32) -> (f32, f32) {
    let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n.max(1) as f32;
    let r = RADAR_RADIUS * score.clamp(0.0, 1.0);
    (
        RADAR_CENTRE.0 + r * angle.cos(),
        RADAR_CENTRE.1 + r * angle.sin(),
    )
}

/// An SVG `points` list: one point per score, around the centre.
pub fn radar_polygon(scores: &[f32]) -> String {
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, y) = radar_point(i, scores.len(), *s);
            format!("{},{}", fixed(x, 1), fixed(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a label sits at the end of its axis: to the right of a right-hand axis, left of a
/// left-hand one, centred at the top and bottom.
fn label_anchor(x: f32) -> &'static str {
    if (x - RADAR_CENTRE.0).abs() < 8.0 {
        "middle"
    } else if x > RADAR_CENTRE.0 {
        "start"
    } else {
        "end"
    }
}

/// The radar of the five checklists, beside the bars: the shape maturity self-assessments
/// usually take. The drawing is hidden from screen readers; its table says the same.
#[component]
pub fn Radar() -> impl IntoView {
    let ctx = use_ctx();
    let lists: Vec<&'static Framework> = checklists().collect();
    let n = lists.len();
    let scores = Memo::new(move |_| {
        ctx.progress.with(|p| {
            checklists()
                .map(|f| p.checklist_score(f).0)
                .collect::<Vec<_>>()
        })
    });
    let rings = [0.25f32, 0.5, 0.75, 1.0].map(
        |r| view! { <polygon class="radar-ring" points=radar_polygon(&vec![r; n])></polygon> },
    );
    let axes = (0..n)
        .map(|i| {
            let (x, y) = radar_point(i, n, 1.0);
            view! { <line class="radar-axis" x1=fixed(RADAR_CENTRE.0, 1) y1=fixed(RADAR_CENTRE.1, 1) x2=fixed(x, 1) y2=fixed(y, 1)></line> }
        })
        .collect_view();
    let labels = lists
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (x, y) = radar_point(i, n, 1.18);
            // Top label above its axis' end, bottom ones below.
            let y = if y < RADAR_CENTRE.1 - 10.0 { y } else { y + 8.0 };
            view! { <text class="radar-label" x=fixed(x, 1) y=fixed(y, 1) text-anchor=label_anchor(x)>{tr(f.short)}</text> }
        })
        .collect_view();
    let rows = lists
        .iter()
        .map(|f| {
            let f: &'static Framework = f;
            let row = move || ctx.progress.with(|p| p.checklist_score(f));
            view! {
                <tr>
                    <th scope="row">{tr(f.short)}</th>
                    <td>{move || ui::PERCENT.fill(ctx.lang.get(), &[("pct", &percent(row().0))])}</td>
                    <td>{move || ui::CHECKLIST_COUNT.fill(ctx.lang.get(), row().1, &[("total", &f.items.len().to_string())])}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart radar">
            <figcaption id="radar-caption">{tr(ui::RADAR_CAPTION)}</figcaption>
            <svg class="radar-chart" viewBox="0 0 320 250" aria-hidden="true" focusable="false">
                {rings}
                {axes}
                <polygon class="radar-shape" points=move || radar_polygon(&scores.get())></polygon>
                {move || {
                    let s = scores.get();
                    s.iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let (x, y) = radar_point(i, s.len(), *v);
                            view! { <circle class="radar-dot" cx=fixed(x, 1) cy=fixed(y, 1) r="3.5"></circle> }
                        })
                        .collect_view()
                }}
                {labels}
            </svg>
            <div class="radar-data">
            <table class="radar-table" aria-labelledby="radar-caption">
                <thead>
                    <tr>
                        <th scope="col">{tr(ui::RADAR_LIST)}</th>
                        <th scope="col">{tr(ui::RADAR_IN_PLACE)}</th>
                        <th scope="col">{tr(ui::RADAR_RATED)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        </figure>
    }
    .into_any()
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
    }    .into_any()
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
    fn the_radar_starts_up_and_scales_with_the_score() {
        let (cx, cy) = RADAR_CENTRE;
        let (x, y) = radar_point(0, 5, 1.0);
        assert!((x - cx).abs() < 1e-3 && (y - (cy - RADAR_RADIUS)).abs() < 1e-3);
        // Every axis at full score lies on the circle; at zero, on the centre.
        for i in 0..5 {
            let (x, y) = radar_point(i, 5, 1.0);
            assert!(((x - cx).hypot(y - cy) - RADAR_RADIUS).abs() < 1e-3);
            assert_eq!(radar_point(i, 5, 0.0), (cx, cy));
        }
        // The second axis is to the right (clockwise), the last to the left.
        assert!(radar_point(1, 5, 1.0).0 > cx && radar_point(4, 5, 1.0).0 < cx);
        // Half a score is half the way; out-of-range scores are clamped.
        let (hx, hy) = radar_point(2, 5, 0.5);
        assert!(((hx - cx).hypot(hy - cy) - RADAR_RADIUS / 2.0).abs() < 1e-3);
        assert_eq!(radar_point(3, 5, 7.0), radar_point(3, 5, 1.0));
        let poly = radar_polygon(&[0.0, 1.0, 0.5, 0.0, 0.0]);
        assert_eq!(poly.split(' ').count(), 5);
        assert!(poly.starts_with("160,125 "), "{poly}");
        assert_eq!(label_anchor(cx), "middle");
        assert_eq!(label_anchor(cx + 50.0), "start");
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
