//! Projects by status (a table) and by category (a chart and a table).

use leptos::prelude::*;

use crate::domain::reports::{CategoryRow, StatusRow};
use crate::ui::charts::CategoryChart;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::table::{Col, ReportTable};

use super::text::ReportText as T;
use crate::ui::fmt;

#[component]
pub fn StatusTable(
    /// One row per status, zeros included.
    #[prop(into)]
    rows: Signal<Vec<StatusRow>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="status-title">
            <h2 id="status-title">{tr(T::ByStatusTitle)}</h2>
            <ReportTable testid="by-status" cols=vec![
                Col::text(T::ColStatus), Col::num(T::ColCount), Col::num(T::ColRequested), Col::num(T::ColApproved),
            ]>
                <For each=move || rows.get() key=|r| (r.status, r.count, r.requested, r.approved) let:r>
                    <tr class:zero=r.count == 0>
                        <th scope="row">{move || fmt::label(i18n.lang.get(), &r.status)}</th>
                        <td class="num">{r.count}</td>
                        <td class="num">{fmt::money(r.requested)}</td>
                        <td class="num">{fmt::money(r.approved)}</td>
                    </tr>
                </For>
            </ReportTable>
        </section>
    }
}

#[component]
pub fn CategoryPanel(
    /// One row per category, zeros included.
    #[prop(into)]
    rows: Signal<Vec<CategoryRow>>,
    /// Leave the table out (the drill-down shows the chart only).
    #[prop(optional)]
    chart_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let none = move || rows.with(|rs| rs.iter().all(|r| r.count == 0));
    view! {
        <section class="panel" aria-labelledby="category-title">
            <h2 id="category-title">{tr(T::ByCategoryTitle)}</h2>
            <Show when=none>
                <p class="muted" data-testid="no-projects">{tr(T::NoProjects)}</p>
            </Show>
            <Show when=move || !none()>
                <CategoryChart rows/>
            </Show>
            <Show when=move || !chart_only>
                <ReportTable testid="by-category" cols=vec![
                    Col::text(T::ColCategory), Col::num(T::ColCount), Col::num(T::ColRequested), Col::num(T::ColCommitted),
                ]>
                    <For each=move || rows.get() key=|r| (r.category, r.count, r.requested, r.committed) let:r>
                        <tr class:zero=r.count == 0>
                            <th scope="row">{move || fmt::label(i18n.lang.get(), &r.category)}</th>
                            <td class="num">{r.count}</td>
                            <td class="num">{fmt::money(r.requested)}</td>
                            <td class="num">{fmt::money(r.committed)}</td>
                        </tr>
                    </For>
                </ReportTable>
            </Show>
        </section>
    }
}
