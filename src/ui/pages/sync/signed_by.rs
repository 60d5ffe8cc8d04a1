//! The "signed by" line and the signature warning of a verified file (wording: the domain's
//! `sync::trust_text`).

use crate::domain::lang::Lang;
use crate::domain::sync::Trust;

/// Who signed a file, as shown in its row.
#[derive(Clone)]
pub struct SignedBy(pub Trust);

impl SignedBy {
    pub fn text(&self, lang: Lang) -> String {
        self.0.shown(lang)
    }
}

/// The warning to show before saving, in Thai and English, if any.
pub fn warning(trust: &Trust, office: &str) -> Option<(String, String)> {
    trust.warning(office)
}

/// This device's code (its key's fingerprint), for telling another office by phone which
/// device signs this office's bundles. Reading it makes the key on first use.
#[leptos::component]
pub fn DeviceCode() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let code = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        if let Ok(key) = crate::sync::signing::device_public_key().await {
            code.set(Some(crate::domain::sync::signature::fingerprint(&key)));
        }
    });
    move || {
        code.get().map(|c| {
            view! {
                <p class="muted" data-testid="device-code">
                    {crate::ui::i18n::tr(super::text::SyncText::ThisDevice)} ": " <strong>{c}</strong>
                </p>
            }
        })
    }
}
