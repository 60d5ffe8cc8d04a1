//! Time for the steps' timings (shown under "details", printed by the bench).

/// Milliseconds, high resolution.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
