//! The class debrief's figures as tables, each row with a stacked SVG bar: one checklist, the quiz,
//! the screens. Used by the debrief screen and by presenter mode (one table per slide).

use crate::components::chart::bar_width;
use crate::components::markup::esc;
use crate::components::number::fixed;
use crate::content::{ui, Text, FRAMEWORKS, QUESTIONS};
use crate::i18n::Lang;
use crate::route::{framework_routes, Route};
use crate::state::{tr, use_ctx};
use crate::store::debrief::{self as db, Debrief};
use leptos::prelude::*;
use std::cell::RefCell;
use std::fmt::Write;
use std::sync::Arc;

thread_local! {
    /// The debrief on screen, for presenter mode (which sits outside the screen): set when the
    /// figures are shown, cleared when they go.
    static SHOWN: RefCell<Option<Arc<Debrief>>> = const { RefCell::new(None) };
}

pub fn show(d: Option<Arc<Debrief>>) {
    SHOWN.with(|s| *s.borrow_mut() = d);
}

pub fn shown() -> Option<Arc<Debrief>> {
    SHOWN.with(|s| s.borrow().clone())
}

/// A table that may be wider than a phone: it scrolls sideways on its own, and can be reached
/// with the keyboard to do so. Its content is the table's markup, built as one string for the
/// language shown and parsed by the browser in one go: built node by node from the wasm, the
/// seven tables of a debrief (about 1,300 elements) took over 200 ms at CPU 4x, most of it in
/// calls across to the DOM. Its links move through history like `Link` (see `components::link`).
#[component]
fn Scroll(
    labelled: String,
    html: impl Fn(Lang) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="table-scroll" role="region" aria-labelledby=labelled tabindex="0" inner_html=move || html(ctx.lang.get())></div>
    }
}

/// An in-app link in the markup (see `components::link`).
fn link(out: &mut String, to: Route, text: &str) {
    crate::components::link::link_html(out, use_ctx(), "", to, text);
}

