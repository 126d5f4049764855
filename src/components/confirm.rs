//! A destructive action asked twice. `Confirm` is a button that opens a `ConfirmBox` (its
//! question, "yes" and "cancel"); `ConfirmBox` alone asks about something already under way (an
//! imported file about to replace the progress). Focus goes to "cancel", the safe choice; Escape
//! or "cancel" closes the box; `Confirm` then puts focus back on its button, after "yes" too.

use crate::components::markup::{element, esc};
use crate::content::{ui, Text};
use crate::i18n::Lang;
use crate::platform::dom::focus_soon;
use crate::state::tr;
use leptos::prelude::*;

/// The same as markup (see `components::markup`), for a screen drawn as markup with one listener
/// per kind of event: the button that asks (`{id}-ask`), or once it is pressed (`open`) the box
/// ([`box_html`]). Each button names its action in `data-act` (`{id}-ask`, `{id}-yes`,
/// `{id}-cancel`), which the screen's listener reads (`platform::dom::act`, where Escape in the box
/// is its "cancel"); the screen moves focus as `Confirm` does.
pub fn html(o: &mut String, lang: Lang, id: &str, open: bool, texts: [Text; 3]) {
    let [ask, question, yes] = texts;
    o.push_str(r#"<div class="confirm">"#);
    if open {
        box_html(o, lang, id, question, yes);
    } else {
        button(o, "danger-button", id, "ask", ask.get(lang));
    }
    o.push_str("</div>");
}

/// The question with "yes" and "cancel" as markup, for `html` or alone (an import under way).
pub fn box_html(o: &mut String, lang: Lang, id: &str, question: Text, yes: Text) {
    o.push_str(r#"<div class="confirm-box" role="group" aria-labelledby=""#);
    o.push_str(id);
    o.push_str(r#"-q">"#);
    element(
        o,
        &format!(r#"<p role="alert" id="{id}-q">"#),
        question.get(lang),
    );
    button(o, "danger-button", id, "yes", yes.get(lang));
    button(o, "", id, "cancel", ui::CANCEL.get(lang));
    o.push_str("</div>");
}

/// A button whose action is `{id}-{act}`, with that id too.
fn button(o: &mut String, class: &str, id: &str, act: &str, label: &str) {
    o.push_str(&format!(
        r#"<button type="button" class="{class}" id="{id}-{act}" data-act="{id}-{act}">"#
    ));
    esc(o, label);
    o.push_str("</button>");
}

#[component]
pub fn Confirm(
    /// Prefix of the ids of the button and of the box, unique on the screen.
    id: &'static str,
    /// The button's label.
    ask: Text,
    /// The question, announced when the confirmation opens.
    question: Text,
    /// The label of the "yes" button.
    yes: Text,
    /// What "yes" does (a `Callback`, so that every use shares one copy of this component's code).
    #[prop(into)]
    on_yes: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let ask_id = format!("{id}-ask");
    let to_ask = ask_id.clone();
    let close = Callback::new(move |()| {
        open.set(false);
        focus_soon(to_ask.clone());
    });
    view! {
        <div class="confirm">
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="danger-button" id=ask_id.clone() on:click=move |_| open.set(true)>{tr(ask)}</button>
                }
            >
                <ConfirmBox id question yes on_yes=move |()| { on_yes.run(()); close.run(()); } on_cancel=close/>
            </Show>
        </div>
    }
}

/// The question with "yes" and "cancel"; focus goes to "cancel" when it appears.
#[component]
pub fn ConfirmBox(
    id: &'static str,
    question: Text,
    yes: Text,
    #[prop(into)] on_yes: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_id = format!("{id}-cancel");
    focus_soon(cancel_id.clone());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_cancel.run(());
        }
    };
    view! {
        <div class="confirm-box" role="group" aria-labelledby=format!("{id}-q") on:keydown=on_key>
            <p role="alert" id=format!("{id}-q")>{tr(question)}</p>
            <button type="button" class="danger-button" on:click=move |_| on_yes.run(())>{tr(yes)}</button>
            <button type="button" id=cancel_id on:click=move |_| on_cancel.run(())>{tr(ui::CANCEL)}</button>
        </div>
    }
}
