//! App-wide state, below the components and views: the context (`Ctx`), `tr` for reactive text,
//! the notices, the start-up stages, and the document title. `app.rs` sits on top of this and
//! nothing imports it back.

use crate::content::{ui, Text};
use crate::i18n::Lang;
use crate::platform::{self, storage::Backend};
use crate::route::Route;
use crate::store::{Progress, Reset};
use leptos::prelude::*;

/// Something the app tells the learner in a banner until they dismiss it.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Saved data had to be reset in part or whole (a copy is kept under the backup key).
    Reset(Vec<Reset>),
    /// Storage is blocked: progress lives in memory only.
    NoStorage,
    /// A share link was opened (its code): the notice reads it, then offers to apply its
    /// results once the learner confirms, or says that it could not be read.
    Shared(String),
    /// A new version of the app is ready.
    Update,
    /// A newer version, open in another tab, now owns the saved progress.
    NewerElsewhere,
    /// Another tab changed the saved progress and this one could not read it (the reader's
    /// chunk did not come): this tab stops saving, so as not to overwrite it.
    ChangedElsewhere,
    /// The LMS reported an error (its code).
    Lms(String),
    /// A call to the SCORM API threw (its name, e.g. `SetValue`).
    LmsCallFailed(String),
    /// The cmi5 platform refused the connection: no token from the fetch URL (`None`), or the
    /// LRS refused the token (its HTTP status). Nothing more is sent in that launch.
    LrsRefused(Option<u16>),
    /// An LMS was found (SCORM) or a cmi5 launch seen, but the runtime's code could not be
    /// fetched: progress stays here, a reload tries again.
    LmsLoad,
    /// The code of the screen asked for could not be fetched: the previous screen stays.
    ScreenFailed,
    /// The text of the language asked for could not be fetched: the language shown stays.
    LangFailed,
    /// The explanation of a quiz answer could not be fetched: the answer waits, still selected.
    ExplainFailed,
    /// Presenter mode needs every framework's text, and some could not be fetched.
    PresentFailed,
    /// This many notes did not fit in what the LMS keeps: they stay in this browser only.
    NotesKeptHere(usize),
    /// The LRS (cmi5) does not answer: statements wait in this browser and go when it answers
    /// again. Shown once per outage. A refused connection (a fetch URL without a token, a 401
    /// or 403) is `LrsRefused` instead, since nothing will be sent in that launch.
    LrsAway,
    /// What starts once the app is live (offline use, the embedding page's messages, an LMS's
    /// runtime) could not be fetched twice in a row: it is tried again, and this goes once it
    /// has started.
    LateWaiting,
    /// Launched by a cmi5 LMS: the way back to it.
    Cmi5Leave,
    /// A cmi5 session already ended (the page was left, then reloaded): nothing more is sent in
    /// it; the way back to the LMS, which launches a new one.
    Cmi5Ended,
}

/// How far the live app has come. In the browser it is built in steps, each its own task so that
/// none blocks the page for long (see `lib.rs`): the shell (its frame, then its header), then the
/// screen, then the whole is put in place of the prerendered page. The prerender builds it all at
/// once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Shell,
    Built,
    Live,
}

/// How the app starts: read from the address bar and storage in the browser, fixed by the
/// prerender.
#[derive(Clone)]
pub struct Boot {
    pub route: Route,
    /// The language shown, a signal from the start: the idle fetch after start-up (`lib.rs`)
    /// brings the rest of the text in the language shown by then, not the one it started in.
    pub lang: RwSignal<Lang>,
    pub embed: bool,
    pub query_mode: bool,
    /// Opened with `?lang=`: links and the address keep the shown language (see `url::href`).
    pub url_lang: bool,
    pub progress: Progress,
    pub notices: Vec<Notice>,
    pub backend: Backend,
    pub stage: RwSignal<Stage>,
}

impl Boot {
    /// The start the prerender uses: French, nothing saved.
    pub fn prerender(route: Route) -> Boot {
        Boot {
            route,
            lang: RwSignal::new(Lang::Fr),
            embed: false,
            query_mode: false,
            url_lang: false,
            progress: Progress::default(),
            notices: vec![],
            backend: Backend::Local,
            stage: RwSignal::new(Stage::Live),
        }
    }
}

