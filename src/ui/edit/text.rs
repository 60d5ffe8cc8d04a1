//! Strings of the editing machinery: toasts, drafts, conflicts, audit trail, actions.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditText {
    Saved,
    Deleted,
    Undone,
    Restored,
    Undo,
    Close,
    Save,
    Saving,
    Delete,
    ConfirmDelete,
    ConfirmDeleteYes,
    Cancel,
    FixFieldsFirst,
    DraftRestored,
    DiscardDraft,
    Unsaved,
    AllSaved,
    ConflictTitle,
    ConflictBody,
    ConflictLink,
    ConflictNoSave,
    DeletedRecord,
    AuditTitle,
    AuditEmpty,
    AuditBy,
    AuditOffice,
    AuditField,
    AuditOld,
    AuditNew,
    AuditLoading,
    ExampleLoad,
    ExampleIntro,
    ExampleConfirm,
    ExampleConfirmYes,
    ExampleLoaded,
    ExampleMerged,
    Loading,
    NotFound,
}

impl Text for EditText {
    fn pair(self) -> (&'static str, &'static str) {
        use EditText::*;
        match self {
            Saved => ("บันทึกแล้ว", "Saved"),
            Deleted => ("ลบแล้ว", "Deleted"),
            Undone => ("เลิกทำแล้ว", "Undone"),
            Restored => ("กู้คืนแล้ว", "Restored"),
            Undo => ("เลิกทำ", "Undo"),
            Close => ("ปิด", "Close"),
            Save => ("บันทึก", "Save"),
            Saving => ("กำลังบันทึก…", "Saving…"),
            Delete => ("ลบ", "Delete"),
            ConfirmDelete => (
                "ลบรายการนี้? เลิกทำได้ทันทีหลังลบ",
                "Delete this record? You can undo right after.",
            ),
            ConfirmDeleteYes => ("ยืนยันการลบ", "Yes, delete"),
            Cancel => ("ยกเลิก", "Cancel"),
            FixFieldsFirst => (
                "ยังบันทึกไม่ได้: กรุณาแก้ช่องที่มีเครื่องหมายสีแดงก่อน (สิ่งที่พิมพ์ไว้ยังอยู่ครบ)",
                "Not saved yet: correct the fields marked in red first (what you typed is kept).",
            ),
            DraftRestored => ("กู้คืนร่างที่ยังไม่บันทึก", "Restored an unsaved draft"),
            DiscardDraft => ("ทิ้งร่าง", "Discard the draft"),
            Unsaved => ("มีการแก้ไขที่ยังไม่บันทึก (เก็บเป็นร่างไว้แล้ว)", "Unsaved changes (kept as a draft)"),
            AllSaved => ("บันทึกครบแล้ว", "Everything is saved"),
            ConflictTitle => ("รายการนี้มีข้อมูลขัดแย้ง", "This record is in conflict"),
            ConflictBody => (
                "สำนักงานอื่นแก้ไขรายการนี้พร้อมกัน จึงมีสองฉบับ กรุณาเลือกฉบับที่ถูกต้องก่อนแก้ไขต่อ สิ่งที่พิมพ์ไว้จะเก็บเป็นร่าง",
                "Another office edited this record at the same time, so there are two versions. Choose the right one before editing further; what you type is kept as a draft.",
            ),
            ConflictLink => ("ไปที่หน้าข้อมูลขัดแย้ง", "Go to the conflicts page"),
            ConflictNoSave => (
                "บันทึกไม่ได้จนกว่าจะแก้ข้อมูลขัดแย้ง",
                "Cannot save until the conflict is settled",
            ),
            DeletedRecord => ("รายการนี้ถูกลบแล้ว", "This record was deleted"),
            AuditTitle => ("ประวัติการแก้ไข", "Change history"),
            AuditEmpty => ("ยังไม่มีประวัติการแก้ไขในเครื่องนี้", "No changes recorded on this device yet"),
            AuditBy => ("โดย", "by"),
            AuditOffice => ("สำนักงาน", "office"),
            AuditField => ("ช่อง", "Field"),
            AuditOld => ("เดิม", "Before"),
            AuditNew => ("ใหม่", "After"),
            AuditLoading => ("กำลังโหลดประวัติ…", "Loading the history…"),
            ExampleLoad => ("โหลดข้อมูลตัวอย่าง", "Load example data"),
            ExampleIntro => (
                "ข้อมูลตัวอย่าง: 12 เมืองของภาคเหนือ ปีงบประมาณ 2561 สำหรับทดลองใช้งาน",
                "Example data: 12 Northern cities, FY2561, to try the app with.",
            ),
            ExampleConfirm => (
                "เครื่องนี้มีข้อมูลอยู่แล้ว ข้อมูลตัวอย่างจะถูกรวมเข้ากับข้อมูลเดิม (ไม่ลบหรือเขียนทับ) ต้องการรวมหรือไม่?",
                "This device already has data. The example will be merged into it (nothing is deleted or overwritten). Merge it?",
            ),
            ExampleConfirmYes => ("รวมข้อมูลตัวอย่าง", "Merge the example"),
            ExampleLoaded => ("โหลดข้อมูลตัวอย่างแล้ว", "Example data loaded"),
            ExampleMerged => ("รวมข้อมูลตัวอย่างแล้ว", "Example data merged"),
            Loading => ("กำลังโหลด…", "Loading…"),
            NotFound => ("ไม่พบรายการนี้", "Record not found"),
        }
    }
}
