//! cmi5 runtime (the xAPI profile for launching content from an LMS). The LMS launches the AU
//! with `endpoint`, `fetch`, `actor`, `registration` and `activityId` in the URL; the app POSTs to
//! `fetch` once for the LRS token (kept for the tab, since a fetch URL answers once), reads the
//! `LMS.LaunchData` state (context template, launch mode, mastery score, moveOn, returnURL) and
//! the learner's preferences (`languagePreference`), then sends statements:
//!
//! - `initialized` at the start of each session, `terminated` when the learner leaves (the
//!   "leave" button, which then goes to `returnURL`, or the page going away);
//! - `completed` once every framework screen has been visited, once per registration;
//! - `passed` or `failed`, once per registration and only when a mastery score is given: the
//!   quiz's scaled score against it (see `scorm::verdict`);
//! - none of those three in Browse or Review mode.
//!
//! Every statement carries the context template (with its session id), the registration and the
//! cmi5 category (and `moveon` for the three that can satisfy moveOn). Statements are made with
//! their id, stored in a queue, and sent with `PUT ?statementId=`, so a resend after a failure
//! is idempotent (a 409 means "already there"). While the LRS is unreachable, refuses the token,
//! or does not answer in time, the learner carries on with local progress, one notice says so,
//! and the queue is retried; what was queued counts as sent, so nothing is queued twice.
//!
//! The decisions are plain functions here, tested natively; the browser part builds the JSON with
//! the browser's own JSON (so that the context template passes through untouched).

use crate::platform::scorm::{verdict, Verdict};
use crate::store::Progress;

/// How the LMS launched the AU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Browse,
    Review,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "Normal" => Some(Mode::Normal),
            "Browse" => Some(Mode::Browse),
            "Review" => Some(Mode::Review),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Initialized,
    Completed,
    Passed,
    Failed,
    Terminated,
}

impl Verb {
    pub fn name(self) -> &'static str {
        match self {
            Verb::Initialized => "initialized",
            Verb::Completed => "completed",
            Verb::Passed => "passed",
            Verb::Failed => "failed",
            Verb::Terminated => "terminated",
        }
    }

    pub fn id(self) -> String {
        format!("http://adlnet.gov/expapi/verbs/{}", self.name())
    }

    /// The statements that can satisfy the AU's moveOn carry the `moveon` category.
    pub fn moves_on(self) -> bool {
        matches!(self, Verb::Completed | Verb::Passed | Verb::Failed)
    }

    fn letter(self) -> char {
        self.name().chars().next().unwrap()
    }
}

pub const CATEGORY_CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
pub const CATEGORY_MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
pub const EXT_SESSION: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
pub const EXT_MASTERY: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

/// What has been queued already: per registration (completed, passed, failed) and per session
/// (initialized, terminated). Kept in storage as letters, so a reload or a second launch does not
/// send them again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub registration: String,
    pub session: String,
}

impl Sent {
    pub fn has(&self, v: Verb) -> bool {
        let set = if v.moves_on() {
            &self.registration
        } else {
            &self.session
        };
        set.contains(v.letter())
    }

    pub fn mark(&mut self, v: Verb) {
        if !self.has(v) {
            let set = if v.moves_on() {
                &mut self.registration
            } else {
                &mut self.session
            };
            set.push(v.letter());
        }
    }
}

/// The statements due now, in order, for this progress: completed when every framework screen
/// is seen; passed or failed when a mastery score is given and the quiz is decided (once: after
/// one of them, neither again); nothing of that in Browse or Review.
pub fn due(p: &Progress, mode: Mode, mastery: Option<f64>, sent: &Sent) -> Vec<Verb> {
    let mut out = vec![];
    if !sent.has(Verb::Initialized) {
        out.push(Verb::Initialized);
    }
    if mode != Mode::Normal || sent.has(Verb::Terminated) {
        return out;
    }
    if !sent.has(Verb::Completed) && p.all_screens_visited() {
        out.push(Verb::Completed);
    }
    if let Some(m) = mastery {
        if !sent.has(Verb::Passed) && !sent.has(Verb::Failed) {
            match verdict(p, m) {
                Some(Verdict::Passed) => out.push(Verb::Passed),
                Some(Verdict::Failed) => out.push(Verb::Failed),
                None => {}
            }
        }
    }
    out
}

