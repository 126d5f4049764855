//! Banners that tell the learner what happened to their data, and ask before acting.

use crate::content::ui;
use crate::state::{tr, use_ctx, Notice};
use crate::store::{codec, Reset};
use leptos::prelude::*;

/// The notices listed in `Ctx::notices`, each built once and kept while it is listed: a notice that
/// stays keeps its element (its focus, and no second announcement by a screen reader) when another
/// comes or goes. New notices come at the end (`Ctx::notify` appends). Kept by hand rather than by
/// `<For>`: the keyed list, its diff and its key set, for a list of one or two, were about 10 KB
/// of the main module's raw code, 2.7 KB brotli (session 18).
#[component]
pub fn Notices() -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    keep_in(holder, use_ctx().notices);
    view! { <div class="notices" node_ref=holder></div> }
}

/// Mounts each listed notice in `holder`, under an owner of its own (a child of the caller's, so
/// it reads the app's context), and unmounts and disposes of those no longer listed. (Effects do not
/// run when the prerender renders natively: prerendered pages have no notices.)
fn keep_in(holder: NodeRef<leptos::html::Div>, notices: RwSignal<Vec<Notice>>) {
    use leptos::tachys::view::{Mountable, Render};
    let parent = Owner::current().expect("called in a component");
    let mut shown: Vec<(Notice, Owner, Box<dyn Mountable>)> = vec![];
    crate::state::effect(move |_| {
        let (Some(el), list) = (holder.get(), notices.get()) else {
            return;
        };
        shown.retain_mut(|(n, owner, state)| {
            let keep = list.contains(n);
            if !keep {
                state.unmount();
                owner.cleanup();
            }
            keep
        });
        for n in list {
            if shown.iter().any(|(m, _, _)| *m == n) {
                continue;
            }
            let owner = parent.child();
            let notice = n.clone();
            let mut state = owner.with(|| view! { <NoticeBox notice/> }.into_view().build());
            state.mount(&el, None);
            shown.push((n, owner, Box::new(state)));
        }
    });
}

#[component]
fn NoticeBox(notice: Notice) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let n = notice.clone();
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
                Notice::Shared(_) => ui::SHARE_OFFER.get(l).to_string(),
                Notice::BadShare => ui::SHARE_BAD.get(l).to_string(),
                Notice::Update => ui::UPDATE_READY.get(l).to_string(),
                Notice::NewerElsewhere => ui::NEWER_ELSEWHERE.get(l).to_string(),
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
    let action: Option<(crate::content::Text, Box<dyn Fn()>)> = match notice.clone() {
        Notice::Shared(shared) => {
            let n = notice.clone();
            let apply = move || {
                ctx.progress.update(|p| codec::merge(p, shared.clone()));
                ctx.dismiss(&n);
                ctx.say(ui::SHARE_APPLIED);
            };
            Some((ui::SHARE_APPLY, Box::new(apply)))
        }
        Notice::Update => Some((
            ui::UPDATE_ACCEPT,
            Box::new(crate::platform::sw::accept_update),
        )),
        Notice::NewerElsewhere | Notice::LmsLoad => {
            Some((ui::RELOAD, Box::new(crate::platform::sw::reload)))
        }
        Notice::ScreenFailed => {
            Some((ui::RETRY, Box::new(move || ctx.attempt.update(|n| *n += 1))))
        }
        Notice::Cmi5Leave | Notice::Cmi5Ended => {
            Some((ui::CMI5_LEAVE, Box::new(crate::platform::cmi5::leave)))
        }
        _ => None,
    };
    let action = action.map(|(label, run)| {
        view! { <button type="button" class="primary" on:click=move |_| run()>{tr(label)}</button> }
    });
    let role = if matches!(
        notice,
        Notice::Reset(_)
            | Notice::BadShare
            | Notice::Lms(_)
            | Notice::LmsCallFailed(_)
            | Notice::LrsRefused(_)
            | Notice::LmsLoad
            | Notice::ScreenFailed
            | Notice::LangFailed
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
