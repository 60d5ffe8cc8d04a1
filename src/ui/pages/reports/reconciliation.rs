//! Stated totals beside the computed ones, with the difference: neither is ever hidden or
//! "fixed" (the North's 6,600,000 stated against 6,410,000 computed, +190,000).

use leptos::prelude::*;

use crate::domain::reports::{Quantity, Reconciliation, ReconciliationRow};
use crate::ui::i18n::{tr, use_i18n, Lang};

use super::text::ReportText as T;
use crate::ui::fmt;
use crate::ui::table::{Col, ReportTable};

#[component]
pub fn ReconciliationPanel(
    /// Every stated total of the scope, set beside the records.
    #[prop(into)]
    recs: Signal<Vec<Reconciliation>>,
) -> impl IntoView {
    view! {
        <section class="panel reconciliation" aria-labelledby="recon-title" data-testid="reconciliation">
            <h2 id="recon-title">{tr(T::ReconTitle)}</h2>
            <p class="muted">{tr(T::ReconIntro)}</p>
            <Show
                when=move || !recs.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">{tr(T::NoStatedTotals)}</p> }
            >
                <For each=move || recs.get() key=|r| r.stated_total_id let:rec>
                    <ReconciliationTable rec/>
                </For>
            </Show>
        </section>
    }
}

/// One stated total: three rows (cities, provinces, amount).
#[component]
pub fn ReconciliationTable(
    /// The stated total and its computed figures.
    rec: Reconciliation,
) -> impl IntoView {
    let i18n = use_i18n();
    let source = rec.source.clone();
    let rows = rec.rows.clone();
    let caption = view! {
        <span class="strong" lang=fmt::text_lang(&rec.label)>{rec.label.clone()}</span>
        {(!source.trim().is_empty())
            .then(|| {
                view! {
                    <span class="sub">
                        {tr(T::Source)} ": "
                        <span lang=fmt::text_lang(&source)>{source.clone()}</span>
                    </span>
                }
            })}
    }
    .into_any();
    view! {
        <ReportTable caption=caption cols=vec![
            Col::text(T::ColFigure), Col::num(T::ColStated), Col::num(T::ColComputed), Col::num(T::ColDifference),
        ]>
            {rows.into_iter().map(|row| view! { <Row row i18n_lang=i18n.lang/> }).collect_view()}
        </ReportTable>
    }
}

fn quantity(q: Quantity) -> String {
    match q {
        Quantity::Count(n) => fmt::count(n),
        Quantity::Amount(b) => fmt::money(b),
    }
}

fn signed(q: Quantity) -> String {
    match q {
        Quantity::Count(n) => fmt::signed_count(n),
        Quantity::Amount(b) => fmt::signed_money(b),
    }
}

#[component]
fn Row(
    /// One figure: stated, computed, difference.
    row: ReconciliationRow,
    /// The page language (labels come from the domain in both languages).
    i18n_lang: RwSignal<Lang>,
) -> impl IntoView {
    let figure = row.figure;
    let label = move || match i18n_lang.get() {
        Lang::Th => figure.label_th(),
        Lang::En => figure.label_en(),
    };
    let agrees = row.agrees();
    let state_class = match agrees {
        Some(true) => "agrees",
        Some(false) => "differs",
        None => "",
    };
    let stated = row.stated.map(quantity);
    let difference = row.difference.map(signed);
    view! {
        <tr class=state_class data-figure=format!("{figure:?}").to_lowercase()>
            <th scope="row">{label}</th>
            <td class="num" data-col="stated">
                {match stated {
                    Some(s) => s.into_any(),
                    None => view! { <span class="muted">{tr(T::NotStated)}</span> }.into_any(),
                }}
            </td>
            <td class="num" data-col="computed">{quantity(row.computed)}</td>
            <td class="num" data-col="difference">
                {difference.unwrap_or_else(|| "–".to_owned())}
                {agrees
                    .map(|ok| {
                        view! {
                            <span class="badge">{tr(if ok { T::Agrees } else { T::Differs })}</span>
                        }
                    })}
            </td>
        </tr>
    }
}
