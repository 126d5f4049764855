//! SCORM 1.2 runtime. When the LMS API (`window.API`) is found in a parent frame or the opener,
//! the app initialises, restores progress from `cmi.suspend_data` (the compact codec, always well
//! under 4096 characters), resumes at `cmi.core.lesson_location`, reports `incomplete`, then
//! `completed` once every framework screen has been visited, reports the quiz score (percent of
//! all questions, once one is answered) in `cmi.core.score.raw`, commits on change (debounced)
//! and on `pagehide`, and finishes when the learner leaves, with `cmi.core.exit` ("suspend" until
//! completed) and `cmi.core.session_time`. LMS errors become a discreet notice; a refused
//! initialisation stops there; without an LMS nothing happens.

/// The lesson status for a progress.
pub fn lesson_status(p: &crate::store::Progress) -> &'static str {
    if p.all_screens_visited() {
        "completed"
    } else {
        "incomplete"
    }
}

/// The quiz score as SCORM wants it: right answers as an integer percentage of all the
/// questions; none before the first answer (a learner who only opened the package has no score).
pub fn score_raw(p: &crate::store::Progress) -> Option<u32> {
    if p.answers.is_empty() {
        return None;
    }
    let (right, total) = p.quiz_score();
    Some((right * 100).checked_div(total).unwrap_or(0) as u32)
}

/// `cmi.core.exit`: "suspend" until the learner has finished, so the LMS resumes the attempt
/// (with its suspend data) next time; empty once completed.
pub fn exit(p: &crate::store::Progress) -> &'static str {
    if p.all_screens_visited() {
        ""
    } else {
        "suspend"
    }
}

/// `cmi.core.session_time` for a session of `ms` milliseconds: SCORM 1.2's `HHHH:MM:SS`.
pub fn session_time(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0) as u64;
    format!(
        "{:04}:{:02}:{:02}",
        (s / 3600).min(9999),
        s / 60 % 60,
        s % 60
    )
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::*;
    use crate::route::Route;
    use crate::state::{Ctx, Notice};
    use crate::store::codec;
    use leptos::prelude::*;
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::{prelude::*, JsCast};

    /// The LMS's API object, called defensively: a call that throws or reports an error
    /// becomes a notice, never a crash.
    #[derive(Clone)]
    struct Lms {
        api: JsValue,
        ctx: Ctx,
    }

    impl Lms {
        fn call(&self, name: &str, args: &[&str]) -> Option<String> {
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
                        .unwrap_or_default();
                    if name != "LMSGetLastError" {
                        self.check();
                    }
                    Some(out)
                }
                Err(_) => {
                    self.ctx.notify(Notice::Lms(format!("{name}: exception")));
                    None
                }
            }
        }

        fn check(&self) {
            let code = self.call("LMSGetLastError", &[]).unwrap_or_default();
            if !code.is_empty() && code != "0" {
                self.ctx.notify(Notice::Lms(code));
            }
        }

        fn get(&self, key: &str) -> String {
            self.call("LMSGetValue", &[key]).unwrap_or_default()
        }

        fn set(&self, key: &str, value: &str) {
            self.call("LMSSetValue", &[key, value]);
        }

        fn save(&self) {
            let p = self.ctx.progress.get_untracked();
            self.set("cmi.suspend_data", &codec::encode(&p));
            self.set(
                "cmi.core.lesson_location",
                &self.ctx.route.get_untracked().path(),
            );
            if let Some(raw) = score_raw(&p) {
                self.set("cmi.core.score.min", "0");
                self.set("cmi.core.score.max", "100");
                self.set("cmi.core.score.raw", &raw.to_string());
            }
            self.set("cmi.core.lesson_status", lesson_status(&p));
            self.call("LMSCommit", &[""]);
        }
    }

    fn has_api(w: &web_sys::Window) -> Option<JsValue> {
        let api = js_sys::Reflect::get(w, &"API".into()).ok()?;
        (!api.is_undefined() && !api.is_null()).then_some(api)
    }

    /// `window.API` in this window, its parents (up to 10 levels), then the opener and its parents.
    fn find_api() -> Option<JsValue> {
        let search = |start: web_sys::Window| {
            let mut w = start;
            for _ in 0..10 {
                // Reading a cross-origin frame's property throws; Reflect::get turns that into None.
                if let Some(api) = has_api(&w) {
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

    pub fn start(ctx: Ctx) {
        let Some(api) = find_api() else { return };
        let lms = Lms { api, ctx };
        // A refusal ("false", its error shown as a notice) means the API must not be used.
        if lms.call("LMSInitialize", &[""]).as_deref() != Some("true") {
            return;
        }
        let started = js_sys::Date::now();
        // Resume.
        let data = lms.get("cmi.suspend_data");
        if let Ok(saved) = codec::decode(&data) {
            ctx.progress.update(|p| codec::merge(p, saved));
        }
        let location = Route::parse(&lms.get("cmi.core.lesson_location"));
        if location != Route::NotFound
            && location != Route::Home
            && ctx.route.get_untracked() == Route::Home
        {
            ctx.navigate(location);
        }
        lms.save();
        let lms = Rc::new(lms);
        provide_lms(ctx, lms.clone());

        // Commit and finish when the learner leaves.
        let done = Rc::new(Cell::new(false));
        let leave = Closure::<dyn Fn()>::new(move || {
            if !done.replace(true) {
                lms.save();
                let p = lms.ctx.progress.get_untracked();
                lms.set("cmi.core.exit", exit(&p));
                lms.set(
                    "cmi.core.session_time",
                    &session_time(js_sys::Date::now() - started),
                );
                lms.call("LMSFinish", &[""]);
            }
        });
        let w = web_sys::window().unwrap();
        let _ = w.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
        leave.forget();
    }

    /// Saves to the LMS 0.8 s after the last change of what it is sent (the results' compact
    /// form, not the notes, which stay in the browser) or of the screen (gloo's timer: a new
    /// change drops the pending one).
    fn provide_lms(ctx: Ctx, lms: Rc<Lms>) {
        let pending = Rc::new(std::cell::RefCell::new(
            None::<gloo_timers::callback::Timeout>,
        ));
        let sent = Memo::new(move |_| ctx.progress.with(crate::store::codec::encode));
        Effect::new(move |prev: Option<()>| {
            sent.track();
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
    use crate::store::Progress;

    #[test]
    fn status_and_score() {
        let mut p = Progress::default();
        assert_eq!(lesson_status(&p), "incomplete");
        assert_eq!(score_raw(&p), None, "no score before the first answer");
        assert_eq!(exit(&p), "suspend");
        for r in crate::route::framework_routes() {
            p.visited.insert(r.path());
        }
        assert_eq!(lesson_status(&p), "completed");
        let q = &crate::content::QUESTIONS[0];
        p.answers.insert(q.id.into(), q.answer);
        assert_eq!(
            score_raw(&p),
            Some(100 / crate::content::QUESTIONS.len() as u32)
        );
        assert_eq!(exit(&p), "", "completed: nothing to resume");
    }

    #[test]
    fn session_time_is_scorm_12_timespan() {
        assert_eq!(session_time(0.0), "0000:00:00");
        assert_eq!(session_time(3_723_999.0), "0001:02:03");
        assert_eq!(session_time(-5.0), "0000:00:00");
        assert_eq!(session_time(1e12), "9999:46:40");
    }
}
