//! A checklist: each item with its explanation, a question about one's own organisation, where the
//! learner stands (three levels), and a note. Saved as soon as it changes.

use crate::content::{ui, Framework, Item};
use crate::state::{tr, use_ctx};
use crate::store::{item_key, MAX_NOTE_CHARS};
use leptos::prelude::*;

pub const LEVELS: [crate::content::Text; 3] = [
    ui::RATE_NOT_STARTED,
    ui::RATE_IN_PROGRESS,
    ui::RATE_IN_PLACE,
];

#[component]
pub fn Checklist(framework: &'static Framework) -> impl IntoView {
    let ctx = use_ctx();
    let done = move || {
        ctx.progress.with(|p| {
            framework
                .items
                .iter()
                .filter(|i| p.rating(framework.id, i.id).is_some())
                .count()
        })
    };
    let total = framework.items.len();
    view! {
        <section class="checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title">{tr(ui::CHECKLIST_TITLE)}</h2>
            <p class="hint">{tr(ui::CHECKLIST_HINT)}</p>
            <p class="count" aria-live="off">
                {move || ui::CHECKLIST_COUNT.fill(ctx.lang.get(), done(), &[("total", &total.to_string())])}
            </p>
            <ol class="items">
                {framework.items.iter().map(|item| view! { <ChecklistItem framework item/> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn ChecklistItem(framework: &'static Framework, item: &'static Item) -> impl IntoView {
    let ctx = use_ctx();
    let key = item_key(framework.id, item.id);
    let dom = format!("{}-{}", framework.id, item.id);
    let current = {
        let key = key.clone();
        move || ctx.progress.with(|p| p.ratings.get(&key).copied())
    };
    let note = {
        let key = key.clone();
        move || {
            ctx.progress
                .with(|p| p.notes.get(&key).cloned().unwrap_or_default())
        }
    };
    // Saved at every keystroke (a reload or a link typed in the address bar loses nothing);
    // "saved" is said once the learner leaves the field.
    let set_note = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let text: String = event_target_value(&ev)
                .chars()
                .take(MAX_NOTE_CHARS)
                .collect();
            ctx.progress.update(|p| {
                if text.trim().is_empty() {
                    p.notes.remove(&key);
                } else {
                    p.notes.insert(key.clone(), text);
                }
            });
        }
    };
    let question = item
        .question
        .expect("build.rs: checklist items have a question");
    view! {
        <li class="item card" id=dom.clone()>
            <h3>{tr(item.name)}</h3>
            <p>{tr(item.text)}</p>
            <p class="question"><strong>{tr(ui::ASK_YOURSELF)}</strong>" "{tr(question)}</p>
            <fieldset class="rating">
                // Every item asks the same: its name, for screen readers, tells the fields apart.
                <legend>{tr(ui::WHERE_YOU_STAND)}<span class="sr-only">" — "{tr(item.name)}</span></legend>
                {LEVELS
                    .iter()
                    .enumerate()
                    .map(|(level, label)| {
                        let key = key.clone();
                        let current = current.clone();
                        let id = format!("{dom}-r{level}");
                        let for_id = id.clone();
                        view! {
                            <label for=for_id class=format!("level level-{level}")>
                                <input
                                    type="radio"
                                    id=id
                                    name=dom.clone()
                                    value=level.to_string()
                                    prop:checked=move || current() == Some(level as u8)
                                    on:change=move |_| {
                                        ctx.progress.update(|p| _ = p.ratings.insert(key.clone(), level as u8));
                                        ctx.say_saved();
                                    }
                                />
                                <span>{tr(*label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="note" for=format!("{dom}-note")>{tr(ui::NOTE_LABEL)}<span class="sr-only">" — "{tr(item.name)}</span></label>
            <textarea id=format!("{dom}-note") rows="2" maxlength=MAX_NOTE_CHARS.to_string() prop:value=note.clone() on:input=set_note on:change=move |_| ctx.say_saved()></textarea>
            // Paper shows the whole note (a printed field keeps its on-screen height).
            <p class="print-only note-print">{note}</p>
        </li>
    }
}
