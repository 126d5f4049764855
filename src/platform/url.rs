//! Where the app is and how it moves: the route in the path (relative to the document's base, so
//! any sub-path works) or, where the path is fixed (SCORM, `…/index.html`, `?view=`), in the query.

use crate::i18n::Lang;
use crate::route::Route;

/// What the address bar says when the app starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartUrl {
    pub route: Option<Route>,
    /// `?lang=`; an unknown code gives `None`, and the app falls back quietly.
    pub lang: Option<Lang>,
    /// `?embed=1`: no site chrome, talk to the parent frame.
    pub embed: bool,
    /// `#share=…` payload.
    pub share: Option<String>,
    /// The route travels in `?view=` rather than in the path.
    pub query_mode: bool,
}

/// Reads a query string and fragment (pure, for tests).
pub fn parse(path_from_base: &str, query: &str, hash: &str) -> StartUrl {
    let mut s = StartUrl::default();
    let mut view = None;
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "lang" => s.lang = Lang::parse(v),
            "embed" => s.embed = v == "1" || v == "true",
            "view" => view = Some(v.to_string()),
            _ => {}
        }
    }
    // The code's own characters only: whatever a chat app or a copy adds after it (`&utm=…`, an
    // encoded space) is not part of it.
    s.share = hash.strip_prefix("#share=").map(|code| {
        code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .next()
            .unwrap_or_default()
            .trim_end_matches('.') // the end of a sentence
            .to_string()
    });
    let file_in_path = path_from_base.ends_with(".html");
    s.query_mode = view.is_some() || file_in_path;
    s.route = Some(match view {
        Some(v) => Route::parse(&v),
        None if file_in_path && !path_from_base.ends_with("index.html") => Route::NotFound,
        None => Route::parse(path_from_base),
    });
    s
}

/// The `href` for a route: relative to the document base, so it works under any sub-path. `lang`
/// is given when the app was opened with `?lang=`: the address then keeps saying which language is
/// shown, so a reload or a copied link shows the same.
pub fn href(route: Route, query_mode: bool, embed: bool, lang: Option<Lang>) -> String {
    let mut h = if query_mode {
        let mut q = format!("index.html?view={}", route.path());
        if embed {
            q.push_str("&embed=1");
        }
        q
    } else if route == Route::Home {
        "./".into()
    } else {
        format!("{}/", route.path())
    };
    if let Some(l) = lang {
        h.push(if query_mode { '&' } else { '?' });
        h.push_str("lang=");
        h.push_str(l.code());
    }
    h
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use wasm_bindgen::JsValue;

    fn location() -> web_sys::Location {
        web_sys::window().unwrap().location()
    }

    /// The document's base URL (the app root), as set by `<base href>` in each prerendered file.
    fn base_uri() -> String {
        let document = web_sys::window().unwrap().document().unwrap();
        document.base_uri().ok().flatten().unwrap_or_default()
    }

    fn base_path() -> String {
        let base = base_uri();
        web_sys::Url::new(&base)
            .map(|u| u.pathname())
            .unwrap_or_else(|_| "/".into())
    }

    thread_local! {
        static FIRST_SEARCH: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }

    /// The query the page was opened with (`?lang=…&parent=…`, a cmi5 launch's parameters), kept
    /// from the first `start`: moving in the app may change the address before the code that
    /// reads them (the late start's chunk) has come.
    pub fn first_search() -> String {
        FIRST_SEARCH.with(|f| {
            f.get_or_init(|| location().search().unwrap_or_default())
                .clone()
        })
    }

    pub fn start() -> StartUrl {
        first_search();
        let loc = location();
        let path = loc.pathname().unwrap_or_default();
        let base = base_path();
        let rel = path
            .strip_prefix(&base)
            .unwrap_or(path.trim_start_matches('/'));
        parse(
            rel,
            &loc.search().unwrap_or_default(),
            &loc.hash().unwrap_or_default(),
        )
    }

    /// The current route, after back/forward.
    pub fn current(query_mode: bool) -> Route {
        let s = start();
        if query_mode && s.route.is_none() {
            return Route::Home;
        }
        s.route.unwrap_or(Route::Home)
    }

    /// A new history entry for `url` (an `href`).
    /// Adds a history entry for the address shown (presenter mode: Back closes it); false if
    /// the browser refused.
    pub fn push_same() -> bool {
        let w = web_sys::window().unwrap();
        let here = w.location().href().unwrap_or_default();
        w.history()
            .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&here)))
            .is_ok()
    }

    /// The browser's Back.
    pub fn back() {
        if let Ok(h) = web_sys::window().unwrap().history() {
            let _ = h.back();
        }
    }

    pub fn push(url: &str) {
        let w = web_sys::window().unwrap();
        if let Ok(h) = w.history() {
            let _ = h.push_state_with_url(&JsValue::NULL, "", Some(url));
        }
    }

    /// The current history entry's address becomes `url` (an `href`).
    pub fn replace(url: &str) {
        let w = web_sys::window().unwrap();
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(url));
        }
    }

    /// Drops `#share=…` from the address once read, keeping the rest.
    pub fn clear_hash() {
        let w = web_sys::window().unwrap();
        let loc = w.location();
        let url = format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        );
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    /// A link that opens the app with these results: `<root>#share=…`.
    pub fn share_link(code: &str) -> String {
        let base = base_uri();
        format!(
            "{}#share={code}",
            base.split('#').next().unwrap_or_default()
        )
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(not(target_arch = "wasm32"))]
pub fn push(_route: Route, _query_mode: bool, _embed: bool) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_path_routes_and_options() {
        let s = parse("phases/solomo/", "?lang=en", "");
        assert_eq!(s.route, Some(Route::Phases(Some("solomo"))));
        assert_eq!(s.lang, Some(Lang::En));
        assert!(!s.query_mode && !s.embed);
    }

    #[test]
    fn unknown_lang_falls_back_quietly() {
        assert_eq!(parse("", "?lang=xx", "").lang, None);
    }

    #[test]
    fn scorm_style_paths_use_the_query() {
        let s = parse("index.html", "?view=usages&embed=1", "#share=R1.x");
        assert_eq!(s.route, Some(Route::Framework("usages")));
        assert!(s.query_mode && s.embed);
        assert_eq!(s.share.as_deref(), Some("R1.x"));
        for tail in ["&utm_source=chat", "%20", " ", "/", ".", ")."] {
            let with_tail = format!("#share=R1.0-2.a{tail}");
            assert_eq!(
                parse("", "", &with_tail).share.as_deref(),
                Some("R1.0-2.a"),
                "{tail}"
            );
        }
        assert_eq!(parse("index.html", "", "").route, Some(Route::Home));
        assert_eq!(
            href(Route::Quiz, true, true, None),
            "index.html?view=quiz&embed=1"
        );
        assert_eq!(href(Route::Quiz, false, false, None), "quiz/");
        assert_eq!(href(Route::Home, false, false, None), "./");
        assert_eq!(
            href(Route::Quiz, false, false, Some(Lang::En)),
            "quiz/?lang=en"
        );
        assert_eq!(
            href(Route::Home, false, false, Some(Lang::Fr)),
            "./?lang=fr"
        );
        assert_eq!(
            href(Route::Quiz, true, true, Some(Lang::En)),
            "index.html?view=quiz&embed=1&lang=en"
        );
    }
}
