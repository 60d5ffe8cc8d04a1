//! The page around a record's editor, the same for every record type that has one: the
//! address says which record (or a new one, perhaps of a parent), the page says "loading"
//! until the store is read and "not found" for an id it does not hold. It also opens the
//! editing session, so each kind's form starts from a ready `EditSession`.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{blank_meta, use_edit_session, EditSession, Target};
use crate::domain::forms::form::RecordForm;
use crate::domain::meta::{RecordId, RecordMeta};
use crate::domain::records::Dataset;
use crate::ui::forms::screens::{
    not_found, param_id, query_id, when_found, ScreenText, WhenLoaded,
};
use crate::ui::i18n::{tr, Text};
use crate::ui::state::use_app;

/// Where a record type's page sits and what it is called.
#[derive(Clone, Copy)]
pub struct RecordPageSpec<T: Text> {
    /// The list the page goes back to, e.g. `/committees`; the page is at `<list>/<id>`.
    pub list: &'static str,
    /// The query name of a new record's parent (`/mous/new?city=<id>`), if it has one.
    pub parent: Option<&'static str>,
    /// The draft slot of a new record (one per parent, so two cities' half-typed MOUs
    /// never mix); the page's `data-testid` is `<slot>-page`.
    pub slot: &'static str,
    pub new_title: T,
    pub edit_title: T,
    /// Where "back" goes instead of the list: the record's owner (a household's community),
    /// found from the parent of a new record or by `owner` from a stored one.
    pub back: Option<BackTo<T>>,
}

impl<T: Text> RecordPageSpec<T> {
    /// A page under `list` whose new records are drafted in `slot`, titled `new_title` or
    /// `edit_title`; no parent, and "back" goes to the list.
    pub fn new(list: &'static str, slot: &'static str, new_title: T, edit_title: T) -> Self {
        RecordPageSpec {
            list,
            parent: None,
            slot,
            new_title,
            edit_title,
            back: None,
        }
    }

    /// A new record belongs to the `parent` named in the address (`?city=<id>`).
    pub fn under(self, parent: &'static str) -> Self {
        RecordPageSpec {
            parent: Some(parent),
            ..self
        }
    }

    /// "Back" goes to the record's owner instead of the list.
    pub fn back_to(self, back: BackTo<T>) -> Self {
        RecordPageSpec {
            back: Some(back),
            ..self
        }
    }
}

/// "Back" to the page of the record's owner: `<path>/<owner id>`, labelled `label`.
#[derive(Clone, Copy)]
pub struct BackTo<T: Text> {
    pub path: &'static str,
    pub label: T,
    pub owner: fn(&Dataset, RecordId) -> Option<RecordId>,
}

/// `<list>/new[?<parent>=<id>]` or `<list>/<id>`: a title, the way back to the list, and
/// `form(session)`. A new record starts as `blank(ds, meta, parent)` once the store is read:
/// its choosers and defaults (the city's budget year, the year's parameters) come from it.
pub fn record_page<F: RecordForm, T: Text>(
    spec: RecordPageSpec<T>,
    blank: impl Fn(&Dataset, RecordMeta, Option<RecordId>) -> F::Record + Copy + Send + Sync + 'static,
    form: impl Fn(EditSession<F>) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    F::Record: Send + Sync,
{
    let app = use_app();
    let editor = move |target: Target, parent: Option<RecordId>| {
        form(use_edit_session(target, move |id| {
            app.dataset
                .with_untracked(|ds| blank(ds, blank_meta(app, id), parent))
        }))
    };
    let id = param_id();
    let parent = query_id(spec.parent.unwrap_or("parent"));
    // Its own closure, so the data arriving or changing redraws the link, not the form.
    let back = move || {
        let owner = spec.back.and_then(|b| {
            let owner = match id.get().as_deref() {
                Some("new") => spec.parent.and(parent.get()),
                Some(raw) => uuid::Uuid::parse_str(raw)
                    .ok()
                    .and_then(|rid| app.dataset.with(|ds| (b.owner)(ds, rid))),
                None => None,
            };
            owner.map(|o| (format!("{}/{o}", b.path), b.label))
        });
        match owner {
            Some((href, label)) => {
                view! { <A href=href attr:data-testid="back-to-owner">"← " {tr(label)}</A> }
                    .into_any()
            }
            None => view! { <A href=spec.list>"← " {tr(ScreenText::BackToList)}</A> }.into_any(),
        }
    };
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
                Ok(rid) => when_found::<F::Record>(rid, move || {
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
            <section class="page" data-testid=format!("{}-page", spec.slot)>
                <p>{back}</p>
                {body}
            </section>
        }
    }
}
