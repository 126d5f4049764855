//! SCORM runtime, one for both editions the packages target: SCORM 1.2 (`window.API`) and SCORM
//! 2004 4th edition (`window.API_1484_11`). What differs between them is data, in a small table
//! per edition ([`Edition`]): the names of the calls and elements, the limits, and what the
//! edition can say (progress measure, scaled score, success). What to report is decided here in
//! plain functions ([`report`], [`leaving`]), tested natively; the browser part only finds the API
//! and sets the values they return.
//!
//! When an API is found in a parent frame or the opener, the app initialises, restores progress
//! from the suspend data (results and, when they fit, notes: see `store::codec`), resumes at the
//! saved location, opens in the LMS's language preference unless the learner chose one, reports
//! completion once every framework screen has been visited, the quiz score once a question is
//! answered, success only when the LMS gives a passing score (2004), commits after each change
//! (debounced) and when the page is hidden, and terminates when the learner leaves, with the exit
//! mode ("suspend" until completed) and the session time. LMS errors become a discreet notice; a
//! refused initialisation stops there; without an LMS nothing happens.

use crate::i18n::Lang;
use crate::store::{codec, Progress};

/// What one SCORM edition calls things, and what it can say.
#[derive(Debug, PartialEq, Eq)]
pub struct Edition {
    /// The window property that holds the API.
    pub api: &'static str,
    pub initialize: &'static str,
    pub terminate: &'static str,
    pub get: &'static str,
    pub set: &'static str,
    pub commit: &'static str,
    pub last_error: &'static str,
    pub location: &'static str,
    pub location_max: usize,
    pub suspend_max: usize,
    /// Completion: `completed` or `incomplete`.
    pub completion: &'static str,
    /// Screens visited, 0 to 1 (2004 only).
    pub progress_measure: Option<&'static str>,
    pub score_raw: &'static str,
    pub score_min: &'static str,
    pub score_max: &'static str,
    /// The score from -1 to 1 (2004 only).
    pub score_scaled: Option<&'static str>,
    /// Where the LMS gives the passing score (scaled), and where success goes (2004 only).
    pub passing: Option<(&'static str, &'static str)>,
    pub exit: &'static str,
    /// The exit value once completed.
    pub exit_done: &'static str,
    pub session_time: &'static str,
    pub language: &'static str,
}

pub const SCORM_12: Edition = Edition {
    api: "API",
    initialize: "LMSInitialize",
    terminate: "LMSFinish",
    get: "LMSGetValue",
    set: "LMSSetValue",
    commit: "LMSCommit",
    last_error: "LMSGetLastError",
    location: "cmi.core.lesson_location",
    location_max: 255,
    suspend_max: 4096,
    completion: "cmi.core.lesson_status",
    progress_measure: None,
    score_raw: "cmi.core.score.raw",
    score_min: "cmi.core.score.min",
    score_max: "cmi.core.score.max",
    score_scaled: None,
    passing: None,
    exit: "cmi.core.exit",
    exit_done: "",
    session_time: "cmi.core.session_time",
    language: "cmi.student_preference.language",
};

pub const SCORM_2004: Edition = Edition {
    api: "API_1484_11",
    initialize: "Initialize",
    terminate: "Terminate",
    get: "GetValue",
    set: "SetValue",
    commit: "Commit",
    last_error: "GetLastError",
    location: "cmi.location",
    location_max: 1000,
    suspend_max: 64_000,
    completion: "cmi.completion_status",
    progress_measure: Some("cmi.progress_measure"),
    score_raw: "cmi.score.raw",
    score_min: "cmi.score.min",
    score_max: "cmi.score.max",
    score_scaled: Some("cmi.score.scaled"),
    passing: Some(("cmi.scaled_passing_score", "cmi.success_status")),
    exit: "cmi.exit",
    exit_done: "normal",
    session_time: "cmi.session_time",
    language: "cmi.learner_preference.language",
};

/// The editions in the order the API is looked for: an LMS that offers both gets the newer.
pub const EDITIONS: [&Edition; 2] = [&SCORM_2004, &SCORM_12];

/// Completion: every framework screen visited.
pub fn completion(p: &Progress) -> &'static str {
    if p.all_screens_visited() {
        "completed"
    } else {
        "incomplete"
    }
}

