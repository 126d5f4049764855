//! The class debrief: the trainer pastes the learners' share links, and reads the group's figures
//! (checklists, quiz, screens), each table with its bars, ready to project, print or export. The
//! reading itself is `store::debrief`; the pasted text stays in memory, and only an explicit
//! "keep" stores the codes (never the text) under their own key. The reading and the figures are
//! a chunk of their own (`debrief_read`), with the text they show (`FIGURES_PACKS`): the screen is
//! live without them, and they come in idle time, or when the trainer reads.

use crate::components::confirm::Confirm;
use crate::components::debrief::{ChecklistTable, QuizTable, ScreensTable};
use crate::components::link::Link;
use crate::components::number::fixed;
use crate::content::tables::{Packs, ITEMS_PACK, QUESTIONS_PACK};
use crate::content::{plural, ui, Text};
use crate::lazy::{ready, ChunkError, Fresh};
use crate::route::Route;
use crate::state::{tr, use_ctx, Ctx};
use crate::store::debrief::{self as db, Debrief, FlagKind, Outcome, Refusal};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// The text packs the figures show beyond the screen's own: every item's name, the questions.
pub const FIGURES_PACKS: Packs = 1 << ITEMS_PACK | 1 << QUESTIONS_PACK;

/// Reads the pasted text (`store::debrief::read`), once its chunk is there.
#[leptos::wasm_split::wasm_split(debrief_read, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_reading))]
fn read_codes(text: String) -> Result<Outcome, ChunkError> {
    Ok(db::read(&text))
}

/// The figures of what was read, in the reading's chunk. Each split function keeps its own state
/// of the chunk's load: `load_figures` must have answered too before this is ready at once.
#[leptos::wasm_split::wasm_split(debrief_read, wasm_split_path = ::leptos::wasm_split, fallible, preload(load_figures))]
fn view_figures(d: Arc<Debrief>, saved: RwSignal<Saved>) -> Result<AnyView, ChunkError> {
    Ok(Fresh(view! { <Figures d saved/> }).into_any())
}

/// Fetches the reading's chunk, for both of its functions: in idle time once the debrief screen is
/// shown, and in the app-wide idle prefetch (`views::prefetch`).
#[cfg(target_arch = "wasm32")]
pub async fn preload() -> Result<(), ChunkError> {
    load_reading().await?;
    load_figures().await
}

/// What is kept on this device, as last read from storage.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // storage is read in the browser only
enum Saved {
    Nothing,
    /// The codes, one per line, and how many.
    Kept(String, usize),
    Unreadable,
}

thread_local! {
    /// The text read last, in memory only, so that the figures are still there when the trainer
    /// comes back from a screen they link to (a reload forgets it; keeping is `db::save`).
    static READ: RefCell<String> = const { RefCell::new(String::new()) };
}

