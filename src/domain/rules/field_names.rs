//! What a field is called for people. Findings carry the field's path (`"budgets[0].
//! approved_ceiling"`) so the UI can mark the input, but a message says "วงเงินที่อนุมัติ
//! ของงบประมาณรายปี ลำดับที่ 1", never the path: staff do not read file keys.

use crate::domain::records::RecordKind;

/// Thai and English names of one path segment; `None` for a name no one has described yet
/// (the test below keeps every path the rules produce described).
fn segment(
    kind: RecordKind,
    parent: Option<&str>,
    name: &str,
) -> Option<(&'static str, &'static str)> {
    Some(match (parent, name) {
        (Some("account"), "number") => ("เลขที่บัญชี", "account number"),
        (_, "account") => ("บัญชีรับเงิน", "receiving account"),
        (_, "account_name") => ("ชื่อบัญชี", "account name"),
        (_, "bank") => ("ธนาคาร", "bank"),
        (_, "branch") => ("สาขา", "branch"),
        (_, "signers") => ("ผู้มีอำนาจลงนาม", "people who sign"),
        (_, "amount") => ("จำนวนเงิน", "amount"),
        (_, "amount_approved") => ("วงเงินที่อนุมัติ", "approved amount"),
        (_, "amount_requested") => ("จำนวนเงินที่ขอ", "requested amount"),
        (_, "approved_ceiling") => ("วงเงินที่อนุมัติให้เมือง", "amount approved for the city"),
        (_, "attachments") => ("ไฟล์แนบ", "attachment"),
        (_, "attendance") => ("ผู้เข้าร่วมประชุม", "attendance"),
        (_, "budgets") => ("งบประมาณรายปี", "yearly budgets"),
        (_, "cities") => ("เมือง", "cities"),
        (_, "city_max") => ("วงเงินสูงสุดต่อเมือง", "city maximum"),
        (_, "co_funding") => ("เงินสมทบ", "co-funding"),
        (_, "code") => ("รหัส", "code"),
        (_, "committee_grant_city_town") => (
            "งบคณะกรรมการเมือง (เทศบาลนครและเทศบาลเมือง)",
            "committee grant (city and town municipalities)",
        ),
        (_, "committee_grant_subdistrict") => (
            "งบคณะกรรมการเมือง (เทศบาลตำบลและ อบต.)",
            "committee grant (subdistrict units)",
        ),
        (_, "completion_report") => ("รายงานผลการดำเนินงาน", "completion report"),
        (_, "contact") => ("ช่องทางติดต่อ", "contact"),
        (_, "count") => ("จำนวน", "count"),
        (_, "decisions") => ("มติที่ประชุม", "decisions"),
        (_, "description") => ("รายละเอียด", "description"),
        (_, "first_instalment_share") => ("สัดส่วนงวดที่ 1", "first-instalment share"),
        (_, "file_name") => ("ชื่อไฟล์", "file name"),
        (_, "fiscal_year") => ("ปีงบประมาณ", "fiscal year"),
        (_, "label") => ("ชื่อยอดรวม", "name of the total"),
        (_, "media_type") => ("ชนิดไฟล์", "file type"),
        (_, "members") => ("กรรมการ", "committee member"),
        (_, "name") => ("ชื่อ", "name"),
        (_, "name_en") => ("ชื่อภาษาอังกฤษ", "English name"),
        (_, "name_th") => ("ชื่อภาษาไทย", "Thai name"),
        (_, "number") => ("งวดที่", "instalment number"),
        (_, "place") => ("สถานที่", "place"),
        (_, "planned_share") => ("สัดส่วนที่วางแผน", "planned share"),
        (_, "position") => ("ตำแหน่ง", "position"),
        (None, "problems") if kind == RecordKind::ProgressReport => {
            ("ปัญหาและอุปสรรค", "problems met")
        }
        (_, "problems") => ("ปัญหาที่ยกขึ้น", "problems raised"),
        (_, "percent") => ("ความคืบหน้า", "progress"),
        (_, "work_done") => ("งานที่ทำแล้ว", "work done"),
        (_, "sha256") => ("รหัสตรวจสอบไฟล์", "file checksum"),
        (_, "size") => ("ขนาดไฟล์", "file size"),
        (_, "spent_to_date") => ("เงินที่ใช้ไปแล้ว", "spending to date"),
        (_, "progress_report_id") => ("รายงานความก้าวหน้าที่ใช้ขอเบิก", "progress report"),
        (_, "project_id") => ("โครงการ", "project"),
        (_, "progress_percent") => ("ความคืบหน้า", "progress"),
        (_, "households_reached") => ("ครัวเรือนที่ได้รับประโยชน์", "households reached"),
        (_, "project_max") => ("วงเงินสูงสุดต่อโครงการ", "project maximum"),
        (_, "proposer") => ("ผู้เสนอ", "proposer"),
        (_, "province_grant") => ("งบจังหวัด", "province grant"),
        (_, "provinces") => ("จังหวัด", "provinces"),
        (_, "reference") => ("เลขที่อ้างอิง", "reference"),
        (_, "signatories") => ("ผู้ลงนาม", "signatory"),
        (None, "source") if kind == RecordKind::StatedTotal => ("ที่มา", "source"),
        (_, "source") => ("แหล่งเงิน", "source"),
        (_, "title") => ("ชื่อ", "title"),
        (_, "witness") => ("พยาน", "witness"),
        (_, "district") => ("อำเภอ", "district"),
        (_, "local_code") => ("รหัสองค์กรปกครองส่วนท้องถิ่น", "local-government code"),
        (_, "city_id") => ("เมือง", "city"),
        (_, "province_id") => ("จังหวัด", "province"),
        (_, "committee_id") => ("คณะกรรมการเมือง", "committee"),
        (_, "region_id") => ("ภาค", "region"),
        (_, "planned_date") => ("วันที่วางแผนโอน", "planned transfer date"),
        (_, "actual_date") => ("วันที่โอน", "transfer date"),
        (_, "due_date") => ("วันครบกำหนดที่ตกลงขยาย", "agreed due date"),
        (_, "requested_date") => ("วันที่เมืองขอเบิก", "date the city asked to draw"),
        (_, "second_instalment_deadline") => ("กำหนดเบิกงวดที่ 2", "second-instalment deadline"),
        (_, "programme_start") => ("วันเริ่มโครงการ", "programme start"),
        (_, "status_history") => ("ประวัติสถานะ", "status history"),
        (Some("status_history"), "date") => ("วันที่", "date"),
        (None, "date") => match kind {
            RecordKind::Meeting => ("วันที่ประชุม", "meeting date"),
            RecordKind::Mou => ("วันที่ลงนาม", "signing date"),
            RecordKind::ProgressReport => ("วันที่รายงาน", "report date"),
            _ => ("วันที่ให้งบ", "grant date"),
        },
        _ => return None,
    })
}

