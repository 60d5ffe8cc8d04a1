//! Pieces the record forms share beyond single fields: a choice of the record a form
//! belongs to (with a link to it), and the "remove" button of a repeated line.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{Bind, MarksFrom, SelectField};

/// A required choice of another record (the city, the committee), with a link to its page
/// once one is chosen.
#[component]
pub fn LinkedChoice(
    /// The field's path in the record, e.g. "city_id".
    field: &'static str,
    /// The label, in the interface language.
    #[prop(into)]
    label: Signal<String>,
    /// The chosen record's id ("" for none).
    value: Bind<String>,
    /// `(id, name)` pairs.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// Messages at the field (`marks=s`: an editing session's at `field`).
    #[prop(into)]
    marks: MarksFrom,
    /// Where the chosen kind's pages are (`<pages>/<id>`), e.g. "/cities".
    pages: &'static str,
    /// The link's text ("Open the city").
    #[prop(into)]
    open: Signal<String>,
) -> impl IntoView {
    let link = move || {
        uuid::Uuid::parse_str(&value.get.get())
            .ok()
            .map(|id| view! { <A href=format!("{pages}/{id}")>{move || open.get()}</A> })
    };
    view! {
        <SelectField field=field label required=true value options marks/>
        <p class="field-link">{link}</p>
    }
}

/// Removes line `i` if it is still there (a second click on a gone line removes nothing).
pub fn remove_line<T>(lines: &mut Vec<T>, i: usize) {
    if i < lines.len() {
        lines.remove(i);
    }
}

/// The "remove" button of a repeated line (a member, a problem, a budget year).
#[component]
pub fn RemoveLine(
    /// The button's text.
    #[prop(into)]
    label: Signal<String>,
    /// Removes the line (with [`remove_line`]).
    on_remove: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="secondary line-remove" on:click=move |_| on_remove.run(())>
            {move || label.get()}
        </button>
    }
}
