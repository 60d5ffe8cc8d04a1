//! What surrounds every record's form: the conflict banner and draft notice above, the
//! findings beside it, and the audit trail below once the record is stored. The form
//! itself never submits: its buttons save through the session.

use leptos::prelude::*;

use crate::domain::forms::form::RecordForm;
use crate::domain::records::Record;
use crate::ui::edit::{changed_at, AuditTrail, ConflictBanner, DraftNotice, EditSession};
use crate::ui::findings_panel::FindingsPanel;

/// The frame of one editor; `children` are the form's fields and buttons.
#[component]
pub fn EditorFrame<F: RecordForm>(
    /// The session edited.
    session: EditSession<F>,
    /// `data-testid` of the editor, e.g. "committee-editor".
    testid: &'static str,
    /// Shown between the form and the audit trail (a committee's meetings).
    #[prop(optional)]
    below: Option<AnyView>,
    /// The form's class ("record-form panel" for a form that is one panel).
    #[prop(default = "record-form")]
    form_class: &'static str,
    children: Children,
) -> impl IntoView {
    let s = session;
    let kind = <F::Record as Record>::KIND;
    view! {
        <div class="editor" data-testid=testid>
            <ConflictBanner when=s.conflict/>
            <DraftNotice session=s/>
            <div class="editor-grid">
                <form class=form_class on:submit=|ev| ev.prevent_default()>
                    {children()}
                </form>
                <FindingsPanel findings=s.findings record=s.id/>
            </div>
            {below}
            <Show when=move || s.stored.get()>
                <AuditTrail kind=kind id=s.id changed=changed_at(s)/>
            </Show>
        </div>
    }
}
