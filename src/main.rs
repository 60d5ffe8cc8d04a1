//! The browser app's entry point (Trunk builds this binary).

#[cfg(target_arch = "wasm32")]
fn main() {
    mueang::ui::panic::install();
    // index.html shows a "loading" line until the app is ready to take over.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(mueang::app::App);
}

/// Natively there is no browser: point to the command-line tool instead.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("mueang-app runs in the browser: use `make serve`. The native tool is `mueang`.");
}
