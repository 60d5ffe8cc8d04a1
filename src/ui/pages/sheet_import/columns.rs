//! The column-mapping table: each column of the file, its name and first value, and the
//! field it fills, which the person may change.

use leptos::prelude::*;

use super::text::ImportText as T;
use super::St;
use crate::domain::sheet_import::mapping::{column_letter, header, width};
use crate::domain::sheet_import::Column;
use crate::ui::i18n::{tr, use_i18n};

/// One column as the table shows it.
#[derive(Clone, PartialEq)]
struct ColumnRow {
    i: usize,
    header: String,
    first: String,
}

#[component]
pub fn ColumnsPanel(st: St) -> impl IntoView {
    let i18n = use_i18n();
    // The columns' names and first values change only with the file and its header row.
    let rows = Memo::new(move |_| {
        st.sheet.with(|s| {
            let Some(s) = s else { return Vec::new() };
            st.mapping.with(|m| {
                let Some(m) = m else { return Vec::new() };
                (0..width(s))
                    .map(|i| ColumnRow {
                        i,
                        header: header(s, m, i),
                        first: s
                            .rows
                            .get(m.header_row + 1)
                            .and_then(|r| r.get(i))
                            .map(|c| c.chars().take(40).collect())
                            .unwrap_or_default(),
                    })
                    .collect()
            })
        })
    });
    let label = move |c: Column| {
        let (th, en) = c.label();
        i18n.pick(th, en).to_owned()
    };
    let duplicates = move || {
        st.mapping.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.duplicates
                        .iter()
                        .map(|(i, c)| format!("{} ({})", column_letter(*i), label(*c)))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="panel import-columns" aria-labelledby="import-columns-title">
            <h2 id="import-columns-title">{tr(T::Columns)}</h2>
            <p class="hint">{tr(T::ColumnsIntro)}</p>
            <Show when=move || !duplicates().is_empty()>
                <p class="warning" data-testid="duplicate-headers">{tr(T::DuplicateHeader)}" "{duplicates}</p>
            </Show>
            <div class="table-scroll">
                <table class="report-table" data-testid="import-columns">
                    <thead><tr>
                        <th scope="col">{tr(T::Column)}</th>
                        <th scope="col">{tr(T::Header)}</th>
                        <th scope="col">{tr(T::Example)}</th>
                        <th scope="col">{tr(T::BringsIn)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.i let:r>
                            <MappingRow st row=r/>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn MappingRow(st: St, row: ColumnRow) -> impl IntoView {
    let i18n = use_i18n();
    let i = row.i;
    let letter = column_letter(i);
    let id = format!("import-column-{i}");
    let chosen = move || {
        st.mapping.with(|m| {
            m.as_ref()
                .and_then(|m| m.columns.get(i).copied().flatten())
                .map(|c| c.key().to_owned())
                .unwrap_or_default()
        })
    };
    let header_shown = if row.header.is_empty() {
        None
    } else {
        Some(row.header.clone())
    };
    let options = Column::ALL.map(|c| {
        let (th, en) = c.label();
        view! {
            <option value=c.key() selected=move || chosen() == c.key()>
                {move || i18n.pick(th, en).to_owned()}
            </option>
        }
    });
    view! {
        <tr data-testid="import-column">
            <th scope="row">{letter}</th>
            <td>{match header_shown {
                Some(h) => h.into_any(),
                None => view! { <span class="muted">{tr(T::NoHeader)}</span> }.into_any(),
            }}</td>
            <td class="muted">{row.first}</td>
            <td>
                <label class="visually-hidden" for=id.clone()>
                    {tr(T::BringsIn)}" "{column_letter(i)}
                </label>
                <select id=id prop:value=chosen
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        st.map(i, Column::from_key(&v));
                    }>
                    <option value="" selected=move || chosen().is_empty()>{tr(T::NotBroughtIn)}</option>
                    {options}
                </select>
            </td>
        </tr>
    }
}
