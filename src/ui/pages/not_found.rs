use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::i18n::{tr, Msg};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{tr(Msg::NotFound)}</h1>
            <p><A href="/">{tr(Msg::BackHome)}</A></p>
        </section>
    }
}