#[component]
pub fn DebriefScreen() -> impl IntoView {
    let ctx = use_ctx();
    // What the trainer typed or pasted, and what the app puts in the field (a kept debrief
    // opened, or the field cleared): the field is not rewritten at every keystroke.
    let text = RwSignal::new(String::new());
    let shown = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Arc<Outcome>>);
    // The reading's code or text could not be fetched: the pasted text stays, and reading again
    // tries again.
    let failed = RwSignal::new(false);
    // Reading: the reading's code or the figures' text is still coming (a first read on a slow
    // network, before the idle fetch has brought them).
    let reading = RwSignal::new(false);
    let saved = RwSignal::new(Saved::Nothing);
    // Storage is read once the screen is in the browser (never while rendering), and the
    // reading's code is fetched in idle time, so that reading is at once.
    crate::state::effect(move |_| {
        show_saved(saved);
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async {
            crate::platform::dom::idle().await;
            let _ = preload().await;
        });
    });
    let run = move |t: String, say: bool| {
        let lang = ctx.lang.get_untracked();
        reading.set(true);
        leptos::task::spawn_local(async move {
            let text = crate::platform::text::load(lang, FIGURES_PACKS);
            let (o, figures, text) =
                futures::future::join3(read_codes(t.clone()), load_figures(), text).await;
            // The trainer may have left the screen meanwhile.
            if outcome.is_disposed() {
                return;
            }
            reading.set(false);
            let (Ok(o), Ok(()), Ok(())) = (o, figures, text) else {
                // Said in place of the figures read before, if any (they came from other text).
                outcome.set(None);
                crate::components::debrief::show(None);
                failed.set(true);
                if say {
                    ctx.say(ui::DEBRIEF_LOAD_FAILED);
                }
                return;
            };
            failed.set(false);
            ctx.more_text.set(FIGURES_PACKS);
            if say {
                ctx.say_str(summary(ctx, &o));
            }
            // Presenter mode, opened from here, shows these figures.
            crate::components::debrief::show(match &o {
                Outcome::Read(d) => Some(Arc::new(d.clone())),
                _ => None,
            });
            outcome.set(Some(Arc::new(o)));
            READ.with(|r| *r.borrow_mut() = t);
        });
    };
    // Back from a screen the figures link to: the text read last is read again, quietly.
    let last = READ.with(|r| r.borrow().clone());
    if !last.is_empty() {
        run(last.clone(), false);
        shown.set(last.clone());
        text.set(last);
    }
    on_cleanup(move || {
        crate::components::debrief::show(None);
        ctx.more_text.set(0);
    });
    let on_read = move |_| run(text.get_untracked(), true);
    let on_clear = move |_| {
        READ.with(|r| r.borrow_mut().clear());
        text.set(String::new());
        shown.set(String::new());
        outcome.set(None);
        failed.set(false);
        crate::components::debrief::show(None);
        ctx.say(ui::DEBRIEF_CLEARED);
    };
    let open_saved = move |_| {
        if let Saved::Kept(codes, _) = saved.get_untracked() {
            run(codes.clone(), true);
            shown.set(codes.clone());
            text.set(codes);
        }
    };
    let delete = move |()| {
        #[cfg(target_arch = "wasm32")]
        crate::platform::storage::remove(db::SAVE_KEY);
        saved.set(Saved::Nothing);
        ctx.say(ui::DEBRIEF_DELETED);
    };
    view! {
        <div class="screen debrief">
            <h1>{tr(ui::DEBRIEF_TITLE)}</h1>
            <p class="lead">{tr(ui::DEBRIEF_LEAD)}</p>
            <p class="no-print">{tr(ui::DEBRIEF_PRIVACY)}</p>
            <div class="debrief-input no-print">
                <label for="debrief-input">{tr(ui::DEBRIEF_INPUT_LABEL)}</label>
                <p class="hint" id="debrief-input-hint">{tr(ui::DEBRIEF_INPUT_HINT)}</p>
                <textarea
                    id="debrief-input"
                    rows="6"
                    spellcheck="false"
                    aria-describedby="debrief-input-hint"
                    prop:value=move || shown.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
                <div class="tool-row">
                    <button type="button" class="primary" id="debrief-read" on:click=on_read>{tr(ui::DEBRIEF_READ)}</button>
                    <button type="button" on:click=on_clear>{tr(ui::DEBRIEF_CLEAR)}</button>
                </div>
                {move || match saved.get() {
                    Saved::Nothing => None,
                    Saved::Kept(_, n) => Some(view! {
                        <div class="debrief-saved">
                            <p>{move || plural(ctx.lang.get(), n, ui::DEBRIEF_SAVED_ONE, ui::DEBRIEF_SAVED_OTHER)}</p>
                            <div class="tool-row">
                                <button type="button" id="debrief-open-saved" on:click=open_saved>{tr(ui::DEBRIEF_OPEN_SAVED)}</button>
                                <Confirm id="debrief-delete" ask=ui::DEBRIEF_DELETE question=ui::DEBRIEF_DELETE_CONFIRM yes=ui::DEBRIEF_DELETE_YES on_yes=delete/>
                            </div>
                        </div>
                    }.into_any()),
                    Saved::Unreadable => Some(view! {
                        <div class="debrief-saved">
                            <p>{tr(ui::DEBRIEF_SAVED_BAD)}</p>
                            <Confirm id="debrief-delete" ask=ui::DEBRIEF_DELETE question=ui::DEBRIEF_DELETE_CONFIRM yes=ui::DEBRIEF_DELETE_YES on_yes=delete/>
                        </div>
                    }.into_any()),
                }}
            </div>
            <div id="debrief-result">
                {move || reading.get().then(|| view! { <p class="hint" id="debrief-reading">{tr(ui::DEBRIEF_READING)}</p> })}
                {move || failed.get().then(|| view! { <p class="error" id="debrief-message">{tr(ui::DEBRIEF_LOAD_FAILED)}</p> })}
                {move || outcome.get().map(|o| match &*o {
                    Outcome::TooLong(size) => {
                        let size = *size;
                        view! {
                            <p class="error" id="debrief-message">{move || ui::DEBRIEF_TOO_LONG.fill(ctx.lang.get(), &[("size", &megabytes(size)), ("max", &megabytes(db::MAX_TEXT))])}</p>
                        }.into_any()
                    }
                    Outcome::NoCode => view! { <p class="error" id="debrief-message">{tr(ui::DEBRIEF_NO_CODE)}</p> }.into_any(),
                    Outcome::Read(d) => ready(view_figures(Arc::new(d.clone()), saved)).and_then(Result::ok).into_any(),
                })}
            </div>
            <p class="no-print"><Link to=Route::Progress>{tr(ui::PROGRESS_TITLE)}</Link></p>
        </div>
    }
}

