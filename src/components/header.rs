//! Site header: one row. The name of the app, the main screens and the settings where the window
//! is wide enough, and one menu button that holds everything: every screen, every framework by
//! article, the language, the theme and presenter mode (on a phone, the bar is the name and that
//! button alone). The menu is a `<details>` disclosure, so it opens in the prerendered page too,
//! before the app is live; the app adds Escape (focus back on the button), arrow keys, and closes
//! it after a choice, when focus leaves it, and on a tap or click outside it.

use crate::components::framework_links::FrameworkLinks;
use crate::components::icon::Icon;
use crate::components::link::{list_html, Link};
use crate::components::presenter;
use crate::content::{ui, ARTICLES};
use crate::i18n::Lang;
use crate::route::{Route, SCREENS};
use crate::state::{tr, use_ctx};
use crate::store::Theme;
use leptos::prelude::*;

/// The menu button's id: focus comes back to it when the menu closes with Escape.
pub const MENU_BUTTON: &str = "menu-button";

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <header class="site-header">
            <div class="bar">
                <Link to=Route::Home class="brand">{tr(ui::APP_NAME)}</Link>
                <nav class="primary" aria-label=tr(ui::NAV_LABEL)>
                    <ul inner_html=move || screens_html(ctx, true)></ul>
                </nav>
                <div class="tools">
                    <LangSwitch/>
                    <ThemeSwitch/>
                    <button type="button" class="tool present" id="present-button" on:click=move |_| presenter::open(ctx)>
                        {tr(ui::PRESENT)}
                    </button>
                </div>
                <Menu/>
            </div>
        </header>
    }
}

/// The links to the screens (the bar's: the main ones only), as markup (see `components::link`).
fn screens_html(ctx: crate::state::Ctx, primary_only: bool) -> String {
    let lang = ctx.lang.get();
    list_html(
        ctx,
        SCREENS
            .iter()
            .filter(|s| s.primary || !primary_only)
            .map(|s| (s.route, s.name.get(lang))),
    )
}

/// Whether the menu is open, as the element says: its toggle event, which tells the `open` signal,
/// comes a task after it opens, and an event in between (Escape, focus or a tap elsewhere at once)
/// must see it open all the same.
fn is_open(menu: &web_sys::Element) -> bool {
    menu.has_attribute("open")
}

/// Closes the menu: the element at once (the signal may not know yet that it opened: setting it
/// to false would then change nothing), then the signal.
#[cfg(target_arch = "wasm32")]
fn close(menu: &web_sys::Element, open: RwSignal<bool>) {
    let _ = menu.remove_attribute("open");
    open.set(false);
}

