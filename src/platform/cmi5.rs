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
//! `moveOn` is read (`MoveOn`) and kept with the session. The LMS, not the AU, decides from it
//! whether the AU is satisfied, so the statements above do not depend on it (with `NotApplicable`
//! the AU still sends `completed`, which the spec allows); a moveOn this AU cannot meet (one that
//! needs `passed` while no mastery score is given) is reported in the console for the LMS's admin.
//!
//! Every statement carries the context template (with its session id), the registration and the
//! cmi5 category (and `moveon` for the three that can satisfy moveOn). Statements are made with
//! their id, stored in a queue of their launch (registration, activity and endpoint: see
//! `Launch::queue_key`), and sent with `PUT ?statementId=`, so a resend after a failure is
//! idempotent (a 409 means "already there"). What the LRS answers decides (`outcome`):
//!
//! - no answer (unreachable, or not in time), a 5xx, a 408 or a 429: the learner carries on with
//!   local progress, one notice says so (once per outage: a dismissed notice comes back only after
//!   the LRS has answered and then failed again), and the queue is retried;
//! - a 401 (the one-shot token refused), like a fetch URL that gives no token: trying again cannot
//!   help, since the fetch URL answers once. Nothing is retried; a different notice says the
//!   platform refused the connection and progress stays in this browser. The statements stay
//!   stored with their launch;
//! - another 4xx (a statement the LRS will never take): that statement is dropped, with a console
//!   warning, and the rest of the queue goes on.
//!
//! What was queued counts as sent, so nothing is queued twice.
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

/// The AU's `moveOn`, as `LMS.LaunchData` gives it: what the LMS waits for to count the AU as
/// satisfied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveOn {
    Passed,
    Completed,
    CompletedAndPassed,
    CompletedOrPassed,
    NotApplicable,
}

impl MoveOn {
    pub fn parse(s: &str) -> Option<MoveOn> {
        match s.trim() {
            "Passed" => Some(MoveOn::Passed),
            "Completed" => Some(MoveOn::Completed),
            "CompletedAndPassed" => Some(MoveOn::CompletedAndPassed),
            "CompletedOrPassed" => Some(MoveOn::CompletedOrPassed),
            "NotApplicable" => Some(MoveOn::NotApplicable),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MoveOn::Passed => "Passed",
            MoveOn::Completed => "Completed",
            MoveOn::CompletedAndPassed => "CompletedAndPassed",
            MoveOn::CompletedOrPassed => "CompletedOrPassed",
            MoveOn::NotApplicable => "NotApplicable",
        }
    }

    /// Whether this AU can meet it: it sends `passed` only against a mastery score, so a moveOn
    /// that needs `passed` cannot be met without one. `CompletedOrPassed` is met by `completed`;
    /// `NotApplicable` is met by the LMS itself.
    pub fn reachable(self, mastery: Option<f64>) -> bool {
        match self {
            MoveOn::Passed | MoveOn::CompletedAndPassed => mastery.is_some(),
            MoveOn::Completed | MoveOn::CompletedOrPassed | MoveOn::NotApplicable => true,
        }
    }
}

/// What to do with a queued statement after the LRS's answer to its PUT (`None`: no answer, or
/// none in time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Stored, or stored already by an earlier try whose answer was lost (409): off the queue.
    Stored,
    /// The LRS will never take this statement (400, 404, 413…): off the queue, with a
    /// warning, so that it does not hold back the statements behind it.
    Dropped,
    /// The token is refused (401), or may not write (403). The fetch URL answers once, so no new token can be had in
    /// this launch: stop sending, keep the queue.
    Refused,
    /// Unreachable, not in time, a server error, or "later" (408, 425, 429): try again.
    Retry,
}

pub fn outcome(status: Option<u16>) -> Outcome {
    match status {
        None => Outcome::Retry,
        Some(200..=299 | 409) => Outcome::Stored,
        // The token refused, or not allowed to write: final for the launch (dropping statement
        // after statement would empty the queue).
        Some(401 | 403) => Outcome::Refused,
        Some(408 | 425 | 429) => Outcome::Retry,
        Some(400..=499) => Outcome::Dropped,
        Some(_) => Outcome::Retry,
    }
}

