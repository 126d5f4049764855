//! Site header: one row. The name of the app, the main screens and the settings where the window
//! is wide enough, and one menu button that holds everything: every screen, every framework by
//! article, the language, the theme and presenter mode (on a phone, the bar is the name and that
//! button alone). The menu is a `<details>` disclosure, so it opens in the prerendered page too,
//! before the app is live; the app adds Escape (focus back on the button), arrow keys, and closes
//! it after a choice, when focus leaves it, and on a tap or click outside it.
//!
//! The header is markup (`bar_html`, see `components::markup`), written by the prerender and by
//! the browser alike, with one listener per kind of event on the header and three effects
//! (`wire`): it changes only as a whole (the language), in two words (the theme) or in the menu's
//! open state. Built as Leptos views, with a listener and reactive parts per control, it was 5.1
//! KB of the main module's raw code (session 21).

use crate::components::framework_links;
use crate::components::icon;
use crate::components::link::{anchor, list_html};
use crate::components::markup::esc;
use crate::content::{ui, Text, ARTICLES};
use crate::i18n::Lang;
use crate::route::{Route, SCREENS};
use crate::state::Ctx;
use crate::store::Theme;
use leptos::prelude::*;

/// The menu button's id: focus comes back to it when the menu closes with Escape.
pub const MENU_BUTTON: &str = "menu-button";

