//! A progress bar for imports and exports that take more than half a second.
//!
//! The work itself is synchronous wasm, so the page can only repaint between steps. Each
//! step reports where it is; once half a second has passed the bar is shown and every later
//! step yields one frame, so people see it move. Quick operations never show a bar and
//! never wait for a frame.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub use crate::sync::clock::now;
pub use crate::sync::stage::Stage;

/// Show the bar only for work that takes longer than this (milliseconds).
pub const SHOW_AFTER_MS: f64 = 500.0;
/// How often a count of files checked is painted (milliseconds).
const PAINT_EVERY_MS: f64 = 100.0;

/// Shared by the page (which renders it) and the pipeline (which moves it). `Copy`.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// The current step and how far the whole job is (0–1), while running.
    pub state: RwSignal<Option<(Stage, f64)>>,
    /// True once the job has run for [`SHOW_AFTER_MS`].
    pub visible: RwSignal<bool>,
    /// Files kept so far and how many, while an import keeps its attachments.
    pub files: RwSignal<Option<(usize, usize)>>,
    started: StoredValue<f64>,
    /// When [`Progress::checked`] last waited for a paint.
    painted: StoredValue<f64>,
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            state: RwSignal::new(None),
            visible: RwSignal::new(false),
            files: RwSignal::new(None),
            started: StoredValue::new(0.0),
            painted: StoredValue::new(0.0),
        }
    }

    pub fn start(self) {
        self.started.set_value(now());
        self.painted.set_value(0.0);
        self.visible.set(false);
        self.state.set(None);
        self.files.set(None);
    }

    /// Reports a file kept (`done` of `of`) between `from` and `to` of the whole job. Not
    /// async: it runs inside the blob store's transaction, and the browser paints between
    /// the requests' callbacks anyway.
    pub fn kept(self, done: usize, of: usize, (from, to): (f64, f64)) {
        let share = if of == 0 {
            1.0
        } else {
            done as f64 / of as f64
        };
        self.state
            .set(Some((Stage::KeepingFiles, from + (to - from) * share)));
        self.files.set(Some((done, of)));
        if now() - self.started.get_value() > SHOW_AFTER_MS {
            self.visible.set(true);
        }
    }

    /// Reports a file checked (`done` of `of`) between `from` and `to` of the whole job,
    /// while a bundle's files are read apart (no transaction is open: it may wait for a
    /// paint, as a step does).
    pub async fn checked(self, done: usize, of: usize, (from, to): (f64, f64)) {
        let share = done as f64 / of.max(1) as f64;
        self.state
            .set(Some((Stage::CheckingFiles, from + (to - from) * share)));
        self.files.set(Some((done, of)));
        let t = now();
        if t - self.started.get_value() > SHOW_AFTER_MS {
            self.visible.set(true);
            // A frame for every file added ~16 ms to each (200 photos: 2.1 → 3.4 s): the
            // count is painted a few times a second instead.
            if t - self.painted.get_value() > PAINT_EVERY_MS {
                self.painted.set_value(t);
                next_paint().await;
            }
        }
    }

    /// Reports a step; past the threshold, shows the bar and lets the browser paint it.
    pub async fn step(self, stage: Stage, fraction: f64) {
        self.files.set(None);
        self.state.set(Some((stage, fraction.clamp(0.0, 1.0))));
        if now() - self.started.get_value() > SHOW_AFTER_MS {
            self.visible.set(true);
            next_paint().await;
        }
    }

    pub fn finish(self) {
        self.state.set(None);
        self.files.set(None);
        self.visible.set(false);
    }
}

/// Resolves after the browser has had the chance to paint a frame (an animation frame, then
/// a task), or after 100 ms if frames are paused (a hidden tab).
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let again = resolve.clone();
        let w2 = w.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ = w2.set_timeout_with_callback_and_timeout_and_arguments_0(&again, 0);
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(promise).await;
}
