//! Said on a record that has concurrent versions from another office.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::EditText;
use crate::ui::i18n::tr;

/// The conflict notice with its link to the Conflicts page. Shown while `when` is true.
#[component]
pub fn ConflictBanner(
    /// Whether the record is in conflict.
    #[prop(into)]
    when: Signal<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || when.get()>
            <div class="notice notice-error conflict-banner" role="alert" data-testid="conflict-banner">
                <p><strong>{tr(EditText::ConflictTitle)}</strong> " " {tr(EditText::ConflictBody)}</p>
                <A href="/conflicts" attr:class="button">{tr(EditText::ConflictLink)}</A>
            </div>
        </Show>
    }
}
