//! The browser side of cmi5: launch, token, LaunchData, statements, the queue.

use super::*;
use crate::state::{Ctx, Notice};
use js_sys::{Array, Function, Object, Reflect, JSON};
use leptos::prelude::*;
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::{spawn_local, JsFuture};

const LAUNCH_KEY: &str = "reperes.cmi5.launch";
// The queue's key is the launch's own: `Launch::queue_key`.
const SENT_KEY: &str = "reperes.cmi5.sent";
/// A request not answered in this time counts as failed (and is retried).
const TIMEOUT_MS: i32 = 8000;
/// How often the queue is retried while the LRS does not answer.
const RETRY_MS: u32 = 4000;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn local(key: &str) -> Option<String> {
    crate::platform::storage::read(key).ok().flatten()
}

fn set(o: &JsValue, k: &str, v: impl Into<JsValue>) {
    let _ = Reflect::set(o, &k.into(), &v.into());
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A warning in the console, for whoever runs the LMS (never shown to the learner).
fn warn(msg: &str) {
    let console = get(&js_sys::global(), "console");
    if let Ok(f) = get(&console, "warn").dyn_into::<Function>() {
        let _ = f.call1(&console, &JsValue::from_str(msg));
    }
}

/// The launch: from the address the first time, from the tab's storage after a reload.
fn launch() -> Option<Launch> {
    // As the page was opened: moving in the app (before the late start's chunk came) may have
    // changed the address since.
    let params =
        web_sys::UrlSearchParams::new_with_str(&crate::platform::url::first_search()).ok()?;
    if let Some(l) = Launch::from_params(|k| params.get(k)) {
        if let Some(s) = session_storage() {
            let _ = s.set_item(LAUNCH_KEY, &l.text());
        }
        return Some(l);
    }
    Launch::from_text(&session_storage()?.get_item(LAUNCH_KEY).ok()??)
}

fn uuid() -> String {
    let crypto = web_sys::window().map(|w| get(&w, "crypto"));
    if let Some(f) = crypto
        .as_ref()
        .and_then(|c| get(c, "randomUUID").dyn_into::<Function>().ok())
    {
        if let Some(s) = f
            .call0(crypto.as_ref().unwrap())
            .ok()
            .and_then(|v| v.as_string())
        {
            return s;
        }
    }
    // Without crypto.randomUUID (an insecure context): version 4 from Math.random.
    let hex = |n: usize| -> String {
        (0..n)
            .map(|_| char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap())
            .collect()
    };
    format!("{}-{}-4{}-a{}-{}", hex(8), hex(4), hex(3), hex(3), hex(12))
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// One HTTP request, with a timeout: the status and body text, or `None` when it failed.
async fn request(
    method: &str,
    url: &str,
    auth: Option<&str>,
    body: Option<&str>,
    keepalive: bool,
) -> Option<(u16, String)> {
    let w = web_sys::window()?;
    let init = Object::new();
    set(&init, "method", method);
    let headers = Object::new();
    set(&headers, "X-Experience-API-Version", "1.0.3");
    if let Some(a) = auth {
        set(&headers, "Authorization", a);
    }
    if let Some(b) = body {
        set(&headers, "Content-Type", "application/json");
        set(&init, "body", b);
    }
    set(&init, "headers", headers);
    set(&init, "keepalive", keepalive);
    set(&init, "cache", "no-store");
    let ctor = get(&w, "AbortController").dyn_into::<Function>().ok()?;
    let abort = Reflect::construct(&ctor, &Array::new()).ok()?;
    set(&init, "signal", get(&abort, "signal"));
    let timer = {
        let abort = abort.clone();
        Closure::once_into_js(move || {
            if let Ok(f) = get(&abort, "abort").dyn_into::<Function>() {
                let _ = f.call0(&abort);
            }
        })
    };
    let _ =
        w.set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), TIMEOUT_MS);
    let fetch = get(&w, "fetch").dyn_into::<Function>().ok()?;
    let promise = fetch.call2(&w, &url.into(), &init).ok()?;
    let resp = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
    let status = get(&resp, "status").as_f64()? as u16;
    let text_fn = get(&resp, "text").dyn_into::<Function>().ok()?;
    let text = JsFuture::from(js_sys::Promise::from(text_fn.call0(&resp).ok()?))
        .await
        .ok()?
        .as_string()
        .unwrap_or_default();
    Some((status, text))
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(p).await;
}

