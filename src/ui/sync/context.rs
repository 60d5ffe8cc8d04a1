//! Sync state shared by the sync pages, the header badge and the record screens: when data
//! last left this device, and what the other offices are known to hold.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::sync::Peers;
use crate::storage::StorageError;
use crate::ui::state::{use_app, AppState};

/// `Copy` handles; provided once by [`provide_sync`], read with [`use_sync`].
#[derive(Clone, Copy)]
pub struct SyncState {
    /// When data last left this device as a bundle (`None`: never, or not read yet). For
    /// the "not exported for a while" reminder: `domain::views::export_reminder`.
    pub last_export: RwSignal<Option<DateTime<Utc>>>,
    /// What the other offices are known to hold; `None` until first needed (it can be
    /// large, so it is read when the sync page opens, not at start-up).
    pub peers: RwSignal<Option<Peers>>,
}

/// Provides the sync state and reads the last export time once the database is open.
pub fn provide_sync() -> SyncState {
    let app = use_app();
    let state = SyncState {
        last_export: RwSignal::new(None),
        peers: RwSignal::new(None),
    };
    provide_context(state);
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(store) = app.store.get() else {
            return false;
        };
        spawn_local(async move {
            match crate::sync::last_export_at(&store).await {
                Ok(t) => state.last_export.set(t),
                Err(e) => app.notify_error(&e),
            }
        });
        true
    });
    state
}

/// The sync state (panics if [`provide_sync`] was not called by the app).
pub fn use_sync() -> SyncState {
    expect_context::<SyncState>()
}

impl SyncState {
    /// The peers, read from IndexedDB the first time.
    pub async fn peers(self, app: AppState) -> Result<Peers, StorageError> {
        if let Some(p) = self.peers.get_untracked() {
            return Ok(p);
        }
        let store = app
            .store
            .get_untracked()
            .ok_or_else(|| StorageError::Unavailable("database not open".into()))?;
        let peers = crate::sync::load_peers(&store).await?;
        self.peers.set(Some(peers.clone()));
        Ok(peers)
    }
}

impl SyncState {
    /// Reads the peers once the database is open (a page opened directly, by its address or
    /// a reload, mounts before the store is). Errors are told to the person.
    pub fn load_peers_once_open(self, app: AppState) {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            if app.store.with(Option::is_none) {
                return false;
            }
            spawn_local(async move {
                if let Err(e) = self.peers(app).await {
                    app.notify_error(&e);
                }
            });
            true
        });
    }
}
