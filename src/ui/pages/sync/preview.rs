//! The import preview: per record kind, how many records of the files are new, updated,
//! unchanged, deleted or in conflict; and which records will be in conflict.

use leptos::prelude::*;

use super::text::SyncText;
use crate::domain::records::RecordKind;
use crate::domain::rules::{record_label, RecordRef};
use crate::domain::sync::{KindPreview, MergeOutcome};
use crate::ui::fmt::number;
use crate::ui::i18n::{tr, use_i18n, Msg};
use crate::ui::table::{Col, Head};

/// What the preview shows, taken from a merge outcome (which is kept aside, not cloned).
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewView {
    pub kinds: Vec<(RecordKind, KindPreview)>,
    pub total: KindPreview,
    /// (Thai, English) labels of the records newly in conflict (at most a screenful), and
    /// whether one side is a deletion made here (a bundle trying to bring a deleted record
    /// back without having seen the deletion: a person settles it).
    pub conflicts: Vec<(String, String, bool)>,
    pub more_conflicts: usize,
    /// (Thai, English) labels of deleted records the files bring back.
    pub restored: Vec<(String, String)>,
}

/// How many conflicting records are named; the rest are counted.
const NAMED: usize = 20;

impl PreviewView {
    pub fn of(o: &MergeOutcome) -> PreviewView {
        let conflicts = o
            .conflicts
            .iter()
            .take(NAMED)
            .map(|c| {
                let (th, en) = record_label(
                    &o.dataset,
                    &RecordRef {
                        kind: c.kind,
                        id: c.id,
                    },
                );
                (th, en, c.with_deletion)
            })
            .collect();
        let restored = o
            .restored
            .iter()
            .take(NAMED)
            .map(|(kind, id)| {
                let r = RecordRef {
                    kind: *kind,
                    id: *id,
                };
                record_label(&o.dataset, &r)
            })
            .collect();
        PreviewView {
            kinds: o.preview.kinds.iter().map(|(k, p)| (*k, *p)).collect(),
            total: o.preview.total(),
            conflicts,
            more_conflicts: o.conflicts.len().saturating_sub(NAMED),
            restored,
        }
    }
}

#[component]
pub fn PreviewTable(
    /// The counts and conflicts to show.
    preview: PreviewView,
) -> impl IntoView {
    let i18n = use_i18n();
    let nothing = preview.total.changes_nothing();
    let rows = preview
        .kinds
        .iter()
        .map(|(k, p)| {
            let k = *k;
            let label = Signal::derive(move || i18n.t(Msg::Kind(k)).to_string());
            view! { <PreviewRow label counts=*p/> }
        })
        .collect_view();
    let total_label = Signal::derive(move || i18n.t(SyncText::Total).to_string());
    let has_conflicts = !preview.conflicts.is_empty();
    let conflicts = preview
        .conflicts
        .iter()
        .cloned()
        .map(|(th, en, deleted)| {
            let note = deleted.then(|| view! { " (" {tr(SyncText::DeletedHere)} ")" });
            view! { <li>{move || i18n.pick(&th, &en).to_string()} {note}</li> }
        })
        .collect_view();
    let has_restored = !preview.restored.is_empty();
    let restored = preview
        .restored
        .iter()
        .cloned()
        .map(|(th, en)| view! { <li>{move || i18n.pick(&th, &en).to_string()}</li> })
        .collect_view();
    let more = preview.more_conflicts;
    view! {
        <div class="sync-preview" data-testid="import-preview">
            <h3>{tr(SyncText::PreviewTitle)}</h3>
            <p class="hint">{tr(SyncText::PreviewIntro)}</p>
            <div class="table-scroll">
                <table class="preview-table">
                    <Head cols=vec![Col::text(SyncText::ColKind), Col::text(SyncText::ColNew), Col::text(SyncText::ColUpdated), Col::text(SyncText::ColUnchanged), Col::text(SyncText::ColDeleted), Col::text(SyncText::ColConflict), Col::text(SyncText::ColRestored)]/>
                    <tbody>
                        {rows}
                        <PreviewRow label=total_label counts=preview.total total=true/>
                    </tbody>
                </table>
            </div>
            <Show when=move || nothing>
                <p class="ok" data-testid="preview-nothing">{tr(SyncText::NothingChanges)}</p>
            </Show>
            {has_conflicts.then(|| view! {
                <div class="will-conflict" data-testid="preview-conflicts">
                    <p>{tr(SyncText::WillConflict)}</p>
                    <ul>
                        {conflicts}
                        {(more > 0).then(|| view! { <li>"+" {more}</li> })}
                    </ul>
                </div>
            })}
            {has_restored.then(|| view! {
                <div class="will-restore" data-testid="preview-restored">
                    <p>{tr(SyncText::WillRestore)}</p>
                    <ul>{restored}</ul>
                </div>
            })}
        </div>
    }
}

/// One kind's counts (or the totals).
#[component]
fn PreviewRow(
    /// The kind's name (or "Total").
    label: Signal<String>,
    /// Its counts.
    counts: KindPreview,
    /// Whether this is the totals row.
    #[prop(optional)]
    total: bool,
) -> impl IntoView {
    let cell = |n: usize| view! { <td class:zero=n == 0>{number(n)}</td> };
    view! {
        <tr class:total=total data-kind-row="">
            <th scope="row">{label}</th>
            {cell(counts.new)}
            {cell(counts.updated)}
            {cell(counts.unchanged)}
            {cell(counts.deleted)}
            {cell(counts.conflict)}
            {cell(counts.restored)}
        </tr>
    }
}
