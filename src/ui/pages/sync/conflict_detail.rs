//! One record's versions side by side: who made each and when, every field, "take this
//! version", or a choice per differing field; saving settles the conflict (one transaction).

use std::collections::BTreeMap;

use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::text::SyncText;
use super::values::{field_label, show, when};
use crate::domain::meta::RecordId;
use crate::domain::records::{AnyRecord, RecordKind};
use crate::domain::sync::fields::{combine, field_rows, FieldRow};
use crate::domain::sync::{conflict_versions, resolve};
use crate::storage::ChangeSet;
use crate::sync::{settled_changes, settled_record};
use crate::ui::edit::editor;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;

#[component]
pub fn ConflictDetail(
    /// The record's kind.
    kind: RecordKind,
    /// The record's id.
    id: RecordId,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let versions = Memo::new(move |_| app.dataset.with(|ds| conflict_versions(ds, kind, id)));
    let rows = Memo::new(move |_| versions.with(|v| field_rows(v)));
    let choices = RwSignal::new(BTreeMap::<String, usize>::new());
    let busy = RwSignal::new(false);
    let settled = RwSignal::new(false);
    let error = RwSignal::new(None::<(String, String)>);

    let settle = move |chosen: AnyRecord| {
        if busy.get_untracked() {
            return;
        }
        let who = editor(app);
        let now = Utc::now();
        let record = versions.with_untracked(|v| settled_record(v, chosen.clone(), &who, now));
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                error.set(Some((e.message_th(), e.message_en())));
                return;
            }
        };
        let mut cs = ChangeSet::new("settle conflict");
        if let Err(e) = settled_changes(&mut cs, &record) {
            app.notify_error(&e);
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let saved = app
                .apply(cs, move |ds| {
                    // The same inputs give the same record as computed above.
                    let _ = resolve(ds, kind, id, chosen, &who, now);
                })
                .await;
            busy.set(false);
            if saved.is_some() {
                settled.set(true);
            }
        });
    };
    let take = move |i: usize| {
        if let Some(v) = versions.with_untracked(|v| v.get(i).cloned()) {
            settle(v);
        }
    };
    let save_choice = move |_| {
        let combined = versions.with_untracked(|v| combine(v, 0, &choices.get_untracked()));
        match combined {
            Ok(c) => settle(c),
            Err(detail) => error.set(Some((detail.clone(), detail))),
        }
    };

    view! {
        <p><A href="/conflicts">{tr(SyncText::BackToList)}</A></p>
        <Show when=move || settled.get()>
            <p class="sync-done ok" role="status" data-testid="conflict-settled">{tr(SyncText::Settled)}</p>
        </Show>
        <Show when=move || { !settled.get() && versions.with(|v| v.len() < 2) }>
            <p class="panel" data-testid="not-in-conflict">{tr(SyncText::NotInConflict)}</p>
        </Show>
        <Show when=move || versions.with(|v| v.len() >= 2)>
            <div class="panel conflict-detail" data-testid="conflict-detail">
                <p class="hint">{tr(SyncText::ChooseHint)}</p>
                <div class="table-scroll">
                    <table class="conflict-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(SyncText::Field)}</th>
                                {move || versions.get().into_iter().enumerate().map(|(i, v)| view! {
                                    <VersionHeader index=i version=v on_take=Callback::new(move |_| take(i)) busy/>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| view! {
                                <FieldLine row choices/>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="actions">
                    <button type="button" data-testid="conflict-save"
                        prop:disabled=move || busy.get()
                        on:click=save_choice>
                        {tr(SyncText::SaveChoice)}
                    </button>
                </div>
                {move || error.get().map(|(th, en)| view! {
                    <p class="sync-error" role="alert">{move || i18n.pick(&th, &en).to_string()}</p>
                })}
            </div>
        </Show>
    }
}

/// A version's column header: which, by whom, when; "take this version".
#[component]
fn VersionHeader(
    /// 0 for the version shown now.
    index: usize,
    /// The version.
    version: AnyRecord,
    /// Settles the conflict with this version.
    on_take: Callback<()>,
    /// Disables the button while saving.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let meta = version.meta().clone();
    let who = [
        meta.updated_by.office_name.clone(),
        meta.updated_by.person.clone(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let who = if who.is_empty() {
        meta.updated_by.office_id.0.clone()
    } else {
        who
    };
    let at = meta.updated_at;
    view! {
        <th scope="col" class="version-head" data-testid="version-head">
            <span class="version-n">{tr(SyncText::VersionN)} " " {index + 1}</span>
            {(index == 0).then(|| view! { <span class="muted">" (" {tr(SyncText::ShownVersion)} ")"</span> })}
            <span class="version-who">{tr(SyncText::EditedBy)} " " {who}</span>
            <span class="version-when">{move || when(at, i18n.lang.get())}</span>
            {meta.deleted.then(|| view! { <span class="badge-deleted">{tr(SyncText::Deleted)}</span> })}
            <button type="button" class="secondary" data-testid="take-version"
                prop:disabled=move || busy.get()
                on:click=move |_| on_take.run(())>
                {tr(SyncText::TakeThisSide)}
            </button>
        </th>
    }
}

/// One field across the versions: a choice where they differ, the value once where not.
#[component]
fn FieldLine(
    /// The field and its values.
    row: FieldRow,
    /// The chosen version per differing field (absent: the shown version).
    choices: RwSignal<BTreeMap<String, usize>>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let (th, en) = field_label(&row.key);
    let (th, en) = (th.to_string(), en.to_string());
    let label = move || {
        if i18n.lang.get() == Lang::Th {
            th.clone()
        } else {
            en.clone()
        }
    };
    let n = row.values.len();
    let key = row.key.clone();
    // A summary's left-out field says so rather than showing an empty value.
    let shown = move |k: &str, value: &serde_json::Value, left_out: bool| {
        if left_out {
            i18n.t(SyncText::NotIncluded).to_owned()
        } else {
            app.dataset.with(|ds| show(ds, k, value, i18n.lang.get()))
        }
    };
    let left_out = row.left_out.clone();
    if !row.differs {
        let value = row.values.first().cloned().unwrap_or_default();
        let k = key.clone();
        let all_left_out = !left_out.is_empty() && left_out.iter().all(|l| *l);
        let text = move || shown(&k, &value, all_left_out);
        return view! {
            <tr class="same">
                <th scope="row">{label}</th>
                <td colspan=n>
                    <span class="value">{text}</span>
                    " " <span class="muted">"(" {tr(SyncText::SameInAll)} ")"</span>
                </td>
            </tr>
        }
        .into_any();
    }
    let cells = row
        .values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let k = key.clone();
            let k2 = key.clone();
            let k3 = key.clone();
            let name = format!("pick-{key}");
            let out = left_out.get(i).copied().unwrap_or(false);
            let text = move || shown(&k, &value, out);
            view! {
                <td>
                    <label class="pick">
                        <input
                            type="radio"
                            name=name
                            data-testid="pick"
                            prop:checked=move || choices.with(|c| c.get(&k2).copied().unwrap_or(0) == i)
                            on:change=move |_| choices.update(|c| {
                                c.insert(k3.clone(), i);
                            })
                        />
                        <span class="value">{text}</span>
                    </label>
                </td>
            }
        })
        .collect_view();
    view! {
        <tr class="differs" data-field=key.clone()>
            <th scope="row">{label}</th>
            {cells}
        </tr>
    }
    .into_any()
}
