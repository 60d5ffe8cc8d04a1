//! How the Conflicts page names fields and shows values: Thai and English field names,
//! dates in the Buddhist Era, money with separators, ids as the names of what they point
//! to. Everything is text (never markup), whatever a file contained.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::dates::{format_be_short, format_en};
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{
    Category, Dataset, LocalUnitType, MemberRole, ProjectStatus, Sector, SignatoryRole,
};
use crate::domain::reports::Label;
use crate::domain::rules::{record_label, RecordRef};
use crate::domain::sync::fields::STATUS_FIELD;
use crate::ui::i18n::Lang;

/// (Thai, English) name of a field key; unknown keys are shown as written.
pub fn field_label(key: &str) -> (&str, &str) {
    match key {
        STATUS_FIELD => ("สถานะ", "Status"),
        "name_th" => ("ชื่อ (ไทย)", "Name (Thai)"),
        "name_en" => ("ชื่อ (อังกฤษ)", "Name (English)"),
        "name" => ("ชื่อ", "Name"),
        "title" => ("ชื่อเรื่อง", "Title"),
        "code" => ("รหัส", "Code"),
        "label" => ("ชื่อรายการ", "Label"),
        "unit_type" => ("ประเภทท้องถิ่น", "Local unit type"),
        "province_id" => ("จังหวัด", "Province"),
        "region_id" => ("ภาค", "Region"),
        "city_id" => ("เมือง", "City"),
        "city_ids" => ("เมือง", "Cities"),
        "committee_id" => ("คณะกรรมการ", "Committee"),
        "budgets" => ("กรอบงบประมาณ", "Budget ceilings"),
        "members" => ("กรรมการ", "Members"),
        "fiscal_year" => ("ปีงบประมาณ", "Fiscal year"),
        "proposer" => ("ผู้เสนอ", "Proposer"),
        "category" => ("ประเภทโครงการ", "Category"),
        "description" => ("รายละเอียด", "Description"),
        "amount" => ("จำนวนเงิน", "Amount"),
        "amount_requested" => ("งบที่ขอ", "Amount requested"),
        "amount_approved" => ("งบที่อนุมัติ", "Amount approved"),
        "co_funding" => ("งบสมทบ", "Co-funding"),
        "status_history" => ("ประวัติสถานะ", "Status history"),
        "progress_percent" => ("ความคืบหน้า (%)", "Progress (%)"),
        "completion_report" => ("รายงานผล", "Completion report"),
        "community_ids" => ("ชุมชนที่ได้รับประโยชน์", "Communities served"),
        "households_reached" => ("ครัวเรือนที่ได้รับประโยชน์", "Households reached"),
        // Progress reports (issue #13) and the instalment's link to one.
        "project_id" => ("โครงการ", "Project"),
        "percent" => ("ความคืบหน้า (%)", "Done (%)"),
        "work_done" => ("งานที่ทำแล้ว", "What was done"),
        "spent_to_date" => ("เงินที่ใช้ไปแล้ว", "Spent to date"),
        "progress_report_id" => ("รายงานความก้าวหน้าที่ใช้ขอเบิก", "Progress report"),
        "date" => ("วันที่", "Date"),
        "place" => ("สถานที่", "Place"),
        "attendance" => ("ผู้เข้าร่วม", "Attendance"),
        "problems" => ("ปัญหาที่หยิบยก", "Problems raised"),
        "decisions" => ("มติ", "Decisions"),
        "signatories" => ("ผู้ลงนาม", "Signatories"),
        "witness" => ("พยาน", "Witness"),
        "number" => ("งวดที่", "Instalment"),
        "planned_share" => ("สัดส่วนตามแผน", "Planned share"),
        "planned_date" => ("วันที่ตามแผน", "Planned date"),
        "actual_date" => ("วันที่โอนจริง", "Actual date"),
        "due_date" => ("วันครบกำหนด", "Due date"),
        "reference" => ("เลขอ้างอิง", "Reference"),
        "source" => ("แหล่งที่มา", "Source"),
        "cities" => ("จำนวนเมือง", "Cities"),
        "provinces" => ("จำนวนจังหวัด", "Provinces"),
        // Inside lists (budget lines, members, attendance, status steps, signatories).
        "approved_ceiling" => ("เพดานงบที่อนุมัติ", "Approved ceiling"),
        "sector" => ("ภาคส่วน", "Sector"),
        "role" => ("บทบาท", "Role"),
        "contact" => ("ติดต่อ", "Contact"),
        "count" => ("จำนวน", "Count"),
        "status" => ("สถานะ", "Status"),
        "position" => ("ตำแหน่ง", "Position"),
        other => (other, other),
    }
}

