//! What surrounds every record's form: the conflict banner and draft notice above, the
//! findings beside it, and the audit trail below once the record is stored.

use leptos::prelude::*;

use crate::domain::forms::form::RecordForm;
use crate::domain::records::Record;
use crate::ui::edit::{changed_at, AuditTrail, ConflictBanner, DraftNotice, EditSession};
use crate::ui::findings_panel::FindingsPanel;

/// The frame of one editor; `children` is the form.
#[component]
pub fn EditorFrame<F: RecordForm>(
    /// The session edited.
    session: EditSession<F>,
    /// `data-testid` of the editor, e.g. "committee-editor".
    testid: &'static str,
    /// Shown between the form and the audit trail (a committee's meetings).
    #[prop(optional)]
    below: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    let s = session;
    let kind = <F::Record as Record>::KIND;
    view! {
        <div class="editor" data-testid=testid>
            <ConflictBanner when=s.conflict/>
            <DraftNotice session=s/>
            <div class="editor-grid">
                {children()}
                <FindingsPanel findings=s.findings record=s.id/>
            </div>
            {below}
            <Show when=move || s.stored.get()>
                <AuditTrail kind=kind id=s.id changed=changed_at(s)/>
            </Show>
        </div>
    }
}
