//! The report's choices: fiscal year (BE), region, and the "as of" date that decides what
//! is overdue. Changing one rewrites the address (see `query.rs`).

use leptos::prelude::*;

use crate::domain::dates::{parse_date, FiscalYear};
use crate::domain::records::Region;
use crate::domain::reports::fiscal_years;
use crate::domain::sorting::SortSmall;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

use super::query::{region_key, today, use_report_choice};
use super::text::ReportText as T;
use crate::ui::fmt;

#[component]
pub fn ScopeBar(
    /// Offer the region choice; a region's or province's own page fixes the region.
    #[prop(optional)]
    with_region: bool,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let choice = use_report_choice();
    // The chosen year is offered even when no record has it, so the select never lies.
    let years = Memo::new(move |_| {
        let mut ys = app.dataset.with(fiscal_years);
        let chosen = choice.fy.get();
        if !ys.contains(&chosen) {
            ys.push(chosen);
            ys.sort_by_small(|a, b| b.cmp(a));
        }
        ys
    });
    let regions = Memo::new(move |_| {
        app.dataset.with(|ds| {
            ds.live::<Region>()
                .map(|r| {
                    (
                        region_key(ds, r.meta.id),
                        r.meta.id,
                        r.name_th.clone(),
                        r.name_en.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let fy_label = move |fy: FiscalYear| match i18n.lang.get() {
        Lang::Th => fy.0.to_string(),
        Lang::En => fy.label_en(),
    };
    view! {
        <form class="scope-bar no-print" aria-label=tr(T::ScopeLabel) on:submit=|e| e.prevent_default()>
            <label class="field">
                <span class="label">{tr(T::FiscalYear)}</span>
                <select
                    data-testid="report-fy"
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                            choice.set_fy(FiscalYear(y));
                        }
                    }
                >
                    <For each=move || years.get() key=|fy| fy.0 let:fy>
                        <option value=fy.0.to_string() selected=move || choice.fy.get() == fy>
                            {move || fy_label(fy)}
                        </option>
                    </For>
                </select>
            </label>
            <Show when=move || with_region>
                <label class="field">
                    <span class="label">{tr(T::Region)}</span>
                    <select
                        data-testid="report-region"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            choice.set_region(if v.is_empty() { None } else { Some(v) });
                        }
                    >
                        <option value="" selected=move || choice.region.get().is_none()>
                            {tr(T::AllRegions)}
                        </option>
                        <For each=move || regions.get() key=|r| r.1 let:r>
                            {
                                let (key, id, th, en) = r;
                                view! {
                                    <option value=key selected=move || choice.region.get() == Some(id)>
                                        {move || i18n.pick(&th, &en).to_owned()}
                                    </option>
                                }
                            }
                        </For>
                    </select>
                </label>
            </Show>
            <AsOfField/>
        </form>
    }
}

/// The "as of" date, typed the way staff write dates (BE or CE, Thai digits too).
#[component]
fn AsOfField() -> impl IntoView {
    let i18n = use_i18n();
    let choice = use_report_choice();
    let error = RwSignal::new(None::<(String, String)>);
    let shown = move || fmt::date(i18n.lang.get(), choice.as_of.get());
    let on_change = move |ev| {
        let typed = event_target_value(&ev);
        if typed.trim().is_empty() {
            error.set(None);
            choice.set_as_of(None);
            return;
        }
        match parse_date(&typed) {
            Ok(d) => {
                error.set(None);
                choice.set_as_of(if d == today() { None } else { Some(d) });
            }
            Err(e) => error.set(Some((e.message_th(), e.message_en()))),
        }
    };
    view! {
        <div class="field as-of">
            <label class="label" for="report-as-of">{tr(T::AsOf)}</label>
            <div class="as-of-row">
                <input
                    id="report-as-of"
                    data-testid="report-as-of"
                    type="text"
                    inputmode="text"
                    autocomplete="off"
                    aria-describedby="report-as-of-hint"
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    prop:value=shown
                    on:change=on_change
                />
                <button
                    type="button"
                    class="secondary"
                    data-testid="report-as-of-today"
                    disabled=move || choice.as_of_param.get().is_none()
                    on:click=move |_| {
                        error.set(None);
                        choice.set_as_of(None);
                    }
                >
                    {tr(T::Today)}
                </button>
            </div>
            <span class="hint" id="report-as-of-hint">{tr(T::AsOfHint)}</span>
            {move || {
                error
                    .get()
                    .map(|(th, en)| {
                        view! {
                            <span class="field-error" role="alert">
                                {move || i18n.pick(&th, &en).to_owned()}
                            </span>
                        }
                    })
            }}
        </div>
    }
}
