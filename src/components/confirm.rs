//! A destructive action asked twice. `Confirm` is a button that opens the question with "yes" and
//! "cancel"; `box_html` alone asks about something already under way (an imported file about to
//! replace the progress). Focus goes to "cancel", the safe choice; Escape or "cancel" closes the
//! box; `Confirm` then puts focus back on its button, after "yes" too.
//!
//! Both are markup (see `components::markup`): each button names its action in `data-act`
//! (`{id}-ask`, `{id}-yes`, `{id}-cancel`), read by one listener per kind of event
//! (`platform::dom::act`, where Escape in the box is its "cancel"). Built as Leptos views (`Show`,
//! a component for the box, a listener per button), the three screens that ask (progress, quiz,
//! debrief) each carried about 2 KB more brotli code in their page's bundle.

use crate::components::markup::{element, esc};
use crate::content::{ui, Text};
use crate::i18n::Lang;
use crate::platform::dom::focus_soon;
use crate::state::use_ctx;
use leptos::prelude::*;

/// The button that asks (`{id}-ask`), or once pressed the question ([`box_html`]); `on_yes` runs
/// on "yes".
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
    let ctx = use_ctx();
    let open = RwSignal::new(false);
    let on_act = move |ev: &web_sys::Event| {
        let act = crate::platform::dom::act(ev);
        let Some(act) = act.as_deref().and_then(|a| a.strip_prefix(id)) else {
            return;
        };
        if act == "-yes" {
            on_yes.run(());
        }
        open.set(act == "-ask");
        focus_soon(format!(
            "{id}{}",
            if act == "-ask" { "-cancel" } else { "-ask" }
        ));
    };
    let html = move || {
        let lang = ctx.lang.get();
        let mut o = String::new();
        if open.get() {
            box_html(&mut o, lang, id, question, yes);
        } else {
            button(&mut o, "danger-button", id, "ask", ask.get(lang));
        }
        o
    };
    view! {
        <div class="confirm" inner_html=html on:click=move |ev| on_act(&ev) on:keydown=move |ev| on_act(&ev)></div>
    }
}

/// The question with "yes" and "cancel" as markup (`{id}-q`, `{id}-yes`, `{id}-cancel`).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_names_each_button_s_action_and_labels_the_group_with_its_question() {
        let mut o = String::new();
        box_html(&mut o, Lang::En, "reset", ui::RESET_CONFIRM, ui::RESET_YES);
        assert!(o.starts_with(r#"<div class="confirm-box" role="group" aria-labelledby="reset-q"><p role="alert" id="reset-q">"#), "{o}");
        for act in ["reset-yes", "reset-cancel"] {
            assert!(
                o.contains(&format!(r#"id="{act}" data-act="{act}">"#)),
                "{o}"
            );
        }
        let mut cancel = String::new();
        esc(&mut cancel, ui::CANCEL.get(Lang::En));
        assert!(o.ends_with(&format!("{cancel}</button></div>")), "{o}");
    }
}
