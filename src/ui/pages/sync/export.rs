//! The export panel: everything, or only what one office lacks; optionally locked with a
//! passphrase; downloaded as a file named by office and date, or shared (tablets).

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos::task::spawn_local;

use super::personal_choice::{PersonalChoice, PersonalMode};
use super::progress_bar::ProgressBar;
use super::text::SyncText;
use super::values::when;
use crate::domain::meta::OfficeId;
use crate::domain::records::survey::count_personal_data;
use crate::domain::sync::crypto::{check_passphrase, PassphraseWeakness};
use crate::domain::sync::personal::{LEFT_OUT_EN, LEFT_OUT_TH};
use crate::domain::sync::{BundleScope, CryptoError};
use crate::sync::files;
use crate::ui::i18n::{format_bytes, tr, use_i18n, Lang, Text};
use crate::ui::state::use_app;
use crate::ui::sync::context::use_sync;
use crate::ui::sync::pipeline::{export, ExportChoice, ExportError};
use crate::ui::sync::progress::Progress;

/// What the person sees once the file is made.
#[derive(Debug, Clone, PartialEq)]
struct Made {
    name: String,
    size: usize,
    records: usize,
    scope: BundleScope,
    encrypted: bool,
    summary: bool,
    can_share: bool,
}

/// A message in both languages.
type Both = (String, String);

