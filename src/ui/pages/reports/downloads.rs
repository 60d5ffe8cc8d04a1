//! CSV downloads of every list and report of the scope, written by the domain's `to_csv`
//! (UTF-8 with BOM, plain numbers, formula guard) and handed to the browser as a Blob.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::export::{self, to_csv, Contacts, Table};
use crate::domain::records::Dataset;
use crate::domain::reports::{
    dashboard_from_findings, reconcile_all, Scope, DEFAULT_DUE_SOON_DAYS,
};
use crate::domain::rules::check_as_of;
use crate::ui::edit::today;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

use super::text::ReportText as T;

/// The lists offered, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Cities,
    Projects,
    Instalments,
    Grants,
    Members,
    Meetings,
    Mous,
    Findings,
    Dashboard,
    Reconciliation,
}

const LISTS: [List; 10] = [
    List::Cities,
    List::Projects,
    List::Instalments,
    List::Grants,
    List::Members,
    List::Meetings,
    List::Mous,
    List::Findings,
    List::Dashboard,
    List::Reconciliation,
];

impl List {
    fn label(self) -> T {
        match self {
            List::Cities => T::CsvCities,
            List::Projects => T::CsvProjects,
            List::Instalments => T::CsvInstalments,
            List::Grants => T::CsvGrants,
            List::Members => T::CsvMembers,
            List::Meetings => T::CsvMeetings,
            List::Mous => T::CsvMous,
            List::Findings => T::CsvFindings,
            List::Dashboard => T::CsvDashboard,
            List::Reconciliation => T::CsvReconciliation,
        }
    }

    /// The domain's table for this list (built only when asked for).
    fn table(self, ds: &Dataset, scope: Scope, as_of: NaiveDate, contacts: Contacts) -> Table {
        match self {
            List::Cities => export::cities(ds, scope),
            List::Projects => export::projects(ds, scope),
            List::Instalments => export::instalments(ds, scope),
            List::Grants => export::grants(ds, scope),
            List::Members => export::committee_members(ds, scope, contacts),
            List::Meetings => export::meetings(ds, scope),
            List::Mous => export::mous(ds, scope),
            List::Findings => export::findings(ds, &check_as_of(ds, as_of, today())),
            List::Dashboard => {
                let findings = check_as_of(ds, as_of, today());
                let d = dashboard_from_findings(ds, scope, as_of, DEFAULT_DUE_SOON_DAYS, &findings);
                export::dashboard_rows(&d)
            }
            List::Reconciliation => export::reconciliations(&reconcile_all(ds, scope)),
        }
    }
}

/// "mueang-cities-2561.csv": the kind of list and the BE fiscal year.
fn file_name(table: &Table, scope: Scope) -> String {
    format!("mueang-{}-{}.csv", table.name, scope.fiscal_year.0)
}

#[component]
pub fn CsvDownloads(
    /// The year and region the lists cover.
    #[prop(into)]
    scope: Signal<Scope>,
    /// The date findings and overdue rows are counted on.
    #[prop(into)]
    as_of: Signal<NaiveDate>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let contacts = RwSignal::new(false);
    let download = move |list: List| {
        let scope = scope.get_untracked();
        let contacts = if contacts.get_untracked() {
            Contacts::Include
        } else {
            Contacts::Omit
        };
        let table = app
            .dataset
            .with_untracked(|ds| list.table(ds, scope, as_of.get_untracked(), contacts));
        if let Err(e) = save_bytes(&to_csv(&table), &file_name(&table, scope)) {
            let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            let _ =
                window().alert_with_message(&format!("{}: {detail}", i18n.t(T::DownloadFailed)));
        }
    };
    view! {
        <section class="panel no-print" aria-labelledby="csv-title" data-testid="csv-downloads">
            <h2 id="csv-title">{tr(T::CsvTitle)}</h2>
            <p class="muted">{tr(T::CsvIntro)}</p>
            <ul class="downloads">
                {LISTS
                    .into_iter()
                    .map(|list| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="secondary"
                                    data-csv=format!("{list:?}").to_lowercase()
                                    on:click=move |_| download(list)
                                >
                                    {tr(list.label())}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <label class="choice contacts-choice">
                <input
                    type="checkbox"
                    data-testid="csv-contacts"
                    prop:checked=move || contacts.get()
                    on:change=move |ev| contacts.set(event_target_checked(&ev))
                />
                <span>
                    <span class="strong">{tr(T::IncludeContacts)}</span>
                    <span class="hint block">{tr(T::IncludeContactsHint)}</span>
                </span>
            </label>
        </section>
    }
}

/// Hands `bytes` to the browser as a file download named `name`.
pub(crate) fn save_bytes(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    let body = doc
        .body()
        .ok_or_else(|| JsValue::from_str("no document body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // The browser reads the Blob after this handler returns; release it a moment later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