/// What was read, said to screen readers once the debrief is ready.
fn summary(ctx: Ctx, o: &Outcome) -> String {
    let l = ctx.lang.get_untracked();
    match o {
        Outcome::TooLong(size) => ui::DEBRIEF_TOO_LONG.fill(
            l,
            &[
                ("size", &megabytes(*size)),
                ("max", &megabytes(db::MAX_TEXT)),
            ],
        ),
        Outcome::NoCode => ui::DEBRIEF_NO_CODE.get(l).to_string(),
        Outcome::Read(d) => {
            let refused: u32 = d.refused.iter().sum();
            format!(
                "{} · {} · {}",
                ui::DEBRIEF_READ_DONE.get(l),
                plural(
                    l,
                    d.learners as usize,
                    ui::DEBRIEF_LEARNERS_ONE,
                    ui::DEBRIEF_LEARNERS_OTHER
                ),
                plural(
                    l,
                    refused as usize,
                    ui::DEBRIEF_REFUSED_ONE,
                    ui::DEBRIEF_REFUSED_OTHER
                )
            )
        }
    }
}

/// Bytes as megabytes with one decimal ("1.2"), in integer arithmetic (see `number::fixed`).
fn megabytes(bytes: usize) -> String {
    fixed(bytes as f32 / (1024.0 * 1024.0), 1)
}

/// What is kept on this device, read by `store::debrief::load` in the stored progress's reader
/// chunk (`storage::read_kept_debrief`): the debrief's page goes live without the JSON reader. If
/// that chunk cannot come, nothing is offered this time; the kept text stays for the next.
#[cfg(target_arch = "wasm32")]
async fn read_saved() -> Saved {
    use crate::platform::storage;
    let Ok(Some(raw)) = storage::read(db::SAVE_KEY) else {
        return Saved::Nothing;
    };
    match storage::read_kept_debrief(raw).await {
        Ok(Some(codes)) => {
            let n = codes.lines().count();
            Saved::Kept(codes, n)
        }
        Ok(None) => Saved::Unreadable,
        Err(_) => Saved::Nothing,
    }
}

/// Shows what is kept on this device, once read (see `read_saved`).
fn show_saved(_saved: RwSignal<Saved>) {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        let now = read_saved().await;
        // The trainer may have left the screen meanwhile.
        let _ = _saved.try_set(now);
    });
}