/// Where the queue was kept before it was kept per launch: one queue for every launch, whose
/// statements could have gone to another launch's endpoint. Read once to move its statements to
/// their own launch's queue (see `adopt_old_queue`).
pub const OLD_QUEUE_KEY: &str = "reperes.cmi5.queue";

impl Launch {
    /// The storage key of this launch's statement queue: its registration, its activity and the
    /// endpoint, so that a statement is only ever sent to the LRS of the launch it was made in
    /// (a later launch of the same registration, from the same LMS, sends what an earlier one
    /// left).
    pub fn queue_key(&self) -> String {
        format!(
            "{OLD_QUEUE_KEY}:{} {} {}",
            self.registration, self.activity_id, self.endpoint
        )
    }
}

/// Stored statements, in order: each with its id and its JSON text.
pub type Queue = Vec<(String, String)>;

/// A stored queue, `[{"id": …, "s": statement JSON text}, …]`; anything unreadable (a corrupt or
/// foreign value) is an empty queue, and unreadable entries are skipped.
pub fn parse_queue(text: Option<&str>) -> Queue {
    use crate::store::json::Json;
    let Some(json) = text.and_then(Json::parse) else {
        return vec![];
    };
    let Some(items) = json.as_array() else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|i| Some((i.get("id")?.as_str()?.into(), i.get("s")?.as_str()?.into())))
        .collect()
}

/// The queue as stored.
pub fn queue_text(queue: &[(String, String)]) -> String {
    use crate::store::json::Json;
    Json::Arr(
        queue
            .iter()
            .map(|(id, s)| {
                Json::Obj(vec![
                    ("id".into(), Json::Str(id.clone())),
                    ("s".into(), Json::Str(s.clone())),
                ])
            })
            .collect(),
    )
    .text()
}

