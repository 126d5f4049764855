//! Home: what Repères is, where the learner stands (continue where they left off, or where to
//! start on a first visit), the three phases at a glance, and every framework by article with
//! whether it was seen and how much of its checklist is rated.

use crate::components::{
    icon,
    link::link_html,
    markup::{element, esc, seen_item},
};
use crate::content::{checklists, ui, Framework, ARTICLES, FRAMEWORKS, PHASES};
use crate::route::{framework_routes, Route};
use crate::state::{screen_name, tr, use_ctx, Ctx};
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

/// The screen's parts are markup (see `components::markup`): each changes only as a whole, with
/// the language, and where the learner stands and the frameworks' glances with their progress.
#[component]
pub fn Home() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="screen home">
            <h1>{tr(ui::APP_NAME)}</h1>
            <p class="lead">{tr(ui::HOME_LEAD)}</p>
            <section class="card where" aria-labelledby="home-where" inner_html=move || where_html(ctx)></section>
            <section aria-labelledby="home-phases" inner_html=move || phases_html(ctx)></section>
            <section aria-labelledby="home-do" inner_html=move || do_html(ctx)></section>
            <section aria-labelledby="home-all" inner_html=move || all_html(ctx)></section>
        </div>
    }
}

/// Continue where you left off, with what is done so far; or, on a first visit, where to start.
fn where_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let st = ctx.progress.with(standing);
    let mut o = String::new();
    element(&mut o, r#"<h2 id="home-where">"#, ui::HOME_WHERE.get(lang));
    if st.first_visit {
        element(&mut o, "<p>", ui::HOME_FIRST.get(lang));
        return o;
    }
    if let Some(r) = st.resume {
        o.push_str(r#"<p class="resume">"#);
        esc(&mut o, ui::HOME_CONTINUE.get(lang));
        o.push(' ');
        link_html(
            &mut o,
            ctx,
            "resume-link",
            r,
            &format!("{} →", screen_name(r, lang)),
        );
        o.push_str("</p>");
    }
    o.push_str(r#"<p class="muted">"#);
    esc(
        &mut o,
        &ui::PROGRESS_VISITED.fill(lang, st.seen.0, &[("total", &st.seen.1.to_string())]),
    );
    o.push_str(" · ");
    esc(
        &mut o,
        &ui::CHECKLIST_COUNT.fill(lang, st.rated.0, &[("total", &st.rated.1.to_string())]),
    );
    o.push_str("</p>");
    o
}

/// The three phases at a glance, and the ways to the timeline and the chronology.
fn phases_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(
        &mut o,
        r#"<h2 id="home-phases">"#,
        ui::HOME_PHASES.get(lang),
    );
    o.push_str(r#"<ul class="phase-cards">"#);
    for p in PHASES {
        o.push_str(r#"<li class="card phase-card status-"#);
        esc(&mut o, p.status_kind);
        o.push_str(r#"">"#);
        link_html(&mut o, ctx, "phase-name", Route::Phases(Some(p.id)), p.name);
        element(&mut o, r#"<p class="muted">"#, p.expansion.get(lang));
        element(&mut o, "<p>", p.status.get(lang));
        o.push_str("</li>");
    }
    o.push_str("</ul><p>");
    link_html(
        &mut o,
        ctx,
        "",
        Route::Phases(None),
        ui::HOME_SEE_TIMELINE.get(lang),
    );
    o.push_str(" · ");
    link_html(&mut o, ctx, "", Route::Chronology, ui::NAV_CHRONO.get(lang));
    o.push_str("</p>");
    o
}

/// What to do: the self-assessment, the quiz, progress.
fn do_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(&mut o, r#"<h2 id="home-do">"#, ui::HOME_DO.get(lang));
    o.push_str(r#"<ul class="do-list">"#);
    for (to, name) in [
        (Route::Assessment, ui::ASSESS_TITLE),
        (Route::Quiz, ui::QUIZ_TITLE),
        (Route::Progress, ui::PROGRESS_TITLE),
    ] {
        o.push_str("<li>");
        link_html(&mut o, ctx, "", to, name.get(lang));
        o.push_str("</li>");
    }
    o.push_str("</ul>");
    o
}

/// Every framework by article, each with whether it was seen and how much of its checklist is
/// rated.
fn all_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(&mut o, r#"<h2 id="home-all">"#, ui::HOME_ALL.get(lang));
    o.push_str(r#"<div class="article-groups">"#);
    ctx.progress.with(|p| {
        for a in ARTICLES {
            o.push_str(r#"<section class="card article-group"><h3>"#);
            icon::html(&mut o, a.icon);
            o.push(' ');
            esc(&mut o, a.title.get(lang));
            o.push_str(r#"</h3><p class="muted">"#);
            esc(&mut o, a.author.get(lang));
            o.push_str(r#"</p><ul class="glances">"#);
            for f in FRAMEWORKS.iter().filter(|f| f.article == a.id) {
                let g = glance(p, f);
                let seen = if g.seen { ui::SEEN } else { ui::NOT_SEEN }.get(lang);
                seen_item(&mut o, g.seen);
                o.push_str(r#"<span class="glance-text">"#);
                link_html(
                    &mut o,
                    ctx,
                    "",
                    Route::of_framework(f.id),
                    f.title.get(lang),
                );
                o.push_str(r#"<span class="glance">"#);
                esc(&mut o, seen);
                if let Some((n, total)) = g.rated {
                    o.push_str(" · ");
                    esc(
                        &mut o,
                        &ui::CHECKLIST_COUNT.fill(lang, n, &[("total", &total.to_string())]),
                    );
                }
                o.push_str("</span></span></li>");
            }
            o.push_str("</ul></section>");
        }
    });
    o.push_str("</div>");
    o
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
    fn the_home_markup_follows_the_progress_in_the_language_shown() {
        use crate::i18n::Lang;
        use crate::state::Boot;
        let owner = Owner::new();
        owner.with(|| {
            let ctx = Ctx::new(Boot::prerender(Route::Home));
            let text = |t: &str| {
                let mut s = String::new();
                esc(&mut s, t);
                s
            };
            // A first visit: where to start, and nothing seen.
            assert!(where_html(ctx).contains(&text(ui::HOME_FIRST.get(Lang::Fr))));
            let all = all_html(ctx);
            assert_eq!(all.matches("<li>").count(), FRAMEWORKS.len());
            assert_eq!(
                all.matches(r#"<section class="card article-group">"#)
                    .count(),
                ARTICLES.len()
            );
            assert_eq!(
                phases_html(ctx).matches("phase-card status-").count(),
                PHASES.len()
            );
            assert_eq!(do_html(ctx).matches("<li><a ").count(), 3);
            // One framework seen, then the quiz: the way back to the quiz, one glance seen.
            ctx.progress.update(|p| {
                p.arrive(Route::Framework("usages"));
                p.arrive(Route::Quiz);
            });
            let w = where_html(ctx);
            assert!(w.contains(r#"class="resume-link" data-to="quiz""#), "{w}");
            assert!(!w.contains(&text(ui::HOME_FIRST.get(Lang::Fr))));
            let all = all_html(ctx);
            assert_eq!(all.matches(r#"<li class="seen">"#).count(), 1);
            assert_eq!(all.matches("<li>").count(), FRAMEWORKS.len() - 1);
            ctx.lang.set(Lang::En);
            assert!(where_html(ctx).contains(&text(ui::HOME_CONTINUE.get(Lang::En))));
            assert!(all_html(ctx).contains(&text(ui::SEEN.get(Lang::En))));
        });
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
