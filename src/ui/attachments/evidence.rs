//! The city sheet's evidence: every file attached to the city's records, with the record
//! it belongs to, its size, and whether this device holds it (a bundle may have come
//! without its files).

use leptos::prelude::*;

use super::AttachText;
use crate::domain::file_size::size_text;
use crate::domain::meta::RecordId;
use crate::domain::views::evidence::evidence_of_city;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

#[component]
pub fn CityEvidence(city: RecordId) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = app.dataset.with_untracked(|ds| evidence_of_city(ds, city));
    view! {
        <h2>{tr(AttachText::Title)}</h2>
        {if rows.is_empty() {
            view! { <p class="muted">{tr(AttachText::None)}</p> }.into_any()
        } else {
            view! {
                <table class="sheet-table" data-testid="city-evidence">
                    <thead><tr>
                        <th scope="col">{tr(AttachText::Record)}</th>
                        <th scope="col">{tr(AttachText::FileName)}</th>
                        <th scope="col" class="num">{tr(AttachText::Size)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|e| {
                            let (th, en) = e.record.clone();
                            view! {
                                <tr>
                                    <td>{move || i18n.pick(&th, &en).to_string()}</td>
                                    <td lang=crate::ui::fmt::text_lang(&e.file.file_name)>{e.file.file_name.clone()}</td>
                                    <td class="num">{size_text(e.file.size)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