/// `"budgets[0]"` → ("budgets", Some(0)).
fn split_index(s: &str) -> (&str, Option<usize>) {
    match s.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
        None => (s, None),
    }
}

/// How a person would call the field at `path` of a record of `kind`, in Thai and English:
/// "ชื่อของผู้ลงนาม ลำดับที่ 2" / "name of signatory 2". A path no one described reads
/// "ข้อมูลช่องหนึ่ง" / "one of its fields", never the path itself.
///
/// ```
/// use mueang::domain::records::RecordKind;
/// use mueang::domain::rules::field_label;
/// assert_eq!(field_label(RecordKind::Mou, "witness.name").0, "ชื่อของพยาน");
/// assert_eq!(field_label(RecordKind::Mou, "signatories[1].name").1, "name of signatory 2");
/// ```
pub fn field_label(kind: RecordKind, path: &str) -> (String, String) {
    let (first, leaf) = match path.split_once('.') {
        Some((first, rest)) => (first, rest.rsplit('.').next()),
        None => (path, None),
    };
    let (outer, index) = split_index(first);
    if outer == "attachments" && index.is_none() && leaf.is_some() {
        // The audit trail's one line per file, named by its hash (`editing::audit`); the
        // values shown are the file's name.
        return ("ไฟล์แนบ".to_string(), "attachment".to_string());
    }
    let unknown = || ("ข้อมูลช่องหนึ่ง".to_string(), "one of its fields".to_string());
    let Some((outer_th, outer_en)) = segment(kind, None, outer) else {
        return unknown();
    };
    let Some(leaf) = leaf else {
        return match index {
            Some(n) => (
                format!("{outer_th} ลำดับที่ {}", n + 1),
                format!("{outer_en} {}", n + 1),
            ),
            None => (outer_th.to_string(), outer_en.to_string()),
        };
    };
    let Some((leaf_th, leaf_en)) = segment(kind, Some(outer), leaf) else {
        return unknown();
    };
    match (outer, index) {
        ("account", _) => (leaf_th.to_string(), leaf_en.to_string()),
        ("status_history", Some(n)) => (
            format!("{leaf_th}ใน{outer_th} ลำดับที่ {}", n + 1),
            format!("{leaf_en} in the {outer_en}, entry {}", n + 1),
        ),
        (_, Some(n)) => (
            format!("{leaf_th}ของ{outer_th} ลำดับที่ {}", n + 1),
            format!("{leaf_en} of {outer_en} {}", n + 1),
        ),
        (_, None) => (
            format!("{leaf_th}ของ{outer_th}"),
            format!("{leaf_en} of the {outer_en}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RecordKind::*;

    /// Every path the rules name in a message, with the kind it belongs to.
    const PATHS: [(RecordKind, &str); 29] = [
        (Instalment, "planned_date"),
        (Instalment, "actual_date"),
        (Instalment, "due_date"),
        (Instalment, "requested_date"),
        (Instalment, "amount"),
        (Instalment, "planned_share"),
        (Meeting, "date"),
        (Mou, "date"),
        (Mou, "witness.name"),
        (Mou, "witness.position"),
        (Mou, "signatories[3].name"),
        (Committee, "members[2].name"),
        (Committee, "members[2].contact"),
        (City, "budgets[0].approved_ceiling"),
        (City, "budgets[0].fiscal_year"),
        (City, "account.number"),
        (City, "name_th"),
        (Project, "status_history[1].date"),
        (Project, "co_funding[0].amount"),
        (Meeting, "attendance[0].count"),
        (ProgrammeParameters, "second_instalment_deadline"),
        (ProgrammeParameters, "first_instalment_share"),
        (StatedTotal, "label"),
        (CommitteeGrant, "date"),
        (ProgressReport, "date"),
        (ProgressReport, "percent"),
        (ProgressReport, "spent_to_date"),
        (ProgressReport, "work_done"),
        (Instalment, "progress_report_id"),
    ];

    #[test]
    fn every_named_path_has_words_not_keys() {
        for (kind, path) in PATHS {
            let (th, en) = field_label(kind, path);
            assert_ne!(th, "ข้อมูลช่องหนึ่ง", "{path} has no Thai name");
            for text in [&th, &en] {
                assert!(!text.contains('_') && !text.contains('['), "{path}: {text}");
                assert!(!text.contains('.'), "{path}: {text}");
            }
        }
        assert_eq!(
            field_label(Project, "status_history[1].date").0,
            "วันที่ในประวัติสถานะ ลำดับที่ 2"
        );
        assert_eq!(field_label(City, "account.number").0, "เลขที่บัญชี");
        assert_eq!(
            field_label(Instalment, "no_such_field").1,
            "one of its fields"
        );
    }

    #[test]
    fn an_attached_file_in_the_audit_trail_is_called_an_attachment() {
        let path = format!("attachments.{}", "a".repeat(64));
        assert_eq!(field_label(Project, &path).0, "ไฟล์แนบ");
        assert_eq!(field_label(Meeting, &path).1, "attachment");
        assert_eq!(
            field_label(Meeting, "attachments[2].size").0,
            "ขนาดไฟล์ของไฟล์แนบ ลำดับที่ 3"
        );
    }

    /// Every path `value.out_of_range` can name, read from the source of `records::limits`
    /// so a field added there without words here fails.
    #[test]
    fn every_range_path_has_words() {
        let source = concat!(
            include_str!("../records/limits.rs"),
            include_str!("../records/attachment.rs")
        );
        let mut found = 0;
        for piece in source.split("|| ").skip(1) {
            let path = if let Some(rest) = piece.strip_prefix("at(") {
                let parts: Vec<&str> = rest
                    .split(',')
                    .map(|p| p.trim().trim_matches(|c| c == '"' || c == ')'))
                    .collect();
                if parts.len() < 3 {
                    continue;
                }
                format!("{}[0].{}", parts[0], parts[2])
            } else if let Some(rest) = piece.strip_prefix('"') {
                rest.split('"').next().unwrap_or_default().to_string()
            } else {
                continue;
            };
            found += 1;
            for kind in [City, Project, Mou, Meeting, StatedTotal, Instalment] {
                let (th, en) = field_label(kind, &path);
                assert_ne!(th, "ข้อมูลช่องหนึ่ง", "{path} has no Thai name");
                assert!(!en.contains('_'), "{path}: {en}");
            }
        }
        assert!(found > 30, "only {found} paths read from limits.rs");
    }
}
