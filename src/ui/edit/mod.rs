//! The editing machinery every record screen uses:
//!
//! - [`use_edit_session`] — a record being edited: draft-backed form, the record it
//!   builds, live findings, conflict/deleted state, `save` and `delete`.
//! - [`save::save`], [`save::delete`] — one transaction each (record + audit entry +
//!   missing reference data) through `AppState::apply`, with "Saved/Deleted — Undo" toasts.
//! - [`AuditTrail`], [`ConflictBanner`], [`DraftNotice`], [`EditActions`] — the shared parts
//!   of a record page; [`ToastRegion`] and [`provide_edit`] go in the app shell once.
//! - [`LoadExample`] — the overview's "load example data".
//!
//! A record screen, in short:
//!
//! ```ignore
//! let s = use_edit_session::<CityForm>(Target::Existing(id), |id| new_city(meta(id), fy));
//! view! {
//!     <ConflictBanner when=s.conflict/>
//!     <DraftNotice session=s/>
//!     <TextField field="name_th" label=t(CityText::NameTh) value=bind!(s.form, name_th) marks=s.marks("name_th")/>
//!     <EditActions session=s name=move || s.form.with(|f| f.name_th.clone())/>
//!     <FindingsPanel findings=s.findings record=s.id/>
//!     <AuditTrail kind=RecordKind::City id=s.id changed=changed_at(s)/>
//! }
//! ```

mod actions;
mod audit_trail;
mod conflict;
pub mod draft;
mod load_example;
pub mod record_page;
pub mod save;
mod session;
pub mod text;
mod toast;

pub use actions::{changed_at, DraftNotice, EditActions};
pub use audit_trail::AuditTrail;
pub use conflict::ConflictBanner;
pub use load_example::LoadExample;
pub use session::{focus, use_edit_session, EditSession, Target};
pub use text::EditText;
pub use toast::{provide_edit, use_toasts, ToastRegion, Toasts};

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::domain::meta::{Editor, RecordMeta};
use crate::storage::Settings;
use crate::ui::state::{use_app, AppState};

/// What saving needs, taken from context once while a component is set up (async code
/// after an `await` has no reactive owner to look context up in).
#[derive(Clone, Copy)]
pub struct Editing {
    pub app: AppState,
    pub toasts: Toasts,
}

pub fn use_editing() -> Editing {
    Editing {
        app: use_app(),
        toasts: use_toasts(),
    }
}

/// Who is editing, from settings: the office id and name, and the person.
pub fn editor(app: AppState) -> Editor {
    app.settings.with_untracked(Settings::editor)
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today on this device's calendar (the office's local date, not UTC's).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| Utc::now().date_naive())
}

/// Metadata for a blank new record (restamped when it is first saved).
pub fn blank_meta(app: AppState, id: crate::domain::meta::RecordId) -> RecordMeta {
    RecordMeta::new(id, &editor(app), now())
}
