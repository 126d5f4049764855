//! Knowledge check: questions per framework, immediate feedback with the reason and a link to the
//! screen that teaches it. Answers and score are kept.

use crate::components::confirm::Confirm;
use crate::components::link::Link;
use crate::content::{self, ui, Question, FRAMEWORKS, QUESTIONS};
use crate::route::Route;
use crate::state::{tr, use_ctx};
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
    let chosen = move || ctx.progress.with(|p| p.answers.get(q.id).copied());
    let picked = RwSignal::new(None::<u8>);
    let f = content::framework(q.framework).expect("build.rs checks question links");
    let to = Route::of_framework(f.id);
    let feedback_id = format!("q-{}-feedback", q.id);
    let focus_feedback = feedback_id.clone();
    let check = move |_| {
        let Some(i) = picked.get_untracked() else {
            return;
        };
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
    view! {
        <fieldset class="card question" id=format!("q-{}", q.id)>
            <legend>{tr(q.prompt)}</legend>
            {q.choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let id = format!("q-{}-{i}", q.id);
                    let for_id = id.clone();
                    view! {
                        <label for=for_id class="choice"
                            class:right=move || chosen().is_some() && i == q.answer as usize
                            class:wrong=move || chosen() == Some(i as u8) && i != q.answer as usize>
                            <input
                                type="radio"
                                id=id
                                name=format!("q-{}", q.id)
                                prop:checked=move || chosen().or(picked.get()) == Some(i as u8)
                                disabled=move || chosen().is_some()
                                on:change=move |_| picked.set(Some(i as u8))
                            />
                            <span>{tr(*c)}</span>
                        </label>
                    }
                })
                .collect_view()}
            {move || match chosen() {
                None => view! {
                    <p class="question-check">
                        <button type="button" disabled=move || picked.get().is_none() on:click=check.clone()>{tr(ui::QUIZ_CHECK)}</button>
                    </p>
                }
                .into_any(),
                Some(c) => {
                    let right = c == q.answer;
                    view! {
                        <div class="feedback" class:right=right class:wrong=!right id=feedback_id.clone() tabindex="-1">
                            <p><strong>{tr(if right { ui::QUIZ_RIGHT } else { ui::QUIZ_WRONG })}</strong>" "{tr(q.explain)}</p>
                            <p><Link to=to>{tr(ui::QUIZ_LEARN_MORE)}" "{tr(f.short)}</Link></p>
                        </div>
                    }
                    .into_any()
                }
            }}
        </fieldset>
    }
}