/// The head row: the first column's name, then each count's (with its colour key), then the bar.
fn head(t: &mut String, l: Lang, first: Text, counts: &[(usize, Text)], last: Option<Text>) {
    t.push_str(r#"<thead><tr><th scope="col">"#);
    esc(t, first.get(l));
    t.push_str("</th>");
    for (k, name) in counts {
        let _ = write!(
            t,
            r#"<th scope="col" class="num"><span class="key key-{k}" aria-hidden="true"></span>"#
        );
        esc(t, name.get(l));
        t.push_str("</th>");
    }
    if let Some(name) = last {
        t.push_str(r#"<th scope="col" class="num">"#);
        esc(t, name.get(l));
        t.push_str("</th>");
    }
    t.push_str(r#"<th scope="col" class="bar-cell">"#);
    esc(t, ui::DEBRIEF_SPREAD.get(l));
    t.push_str("</th></tr></thead>");
}

/// One checklist (`list`, in content order): each item's spread, lowest rated first.
#[component]
pub fn ChecklistTable(
    d: Arc<Debrief>,
    list: usize,
    /// The id of the heading that names the table.
    labelled: String,
    /// Prefix of the table's id (the screen and a slide show the same table).
    prefix: &'static str,
) -> impl IntoView {
    let (f, mut items) = db::checklist_items().swap_remove(list);
    db::lowest_first(&d, &mut items);
    let html = move |l: Lang| {
        let mut t = String::with_capacity(4096);
        let _ = write!(
            t,
            r#"<table class="debrief-table" id="{prefix}-list-{}-table">"#,
            f.id
        );
        head(
            &mut t,
            l,
            ui::DEBRIEF_ITEM,
            &[
                (0, ui::RATE_NOT_STARTED),
                (1, ui::RATE_IN_PROGRESS),
                (2, ui::RATE_IN_PLACE),
                (3, ui::NOT_RATED),
            ],
            None,
        );
        t.push_str("<tbody>");
        for r in &items {
            let c = d.items[r.index];
            t.push_str(r#"<tr><th scope="row">"#);
            esc(&mut t, r.item.name.get(l));
            t.push_str("</th>");
            for n in c {
                let _ = write!(t, r#"<td class="num">{n}</td>"#);
            }
            t.push_str(r#"<td class="bar-cell">"#);
            stack(&mut t, &c, d.learners, &[0, 1, 2, 3]);
            t.push_str("</td></tr>");
        }
        t + "</tbody></table>"
    };
    view! { <Scroll labelled html/> }
}

/// The quiz: right, wrong and unanswered per question, most missed first, each question linking
/// to the screen that teaches it.
#[component]
pub fn QuizTable(d: Arc<Debrief>, labelled: String, prefix: &'static str) -> impl IntoView {
    let order = db::most_missed_first(&d);
    let html = move |l: Lang| {
        let mut t = String::with_capacity(8192);
        let _ = write!(
            t,
            r#"<table class="debrief-table" id="{prefix}-quiz-table">"#
        );
        head(
            &mut t,
            l,
            ui::DEBRIEF_QUESTION,
            &[
                (2, ui::DEBRIEF_RIGHT),
                (0, ui::DEBRIEF_WRONG),
                (3, ui::DEBRIEF_UNANSWERED),
            ],
            Some(ui::DEBRIEF_RIGHT_SHARE),
        );
        t.push_str("<tbody>");
        for &i in &order {
            let q = &QUESTIONS[i];
            let [right, wrong, none] = d.questions[i];
            let share = if right + wrong > 0 {
                ui::PERCENT.fill(l, &[("pct", &db::pct(right, right + wrong).to_string())])
            } else {
                "—".into()
            };
            let _ = write!(t, r#"<tr id="{prefix}-q-{}"><th scope="row">"#, q.id);
            link(&mut t, Route::of_framework(q.framework), q.prompt.get(l));
            let _ = write!(
                t,
                r#"</th><td class="num">{right}</td><td class="num">{wrong}</td><td class="num">{none}</td><td class="num">"#
            );
            esc(&mut t, &share);
            t.push_str(r#"</td><td class="bar-cell">"#);
            stack(&mut t, &[right, wrong, none], d.learners, &[2, 0, 3]);
            t.push_str("</td></tr>");
        }
        t + "</tbody></table>"
    };
    view! { <Scroll labelled html/> }
}

/// The framework screens, and how many learners opened each.
#[component]
pub fn ScreensTable(d: Arc<Debrief>, labelled: String, prefix: &'static str) -> impl IntoView {
    let html = move |l: Lang| {
        let learners = d.learners;
        let mut t = String::with_capacity(8192);
        let _ = write!(
            t,
            r#"<table class="debrief-table" id="{prefix}-screens-table">"#
        );
        head(
            &mut t,
            l,
            ui::DEBRIEF_SCREEN,
            &[(4, ui::DEBRIEF_SCREEN_LEARNERS)],
            None,
        );
        t.push_str("<tbody>");
        for ((f, r), n) in FRAMEWORKS
            .iter()
            .zip(framework_routes())
            .zip(d.screens.iter().copied())
        {
            t.push_str(r#"<tr><th scope="row">"#);
            link(&mut t, r, f.short.get(l));
            let _ = write!(t, r#"</th><td class="num">{n}</td><td class="bar-cell">"#);
            stack(&mut t, &[n, learners.saturating_sub(n)], learners, &[4, 3]);
            t.push_str("</td></tr>");
        }
        t + "</tbody></table>"
    };
    view! { <Scroll labelled html/> }
}

/// One stacked bar: a segment per count, its share of `total`, coloured by kind (0 not started or
/// wrong, 1 in progress, 2 in place or right, 3 not rated or not answered, 4 opened). Drawn in
/// SVG; the numbers are in the row's cells, so the bar is hidden from screen readers. Its track
/// is the SVG box's own background (style/screens.css): one element fewer per row to parse and lay
/// out, which counts at 200 codes.
fn stack(s: &mut String, counts: &[u32], total: u32, kinds: &[usize]) {
    s.push_str(
        r#"<svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">"#,
    );
    let mut x = 0.0f32;
    for (n, k) in counts
        .iter()
        .zip(kinds)
        .filter(|(n, _)| **n > 0 && total > 0)
    {
        let w = bar_width(*n as f32 / total as f32);
        let _ = write!(
            s,
            r#"<rect class="seg seg-{k}" x="{}" width="{}" height="10"></rect>"#,
            fixed(x, 2),
            fixed(w, 2)
        );
        x += w;
    }
    s.push_str("</svg>");
}

/// How many slides presenter mode shows for a debrief: each checklist, the quiz, the screens.
pub fn slide_count() -> usize {
    crate::content::checklists().count() + 2
}

/// One slide of the debrief in presenter mode: its title and its table.
#[component]
pub fn DebriefSlide(d: Arc<Debrief>, slide: usize) -> impl IntoView {
    let lists = crate::content::checklists().count();
    let labelled = "slide-title".to_string();
    if slide < lists {
        let f = crate::content::checklists().nth(slide).expect("in range");
        view! {
            <h2 id="slide-title">{tr(ui::DEBRIEF_TITLE)}" — "{tr(f.title)}</h2>
            <ChecklistTable d list=slide labelled prefix="slide"/>
        }
        .into_any()
    } else if slide == lists {
        view! {
            <h2 id="slide-title">{tr(ui::DEBRIEF_QUIZ_TITLE)}</h2>
            <QuizTable d labelled prefix="slide"/>
        }
        .into_any()
    } else {
        view! {
            <h2 id="slide-title">{tr(ui::DEBRIEF_SCREENS_TITLE)}</h2>
            <ScreensTable d labelled prefix="slide"/>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(counts: &[u32], total: u32, kinds: &[usize]) -> String {
        let mut s = String::new();
        stack(&mut s, counts, total, kinds);
        s
    }

    #[test]
    fn a_stacked_bar_has_one_segment_per_count_side_by_side() {
        let s = bar(&[1, 0, 3], 4, &[2, 0, 3]);
        assert!(s.starts_with(r#"<svg class="stack" viewBox="0 0 100 10""#));
        assert!(
            s.contains(r#"<rect class="seg seg-2" x="0" width="25" height="10">"#),
            "{s}"
        );
        assert!(
            s.contains(r#"<rect class="seg seg-3" x="25" width="75" height="10">"#),
            "{s}"
        );
        assert!(!s.contains("seg-0"), "an empty count draws nothing: {s}");
        assert!(s.ends_with("</svg>"), "{s}");
        assert_eq!(
            bar(&[0, 0], 0, &[4, 3]).matches("<rect").count(),
            0,
            "nobody: the track only (the box's background)"
        );
    }

    #[test]
    fn a_link_in_the_markup_leads_back_to_its_route() {
        for r in framework_routes() {
            assert_eq!(Route::parse(&r.path()), r);
        }
    }
}
