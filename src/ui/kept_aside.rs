//! Stored data this build could not read (`sync::load`), shown to the person:
//!
//! - [`KeptAsideBanner`] on every page while there is any: how many, that nothing was
//!   deleted, what is off meanwhile, and a link to Settings. Not dismissible: it lasts as
//!   long as the data it speaks of.
//! - [`KeptAsideSection`] in Settings (`#kept-aside`): each entry (the list it belongs to,
//!   its id, why it failed) and "download as stored", a file holding every entry's bytes
//!   exactly as stored (`sync::recovery_file`) for whoever repairs it; once downloaded,
//!   "remove from this device" (`sync::removal`, after a confirmation) ends the state.
//!   README, "When data cannot be read", says what to do with it.

use leptos::prelude::*;

use crate::domain::records::RecordKind;
use crate::sync::{recovery_file, Unreadable};
use crate::ui::i18n::{tr, use_i18n, Lang, Msg, Text};
use crate::ui::state::use_app;

// The texts are in `src/ui/messages/kept_aside.toml`; build.rs makes the enum from it.
include!(concat!(env!("OUT_DIR"), "/messages/kept_aside.rs"));

/// "ข้อมูล 3 รายการในเครื่องนี้อ่านไม่ได้…" / "3 records on this device could not be read…".
fn count_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Th => {
            format!("ข้อมูล {n} รายการในเครื่องนี้อ่านไม่ได้ จึงแยกเก็บไว้ตามเดิม ไม่ได้ลบ")
        }
        Lang::En => {
            let (noun, verb) = if n == 1 {
                ("record", "It is")
            } else {
                ("records", "They are")
            };
            format!("{n} {noun} on this device could not be read. {verb} kept aside as stored, not deleted.")
        }
    }
}

/// The list an entry belongs to, in the person's words.
fn list_name(u: &Unreadable, lang: Lang) -> String {
    let (kind, conflicts) = match u.kind().strip_prefix("conflicts.") {
        Some(k) => (k, true),
        None => (u.kind(), false),
    };
    let name = RecordKind::ALL
        .iter()
        .find(|k| k.key() == kind)
        .map_or_else(
            || kind.to_string(),
            |k| Msg::Kind(*k).text(lang).to_string(),
        );
    if conflicts {
        format!("{name} ({})", lang.pick(KeptText::Conflicts.pair()))
    } else {
        name
    }
}

/// On every page while stored data is kept aside, or the read failed.
#[component]
pub fn KeptAsideBanner() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let count = move || app.kept_aside.with(|k| k.count());
    let failed = move || app.kept_aside.with(|k| k.failed.clone());
    let any = move || count() > 0;
    view! {
        <Show when=any>
            <div class="notice notice-error banner" role="alert" data-testid="kept-aside-banner">
                <p>
                    <strong>{tr(KeptText::Title)}</strong> " "
                    <span data-testid="kept-aside-count" data-count=count>
                        {move || count_text(i18n.lang.get(), count())}
                    </span> " " {tr(KeptText::Off)}
                </p>
                <a href="/settings#kept-aside" class="button">{tr(KeptText::SeeThem)}</a>
            </div>
        </Show>
        <Show when=move || failed().is_some()>
            <div class="notice notice-error banner" role="alert" data-testid="load-failed-banner">
                <p><strong>{tr(KeptText::FailedTitle)}</strong> " " {tr(KeptText::FailedBody)}</p>
                <p class="muted"><small>{failed}</small></p>
            </div>
        </Show>
    }
}

/// Settings' list of what is kept aside, with "download as stored".
#[component]
pub fn KeptAsideSection() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let error = RwSignal::new(None::<String>);
    let downloaded = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let removed = RwSignal::new(false);
    let download = move |_| {
        let office = app.settings.with_untracked(|s| s.office_id.clone());
        let at = chrono::Utc::now();
        let text = app
            .kept_aside
            .with_untracked(|k| recovery_file(&k.items, &office, &at.to_rfc3339()));
        let name = format!("mueang-unreadable-{}.json", at.format("%Y-%m-%d"));
        let done = crate::sync::files::json_blob(text.as_bytes())
            .and_then(|blob| crate::sync::files::download(&blob, &name));
        downloaded.set(done.is_ok());
        error.set(done.err());
    };
    // The way out once the bytes are safe in a file: without it the example and
    // whole-list writes would stay refused for as long as the device keeps the damage.
    let remove = move |_| {
        asking.set(false);
        let items = app.kept_aside.with_untracked(|k| k.items.clone());
        leptos::task::spawn_local(async move {
            let changes = match crate::sync::removal(&items) {
                Ok(c) => c,
                Err(e) => return app.notify_error(&e),
            };
            if app.apply(changes, |_| {}).await.is_some() {
                if let Some(store) = app.store.get_untracked() {
                    app.show_loaded(crate::sync::load_all(&store).await);
                }
                removed.set(true);
            }
        });
    };
    let rows = move || {
        let lang = i18n.lang.get();
        app.kept_aside.with(|k| {
            k.items
                .iter()
                .map(|u| {
                    let id =
                        u.id.clone()
                            .unwrap_or_else(|| lang.pick(KeptText::WholeChunk.pair()).to_string());
                    view! {
                        <tr>
                            <td>{list_name(u, lang)}</td>
                            <td><code>{id}</code></td>
                            <td class="muted"><small>{u.error.clone()}</small></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || app.kept_aside.with(|k| k.count() > 0)>
            <section class="panel" id="kept-aside" data-testid="kept-aside">
                <h2>{tr(KeptText::SectionTitle)}</h2>
                <p>{tr(KeptText::SectionIntro)}</p>
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th scope="col">{tr(KeptText::ColList)}</th>
                            <th scope="col">{tr(KeptText::ColId)}</th>
                            <th scope="col">{tr(KeptText::ColWhy)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button type="button" data-testid="kept-aside-download" on:click=download>
                    {tr(KeptText::Download)}
                </button>
                <Show when=move || asking.get() fallback=move || view! {
                    <button type="button" class="secondary" data-testid="kept-aside-remove"
                        disabled=move || !downloaded.get() on:click=move |_| asking.set(true)>
                        {tr(KeptText::Remove)}
                    </button>
                    <Show when=move || !downloaded.get()>
                        <p class="hint">{tr(KeptText::RemoveFirst)}</p>
                    </Show>
                }>
                    <div class="confirm" role="group" data-testid="kept-aside-confirm">
                        <p>{tr(KeptText::RemoveAsk)}</p>
                        <button type="button" data-testid="kept-aside-remove-yes" on:click=remove>
                            {tr(KeptText::RemoveYes)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| asking.set(false)>
                            {tr(KeptText::Cancel)}
                        </button>
                    </div>
                </Show>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        </Show>
        <Show when=move || removed.get()>
            <p class="notice" role="status" data-testid="kept-aside-removed">{tr(KeptText::Removed)}</p>
        </Show>
    }
}
