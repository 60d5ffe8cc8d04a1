//! `/findings?importance=error&rule=project.cap&city=<id>`.

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::text::FindingsText;
use crate::domain::dates::FiscalYear;
use crate::domain::editing::stored_or_shipped::with_reference;
use crate::domain::forms::form::enum_key;
use crate::domain::rules::{check, record_label, Finding};
use crate::domain::views::findings_list::{
    filter_findings, finding_link, importance_counts, rule_counts, FindingsQuery,
};
use crate::domain::views::paging::page;
use crate::ui::edit::today;
use crate::ui::fmt::number;
use crate::ui::forms::screens::{city_options, with_all, ScreenText};
use crate::ui::forms::{t, Bind, SelectField};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// Findings per page: enough to scan, few enough to render at once.
const PER_PAGE: usize = 50;

#[component]
pub fn FindingsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let initial = query.with_untracked(|q| {
        FindingsQuery::from_params(
            q.get("importance").as_deref(),
            q.get("rule").as_deref(),
            q.get("city").as_deref(),
        )
    });
    let importance = RwSignal::new(initial.importance.map(|i| enum_key(&i)).unwrap_or_default());
    let rule = RwSignal::new(
        initial
            .rule
            .map(|r| r.code().to_string())
            .unwrap_or_default(),
    );
    let city = RwSignal::new(initial.city.map(|c| c.to_string()).unwrap_or_default());
    let page_no = RwSignal::new(0usize);
    let q = Memo::new(move |_| {
        FindingsQuery::from_params(
            Some(&importance.get()),
            Some(&rule.get()),
            Some(&city.get()),
        )
    });
    // The address follows the filters, so a filtered list can be bookmarked or sent.
    Effect::new(move |first: Option<()>| {
        let params = q.with(FindingsQuery::to_params);
        page_no.set(0);
        if first.is_some() {
            navigate(
                &format!("/findings{params}"),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
    let all = Memo::new(move |_| app.dataset.with(|ds| check(&with_reference(ds), today())));
    let shown = Memo::new(move |_| {
        all.with(|f| {
            q.with(|q| {
                app.dataset.with(|ds| {
                    filter_findings(ds, f, q)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let importance_options = Signal::derive(move || {
        let thai = i18n.lang.get() == Lang::Th;
        let mut v = vec![(String::new(), i18n.t(ScreenText::All).to_string())];
        for (imp, n) in all.with(|f| importance_counts(f)) {
            let label = if thai { imp.label_th() } else { imp.label_en() };
            v.push((enum_key(&imp), format!("{label} ({n})")));
        }
        v
    });
    let rule_options = Signal::derive(move || {
        let thai = i18n.lang.get() == Lang::Th;
        let mut v = vec![(String::new(), i18n.t(ScreenText::All).to_string())];
        // The shares the descriptions quote are this fiscal year's.
        let params = app
            .dataset
            .with(|ds| ds.parameters_for(FiscalYear::containing(today())));
        for (r, n) in all.with(|f| rule_counts(f)) {
            let (th, en) = r.describe(&params);
            let d = if thai { th } else { en };
            v.push((r.code().to_string(), format!("{} — {d} ({n})", r.code())));
        }
        v
    });
    let pages = Memo::new(move |_| shown.with(|s| page(s, 0, PER_PAGE).1));
    let visible = Memo::new(move |_| shown.with(|s| page(s, page_no.get(), PER_PAGE).0.to_vec()));
    let clear = move |_| {
        importance.set(String::new());
        rule.set(String::new());
        city.set(String::new());
    };
    view! {
        <section class="page records-page findings-page" data-testid="findings-page">
            <h1>{tr(FindingsText::Title)}</h1>
            <p class="lead">{tr(FindingsText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-importance" label=t(FindingsText::Importance) value=Bind::signal(importance)
                    options=importance_options no_placeholder=true/>
                <SelectField field="filter-rule" label=t(FindingsText::Rule) value=Bind::signal(rule)
                    options=rule_options no_placeholder=true/>
                <SelectField field="filter-city" label=t(ScreenText::City) value=Bind::signal(city)
                    options=with_all(city_options()) no_placeholder=true/>
            </div>
            <p class="muted" role="status" data-testid="findings-count">
                {move || units::ITEMS_SHOWN.around(i18n.lang.get(), shown.with(Vec::len)).0} " "
                <span data-testid="shown-count">{move || number(shown.with(Vec::len))}</span> " "
                {move || units::ITEMS_SHOWN.around(i18n.lang.get(), shown.with(Vec::len)).1}
                " · " {tr(FindingsText::Summary)} " " {move || number(all.with(Vec::len))}
                " "
                <button type="button" class="link-button" on:click=clear>{tr(FindingsText::Clear)}</button>
            </p>
            <Show when=move || !shown.with(Vec::is_empty)
                fallback=move || view! {
                    <p class="empty" data-testid="findings-empty">
                        {move || if all.with(Vec::is_empty) { i18n.t(FindingsText::NoneAtAll) } else { i18n.t(FindingsText::None) }}
                    </p>
                }>
                <ul class="findings-list findings-page-list">
                    <For each=move || visible.get() key=|f| (f.rule, f.records.clone(), f.field.clone(), f.message_en.clone()) let:f>
                        <Row finding=f/>
                    </For>
                </ul>
                <Show when=move || { pages.get() > 1 }>
                    <nav class="pager" aria-label=move || i18n.t(FindingsText::Page)>
                        <button type="button" class="secondary" disabled=move || page_no.get() == 0
                            on:click=move |_| page_no.update(|p| *p = p.saturating_sub(1))>"‹ " {tr(FindingsText::Previous)}</button>
                        <span>{tr(FindingsText::Page)} " " {move || page_no.get().min(pages.get() - 1) + 1} " / " {move || pages.get()}</span>
                        <button type="button" class="secondary" disabled=move || page_no.get() + 1 >= pages.get()
                            on:click=move |_| page_no.update(|p| *p += 1)>{tr(FindingsText::Next)} " ›"</button>
                    </nav>
                </Show>
            </Show>
        </section>
    }
}

/// One finding: importance, rule code, message, the record it is about and its link.
#[component]
fn Row(
    /// The finding shown.
    finding: Finding,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let link = finding_link(&finding);
    let about = finding
        .records
        .first()
        .map(|r| app.dataset.with_untracked(|ds| record_label(ds, r)));
    let Finding {
        rule,
        importance,
        message_th,
        message_en,
        ..
    } = finding;
    view! {
        <li class=format!("finding finding-{} finding-row", importance.label_en()) data-rule=rule.code()>
            <span class=format!("importance-chip importance-{}", importance.label_en())>
                {move || if i18n.lang.get() == Lang::Th { importance.label_th() } else { importance.label_en() }}
            </span>
            " " <code class="rule-code">{rule.code()}</code>
            <p class="finding-message">{move || i18n.pick(&message_th, &message_en).to_string()}</p>
            <p class="finding-about">
                {about.map(|(th, en)| view! {
                    <span class="muted">{tr(FindingsText::Concerns)} " " {move || i18n.pick(&th, &en).to_string()}</span>
                })}
                " "
                {link.map(|href| view! { <A href=href attr:class="open-record">{tr(FindingsText::Open)} " →"</A> })}
            </p>
        </li>
    }
}