/// The header's content as markup, in the language shown; `open`: with the menu open.
pub fn bar_html(ctx: Ctx, open: bool) -> String {
    let lang = ctx.lang.get_untracked();
    let t = |text: Text| text.get(lang);
    let mut o = String::with_capacity(12_000);
    o.push_str(r#"<div class="bar">"#);
    anchor(
        &mut o,
        "brand",
        &ctx.href(Route::Home),
        Route::Home,
        ctx.route.get_untracked(),
        t(ui::APP_NAME),
    );
    o.push_str(r#"<nav class="primary" aria-label=""#);
    esc(&mut o, t(ui::NAV_LABEL));
    o.push_str(r#""><ul>"#);
    o.push_str(&screens_html(ctx, true));
    o.push_str(r#"</ul></nav><div class="tools">"#);
    tools(&mut o, ctx, "present-button");
    o.push_str(r#"</div><details class="site-menu""#);
    if open {
        o.push_str(" open");
    }
    o.push_str(r#"><summary id=""#);
    o.push_str(MENU_BUTTON);
    o.push_str(r#"" class="tool menu-button">"#);
    icon::html(&mut o, "menu");
    o.push_str("<span>");
    esc(&mut o, t(ui::MENU));
    o.push_str(r#"</span></summary><div class="menu-panel"><div class="menu-groups">"#);
    o.push_str(r#"<nav class="menu-group" aria-labelledby="menu-screens"><p class="menu-group-title" id="menu-screens">"#);
    esc(&mut o, t(ui::MENU_SCREENS));
    o.push_str("</p><ul>");
    o.push_str(&screens_html(ctx, false));
    o.push_str(r#"</ul></nav><div class="menu-group menu-settings" role="group" aria-labelledby="menu-settings"><p class="menu-group-title" id="menu-settings">"#);
    esc(&mut o, t(ui::MENU_SETTINGS));
    o.push_str("</p>");
    tools(&mut o, ctx, "menu-present-button");
    o.push_str(r#"</div><nav class="menu-frameworks" aria-labelledby="menu-all"><p class="menu-group-title" id="menu-all">"#);
    esc(&mut o, t(ui::MENU_ALL));
    o.push_str("</p>");
    for a in ARTICLES {
        o.push_str(r#"<div class="menu-group family"><p class="menu-family-title" id="menu-"#);
        o.push_str(a.id);
        o.push_str(r#"">"#);
        icon::html(&mut o, a.icon);
        esc(&mut o, t(a.title));
        o.push_str(r#"</p><ul aria-labelledby="menu-"#);
        o.push_str(a.id);
        o.push_str(r#"">"#);
        o.push_str(&framework_links::items_html(ctx, a.id, true));
        o.push_str("</ul></div>");
    }
    o.push_str("</nav></div></div></details></div>");
    o
}

/// The links to the screens (the bar's: the main ones only), as markup.
fn screens_html(ctx: Ctx, primary_only: bool) -> String {
    let lang = ctx.lang.get_untracked();
    list_html(
        ctx,
        SCREENS
            .iter()
            .filter(|s| s.primary || !primary_only)
            .map(|s| (s.route, s.name.get(lang))),
    )
}

/// The settings, in the bar and in the menu: the language, the theme, presenter mode (the button
/// with the id `present`). Each button says what it does in `data-act`, for the header's one click
/// listener.
fn tools(o: &mut String, ctx: Ctx, present: &str) {
    let lang = ctx.lang.get_untracked();
    o.push_str(r#"<div class="lang-switch" role="group" aria-label=""#);
    esc(o, ui::LANG_LABEL.get(lang));
    o.push_str(r#"">"#);
    for l in Lang::ALL {
        o.push_str(r#"<button type="button" class="tool" data-act="lang" lang=""#);
        o.push_str(l.code());
        o.push_str(r#"" aria-pressed=""#);
        o.push_str(if l == lang { "true" } else { "false" });
        o.push_str(r#"">"#);
        o.push_str(l.endonym());
        o.push_str("</button>");
    }
    o.push_str(r#"</div><button type="button" class="tool" data-act="theme">"#);
    esc(
        o,
        &theme_label(ctx.progress.with_untracked(|p| p.theme), lang),
    );
    o.push_str(r#"</button><button type="button" class="tool present" data-act="present" id=""#);
    o.push_str(present);
    o.push_str(r#"">"#);
    esc(o, ui::PRESENT.get(lang));
    o.push_str("</button>");
}

/// The theme button's name: the theme in use.
fn theme_label(theme: Theme, lang: Lang) -> String {
    let name = match theme {
        Theme::Auto => ui::THEME_AUTO,
        Theme::Light => ui::THEME_LIGHT,
        Theme::Dark => ui::THEME_DARK,
    };
    ui::THEME_BUTTON.fill(lang, &[("theme", name.get(lang))])
}

/// The theme after `theme`, as the button goes round them.
pub fn next_theme(theme: Theme) -> Theme {
    match theme {
        Theme::Auto => Theme::Light,
        Theme::Light => Theme::Dark,
        Theme::Dark => Theme::Auto,
    }
}

/// Closes the menu.
#[cfg(target_arch = "wasm32")]
fn close(menu: &web_sys::Element) {
    let _ = menu.remove_attribute("open");
}

/// The menu, if it is open.
#[cfg(target_arch = "wasm32")]
fn open_menu(header: &web_sys::Element) -> Option<web_sys::Element> {
    header.query_selector(".site-menu[open]").ok().flatten()
}

/// The header's behaviour, on its element (written with `bar_html`): one listener for clicks,
/// keys and focus leaving each, one on the window for a tap outside the menu, and effects that
/// write the header anew in another language (focus and the menu's state kept) and rename the
/// theme buttons. For the app's life, like the header.
#[cfg(target_arch = "wasm32")]
pub fn wire(ctx: Ctx, header: web_sys::Element) {
    use crate::platform::dom;
    use dom::listen;
    use wasm_bindgen::JsCast;
    fn element(t: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
        t.and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    }
    fn in_menu(e: &web_sys::Element) -> bool {
        matches!(e.closest(".site-menu"), Ok(Some(_)))
    }

    // A click: a setting, or a link in the menu (the menu closes; the current screen's own link
    // changes nothing else, so focus goes back to the button). Before the app's root follows the
    // link (`link::follow`).
    let h = header.clone();
    listen(&header, "click", move |ev| {
        let Some(target) = element(ev.target()) else {
            return;
        };
        if let Ok(Some(button)) = target.closest("[data-act]") {
            match button.get_attribute("data-act").as_deref() {
                Some("lang") => {
                    if let Some(l) = button.get_attribute("lang").and_then(|c| Lang::parse(&c)) {
                        ctx.set_lang(l);
                    }
                }
                Some("theme") => {
                    ctx.progress.update(|p| p.theme = next_theme(p.theme));
                    // The button's new name is also said: not every screen reader reads a
                    // focused button's name again when it changes.
                    let theme = ctx.progress.with_untracked(|p| p.theme);
                    ctx.say_str(theme_label(theme, ctx.lang.get_untracked()));
                }
                Some("present") => crate::components::presenter::open(ctx),
                _ => {}
            }
            return;
        }
        if let (Ok(Some(a)), Some(menu)) = (target.closest(".menu-panel a[href]"), open_menu(&h)) {
            close(&menu);
            if a.get_attribute("aria-current").as_deref() == Some("page") {
                dom::focus_by_id(MENU_BUTTON);
            }
        }
    });

    // Keys in the open menu: Escape closes it (focus back on its button), the arrows, Home and
    // End move among its controls.
    let h = header.clone();
    listen(&header, "keydown", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let Some(target) = element(ev.target()) else {
            return;
        };
        let Some(menu) = open_menu(&h).filter(|_| in_menu(&target)) else {
            return;
        };
        let step = match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close(&menu);
                dom::focus_by_id(MENU_BUTTON);
                return;
            }
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" => i32::MIN,
            "End" => i32::MAX,
            _ => return,
        };
        ev.prevent_default();
        dom::move_focus(&target, ".site-menu", step);
    });

    // Focus gone elsewhere (Tab past the last link, Shift+Tab before the button, a click on
    // another control): the menu closes, so that its panel, which lies over the page, never
    // covers the control that has focus (WCAG 2.4.11). Focus stays where it went. A focus lost
    // to nothing (another window, a removed element) leaves the menu as it is. Not while
    // presenting: presenter mode takes focus from its button in the menu and gives it back there.
    let h = header.clone();
    listen(&header, "focusout", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::FocusEvent>() else {
            return;
        };
        let Some(menu) = open_menu(&h) else { return };
        if ctx.presenting.get_untracked() || !element(ev.target()).is_some_and(|t| in_menu(&t)) {
            return;
        }
        if element(ev.related_target()).is_some_and(|to| !in_menu(&to)) {
            close(&menu);
        }
    });

    // A tap or a click anywhere outside the button and the panel closes the menu too. Not while
    // presenting: the presenter lies over everything, and its opener in the menu must still be
    // there to take focus back when it closes.
    let h = header.clone();
    if let Some(window) = web_sys::window() {
        listen(&window, "pointerdown", move |ev| {
            let Some(menu) = open_menu(&h) else { return };
            if !ctx.presenting.get_untracked() && !element(ev.target()).is_some_and(|t| in_menu(&t))
            {
                close(&menu);
            }
        });
    }

    // A choice leads to a new screen: the menu closes.
    let h = header.clone();
    crate::state::effect(move |prev: Option<Route>| {
        let route = ctx.route.get();
        if prev.is_some_and(|p| p != route) {
            if let Some(menu) = open_menu(&h) {
                close(&menu);
            }
        }
        route
    });
    // Another language: the header written anew, the menu as it was, focus on the same control
    // (the header's structure is the same in every language).
    let h = header.clone();
    crate::state::effect(move |prev: Option<Lang>| {
        let lang = ctx.lang.get();
        if prev.is_some_and(|p| p != lang) {
            // Focus by its place among the header's controls: the same in both languages, where
            // an address (`dom::focused`) may carry the language.
            let controls = || h.query_selector_all("summary, a[href], button").ok();
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let focus = controls().and_then(|all| {
                (0..all.length()).find(|&i| {
                    all.item(i).is_some_and(|n| {
                        active.as_ref().is_some_and(|a| n.is_same_node(Some(&**a)))
                    })
                })
            });
            let scrolled = h
                .query_selector(".menu-panel")
                .ok()
                .flatten()
                .map(|p| p.scroll_top());
            h.set_inner_html(&bar_html(ctx, open_menu(&h).is_some()));
            let again = focus.and_then(|i| controls()?.item(i));
            if let Some(el) = again.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
            if let (Some(top), Ok(Some(panel))) = (scrolled, h.query_selector(".menu-panel")) {
                panel.set_scroll_top(top);
            }
        }
        lang
    });
    // Another theme: the theme buttons renamed, in place (focus stays on the one pressed).
    let h = header;
    crate::state::effect(move |_| {
        let label = theme_label(ctx.progress.with(|p| p.theme), ctx.lang.get_untracked());
        if let Ok(buttons) = h.query_selector_all(r#"[data-act="theme"]"#) {
            for i in 0..buttons.length() {
                if let Some(b) = buttons.item(i) {
                    b.set_text_content(Some(&label));
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Boot, Ctx};

    #[test]
    fn the_header_markup_has_every_screen_setting_and_framework_in_the_language_shown() {
        let owner = Owner::new();
        owner.with(|| {
            let ctx = Ctx::new(Boot::prerender(Route::Quiz));
            let html = bar_html(ctx, false);
            assert!(
                html.starts_with(r#"<div class="bar"><a href="#)
                    && html.ends_with("</details></div>")
            );
            assert!(!html.contains("<details class=\"site-menu\" open"));
            assert!(bar_html(ctx, true).contains("<details class=\"site-menu\" open>"));
            // The bar and the menu each have the settings; the screen shown is marked.
            assert_eq!(html.matches(r#"data-act="lang""#).count(), 4);
            assert_eq!(html.matches(r#"data-act="theme""#).count(), 2);
            assert!(
                html.contains(r#"id="present-button""#)
                    && html.contains(r#"id="menu-present-button""#)
            );
            assert!(html.contains(r#"lang="fr" aria-pressed="true""#));
            assert!(html.contains(r#"data-to="quiz" aria-current="page""#));
            for s in SCREENS {
                assert!(
                    html.contains(&format!(r#"data-to="{}""#, s.route.path())),
                    "{:?}",
                    s.route
                );
            }
            for f in crate::content::FRAMEWORKS {
                let to = Route::of_framework(f.id).path();
                assert!(html.contains(&format!(r#"data-to="{to}""#)), "{to}");
            }
            assert!(html.contains(ui::MENU.get(Lang::Fr)));
            ctx.lang.set(Lang::En);
            let en = bar_html(ctx, false);
            assert!(
                en.contains(ui::MENU.get(Lang::En))
                    && en.contains(r#"lang="en" aria-pressed="true""#)
            );
        });
    }

    #[test]
    fn the_theme_button_goes_round_the_three_themes() {
        let mut t = Theme::Auto;
        let mut seen = vec![];
        for _ in 0..3 {
            t = next_theme(t);
            seen.push(t);
        }
        assert_eq!(seen, [Theme::Light, Theme::Dark, Theme::Auto]);
    }
}
