//! Knowledge check: questions per framework, immediate feedback with the reason and a link to the
//! screen that teaches it. Answers and score are kept.

use crate::components::confirm::Confirm;
use crate::content::tables::EXPLAIN_PACK;
use crate::content::{self, ui, Question, FRAMEWORKS, QUESTIONS};
use crate::i18n::Lang;
use crate::platform::text;
use crate::route::Route;
use crate::state::{tr, use_ctx, Notice};
use leptos::prelude::*;

#[component]
pub fn Quiz() -> impl IntoView {
    let ctx = use_ctx();
    let score = move || {
        let (right, total) = ctx.progress.with(|p| p.quiz_score());
        let answered = ctx.progress.with(|p| p.answers.len());
        ui::QUIZ_SCORE.fill(
            ctx.lang.get(),
            &[
                ("right", &right.to_string()),
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        )
    };
    let restart = move |()| {
        ctx.progress.update(|p| p.answers.clear());
        ctx.say(ui::QUIZ_RESTARTED);
    };
    view! {
        <div class="screen quiz">
            <h1>{tr(ui::QUIZ_TITLE)}</h1>
            <p class="lead">{tr(ui::QUIZ_LEAD)}</p>
            <p class="score" id="quiz-score">{score}</p>
            <Confirm id="quiz-restart" ask=ui::QUIZ_RESTART question=ui::QUIZ_RESTART_CONFIRM yes=ui::QUIZ_RESTART_YES on_yes=restart/>
            {FRAMEWORKS
                .iter()
                .filter(|f| QUESTIONS.iter().any(|q| q.framework == f.id))
                .map(|f| {
                    view! {
                        <section class="quiz-group">
                            <h2>{tr(f.title)}</h2>
                            {QUESTIONS.iter().filter(|q| q.framework == f.id).map(|q| view! { <QuestionCard q/> }).collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One question: choosing an option (arrow keys move between them) only selects it; the answer
/// counts when the learner presses "check", then the options lock and focus goes to the feedback.
#[component]
fn QuestionCard(q: &'static Question) -> impl IntoView {
    let ctx = use_ctx();
    // This question's answer: a memo, so that only an answer to it wakes what reads it.
    let chosen = Memo::new(move |_| ctx.progress.with(|p| p.answers.get(q.id).copied()));
    let picked = RwSignal::new(None::<u8>);
    let focus_feedback = format!("q-{}-feedback", q.id);
    let answer = move |i: u8| {
        ctx.progress
            .update(|p| _ = p.answers.insert(q.id.to_string(), i));
        picked.set(None); // the answer is saved; after a restart the question starts blank
        ctx.say(if i == q.answer {
            ui::QUIZ_RIGHT
        } else {
            ui::QUIZ_WRONG
        });
        crate::platform::dom::focus_soon(focus_feedback.clone());
    };
    // The answer counts once its explanation is there (a pack of its own, fetched with the
    // first answer checked on a page that had none): if it cannot come, the choice stays
    // selected and a notice says so.
    let check = move |_| {
        let Some(i) = picked.get_untracked() else {
            return;
        };
        let (lang, explain) = (ctx.lang.get_untracked(), 1 << EXPLAIN_PACK);
        if text::has(lang, explain) {
            return answer(i);
        }
        let answer = answer.clone();
        leptos::task::spawn_local(async move {
            match text::load(lang, explain).await {
                // Unless a second press (or another choice's) got there first.
                Ok(()) if picked.get_untracked() != Some(i) => {}
                Ok(()) => {
                    ctx.dismiss(&Notice::ExplainFailed);
                    answer(i)
                }
                Err(_) => ctx.notify(Notice::ExplainFailed),
            }
        });
    };
    // The options are markup (`choices_html`): one handler for them all, and one effect that sets
    // their states in place (each keeps its element, and focus). Built one by one, with a
    // listener and five reactive parts each, the quiz's 150 options made its screen a task of
    // 110 to 150 ms at CPU 4x.
    let holder = NodeRef::<leptos::html::Div>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let i = event_target::<web_sys::Element>(&ev).get_attribute("data-i");
        if let Some(i) = i.and_then(|i| i.parse().ok()) {
            picked.set(Some(i));
        }
    };
    #[cfg(target_arch = "wasm32")]
    crate::state::effect(move |_| {
        use wasm_bindgen::JsCast;
        let (chosen, picked) = (chosen.get(), picked.get());
        let Some(choices) = holder.get() else { return };
        crate::components::markup::each_child(&choices, |i, label| {
            let state = Choice::of(q, i as u8, chosen, picked);
            let classes = label.class_list();
            let _ = classes.toggle_with_force("right", state.right);
            let _ = classes.toggle_with_force("wrong", state.wrong);
            let input = label.first_element_child();
            if let Some(input) = input.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(state.checked);
                input.set_disabled(state.locked);
            }
        });
    });
    // Under the options, as markup too (`end_html`): the check button, or once answered the
    // feedback with its link (followed by the app's root, `link::follow`). One handler for the
    // button, and one effect that sets its state in place (it keeps its element, and focus). As two
    // erased views, they were about 3 KB of the quiz's raw code.
    let end = NodeRef::<leptos::html::Div>::new();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = event_target::<web_sys::Element>(&ev);
        if matches!(target.closest("button"), Ok(Some(_))) {
            check(());
        }
    };
    #[cfg(target_arch = "wasm32")]
    crate::state::effect(move |_| {
        let off = picked.get().is_none();
        if let Some(Ok(Some(button))) = end.get().map(|e| e.query_selector("button")) {
            let _ = button.toggle_attribute_with_force("disabled", off);
        }
    });
    view! {
        <fieldset class="card question" id=format!("q-{}", q.id)>
            <legend>{tr(q.prompt)}</legend>
            <div class="choices" node_ref=holder on:change=on_change inner_html=move || {
                choices_html(q, ctx.lang.get(), chosen.get_untracked(), picked.get_untracked())
            }></div>
            <div class="question-end" node_ref=end on:click=on_click inner_html=move || {
                end_html(ctx, q, ctx.lang.get(), chosen.get(), picked.get_untracked())
            }></div>
        </fieldset>
    }
}

/// What comes under a question's options, as markup (see `components::markup`), in `lang`: the
/// check button (pressable once an option is `picked`) until the question is answered, then the
/// feedback: right or not, the explanation, and a link to the screen that teaches it.
fn end_html(
    ctx: crate::state::Ctx,
    q: &Question,
    lang: Lang,
    chosen: Option<u8>,
    picked: Option<u8>,
) -> String {
    use crate::components::markup::esc;
    let mut o = String::new();
    let Some(c) = chosen else {
        o.push_str(r#"<p class="question-check"><button type="button""#);
        if picked.is_none() {
            o.push_str(" disabled");
        }
        o.push('>');
        esc(&mut o, ui::QUIZ_CHECK.get(lang));
        o.push_str("</button></p>");
        return o;
    };
    let f = content::framework(q.framework).expect("build.rs checks question links");
    let (class, said) = if c == q.answer {
        ("right", ui::QUIZ_RIGHT)
    } else {
        ("wrong", ui::QUIZ_WRONG)
    };
    o.push_str(r#"<div class="feedback "#);
    o.push_str(class);
    o.push_str(r#"" id="q-"#);
    o.push_str(q.id);
    o.push_str(r#"-feedback" tabindex="-1"><p><strong>"#);
    esc(&mut o, said.get(lang));
    o.push_str("</strong> ");
    esc(&mut o, q.explain.get(lang));
    o.push_str("</p><p>");
    let name = format!("{} {}", ui::QUIZ_LEARN_MORE.get(lang), f.short.get(lang));
    crate::components::link::link_html(&mut o, ctx, "", Route::of_framework(f.id), &name);
    o.push_str("</p></div>");
    o
}

/// An option's states, from the question's answer (`chosen`) and the option selected but not yet
/// checked (`picked`): the markup's and the effect's alike.
struct Choice {
    /// The right answer, shown once the question is answered.
    right: bool,
    /// The learner's answer, when it is not the right one.
    wrong: bool,
    checked: bool,
    /// Answered: the options no longer change.
    locked: bool,
}

impl Choice {
    fn of(q: &Question, i: u8, chosen: Option<u8>, picked: Option<u8>) -> Choice {
        Choice {
            right: chosen.is_some() && i == q.answer,
            wrong: chosen == Some(i) && i != q.answer,
            checked: chosen.or(picked) == Some(i),
            locked: chosen.is_some(),
        }
    }
}

/// A question's options as markup (see `components::markup`), in `lang`, with their states as they
/// are now: a radio button each, in its label, with its index for the change handler.
fn choices_html(q: &Question, lang: Lang, chosen: Option<u8>, picked: Option<u8>) -> String {
    use crate::components::markup::esc;
    use std::fmt::Write;
    let mut out = String::new();
    for (i, c) in q.choices.iter().enumerate() {
        let (i, id) = (i as u8, q.id);
        let state = Choice::of(q, i, chosen, picked);
        let on = |yes: bool, attr: &'static str| if yes { attr } else { "" };
        let _ = write!(
            out,
            r#"<label for="q-{id}-{i}" class="choice{}{}"><input type="radio" id="q-{id}-{i}" name="q-{id}" data-i="{i}"{}{}><span>"#,
            on(state.right, " right"),
            on(state.wrong, " wrong"),
            on(state.checked, " checked"),
            on(state.locked, " disabled"),
        );
        esc(&mut out, c.get(lang));
        out.push_str("</span></label>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::choices_html;
    use crate::i18n::Lang;

    #[test]
    fn an_answered_question_marks_the_right_option_and_the_wrong_choice_and_locks() {
        let q = crate::content::QUESTIONS
            .iter()
            .find(|q| q.choices.len() >= 2)
            .expect("a question with two options");
        let wrong = if q.answer == 0 { 1 } else { 0 };
        let blank = choices_html(q, Lang::Fr, None, None);
        assert_eq!(blank.matches("<input").count(), q.choices.len());
        assert!(
            !blank.contains("checked") && !blank.contains("disabled") && !blank.contains(" right")
        );
        let picked = choices_html(q, Lang::Fr, None, Some(wrong));
        assert_eq!(picked.matches(" checked").count(), 1);
        assert!(
            !picked.contains(" wrong") && !picked.contains("disabled"),
            "picked, not yet checked"
        );
        let answered = choices_html(q, Lang::En, Some(wrong), None);
        assert_eq!(answered.matches(r#"class="choice right""#).count(), 1);
        assert_eq!(answered.matches(r#"class="choice wrong""#).count(), 1);
        assert_eq!(answered.matches(" disabled").count(), q.choices.len());
        assert!(answered.contains(&format!(
            r#"id="q-{}-{wrong}" name="q-{}" data-i="{wrong}" checked"#,
            q.id, q.id
        )));
    }
}
