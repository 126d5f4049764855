//! Banners that tell the learner what happened to their data, and ask before acting. Their code
//! is a chunk of its own (`notices`), and their wording a text pack of its own (`NOTICES_PACK`),
//! both fetched with the first notice: most visits show none, and every banner's buttons and
//! share-link reading were about 7 KB of the main module's raw code, their words 2.7 KB of French
//! on every page. Until both are in, and if they cannot come, the notices wait in `Ctx::notices`;
//! a plain banner says that a message is waiting when the fetch fails.

use crate::content::ui;
use crate::lazy::ChunkError;
use crate::state::{tr, use_ctx, Notice};
use crate::store::{codec, Reset};
use leptos::prelude::*;
use leptos::tachys::view::Mountable;

/// The notices on screen, each with the owner it was built under and its mounted view.
type Shown = std::rc::Rc<std::cell::RefCell<Vec<(Notice, Owner, Box<dyn Mountable>)>>>;

/// Fetches the notices' code ahead of need (the idle fetch after start-up, see `views::prefetch`).
pub async fn load() -> Result<(), ChunkError> {
    load_notices().await
}

/// The notices listed in `Ctx::notices`, each built once and kept while it is listed: a notice that
/// stays keeps its element (its focus, and no second announcement by a screen reader) when another
/// comes or goes. New notices come at the end (`Ctx::notify` appends). Kept by hand rather than by
/// `<For>`: the keyed list, its diff and its key set, for a list of one or two, were about 10 KB
/// of the main module's raw code, 2.7 KB brotli (session 18).
#[component]
pub fn Notices() -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    keep_in(holder, use_ctx());
    view! { <div class="notices" node_ref=holder></div> }
}

/// Keeps `holder` in step with the listed notices (`sync`, in the notices' chunk: the main module
/// keeps only this watch, about 0.4 KB brotli lighter, session 26). The first notice fetches their
/// code and their words in the language shown (`fetch`), as does the first one after a switch to
/// a language whose words are not in yet; they are drawn once both are. Notices no longer listed
/// go at once (the chunk is there: it drew them). (Effects do not run when the prerender renders
/// natively: prerendered pages have no notices.)
fn keep_in(holder: NodeRef<leptos::html::Div>, ctx: crate::state::Ctx) {
    let parent = Owner::current().expect("called in a component");
    let shown = Shown::default();
    // Their code is in (a fetch of it and of their words came, see `fetch`); the language last
    // asked for.
    #[cfg(target_arch = "wasm32")]
    let (came, mut asked) = (RwSignal::new(false), None);
    crate::state::effect(move |_| {
        let (Some(el), list) = (holder.get(), ctx.notices.get()) else {
            return;
        };
        #[cfg(target_arch = "wasm32")]
        let draw = {
            let lang = ctx.lang.get();
            let draw = came.get()
                && crate::platform::text::has(lang, 1 << crate::content::tables::NOTICES_PACK);
            if !draw && !list.is_empty() && asked.replace(lang) != Some(lang) {
                leptos::task::spawn_local(fetch(lang, came, el.clone()));
            }
            draw
        };
        #[cfg(not(target_arch = "wasm32"))]
        let draw = true;
        if draw || !shown.borrow().is_empty() {
            let _ = crate::lazy::ready(sync(el, list, parent.clone(), shown.clone(), draw));
        }
    });
}

/// Unmounts the notices no longer in `list` and disposes of their owners; with `draw`, builds and
/// mounts the new ones in `el`, each under an owner of its own (a child of `parent`, so that it
/// reads the app's context), after those already there.
#[leptos::wasm_split::wasm_split(notices, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_notices))]
fn sync(
    el: web_sys::HtmlDivElement,
    list: Vec<Notice>,
    parent: Owner,
    shown: Shown,
    draw: bool,
) -> Result<(), ChunkError> {
    use leptos::tachys::view::Render;
    let mut shown = shown.borrow_mut();
    shown.retain_mut(|(n, owner, state)| {
        let keep = list.contains(n);
        if !keep {
            state.unmount();
            owner.cleanup();
        }
        keep
    });
    if !draw {
        return Ok(());
    }
    for n in list {
        if shown.iter().any(|(m, _, _)| *m == n) {
            continue;
        }
        let owner = parent.child();
        let mut state = owner.with(|| view! { <NoticeBox notice=n.clone()/> }.build());
        state.mount(&el, None);
        shown.push((n, owner, Box::new(state)));
    }
    Ok(())
}

/// Fetches the notices' code and their words in `lang`, side by side, again after 2, 4, 8, 16
/// and 32 seconds and whenever the browser is back online, until both come. Meanwhile, once a
/// fetch has failed, a plain banner in `el` says that a message waits (its words are in pack 0,
/// there from the start); it goes when the notices are drawn.
#[cfg(target_arch = "wasm32")]
async fn fetch(lang: crate::i18n::Lang, came: RwSignal<bool>, el: web_sys::HtmlDivElement) {
    use crate::platform::{dom, text};
    let mut wait = Some(2000);
    let mut banner = None;
    loop {
        let (code, words) = futures::future::join(
            load(),
            text::load(lang, 1 << crate::content::tables::NOTICES_PACK),
        )
        .await;
        if code.is_ok() && words.is_ok() {
            break;
        }
        if banner.is_none() {
            banner = dom::notices_waiting(&el, lang);
        }
        dom::online_or(wait).await;
        wait = wait.map(|w| w * 2).filter(|w| *w <= 32_000);
    }
    if let Some(b) = banner {
        b.remove();
    }
    came.set(true);
}

