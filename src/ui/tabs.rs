//! Two tabs (or windows) of Mueang open at once.
//!
//! **Decision: the other tabs follow.** Every write goes through `AppState::apply` (one
//! IndexedDB transaction), which then calls [`announce_change`]: it writes a small marker
//! to localStorage, and the browser fires a `storage` event in every *other* tab of this
//! site. Each of those reloads its records from IndexedDB ([`follow_other_tabs`]) and says
//! so briefly ([`TabNotice`]).
//!
//! Why following rather than making the second tab read-only: IndexedDB transactions are
//! atomic and a chunk is read and written inside one readwrite transaction, so two tabs
//! cannot corrupt a chunk; what a stale tab could do is show old data and save a record
//! over a newer version. Reloading removes the staleness, and each save re-reads the
//! record's current version from the reloaded dataset before stamping it, so both edits
//! stay in the audit trail. Forms follow too: an edit session whose form is untouched
//! takes the new version; one with typing in it keeps the typing (and its draft), and the
//! person decides. A read-only second tab would instead stop a secretary who simply
//! opened the app twice.
//!
//! The `storage` event rather than a `BroadcastChannel`: it needs no extra browser API,
//! and the marker also tells a tab that was asleep (a backgrounded tablet) on wake-up.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::i18n::{tr, Text};
use crate::ui::state::AppState;

/// The localStorage key whose changes other tabs listen to.
pub const CHANGED_KEY: &str = "mueang.tabs.changed.v1";

thread_local! {
    /// This tab's id, so a tab can tell its own marker from another's.
    static TAB_ID: Cell<u64> = Cell::new((js_sys::Math::random() * 9.0e15) as u64);
    /// Reloads started; only the newest one's result is kept.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Tells the other tabs that the records changed (after a committed transaction).
/// A refused localStorage only means the other tabs catch up at their next reload.
pub fn announce_change(label: &str) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let marker = serde_json::json!({
        "tab": TAB_ID.with(Cell::get),
        "at": js_sys::Date::now(),
        "label": label,
    });
    let _ = storage.set_item(CHANGED_KEY, &marker.to_string());
}

/// What the other-tab notice needs; provided by [`follow_other_tabs`].
#[derive(Clone, Copy)]
pub struct TabSync {
    /// When this tab last took in another tab's changes (ms since the epoch).
    pub followed_at: RwSignal<Option<f64>>,
}

/// Listens for other tabs' changes and reloads the records when one arrives. Call once in
/// `App`, after the state is provided.
pub fn follow_other_tabs(app: AppState) {
    let sync = TabSync {
        followed_at: RwSignal::new(None),
    };
    provide_context(sync);
    let handle = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() != Some(CHANGED_KEY) {
            return;
        }
        reload(app, sync);
    });
    on_cleanup(move || handle.remove());
}

/// Reads every record again and puts them in memory, unless a newer reload started since.
fn reload(app: AppState, sync: TabSync) {
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let Some(store) = app.store.get_untracked() else {
        return;
    };
    spawn_local(async move {
        let loaded = crate::sync::load_all(&store).await;
        if GENERATION.with(Cell::get) != generation {
            return;
        }
        let ok = loaded.is_ok();
        app.show_loaded(loaded);
        if ok {
            sync.followed_at.set(Some(js_sys::Date::now()));
        }
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TabText {
    Followed,
    Dismiss,
}

impl Text for TabText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            TabText::Followed => (
                "มีการแก้ไขข้อมูลจากอีกแท็บหนึ่ง หน้านี้แสดงข้อมูลล่าสุดแล้ว (สิ่งที่กำลังพิมพ์อยู่ยังอยู่ครบ)",
                "Data was changed in another tab; this page now shows the latest (anything you are typing is kept).",
            ),
            TabText::Dismiss => ("ปิด", "Dismiss"),
        }
    }
}

/// "Updated from another tab", for a few seconds after each follow.
#[component]
pub fn TabNotice() -> impl IntoView {
    let Some(sync) = use_context::<TabSync>() else {
        return ().into_any();
    };
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if sync.followed_at.get().is_some() {
            shown.set(true);
            set_timeout(move || shown.set(false), std::time::Duration::from_secs(8));
        }
    });
    view! {
        <Show when=move || shown.get()>
            <div class="notice notice-info tab-notice" role="status" data-testid="tab-followed">
                <p>{tr(TabText::Followed)}</p>
                <button type="button" class="secondary" on:click=move |_| shown.set(false)>{tr(TabText::Dismiss)}</button>
            </div>
        </Show>
    }
    .into_any()
}