fn query(extra: &[(&str, &str)]) -> String {
    let p = web_sys::UrlSearchParams::new().unwrap();
    for (k, v) in extra {
        p.append(k, v);
    }
    p.to_string().into()
}

/// What the launch gives once the LMS and LRS have answered.
struct Session {
    auth: String,
    template: JsValue,
    mode: Mode,
    mastery: Option<f64>,
    /// As LaunchData gives it (`None` when missing or unknown): the LMS's to apply, see `MoveOn`.
    move_on: Option<MoveOn>,
    return_url: Option<String>,
    session_id: String,
    started: f64,
}

struct Runtime {
    ctx: Ctx,
    launch: Launch,
    session: RefCell<Option<Session>>,
    /// Statements waiting for the LRS: (id, JSON text).
    queue: RefCell<crate::platform::cmi5::Queue>,
    sent: RefCell<Sent>,
    flushing: Cell<bool>,
    retry: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// The "LRS away" notice was shown for the current outage: not again until the LRS has
    /// answered once (a learner who dismissed it is not shown it at every retry).
    outage: Cell<bool>,
    /// The platform refused the connection (a fetch URL without a token, a 401): nothing more is
    /// sent in this launch, nothing is retried.
    refused: Cell<bool>,
}

/// Why the session could not be opened.
#[derive(Clone, Copy)]
enum Failure {
    /// No answer, or not a final one: try again later.
    Again,
    /// Final for this launch.
    Refused(Refusal),
}

#[derive(Clone, Copy)]
enum Refusal {
    /// The fetch URL gave no token (it answers once: asking again cannot help).
    Token,
    /// The LRS refused the token (this HTTP status).
    Status(u16),
}

impl Runtime {
    /// This launch's queue; the statements of the old global queue made for this launch join it
    /// (the others stay there for their own launch). A corrupt stored value is an empty queue.
    fn load_queue(&self) {
        let mut queue = vec![];
        if let Some(old) = local(OLD_QUEUE_KEY) {
            let (mine, rest) = adopt_old_queue(&old, &self.launch);
            queue = mine;
            if rest.is_empty() {
                crate::platform::storage::remove(OLD_QUEUE_KEY);
            } else {
                crate::platform::storage::write(OLD_QUEUE_KEY, &queue_text(&rest));
            }
        }
        let adopted = !queue.is_empty();
        for (id, s) in parse_queue(local(&self.launch.queue_key()).as_deref()) {
            if !queue.iter().any(|(i, _)| *i == id) {
                queue.push((id, s));
            }
        }
        *self.queue.borrow_mut() = queue;
        if adopted {
            self.store_queue();
        }
    }

    /// Kept under the launch's key; no key at all once the queue is empty.
    fn store_queue(&self) {
        let key = self.launch.queue_key();
        let queue = self.queue.borrow();
        if queue.is_empty() {
            crate::platform::storage::remove(&key);
        } else {
            crate::platform::storage::write(&key, &queue_text(&queue));
        }
    }

