//! The page around a record's editor, the same for every record type that has one: the
//! address says which record (or a new one, perhaps of a parent), the page says "loading"
//! until the store is read and "not found" for an id it does not hold.

use leptos::prelude::*;
use leptos_router::components::A;

use super::Target;
use crate::domain::meta::RecordId;
use crate::domain::records::Record;
use crate::ui::forms::screens::{
    not_found, param_id, query_id, when_found, ScreenText, WhenLoaded,
};
use crate::ui::i18n::{tr, Text};

/// Where a record type's page sits and what it is called.
#[derive(Clone, Copy)]
pub struct RecordPageSpec<T: Text> {
    /// The list the page goes back to, e.g. `/committees`; the page is at `<list>/<id>`.
    pub list: &'static str,
    /// `data-testid` of the page.
    pub testid: &'static str,
    /// The query name of a new record's parent (`/mous/new?city=<id>`), if it has one.
    pub parent: Option<&'static str>,
    /// The draft slot of a new record (one per parent, so two cities' half-typed MOUs
    /// never mix).
    pub slot: &'static str,
    pub new_title: T,
    pub edit_title: T,
}

/// `<list>/new[?<parent>=<id>]` or `<list>/<id>`: a title, the way back to the list, and
/// `editor(target, parent)`. A new record's editor waits for the store: its choosers and
/// defaults (the city's budget year, the year's parameters) are read when it is made.
pub fn record_page<R: Record + Send + Sync, T: Text>(
    spec: RecordPageSpec<T>,
    editor: impl Fn(Target, Option<RecordId>) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = param_id();
    let parent = query_id(spec.parent.unwrap_or("parent"));
    move || {
        let body = match id.get().as_deref() {
            Some("new") => {
                let parent = spec.parent.and(parent.get());
                let slot =
                    parent.map_or_else(|| spec.slot.to_string(), |p| format!("{}-{p}", spec.slot));
                view! {
                    <h1>{tr(spec.new_title)}</h1>
                    <WhenLoaded>{editor(Target::New { slot: slot.clone() }, parent)}</WhenLoaded>
                }
                .into_any()
            }
            Some(raw) => match uuid::Uuid::parse_str(raw) {
                Ok(rid) => when_found::<R>(rid, move || {
                    view! {
                        <h1>{tr(spec.edit_title)}</h1>
                        {editor(Target::Existing(rid), None)}
                    }
                    .into_any()
                })
                .into_any(),
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        view! {
            <section class="page" data-testid=spec.testid>
                <p><A href=spec.list>"← " {tr(ScreenText::BackToList)}</A></p>
                {body}
            </section>
        }
    }
}
