//! The instalment screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstalmentText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    Number,
    NumberHint,
    PlannedShare,
    PlannedShareHint,
    Amount,
    ExpectedIs,
    PlannedDate,
    DueDate,
    Reference,
    ReferenceHint,
    Transfer,
    TransferDate,
    RecordTransfer,
    Blocked,
    ReadyToTransfer,
    TransferredOn,
    CancelTransfer,
    TransferRecorded,
    NoInstalments,
    Status,
    Planned,
    Transferred,
    InstalmentNo,
    Requested,
    RequestedDate,
    RequestedDateHint,
    PaysInto,
    NoAccount,
    AddAccount,
}

impl Text for InstalmentText {
    fn pair(self) -> (&'static str, &'static str) {
        use InstalmentText::*;
        match self {
            Title => ("งวดเงิน", "Instalments"),
            Intro => (
                "เงินที่อนุมัติให้เมืองโอนเป็นงวด งวดแรกตามสัดส่วนที่กำหนด งวดที่ 2 ต้องเบิกให้เสร็จภายในกำหนด",
                "A city's approved money moves in instalments: the first at the set share, the second completed by the deadline.",
            ),
            Add => ("เพิ่มงวดเงิน", "Add an instalment"),
            NewTitle => ("งวดเงินใหม่", "New instalment"),
            EditTitle => ("งวดเงิน", "Instalment"),
            Number => ("งวดที่", "Instalment number"),
            NumberHint => ("1 คืองวดแรก", "1 is the first instalment"),
            PlannedShare => ("สัดส่วนตามแผน (ร้อยละ)", "Planned share (per cent)"),
            PlannedShareHint => ("เช่น 70", "e.g. 70"),
            Amount => ("จำนวนเงินงวดนี้", "Amount of this instalment"),
            ExpectedIs => ("ตามเกณฑ์ควรเป็น", "By the rules it should be"),
            PlannedDate => ("วันที่วางแผนโอน", "Planned transfer date"),
            DueDate => ("กำหนดที่ขยายให้เมืองนี้ (ถ้าตกลงขยาย)", "Extended deadline agreed with this city (if any)"),
            Reference => ("เลขที่อ้างอิง", "Reference"),
            ReferenceHint => ("เลขที่ใบโอนหรือใบสำคัญ", "Bank transfer or voucher number"),
            Transfer => ("การโอนเงิน", "Transfer"),
            TransferDate => ("วันที่โอนจริง", "Date transferred"),
            RecordTransfer => ("บันทึกการโอนเงิน", "Record the transfer"),
            Blocked => (
                "ยังบันทึกการโอนไม่ได้ ต้องแก้ข้อผิดพลาดต่อไปนี้ก่อน:",
                "The transfer cannot be recorded until these errors are fixed:",
            ),
            ReadyToTransfer => ("ผ่านการตรวจตามหลักเกณฑ์ บันทึกการโอนได้", "Passes the rule check: the transfer can be recorded"),
            TransferredOn => ("โอนแล้วเมื่อ", "Transferred on"),
            CancelTransfer => ("ยกเลิกการโอน (ยังไม่ได้โอน)", "Undo the transfer (not transferred)"),
            TransferRecorded => ("บันทึกการโอนแล้ว", "Transfer recorded"),
            NoInstalments => ("ยังไม่มีงวดเงินที่ตรงกับตัวกรอง", "No instalment matches the filters"),
            Status => ("สถานะ", "Status"),
            Planned => ("ยังไม่โอน", "Planned"),
            Transferred => ("โอนแล้ว", "Transferred"),
            InstalmentNo => ("งวดที่", "Instalment"),
            Requested => ("ขอเบิกแล้ว รอโอน", "Requested, waiting for transfer"),
            RequestedDate => ("วันที่เมืองขอเบิก (ส่งรายงานแล้ว)", "Date the city asked to draw (with its report)"),
            RequestedDateHint => (
                "งวดที่ 2: ถ้าเมืองขอเบิกภายในกำหนด ไม่นับว่าล่าช้า แม้ พอช. จะโอนทีหลัง",
                "Second instalment: a request by the deadline is not overdue, even if CODI transfers later",
            ),
            PaysInto => ("โอนเข้าบัญชี", "Paid into"),
            NoAccount => (
                "เมืองนี้ยังไม่มีบัญชีรับเงิน ต้องกรอกที่หน้าข้อมูลเมืองก่อนจึงจะบันทึกการโอนได้",
                "This city has no receiving account yet: add it on the city's form before a transfer can be recorded",
            ),
            AddAccount => ("กรอกบัญชีรับเงินของเมือง", "Add the city's receiving account"),
        }
    }
}
