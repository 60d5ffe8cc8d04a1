//! Where an editor goes after its buttons, the same for every record kind: after a save
//! to the record's own page (a new record's address becomes `<list>/<id>`), after a
//! delete back to the list.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::forms::form::RecordForm;
use crate::domain::meta::RecordId;
use crate::ui::edit::{EditActions, EditSession};

/// What happens after a save and after a delete.
pub struct EditorNav<R: 'static> {
    pub on_saved: Callback<R>,
    pub on_deleted: Callback<()>,
}

/// Navigation for the editor of record `id`: its page is `<pages>/<id>`, its list `list`
/// (the same for most kinds; grants of both kinds share `/grants`).
pub fn editor_nav<R: 'static>(
    pages: &'static str,
    list: &'static str,
    id: RecordId,
) -> EditorNav<R> {
    let to_record = use_navigate();
    let to_list = use_navigate();
    EditorNav {
        on_saved: Callback::new(move |_| to_record(&format!("{pages}/{id}"), Default::default())),
        on_deleted: Callback::new(move |_| to_list(list, Default::default())),
    }
}

/// The save/delete/undo buttons in the panel that stays in view, going on with
/// [`editor_nav`].
#[component]
pub fn EditorActions<F: RecordForm>(
    /// The session saved or deleted.
    session: EditSession<F>,
    /// The record's name for toasts.
    name: Signal<String>,
    /// The record kind's list, e.g. `/committees`.
    list: &'static str,
) -> impl IntoView {
    let nav = editor_nav::<F::Record>(list, list, session.id);
    view! {
        <div class="panel sticky-actions">
            <EditActions session name=name on_saved=nav.on_saved on_deleted=nav.on_deleted/>
        </div>
    }
}
