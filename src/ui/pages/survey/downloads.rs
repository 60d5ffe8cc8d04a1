//! The survey as CSV: communities, and households without or — only on the button that
//! says so — with names, phones and surveyors (PDPA).

use leptos::prelude::*;

use crate::domain::export::{self, to_csv, Contacts};
use crate::domain::meta::RecordId;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::reports::downloads::save_bytes;
use crate::ui::state::use_app;

use super::text::SurveyText as T;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum File {
    Communities,
    Households,
    HouseholdsPersonal,
}

#[component]
pub fn SurveyDownloads(
    /// Only this city's survey; everything when `None`.
    city: Option<RecordId>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let download = move |file: File| {
        let table = app.dataset.with_untracked(|ds| match file {
            File::Communities => export::communities(ds, city),
            File::Households => export::households(ds, city, Contacts::Omit),
            File::HouseholdsPersonal => export::households(ds, city, Contacts::Include),
        });
        let personal = if file == File::HouseholdsPersonal {
            "-personal"
        } else {
            ""
        };
        let scope = city
            .map(|c| format!("-{}", &c.to_string()[..8]))
            .unwrap_or_default();
        let name = format!("mueang-survey-{}{scope}{personal}.csv", table.name);
        if let Err(e) = save_bytes(&to_csv(&table), &name) {
            let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            let _ =
                window().alert_with_message(&format!("{}: {detail}", i18n.t(T::DownloadFailed)));
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="survey-csv" data-testid="survey-downloads">
            <h2 id="survey-csv">{tr(T::CsvTitle)}</h2>
            <p class="muted">{tr(T::CsvIntro)}</p>
            <ul class="downloads">
                <li><button type="button" class="secondary" data-csv="communities" on:click=move |_| download(File::Communities)>{tr(T::CsvCommunities)}</button></li>
                <li><button type="button" class="secondary" data-csv="households" on:click=move |_| download(File::Households)>{tr(T::CsvHouseholds)}</button></li>
                <li><button type="button" class="secondary" data-csv="households-personal" on:click=move |_| download(File::HouseholdsPersonal)>{tr(T::CsvHouseholdsPersonal)}</button></li>
            </ul>
            <p class="hint">{tr(T::PersonalWarning)}</p>
        </section>
    }
}
