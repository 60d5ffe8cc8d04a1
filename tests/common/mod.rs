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
    /// Resolves after `ms` milliseconds of the page's own timer.
    pub async fn sleep_ms(ms: i32) {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}
