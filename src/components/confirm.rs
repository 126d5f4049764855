//! A destructive action asked twice: the button opens a confirmation (its question, "yes" and
//! "cancel"). Focus goes to "cancel", the safe choice; Escape or "cancel" closes it and puts focus
//! back on the button; after "yes" focus returns to the button too.

use crate::app::tr;
use crate::content::{ui, Text};
use leptos::prelude::*;

#[component]
pub fn Confirm(
    /// Prefix of the ids of the button and of the "cancel" button, unique on the screen.
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
    let cancel_id = format!("{id}-cancel");
    let (to_ask, to_cancel) = (ask_id.clone(), cancel_id.clone());
    let set = move |now: bool| {
        open.set(now);
        let _target = if now {
            to_cancel.clone()
        } else {
            to_ask.clone()
        };
        #[cfg(target_arch = "wasm32")]
        request_animation_frame(move || crate::platform::dom::focus_by_id(&_target));
    };
    let set = StoredValue::new(set);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            set.with_value(|s| s(false));
        }
    };
    view! {
        <div class="confirm">
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="danger-button" id=ask_id.clone() on:click=move |_| set.with_value(|s| s(true))>{tr(ask)}</button>
                }
            >
                <div class="confirm-box" role="group" aria-labelledby=format!("{id}-q") on:keydown=on_key>
                    <p role="alert" id=format!("{id}-q")>{tr(question)}</p>
                    <button type="button" class="danger-button" on:click=move |_| { on_yes.run(()); set.with_value(|s| s(false)); }>{tr(yes)}</button>
                    <button type="button" id=cancel_id.clone() on:click=move |_| set.with_value(|s| s(false))>{tr(ui::CANCEL)}</button>
                </div>
            </Show>
        </div>
    }
}
