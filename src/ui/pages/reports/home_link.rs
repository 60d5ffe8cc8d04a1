//! The overview's way into the reports: one link with what they answer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::i18n::tr;

use super::text::ReportText as T;

#[component]
pub fn ReportsLink() -> impl IntoView {
    view! {
        <p class="reports-link" data-testid="home-reports-link">
            <A href="/reports">{tr(T::HomeLink)}</A>
            <span class="hint block">{tr(T::HomeLinkHint)}</span>
        </p>
    }
}
