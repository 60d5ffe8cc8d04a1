//! `/_crash`: panics on purpose, so the end-to-end tests can check that a panic shows the
//! friendly crash page (src/ui/panic.rs) instead of a frozen screen. Not linked anywhere.

use leptos::prelude::*;

#[component]
pub fn CrashTest() -> impl IntoView {
    // Panicking from an event rather than during render would be closer to real bugs, but
    // render is where a bad record would most likely trip an `unwrap`.
    if true {
        panic!("crash test: this panic is deliberate");
    }
    view! { <p></p> }
}
