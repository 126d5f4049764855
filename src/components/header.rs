//! Site header: name, main links, the full menu, language and theme switches, presenter mode.

use crate::components::framework_links::FrameworkLinks;
use crate::components::link::Link;
use crate::content::{ui, ARTICLES};
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{tr, use_ctx};
use crate::store::Theme;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <header class="site-header">
            <div class="bar">
                <Link to=Route::Home class="brand">{tr(ui::APP_NAME)}</Link>
                <nav class="primary" aria-label=tr(ui::NAV_LABEL)>
                    <ul>
                        <li><Link to=Route::Phases(None)>{tr(ui::NAV_PHASES)}</Link></li>
                        <li><Link to=Route::Chronology>{tr(ui::NAV_CHRONO)}</Link></li>
                        <li><Link to=Route::Assessment>{tr(ui::NAV_ASSESS)}</Link></li>
                        <li><Link to=Route::Quiz>{tr(ui::NAV_QUIZ)}</Link></li>
                        <li><Link to=Route::Progress>{tr(ui::NAV_PROGRESS)}</Link></li>
                    </ul>
                </nav>
                <div class="tools">
                    <LangSwitch/>
                    <ThemeSwitch/>
                    <button type="button" class="tool present" id="present-button" on:click=move |_| ctx.presenting.set(true)>
                        {tr(ui::PRESENT)}
                    </button>
                </div>
            </div>
            // Rebuilt on every route change, so it is closed after a choice.
            {move || {
                ctx.route.track();
                view! { <FullMenu/> }
            }}
        </header>
    }
}

/// Every screen, grouped by source article.
#[component]
fn FullMenu() -> impl IntoView {
    view! {
        <details class="full-menu">
            <summary>{tr(ui::MENU_ALL)}</summary>
            <nav aria-label=tr(ui::MENU_ALL)>
                <div class="menu-groups">
                    {ARTICLES
                        .iter()
                        .map(|a| {
                            view! {
                                <div class="menu-group">
                                    <p class="menu-group-title">{tr(a.title)}</p>
                                    <FrameworkLinks article=a.id short=true/>
                                </div>
                            }
                        })
                        .collect_view()}
                    <div class="menu-group">
                        <p class="menu-group-title">{tr(ui::MENU_MORE)}</p>
                        <ul>
                            <li><Link to=Route::PhasesCompare>{tr(ui::COMPARE_TITLE)}</Link></li>
                            <li><Link to=Route::Debrief>{tr(ui::DEBRIEF_TITLE)}</Link></li>
                            <li><Link to=Route::Sources>{tr(ui::NAV_SOURCES)}</Link></li>
                            <li><Link to=Route::About>{tr(ui::NAV_ABOUT)}</Link></li>
                        </ul>
                    </div>
                </div>
            </nav>
        </details>
    }
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="lang-switch" role="group" aria-label=tr(ui::LANG_LABEL)>
            {Lang::ALL
                .map(|l| {
                    let name = l.endonym();
                    view! {
                        <button
                            type="button"
                            class="tool"
                            lang=l.code()
                            aria-pressed=move || (ctx.lang.get() == l).to_string()
                            on:click=move |_| ctx.set_lang(l)
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let theme = move || ctx.progress.with(|p| p.theme);
    let label = move || {
        let lang = ctx.lang.get();
        let name = match theme() {
            Theme::Auto => ui::THEME_AUTO,
            Theme::Light => ui::THEME_LIGHT,
            Theme::Dark => ui::THEME_DARK,
        };
        ui::THEME_BUTTON.fill(lang, &[("theme", name.get(lang))])
    };
    let next = move |_| {
        ctx.progress.update(|p| {
            p.theme = match p.theme {
                Theme::Auto => Theme::Light,
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::Auto,
            }
        });
        // The button's new name is also said: not every screen reader reads a focused button's
        // name again when it changes.
        ctx.say_str(label());
    };
    view! {
        <button type="button" class="tool" on:click=next>
            {label}
        </button>
    }
}
