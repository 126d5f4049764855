//! The class debrief's figures as tables, each row with a stacked SVG bar: one checklist, the quiz,
//! the screens. Used by the debrief screen and by presenter mode (one table per slide).

use crate::components::chart::bar_width;
use crate::components::link::Link;
use crate::components::number::fixed;
use crate::content::{ui, FRAMEWORKS, QUESTIONS};
use crate::route::{framework_routes, Route};
use crate::state::{tr, use_ctx};
use crate::store::debrief::{self as db, Debrief};
use leptos::prelude::*;
use std::cell::RefCell;
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
/// with the keyboard to do so.
#[component]
fn Scroll(labelled: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-labelledby=labelled tabindex="0">
            {children()}
        </div>
    }
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
    let rows = items
        .iter()
        .map(|r| {
            let c = d.items[r.index];
            view! {
                <tr>
                    <th scope="row">{tr(r.item.name)}</th>
                    {c.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                    <td class="bar-cell"><Stack counts=c.to_vec() total=d.learners/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Scroll labelled>
            <table class="debrief-table" id=format!("{prefix}-list-{}-table", f.id)>
                <thead><tr>
                    <th scope="col">{tr(ui::DEBRIEF_ITEM)}</th>
                    <th scope="col" class="num"><span class="key key-0" aria-hidden="true"></span>{tr(ui::RATE_NOT_STARTED)}</th>
                    <th scope="col" class="num"><span class="key key-1" aria-hidden="true"></span>{tr(ui::RATE_IN_PROGRESS)}</th>
                    <th scope="col" class="num"><span class="key key-2" aria-hidden="true"></span>{tr(ui::RATE_IN_PLACE)}</th>
                    <th scope="col" class="num"><span class="key key-3" aria-hidden="true"></span>{tr(ui::NOT_RATED)}</th>
                    <th scope="col" class="bar-cell">{tr(ui::DEBRIEF_SPREAD)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Scroll>
    }
}

/// The quiz: right, wrong and unanswered per question, most missed first, each question linking
/// to the screen that teaches it.
#[component]
pub fn QuizTable(d: Arc<Debrief>, labelled: String, prefix: &'static str) -> impl IntoView {
    let lang = use_ctx().lang;
    let rows = db::most_missed_first(&d)
        .into_iter()
        .map(|i| {
            let q = &QUESTIONS[i];
            let [right, wrong, none] = d.questions[i];
            let share = db::pct(right, right + wrong);
            let answered = right + wrong > 0;
            view! {
                <tr id=format!("{prefix}-q-{}", q.id)>
                    <th scope="row"><Link to=Route::of_framework(q.framework)>{tr(q.prompt)}</Link></th>
                    <td class="num">{right}</td>
                    <td class="num">{wrong}</td>
                    <td class="num">{none}</td>
                    <td class="num">{move || if answered { ui::PERCENT.fill(lang.get(), &[("pct", &share.to_string())]) } else { "—".into() }}</td>
                    <td class="bar-cell"><Stack counts=vec![right, wrong, none] total=d.learners kinds=vec![2, 0, 3]/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Scroll labelled>
            <table class="debrief-table" id=format!("{prefix}-quiz-table")>
                <thead><tr>
                    <th scope="col">{tr(ui::DEBRIEF_QUESTION)}</th>
                    <th scope="col" class="num"><span class="key key-2" aria-hidden="true"></span>{tr(ui::DEBRIEF_RIGHT)}</th>
                    <th scope="col" class="num"><span class="key key-0" aria-hidden="true"></span>{tr(ui::DEBRIEF_WRONG)}</th>
                    <th scope="col" class="num"><span class="key key-3" aria-hidden="true"></span>{tr(ui::DEBRIEF_UNANSWERED)}</th>
                    <th scope="col" class="num">{tr(ui::DEBRIEF_RIGHT_SHARE)}</th>
                    <th scope="col" class="bar-cell">{tr(ui::DEBRIEF_SPREAD)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Scroll>
    }
}

/// The framework screens, and how many learners opened each.
#[component]
pub fn ScreensTable(d: Arc<Debrief>, labelled: String, prefix: &'static str) -> impl IntoView {
    let learners = d.learners;
    let rows = FRAMEWORKS
        .iter()
        .zip(framework_routes())
        .zip(d.screens.iter().copied())
        .map(|((f, r), n)| {
            view! {
                <tr>
                    <th scope="row"><Link to=r>{tr(f.short)}</Link></th>
                    <td class="num">{n}</td>
                    <td class="bar-cell"><Stack counts=vec![n, learners.saturating_sub(n)] total=learners kinds=vec![4, 3]/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Scroll labelled>
            <table class="debrief-table" id=format!("{prefix}-screens-table")>
                <thead><tr>
                    <th scope="col">{tr(ui::DEBRIEF_SCREEN)}</th>
                    <th scope="col" class="num"><span class="key key-4" aria-hidden="true"></span>{tr(ui::DEBRIEF_SCREEN_LEARNERS)}</th>
                    <th scope="col" class="bar-cell">{tr(ui::DEBRIEF_SPREAD)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Scroll>
    }
}

/// One stacked bar: a segment per count, its share of `total`, coloured by kind (0 not started or
/// wrong, 1 in progress, 2 in place or right, 3 not rated or not answered, 4 opened). Drawn in
/// SVG; the numbers are in the row's cells, so the bar is hidden from screen readers.
#[component]
fn Stack(
    counts: Vec<u32>,
    total: u32,
    #[prop(optional)] kinds: Option<Vec<usize>>,
) -> impl IntoView {
    let kinds = kinds.unwrap_or_else(|| (0..counts.len()).collect());
    let mut x = 0.0f32;
    let segments = counts
        .iter()
        .zip(kinds)
        .filter(|(n, _)| **n > 0 && total > 0)
        .map(|(n, k)| {
            let w = bar_width(*n as f32 / total as f32);
            let seg = view! {
                <rect class=format!("seg seg-{k}") x=fixed(x, 2) y="0" width=fixed(w, 2) height="10"></rect>
            };
            x += w;
            seg
        })
        .collect_view();
    view! {
        <svg class="stack" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="100" height="10"></rect>
            {segments}
        </svg>
    }
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
