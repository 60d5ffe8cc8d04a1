//! Every row of the sheet with its problems, what confirming would store, the confirm
//! button, and the count of what was stored and what not.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::{confirm, Done};
use super::text::ImportText as T;
use super::St;
use crate::domain::lang::counted;
use crate::domain::sheet_import::mapping::column_letter;
use crate::domain::sheet_import::{Column, RowOutcome};
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

/// Rows shown at once; "show more" adds as many.
const PER_PAGE: usize = 100;

#[component]
pub fn RowsPanel(st: St) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let only_problems = RwSignal::new(false);
    let shown = RwSignal::new(PER_PAGE);
    let thai = move || i18n.lang.get() == Lang::Th;
    let pick = move |(th, en): (String, String)| if thai() { th } else { en };
    let summary = move || {
        st.preview.with(|p| {
            p.as_ref().map(|p| {
                let warned = p
                    .rows
                    .iter()
                    .filter(|r| r.is_stored() && !r.problems.is_empty())
                    .count();
                let (a_th, a_en) = counted(p.stored_count(), "ครัวเรือน", "household", "households");
                let (b_th, b_en) = counted(p.skipped_count(), "แถว", "row", "rows");
                let (c_th, c_en) = counted(warned, "แถว", "row", "rows");
                pick((
                    format!("พร้อมบันทึก {a_th} · ไม่ได้บันทึก {b_th} · มีข้อสังเกต {c_th}"),
                    format!("Ready to store: {a_en} · not stored: {b_en} · with a warning: {c_en}"),
                ))
            })
        })
    };
    let notes = move || {
        st.preview.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut out = Vec::new();
            for c in &p.missing_columns {
                let (th, en) = c.label();
                out.push(format!(
                    "{} {}",
                    i18n.t(T::MissingColumn),
                    i18n.pick(th, en)
                ));
            }
            if !p.unmapped.is_empty() {
                let cols: Vec<String> = p
                    .unmapped
                    .iter()
                    .map(|(i, h)| format!("{} {h}", column_letter(*i)).trim().to_owned())
                    .collect();
                out.push(format!("{} {}", i18n.t(T::Unmapped), cols.join(", ")));
            }
            if !p.new_communities.is_empty() {
                let names: Vec<&str> = p.new_communities.iter().map(|c| c.name.as_str()).collect();
                out.push(format!(
                    "{} {}",
                    i18n.t(T::NewCommunities),
                    names.join(", ")
                ));
            }
            out
        })
    };
    let rows = move || {
        st.preview.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.rows
                        .iter()
                        .filter(|r| !only_problems.get() || !r.problems.is_empty())
                        .take(shown.get())
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let more = move || {
        st.preview.with(|p| {
            p.as_ref().is_some_and(|p| {
                let n = p
                    .rows
                    .iter()
                    .filter(|r| !only_problems.get() || !r.problems.is_empty())
                    .count();
                n > shown.get()
            })
        })
    };
    let can_store = move || {
        !st.busy.get()
            && st
                .preview
                .with(|p| p.as_ref().is_some_and(|p| p.stored_count() > 0))
    };
    let needs_city = move || st.preview.with(Option::is_none);
    view! {
        <section class="panel import-rows" aria-labelledby="import-rows-title">
            <h2 id="import-rows-title">{tr(T::Rows)}</h2>
            <Show when=needs_city>
                <p class="hint" data-testid="import-needs-city">{tr(T::ChooseCity)}</p>
            </Show>
            <For each=notes key=|n| n.clone() let:n>
                <p class="warning" data-testid="import-note">{n}</p>
            </For>
            <p class="import-summary" data-testid="import-summary" aria-live="polite">{summary}</p>
            <label class="check">
                <input type="checkbox" data-testid="only-problems"
                    prop:checked=move || only_problems.get()
                    on:change=move |ev| only_problems.set(event_target_checked(&ev))/>
                " "{tr(T::OnlyProblems)}
            </label>
            <div class="table-scroll">
                <table class="report-table" data-testid="import-rows">
                    <thead><tr>
                        <th scope="col">{tr(T::Row)}</th>
                        <th scope="col">{tr(T::HouseNo)}</th>
                        <th scope="col">{tr(T::Head)}</th>
                        <th scope="col" class="num">{tr(T::Members)}</th>
                        <th scope="col">{tr(T::Problems)}</th>
                        <th scope="col">{tr(T::WillStore)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|r| (r.line, r.problems.len(), r.household.meta.id) let:r>
                            <Row r/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=more>
                <button type="button" class="secondary" data-testid="show-more"
                    on:click=move |_| shown.update(|n| *n += PER_PAGE)>{tr(T::ShowMore)}</button>
            </Show>
            <Show when=move || !needs_city() && !can_store() && !st.busy.get()>
                <p class="hint" data-testid="nothing-to-store">{tr(T::NothingToStore)}</p>
            </Show>
            <div class="actions">
                <button type="button" data-testid="import-store"
                    prop:disabled=move || !can_store()
                    on:click=move |_| spawn_local(confirm(app, st))>
                    {move || i18n.t(if st.busy.get() { T::Storing } else { T::Store })}
                </button>
                <button type="button" class="secondary" data-testid="import-cancel"
                    prop:disabled=move || st.busy.get()
                    on:click=move |_| st.clear()>{tr(T::Cancel)}</button>
            </div>
        </section>
    }
}

#[component]
fn Row(r: RowOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let stored = r.is_stored();
    let problems: Vec<(bool, String, String)> = r
        .problems
        .iter()
        .map(|p| {
            let (th, en) = p.column.map_or(("", ""), Column::label);
            let at = |l: &str, m: &str| {
                if l.is_empty() {
                    m.to_owned()
                } else {
                    format!("{l}: {m}")
                }
            };
            (p.blocks, at(th, &p.th), at(en, &p.en))
        })
        .collect();
    let h = r.household;
    view! {
        <tr class:row-held=!stored data-testid="import-row">
            <th scope="row">{r.line}</th>
            <td>{h.house_number.clone()}</td>
            <td>{h.head_name.clone()}</td>
            <td class="num">{h.members}</td>
            <td>
                <ul class="row-problems">
                    {problems.into_iter().map(|(blocks, th, en)| view! {
                        <li class=if blocks { "error" } else { "warning" }>
                            {move || i18n.pick(&th, &en).to_owned()}
                        </li>
                    }).collect_view()}
                </ul>
            </td>
            <td>{move || i18n.pick(if stored { "✓ บันทึก" } else { "✗ ไม่บันทึก" }, if stored { "✓ stored" } else { "✗ not stored" }).to_owned()}</td>
        </tr>
    }
}

/// The count after storing.
#[component]
pub fn DoneMessage(done: Done) -> impl IntoView {
    let i18n = use_i18n();
    let (th, en) = done.texts();
    view! {
        <p class="done" role="status" data-testid="import-done">
            {move || if i18n.lang.get() == Lang::Th { th.clone() } else { en.clone() }}
        </p>
    }
}
