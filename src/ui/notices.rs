//! Messages to the person: storage failures, a waiting update, and dismissible notices.

use leptos::prelude::*;

use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::state::{use_app, StoreStatus};
use crate::ui::sw;

#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let store_failure = move || match app.store_status.get() {
        StoreStatus::Failed(e) => Some(e),
        _ => None,
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || store_failure().map(|e| {
                let detail = e.detail().map(str::to_string);
                view! {
                    <div class="notice notice-error" role="alert" data-testid="storage-error">
                        <p>{move || i18n.t(e.msg())}</p>
                        {detail.map(|d| view! { <p class="detail">{d}</p> })}
                        <button on:click=move |_| sw::reload()>{tr(Msg::Reload)}</button>
                    </div>
                }
            })}
            <Show when=move || app.update_ready.get()>
                <div class="notice notice-update" role="status" data-testid="update-ready">
                    <p>{tr(Msg::UpdateAvailable)}</p>
                    <button on:click=move |_| sw::activate_update()>{tr(Msg::Reload)}</button>
                </div>
            </Show>
            <For each=move || app.notices.get() key=|n| n.id let:n>
                <div class="notice notice-error" role="alert">
                    <p>{move || i18n.t(n.msg)}</p>
                    {n.detail.clone().map(|d| view! { <p class="detail">{d}</p> })}
                    <button class="secondary" on:click=move |_| app.dismiss(n.id)>{tr(Msg::Dismiss)}</button>
                </div>
            </For>
        </div>
    }
}