    /// Sent flags: per registration, and per session for the current session id.
    fn load_sent(&self, session_id: &str) {
        use crate::store::json::Json;
        let all = local(SENT_KEY).as_deref().and_then(Json::parse);
        let read = |k: &str| {
            all.as_ref()
                .and_then(|a| a.get(k))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        *self.sent.borrow_mut() = Sent {
            registration: read(&self.launch.registration),
            session: read(&format!("session:{session_id}")),
        };
    }

    fn store_sent(&self, session_id: &str) {
        use crate::store::json::Json;
        let mut entries = match local(SENT_KEY).as_deref().and_then(Json::parse) {
            Some(Json::Obj(e)) => e,
            _ => vec![],
        };
        let s = self.sent.borrow();
        let session_key = format!("session:{session_id}");
        entries.retain(|(k, _)| *k != self.launch.registration && *k != session_key);
        entries.push((
            self.launch.registration.clone(),
            Json::Str(s.registration.clone()),
        ));
        entries.push((session_key, Json::Str(s.session.clone())));
        crate::platform::storage::write(SENT_KEY, &Json::Obj(entries).text());
    }

    /// Makes the statement, queues it (stored) and marks it sent.
    fn enqueue(&self, verb: Verb) {
        let guard = self.session.borrow();
        let Some(s) = guard.as_ref() else { return };
        let id = uuid();
        let st = Object::new();
        set(&st, "id", id.as_str());
        set(
            &st,
            "actor",
            JSON::parse(&self.launch.actor).unwrap_or(JsValue::NULL),
        );
        let v = Object::new();
        set(&v, "id", verb.id());
        let display = Object::new();
        set(&display, "en-US", verb.name());
        set(&v, "display", display);
        set(&st, "verb", v);
        let obj = Object::new();
        set(&obj, "objectType", "Activity");
        set(&obj, "id", self.launch.activity_id.as_str());
        set(&st, "object", obj);
        set(&st, "timestamp", now_iso());
        // The context template, as the LMS gave it, then what cmi5 asks for.
        let ctx = JSON::parse(
            &JSON::stringify(&s.template)
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_else(|| "{}".into()),
        )
        .unwrap_or_else(|_| Object::new().into());
        set(&ctx, "registration", self.launch.registration.as_str());
        let mut activities = get(&ctx, "contextActivities");
        if !activities.is_object() {
            activities = Object::new().into();
            set(&ctx, "contextActivities", activities.clone());
        }
        let category = match get(&activities, "category").dyn_into::<Array>() {
            Ok(a) => a,
            Err(_) => Array::new(),
        };
        let mut cats = vec![CATEGORY_CMI5];
        if verb.moves_on() {
            cats.push(CATEGORY_MOVEON);
        }
        for c in cats {
            let has = category
                .iter()
                .any(|a| get(&a, "id").as_string().as_deref() == Some(c));
            if !has {
                let a = Object::new();
                set(&a, "id", c);
                set(&a, "objectType", "Activity");
                category.push(&a);
            }
        }
        set(&activities, "category", category);
        let mut ext = get(&ctx, "extensions");
        if !ext.is_object() {
            ext = Object::new().into();
            set(&ctx, "extensions", ext.clone());
        }
        set(&ext, EXT_SESSION, s.session_id.as_str());
        if matches!(verb, Verb::Passed | Verb::Failed) {
            if let Some(m) = s.mastery {
                set(&ext, EXT_MASTERY, m);
            }
        }
        set(&st, "context", ctx);
        let p = self.ctx.progress.get_untracked();
        let result = Object::new();
        let duration = crate::platform::scorm::iso_duration(js_sys::Date::now() - s.started);
        match verb {
            Verb::Initialized => {}
            Verb::Completed => {
                set(&result, "completion", true);
                set(&result, "duration", duration);
            }
            Verb::Passed | Verb::Failed => {
                set(&result, "success", verb == Verb::Passed);
                let score = Object::new();
                set(
                    &score,
                    "scaled",
                    crate::platform::scorm::scaled_score(&p).unwrap_or(0.0),
                );
                set(&result, "score", score);
                set(&result, "duration", duration);
            }
            Verb::Terminated => set(&result, "duration", duration),
        }
        if verb != Verb::Initialized {
            set(&st, "result", result);
        }
        let text = JSON::stringify(&st)
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        let session_id = s.session_id.clone();
        drop(guard);
        self.queue.borrow_mut().push((id, text));
        self.store_queue();
        self.sent.borrow_mut().mark(verb);
        self.store_sent(&session_id);
    }

    /// Queues what is due for the progress now.
    fn update(self: &Rc<Self>) {
        let verbs = {
            let s = self.session.borrow();
            let Some(s) = s.as_ref() else { return };
            self.ctx
                .progress
                .with_untracked(|p| due(p, s.mode, s.mastery, &self.sent.borrow()))
        };
        if verbs.is_empty() {
            return;
        }
        for v in verbs {
            self.enqueue(v);
        }
        self.flush(false);
    }

    /// The LRS (or the LMS) did not answer: the notice, once per outage.
    fn trouble(&self) {
        if self.refused.get() || self.outage.replace(true) {
            return;
        }
        self.ctx.notify(Notice::LrsAway);
    }

    /// It answered: the next failure is a new outage, told again.
    fn answered(&self) {
        self.outage.set(false);
    }

    /// The platform refused the connection: stop sending and retrying, and say so honestly
    /// (progress stays in this browser; nothing promises it will be sent). The statements stay
    /// stored under the launch's key.
    fn refuse(&self, why: Refusal) {
        self.refused.set(true);
        self.retry.replace(None);
        self.ctx.dismiss(&Notice::LrsAway);
        let status = match why {
            Refusal::Token => {
                warn("cmi5: the fetch URL gave no auth token; nothing is sent in this launch");
                None
            }
            Refusal::Status(status) => {
                warn(&format!(
                    "cmi5: the LRS refused the token (HTTP {status}); nothing more is sent in this launch"
                ));
                Some(status)
            }
        };
        self.ctx.notify(Notice::LrsRefused(status));
    }

    fn schedule_retry(self: &Rc<Self>) {
        let me = self.clone();
        self.retry.replace(Some(gloo_timers::callback::Timeout::new(
            RETRY_MS,
            move || {
                if me.refused.get() {
                    return;
                }
                if me.session.borrow().is_some() {
                    me.flush(false);
                } else {
                    me.clone().begin();
                }
            },
        )));
    }

    /// Sends the queue in order: what the LRS will never take is dropped, the rest waits for
    /// it; stops at the first failure and retries later, or for good when the token is refused
    /// (see `outcome`).
    fn flush(self: &Rc<Self>, keepalive: bool) {
        if self.refused.get() || self.flushing.replace(true) {
            return;
        }
        let me = self.clone();
        spawn_local(async move {
            let mut failed = false;
            loop {
                let Some((id, body)) = me.queue.borrow().first().cloned() else {
                    me.ctx.dismiss(&Notice::LrsAway);
                    break;
                };
                let (url, auth) = {
                    let s = me.session.borrow();
                    let Some(s) = s.as_ref() else { break };
                    (
                        format!(
                            "{}statements?{}",
                            me.launch.endpoint,
                            query(&[("statementId", &id)])
                        ),
                        s.auth.clone(),
                    )
                };
                let answer = request("PUT", &url, Some(&auth), Some(&body), keepalive).await;
                let status = answer.as_ref().map(|(s, _)| *s);
                match outcome(status) {
                    // Stored, or stored already by an earlier try whose answer was lost.
                    Outcome::Stored => {
                        me.answered();
                        me.queue.borrow_mut().retain(|(i, _)| *i != id);
                        me.store_queue();
                    }
                    // Never to be taken: keeping it would hold back every statement behind it.
                    Outcome::Dropped => {
                        me.answered();
                        let said: String = answer
                            .as_ref()
                            .map(|(_, t)| t.chars().take(300).collect())
                            .unwrap_or_default();
                        warn(&format!(
                            "cmi5: the LRS refused statement {id} (HTTP {}): dropped, the rest of the queue goes on. {said}",
                            status.unwrap_or(0)
                        ));
                        me.queue.borrow_mut().retain(|(i, _)| *i != id);
                        me.store_queue();
                    }
                    Outcome::Refused => {
                        me.refuse(Refusal::Status(status.unwrap_or(401)));
                        failed = true;
                        break;
                    }
                    Outcome::Retry => {
                        me.trouble();
                        me.schedule_retry();
                        failed = true;
                        break;
                    }
                }
            }
            me.flushing.set(false);
            // Queued while this flush was finishing.
            if !failed && !me.queue.borrow().is_empty() {
                me.flush(keepalive);
            }
        });
    }

    /// Token, LaunchData, preferences; then the session starts. Retried while they fail.
    fn begin(self: Rc<Self>) {
        spawn_local(async move {
            let me = self;
            me.retry.replace(None);
            match me.open_session().await {
                Ok(s) => {
                    if let Some(m) = s.move_on {
                        if s.mode == Mode::Normal && !m.reachable(s.mastery) {
                            warn(&format!(
                                "cmi5: moveOn is {} but LaunchData gives no masteryScore; this AU sends passed or failed only against a mastery score, so the LMS cannot count it as satisfied",
                                m.name()
                            ));
                        }
                    }
                    me.load_sent(&s.session_id);
                    me.session.replace(Some(s));
                    me.answered();
                    me.ctx.dismiss(&Notice::LrsAway);
                    // A reload after the page was left: that session is over (terminated went at
                    // pagehide) and nothing more may be sent in it; the learner is told, and
                    // given the way back to the LMS, which starts a new one.
                    me.ctx.notify(if me.sent.borrow().has(Verb::Terminated) {
                        Notice::Cmi5Ended
                    } else {
                        Notice::Cmi5Leave
                    });
                    me.update();
                    me.flush(false);
                }
                Err(Failure::Again) => {
                    me.trouble();
                    me.schedule_retry();
                }
                Err(Failure::Refused(why)) => me.refuse(why),
            }
        });
    }

    /// `Failure::Again`: try again later; `Failure::Refused`: trying again cannot help.
    async fn open_session(&self) -> Result<Session, Failure> {
        let l = &self.launch;
        let token_key = format!("reperes.cmi5.token:{}", l.fetch);
        let stored = session_storage().and_then(|s| s.get_item(&token_key).ok().flatten());
        let token = match stored {
            // Refused earlier in this tab (an empty token is that mark): not asked again.
            Some(t) if t.is_empty() => return Err(Failure::Refused(Refusal::Token)),
            Some(t) => t,
            None => {
                // No answer at all: the request may not have reached the LMS, so it is asked
                // again later (if it had, the LMS answers that second request with an error).
                let (status, text) = request("POST", &l.fetch, None, None, false)
                    .await
                    .ok_or(Failure::Again)?;
                if status >= 500 {
                    return Err(Failure::Again);
                }
                let t = JSON::parse(&text)
                    .ok()
                    .and_then(|body| get(&body, "auth-token").as_string())
                    .filter(|t| !t.is_empty());
                // A fetch URL answers once: an error here is final for this launch, and kept
                // for the tab so that a reload does not POST it again.
                let Some(t) = t else {
                    if let Some(s) = session_storage() {
                        let _ = s.set_item(&token_key, "");
                    }
                    return Err(Failure::Refused(Refusal::Token));
                };
                if let Some(s) = session_storage() {
                    let _ = s.set_item(&token_key, &t);
                }
                t
            }
        };
        let auth = format!("Basic {token}");
        let q = query(&[
            ("stateId", "LMS.LaunchData"),
            ("activityId", &l.activity_id),
            ("agent", &l.actor),
            ("registration", &l.registration),
        ]);
        let (status, text) = request(
            "GET",
            &format!("{}activities/state?{q}", l.endpoint),
            Some(&auth),
            None,
            false,
        )
        .await
        .ok_or(Failure::Again)?;
        // The token refused: it cannot be renewed in this launch.
        if matches!(status, 401 | 403) {
            return Err(Failure::Refused(Refusal::Status(status)));
        }
        if !(200..300).contains(&status) {
            return Err(Failure::Again);
        }
        let data = JSON::parse(&text).map_err(|_| Failure::Again)?;
        let template = get(&data, "contextTemplate");
        let template = if template.is_object() {
            template
        } else {
            Object::new().into()
        };
        let ext = get(&template, "extensions");
        let session_id = if ext.is_object() {
            get(&ext, EXT_SESSION).as_string()
        } else {
            None
        }
        .unwrap_or_else(uuid);
        let mode = get(&data, "launchMode")
            .as_string()
            .and_then(|m| Mode::parse(&m))
            .unwrap_or(Mode::Normal);
        let mastery = mastery(get(&data, "masteryScore").as_f64());
        let move_on = get(&data, "moveOn")
            .as_string()
            .and_then(|m| MoveOn::parse(&m));
        let return_url = get(&data, "returnURL")
            .as_string()
            .filter(|u| !u.is_empty());
        // The learner's language, unless they chose one here.
        let q = query(&[("profileId", "cmi5LearnerPreferences"), ("agent", &l.actor)]);
        if let Some((200..=299, text)) = request(
            "GET",
            &format!("{}agents/profile?{q}", l.endpoint),
            Some(&auth),
            None,
            false,
        )
        .await
        {
            let pref = JSON::parse(&text)
                .ok()
                .and_then(|p| get(&p, "languagePreference").as_string());
            if !self.ctx.url_lang && self.ctx.progress.with_untracked(|p| p.lang.is_none()) {
                if let Some(lang) = pref.as_deref().and_then(preferred_lang) {
                    self.ctx.show_lang(lang, |_| {});
                }
            }
        }
        Ok(Session {
            auth,
            template,
            mode,
            mastery,
            move_on,
            return_url,
            session_id,
            started: js_sys::Date::now(),
        })
    }

    /// Terminated (once per session); `keepalive` when the page is going away, so that the
    /// request outlives it.
    fn terminate(self: &Rc<Self>, keepalive: bool) {
        if self.session.borrow().is_none() || self.sent.borrow().has(Verb::Terminated) {
            return;
        }
        self.enqueue(Verb::Terminated);
        self.flush(keepalive);
    }
}

thread_local! {
    static RUNTIME: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

/// Was the app launched by a cmi5 LMS (now or earlier in this tab)?
pub fn launched() -> bool {
    launch().is_some()
}

pub fn start(ctx: Ctx) {
    if launch().is_some() {
        call(ctx, Call::Start);
    }
}

/// The learner's results changed (called from the app's progress effect, see `platform`): a
/// statement may be due.
pub fn on_progress() {
    if let Some(rt) = RUNTIME.with(|r| r.borrow().clone()) {
        call(rt.ctx, Call::Update);
    }
}

/// The learner leaves the course: terminated, then the LMS's return address when it gave one.
pub fn leave() {
    if let Some(rt) = RUNTIME.with(|r| r.borrow().clone()) {
        call(rt.ctx, Call::Leave);
    }
}

/// What the app asks of the runtime, whose code is a wasm chunk of its own (`cmi5`), fetched only
/// in a cmi5 launch, like the SCORM runtime's: a learner outside such an LMS never downloads it.
enum Call {
    Start,
    Update,
    Leave,
}

fn call(ctx: Ctx, what: Call) {
    spawn_local(async move {
        if runtime(ctx, what).await.is_err() {
            ctx.notify(Notice::LmsLoad);
        }
    });
}

#[leptos::wasm_split::wasm_split(cmi5, wasm_split_path = ::leptos::wasm_split, fallible)]
fn runtime(ctx: Ctx, what: Call) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    let rt = RUNTIME.with(|r| r.borrow().clone());
    match (what, rt) {
        (Call::Start, None) => run(ctx),
        (Call::Update, Some(rt)) => rt.update(),
        (Call::Leave, Some(rt)) => leave_now(rt),
        _ => {}
    }
    Ok(())
}

fn run(ctx: Ctx) {
    let Some(launch) = launch() else { return };
    let rt = Rc::new(Runtime {
        ctx,
        launch,
        session: RefCell::new(None),
        queue: RefCell::new(vec![]),
        sent: RefCell::new(Sent::default()),
        flushing: Cell::new(false),
        retry: RefCell::new(None),
        outage: Cell::new(false),
        refused: Cell::new(false),
    });
    rt.load_queue();
    RUNTIME.with(|r| r.replace(Some(rt.clone())));
    rt.clone().begin();
    let back = rt.clone();
    let leave = Closure::<dyn Fn()>::new(move || rt.terminate(true));
    // Back to a page the browser kept (back-forward cache): its session ended when it was left.
    let shown = Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(
        move |ev: web_sys::PageTransitionEvent| {
            if ev.persisted() && back.sent.borrow().has(Verb::Terminated) {
                back.ctx.dismiss(&Notice::Cmi5Leave);
                back.ctx.notify(Notice::Cmi5Ended);
            }
        },
    );
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
        let _ = w.add_event_listener_with_callback("pageshow", shown.as_ref().unchecked_ref());
    }
    leave.forget();
    shown.forget();
}

fn leave_now(rt: Rc<Runtime>) {
    rt.terminate(false);
    let url = rt
        .session
        .borrow()
        .as_ref()
        .and_then(|s| s.return_url.clone());
    spawn_local(async move {
        // Give the terminated statement its chance (it is queued and sent with keepalive anyway).
        for _ in 0..20 {
            if !rt.flushing.get() {
                break;
            }
            sleep(100).await;
        }
        if let (Some(url), Some(w)) = (url, web_sys::window()) {
            let _ = w.location().assign(&url);
        }
    });
}
