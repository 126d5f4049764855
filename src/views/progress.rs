//! Progress: screens visited, activities done, the learner's results (printable on A4), and
//! export, import, share and reset.

use crate::components::checklist::LEVELS;
use crate::components::confirm::{Confirm, ConfirmBox};
use crate::components::link::Link;
use crate::content::{checklists, ui, FRAMEWORKS};
use crate::i18n::Lang;
use crate::platform::dom::focus_soon;
use crate::route::framework_routes;
use crate::route::Route;
use crate::state::{tr, use_ctx, Ctx};
use crate::store::{self, codec, item_key};
use leptos::prelude::*;

#[component]
pub fn ProgressScreen() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let visited = move || {
        let (n, total) = ctx
            .progress
            .with(|p| (p.visited_count(), framework_routes().count()));
        ui::PROGRESS_VISITED.fill(lang.get(), n, &[("total", &total.to_string())])
    };
    view! {
        <div class="screen progress">
            <h1>{tr(ui::PROGRESS_TITLE)}</h1>
            <p class="lead">{tr(ui::PROGRESS_LEAD)}</p>
            <p class="storage-state">
                {move || match ctx.backend.get() {
                    crate::platform::storage::Backend::Local => tr(ui::STORAGE_LOCAL)(),
                    crate::platform::storage::Backend::Memory => tr(ui::NO_STORAGE)(),
                    crate::platform::storage::Backend::Yielded => tr(ui::NEWER_ELSEWHERE)(),
                }}
            </p>
            <section aria-labelledby="visited-title" class="no-print">
                <h2 id="visited-title">{tr(ui::PROGRESS_SCREENS)}</h2>
                <p>{visited}</p>
                <ul class="visited-list">
                    {FRAMEWORKS
                        .iter()
                        .zip(framework_routes())
                        .map(|(f, r)| {
                            let seen = move || ctx.progress.with(|p| p.visited.contains(&r.path()));
                            view! {
                                <li class:seen=seen>
                                    <span class="mark" aria-hidden="true">{move || if seen() { "✓" } else { "○" }}</span>
                                    <Link to=r>{tr(f.short)}</Link>
                                    <span class="sr-only">{move || if seen() { tr(ui::SEEN)() } else { tr(ui::NOT_SEEN)() }}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <Results/>
            <Tools/>
        </div>
    }
}

/// The learner's results: what the print view shows.
#[component]
fn Results() -> impl IntoView {
    let ctx = use_ctx();
    let quiz = move || {
        let (right, total) = ctx.progress.with(|p| p.quiz_score());
        ui::QUIZ_SCORE.fill(
            ctx.lang.get(),
            &[
                ("right", &right.to_string()),
                (
                    "answered",
                    &ctx.progress.with(|p| p.answers.len()).to_string(),
                ),
                ("total", &total.to_string()),
            ],
        )
    };
    view! {
        <section aria-labelledby="results-title" class="results">
            <h2 id="results-title">{tr(ui::RESULTS_TITLE)}</h2>
            <p id="results-quiz">
                {move || {
                    let l = ctx.lang.get();
                    ui::TITLED.fill(l, &[("name", ui::QUIZ_TITLE.get(l)), ("detail", &quiz())])
                }}
            </p>
            {checklists()
                .map(|f| {
                    let status = move || {
                        let done = ctx.progress.with(|p| p.checklist_done(f));
                        tr(if done { ui::CHECKLIST_DONE } else { ui::CHECKLIST_OPEN })()
                    };
                    view! {
                        <section class="result-list">
                            <h3>{tr(f.title)}" — "<span class="muted">{status}</span></h3>
                            <table class="results-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{tr(ui::RESULTS_ITEM)}</th>
                                        <th scope="col">{tr(ui::WHERE_YOU_STAND)}</th>
                                        <th scope="col">{tr(ui::NOTE_LABEL)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {f.items
                                        .iter()
                                        .map(|i| {
                                            let key = item_key(f.id, i.id);
                                            let k2 = key.clone();
                                            view! {
                                                <tr>
                                                    <th scope="row">{tr(i.name)}</th>
                                                    <td>{move || ctx.progress.with(|p| p.ratings.get(&key).map(|r| LEVELS[*r as usize]).unwrap_or(ui::NOT_RATED)).get(ctx.lang.get())}</td>
                                                    <td>{move || ctx.progress.with(|p| p.notes.get(&k2).cloned().unwrap_or_default())}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// Export, import, share, print, reset.
#[component]
fn Tools() -> impl IntoView {
    let ctx = use_ctx();
    let share = RwSignal::new(None::<String>);
    let import = RwSignal::new(Import::Idle);
    let export = move |_| {
        let _json = ctx.progress.with(store::save);
        #[cfg(target_arch = "wasm32")]
        crate::platform::dom::download("reperes-progress.json", &_json, "application/json");
    };
    let make_share = move |_| {
        let code = ctx.progress.with(codec::encode);
        #[cfg(target_arch = "wasm32")]
        share.set(Some(crate::platform::url::share_link(&code)));
        #[cfg(not(target_arch = "wasm32"))]
        share.set(Some(code));
        ctx.say(ui::SHARE_READY);
    };
    let on_import = move |_ev: leptos::ev::Event| {
        #[cfg(target_arch = "wasm32")]
        crate::platform::dom::read_chosen_file(&_ev, move |text| {
            match text.ok().and_then(|t| store::importable(&t)) {
                None => import.set(Import::Bad), // its paragraph is an alert: said once
                // Replacing progress that holds something is asked first, like erasing it.
                Some((file, dropped)) if ctx.progress.with(store::Progress::has_results) => {
                    import.set(Import::Asked(file, dropped))
                }
                Some((file, dropped)) => apply_import(ctx, import, file, dropped),
            }
        });
    };
    let reset = move |()| {
        ctx.progress
            .update(|p| *p = store::Progress::default().with_settings_of(p));
        import.set(Import::Idle);
        ctx.say(ui::RESET_DONE);
    };
    view! {
        <section aria-labelledby="tools-title" class="tools-panel no-print">
            <h2 id="tools-title">{tr(ui::TOOLS_TITLE)}</h2>
            <div class="tool-row">
                <button type="button" on:click=export>{tr(ui::EXPORT)}</button>
                <input id="import-file" type="file" accept="application/json,.json" on:change=on_import/>
                <label class="file-button" for="import-file">{tr(ui::IMPORT)}</label>
                <button type="button" on:click=move |_| {
                    #[cfg(target_arch = "wasm32")]
                    crate::platform::dom::print();
                }>{tr(ui::PRINT)}</button>
                <button type="button" on:click=make_share>{tr(ui::SHARE)}</button>
            </div>
            {move || match import.get() {
                Import::Idle => None,
                Import::Bad => Some(view! { <p class="error" role="alert">{tr(ui::IMPORT_BAD)}</p> }.into_any()),
                Import::Asked(file, dropped) => Some(view! {
                    <ConfirmBox id="import" question=ui::IMPORT_CONFIRM yes=ui::IMPORT_YES
                        on_yes=move |()| apply_import(ctx, import, file.clone(), dropped)
                        on_cancel=move |()| {
                            import.set(Import::Idle);
                            focus_soon("import-file".into());
                        }/>
                }.into_any()),
                Import::Done(dropped) => Some(view! {
                    <p class="import-done">{move || import_done(ctx.lang.get(), dropped)}</p>
                }.into_any()),
            }}
            {move || share.get().map(|link| view! {
                <p>
                    <label for="share-link">{tr(ui::SHARE_LINK_LABEL)}</label>
                    <input id="share-link" type="text" readonly value=link class="share-link" aria-describedby="share-debrief-note"/>
                </p>
                <p class="hint" id="share-debrief-note">{tr(ui::SHARE_DEBRIEF_NOTE)}</p>
            })}
            <div class="danger">
                <Confirm id="reset" ask=ui::RESET question=ui::RESET_CONFIRM yes=ui::RESET_YES on_yes=reset/>
            </div>
            <p><Link to=Route::Assessment>{tr(ui::ASSESS_TITLE)}</Link></p>
            <p><Link to=Route::Debrief>{tr(ui::DEBRIEF_LINK)}</Link></p>
        </section>
    }
}

/// Where an import stands: a file refused, one waiting for the learner's yes, one applied (with
/// how many of its entries no longer exist and were left out).
#[derive(Clone)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // files are read in the browser only
enum Import {
    Idle,
    Bad,
    Asked(store::Progress, usize),
    Done(usize),
}

/// Replaces the results with the file's; the language and theme chosen on this device stay.
fn apply_import(ctx: Ctx, import: RwSignal<Import>, file: store::Progress, dropped: usize) {
    ctx.progress.update(|p| *p = file.with_settings_of(p));
    import.set(Import::Done(dropped));
    // Said through the page's live region: one added with its text is not read everywhere.
    ctx.say_str(import_done(ctx.lang.get_untracked(), dropped));
    focus_soon("import-file".into());
}

fn import_done(lang: Lang, dropped: usize) -> String {
    match dropped {
        0 => ui::IMPORT_DONE.get(lang).to_string(),
        n => ui::IMPORT_PARTIAL.fill(lang, &[("n", &n.to_string())]),
    }
}