/// The group's figures: codes read and refused, checklists, quiz, screens, and the actions.
#[component]
fn Figures(d: Arc<Debrief>, saved: RwSignal<Saved>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let learners = d.learners;
    let count = move |n: u32, one: Text, other: Text| plural(lang.get(), n as usize, one, other);
    let refused: u32 = d.refused.iter().sum();
    let reasons = Refusal::ALL
        .iter()
        .filter(|r| d.refused[**r as usize] > 0)
        .map(|r| {
            let n = d.refused[*r as usize];
            view! {
                <li>{move || ui::DEBRIEF_REASON_COUNT.fill(lang.get(), &[("reason", r.text().get(lang.get())), ("n", &n.to_string())])}</li>
            }
        })
        .collect_view();
    let (repeats, beyond) = (d.repeats, d.beyond_limit);
    let listed_all = d.flags.len() as u32 == refused + repeats;
    let flags = (!d.flags.is_empty()).then(|| {
        let rows = d
            .flags
            .iter()
            .map(|f| {
                let (line, excerpt, kind) = (f.line, f.excerpt.clone(), f.kind);
                let why = move || match kind {
                    FlagKind::Refused(r) => r.text().get(lang.get()).to_string(),
                    FlagKind::RepeatOf(first) => ui::DEBRIEF_REPEAT_OF
                        .fill(lang.get(), &[("line", &first.to_string())]),
                };
                view! {
                    <tr class:repeat=matches!(kind, FlagKind::RepeatOf(_))>
                        <td>{line}</td>
                        <td><code>{excerpt}</code></td>
                        <td>{why}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-labelledby="debrief-flags-caption" tabindex="0">
                <table class="debrief-table flags" id="debrief-flags">
                    <caption id="debrief-flags-caption">{tr(ui::DEBRIEF_FLAGS_CAPTION)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(ui::DEBRIEF_LINE)}</th>
                        <th scope="col">{tr(ui::DEBRIEF_CODE)}</th>
                        <th scope="col">{tr(ui::DEBRIEF_WHY)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {(!listed_all).then(|| view! {
                <p class="hint">{move || ui::DEBRIEF_FLAGS_MORE.fill(lang.get(), &[("max", &db::MAX_LISTED.to_string())])}</p>
            })}
        }
    });
    let d_csv = d.clone();
    let d_json = d.clone();
    let codes = d.codes.clone();
    let kept = RwSignal::new(None::<bool>);
    let keep = move |_| {
        let _raw = db::save(&codes);
        #[cfg(target_arch = "wasm32")]
        {
            let ok = crate::platform::storage::write(db::SAVE_KEY, &_raw)
                == crate::platform::storage::Backend::Local;
            kept.set(Some(ok));
            ctx.say(if ok {
                ui::DEBRIEF_KEPT
            } else {
                ui::DEBRIEF_KEEP_FAILED
            });
            if ok {
                show_saved(saved);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = saved;
    };
    view! {
        <section class="debrief-codes" aria-labelledby="debrief-codes-title">
            <h2 id="debrief-codes-title">{tr(ui::DEBRIEF_CODES_TITLE)}</h2>
            <ul class="debrief-counts" id="debrief-counts">
                <li id="debrief-learners"><strong>{move || count(learners, ui::DEBRIEF_LEARNERS_ONE, ui::DEBRIEF_LEARNERS_OTHER)}</strong></li>
                <li id="debrief-refused">
                    {move || count(refused, ui::DEBRIEF_REFUSED_ONE, ui::DEBRIEF_REFUSED_OTHER)}
                    {(refused > 0).then(|| view! { <ul>{reasons}</ul> })}
                </li>
                {(repeats > 0).then(|| view! {
                    <li id="debrief-repeats">
                        {move || count(repeats, ui::DEBRIEF_REPEATS_ONE, ui::DEBRIEF_REPEATS_OTHER)}
                        <span class="hint">" "{tr(ui::DEBRIEF_REPEATS_HINT)}</span>
                    </li>
                })}
                {(beyond > 0).then(|| view! {
                    <li id="debrief-beyond">{move || {
                        let l = lang.get();
                        plural(l, beyond as usize, ui::DEBRIEF_BEYOND_ONE, ui::DEBRIEF_BEYOND_OTHER).replace("{max}", &db::MAX_CODES.to_string())
                    }}</li>
                })}
            </ul>
            {(learners == 0).then(|| view! { <p class="error" id="debrief-message">{tr(ui::DEBRIEF_NONE_COUNTED)}</p> })}
            {flags}
        </section>
        <section class="debrief-actions no-print" aria-labelledby="debrief-actions-title">
            <h2 id="debrief-actions-title">{tr(ui::DEBRIEF_ACTIONS)}</h2>
            <div class="tool-row">
                <button type="button" id="debrief-csv" on:click=move |_| {
                    let _csv = db::to_csv(&d_csv, lang.get_untracked());
                    // A byte-order mark, so that spreadsheets read the accents as UTF-8.
                    #[cfg(target_arch = "wasm32")]
                    crate::platform::dom::download("reperes-debrief.csv", &format!("\u{feff}{_csv}"), "text/csv;charset=utf-8");
                }>{tr(ui::DEBRIEF_EXPORT_CSV)}</button>
                <button type="button" id="debrief-json" on:click=move |_| {
                    let _json = db::to_json(&d_json, lang.get_untracked());
                    #[cfg(target_arch = "wasm32")]
                    crate::platform::dom::download("reperes-debrief.json", &_json, "application/json");
                }>{tr(ui::DEBRIEF_EXPORT_JSON)}</button>
                <button type="button" on:click=move |_| {
                    #[cfg(target_arch = "wasm32")]
                    crate::platform::dom::print();
                }>{tr(ui::DEBRIEF_PRINT)}</button>
                <button type="button" id="debrief-keep" on:click=keep>{tr(ui::DEBRIEF_KEEP)}</button>
            </div>
            {move || kept.get().map(|ok| if ok {
                view! { <p id="debrief-kept">{tr(ui::DEBRIEF_KEPT)}</p> }.into_any()
            } else {
                view! { <p class="error" id="debrief-kept">{tr(ui::DEBRIEF_KEEP_FAILED)}</p> }.into_any()
            })}
        </section>
        <section class="debrief-checklists" aria-labelledby="debrief-checklists-title">
            <h2 id="debrief-checklists-title">{tr(ui::DEBRIEF_CHECKLISTS_TITLE)}</h2>
            <p class="hint">{tr(ui::DEBRIEF_CHECKLISTS_HINT)}</p>
            {db::checklist_items()
                .into_iter()
                .enumerate()
                .map(|(i, (f, _))| {
                    let id = format!("debrief-list-{}", f.id);
                    view! {
                        <section class="debrief-list" aria-labelledby=format!("debrief-list-{}", f.id)>
                            <h3 id=format!("debrief-list-{}", f.id)><Link to=Route::Framework(f.id)>{tr(f.title)}</Link></h3>
                            <ChecklistTable d=d.clone() list=i labelled=id prefix="debrief"/>
                        </section>
                    }
                })
                .collect_view()}
        </section>
        <section class="debrief-quiz" aria-labelledby="debrief-quiz-title">
            <h2 id="debrief-quiz-title">{tr(ui::DEBRIEF_QUIZ_TITLE)}</h2>
            <p class="hint">{tr(ui::DEBRIEF_QUIZ_HINT)}</p>
            <QuizTable d=d.clone() labelled="debrief-quiz-title".into() prefix="debrief"/>
        </section>
        <section class="debrief-screens" aria-labelledby="debrief-screens-title">
            <h2 id="debrief-screens-title">{tr(ui::DEBRIEF_SCREENS_TITLE)}</h2>
            <ScreensTable d=d.clone() labelled="debrief-screens-title".into() prefix="debrief"/>
        </section>
    }
}
