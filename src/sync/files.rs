//! Files in and out of the browser: reading what the person chose or dropped, handing a
//! bundle over as a download (a Blob URL and an `<a download>`), and the Web Share API for
//! tablets, where a file can go straight to LINE or e-mail.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement};

/// The media type bundles are offered as.
pub const JSON_TYPE: &str = "application/json";

/// The browser's own text for a failure, for the "details" line.
pub fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The bytes of a chosen or dropped file.
pub async fn read_file(file: &File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_error_text(&e))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The files of a `FileList` (from an `<input type=file>` or a drop), in order.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A `File` named `name` of `blob` (the browser shares the bytes, no copy).
pub fn file_of(name: &str, blob: &Blob) -> Result<File, String> {
    let options = FilePropertyBag::new();
    options.set_type(JSON_TYPE);
    File::new_with_blob_sequence_and_options(&Array::of1(blob), name, &options)
        .map_err(|e| js_error_text(&e))
}

/// Starts the browser's download of `blob` as `name`.
pub fn download(blob: &Blob, name: &str) -> Result<(), String> {
    let err = |e: JsValue| js_error_text(&e);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(err)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_rel("noopener");
    a.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// `{files: [file], title}` for `navigator.share` / `canShare`.
fn share_data(file: &File, title: &str) -> Object {
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(file));
    let _ = Reflect::set(&data, &"title".into(), &JsValue::from_str(title));
    data
}

fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let nav: JsValue = web_sys::window()?.navigator().into();
    let f = Reflect::get(&nav, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((nav, f))
}

/// Whether this browser can share `file` (tablets and phones, mostly; not desktop Chromium
/// on Linux). Feature-detected, never assumed.
pub fn can_share(file: &File) -> bool {
    let Some((nav, can)) = navigator_method("canShare") else {
        return false;
    };
    navigator_method("share").is_some()
        && can
            .call1(&nav, &share_data(file, ""))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
}

/// Opens the system share sheet with `file`. `Ok(false)` if the person closed it.
pub async fn share(file: &File, title: &str) -> Result<bool, String> {
    let (nav, share) = navigator_method("share").ok_or_else(|| "no Web Share".to_string())?;
    let promise: Promise = share
        .call1(&nav, &share_data(file, title))
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| "share did not return a promise".to_string())?;
    match JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(e) => {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "AbortError" {
                Ok(false)
            } else {
                Err(js_error_text(&e))
            }
        }
    }
}

/// A `Blob` of JSON text, for a download without building a `File`.
pub fn json_blob(bytes: &[u8]) -> Result<Blob, String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(JSON_TYPE);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|e| js_error_text(&e))
}
