//! Taking a chosen file or a camera photo into a record's attachments: what is accepted,
//! how far a photo is scaled before it is kept, the name it is kept under, and what the
//! person is told when a file cannot be attached. The browser part (decoding, the canvas,
//! hashing the bytes) is `sync::photos`; everything it decides is here and tested natively.

use crate::domain::file_size::megabytes;
use crate::domain::records::attachment::{MAX_ATTACHMENT_BYTES, MEDIA_TYPES};
use crate::domain::records::limits::MAX_NAME_CHARS;
use crate::domain::text::is_invisible;

/// The long side of a kept photo, in pixels: sharp on an A4 page and a tablet's screen.
pub const PHOTO_LONG_SIDE: u32 = 1600;
/// What the file input accepts (the same list the records allow).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp,application/pdf";

/// Why a file was not attached. Nothing else changes: the form keeps what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Not a photo or a PDF (the name is shown).
    UnknownType { name: String },
    /// Larger than 20 MB even after scaling (a PDF).
    TooBig { name: String, bytes: u64 },
    /// The browser could not read or decode it (a damaged photo, a HEIC it cannot open).
    Unreadable { name: String },
    /// The device has no room left for it.
    NoRoom { name: String },
}

impl FileProblem {
    pub fn th(&self) -> String {
        self.texts().0
    }

    pub fn en(&self) -> String {
        self.texts().1
    }

    /// The message in Thai and in English, side by side so that each says the same.
    fn texts(&self) -> (String, String) {
        match self {
            FileProblem::UnknownType { name } => (
                format!("แนบ \"{name}\" ไม่ได้: แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) และเอกสาร PDF"),
                format!("\"{name}\" was not attached: only photos (JPEG, PNG, WebP) and PDF documents can be."),
            ),
            FileProblem::TooBig { name, bytes } => {
                let mb = megabytes(*bytes);
                (
                    format!("แนบ \"{name}\" ไม่ได้: ไฟล์ใหญ่ {mb} MB เกินกว่า 20 MB ลองสแกนให้ละเอียดน้อยลงหรือแบ่งเป็นหลายไฟล์"),
                    format!("\"{name}\" was not attached: it is {mb} MB, above the 20 MB limit. Scan at a lower resolution or split it."),
                )
            }
            FileProblem::Unreadable { name } => (
                format!("เปิด \"{name}\" ไม่ได้ ไฟล์อาจเสียหาย หรือเป็นรูปแบบที่เบราว์เซอร์นี้ไม่รู้จัก"),
                format!("\"{name}\" could not be opened: it may be damaged, or of a kind this browser cannot read."),
            ),
            FileProblem::NoRoom { name } => (
                format!("พื้นที่ในเครื่องไม่พอเก็บ \"{name}\" จึงยังไม่ได้แนบ ข้อมูลที่กรอกไว้ยังอยู่ครบ บันทึกได้ตามปกติ"),
                format!(
                    "There is not enough space on this device for \"{name}\", so it was not attached. \
                     Everything typed is still here and can be saved as usual."
                ),
            ),
        }
    }
}

/// How a chosen file is taken in, by its media type as the browser reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intake {
    /// A photo: decoded and, if larger than [`PHOTO_LONG_SIDE`], scaled and kept as JPEG.
    Photo,
    /// A PDF, kept as it is.
    Document,
}

/// What to do with a file of `media_type`, or why it is refused.
pub fn intake(media_type: &str, name: &str) -> Result<Intake, FileProblem> {
    match media_type {
        "application/pdf" => Ok(Intake::Document),
        t if MEDIA_TYPES.contains(&t) => Ok(Intake::Photo),
        _ => Err(FileProblem::UnknownType {
            name: clean_file_name(name),
        }),
    }
}

/// The size a `width` × `height` photo is kept at: its long side at most
/// [`PHOTO_LONG_SIDE`], proportions kept, never enlarged, never 0.
pub fn scaled_size(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= PHOTO_LONG_SIDE || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = |v: u32| {
        ((u64::from(v) * u64::from(PHOTO_LONG_SIDE) + u64::from(long) / 2) / u64::from(long)) as u32
    };
    (scale(width).max(1), scale(height).max(1))
}

