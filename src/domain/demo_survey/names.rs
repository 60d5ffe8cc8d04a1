//! Words the fictional survey is made of. Names are composed, never taken from a real
//! list, and every person's name carries "(สมมติ)" so a printout cannot be mistaken for
//! a real one.

/// Parts of community names as they are commonly formed (by a landmark or a wish).
pub const COMMUNITY_WORDS: &[&str] = &[
    "ริมน้ำ",
    "หลังวัด",
    "ริมทางรถไฟ",
    "ร่วมใจพัฒนา",
    "สามัคคี",
    "เจริญสุข",
    "ริมคลอง",
    "ตลาดเก่า",
    "บ่อแก้ว",
    "ศรีเมือง",
    "หนองบัวทอง",
    "ท่าน้ำ",
    "ใต้สะพาน",
    "มั่นคงพัฒนา",
    "ร่มเย็น",
    "สันติสุข",
    "ประตูเมือง",
    "กำแพงดิน",
    "โรงสีเก่า",
    "หัวฝาย",
];

pub const FIRST_NAMES: &[(&str, &str)] = &[
    ("นาย", "สมมติ"),
    ("นาง", "สมหญิง"),
    ("นาย", "สมชาย"),
    ("นางสาว", "มาลี"),
    ("นาย", "บุญมี"),
    ("นาง", "ทองใบ"),
    ("นาย", "ประเสริฐ"),
    ("นาง", "คำปุ่น"),
    ("นาย", "สุข"),
    ("นางสาว", "จันทร์เพ็ญ"),
    ("นาย", "อินทร์"),
    ("นาง", "บัวผัน"),
];

pub const SURNAMES: &[&str] = &[
    "ใจดี",
    "ทดลอง",
    "ตัวอย่าง",
    "มีสุข",
    "รักถิ่น",
    "ดีงาม",
    "สมมติวงศ์",
    "แสนสุข",
    "ศรีสมมติ",
    "บ้านมั่น",
];

/// Surveyors (fictional too): a volunteer of the community network in each city.
pub const SURVEYORS: &[&str] = &[
    "อาสาสมัครสำรวจ ก (สมมติ)",
    "อาสาสมัครสำรวจ ข (สมมติ)",
    "อาสาสมัครสำรวจ ค (สมมติ)",
    "อาสาสมัครสำรวจ ง (สมมติ)",
];

/// Community organisations as they are usually named.
pub const ORGANISATIONS: &[&str] = &[
    "คณะกรรมการชุมชน",
    "สหกรณ์เคหสถานบ้านมั่นคง",
    "กลุ่มออมทรัพย์เพื่อการผลิต",
    "เครือข่ายชุมชนเมือง",
];
