//! A destructive action asked twice. `Confirm` is a button that opens a `ConfirmBox` (its
//! question, "yes" and "cancel"); `ConfirmBox` alone asks about something already under way (an
//! imported file about to replace the progress). Focus goes to "cancel", the safe choice; Escape
//! or "cancel" closes the box; `Confirm` then puts focus back on its button, after "yes" too.

use crate::content::{ui, Text};
use crate::platform::dom::focus_soon;
use crate::state::tr;
use leptos::prelude::*;

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