/// The quiz score as a fraction of all the questions (not of those answered); none before the
/// first answer (a learner who only opened the package has no score).
pub fn scaled_score(p: &Progress) -> Option<f64> {
    if p.answers.is_empty() {
        return None;
    }
    let (right, total) = p.quiz_score();
    Some(if total == 0 {
        0.0
    } else {
        right as f64 / total as f64
    })
}

/// The quiz score as SCORM's raw score: an integer percentage of all the questions.
pub fn score_raw(p: &Progress) -> Option<u32> {
    if p.answers.is_empty() {
        return None;
    }
    let (right, total) = p.quiz_score();
    Some((right * 100).checked_div(total).unwrap_or(0) as u32)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    Failed,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
        }
    }
}

/// Success against a passing score (scaled, 0 to 1): passed as soon as the score reaches it
/// (it can only rise while questions remain), failed only once every question is answered below
/// it; nothing before that.
pub fn verdict(p: &Progress, passing: f64) -> Option<Verdict> {
    let scaled = scaled_score(p)?;
    if scaled + 1e-9 >= passing {
        Some(Verdict::Passed)
    } else if p.answers.len() >= crate::content::QUESTIONS.len() {
        Some(Verdict::Failed)
    } else {
        None
    }
}

/// Screens visited as a fraction, 0 to 1.
pub fn progress_measure(p: &Progress) -> f64 {
    let total = crate::route::framework_routes().count();
    if total == 0 {
        1.0
    } else {
        p.visited_count() as f64 / total as f64
    }
}

/// A decimal with at most 4 places and no trailing zeros (`0.25`, `1`).
pub fn decimal(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What the LMS gave at start that changes what is reported.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Given {
    /// The scaled passing score (2004's `cmi.scaled_passing_score`), when there is one.
    pub passing: Option<f64>,
}

/// A passing score as the LMS writes it: a real number from -1 to 1, or nothing.
pub fn parse_scaled(s: &str) -> Option<f64> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && (-1.0..=1.0).contains(x))
}

/// The values to set for this progress at this location, in order, and how many notes had to
/// stay out of the suspend data.
pub fn report(
    e: &Edition,
    p: &Progress,
    location: &str,
    given: Given,
) -> (Vec<(&'static str, String)>, usize) {
    let (data, left_out) = codec::encode_suspend(p, e.suspend_max);
    let mut out = vec![("cmi.suspend_data", data)];
    if location.chars().count() <= e.location_max {
        out.push((e.location, location.to_string()));
    }
    if let (Some(raw), Some(scaled)) = (score_raw(p), scaled_score(p)) {
        out.push((e.score_min, "0".into()));
        out.push((e.score_max, "100".into()));
        out.push((e.score_raw, raw.to_string()));
        if let Some(k) = e.score_scaled {
            out.push((k, decimal(scaled)));
        }
    }
    if let (Some((_, success)), Some(min)) = (e.passing, given.passing) {
        if let Some(v) = verdict(p, min) {
            out.push((success, v.code().into()));
        }
    }
    if let Some(k) = e.progress_measure {
        out.push((k, decimal(progress_measure(p))));
    }
    out.push((e.completion, completion(p).into()));
    (out, left_out)
}

/// The values to set when the learner leaves (or the page is hidden and may never come back):
/// the exit mode ("suspend" until completed, so that the LMS resumes the attempt) and the
/// session time.
pub fn leaving(e: &Edition, p: &Progress, ms: f64) -> Vec<(&'static str, String)> {
    let exit = if p.all_screens_visited() {
        e.exit_done
    } else {
        "suspend"
    };
    let time = if e.session_time == SCORM_12.session_time {
        timespan(ms)
    } else {
        iso_duration(ms)
    };
    vec![(e.exit, exit.into()), (e.session_time, time)]
}

/// SCORM 1.2's `HHHH:MM:SS` for `ms` milliseconds.
pub fn timespan(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0) as u64;
    format!(
        "{:04}:{:02}:{:02}",
        (s / 3600).min(9999),
        s / 60 % 60,
        s % 60
    )
}

