//! Progress: screens visited, activities done, the learner's results (printable on A4), and
//! export, import, share and reset.

use crate::components::checklist::LEVELS;
use crate::components::confirm::Confirm;
use crate::components::link::link_html;
use crate::components::markup::{element, esc, seen_item};
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
    view! {
        <div class="screen progress">
            <h1>{tr(ui::PROGRESS_TITLE)}</h1>
            <p class="lead">{tr(ui::PROGRESS_LEAD)}</p>
            <p class="storage-state">
                {move || match ctx.backend.get() {
                    crate::platform::storage::Backend::Local => tr(ui::STORAGE_LOCAL)(),
                    crate::platform::storage::Backend::Memory => tr(ui::NO_STORAGE)(),
                    // A newer version, or a change this tab could not read: the notice says which.
                    crate::platform::storage::Backend::Yielded => tr(ui::STORAGE_YIELDED)(),
                }}
            </p>
            <section aria-labelledby="visited-title" class="no-print" inner_html=move || visited_html(ctx)></section>
            <section aria-labelledby="results-title" class="results" inner_html=move || results_html(ctx)></section>
            <Tools/>
        </div>
    }
}

/// The framework screens seen, as markup (see `components::markup`): it changes as a whole, with
/// the progress and the language.
fn visited_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(
        &mut o,
        r#"<h2 id="visited-title">"#,
        ui::PROGRESS_SCREENS.get(lang),
    );
    o.push_str("<p>");
    ctx.progress.with(|p| {
        let total = framework_routes().count().to_string();
        esc(
            &mut o,
            &ui::PROGRESS_VISITED.fill(lang, p.visited_count(), &[("total", &total)]),
        );
        o.push_str(r#"</p><ul class="visited-list">"#);
        for (f, r) in FRAMEWORKS.iter().zip(framework_routes()) {
            let seen = p.visited.contains(&r.path());
            seen_item(&mut o, seen);
            link_html(&mut o, ctx, "", r, f.short.get(lang));
            o.push_str(r#"<span class="sr-only">"#);
            esc(&mut o, if seen { ui::SEEN } else { ui::NOT_SEEN }.get(lang));
            o.push_str("</span></li>");
        }
    });
    o.push_str("</ul>");
    o
}

/// The learner's results, what the print view shows, as markup: the quiz's score, then each
/// checklist's items with where the learner stands and their note.
fn results_html(ctx: Ctx) -> String {
    let lang = ctx.lang.get();
    let mut o = String::new();
    element(
        &mut o,
        r#"<h2 id="results-title">"#,
        ui::RESULTS_TITLE.get(lang),
    );
    o.push_str(r#"<p id="results-quiz">"#);
    ctx.progress.with(|p| {
        let (right, total) = p.quiz_score();
        let score = ui::QUIZ_SCORE.fill(
            lang,
            &[
                ("right", &right.to_string()),
                ("answered", &p.answers.len().to_string()),
                ("total", &total.to_string()),
            ],
        );
        let name = ui::QUIZ_TITLE.get(lang);
        esc(
            &mut o,
            &ui::TITLED.fill(lang, &[("name", name), ("detail", &score)]),
        );
        o.push_str("</p>");
        for f in checklists() {
            o.push_str(r#"<section class="result-list"><h3>"#);
            esc(&mut o, f.title.get(lang));
            o.push_str(r#" — <span class="muted">"#);
            let done = p.checklist_done(f);
            esc(
                &mut o,
                if done {
                    ui::CHECKLIST_DONE
                } else {
                    ui::CHECKLIST_OPEN
                }
                .get(lang),
            );
            o.push_str(r#"</span></h3><table class="results-table"><thead><tr>"#);
            for head in [ui::RESULTS_ITEM, ui::WHERE_YOU_STAND, ui::NOTE_LABEL] {
                element(&mut o, r#"<th scope="col">"#, head.get(lang));
            }
            o.push_str("</tr></thead><tbody>");
            for i in f.items {
                let key = item_key(f.id, i.id);
                let level = p.ratings.get(&key).map(|r| LEVELS[*r as usize]);
                o.push_str("<tr>");
                element(&mut o, r#"<th scope="row">"#, i.name.get(lang));
                element(&mut o, "<td>", level.unwrap_or(ui::NOT_RATED).get(lang));
                element(&mut o, "<td>", p.notes.get(&key).map_or("", String::as_str));
                o.push_str("</tr>");
            }
            o.push_str("</tbody></table></section>");
        }
    });
    o
}

/// Export, import, share, print, reset, as markup (see `components::markup`) in parts that each
/// change alone (the buttons and links with the language, the import's state, the share link, the
/// reset's `Confirm`), with one listener per kind of event on the section: each button names its
/// action (`data-act`, read by `platform::dom::act`). Built as Leptos views, with a listener per
/// button and the confirmations as components, the progress page's bundle was 9 KB heavier.
#[component]
fn Tools() -> impl IntoView {
    let ctx = use_ctx();
    let share = RwSignal::new(None::<String>);
    let import = RwSignal::new(Import::Idle);
    let run = move |act: &str| match act {
        "export" => {
            let _json = ctx.progress.with(store::save);
            #[cfg(target_arch = "wasm32")]
            crate::platform::dom::download("reperes-progress.json", &_json, "application/json");
        }
        "print" => {
            #[cfg(target_arch = "wasm32")]
            crate::platform::dom::print();
        }
        "share" => {
            let code = ctx.progress.with(codec::encode);
            #[cfg(target_arch = "wasm32")]
            share.set(Some(crate::platform::url::share_link(&code)));
            #[cfg(not(target_arch = "wasm32"))]
            share.set(Some(code));
            ctx.say(ui::SHARE_READY);
        }
        "import-yes" => {
            if let Import::Asked(file, dropped) = import.get_untracked() {
                apply_import(ctx, import, file, dropped);
            }
        }
        "import-cancel" => {
            import.set(Import::Idle);
            focus_soon("import-file".into());
        }
        _ => {}
    };
    // Clicks, and Escape in a confirmation box (its "cancel").
    let on_act = move |ev: &web_sys::Event| {
        if let Some(act) = crate::platform::dom::act(ev) {
            run(&act);
        }
    };
    let reset = move |()| {
        ctx.progress
            .update(|p| *p = store::Progress::default().with_settings_of(p));
        import.set(Import::Idle);
        ctx.say(ui::RESET_DONE);
    };
    let on_import = move |_ev: leptos::ev::Event| {
        #[cfg(target_arch = "wasm32")]
        crate::platform::dom::read_chosen_file(&_ev, move |text| {
            // Read by the stored progress's rules, in their chunk (`storage::read_progress`).
            leptos::task::spawn_local(async move {
                let read = match text {
                    Ok(t) => crate::platform::storage::read_progress(t)
                        .await
                        .map(store::importable),
                    Err(()) => Ok(None),
                };
                match read {
                    // Their paragraph is an alert: said once.
                    Err(_) => import.set(Import::Failed(ui::IMPORT_UNAVAILABLE)),
                    Ok(None) => import.set(Import::Failed(ui::IMPORT_BAD)),
                    // Replacing progress that holds something is asked first, like erasing it.
                    Ok(Some((file, dropped)))
                        if ctx.progress.with(store::Progress::has_results) =>
                    {
                        import.set(Import::Asked(file, dropped));
                        focus_soon("import-cancel".into());
                    }
                    Ok(Some((file, dropped))) => apply_import(ctx, import, file, dropped),
                }
            });
        });
    };
    view! {
        <section aria-labelledby="tools-title" class="tools-panel no-print"
            on:click=move |ev| on_act(&ev) on:keydown=move |ev| on_act(&ev) on:change=on_import>
            <div inner_html=move || buttons_html(ctx.lang.get())></div>
            <div inner_html=move || import_html(ctx.lang.get(), &import.read())></div>
            <div inner_html=move || share_html(ctx.lang.get(), share.get())></div>
            <div class="danger">
                <Confirm id="reset" ask=ui::RESET question=ui::RESET_CONFIRM yes=ui::RESET_YES on_yes=reset/>
            </div>
            <div inner_html=move || {
                let lang = ctx.lang.get();
                let mut o = String::new();
                for (to, name) in [(Route::Assessment, ui::ASSESS_TITLE), (Route::Debrief, ui::DEBRIEF_LINK)] {
                    o.push_str("<p>");
                    link_html(&mut o, ctx, "", to, name.get(lang));
                    o.push_str("</p>");
                }
                o
            }></div>
        </section>
    }
}

/// The tools' title and buttons (the file field is the import's).
fn buttons_html(lang: Lang) -> String {
    let mut o = String::new();
    element(
        &mut o,
        r#"<h2 id="tools-title">"#,
        ui::TOOLS_TITLE.get(lang),
    );
    o.push_str(r#"<div class="tool-row">"#);
    let button = |o: &mut String, act: &str, label: crate::content::Text| {
        element(
            o,
            &format!(r#"<button type="button" data-act="{act}">"#),
            label.get(lang),
        );
    };
    button(&mut o, "export", ui::EXPORT);
    o.push_str(r#"<input id="import-file" type="file" accept="application/json,.json">"#);
    element(
        &mut o,
        r#"<label class="file-button" for="import-file">"#,
        ui::IMPORT.get(lang),
    );
    button(&mut o, "print", ui::PRINT);
    button(&mut o, "share", ui::SHARE);
    o.push_str("</div>");
    o
}

/// Where an import stands, as markup: nothing, why a file was refused, the question before it
/// replaces the progress, or what it did.
fn import_html(lang: Lang, import: &Import) -> String {
    let mut o = String::new();
    match import {
        Import::Idle => {}
        Import::Failed(why) => element(&mut o, r#"<p class="error" role="alert">"#, why.get(lang)),
        Import::Asked(..) => crate::components::confirm::box_html(
            &mut o,
            lang,
            "import",
            ui::IMPORT_CONFIRM,
            ui::IMPORT_YES,
        ),
        Import::Done(dropped) => element(
            &mut o,
            r#"<p class="import-done">"#,
            &import_done(lang, *dropped),
        ),
    }
    o
}

/// The share link, once made, ready to copy, with what it holds.
fn share_html(lang: Lang, link: Option<String>) -> String {
    let mut o = String::new();
    if let Some(link) = link {
        o.push_str("<p>");
        element(
            &mut o,
            r#"<label for="share-link">"#,
            ui::SHARE_LINK_LABEL.get(lang),
        );
        o.push_str(r#"<input id="share-link" type="text" readonly class="share-link" aria-describedby="share-debrief-note" value=""#);
        esc(&mut o, &link);
        o.push_str(r#""></p>"#);
        element(
            &mut o,
            r#"<p class="hint" id="share-debrief-note">"#,
            ui::SHARE_DEBRIEF_NOTE.get(lang),
        );
    }
    o
}

/// Where an import stands: a file refused, one waiting for the learner's yes, one applied (with
/// how many of its entries no longer exist and were left out).
#[derive(Clone)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // files are read in the browser only
enum Import {
    Idle,
    /// Not a progress file (`IMPORT_BAD`), or its reader could not be fetched.
    Failed(crate::content::Text),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Boot;

    #[test]
    fn the_screens_seen_and_the_results_as_markup_follow_the_progress_and_escape_notes() {
        let owner = Owner::new();
        owner.with(|| {
            let ctx = Ctx::new(Boot::prerender(Route::Progress));
            let f = checklists().next().unwrap();
            let visited = visited_html(ctx);
            assert_eq!(visited.matches("<li>").count(), FRAMEWORKS.len());
            assert!(!visited.contains(r#"<li class="seen">"#));
            ctx.progress.update(|p| {
                p.arrive(Route::Framework(f.id));
                p.ratings.insert(item_key(f.id, f.items[0].id), 2);
                p.notes
                    .insert(item_key(f.id, f.items[0].id), "<b>R&D</b>".into());
            });
            assert_eq!(visited_html(ctx).matches(r#"<li class="seen">"#).count(), 1);
            let results = results_html(ctx);
            let lists: usize = checklists().map(|f| f.items.len()).sum();
            assert_eq!(results.matches(r#"<tr><th scope="row">"#).count(), lists);
            assert!(
                results.contains("<td>&lt;b&gt;R&amp;D&lt;/b&gt;</td>"),
                "{results}"
            );
            let mut level = String::new();
            esc(&mut level, LEVELS[2].get(Lang::Fr));
            assert!(results.contains(&format!("<td>{level}</td>")));
        });
    }
}
