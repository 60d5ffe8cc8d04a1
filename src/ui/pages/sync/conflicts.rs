//! `/conflicts`: every record with versions waiting to be settled, and (with
//! `?kind=<kind>&id=<id>`, the link record screens can use) one record's versions side by
//! side.

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::conflict_detail::ConflictDetail;
use super::text::SyncText;
use crate::domain::meta::RecordId;
use crate::domain::records::RecordKind;
use crate::domain::rules::{record_label, RecordRef};
use crate::domain::sync::list_conflicts;
use crate::ui::forms::screens::WhenLoaded;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

/// The address of one record's conflict, for links from record screens.
pub fn conflict_href(kind: RecordKind, id: RecordId) -> String {
    format!("/conflicts?kind={}&id={id}", kind.key())
}

/// One record in conflict, as listed.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    kind: RecordKind,
    id: RecordId,
    versions: usize,
    with_deletion: bool,
    label: (String, String),
}

#[component]
pub fn ConflictsPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let selected = Memo::new(move |_| {
        query.with(|q| {
            let kind = q.get("kind").and_then(|k| RecordKind::from_key(&k));
            let id = q.get("id").and_then(|i| i.parse::<RecordId>().ok());
            kind.zip(id)
        })
    });
    let items = Memo::new(move |_| {
        app.dataset.with(|ds| {
            list_conflicts(ds)
                .into_iter()
                .map(|c| Item {
                    kind: c.kind,
                    id: c.id,
                    versions: c.versions,
                    with_deletion: c.with_deletion,
                    label: record_label(
                        ds,
                        &RecordRef {
                            kind: c.kind,
                            id: c.id,
                        },
                    ),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="page conflicts-page">
            <h1>{tr(SyncText::ConflictsTitle)}</h1>
            <p class="lead">{tr(SyncText::ConflictsIntro)}</p>
            // "No conflicts" must not show while the stored records are still being read.
            <WhenLoaded>
                {move || match selected.get() {
                    Some((kind, id)) => view! { <ConflictDetail kind id/> }.into_any(),
                    None => view! { <ConflictList items/> }.into_any(),
                }}
            </WhenLoaded>
        </section>
    }
}

#[component]
fn ConflictList(
    /// The records in conflict.
    items: Memo<Vec<Item>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show
            when=move || items.with(|l| !l.is_empty())
            fallback=|| view! { <p class="panel ok" data-testid="no-conflicts">{tr(SyncText::NoConflicts)}</p> }
        >
            <ul class="conflict-list" data-testid="conflict-list">
                <For each=move || items.get() key=|i| (i.kind, i.id, i.versions) let:item>
                    <li class="conflict-item">
                        <div>
                            <p class="conflict-name">
                                {
                                    let (th, en) = item.label.clone();
                                    move || i18n.pick(&th, &en).to_string()
                                }
                            </p>
                            <p class="muted">
                                {move || units::VERSIONS.phrase(i18n.lang.get(), item.versions)}
                                {item.with_deletion.then(|| view! {
                                    " · " <span class="badge-deleted">{tr(SyncText::WithDeletion)}</span>
                                })}
                            </p>
                        </div>
                        <A href=conflict_href(item.kind, item.id) attr:class="button" attr:data-testid="conflict-open">
                            {tr(SyncText::Settle)}
                        </A>
                    </li>
                </For>
            </ul>
        </Show>
    }
}
