//! The findings about one record, beside its form: grouped by importance, each with its
//! rule code and message in the interface language, and a link to the field it concerns.

use leptos::prelude::*;

use crate::domain::meta::RecordId;
use crate::domain::rules::{Finding, Importance};
use crate::ui::forms::{field_dom_id, FormText};
use crate::ui::i18n::{tr, use_i18n};

const GROUPS: [Importance; 3] = [Importance::Error, Importance::Warning, Importance::Info];

/// The panel. Findings that name a field of `record` link to it (`#f-<field>`); following
/// the link focuses the input, so a person can correct it at once.
#[component]
pub fn FindingsPanel(
    /// The findings to show (usually the live findings of an edit session).
    #[prop(into)]
    findings: Signal<Vec<Finding>>,
    /// The record on screen: field links apply to findings whose first record is this one.
    record: RecordId,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel findings-panel" aria-labelledby="findings-title" data-testid="findings-panel">
            <h2 id="findings-title">
                {tr(FormText::FindingsTitle)}
                <span class="count-badge">{move || findings.with(Vec::len)}</span>
            </h2>
            <Show when=move || findings.with(Vec::is_empty)>
                <p class="findings-none" data-testid="findings-none">"✓ " {tr(FormText::FindingsNone)}</p>
            </Show>
            {GROUPS.map(|importance| {
                let of_group = move || {
                    findings.with(|list| {
                        list.iter().filter(|f| f.importance == importance).cloned().collect::<Vec<_>>()
                    })
                };
                view! {
                    <Show when=move || findings.with(|l| l.iter().any(|f| f.importance == importance))>
                        <h3 class=format!("findings-group findings-{}", importance.label_en())>
                            {move || i18n.pick(importance.label_th(), importance.label_en()).to_string()}
                        </h3>
                        <ul class="findings-list">
                            <For
                                each=of_group
                                key=|f| (f.rule, f.field.clone(), f.message_en.clone())
                                children=move |f| view! { <FindingItem finding=f record/> }
                            />
                        </ul>
                    </Show>
                }
            }).into_iter().collect_view()}
        </section>
    }
}

/// One finding: code, message, and the field link when it is about this record's field.
#[component]
fn FindingItem(
    /// The finding shown.
    finding: Finding,
    /// The record on screen.
    record: RecordId,
) -> impl IntoView {
    let i18n = use_i18n();
    let Finding {
        rule,
        importance,
        records,
        field,
        message_th,
        message_en,
        ..
    } = finding;
    let here = records.first().is_some_and(|r| r.id == record);
    let link = field.filter(|_| here).map(|f| {
        let id = field_dom_id(&f);
        let href = format!("#{id}");
        view! {
            <a class="go-to-field" href=href on:click=move |ev| {
                // Focus the input, not just scroll to it: the person will correct it.
                if let Some(el) = document().get_element_by_id(&id) {
                    ev.prevent_default();
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                        el.scroll_into_view();
                    }
                }
            }>{tr(FormText::GoToField)}</a>
        }
    });
    view! {
        <li class=format!("finding finding-{}", importance.label_en()) data-rule=rule.code()>
            <code class="rule-code">{rule.code()}</code>
            " "
            <span class="finding-message">{move || i18n.pick(&message_th, &message_en).to_string()}</span>
            " "
            {link}
        </li>
    }
}
