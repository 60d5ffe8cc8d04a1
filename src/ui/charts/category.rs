//! Projects by category: for each category a bar of how many projects and one of how much
//! money they commit, each a share of the largest (`BarScale`).

use leptos::prelude::*;

use crate::domain::reports::{category_scales, CategoryRow};
use crate::ui::fmt;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::pages::reports::text::ReportText as T;

#[component]
pub fn CategoryChart(
    /// The dashboard's rows, one per category (zeros included).
    #[prop(into)]
    rows: Signal<Vec<CategoryRow>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drawn = Memo::new(move |_| {
        rows.with(|rows| {
            let (counts, money) = category_scales(rows);
            rows.iter()
                .map(|r| {
                    (
                        r.clone(),
                        super::drawn(counts.count(r.count)),
                        super::drawn(money.amount(r.committed)),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ul class="category-chart" data-testid="category-chart">
            <For each=move || drawn.get() key=|(r, c, m)| (r.category, r.count, c.to_bits(), m.to_bits()) let:item>
                {
                    let (row, count_share, money_share) = item;
                    let label = Signal::derive(move || {
                        let lang = i18n.lang.get();
                        format!(
                            "{}: {} {} {}, {} {} {}",
                            fmt::label(lang, &row.category),
                            i18n.t(T::ChartCount),
                            row.count,
                            i18n.t(T::Projects),
                            i18n.t(T::ChartCommitted),
                            fmt::money(row.committed),
                            i18n.t(T::Baht),
                        )
                    });
                    let category = row.category;
                    view! {
                        <li>
                            <span class="category-name">
                                {move || fmt::label(i18n.lang.get(), &category)}
                            </span>
                            <svg class="category-bar" role="img" aria-label=label width="100%" height="30" focusable="false">
                                <title>{label}</title>
                                <rect class="bar-track" x="0" y="0" width="100%" height="30" rx="4"></rect>
                                <rect class="bar-count" x="0" y="3" width=fmt::percent(count_share) height="11"></rect>
                                <rect class="bar-committed" x="0" y="16" width=fmt::percent(money_share) height="11"></rect>
                            </svg>
                            <span class="category-figures">
                                {row.count} " · " {fmt::money(row.committed)}
                            </span>
                        </li>
                    }
                }
            </For>
        </ul>
        <ul class="bar-legend" aria-label=tr(T::Legend)>
            <li><span class="swatch bar-count" aria-hidden="true"></span>{tr(T::ChartCount)}</li>
            <li><span class="swatch bar-committed" aria-hidden="true"></span>{tr(T::ChartCommitted)} " (" {tr(T::Baht)} ")"</li>
        </ul>
    }
}
