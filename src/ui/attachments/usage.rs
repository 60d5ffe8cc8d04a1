//! What attachments take on this device, for Settings.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::records::attachment::usage_text;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

#[component]
pub fn AttachmentUsage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let usage = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(store) = app.store.get() {
            spawn_local(async move {
                if let Ok(u) = store.blob_usage().await {
                    let _ = usage.try_set(Some(u));
                }
            });
        }
    });
    move || {
        usage.get().map(|u: crate::storage::BlobUsage| {
            let text = move || i18n.lang.get().pick(usage_text(u.files, u.bytes));
            view! { <p data-testid="attachment-usage">{text}</p> }
        })
    }
}