/// Whether a photo can be kept as it came: a JPEG no larger than needed.
pub fn keep_as_is(media_type: &str, width: u32, height: u32, bytes: u64) -> bool {
    media_type == "image/jpeg" && width.max(height) <= PHOTO_LONG_SIDE && bytes <= 400 * 1024
}

/// Whether a kept file of `bytes` is within the limit.
pub fn check_size(name: &str, bytes: u64) -> Result<(), FileProblem> {
    if bytes > MAX_ATTACHMENT_BYTES {
        return Err(FileProblem::TooBig {
            name: clean_file_name(name),
            bytes,
        });
    }
    Ok(())
}

/// The name a file is kept under: what the device called it, without folders, control or
/// invisible characters, at most 300 characters; a photo re-encoded as JPEG ends in
/// `.jpg`. A camera photo without a name is "รูปถ่าย.jpg".
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() {
        "รูปถ่าย.jpg".to_owned()
    } else {
        cleaned
    }
}

/// [`clean_file_name`] for a photo re-encoded as JPEG: its extension becomes `.jpg`.
pub fn jpeg_file_name(name: &str) -> String {
    let clean = clean_file_name(name);
    let stem = match clean.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => clean.as_str(),
    };
    let stem: String = stem.chars().take(MAX_NAME_CHARS - 4).collect();
    format!("{stem}.jpg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_scaled_to_1600_on_the_long_side_never_enlarged() {
        assert_eq!(scaled_size(4032, 3024), (1600, 1200));
        assert_eq!(scaled_size(3024, 4032), (1200, 1600));
        assert_eq!(scaled_size(1200, 900), (1200, 900));
        assert_eq!(scaled_size(100_000, 1), (1600, 1));
        assert_eq!(scaled_size(0, 0), (1, 1));
        assert_eq!(scaled_size(u32::MAX, u32::MAX), (1600, 1600));
    }

    #[test]
    fn only_photos_and_pdfs_are_taken_in() {
        assert_eq!(intake("image/png", "a.png"), Ok(Intake::Photo));
        assert_eq!(intake("application/pdf", "a.pdf"), Ok(Intake::Document));
        let refused = intake("text/html", "C:\\x\\page.html").unwrap_err();
        assert_eq!(
            refused,
            FileProblem::UnknownType {
                name: "page.html".into()
            }
        );
        assert!(refused.th().contains("PDF") && refused.en().contains("PDF"));
        assert!(
            intake("", "x").is_err(),
            "no type reported: refused, not guessed"
        );
    }

    #[test]
    fn names_lose_folders_and_hidden_characters_and_photos_end_in_jpg() {
        assert_eq!(clean_file_name("../../etc/IMG_0412.HEIC"), "IMG_0412.HEIC");
        assert_eq!(clean_file_name("a\u{202e}b\u{0}.png"), "ab.png");
        assert_eq!(clean_file_name("  "), "รูปถ่าย.jpg");
        assert_eq!(clean_file_name(&"ก".repeat(1_000_000)).chars().count(), 300);
        assert_eq!(jpeg_file_name("IMG_0412.png"), "IMG_0412.jpg");
        assert_eq!(jpeg_file_name(".hidden"), ".hidden.jpg");
        assert_eq!(jpeg_file_name(&"ก".repeat(400)).chars().count(), 300);
    }

    #[test]
    fn a_pdf_over_20_mb_is_refused_and_the_message_says_how_big() {
        let e = check_size("scan.pdf", 25 * 1024 * 1024).unwrap_err();
        assert!(e.th().contains("25.0 MB"), "{}", e.th());
        assert!(e.en().contains("25.0 MB"));
        assert!(check_size("scan.pdf", MAX_ATTACHMENT_BYTES).is_ok());
        assert!(keep_as_is("image/jpeg", 1600, 1200, 250_000));
        assert!(!keep_as_is("image/png", 1600, 1200, 250_000));
        assert!(!keep_as_is("image/jpeg", 4032, 3024, 250_000));
    }
}
