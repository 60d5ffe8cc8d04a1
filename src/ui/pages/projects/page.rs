//! `/projects/:id`: a project's page (its editor), or `/projects/new[?city=<id>]`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::form::ProjectEditor;
use super::text::ProjectText;
use crate::domain::records::Project;
use crate::ui::edit::{EditText, Target};
use crate::ui::forms::screens::WhenLoaded;
use crate::ui::i18n::tr;
use crate::ui::state::use_app;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")));
    let city = Memo::new(move |_| {
        query
            .with(|q| q.get("city"))
            .and_then(|c| uuid::Uuid::parse_str(&c).ok())
    });
    move || match id.get().as_deref() {
        Some("new") => {
            let city = city.get();
            let slot = city.map_or_else(|| "any".to_string(), |c| format!("city-{c}"));
            view! {
                <section class="page">
                    <p><A href="/projects">"← " {tr(ProjectText::BackToList)}</A></p>
                    <h1>{tr(ProjectText::NewTitle)}</h1>
                    // The new project's year comes from its city's budget: read once loaded.
                    <WhenLoaded><ProjectEditor target=Target::New { slot: slot.clone() } city=city/></WhenLoaded>
                </section>
            }
            .into_any()
        }
        Some(raw) => match uuid::Uuid::parse_str(raw) {
            Ok(pid) => {
                let exists =
                    Memo::new(move |_| app.dataset.with(|ds| ds.get::<Project>(pid).is_some()));
                let title = Memo::new(move |_| {
                    app.dataset
                        .with(|ds| ds.get::<Project>(pid).map(|p| p.title.clone()))
                });
                view! {
                    <section class="page">
                        <p><A href="/projects">"← " {tr(ProjectText::BackToList)}</A></p>
                        // Only existence switches the view: re-creating the editor on every
                        // title change would reset what is being typed.
                        {move || match (exists.get(), app.loaded.get()) {
                            (false, false) => view! { <p>{tr(EditText::Loading)}</p> }.into_any(),
                            (false, true) => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
                            (true, _) => view! {
                                <h1 lang="th">{move || title.get().unwrap_or_default()}</h1>
                                <ProjectEditor target=Target::Existing(pid)/>
                            }.into_any(),
                        }}
                    </section>
                }
                .into_any()
            }
            Err(_) => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
        },
        None => view! { <p class="empty">{tr(EditText::NotFound)}</p> }.into_any(),
    }
}