/// App-wide state, provided as context. Everything here is a cheap `Copy` handle.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub progress: RwSignal<Progress>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The last message for screen readers (a polite live region).
    pub announce: RwSignal<String>,
    pub backend: RwSignal<Backend>,
    pub presenting: RwSignal<bool>,
    /// Text packs the screen shows beyond its route's (the debrief's figures, once read): a
    /// language switch waits for them too.
    pub more_text: RwSignal<crate::content::tables::Packs>,
    /// Bumped to try again to load the screen asked for (after `Notice::ScreenFailed`).
    pub attempt: RwSignal<u32>,
    pub stage: RwSignal<Stage>,
    pub embed: bool,
    pub query_mode: bool,
    pub url_lang: bool,
}

impl Ctx {
    /// The app's state at start.
    pub fn new(boot: Boot) -> Ctx {
        Ctx {
            lang: boot.lang,
            route: RwSignal::new(boot.route),
            progress: RwSignal::new(boot.progress),
            notices: RwSignal::new(boot.notices),
            announce: RwSignal::new(String::new()),
            backend: RwSignal::new(boot.backend),
            presenting: RwSignal::new(false),
            more_text: RwSignal::new(0),
            attempt: RwSignal::new(0),
            stage: boot.stage,
            embed: boot.embed,
            query_mode: boot.query_mode,
            url_lang: boot.url_lang,
        }
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// `Effect::new` with the closure boxed: every effect on values of one type shares one compiled
/// copy of Leptos's effect (an async task that waits for a change, with its owner and its last
/// value), where each closure type compiled its own, about 400 B of raw wasm per effect.
/// `f` gets the value it returned the last time (`None` the first).
pub fn effect<T: 'static>(f: impl FnMut(Option<T>) -> T + 'static) {
    let f: Box<dyn FnMut(Option<T>) -> T> = Box::new(f);
    Effect::new(f);
}

/// A reactive string in the current language.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_ctx().lang;
    move || text.get(lang.get())
}

impl Ctx {
    /// The address of a route, as links show it. When the address carries the language, it is
    /// the one shown (a link's `href` follows the switch: this is read in a reactive attribute).
    pub fn href(self, to: Route) -> String {
        self.address(to, self.url_lang.then(|| self.lang.get()))
    }

    fn address(self, to: Route, lang: Option<Lang>) -> String {
        platform::url::href(to, self.query_mode, self.embed, lang)
    }

    pub fn navigate(self, to: Route) {
        if self.route.get_untracked() != to {
            #[cfg(target_arch = "wasm32")]
            platform::url::push(
                &self.address(to, self.url_lang.then(|| self.lang.get_untracked())),
            );
            self.route.set(to);
        }
    }

    /// The learner chose a language: show it, keep it, and say so in the address if it carries one.
    pub fn set_lang(self, l: Lang) {
        self.show_lang(l, move |ctx| {
            ctx.progress.update(|p| p.lang = Some(l));
            #[cfg(target_arch = "wasm32")]
            {
                if ctx.url_lang {
                    platform::url::replace(&ctx.address(ctx.route.get_untracked(), Some(l)));
                }
            }
            ctx.say(ui::LANG_CHANGED);
        });
    }

    /// Shows a language once the text of the screen shown is there in it: at once when it is,
    /// otherwise after fetching it (the first switch to it); then runs `then`. If it cannot be
    /// fetched, the language shown stays and a notice says why. (With presenter mode open, every
    /// framework's text: its slides show them all; see also `more_text`. With a notice shown,
    /// the notices' words.)
    pub fn show_lang(self, l: Lang, then: impl FnOnce(Ctx) + 'static) {
        let mut packs = if self.presenting.get_untracked() {
            crate::content::tables::ALL
        } else {
            self.text_packs(self.route.get_untracked()) | self.more_text.get_untracked()
        };
        // The notices shown, in their own pack.
        if self.notices.with_untracked(|n| !n.is_empty()) {
            packs |= 1 << crate::content::tables::NOTICES_PACK;
        }
        if !platform::text::has(l, packs) {
            leptos::task::spawn_local(async move {
                match platform::text::load(l, packs).await {
                    Ok(()) => {
                        self.dismiss(&Notice::LangFailed);
                        self.lang.set(l);
                        then(self);
                    }
                    Err(_) => self.notify(Notice::LangFailed),
                }
            });
            return;
        }
        self.lang.set(l);
        then(self);
    }