/// The parameters the LMS launches the AU with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Launch {
    pub endpoint: String,
    pub fetch: String,
    /// The actor as JSON text.
    pub actor: String,
    pub registration: String,
    pub activity_id: String,
}

impl Launch {
    /// From the launch URL's parameters (already decoded); `None` unless all five are there.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Option<Launch> {
        let get = |k: &str| get(k).filter(|v| !v.trim().is_empty());
        let mut endpoint = get("endpoint")?;
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Some(Launch {
            endpoint,
            fetch: get("fetch")?,
            actor: get("actor")?,
            registration: get("registration")?,
            activity_id: get("activityId")?,
        })
    }

    /// As stored for the tab (a reload keeps the launch, though the address no longer shows it).
    pub fn text(&self) -> String {
        [
            &self.endpoint,
            &self.fetch,
            &self.actor,
            &self.registration,
            &self.activity_id,
        ]
        .map(|s| s.replace('\n', " "))
        .join("\n")
    }

    pub fn from_text(s: &str) -> Option<Launch> {
        let v: Vec<&str> = s.split('\n').collect();
        let [e, f, a, r, i] = v.as_slice() else {
            return None;
        };
        Launch::from_params(|k| {
            Some(
                match k {
                    "endpoint" => *e,
                    "fetch" => *f,
                    "actor" => *a,
                    "registration" => *r,
                    _ => *i,
                }
                .to_string(),
            )
        })
    }
}

/// A mastery score as the LMS gives it: a number from 0 to 1.
pub fn mastery(x: Option<f64>) -> Option<f64> {
    x.filter(|x| x.is_finite() && (0.0..=1.0).contains(x))
}

/// The first of the learner's languages (`fr-FR,en-US`) that the app speaks.
pub fn preferred_lang(list: &str) -> Option<crate::i18n::Lang> {
    list.split(',')
        .find_map(|l| crate::platform::scorm::lang_preference(l.trim()))
}

#[cfg(target_arch = "wasm32")]
#[path = "cmi5_web.rs"]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::*;

