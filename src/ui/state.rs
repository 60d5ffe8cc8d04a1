//! App-wide state, provided once by `App` and read with [`use_app`].
//!
//! Screens read `dataset` (the records in memory) and save through [`AppState::apply`],
//! which is the only way the UI writes to IndexedDB.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::records::Dataset;
use crate::domain::records::RecordKind;
use crate::storage::{self, Applied, ChangeSet, Persistence, Quota, Settings, StorageError, Store};
use crate::sync::{KeptAside, Loaded};
use crate::ui::i18n::Msg;

/// A message shown in the notice area until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub msg: Msg,
    /// Technical detail, shown small (e.g. the browser's error text).
    pub detail: Option<String>,
}

/// Where the database is.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreStatus {
    Opening,
    Ready,
    /// Could not open: the app runs, but nothing is saved. Shown as a banner.
    Failed(StorageError),
}

/// Handles to the app's shared signals. `Copy`: pass it into any closure.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    /// The open database; `None` while opening or after a failure.
    pub store: RwSignal<Option<Store>, LocalStorage>,
    pub store_status: RwSignal<StoreStatus>,
    /// Every record, loaded from IndexedDB at start and kept in step with each write.
    pub dataset: RwSignal<Dataset>,
    /// True once `dataset` holds what is on disk.
    pub loaded: RwSignal<bool>,
    /// What is stored but could not be read (`sync::load`): shown, downloadable as it is,
    /// and while there is any, nothing that writes a whole kind runs.
    pub kept_aside: RwSignal<KeptAside>,
    pub notices: RwSignal<Vec<Notice>>,
    /// A new service worker is waiting: offer "reload".
    pub update_ready: RwSignal<bool>,
    pub persistence: RwSignal<Option<Persistence>>,
    pub quota: RwSignal<Option<Quota>>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The storage keys of every record kind, as `load_grouped` wants them.
pub fn kind_keys() -> Vec<&'static str> {
    RecordKind::ALL.iter().map(|k| k.key()).collect()
}

impl AppState {
    pub fn new(settings: Settings) -> AppState {
        AppState {
            settings: RwSignal::new(settings),
            store: RwSignal::new_local(None),
            store_status: RwSignal::new(StoreStatus::Opening),
            dataset: RwSignal::new(Dataset::default()),
            loaded: RwSignal::new(false),
            kept_aside: RwSignal::new(KeptAside::default()),
            notices: RwSignal::new(Vec::new()),
            update_ready: RwSignal::new(false),
            persistence: RwSignal::new(None),
            quota: RwSignal::new(None),
        }
    }

    /// Shows a message until the person dismisses it.
    pub fn notify(self, msg: Msg, detail: Option<String>) {
        self.notices.update(|list| {
            let id = list.iter().map(|n| n.id).max().unwrap_or(0) + 1;
            if !list.iter().any(|n| n.msg == msg && n.detail == detail) {
                list.push(Notice { id, msg, detail });
            }
        });
    }

    pub fn notify_error(self, e: &StorageError) {
        self.notify(e.msg(), e.detail().map(str::to_string));
    }

    pub fn dismiss(self, id: u32) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    /// Opens IndexedDB and loads every record into `dataset`.
    pub fn open_storage(self) {
        spawn_local(async move {
            let on_closed = move || {
                self.store_status
                    .set(StoreStatus::Failed(StorageError::Closed))
            };
            match Store::open(storage::DB_NAME, on_closed).await {
                Ok(store) => {
                    self.store.set(Some(store.clone()));
                    self.store_status.set(StoreStatus::Ready);
                    self.show_loaded(crate::sync::load_all(&store).await);
                }
                Err(e) => self.store_status.set(StoreStatus::Failed(e)),
            }
            self.loaded.set(true);
        });
    }

    /// Puts what was read from IndexedDB in memory: the records that read, and what was
    /// kept aside. A read that failed as a whole leaves memory empty and blocks every
    /// whole-kind write (the data is still stored: replacing a kind would delete it).
    pub fn show_loaded(self, loaded: Result<Loaded, StorageError>) {
        match loaded {
            Ok(Loaded {
                dataset,
                unreadable,
            }) => {
                self.dataset.set(dataset);
                self.kept_aside.set(KeptAside {
                    items: unreadable,
                    failed: None,
                });
            }
            Err(e) => {
                self.kept_aside.update(|k| k.failed = Some(e.to_string()));
                self.notify_error(&e);
            }
        }
    }

    /// Saves one user action. On success `then` updates the in-memory dataset (so memory
    /// only changes when disk did) and what was written is returned; on failure the
    /// person sees why and `None` is returned.
    pub async fn apply(
        self,
        changes: ChangeSet,
        then: impl FnOnce(&mut Dataset),
    ) -> Option<Applied> {
        let Some(store) = self.store.get_untracked() else {
            let e = match self.store_status.get_untracked() {
                StoreStatus::Failed(e) => e,
                _ => StorageError::Unavailable("database not open yet".into()),
            };
            self.notify_error(&e);
            return None;
        };
        // Replacing a kind deletes what is stored of it first, what could not be read too.
        let replaced = changes.replaced_kinds().join(", ");
        if !replaced.is_empty()
            && self
                .kept_aside
                .with_untracked(KeptAside::blocks_whole_kinds)
        {
            self.notify_error(&StorageError::KeptAside(format!(
                "{label}: {replaced}",
                label = changes.label
            )));
            return None;
        }
        let label = changes.label.clone();
        match store.apply(changes).await {
            Ok(applied) => {
                self.dataset.update(then);
                // Other open tabs reload what was just committed (see `ui::tabs`).
                crate::ui::tabs::announce_change(&label);
                Some(applied)
            }
            Err(e) => {
                self.notify_error(&e);
                None
            }
        }
    }

    /// Asks for persistent storage and refreshes the quota figures.
    pub fn refresh_storage_info(self, ask: bool) {
        spawn_local(async move {
            let p = if ask {
                storage::request_persistence().await
            } else {
                storage::persistence().await
            };
            self.persistence.set(Some(p));
            self.quota.set(storage::estimate().await);
        });
    }
}