/// Splits the old global queue: the statements made for this launch's registration and activity
/// (read from each statement's `context.registration` and `object.id`), and the rest, left for
/// their own launch. A statement that cannot be read is in neither: it could go nowhere safely.
pub fn adopt_old_queue(text: &str, launch: &Launch) -> (Queue, Queue) {
    use crate::store::json::Json;
    let mut mine = vec![];
    let mut rest = vec![];
    for (id, s) in parse_queue(Some(text)) {
        let Some(st) = Json::parse(&s) else { continue };
        let reg = st
            .get("context")
            .and_then(|c| c.get("registration"))
            .and_then(|r| r.as_str());
        let activity = st
            .get("object")
            .and_then(|o| o.get("id"))
            .and_then(|i| i.as_str());
        match (reg, activity) {
            (Some(r), Some(a)) if r == launch.registration && a == launch.activity_id => {
                mine.push((id, s))
            }
            (Some(_), Some(_)) => rest.push((id, s)),
            _ => {}
        }
    }
    (mine, rest)
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

    fn launch(registration: &str, activity: &str, endpoint: &str) -> Launch {
        Launch::from_params(|k| {
            Some(
                match k {
                    "endpoint" => endpoint,
                    "fetch" => "http://lms.example/fetch?k=1",
                    "actor" => r#"{"mbox":"mailto:a@example.org"}"#,
                    "registration" => registration,
                    "activityId" => activity,
                    _ => return None,
                }
                .to_string(),
            )
        })
        .unwrap()
    }

    const REG_A: &str = "760e3480-ba55-4991-94b0-01820dbd23a2";
    const REG_B: &str = "0b1d2c3e-1111-4222-8333-444455556666";
    const AU: &str = "https://w3id.org/xapi/reperes/au";

    #[test]
    fn a_queue_per_registration_activity_and_endpoint() {
        let a = launch(REG_A, AU, "http://lrs.example/xapi/");
        assert_eq!(
            a.queue_key(),
            launch(REG_A, AU, "http://lrs.example/xapi").queue_key(),
            "the same launch, however the endpoint is written"
        );
        let others = [
            launch(REG_B, AU, "http://lrs.example/xapi/"),
            launch(
                REG_A,
                "https://w3id.org/xapi/other/au",
                "http://lrs.example/xapi/",
            ),
            launch(REG_A, AU, "http://other.example/xapi/"),
        ];
        for o in &others {
            assert_ne!(a.queue_key(), o.queue_key());
        }
        assert!(a.queue_key().starts_with("reperes.cmi5.queue:"));
        assert_ne!(a.queue_key(), OLD_QUEUE_KEY);
    }

    #[test]
    fn a_stored_queue_is_read_with_care() {
        let q = [
            (
                "id-1".to_string(),
                r#"{"id":"id-1","a":"\"quoted\""}"#.to_string(),
            ),
            ("id-2".to_string(), "{}".to_string()),
        ];
        assert_eq!(parse_queue(Some(queue_text(&q).as_str())), q);
        let empty: Vec<(String, String)> = vec![];
        for corrupt in ["", "{", "null", "{\"id\":\"x\"}", "\"text\"", "[1,2"] {
            assert_eq!(parse_queue(Some(corrupt)), empty, "{corrupt:?}");
        }
        assert_eq!(parse_queue(None), empty);
        assert_eq!(
            parse_queue(Some(r#"[{"id":"a","s":"{}"},{"id":3},{"s":"{}"},7]"#)),
            vec![("a".to_string(), "{}".to_string())],
            "unreadable entries skipped, the rest kept"
        );
    }

    #[test]
    fn the_old_global_queue_goes_to_its_own_launches() {
        let st = |id: &str, reg: &str, act: &str| {
            (
                id.to_string(),
                format!(
                    r#"{{"id":"{id}","object":{{"id":"{act}"}},"context":{{"registration":"{reg}","extensions":{{"x":0.02}}}}}}"#
                ),
            )
        };
        let old = [
            st("1", REG_A, AU),
            st("2", REG_B, AU),
            st("3", REG_A, "https://w3id.org/xapi/other/au"),
            ("4".to_string(), "not json".to_string()),
            ("5".to_string(), r#"{"id":"5"}"#.to_string()),
            st("6", REG_A, AU),
        ];
        let (mine, rest) =
            adopt_old_queue(&queue_text(&old), &launch(REG_A, AU, "http://lrs.example/"));
        assert_eq!(mine, vec![old[0].clone(), old[5].clone()]);
        assert_eq!(rest, vec![old[1].clone(), old[2].clone()]);
        let (mine, rest) = adopt_old_queue("{corrupt", &launch(REG_A, AU, "http://lrs.example/"));
        assert!(mine.is_empty() && rest.is_empty());
    }

    #[test]
    fn what_each_answer_does_to_the_queue() {
        assert_eq!(outcome(Some(204)), Outcome::Stored);
        assert_eq!(outcome(Some(200)), Outcome::Stored);
        assert_eq!(outcome(Some(409)), Outcome::Stored, "already there");
        assert_eq!(outcome(Some(401)), Outcome::Refused);
        assert_eq!(outcome(Some(403)), Outcome::Refused);
        for s in [400, 404, 413, 422] {
            assert_eq!(outcome(Some(s)), Outcome::Dropped, "{s}");
        }
        for s in [
            None,
            Some(408),
            Some(429),
            Some(500),
            Some(502),
            Some(503),
            Some(302),
        ] {
            assert_eq!(outcome(s), Outcome::Retry, "{s:?}");
        }
    }

    #[test]
    fn move_on() {
        for m in [
            MoveOn::Passed,
            MoveOn::Completed,
            MoveOn::CompletedAndPassed,
            MoveOn::CompletedOrPassed,
            MoveOn::NotApplicable,
        ] {
            assert_eq!(MoveOn::parse(m.name()), Some(m));
        }
        assert_eq!(MoveOn::parse(" Completed "), Some(MoveOn::Completed));
        for bad in ["", "completed", "Passed,Completed", "Failed"] {
            assert_eq!(MoveOn::parse(bad), None, "{bad:?}");
        }
        assert!(!MoveOn::Passed.reachable(None));
        assert!(!MoveOn::CompletedAndPassed.reachable(None));
        assert!(MoveOn::CompletedAndPassed.reachable(Some(0.8)));
        assert!(MoveOn::CompletedOrPassed.reachable(None));
        assert!(MoveOn::Completed.reachable(None));
        assert!(MoveOn::NotApplicable.reachable(None));
    }

    #[test]
    fn verbs() {
        assert_eq!(Verb::Passed.id(), "http://adlnet.gov/expapi/verbs/passed");
        assert!(Verb::Completed.moves_on() && !Verb::Terminated.moves_on());
    }
}