/// Natively (tests, prerender) there is no LMS to leave for.
#[cfg(not(target_arch = "wasm32"))]
pub fn leave() {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::QUESTIONS;
    use crate::i18n::Lang;
    use crate::route::framework_routes;

    fn seen_all() -> Progress {
        let mut p = Progress::default();
        for r in framework_routes() {
            p.visited.insert(r.path());
        }
        p
    }

    fn marked(verbs: &[Verb]) -> Sent {
        let mut s = Sent::default();
        for v in verbs {
            s.mark(*v);
        }
        s
    }

    #[test]
    fn initialized_first_then_completed_once() {
        let p = Progress::default();
        assert_eq!(
            due(&p, Mode::Normal, None, &Sent::default()),
            [Verb::Initialized]
        );
        let s = marked(&[Verb::Initialized]);
        assert_eq!(due(&p, Mode::Normal, None, &s), []);
        assert_eq!(due(&seen_all(), Mode::Normal, None, &s), [Verb::Completed]);
        let s = marked(&[Verb::Initialized, Verb::Completed]);
        assert_eq!(due(&seen_all(), Mode::Normal, None, &s), []);
    }

    #[test]
    fn a_new_session_initializes_again_but_does_not_complete_again() {
        let mut s = marked(&[Verb::Initialized, Verb::Completed, Verb::Terminated]);
        s.session.clear(); // a second launch: new session, same registration
        assert_eq!(
            due(&seen_all(), Mode::Normal, None, &s),
            [Verb::Initialized]
        );
    }

    #[test]
    fn pass_or_fail_only_with_a_mastery_score_and_once() {
        let mut p = seen_all();
        for q in QUESTIONS {
            p.answers.insert(q.id.into(), q.answer);
        }
        let s = marked(&[Verb::Initialized, Verb::Completed]);
        assert_eq!(due(&p, Mode::Normal, None, &s), [], "no mastery score");
        assert_eq!(due(&p, Mode::Normal, Some(0.8), &s), [Verb::Passed]);
        let after = marked(&[Verb::Initialized, Verb::Completed, Verb::Passed]);
        assert_eq!(due(&p, Mode::Normal, Some(0.8), &after), []);
        // All wrong: failed, and not passed later in the registration either.
        let mut p = seen_all();
        for q in QUESTIONS {
            p.answers
                .insert(q.id.into(), (q.answer + 1) % q.choices.len() as u8);
        }
        assert_eq!(due(&p, Mode::Normal, Some(0.8), &s), [Verb::Failed]);
        let failed = marked(&[Verb::Initialized, Verb::Completed, Verb::Failed]);
        let mut right = p.clone();
        for q in QUESTIONS {
            right.answers.insert(q.id.into(), q.answer);
        }
        assert_eq!(due(&right, Mode::Normal, Some(0.8), &failed), []);
    }

    #[test]
    fn browse_and_review_send_no_completed_passed_or_failed() {
        let mut p = seen_all();
        for q in QUESTIONS {
            p.answers.insert(q.id.into(), q.answer);
        }
        for mode in [Mode::Browse, Mode::Review] {
            assert_eq!(
                due(&p, mode, Some(0.5), &Sent::default()),
                [Verb::Initialized]
            );
            assert_eq!(due(&p, mode, Some(0.5), &marked(&[Verb::Initialized])), []);
        }
    }

    #[test]
    fn nothing_after_terminated() {
        let s = marked(&[Verb::Initialized, Verb::Terminated]);
        assert_eq!(due(&seen_all(), Mode::Normal, Some(0.0), &s), []);
    }

    #[test]
    fn launch_parameters() {
        let params = |k: &str| {
            Some(
                match k {
                    "endpoint" => "http://lrs.example/xapi",
                    "fetch" => "http://lms.example/fetch?k=1",
                    "actor" => r#"{"account":{"homePage":"http://lms.example","name":"42"}}"#,
                    "registration" => "760e3480-ba55-4991-94b0-01820dbd23a2",
                    "activityId" => "https://w3id.org/xapi/reperes/au",
                    _ => return None,
                }
                .to_string(),
            )
        };
        let l = Launch::from_params(params).unwrap();
        assert_eq!(l.endpoint, "http://lrs.example/xapi/", "ends with a slash");
        assert_eq!(Launch::from_text(&l.text()), Some(l));
        assert_eq!(
            Launch::from_params(|k| (k != "fetch").then(|| params(k)).flatten()),
            None
        );
        assert_eq!(Launch::from_params(|_| Some(" ".into())), None);
        assert_eq!(Launch::from_text("a\nb"), None);
    }

    #[test]
    fn mastery_and_language() {
        assert_eq!(mastery(Some(0.8)), Some(0.8));
        assert_eq!(mastery(Some(80.0)), None);
        assert_eq!(mastery(None), None);
        assert_eq!(preferred_lang("de-DE, en-US,fr-FR"), Some(Lang::En));
        assert_eq!(preferred_lang("fr-CA"), Some(Lang::Fr));
        assert_eq!(preferred_lang(""), None);
    }

    #[test]
    fn verbs() {
        assert_eq!(Verb::Passed.id(), "http://adlnet.gov/expapi/verbs/passed");
        assert!(Verb::Completed.moves_on() && !Verb::Terminated.moves_on());
    }
}
