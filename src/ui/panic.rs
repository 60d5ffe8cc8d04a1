//! A panic replaces the page with a message in Thai and English and a "copy details" box,
//! instead of leaving a frozen screen.
//!
//! The copy and reload buttons are handled by `public/boot.js` (plain JavaScript), because
//! after a panic (`panic = "abort"` in release) the wasm instance must not be called again.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::ui::i18n::Msg;

static SHOWN: AtomicBool = AtomicBool::new(false);

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !SHOWN.swap(true, Ordering::SeqCst) {
            let _ = show(&details(&info.to_string()));
        }
    }));
}

fn details(panic: &str) -> String {
    let w = web_sys::window();
    let href = w
        .as_ref()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let ua = w
        .as_ref()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let at = js_sys::Date::new_0().to_iso_string();
    format!(
        "{panic}\n\nmueang {}\n{at}\n{href}\n{ua}\n",
        env!("CARGO_PKG_VERSION"),
        at = String::from(at)
    )
}

fn show(details: &str) -> Option<()> {
    let doc = web_sys::window()?.document()?;
    let body = doc.body()?;
    // Emptied without parsing anything as HTML: the crash page is built from text nodes.
    body.set_text_content(None);
    let el = |tag: &str, text: &str, attrs: &[(&str, &str)]| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        for (k, v) in attrs {
            e.set_attribute(k, v).ok()?;
        }
        Some(e)
    };
    let main = el("main", "", &[("class", "crash"), ("role", "alert")])?;
    for child in [
        el("h1", Msg::CrashTitle.th(), &[("lang", "th")])?,
        el(
            "p",
            Msg::CrashTitle.en(),
            &[("lang", "en"), ("class", "crash-en")],
        )?,
        el("p", Msg::CrashBody.th(), &[("lang", "th")])?,
        el("p", Msg::CrashBody.en(), &[("lang", "en")])?,
        el(
            "label",
            &Msg::CrashDetails.both(),
            &[("for", "crash-details")],
        )?,
        el(
            "textarea",
            details,
            &[("id", "crash-details"), ("readonly", ""), ("rows", "8")],
        )?,
        el(
            "button",
            &Msg::CopyDetails.both(),
            &[("data-copy", "crash-details"), ("type", "button")],
        )?,
        el(
            "button",
            &Msg::Reload.both(),
            &[
                ("data-reload", ""),
                ("type", "button"),
                ("class", "secondary"),
            ],
        )?,
    ] {
        main.append_child(&child).ok()?;
    }
    body.append_child(&main).ok()?;
    Some(())
}
