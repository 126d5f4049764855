//! About: what Repères is, privacy, keyboard use, embedding.

use crate::content::ui;
use crate::state::tr;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <div class="screen about">
            <h1>{tr(ui::ABOUT_TITLE)}</h1>
            <p class="lead">{tr(ui::ABOUT_LEAD)}</p>
            <h2>{tr(ui::ABOUT_PRIVACY_TITLE)}</h2>
            <p>{tr(ui::ABOUT_PRIVACY)}</p>
            <h2>{tr(ui::ABOUT_OFFLINE_TITLE)}</h2>
            <p>{tr(ui::ABOUT_OFFLINE)}</p>
            <h2>{tr(ui::ABOUT_KEYS_TITLE)}</h2>
            <ul>
                <li>{tr(ui::TIMELINE_KEYS)}</li>
                <li>{tr(ui::PRESENT_HINT)}</li>
            </ul>
            <h2>{tr(ui::ABOUT_EMBED_TITLE)}</h2>
            <p>{tr(ui::ABOUT_EMBED)}</p>
        </div>
    }
}
