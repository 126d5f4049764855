//! Home: what Repères is, where the learner stands (continue where they left off, or where to
//! start on a first visit), the three phases at a glance, and every framework by article with
//! whether it was seen and how much of its checklist is rated.

use crate::components::icon::Icon;
use crate::components::link::Link;
use crate::content::{checklists, ui, Framework, ARTICLES, FRAMEWORKS, PHASES};
use crate::route::{framework_routes, Route};
use crate::state::{screen_name, tr, use_ctx};
use crate::store::Progress;
use leptos::prelude::*;

/// One framework at a glance.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glance {
    pub seen: bool,
    /// Checklist items rated, and how many there are (`None` when it is not a checklist).
    pub rated: Option<(usize, usize)>,
}

/// A framework's glance.
pub fn glance(p: &Progress, f: &Framework) -> Glance {
    Glance {
        seen: p.visited.contains(&Route::of_framework(f.id).path()),
        rated: f.checklist.then(|| (p.checklist_score(f).1, f.items.len())),
    }
}

/// Where the learner stands, as the home screen sums it up.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The screen to continue on, if any.
    pub resume: Option<Route>,
    /// Framework screens seen, of how many.
    pub seen: (usize, usize),
    /// Checklist items rated, of how many.
    pub rated: (usize, usize),
    /// Nothing done yet: the home screen says where to start instead.
    pub first_visit: bool,
}

pub fn standing(p: &Progress) -> Standing {
    let items: usize = checklists().map(|f| f.items.len()).sum();
    Standing {
        resume: p.last_route(),
        seen: (p.visited_count(), framework_routes().count()),
        rated: (p.rated_count(), items),
        first_visit: p.last_route().is_none() && !p.has_results(),
    }
}

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="screen home">
            <h1>{tr(ui::APP_NAME)}</h1>
            <p class="lead">{tr(ui::HOME_LEAD)}</p>
            <Where/>
            <section aria-labelledby="home-phases">
                <h2 id="home-phases">{tr(ui::HOME_PHASES)}</h2>
                <ul class="phase-cards">
                    {PHASES
                        .iter()
                        .map(|p| {
                            view! {
                                <li class=format!("card phase-card status-{}", p.status_kind)>
                                    <Link to=Route::Phases(Some(p.id)) class="phase-name">{p.name}</Link>
                                    <p class="muted">{tr(p.expansion)}</p>
                                    <p>{tr(p.status)}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p>
                    <Link to=Route::Phases(None)>{tr(ui::HOME_SEE_TIMELINE)}</Link>" · "
                    <Link to=Route::Chronology>{tr(ui::NAV_CHRONO)}</Link>
                </p>
            </section>
            <section aria-labelledby="home-do">
                <h2 id="home-do">{tr(ui::HOME_DO)}</h2>
                <ul class="do-list">
                    <li><Link to=Route::Assessment>{tr(ui::ASSESS_TITLE)}</Link></li>
                    <li><Link to=Route::Quiz>{tr(ui::QUIZ_TITLE)}</Link></li>
                    <li><Link to=Route::Progress>{tr(ui::PROGRESS_TITLE)}</Link></li>
                </ul>
            </section>
            <section aria-labelledby="home-all">
                <h2 id="home-all">{tr(ui::HOME_ALL)}</h2>
                <div class="article-groups">
                    {ARTICLES
                        .iter()
                        .map(|a| {
                            view! {
                                <section class="card article-group">
                                    <h3><Icon name=a.icon/>" "{tr(a.title)}</h3>
                                    <p class="muted">{tr(a.author)}</p>
                                    <ul class="glances">
                                        {FRAMEWORKS.iter().filter(|f| f.article == a.id).map(|f| view! { <GlanceItem f/> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
        </div>
    }
}

/// Continue where you left off, with what is done so far; or, on a first visit, where to start.
#[component]
fn Where() -> impl IntoView {
    let ctx = use_ctx();
    let s = Memo::new(move |_| ctx.progress.with(standing));
    view! {
        <section class="card where" aria-labelledby="home-where">
            <h2 id="home-where">{tr(ui::HOME_WHERE)}</h2>
            {move || {
                let st = s.get();
                if st.first_visit {
                    return view! { <p>{tr(ui::HOME_FIRST)}</p> }.into_any();
                }
                let l = ctx.lang.get();
                let counts = format!(
                    "{} · {}",
                    ui::PROGRESS_VISITED.fill(l, st.seen.0, &[("total", &st.seen.1.to_string())]),
                    ui::CHECKLIST_COUNT.fill(l, st.rated.0, &[("total", &st.rated.1.to_string())]),
                );
                view! {
                    {st.resume.map(|r| view! {
                        <p class="resume">
                            {tr(ui::HOME_CONTINUE)}" "
                            <Link to=r class="resume-link">{move || screen_name(r, ctx.lang.get())}" →"</Link>
                        </p>
                    })}
                    <p class="muted">{counts}</p>
                }
                    .into_any()
            }}
        </section>
    }
}

/// A framework's link, with whether it was seen and how much of its checklist is rated.
#[component]
fn GlanceItem(f: &'static Framework) -> impl IntoView {
    let ctx = use_ctx();
    let g = Memo::new(move |_| ctx.progress.with(|p| glance(p, f)));
    let status = move || {
        let l = ctx.lang.get();
        let g = g.get();
        let seen = if g.seen { ui::SEEN } else { ui::NOT_SEEN }.get(l);
        match g.rated {
            Some((n, total)) => format!(
                "{seen} · {}",
                ui::CHECKLIST_COUNT.fill(l, n, &[("total", &total.to_string())])
            ),
            None => seen.to_string(),
        }
    };
    view! {
        <li class:seen=move || g.get().seen>
            <span class="mark" aria-hidden="true">{move || if g.get().seen { "✓" } else { "○" }}</span>
            <span class="glance-text">
                <Link to=Route::of_framework(f.id)>{tr(f.title)}</Link>
                <span class="glance">{status}</span>
            </span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::framework;
    use crate::store::item_key;

    #[test]
    fn a_first_visit_says_where_to_start() {
        let s = standing(&Progress::default());
        assert!(s.first_visit);
        assert_eq!(s.resume, None);
        assert_eq!(s.seen.0, 0);
        assert_eq!(s.rated, (0, 28), "6 + 6 + 4 + 4 + 8 items");
    }

    #[test]
    fn a_return_visit_offers_the_last_screen_and_counts() {
        let mut p = Progress::default();
        p.arrive(Route::Framework("usages"));
        let usages = framework("usages").unwrap();
        p.ratings.insert(item_key("usages", usages.items[0].id), 2);
        p.ratings.insert(item_key("usages", usages.items[3].id), 0);
        p.arrive(Route::Quiz);
        let s = standing(&p);
        assert!(!s.first_visit);
        assert_eq!(s.resume, Some(Route::Quiz));
        assert_eq!(s.seen.0, 1);
        assert_eq!(s.rated.0, 2);
        assert_eq!(
            glance(&p, usages),
            Glance {
                seen: true,
                rated: Some((2, 6))
            }
        );
        let phases = framework("phases").unwrap();
        assert_eq!(
            glance(&p, phases),
            Glance {
                seen: false,
                rated: None
            }
        );
        // Only a screen opened, nothing done yet: not a first visit any more.
        let mut only = Progress::default();
        only.arrive(Route::About);
        assert!(!standing(&only).first_visit);
    }
}
