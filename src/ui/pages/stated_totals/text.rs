//! The stated-total screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatedText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    Label,
    LabelHint,
    Source,
    SourceHint,
    StatedFigures,
    StatedFiguresHint,
    Cities,
    Provinces,
    Amount,
    Comparison,
    Figure,
    Stated,
    Computed,
    Difference,
    NotStated,
    NoTotals,
}

impl Text for StatedText {
    fn pair(self) -> (&'static str, &'static str) {
        use StatedText::*;
        match self {
            Title => ("ยอดรวมที่แจ้ง", "Stated totals"),
            Intro => (
                "ตัวเลขที่แจ้งในข่าวหรือหนังสือ เก็บไว้เทียบกับยอดที่คำนวณจากข้อมูลที่บันทึก ไม่แก้ตัวเลขฝ่ายใดฝ่ายหนึ่ง",
                "Figures as announced in a news item or letter, kept to compare with what the records add up to. Neither is ever corrected.",
            ),
            Add => ("เพิ่มยอดรวมที่แจ้ง", "Add a stated total"),
            NewTitle => ("ยอดรวมที่แจ้งใหม่", "New stated total"),
            EditTitle => ("ยอดรวมที่แจ้ง", "Stated total"),
            Label => ("ข้อความที่แจ้ง", "What was stated"),
            LabelHint => ("เช่น ภาคเหนือ 12 เมือง จาก 9 จังหวัด งบประมาณรวม 6.6 ล้านบาท", "e.g. North: 12 cities in 9 provinces, 6.6 million baht"),
            Source => ("ที่มา", "Source"),
            SourceHint => ("เอกสาร ข่าว และวันที่", "Document, article and date"),
            StatedFigures => ("ตัวเลขที่แจ้ง", "Stated figures"),
            StatedFiguresHint => ("เว้นว่างตัวเลขที่ไม่ได้แจ้ง", "Leave empty what was not stated"),
            Cities => ("จำนวนเมือง", "Number of cities"),
            Provinces => ("จำนวนจังหวัด", "Number of provinces"),
            Amount => ("งบประมาณสนับสนุนรวม", "Total support"),
            Comparison => ("เทียบกับข้อมูลที่บันทึก", "Against the records"),
            Figure => ("รายการ", "Figure"),
            Stated => ("ยอดรวมที่แจ้ง", "Stated"),
            Computed => ("ยอดที่คำนวณจากข้อมูลที่บันทึก", "Computed from the records"),
            Difference => ("ผลต่าง (ที่แจ้ง − ที่คำนวณ)", "Difference (stated − computed)"),
            NotStated => ("ไม่ได้แจ้ง", "not stated"),
            NoTotals => ("ยังไม่มียอดรวมที่แจ้ง", "No stated total yet"),
        }
    }
}
