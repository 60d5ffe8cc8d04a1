//! The attachments panel's strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttachText {
    Title,
    Hint,
    TakePhoto,
    ChooseFiles,
    Working,
    None,
    Remove,
    Close,
    OpenDocument,
    NotHere,
    ViewFull,
    Pdf,
    InBundle,
    Record,
    FileName,
    Size,
}

impl Text for AttachText {
    fn pair(self) -> (&'static str, &'static str) {
        use AttachText::*;
        match self {
            Title => ("หลักฐานแนบ (รูปถ่าย เอกสาร PDF)", "Evidence (photos, PDF documents)"),
            Hint => (
                "ถ่ายรูปด้วยกล้องของแท็บเล็ต หรือเลือกรูปและไฟล์ PDF รูปจะถูกย่อในเครื่องก่อนเก็บ แล้วกดบันทึก",
                "Take a photo with the tablet's camera, or choose photos and PDF files. Photos are made smaller on the device before they are kept; then press Save.",
            ),
            TakePhoto => ("ถ่ายรูป", "Take a photo"),
            ChooseFiles => ("เลือกรูปหรือไฟล์ PDF", "Choose photos or PDFs"),
            Working => ("กำลังเตรียมไฟล์…", "Preparing the file…"),
            None => ("ยังไม่มีไฟล์แนบ", "No files attached yet"),
            Remove => ("นำออก", "Remove"),
            Close => ("ปิด", "Close"),
            OpenDocument => ("เปิดเอกสาร", "Open the document"),
            NotHere => (
                "ไฟล์นี้ไม่อยู่ในเครื่องนี้ (ไม่ได้ส่งมากับชุดข้อมูล)",
                "Not on this device (not included in the bundle)",
            ),
            ViewFull => ("ดูขนาดเต็ม", "View full size"),
            Pdf => ("เอกสาร PDF", "PDF document"),
            Record => ("รายการ", "Record"),
            FileName => ("ชื่อไฟล์", "File name"),
            Size => ("ขนาด", "Size"),
            InBundle => (
                "รวมไฟล์แนบ (รูปถ่าย เอกสาร PDF) ไปด้วย ไฟล์จะใหญ่ขึ้น ไฟล์ที่สำนักงานปลายทางมีแล้วจะไม่ส่งซ้ำ",
                "Include attachments (photos, PDF documents): the file gets larger; files the other office already has are not sent again",
            ),
        }
    }
}