/// An ISO 8601 duration (SCORM 2004's `timeinterval`, xAPI's `duration`) for `ms` milliseconds,
/// to the hundredth of a second: `PT1H2M3.5S`, `PT0S`.
pub fn iso_duration(ms: f64) -> String {
    let cs = (ms.max(0.0) / 10.0).round() as u64;
    let (h, m, s, frac) = (cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || frac > 0 || (h == 0 && m == 0) {
        if frac > 0 {
            let f = format!("{frac:02}");
            out.push_str(&format!("{s}.{}S", f.trim_end_matches('0')));
        } else {
            out.push_str(&format!("{s}S"));
        }
    }
    out
}

/// A language preference as an LMS gives it (`fr`, `en-GB`, `fr_CA`, `EN`): the app's language
/// when it is one of the two.
pub fn lang_preference(code: &str) -> Option<Lang> {
    Lang::parse(code.split(['-', '_']).next().unwrap_or(""))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use crate::route::Route;
    use crate::state::{Ctx, Notice};
    use leptos::prelude::*;
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{prelude::*, JsCast};

    /// The LMS's API object, called defensively: a call that throws or reports an error
    /// becomes a notice, never a crash.
    struct Lms {
        api: JsValue,
        e: &'static Edition,
        ctx: Ctx,
        given: Given,
    }

    impl Lms {
        /// Calls `name`; `quiet` leaves its error unreported (reading an element the LMS has no
        /// value for is an error in SCORM 2004).
        fn call(&self, name: &str, args: &[&str], quiet: bool) -> Option<String> {
            let f = js_sys::Reflect::get(&self.api, &name.into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            let arr = js_sys::Array::new();
            for a in args {
                arr.push(&JsValue::from_str(a));
            }
            match f.apply(&self.api, &arr) {
                Ok(v) => {
                    let out = v
                        .as_string()
                        .or_else(|| v.as_bool().map(|b| b.to_string()))
                        .or_else(|| v.as_f64().map(|n| n.to_string()))
                        .unwrap_or_default();
                    if !quiet {
                        self.check();
                    }
                    Some(out)
                }
                Err(_) => {
                    self.ctx.notify(Notice::LmsCallFailed(name.to_string()));
                    None
                }
            }
        }

        fn check(&self) {
            let code = self.call(self.e.last_error, &[], true).unwrap_or_default();
            if !code.is_empty() && code != "0" {
                self.ctx.notify(Notice::Lms(code));
            }
        }

        /// A value the LMS may not have: empty then, and no notice.
        fn get(&self, key: &str) -> String {
            self.call(self.e.get, &[key], true).unwrap_or_default()
        }

        fn set(&self, key: &str, value: &str) {
            self.call(self.e.set, &[key, value], false);
        }

        fn save(&self) {
            let p = self.ctx.progress.get_untracked();
            let location = self.ctx.route.get_untracked().path();
            let (values, left_out) = report(self.e, &p, &location, self.given);
            for (k, v) in values {
                self.set(k, &v);
            }
            self.ctx.notices.update(|v| {
                v.retain(|n| !matches!(n, Notice::NotesKeptHere(_)));
                if left_out > 0 {
                    v.push(Notice::NotesKeptHere(left_out));
                }
            });
            self.call(self.e.commit, &[""], false);
        }

        /// Exit mode and session time, set each time the page is hidden and when it goes: a
        /// hidden page may be closed without another event.
        fn set_leaving(&self, started: f64) {
            let p = self.ctx.progress.get_untracked();
            for (k, v) in leaving(self.e, &p, js_sys::Date::now() - started) {
                self.set(k, &v);
            }
        }
    }

    fn api_in(w: &JsValue, name: &str) -> Option<JsValue> {
        let api = js_sys::Reflect::get(w, &name.into()).ok()?;
        (!api.is_undefined() && !api.is_null()).then_some(api)
    }

    /// The API named `name` in this window, its parents (up to 10 levels), then the opener and
    /// its parents.
    fn find_api(name: &str) -> Option<JsValue> {
        let search = |start: web_sys::Window| {
            let mut w = start;
            for _ in 0..10 {
                // Reading a cross-origin frame's property throws; Reflect::get turns that into None.
                if let Some(api) = api_in(&w, name) {
                    return Some(api);
                }
                let p = w.parent().ok().flatten()?;
                if p == w {
                    return None;
                }
                w = p;
            }
            None
        };
        let me = web_sys::window()?;
        search(me.clone()).or_else(|| {
            // The opener is another window's proxy: `instanceof Window` is false for it here.
            let opener = me.opener().ok()?;
            if opener.is_null() || opener.is_undefined() {
                return None;
            }
            search(opener.unchecked_into())
        })
    }

    /// Is a SCORM API there (the cmi5 runtime then stays out)?
    pub fn present() -> bool {
        EDITIONS.iter().any(|e| find_api(e.api).is_some())
    }

    /// Talks to the LMS when one is found. Its code (the runtime below) is a chunk of its own,
    /// fetched only then: a learner outside an LMS never downloads it.
    pub fn start(ctx: Ctx) {
        if !EDITIONS.iter().any(|e| find_api(e.api).is_some()) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            if lms_runtime(ctx).await.is_err() {
                ctx.notify(Notice::LmsLoad);
            }
        });
    }

    #[leptos::wasm_split::wasm_split(lms, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn lms_runtime(ctx: Ctx) -> Result<(), leptos::wasm_split::SplitLoaderError> {
        run(ctx);
        Ok(())
    }

    fn run(ctx: Ctx) {
        let Some((e, api)) = EDITIONS
            .iter()
            .find_map(|e| find_api(e.api).map(|api| (*e, api)))
        else {
            return;
        };
        let mut lms = Lms {
            api,
            e,
            ctx,
            given: Given::default(),
        };
        // A refusal ("false", its error shown as a notice) means the API must not be used.
        if lms.call(e.initialize, &[""], false).as_deref() != Some("true") {
            return;
        }
        let started = js_sys::Date::now();
        if let Some((passing, _)) = e.passing {
            lms.given.passing = parse_scaled(&lms.get(passing));
        }
        // The LMS's language, unless the learner chose one (here or in the address).
        if !ctx.url_lang && ctx.progress.with_untracked(|p| p.lang.is_none()) {
            if let Some(l) = lang_preference(&lms.get(e.language)) {
                ctx.show_lang(l, |_| {});
            }
        }
        // Resume.
        if let Ok(saved) = codec::decode_suspend(&lms.get("cmi.suspend_data")) {
            ctx.progress.update(|p| codec::merge_suspend(p, saved));
        }
        let location = Route::parse(&lms.get(e.location));
        if location != Route::NotFound
            && location != Route::Home
            && ctx.route.get_untracked() == Route::Home
        {
            ctx.navigate(location);
        }
        lms.save();
        let lms = Rc::new(lms);
        provide_lms(ctx, lms.clone());

        let w = web_sys::window().unwrap();
        let done = Rc::new(Cell::new(false));
        // Hidden (another tab, the phone's home screen): commit, in case it never comes back.
        // Not after terminating: a page going away is hidden after its pagehide.
        let hidden = {
            let lms = lms.clone();
            let done = done.clone();
            Closure::<dyn Fn()>::new(move || {
                if done.get() {
                    return;
                }
                let state = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| js_sys::Reflect::get(&d, &"visibilityState".into()).ok())
                    .and_then(|v| v.as_string());
                if state.as_deref() == Some("hidden") {
                    lms.save();
                    lms.set_leaving(started);
                    lms.call(lms.e.commit, &[""], false);
                }
            })
        };
        if let Some(d) = w.document() {
            let _ = d.add_event_listener_with_callback(
                "visibilitychange",
                hidden.as_ref().unchecked_ref(),
            );
        }
        hidden.forget();
        // Leaving: commit and terminate, once.
        let leave = Closure::<dyn Fn()>::new(move || {
            if !done.replace(true) {
                lms.save();
                lms.set_leaving(started);
                lms.call(lms.e.terminate, &[""], false);
            }
        });
        let _ = w.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
        leave.forget();
    }

    /// Saves to the LMS 0.8 s after the last change of what it is sent (results and notes) or
    /// of the screen (gloo's timer: a new change drops the pending one, so typing a note sends
    /// once, after a pause).
    fn provide_lms(ctx: Ctx, lms: Rc<Lms>) {
        let pending = Rc::new(std::cell::RefCell::new(
            None::<gloo_timers::callback::Timeout>,
        ));
        let max = lms.e.suspend_max;
        let sent = Memo::new(move |_| ctx.progress.with(|p| codec::encode_suspend(p, max).0));
        crate::state::effect(move |prev: Option<()>| {
            sent.with(|_| ()); // read, so that the memo runs (see `platform::effects`)
            ctx.route.track();
            if prev.is_some() {
                let lms = lms.clone();
                pending.replace(Some(gloo_timers::callback::Timeout::new(800, move || {
                    lms.save()
                })));
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::QUESTIONS;
    use crate::route::framework_routes;

    fn all_visited() -> Progress {
        let mut p = Progress::default();
        for r in framework_routes() {
            p.visited.insert(r.path());
        }
        p
    }

    fn values(v: &[(&'static str, String)]) -> std::collections::BTreeMap<&'static str, String> {
        v.iter().cloned().collect()
    }

    #[test]
    fn completion_and_exit_follow_the_screens_visited() {
        let p = Progress::default();
        assert_eq!(completion(&p), "incomplete");
        assert_eq!(
            values(&leaving(&SCORM_12, &p, 0.0))["cmi.core.exit"],
            "suspend"
        );
        assert_eq!(
            values(&leaving(&SCORM_2004, &p, 0.0))["cmi.exit"],
            "suspend"
        );
        let p = all_visited();
        assert_eq!(completion(&p), "completed");
        assert_eq!(values(&leaving(&SCORM_12, &p, 0.0))["cmi.core.exit"], "");
        assert_eq!(values(&leaving(&SCORM_2004, &p, 0.0))["cmi.exit"], "normal");
    }

    #[test]
    fn scorm_12_reports_what_it_can() {
        let mut p = Progress::default();
        let (v, _) = report(&SCORM_12, &p, "usages", Given::default());
        let v = values(&v);
        assert_eq!(v["cmi.core.lesson_status"], "incomplete");
        assert_eq!(v["cmi.core.lesson_location"], "usages");
        assert!(
            !v.contains_key("cmi.core.score.raw"),
            "no score before an answer"
        );
        let q = &QUESTIONS[0];
        p.answers.insert(q.id.into(), q.answer);
        let v = values(&report(&SCORM_12, &p, "quiz", Given { passing: Some(0.0) }).0);
        assert_eq!(v["cmi.core.score.raw"], (100 / QUESTIONS.len()).to_string());
        assert_eq!(v["cmi.core.score.max"], "100");
        assert!(v
            .keys()
            .all(|k| k.starts_with("cmi.core.") || *k == "cmi.suspend_data"));
        assert!(v["cmi.suspend_data"].starts_with("R1."));
    }

    #[test]
    fn scorm_2004_reports_progress_scaled_score_and_success_only_with_a_passing_score() {
        let mut p = Progress::default();
        p.visited.insert(framework_routes().next().unwrap().path());
        let v = values(&report(&SCORM_2004, &p, "usages", Given::default()).0);
        assert_eq!(v["cmi.completion_status"], "incomplete");
        assert_eq!(
            v["cmi.progress_measure"],
            decimal(1.0 / framework_routes().count() as f64)
        );
        assert_eq!(v["cmi.location"], "usages");
        assert!(!v.contains_key("cmi.score.scaled"));
        assert!(!v.contains_key("cmi.success_status"));
        // Every answer right: scaled 1, raw 100.
        for q in QUESTIONS {
            p.answers.insert(q.id.into(), q.answer);
        }
        let v = values(&report(&SCORM_2004, &p, "quiz", Given::default()).0);
        assert_eq!(
            (v["cmi.score.scaled"].as_str(), v["cmi.score.raw"].as_str()),
            ("1", "100")
        );
        assert!(
            !v.contains_key("cmi.success_status"),
            "no passing score given"
        );
        let v = values(&report(&SCORM_2004, &p, "quiz", Given { passing: Some(0.8) }).0);
        assert_eq!(v["cmi.success_status"], "passed");
        let v = values(&report(&SCORM_2004, &all_visited(), "x", Given::default()).0);
        assert_eq!(
            (
                v["cmi.completion_status"].as_str(),
                v["cmi.progress_measure"].as_str()
            ),
            ("completed", "1")
        );
    }

    #[test]
    fn failed_only_once_every_question_is_answered_below_the_passing_score() {
        let mut p = Progress::default();
        let wrong = |q: &crate::content::Question| (q.answer + 1) % q.choices.len() as u8;
        p.answers
            .insert(QUESTIONS[0].id.into(), wrong(&QUESTIONS[0]));
        assert_eq!(verdict(&p, 0.5), None, "questions remain");
        for q in QUESTIONS {
            p.answers.insert(q.id.into(), wrong(q));
        }
        assert_eq!(verdict(&p, 0.5), Some(Verdict::Failed));
        assert_eq!(verdict(&p, 0.0), Some(Verdict::Passed));
        let mut p = Progress::default();
        p.answers
            .insert(QUESTIONS[0].id.into(), QUESTIONS[0].answer);
        assert_eq!(
            verdict(&p, 1.0 / QUESTIONS.len() as f64),
            Some(Verdict::Passed),
            "reached: passed even with questions left"
        );
        assert_eq!(verdict(&Progress::default(), 0.0), None, "nothing answered");
    }

    #[test]
    fn location_too_long_for_the_edition_is_not_sent() {
        let long = "x".repeat(300);
        let v = values(&report(&SCORM_12, &Progress::default(), &long, Given::default()).0);
        assert!(!v.contains_key("cmi.core.lesson_location"));
        let v = values(&report(&SCORM_2004, &Progress::default(), &long, Given::default()).0);
        assert_eq!(v["cmi.location"], long);
    }

    #[test]
    fn suspend_data_keeps_within_each_edition() {
        let mut p = all_visited();
        for f in crate::content::checklists() {
            for i in f.items {
                p.notes.insert(
                    crate::store::item_key(f.id, i.id),
                    "é\"".repeat(crate::store::MAX_NOTE_CHARS / 2),
                );
            }
        }
        for e in EDITIONS {
            let (v, left_out) = report(e, &p, "quiz", Given::default());
            let data = &values(&v)["cmi.suspend_data"];
            assert!(data.chars().count() <= e.suspend_max, "{}", e.api);
            let back = codec::decode_suspend(data).unwrap();
            assert_eq!(back.notes.len() + left_out, p.notes.len());
        }
        assert!(report(&SCORM_12, &p, "", Given::default()).1 > 0);
    }

    #[test]
    fn passing_score_is_read_with_care() {
        assert_eq!(parse_scaled("0.8"), Some(0.8));
        assert_eq!(parse_scaled(" 1 "), Some(1.0));
        for bad in ["", "80", "NaN", "x", "-2"] {
            assert_eq!(parse_scaled(bad), None, "{bad}");
        }
    }

    #[test]
    fn session_times() {
        assert_eq!(timespan(0.0), "0000:00:00");
        assert_eq!(timespan(3_723_999.0), "0001:02:03");
        assert_eq!(timespan(-5.0), "0000:00:00");
        assert_eq!(timespan(1e12), "9999:46:40");
        assert_eq!(iso_duration(0.0), "PT0S");
        assert_eq!(iso_duration(3_723_000.0), "PT1H2M3S");
        assert_eq!(iso_duration(3_600_000.0), "PT1H");
        assert_eq!(iso_duration(1_500.0), "PT1.5S");
        assert_eq!(iso_duration(61_234.0), "PT1M1.23S");
        assert_eq!(iso_duration(-1.0), "PT0S");
        assert_eq!(
            values(&leaving(&SCORM_2004, &Progress::default(), 5000.0))["cmi.session_time"],
            "PT5S"
        );
        assert_eq!(
            values(&leaving(&SCORM_12, &Progress::default(), 5000.0))["cmi.core.session_time"],
            "0000:00:05"
        );
    }

    #[test]
    fn language_preferences() {
        assert_eq!(lang_preference("en-GB"), Some(Lang::En));
        assert_eq!(lang_preference("fr_CA"), Some(Lang::Fr));
        assert_eq!(lang_preference("EN"), Some(Lang::En));
        assert_eq!(lang_preference(""), None);
        assert_eq!(lang_preference("de-DE"), None);
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal(0.25), "0.25");
        assert_eq!(decimal(1.0), "1");
        assert_eq!(decimal(0.0), "0");
        assert_eq!(decimal(1.0 / 3.0), "0.3333");
    }
}
