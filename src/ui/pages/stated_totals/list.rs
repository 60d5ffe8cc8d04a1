//! `/stated-totals`: every stated total, newest year first.

use leptos::prelude::*;

use super::text::StatedText;
use crate::domain::records::StatedTotal;
use crate::domain::views::entry_lists::stated_total_rows;
use crate::ui::fmt::year_shown;
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, AddLink, Filters, ListPageSpec, RecordRow};

#[component]
pub fn StatedTotalsPage() -> impl IntoView {
    let texts = [StatedText::Title, StatedText::Intro, StatedText::NoTotals];
    let add = AddLink::new("/stated-totals/new", StatedText::Add, "add-stated-total");
    let spec = ListPageSpec::new("stated-totals-page", texts, add, Filters::NONE);
    // No filters are shown, so every total is listed whatever the empty filter says.
    list_page(
        spec,
        stated_total_rows,
        |s: &StatedTotal| (s.meta.id, s.meta.updated_at),
        row,
        None,
    )
}

/// One stated total.
fn row(s: StatedTotal) -> AnyView {
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    view! {
        <RecordRow href=format!("/stated-totals/{}", s.meta.id)>
            <span class="record-title" lang="th">{s.label.clone()}</span>
            <span class="record-sub">{move || year_shown(s.fiscal_year, thai())} " · " <span lang="th">{s.source.clone()}</span></span>
            <span class="record-figures">{s.amount.map(|a| view! { <span class="amount">{a.format()}</span> })}</span>
        </RecordRow>
    }
    .into_any()
}
