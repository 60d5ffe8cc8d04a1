//! The parts every record form shares: the restored-draft notice, and the bar with Save,
//! Delete (with a confirmation step) and the saved/unsaved state.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::session::EditSession;
use super::text::EditText;
use crate::domain::forms::form::RecordForm;
use crate::domain::records::Record;
use crate::ui::i18n::tr;

/// "Restored an unsaved draft" with a Discard button, while the session says so.
#[component]
pub fn DraftNotice<F: RecordForm>(
    /// The session whose draft was restored.
    session: EditSession<F>,
) -> impl IntoView {
    view! {
        <Show when=move || session.restored.get() && session.dirty.get()>
            <div class="notice notice-draft" role="status" data-testid="draft-restored">
                <p>{tr(EditText::DraftRestored)}</p>
                <button type="button" class="secondary" data-testid="discard-draft"
                    on:click=move |_| session.discard_draft()>{tr(EditText::DiscardDraft)}</button>
            </div>
        </Show>
    }
}

/// Save and Delete. `name` names the record in toasts; `on_saved` runs after a save
/// (e.g. to move from "/projects/new" to the record's page), `on_deleted` after a delete.
#[component]
pub fn EditActions<F: RecordForm>(
    /// The session saved or deleted.
    session: EditSession<F>,
    /// The record's name for toasts ("ซ่อมบ้าน").
    #[prop(into)]
    name: Signal<String>,
    /// After a successful save, with the saved record.
    #[prop(optional)]
    on_saved: Option<Callback<F::Record>>,
    /// After a successful delete.
    #[prop(optional)]
    on_deleted: Option<Callback<()>>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let save = move |_| {
        spawn_local(async move {
            if let Some(r) = session.save(name.get_untracked()).await {
                if let Some(cb) = on_saved {
                    cb.run(r);
                }
            }
        });
    };
    let delete = move |_| {
        confirming.set(false);
        spawn_local(async move {
            if session.delete(name.get_untracked()).await {
                if let Some(cb) = on_deleted {
                    cb.run(());
                }
            }
        });
    };
    let can_delete = move || session.stored.get() && !session.deleted.get();
    view! {
        <div class="edit-actions">
            <button type="button" class="save" data-testid="save"
                disabled=move || session.busy.get() || session.conflict.get()
                on:click=save>
                {move || if session.busy.get() { tr(EditText::Saving)() } else { tr(EditText::Save)() }}
            </button>
            <span class="save-state" data-testid="save-state">
                {move || if session.dirty.get() { tr(EditText::Unsaved)() } else if session.stored.get() { tr(EditText::AllSaved)() } else { "" }}
            </span>
            <Show when=can_delete>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="danger-outline" data-testid="delete"
                        on:click=move |_| confirming.set(true)>{tr(EditText::Delete)}</button>
                }>
                    <span class="confirm" role="group">
                        <span>{tr(EditText::ConfirmDelete)}</span>
                        <button type="button" class="danger" data-testid="confirm-delete" on:click=delete>
                            {tr(EditText::ConfirmDeleteYes)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                            {tr(EditText::Cancel)}
                        </button>
                    </span>
                </Show>
            </Show>
        </div>
    }
}

/// The record's `updated_at` as a signal, for [`super::AuditTrail`]'s `changed`.
pub fn changed_at<F: RecordForm>(
    session: EditSession<F>,
) -> Signal<Option<chrono::DateTime<chrono::Utc>>> {
    Signal::derive(move || {
        session
            .stored
            .get()
            .then(|| session.base.with(|b| b.meta().updated_at))
    })
}
