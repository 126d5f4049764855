//! The self-assessment charts, drawn as SVG in Rust: one bar per checklist (and one overall), and
//! a radar of the five checklists with its data table (for screen readers, and on paper).

use crate::components::link::link_html;
use crate::components::markup::{element, esc};
use crate::components::number::{fixed, percent};
use crate::content::{checklists, ui, Framework};
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{use_ctx, Ctx};
use crate::store::Progress;
use leptos::prelude::*;
use std::fmt::Write;

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
/// usually take. The drawing is hidden from screen readers; its table says the same. Markup (see
/// `components::markup`): it changes as a whole, with the ratings and the language.
#[component]
pub fn Radar() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <figure class="chart radar" inner_html=move || {
            let lang = ctx.lang.get();
            ctx.progress.with(|p| radar_html(p, lang))
        }></figure>
    }
}

/// The radar's drawing and its table, as markup.
pub fn radar_html(p: &Progress, lang: Lang) -> String {
    let lists: Vec<&'static Framework> = checklists().collect();
    let n = lists.len();
    let scores: Vec<f32> = lists.iter().map(|f| p.checklist_score(f).0).collect();
    let mut o = String::from(r#"<figcaption id="radar-caption">"#);
    esc(&mut o, ui::RADAR_CAPTION.get(lang));
    o.push_str(r#"</figcaption><svg class="radar-chart" viewBox="0 0 320 250" aria-hidden="true" focusable="false">"#);
    for r in [0.25f32, 0.5, 0.75, 1.0] {
        let _ = write!(
            o,
            r#"<polygon class="radar-ring" points="{}"></polygon>"#,
            radar_polygon(&vec![r; n])
        );
    }
    let (cx, cy) = (fixed(RADAR_CENTRE.0, 1), fixed(RADAR_CENTRE.1, 1));
    for i in 0..n {
        let (x, y) = radar_point(i, n, 1.0);
        let _ = write!(
            o,
            r#"<line class="radar-axis" x1="{cx}" y1="{cy}" x2="{}" y2="{}"></line>"#,
            fixed(x, 1),
            fixed(y, 1)
        );
    }
    let _ = write!(
        o,
        r#"<polygon class="radar-shape" points="{}"></polygon>"#,
        radar_polygon(&scores)
    );
    for (i, v) in scores.iter().enumerate() {
        let (x, y) = radar_point(i, n, *v);
        let _ = write!(
            o,
            r#"<circle class="radar-dot" cx="{}" cy="{}" r="3.5"></circle>"#,
            fixed(x, 1),
            fixed(y, 1)
        );
    }
    for (i, f) in lists.iter().enumerate() {
        let (x, y) = radar_point(i, n, 1.18);
        // Top label above its axis' end, bottom ones below.
        let y = if y < RADAR_CENTRE.1 - 10.0 {
            y
        } else {
            y + 8.0
        };
        let _ = write!(
            o,
            r#"<text class="radar-label" x="{}" y="{}" text-anchor="{}">"#,
            fixed(x, 1),
            fixed(y, 1),
            label_anchor(x)
        );
        esc(&mut o, f.short.get(lang));
        o.push_str("</text>");
    }
    o.push_str(r#"</svg><div class="radar-data"><table class="radar-table" aria-labelledby="radar-caption"><thead><tr>"#);
    for head in [ui::RADAR_LIST, ui::RADAR_IN_PLACE, ui::RADAR_RATED] {
        element(&mut o, r#"<th scope="col">"#, head.get(lang));
    }
    o.push_str("</tr></thead><tbody>");
    for f in &lists {
        let (score, rated) = p.checklist_score(f);
        o.push_str("<tr>");
        element(&mut o, r#"<th scope="row">"#, f.short.get(lang));
        element(
            &mut o,
            "<td>",
            &ui::PERCENT.fill(lang, &[("pct", &percent(score))]),
        );
        o.push_str("<td>");
        esc(
            &mut o,
            &ui::CHECKLIST_COUNT.fill(lang, rated, &[("total", &f.items.len().to_string())]),
        );
        o.push_str("</td></tr>");
    }
    o.push_str("</tbody></table></div>");
    o
}

/// A bar for a score in 0..=1, as markup.
fn bar_html(o: &mut String, score: f32) {
    let _ = write!(
        o,
        r#"<svg class="chart-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar-track" x="0" y="0" width="100" height="8" rx="1"></rect><rect class="bar-fill" x="0" y="0" width="{}" height="8" rx="1"></rect></svg>"#,
        fixed(bar_width(score), 2)
    );
}

/// One bar per checklist, linked to it, and one overall. Markup, like the radar.
#[component]
pub fn AssessmentChart() -> impl IntoView {
    let ctx = use_ctx();
    view! { <figure class="chart" inner_html=move || ctx.progress.with(|p| bars_html(ctx, p))></figure> }
}

/// The bars, as markup, in the language shown.
pub fn bars_html(ctx: Ctx, p: &Progress) -> String {
    let lang = ctx.lang.get();
    let mut o = String::from("<figcaption>");
    esc(&mut o, ui::ASSESS_CHART_CAPTION.get(lang));
    o.push_str(r#"</figcaption><ul class="chart-rows">"#);
    for f in checklists() {
        let (s, n) = p.checklist_score(f);
        let to = Route::Framework(f.id);
        o.push_str(r#"<li class="chart-row">"#);
        link_html(&mut o, ctx, "chart-name", to, f.short.get(lang));
        bar_html(&mut o, s);
        o.push_str(r#"<span class="chart-value">"#);
        esc(
            &mut o,
            &ui::ASSESS_ROW.fill(
                lang,
                n,
                &[("pct", &percent(s)), ("total", &f.items.len().to_string())],
            ),
        );
        o.push_str("</span></li>");
    }
    let total = overall(p);
    o.push_str(r#"<li class="chart-row overall"><span class="chart-name">"#);
    esc(&mut o, ui::ASSESS_OVERALL.get(lang));
    o.push_str("</span>");
    bar_html(&mut o, total);
    o.push_str(r#"<span class="chart-value">"#);
    esc(&mut o, &ui::PERCENT.fill(lang, &[("pct", &percent(total))]));
    o.push_str("</span></li></ul>");
    o
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
    fn the_charts_as_markup_say_each_score_and_link_each_checklist() {
        use crate::i18n::Lang;
        use crate::state::{Boot, Ctx};
        let owner = Owner::new();
        owner.with(|| {
            let ctx = Ctx::new(Boot::prerender(Route::Assessment));
            let mut p = Progress::default();
            let first = checklists().next().unwrap();
            for i in first.items {
                p.ratings.insert(crate::store::item_key(first.id, i.id), 2);
            }
            let bars = bars_html(ctx, &p);
            let lists = checklists().count();
            assert_eq!(bars.matches(r#"<li class="chart-row"#).count(), lists + 1);
            assert_eq!(
                bars.matches(r#"class="chart-name" data-to=""#).count(),
                lists
            );
            assert_eq!(
                bars.matches(r#"<rect class="bar-fill" x="0" y="0" width="100""#)
                    .count(),
                1
            );
            assert_eq!(bars.matches(r#"width="0""#).count(), lists - 1);
            let radar = radar_html(&p, Lang::Fr);
            assert_eq!(radar.matches(r#"<th scope="row">"#).count(), lists);
            assert_eq!(radar.matches("radar-dot").count(), lists);
            let escaped = |t: &str| {
                let mut s = String::new();
                esc(&mut s, t);
                s
            };
            assert!(radar.contains(&escaped(ui::RADAR_CAPTION.get(Lang::Fr))));
            assert!(radar_html(&p, Lang::En).contains(&escaped(ui::RADAR_CAPTION.get(Lang::En))));
            // Its full checklist at 100 %, in the table's first row.
            let row = &radar[radar.find(r#"<th scope="row">"#).unwrap()..];
            let pct = ui::PERCENT.fill(Lang::Fr, &[("pct", "100")]);
            assert!(
                row[..row.find("</tr>").unwrap()].contains(&escaped(&pct)),
                "{row}"
            );
        });
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
