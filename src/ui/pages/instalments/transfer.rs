//! "Record the transfer": the one step on this screen that commits money, so it goes
//! through the rules' gate (`money_forms::transfer_blockers`, i.e. `rules::blocking_transfer`
//! on the instalment as typed). While errors remain, the button is off and the reasons are
//! listed with their rule codes; a plain Save never sets the transfer date.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::text::InstalmentText;
use crate::domain::dates::parse_date;
use crate::domain::forms::form::date_text;
use crate::domain::forms::money_forms::{transfer_blockers, InstalmentForm};
use crate::ui::edit::{today, EditSession};
use crate::ui::fmt::date_shown;
use crate::ui::forms::{t, Bind, DateField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// The transfer panel of an instalment.
#[component]
pub fn TransferPanel(
    /// The instalment's session.
    s: EditSession<InstalmentForm>,
    /// The record's name for the "saved" toast.
    name: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let on = RwSignal::new(date_text(Some(today())));
    let done = Memo::new(move |_| s.base.with(|b| b.actual_date));
    let blockers = Memo::new(move |_| {
        let Ok(day) = parse_date(&on.get()) else {
            return Vec::new();
        };
        let record = s.built.with(|b| b.record.clone());
        app.dataset
            .with(|ds| transfer_blockers(ds, &record, day, today()))
    });
    let date_ok = move || parse_date(&on.get()).is_ok();
    let can =
        move || date_ok() && blockers.with(Vec::is_empty) && !s.busy.get() && !s.conflict.get();
    let navigate = StoredValue::new_local(use_navigate());
    let id = s.id;
    let record = move |text: String| {
        spawn_local(async move {
            let before = s.form.with_untracked(|f| f.actual_date.clone());
            s.form.update(|f| f.actual_date = text);
            if s.save(name.get_untracked()).await.is_none() {
                s.form.update(|f| f.actual_date = before);
            } else {
                // A new instalment saved by its transfer moves to its own address.
                navigate.with_value(|n| n(&format!("/instalments/{id}"), Default::default()));
            }
        });
    };
    view! {
        <fieldset class="panel transfer" data-testid="transfer">
            <legend>{tr(InstalmentText::Transfer)}</legend>
            {move || match done.get() {
                Some(d) => view! {
                    <p class="transferred" data-testid="transferred-on">
                        "✓ " {tr(InstalmentText::TransferredOn)} " "
                        <strong>{move || date_shown(Some(d), i18n.lang.get() == Lang::Th)}</strong>
                    </p>
                    <button type="button" class="secondary" data-testid="cancel-transfer"
                        on:click=move |_| record(String::new())>{tr(InstalmentText::CancelTransfer)}</button>
                }.into_any(),
                None => view! {
                    <DateField field="actual_date" label=t(InstalmentText::TransferDate) today=today()
                        value=Bind::signal(on)/>
                    <Show when=move || !blockers.with(Vec::is_empty)
                        fallback=move || view! {
                            <Show when=date_ok>
                                <p class="gate-ok" data-testid="transfer-ok">"✓ " {tr(InstalmentText::ReadyToTransfer)}</p>
                            </Show>
                        }>
                        <div class="gate-blocked" role="alert" data-testid="transfer-blocked">
                            <p><strong>{tr(InstalmentText::Blocked)}</strong></p>
                            <ul>
                                <For each=move || blockers.get() key=|f| (f.rule, f.field.clone(), f.message_en.clone()) let:f>
                                    <li data-rule=f.rule.code()>
                                        <code class="rule-code">{f.rule.code()}</code> " "
                                        {move || i18n.pick(&f.message_th, &f.message_en).to_string()}
                                    </li>
                                </For>
                            </ul>
                        </div>
                    </Show>
                    <button type="button" class="save" data-testid="record-transfer" disabled=move || !can()
                        on:click=move |_| record(on.get_untracked())>
                        {tr(InstalmentText::RecordTransfer)}
                    </button>
                }.into_any(),
            }}
        </fieldset>
    }
}
