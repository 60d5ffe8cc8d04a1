//! Where an instalment's money goes: the city's receiving account, with the number masked
//! (`ReceivingAccount::masked_line`), since instalment screens are shown at meetings. The
//! whole number is only on the city's own form.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::InstalmentText;
use crate::domain::records::City;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

/// The receiving account of the city chosen in the form (`city_id` as typed).
#[component]
pub fn PaysInto(
    /// The city's id as the form holds it.
    #[prop(into)]
    city_id: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let city = Memo::new(move |_| uuid::Uuid::parse_str(&city_id.get()).ok());
    let line = Memo::new(move |_| {
        let id = city.get()?;
        app.dataset.with(|ds| {
            let c = ds.get::<City>(id).filter(|c| !c.meta.deleted)?;
            Some(
                c.account
                    .as_ref()
                    .filter(|a| a.is_complete())
                    .map(|a| a.masked_line()),
            )
        })
    });
    move || {
        line.get().map(|found| match found {
            Some((th, en)) => view! {
                <p class="pays-into" data-testid="pays-into">
                    {tr(InstalmentText::PaysInto)} ": "
                    <strong>{move || i18n.pick(&th, &en).to_string()}</strong>
                </p>
            }
            .into_any(),
            None => {
                let href = city
                    .get()
                    .map(|c| format!("/cities/{c}/edit"))
                    .unwrap_or_default();
                view! {
                    <p class="pays-into missing" data-testid="pays-into-missing">
                        {tr(InstalmentText::NoAccount)} " "
                        <A href=href>{tr(InstalmentText::AddAccount)}</A>
                    </p>
                }
                .into_any()
            }
        })
    }
}