fn both(t: SyncText) -> Both {
    (t.text(Lang::Th).into(), t.text(Lang::En).into())
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let app = use_app();
    let sync = use_sync();
    let i18n = use_i18n();
    let to = RwSignal::new(String::new());
    let only_missing = RwSignal::new(false);
    let with_files = RwSignal::new(true);
    let lock = RwSignal::new(false);
    // With personal data on the device the person picks how it goes (locked by default).
    let personal = Memo::new(move |_| app.dataset.with(|ds| count_personal_data(ds) > 0));
    let mode = RwSignal::new(PersonalMode::Lock);
    let acknowledged = RwSignal::new(false);
    let locking = move || match personal.get() {
        true => mode.get() == PersonalMode::Lock,
        false => lock.get(),
    };
    let pass1 = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Both>);
    let made = RwSignal::new(None::<Made>);
    let file = StoredValue::new_local(None::<web_sys::File>);
    let progress = Progress::new();

    // The office list comes from the peers, read once the database is open.
    sync.load_peers_once_open(app);
    let offices = Memo::new(move |_| {
        sync.peers.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.0.iter()
                        .map(|(id, s)| {
                            let name = if s.office_name.trim().is_empty() {
                                id.0.clone()
                            } else {
                                s.office_name.clone()
                            };
                            (id.0.clone(), name)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    // Shown as soon as something is typed; export stays off until the passphrase is strong.
    let weakness = Memo::new(move |_| {
        locking()
            .then(|| check_passphrase(&pass1.get()).err())
            .flatten()
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        made.set(None);
        let passphrase = if untrack(locking) {
            let (a, b) = (pass1.get_untracked(), pass2.get_untracked());
            if a.is_empty() {
                let e = CryptoError::EmptyPassphrase;
                error.set(Some((e.message_th(), e.message_en())));
                return;
            }
            if let Err(w) = check_passphrase(&a) {
                error.set(Some((w.hint_th(), w.hint_en())));
                return;
            }
            if a != b {
                error.set(Some(both(SyncText::PassphrasesDiffer)));
                return;
            }
            Some(a)
        } else {
            None
        };
        let to_id = to.get_untracked();
        let to = (!to_id.is_empty()).then_some(OfficeId(to_id));
        let choice = ExportChoice {
            since: only_missing.get_untracked() && to.is_some(),
            attachments: with_files.get_untracked(),
            to,
            passphrase,
            leave_out_personal: untrack(|| personal.get() && mode.get() == PersonalMode::Summary),
            unlocked_acknowledged: untrack(|| {
                mode.get() == PersonalMode::Unlocked && acknowledged.get()
            }),
        };
        busy.set(true);
        progress.start();
        spawn_local(async move {
            match export(app, sync, &choice, progress).await {
                Ok(ex) => match files::file_of(&ex.name, &ex.file) {
                    Ok(f) => {
                        let downloaded = files::download(&f, &ex.name);
                        made.set(Some(Made {
                            name: ex.name.clone(),
                            size: ex.size as usize,
                            records: ex.records,
                            scope: ex.scope,
                            encrypted: ex.encrypted,
                            summary: ex.summary,
                            can_share: files::can_share(&f),
                        }));
                        file.set_value(Some(f));
                        if downloaded.is_err() {
                            error.set(Some(both(SyncText::DownloadFailed)));
                        }
                    }
                    Err(_) => error.set(Some(both(SyncText::DownloadFailed))),
                },
                Err(ExportError::PersonalData(e)) => {
                    error.set(Some((e.message_th(), e.message_en())))
                }
                Err(ExportError::Crypto(e)) => error.set(Some((e.message_th(), e.message_en()))),
                Err(ExportError::Storage(e)) => error.set(Some((
                    e.message(Lang::Th).to_string(),
                    e.message(Lang::En).to_string(),
                ))),
            }
            progress.finish();
            pass1.set(String::new());
            pass2.set(String::new());
            busy.set(false);
        });
    };

    let last = move || match sync.last_export.get() {
        Some(t) => when(t, i18n.lang.get()),
        None => i18n.t(SyncText::NeverExported).to_string(),
    };

    view! {
        <section class="panel sync-export" aria-labelledby="export-title">
            <h2 id="export-title">{tr(SyncText::ExportTitle)}</h2>
            <p class="muted">{tr(SyncText::ExportIntro)}</p>
            <super::signed_by::DeviceCode/>
            <p data-testid="last-export">
                <span class="label">{tr(SyncText::LastExport)}</span> ": " {last}
            </p>
            <form on:submit=on_submit>
                <label class="field">
                    <span class="label">{tr(SyncText::ForOffice)}</span>
                    <select
                        data-testid="export-to"
                        prop:value=move || to.get()
                        on:change=move |ev| {
                            to.set(event_target_value(&ev));
                        }
                    >
                        <option value="">{tr(SyncText::AnyOffice)}</option>
                        <For each=move || offices.get() key=|(id, _)| id.clone() let:office>
                            <option value=office.0.clone()>{office.1.clone()}</option>
                        </For>
                    </select>
                    <Show when=move || offices.with(Vec::is_empty)>
                        <span class="hint">{tr(SyncText::NoPeersYet)}</span>
                    </Show>
                </label>
                <label class="choice" class:disabled=move || to.with(String::is_empty)>
                    <input
                        type="checkbox"
                        data-testid="export-only-missing"
                        prop:disabled=move || to.with(String::is_empty)
                        prop:checked=move || only_missing.get()
                        on:change=move |ev| only_missing.set(event_target_checked(&ev))
                    />
                    <span>{tr(SyncText::OnlyMissing)}</span>
                </label>
                <p class="hint">{tr(SyncText::OnlyMissingHint)}</p>
                <label class="choice">
                    <input type="checkbox" data-testid="export-attachments"
                        prop:checked=move || with_files.get()
                        on:change=move |ev| with_files.set(event_target_checked(&ev))/>
                    <span>{tr(crate::ui::attachments::AttachText::InBundle)}</span>
                </label>
                <Show when=move || personal.get()>
                    <PersonalChoice mode acknowledged/>
                </Show>
                <Show when=move || !personal.get()>
                <div class="pdpa" role="note">
                    <strong>{tr(SyncText::PdpaTitle)}</strong>
                    <p>{tr(SyncText::PdpaBody)}</p>
                </div>
                <label class="choice">
                    <input
                        type="checkbox"
                        data-testid="export-lock"
                        prop:checked=move || lock.get()
                        on:change=move |ev| lock.set(event_target_checked(&ev))
                    />
                    <span>{tr(SyncText::LockWithPassphrase)}</span>
                </label>
                </Show>
                <Show when=locking>
                    <div class="passphrases">
                        <label class="field">
                            <span class="label">{tr(SyncText::Passphrase)}</span>
                            <input type="password" autocomplete="new-password" data-testid="export-pass"
                                prop:value=move || pass1.get()
                                on:input=move |ev| pass1.set(event_target_value(&ev))/>
                            {move || weakness.get().filter(|w| *w != PassphraseWeakness::Empty).map(|w| view! {
                                <span class="hint" role="status" data-testid="export-pass-weak">
                                    {move || i18n.pick(&w.hint_th(), &w.hint_en()).to_string()}
                                </span>
                            })}
                        </label>
                        <label class="field">
                            <span class="label">{tr(SyncText::PassphraseAgain)}</span>
                            <input type="password" autocomplete="new-password" data-testid="export-pass2"
                                prop:value=move || pass2.get()
                                on:input=move |ev| pass2.set(event_target_value(&ev))/>
                            <span class="hint">{tr(SyncText::PassphraseHint)}</span>
                        </label>
                    </div>
                </Show>
                <div class="actions">
                    <button type="submit" data-testid="export-button" prop:disabled=move || busy.get() || weakness.get().is_some()>
                        {move || i18n.t(if busy.get() { SyncText::Exporting } else { SyncText::MakeExport })}
                    </button>
                </div>
            </form>
            <ProgressBar progress/>
            {move || error.get().map(|(th, en)| view! {
                <p class="sync-error" role="alert" data-testid="export-error">{move || i18n.pick(&th, &en).to_string()}</p>
            })}
            {move || made.get().map(|m| view! { <MadeFile made=m file/> })}
        </section>
    }
}

/// The made file: name, size, what it holds; download again, share.
#[component]
fn MadeFile(
    /// What was made.
    made: Made,
    /// The file itself, for downloading again and sharing.
    file: StoredValue<Option<web_sys::File>, LocalStorage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let share_state = RwSignal::new(None::<bool>);
    let name = made.name.clone();
    let again = move |_| {
        file.with_value(|f| {
            if let Some(f) = f {
                let _ = files::download(f, &name);
            }
        })
    };
    let share = move |_| {
        let Some(f) = file.get_value() else {
            return;
        };
        spawn_local(async move {
            let title = i18n.t(SyncText::ExportTitle);
            match files::share(&f, title).await {
                Ok(true) => share_state.set(Some(true)),
                Ok(false) => {}
                Err(_) => share_state.set(Some(false)),
            }
        });
    };
    let scope = made.scope;
    let summary = move || {
        let what = match scope {
            BundleScope::Full => i18n.t(SyncText::ScopeFull),
            BundleScope::Since => i18n.t(SyncText::ScopeSince),
        };
        let mut s = format!(
            "{} · {} · {}",
            format_bytes(made.size as f64),
            units::RECORDS.phrase(i18n.lang.get(), made.records),
            what
        );
        if made.encrypted {
            s.push_str(" · ");
            s.push_str(i18n.t(SyncText::FileLocked));
        }
        if made.summary {
            s.push_str(" · ");
            s.push_str(i18n.pick(LEFT_OUT_TH, LEFT_OUT_EN));
        }
        s
    };
    view! {
        <div class="sync-done" role="status" data-testid="export-done">
            <p><strong>{tr(SyncText::ExportReady)}</strong></p>
            <p class="file-name" data-testid="export-file-name">{made.name.clone()}</p>
            <p class="muted">{summary}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=again>{tr(SyncText::DownloadAgain)}</button>
                <Show when=move || made.can_share>
                    <button type="button" on:click=share data-testid="export-share">{tr(SyncText::Share)}</button>
                </Show>
            </div>
            {move || share_state.get().map(|ok| view! {
                <p class=if ok { "saved" } else { "sync-error" }>
                    {move || i18n.t(if ok { SyncText::Shared } else { SyncText::ShareFailed })}
                </p>
            })}
        </div>
    }
}
