//! A clearly fictional survey sheet of any length, as an office's Excel file would hold it
//! (Thai headers, a title row, choices in everyday words, a few rows with problems): the
//! input of `mueang bench-csv` and of the browser's timing test.

/// `rows` households under a title and a header row, as CSV text.
pub fn sample_csv(rows: usize) -> String {
    const NAMES: [&str; 6] = [
        "นางสมศรี ใจดี",
        "นายสมชาย มั่นคง",
        "นางสาวมาลี ศรีสุข",
        "นายประเสริฐ ทองดี",
        "นางบุญมา แก้วใส",
        "นายวิชัย สุขสันต์",
    ];
    const CONDITION: [&str; 4] = ["ดี", "ต้องซ่อมแซม", "ทรุดโทรม", "ซ่อม"];
    const NEED: [&str; 4] = ["ซ่อมบ้าน", "สร้างบ้านใหม่", "ความมั่นคงในที่ดิน", "ไม่มี"];
    const TENURE: [&str; 3] = ["เจ้าของ", "เช่า", "อาศัยอยู่"];
    let mut out = String::with_capacity(rows * 160);
    out.push_str("แบบสำรวจครัวเรือน (ข้อมูลสมมติ),,,,,,,,,,,,\n");
    out.push_str(
        "ลำดับ,บ้านเลขที่,ชื่อหัวหน้าครัวเรือน,จำนวนสมาชิก,ผู้สูงอายุ,คนพิการ,เด็กเล็ก,\
         สถานะการอยู่อาศัย,ค่าเช่า,สภาพบ้าน,รายได้,สมาชิกออมทรัพย์,ความต้องการ\n",
    );
    for i in 0..rows {
        let members = 1 + i % 6;
        // Every 97th row has no members: a row the preview holds back.
        let members = if i % 97 == 96 { 0 } else { members };
        let tenure = TENURE[i % 3];
        let rent = if tenure == "เช่า" {
            "\"1,500\""
        } else {
            ""
        };
        out.push_str(&format!(
            "{},{}/{},{} (สมมติ),{members},{},{},{},{tenure},{rent},{},\"{}\",{},{}\n",
            i + 1,
            1 + i / 40,
            1 + i % 40,
            NAMES[i % NAMES.len()],
            i % 2,
            usize::from(i % 11 == 0),
            i % 3 % members.max(1),
            CONDITION[i % 4],
            3_000 + (i * 137) % 25_000,
            if i % 2 == 0 {
                "เป็น"
            } else {
                "ไม่เป็น"
            },
            NEED[i % 4],
        ));
    }
    out
}