/// The menu: a disclosure whose panel lies over the page under the bar. The screens first, then
/// the settings (on a phone, not below 28 framework links), then the frameworks by article.
#[component]
fn Menu() -> impl IntoView {
    let ctx = use_ctx();
    // A menu the learner opened on the prerendered page stays open in the live app.
    #[cfg(target_arch = "wasm32")]
    let was_open = crate::platform::dom::prerendered_menu_open();
    #[cfg(not(target_arch = "wasm32"))]
    let was_open = false;
    let open = RwSignal::new(was_open);
    // A choice leads to a new screen: the menu closes.
    Effect::new(move |prev: Option<Route>| {
        let route = ctx.route.get();
        if prev.is_some_and(|p| p != route) {
            open.set(false);
        }
        route
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        let now = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if now != open.get_untracked() {
            open.set(now);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let shown = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|d| is_open(&d));
        if !shown {
            return;
        }
        if !open.get_untracked() {
            open.set(true);
        }
        let step = match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                open.set(false);
                #[cfg(target_arch = "wasm32")]
                crate::platform::dom::focus_by_id(MENU_BUTTON);
                return;
            }
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" => i32::MIN,
            "End" => i32::MAX,
            _ => return,
        };
        ev.prevent_default();
        #[cfg(target_arch = "wasm32")]
        crate::platform::dom::move_focus(
            &event_target::<web_sys::Element>(&ev),
            ".site-menu",
            step,
        );
        let _ = step;
    };
    // A link chosen: the menu closes. The current screen's own link changes nothing else, so
    // focus goes back to the button.
    let on_click = move |_ev: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            let target = event_target::<web_sys::Element>(&_ev);
            if let Ok(Some(a)) = target.closest("a[href]") {
                open.set(false);
                if a.get_attribute("aria-current").as_deref() == Some("page") {
                    crate::platform::dom::focus_by_id(MENU_BUTTON);
                }
            }
        }
    };
    // Focus gone elsewhere (Tab past the last link, Shift+Tab before the button, a click on
    // another control): the menu closes, so that its panel, which lies over the page, never
    // covers the control that has focus (WCAG 2.4.11). Focus stays where it went. A focus lost
    // to nothing (another window, a removed element) leaves the menu as it is.
    let on_focus_out = move |_ev: leptos::ev::FocusEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let menu = _ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            // Presenter mode takes focus from its button in the menu and gives it back there.
            let Some(menu) = menu.filter(is_open) else {
                return;
            };
            if ctx.presenting.get_untracked() {
                return;
            }
            let to = _ev
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let Some(to) = to {
                if !matches!(to.closest(".site-menu"), Ok(Some(_))) {
                    close(&menu, open);
                }
            }
        }
    };
    // A tap or a click anywhere outside the button and the panel closes the menu too. Not while
    // presenting: the presenter lies over everything, and its opener in the menu must still be
    // there to take focus back when it closes.
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let handle = window_event_listener(
            leptos::ev::pointerdown,
            move |ev: leptos::ev::PointerEvent| {
                let menu = document().query_selector(".site-menu").ok().flatten();
                let Some(menu) = menu.filter(is_open) else {
                    return;
                };
                if ctx.presenting.get_untracked() {
                    return;
                }
                let inside = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| matches!(el.closest(".site-menu"), Ok(Some(_))));
                if !inside {
                    close(&menu, open);
                }
            },
        );
        on_cleanup(move || handle.remove());
    }
    view! {
        <details
            class="site-menu"
            prop:open=move || open.get()
            on:toggle=on_toggle
            on:keydown=on_key
            on:focusout=on_focus_out
        >
            <summary id=MENU_BUTTON class="tool menu-button">
                <Icon name="menu"/>
                <span>{tr(ui::MENU)}</span>
            </summary>
            <div class="menu-panel" on:click=on_click>
                <div class="menu-groups">
                    <nav class="menu-group" aria-labelledby="menu-screens">
                        <p class="menu-group-title" id="menu-screens">{tr(ui::MENU_SCREENS)}</p>
                        <ul inner_html=move || screens_html(ctx, false)></ul>
                    </nav>
                    <div class="menu-group menu-settings" role="group" aria-labelledby="menu-settings">
                        <p class="menu-group-title" id="menu-settings">{tr(ui::MENU_SETTINGS)}</p>
                        <LangSwitch/>
                        <ThemeSwitch/>
                        <button type="button" class="tool present" id="menu-present-button" on:click=move |_| presenter::open(ctx)>
                            {tr(ui::PRESENT)}
                        </button>
                    </div>
                    <nav class="menu-frameworks" aria-labelledby="menu-all">
                        <p class="menu-group-title" id="menu-all">{tr(ui::MENU_ALL)}</p>
                        {ARTICLES
                            .iter()
                            .map(|a| {
                                let id = format!("menu-{}", a.id);
                                view! {
                                    <div class="menu-group family">
                                        <p class="menu-family-title" id=id.clone()><Icon name=a.icon/>{tr(a.title)}</p>
                                        <FrameworkLinks article=a.id short=true labelledby=id/>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </nav>
                </div>
            </div>
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
