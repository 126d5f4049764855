//! Home: what Repères is, the three phases at a glance, and every framework by article.

use crate::components::framework_links::FrameworkLinks;
use crate::components::link::Link;
use crate::content::{ui, ARTICLES, PHASES};
use crate::route::Route;
use crate::state::tr;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <div class="screen home">
            <h1>{tr(ui::APP_NAME)}</h1>
            <p class="lead">{tr(ui::HOME_LEAD)}</p>
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
                                    <h3>{tr(a.title)}</h3>
                                    <p class="muted">{tr(a.author)}</p>
                                    <FrameworkLinks article=a.id/>
                                </section>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
        </div>
    }
}