#[component]
fn NoticeBox(notice: Notice) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let n = notice.clone();
    // A share link's results, read once (`None`: it could not be read).
    let shared = match &notice {
        Notice::Shared(code) => codec::decode(code).ok(),
        _ => None,
    };
    let unread = matches!(notice, Notice::Shared(_)) && shared.is_none();
    let dismiss = move |_| ctx.dismiss(&n);
    let message = {
        let notice = notice.clone();
        move || {
            let l = lang.get();
            match &notice {
                Notice::Reset(resets) => {
                    let mut parts: Vec<String> = resets
                        .iter()
                        .map(|r| match r {
                            Reset::NotJson => ui::RESET_NOT_JSON.get(l).to_string(),
                            Reset::TooLarge => ui::RESET_TOO_LARGE.get(l).to_string(),
                            Reset::WrongShape => ui::RESET_WRONG_SHAPE.get(l).to_string(),
                            Reset::UnknownVersion(v) => {
                                ui::RESET_VERSION.fill(l, &[("v", &v.to_string())])
                            }
                            Reset::Dropped(n) => {
                                ui::RESET_DROPPED.fill(l, &[("n", &n.to_string())])
                            }
                        })
                        .collect();
                    parts.push(ui::RESET_BACKUP.get(l).to_string());
                    parts.join(" ")
                }
                Notice::NoStorage => ui::NO_STORAGE.get(l).to_string(),
                Notice::Shared(_) if unread => ui::SHARE_BAD.get(l).to_string(),
                Notice::Shared(_) => ui::SHARE_OFFER.get(l).to_string(),
                Notice::Update => ui::UPDATE_READY.get(l).to_string(),
                Notice::NewerElsewhere => ui::NEWER_ELSEWHERE.get(l).to_string(),
                Notice::ChangedElsewhere => ui::CHANGED_ELSEWHERE.get(l).to_string(),
                Notice::Lms(code) => ui::LMS_ERROR.fill(l, &[("code", code)]),
                Notice::LmsCallFailed(name) => ui::LMS_ERROR.fill(
                    l,
                    &[("code", &ui::LMS_CALL_FAILED.fill(l, &[("name", name)]))],
                ),
                Notice::LrsRefused(None) => {
                    ui::LMS_ERROR.fill(l, &[("code", ui::LRS_TOKEN_REFUSED.get(l))])
                }
                Notice::LrsRefused(Some(status)) => ui::LMS_ERROR.fill(
                    l,
                    &[(
                        "code",
                        &ui::LRS_REFUSED.fill(l, &[("code", &status.to_string())]),
                    )],
                ),
                Notice::LmsLoad => ui::LMS_LOAD.get(l).to_string(),
                Notice::ScreenFailed => ui::SCREEN_FAILED.get(l).to_string(),
                Notice::LangFailed => ui::LANG_FAILED.get(l).to_string(),
                Notice::ExplainFailed => ui::EXPLAIN_FAILED.get(l).to_string(),
                Notice::PresentFailed => ui::PRESENT_FAILED.get(l).to_string(),
                Notice::LrsAway => ui::LRS_AWAY.get(l).to_string(),
                Notice::LateWaiting => ui::LATE_WAITING.get(l).to_string(),
                Notice::Cmi5Leave => ui::CMI5_LAUNCHED.get(l).to_string(),
                Notice::Cmi5Ended => ui::CMI5_ENDED.get(l).to_string(),
                // The form follows the one plural rule (`Lang::plural`).
                Notice::NotesKeptHere(n) => ui::NOTES_KEPT_HERE.fill(l, *n, &[]),
            }
        }
    };
    // One button view for every action (five erased views before: about 1 KB of brotli code).
    let action: Option<(crate::content::Text, Box<dyn Fn()>)> = match (notice.clone(), shared) {
        (Notice::Shared(_), Some(shared)) => {
            let n = notice.clone();
            let apply = move || {
                ctx.progress.update(|p| codec::merge(p, shared.clone()));
                ctx.dismiss(&n);
                ctx.say(ui::SHARE_APPLIED);
            };
            Some((ui::SHARE_APPLY, Box::new(apply)))
        }
        (Notice::Update, _) => Some((
            ui::UPDATE_ACCEPT,
            Box::new(crate::platform::sw::accept_update),
        )),
        (Notice::NewerElsewhere | Notice::ChangedElsewhere | Notice::LmsLoad, _) => {
            Some((ui::RELOAD, Box::new(crate::platform::sw::reload)))
        }
        (Notice::ScreenFailed, _) => {
            Some((ui::RETRY, Box::new(move || ctx.attempt.update(|n| *n += 1))))
        }
        (Notice::Cmi5Leave | Notice::Cmi5Ended, _) => {
            Some((ui::CMI5_LEAVE, Box::new(crate::platform::cmi5::leave)))
        }
        _ => None,
    };
    let action = action.map(|(label, run)| {
        view! { <button type="button" class="primary" on:click=move |_| run()>{tr(label)}</button> }
    });
    let role = if unread
        || matches!(
            notice,
            Notice::Reset(_)
                | Notice::Lms(_)
                | Notice::LmsCallFailed(_)
                | Notice::LrsRefused(_)
                | Notice::LmsLoad
                | Notice::ScreenFailed
                | Notice::LangFailed
                | Notice::ExplainFailed
                | Notice::PresentFailed
        ) {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class="notice" role=role>
            <p>{message}</p>
            <div class="notice-actions">
                {action}
                <button type="button" on:click=dismiss>{tr(ui::DISMISS)}</button>
            </div>
        </div>
    }
}
