//! `/import?community=<id>`: bring a household survey in from a CSV or XLSX file (issue
//! #12, item 4). A thin adapter over `domain::sheet_import`: the file is read, its columns
//! matched (and the match remembered in localStorage under its header row), every row
//! previewed with its problems, and nothing stored until the person confirms; then the
//! rows without blocking problems go through the app's import path (`store`).
//! In the lazy `survey` chunk, so the CSV and XLSX readers are not in the first download.

mod columns;
mod rows;
mod store;
mod target;
pub mod text;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::sheet_import::limits::MAX_FILE_BYTES;
use crate::domain::sheet_import::mapping::storage_key;
use crate::domain::sheet_import::{decode, preview, Mapping, Preview, Sheet, SheetError, Target};
use crate::sync::files;
use crate::ui::edit::{editor, now};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;

use columns::ColumnsPanel;
use rows::{DoneMessage, RowsPanel};
use target::TargetPanel;
use text::ImportText as T;

/// What the screen holds between steps. `Copy`: every part is a signal.
#[derive(Clone, Copy)]
pub(crate) struct St {
    file_name: RwSignal<Option<String>>,
    error: RwSignal<Option<(String, String)>>,
    sheet: RwSignal<Option<Sheet>>,
    mapping: RwSignal<Option<Mapping>>,
    city: RwSignal<String>,
    /// "" while none is chosen: the sheet's community column decides.
    community: RwSignal<String>,
    round: RwSignal<String>,
    preview: Memo<Option<Preview>>,
    busy: RwSignal<bool>,
    done: RwSignal<Option<store::Done>>,
}

impl St {
    /// Reads a chosen file; any problem is shown and nothing else changes.
    fn read(self, file: web_sys::File) {
        self.done.set(None);
        self.error.set(None);
        self.sheet.set(None);
        self.mapping.set(None);
        self.file_name.set(Some(file.name()));
        let size = file.size() as usize;
        if size > MAX_FILE_BYTES {
            self.error
                .set(Some(SheetError::TooLarge { bytes: size }.texts()));
            return;
        }
        spawn_local(async move {
            let read = files::read_file(&file).await;
            let decoded = read
                .map_err(|e| SheetError::Unreadable(e).texts())
                .and_then(|bytes| decode(&bytes).map_err(|e| e.texts()));
            match decoded {
                Ok(sheet) => {
                    let key = storage_key(&sheet);
                    let remembered = LocalStorage::get::<String>(&key)
                        .ok()
                        .and_then(|saved| Mapping::from_saved(&saved, &sheet));
                    let mapping = remembered.unwrap_or_else(|| Mapping::recognise(&sheet));
                    self.mapping.set(Some(mapping));
                    self.sheet.set(Some(sheet));
                }
                Err(texts) => self.error.set(Some(texts)),
            }
        });
    }

    /// Changes the field column `i` fills, and remembers the mapping for this header row.
    fn map(self, i: usize, field: Option<crate::domain::sheet_import::Column>) {
        self.mapping.update(|m| {
            if let Some(m) = m {
                m.set(i, field);
            }
        });
        self.remember();
    }

    fn remember(self) {
        let key = self.sheet.with_untracked(|s| s.as_ref().map(storage_key));
        let saved = self
            .mapping
            .with_untracked(|m| m.as_ref().map(Mapping::to_saved));
        if let (Some(key), Some(saved)) = (key, saved) {
            // Private browsing may refuse: the mapping then lasts this visit only.
            let _ = LocalStorage::set(key, saved);
        }
    }

    fn clear(self) {
        self.sheet.set(None);
        self.mapping.set(None);
        self.file_name.set(None);
        self.error.set(None);
    }
}

#[component]
pub fn SheetImportPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let query = use_query_map();
    let community = query.with_untracked(|q| q.get("community").unwrap_or_default());
    let sheet = RwSignal::new(None::<Sheet>);
    let mapping = RwSignal::new(None::<Mapping>);
    let (city, community, round) = (
        RwSignal::new(String::new()),
        RwSignal::new(community),
        RwSignal::new(String::new()),
    );
    // The address names a community: its city is chosen once the data has loaded (opened
    // from a bookmark or a reload, the page can come before the data).
    Effect::new(move |_| {
        let Ok(id) = community.get_untracked().parse::<RecordId>() else {
            return;
        };
        let of = app
            .dataset
            .with(|ds| ds.get::<Community>(id).map(|c| c.city_id));
        if let Some(c) = of.filter(|_| city.with_untracked(String::is_empty)) {
            city.set(c.to_string());
        }
    });
    let st_target = move || {
        let id = |s: RwSignal<String>| s.with(|v| v.parse::<RecordId>().ok());
        Some(Target {
            city_id: id(city)?,
            community_id: id(community),
            round_id: id(round),
        })
    };
    let preview = Memo::new(move |_| {
        let target = st_target()?;
        sheet.with(|s| {
            let s = s.as_ref()?;
            mapping.with(|m| {
                let m = m.as_ref()?;
                let ds = app.dataset.read();
                Some(preview(s, m, target, &ds, &editor(app), now()))
            })
        })
    });
    let st = St {
        file_name: RwSignal::new(None),
        error: RwSignal::new(None),
        sheet,
        mapping,
        city,
        community,
        round,
        preview,
        busy: RwSignal::new(false),
        done: RwSignal::new(None),
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        if let Some(input) = input {
            if let Some(file) = files::file_list(input.files()).into_iter().next() {
                st.read(file);
            }
            input.set_value("");
        }
    };
    view! {
        <section class="page sheet-import" aria-labelledby="sheet-import-title">
            <h1 id="sheet-import-title">{tr(T::Title)}</h1>
            <p class="muted">{tr(T::Intro)}</p>
            <TargetPanel st/>
            <div class="panel">
                <label class="button file-button">
                    {tr(T::ChooseFile)}
                    <input type="file" class="visually-hidden" data-testid="sheet-input"
                        accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        on:change=on_change/>
                </label>
                {move || st.file_name.get().map(|n| view! { <span class="file-name">" "{n}</span> })}
                {move || st.error.get().map(|(th, en)| view! {
                    <p class="error" role="alert" data-testid="sheet-error">
                        <span lang="th">{th}</span>" · "<span lang="en">{en}</span>
                    </p>
                })}
                {move || st.sheet.with(|s| s.as_ref().map(|s| {
                    let (th, en) = s.source.label();
                    view! {
                        <p class="muted" data-testid="sheet-source">
                            {move || i18n.t(T::FileRead)}": "{move || i18n.pick(th, en).to_owned()}
                        </p>
                    }
                }))}
            </div>
            <Show when=move || st.sheet.with(Option::is_some)>
                <ColumnsPanel st/>
                <RowsPanel st/>
            </Show>
            {move || st.done.get().map(|d| view! { <DoneMessage done=d/> })}
        </section>
    }
}
