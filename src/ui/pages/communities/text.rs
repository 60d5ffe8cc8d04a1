//! The community screens' strings.

use crate::ui::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommunityText {
    Title,
    Intro,
    Add,
    NewTitle,
    EditTitle,
    NoCommunities,
    Name,
    NameHint,
    District,
    Subdistrict,
    Place,
    Latitude,
    Longitude,
    LocationHint,
    People,
    Households,
    HouseholdsHint,
    Population,
    Land,
    Landowner,
    Tenure,
    Eviction,
    EvictionDate,
    Savings,
    SavingsMembers,
    SavingsBalance,
    Organisation,
    Plan,
    Solution,
    Programme,
    Notes,
    Surveyed,
    OfStated,
}

impl Text for CommunityText {
    fn pair(self) -> (&'static str, &'static str) {
        use CommunityText::*;
        match self {
            Title => ("ชุมชน", "Communities"),
            Intro => (
                "ชุมชนในเมืองที่สำรวจข้อมูลทั้งเมือง: ที่ดิน การถูกไล่ที่ สิ่งที่ขาด และแนวทางแก้ปัญหาที่อยู่อาศัย",
                "The communities of each city in the city-wide survey: land, eviction, what is missing and the housing solution in view.",
            ),
            Add => ("เพิ่มชุมชน", "Add a community"),
            NewTitle => ("ชุมชนใหม่", "New community"),
            EditTitle => ("ชุมชน", "Community"),
            NoCommunities => ("ยังไม่มีชุมชน", "No community yet"),
            Name => ("ชื่อชุมชน", "Community name"),
            NameHint => ("ตามที่ชาวบ้านเรียก เช่น ชุมชนริมน้ำ", "As people call it, e.g. ชุมชนริมน้ำ"),
            District => ("อำเภอ", "District"),
            Subdistrict => ("ตำบล", "Subdistrict"),
            Place => ("ที่ตั้ง", "Where"),
            Latitude => ("ละติจูด", "Latitude"),
            Longitude => ("ลองจิจูด", "Longitude"),
            LocationHint => ("เป็นองศา เช่น 16.7134 และ 98.5747 เว้นว่างได้", "In degrees, e.g. 16.7134 and 98.5747; may be left empty"),
            People => ("ครัวเรือนและประชากร", "Households and people"),
            Households => ("จำนวนครัวเรือน (ตามที่แจ้ง)", "Households (as stated)"),
            HouseholdsHint => ("ใช้เทียบกับจำนวนที่สำรวจได้", "Compared with the households surveyed"),
            Population => ("จำนวนประชากร", "Population"),
            Land => ("ที่ดินและการถูกไล่ที่", "Land and eviction"),
            Landowner => ("เจ้าของที่ดิน", "Landowner"),
            Tenure => ("สถานะการอยู่อาศัยในที่ดิน", "Land tenure"),
            Eviction => ("การถูกไล่ที่", "Eviction threat"),
            EvictionDate => ("วันที่ถูกขู่หรือได้รับหนังสือ", "Date of the threat or notice"),
            Savings => ("กลุ่มออมทรัพย์และองค์กรชุมชน", "Savings group and organisation"),
            SavingsMembers => ("จำนวนสมาชิกกลุ่มออมทรัพย์", "Savings-group members"),
            SavingsBalance => ("เงินออมของกลุ่ม (บาท)", "Savings balance (baht)"),
            Organisation => ("องค์กรชุมชน", "Community organisation"),
            Plan => ("แนวทางแก้ปัญหาที่อยู่อาศัย", "Housing solution"),
            Solution => ("แนวทางที่ชุมชนต้องการ", "Preferred solution"),
            Programme => ("โครงการที่อยู่อาศัย", "Housing programme"),
            Notes => ("หมายเหตุ", "Notes"),
            Surveyed => ("สำรวจแล้ว", "surveyed"),
            OfStated => ("จาก", "of"),
        }
    }
}