/// A value as the person reads it, in `lang`.
pub fn show(ds: &Dataset, key: &str, v: &Value, lang: Lang) -> String {
    let pick = |th: &str, en: &str| match lang {
        Lang::Th => th.to_string(),
        Lang::En => en.to_string(),
    };
    match v {
        Value::Null => "—".into(),
        Value::Bool(b) if key == STATUS_FIELD => {
            if *b {
                pick("ลบแล้ว", "Deleted")
            } else {
                pick("ใช้งาน", "In use")
            }
        }
        Value::Bool(b) => pick(
            if *b {
                "ใช่"
            } else {
                "ไม่ใช่"
            },
            if *b { "yes" } else { "no" },
        ),
        Value::String(s) if s.is_empty() => "—".into(),
        Value::String(s) => enum_label(key, v, lang).unwrap_or_else(|| string(ds, s, lang)),
        Value::Array(items) if items.is_empty() => "—".into(),
        Value::Array(items) => items
            .iter()
            .map(|i| show(ds, "", i, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| {
                let (th, en) = field_label(k);
                let name = if lang == Lang::Th { th } else { en };
                format!("{name}: {}", show(ds, k, v, lang))
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Value::Number(n) => n.to_string(),
    }
}

/// The words for an enum's stored key ("city_municipality" is "เทศบาลนคร"), by the field
/// that holds it; `None` when the field holds no enum or the key is not one of its values.
fn enum_label(key: &str, v: &Value, lang: Lang) -> Option<String> {
    fn words<T: Label + DeserializeOwned>(v: &Value, lang: Lang) -> Option<String> {
        let t: T = serde_json::from_value(v.clone()).ok()?;
        let words = match lang {
            Lang::Th => t.label_th(),
            Lang::En => t.label_en(),
        };
        Some(words.to_string())
    }
    match key {
        "unit_type" => words::<LocalUnitType>(v, lang),
        "category" => words::<Category>(v, lang),
        "status" => words::<ProjectStatus>(v, lang),
        "sector" => words::<Sector>(v, lang),
        "role" => words::<MemberRole>(v, lang).or_else(|| words::<SignatoryRole>(v, lang)),
        _ => None,
    }
}

/// Dates in the person's calendar, amounts with separators, ids as names.
fn string(ds: &Dataset, s: &str, lang: Lang) -> String {
    if s.len() == 10 {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return match lang {
                Lang::Th => format_be_short(d),
                Lang::En => format_en(d),
            };
        }
    }
    if s.len() == 36 {
        if let Ok(id) = s.parse::<RecordId>() {
            if let Some(kind) = kind_of(ds, id) {
                let (th, en) = record_label(ds, &RecordRef { kind, id });
                return if lang == Lang::Th { th } else { en };
            }
        }
    }
    if looks_like_money(s) {
        if let Ok(b) = Baht::parse(s) {
            return b.format();
        }
    }
    s.to_string()
}

fn looks_like_money(s: &str) -> bool {
    match s.split_once('.') {
        Some((whole, cents)) => {
            !whole.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn kind_of(ds: &Dataset, id: RecordId) -> Option<crate::domain::records::RecordKind> {
    let mut found = None;
    ds.for_each(|r| {
        if found.is_none() && r.meta().id == id {
            found = Some(r.kind());
        }
    });
    found
}

/// A moment in the device's time zone: "3 ก.พ. 2561 10:20" / "3 Feb 2018 10:20".
pub fn when(t: DateTime<Utc>, lang: Lang) -> String {
    // getTimezoneOffset is UTC minus local, in minutes (-420 in Thailand).
    let offset = js_sys::Date::new_0().get_timezone_offset();
    let local = t.naive_utc() - Duration::minutes(offset as i64);
    let date = local.date();
    let time = local.format("%H:%M");
    match lang {
        Lang::Th => format!("{} {time}", format_be_short(date)),
        Lang::En => format!("{} {time}", format_en(date)),
    }
}
