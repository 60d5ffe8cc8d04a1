//! Helpers shared by the table-driven tests.

#![allow(dead_code)] // each test crate uses a different part

/// Rows of `tests/fixtures/{folder}/{name}`: tab-separated fields with their line numbers,
/// `#` comments and blank lines skipped. Fields are not trimmed, because spaces inside an
/// input are part of what is tested. A fixture with no rows fails, so a table emptied by
/// mistake cannot pass silently.
pub fn tsv_rows(folder: &str, name: &str) -> Vec<(usize, Vec<String>)> {
    let path = format!(
        "{}/tests/fixtures/{folder}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows: Vec<_> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::to_owned).collect()))
        .collect();
    assert!(!rows.is_empty(), "{path} has no rows");
    rows
}

/// Helpers for the browser tests (`tests/web_*.rs`).
#[cfg(target_arch = "wasm32")]
pub mod browser {
    /// How long [`wait_until`] waits by default: far longer than any state change here
    /// takes, so only a state that never comes reaches it.
    pub const WAIT_MS: f64 = 5_000.0;

    /// Resolves on the page's next animation frame, after the tasks and effects queued so
    /// far (IndexedDB callbacks, Leptos' effects, timers) have had their turn.
    pub async fn next_frame() {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }

    /// Checks `cond` once per frame until it holds; fails naming `what` after
    /// [`WAIT_MS`]. A wait for the state a test expects, so a slow machine only makes it
    /// slower, never wrong (a fixed sleep would assert before the state arrived).
    pub async fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
        let start = js_sys::Date::now();
        while !cond() {
            let waited = js_sys::Date::now() - start;
            assert!(waited < WAIT_MS, "waited {waited} ms for {what}");
            next_frame().await;
        }
    }
}