    /// The text packs a screen shows to this learner: its route's (`Route::text_packs`), and on
    /// the quiz, once a question is answered, the explanations (a first visit's page does
    /// without them; the quiz fetches them when the learner first checks an answer).
    pub fn text_packs(self, route: Route) -> crate::content::tables::Packs {
        let mut packs = route.text_packs();
        if route == Route::Quiz && self.progress.with_untracked(|p| !p.answers.is_empty()) {
            packs |= 1 << crate::content::tables::EXPLAIN_PACK;
        }
        packs
    }

    pub fn say(self, text: Text) {
        self.say_str(text.get(self.lang.get_untracked()).to_string());
    }

    /// Says "saved" once the change has been written (the save runs in an effect queued behind
    /// it), and only if it was: a full storage says so in its own notice.
    pub fn say_saved(self) {
        #[cfg(target_arch = "wasm32")]
        set_timeout(
            move || {
                if self.backend.get_untracked() == Backend::Local {
                    self.say(ui::SAVED)
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Puts words in the live region for screen readers.
    pub fn say_str(self, mut said: String) {
        // The same words again are no change to a live region, so nothing would be read: mark
        // the repeat with an invisible no-break space (and drop it the time after).
        if self.announce.with_untracked(|a| *a == said) {
            said.push('\u{a0}');
        }
        self.announce.set(said);
    }

    pub fn notify(self, n: Notice) {
        self.notices.update(|v| {
            if !v.contains(&n) {
                v.push(n)
            }
        });
    }

    pub fn dismiss(self, n: &Notice) {
        self.notices.update(|v| v.retain(|x| x != n));
    }
}

/// The name of a screen, as its title and the "continue" link say it.
pub fn screen_name(route: Route, lang: Lang) -> String {
    match route {
        Route::Home => ui::HOME_TITLE.get(lang).into(),
        Route::Phases(Some(id)) => {
            let p = crate::content::phase(id).expect("route checked");
            format!("{} · {}", p.name, ui::PHASES_TITLE.get(lang))
        }
        Route::Phases(None) => ui::PHASES_TITLE.get(lang).into(),
        Route::PhasesCompare => ui::COMPARE_TITLE.get(lang).into(),
        Route::Chronology => ui::CHRONO_TITLE.get(lang).into(),
        Route::Framework(id) => crate::content::framework(id)
            .expect("route checked")
            .title
            .get(lang)
            .into(),
        Route::Assessment => ui::ASSESS_TITLE.get(lang).into(),
        Route::Quiz => ui::QUIZ_TITLE.get(lang).into(),
        Route::Progress => ui::PROGRESS_TITLE.get(lang).into(),
        Route::Debrief => ui::DEBRIEF_TITLE.get(lang).into(),
        Route::Sources => ui::SOURCES_TITLE.get(lang).into(),
        Route::About => ui::ABOUT_TITLE.get(lang).into(),
        Route::NotFound => ui::NOT_FOUND_TITLE.get(lang).into(),
    }
}

/// The document title for a route.
pub fn title(route: Route, lang: Lang) -> String {
    let app = ui::APP_NAME.get(lang);
    match route {
        Route::Home => format!("{app} · {}", ui::HOME_TITLE.get(lang)),
        r => format!("{} · {app}", screen_name(r, lang)),
    }
}

/// The document's description for a route (`<meta name="description">`): a framework's or a
/// phase's own lead, or the screen's line in `content/ui.toml`.
pub fn description(route: Route, lang: Lang) -> &'static str {
    let text = match route {
        Route::Home => ui::HOME_LEAD,
        Route::Phases(Some(id)) => crate::content::phase(id).expect("route checked").summary,
        Route::Phases(None) => ui::PHASES_DESC,
        Route::PhasesCompare => ui::COMPARE_DESC,
        Route::Chronology => ui::CHRONO_DESC,
        Route::Framework(id) => crate::content::framework(id).expect("route checked").lead,
        Route::Assessment => ui::ASSESS_DESC,
        Route::Quiz => ui::QUIZ_DESC,
        Route::Progress => ui::PROGRESS_DESC,
        Route::Debrief => ui::DEBRIEF_DESC,
        Route::Sources => ui::SOURCES_DESC,
        Route::About => ui::ABOUT_DESC,
        Route::NotFound => ui::NOT_FOUND_DESC,
    };
    text.get(lang)
}
