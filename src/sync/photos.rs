//! A chosen file or camera photo made ready to keep (`domain::forms::attachment_intake`
//! decides; this does the browser's part): a photo is decoded with `createImageBitmap`,
//! drawn at most 1,600 px on its long side on a canvas and encoded as JPEG at 0.8; a PDF
//! is kept as it is. The bytes are hashed with SHA-256 (the `sha2` crate, as bundles are)
//! to name them.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};

use crate::domain::forms::attachment_intake::{
    check_size, clean_file_name, intake, jpeg_file_name, keep_as_is, scaled_size, FileProblem,
    Intake,
};
use crate::domain::records::Attachment;
use crate::domain::sync::canonical::sha256_hex;
use crate::storage::NewBlob;

/// JPEG quality of a scaled photo, as the canvas takes it: a 1,600 px photo is then
/// typically 150–300 kB. Here, not in the domain: only the browser's encoder reads it.
const PHOTO_QUALITY: f64 = 0.8;

/// A file ready to keep: the record's reference and the bytes for the blob store.
pub struct Ready {
    pub attachment: Attachment,
    pub blob: NewBlob,
}

/// Reads, scales (photos) and hashes `file`.
pub async fn prepare(file: &File) -> Result<Ready, FileProblem> {
    let name = file.name();
    let unreadable = || FileProblem::Unreadable {
        name: clean_file_name(&name),
    };
    let media_type = file.type_();
    let (blob, media_type, file_name): (Blob, String, String) = match intake(&media_type, &name)? {
        Intake::Document => (file.clone().into(), media_type, clean_file_name(&name)),
        Intake::Photo => {
            let bitmap = decode(file).await.ok_or_else(unreadable)?;
            let (w, h) = (bitmap.width(), bitmap.height());
            if keep_as_is(&media_type, w, h, file.size() as u64) {
                bitmap.close();
                (file.clone().into(), media_type, clean_file_name(&name))
            } else {
                let jpeg = scale(&bitmap, w, h).await;
                bitmap.close();
                (
                    jpeg.ok_or_else(unreadable)?,
                    "image/jpeg".into(),
                    jpeg_file_name(&name),
                )
            }
        }
    };
    check_size(&name, blob.size() as u64)?;
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let sha256 = sha256_hex(&bytes);
    Ok(Ready {
        attachment: Attachment {
            sha256: sha256.clone(),
            media_type,
            size: bytes.len() as u64,
            file_name,
        },
        blob: NewBlob { sha256, blob },
    })
}

async fn decode(file: &File) -> Option<ImageBitmap> {
    let promise = web_sys::window()?
        .create_image_bitmap_with_blob(file)
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The photo drawn at its kept size and encoded as JPEG.
async fn scale(bitmap: &ImageBitmap, w: u32, h: u32) -> Option<Blob> {
    let (tw, th) = scaled_size(w, h);
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(tw);
    canvas.set_height(th);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, tw.into(), th.into())
        .ok()?;
    let promise = Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            done.unchecked_ref(),
            "image/jpeg",
            &JsValue::from_f64(PHOTO_QUALITY),
        );
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}
