//! How records are named in messages and in the CLI's listing.

use crate::domain::records::{AnyRecordRef, Dataset, RecordKind};

use super::finding::RecordRef;

pub fn kind_th(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Region => "ภาค",
        RecordKind::Province => "จังหวัด",
        RecordKind::City => "เมือง",
        RecordKind::Committee => "คณะกรรมการเมือง",
        RecordKind::Meeting => "การประชุม",
        RecordKind::Project => "โครงการ",
        RecordKind::ProvinceGrant => "งบจังหวัด",
        RecordKind::CommitteeGrant => "งบคณะกรรมการเมือง",
        RecordKind::Mou => "บันทึกความร่วมมือ",
        RecordKind::Instalment => "งวดเงิน",
        RecordKind::ProgrammeParameters => "เกณฑ์โครงการ",
        RecordKind::StatedTotal => "ยอดรวมที่แจ้ง",
        RecordKind::Community => "ชุมชน",
        RecordKind::SurveyRound => "รอบการสำรวจ",
        RecordKind::Household => "ครัวเรือน",
        RecordKind::ProgressReport => "รายงานความก้าวหน้า",
    }
}

pub fn kind_en(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Region => "region",
        RecordKind::Province => "province",
        RecordKind::City => "city",
        RecordKind::Committee => "committee",
        RecordKind::Meeting => "meeting",
        RecordKind::Project => "project",
        RecordKind::ProvinceGrant => "province grant",
        RecordKind::CommitteeGrant => "committee grant",
        RecordKind::Mou => "MOU",
        RecordKind::Instalment => "instalment",
        RecordKind::ProgrammeParameters => "programme parameters",
        RecordKind::StatedTotal => "stated total",
        RecordKind::Community => "community",
        RecordKind::SurveyRound => "survey round",
        RecordKind::Household => "household",
        RecordKind::ProgressReport => "progress report",
    }
}

/// The words a person would use for a record, without looking anything else up:
/// "เทศบาลนครแม่สอด", "งวดที่ 1 ปีงบประมาณ 2561". Empty when the record has no name.
pub fn own_name(r: AnyRecordRef<'_>) -> (String, String) {
    let same = |s: &str| (s.to_string(), s.to_string());
    let pick = |th: &str, en: &str| {
        let en = if en.trim().is_empty() { th } else { en };
        (th.to_string(), en.to_string())
    };
    match r {
        AnyRecordRef::Region(x) => pick(&x.name_th, &x.name_en),
        AnyRecordRef::Province(x) => pick(&x.name_th, &x.name_en),
        AnyRecordRef::City(x) => pick(&x.name_th, &x.name_en),
        AnyRecordRef::Committee(x) => same(&x.name),
        AnyRecordRef::Meeting(x) => same(&x.place),
        AnyRecordRef::Project(x) => same(&x.title),
        AnyRecordRef::ProvinceGrant(x) => {
            (x.fiscal_year.label_th(), format!("FY{}", x.fiscal_year))
        }
        AnyRecordRef::CommitteeGrant(x) => {
            (x.fiscal_year.label_th(), format!("FY{}", x.fiscal_year))
        }
        AnyRecordRef::Mou(x) => same(&x.title),
        AnyRecordRef::Instalment(x) => (
            format!("งวดที่ {} {}", x.number, x.fiscal_year.label_th()),
            format!("instalment {}, FY{}", x.number, x.fiscal_year),
        ),
        AnyRecordRef::ProgrammeParameters(x) => {
            (x.fiscal_year.label_th(), format!("FY{}", x.fiscal_year))
        }
        AnyRecordRef::StatedTotal(x) => same(&x.label),
        AnyRecordRef::Community(x) => same(&x.name),
        AnyRecordRef::SurveyRound(x) => same(&x.title),
        // By house number, never by the head's name: messages may reach a summary that
        // leaves personal data out.
        AnyRecordRef::Household(x) if x.house_number.trim().is_empty() => Default::default(),
        AnyRecordRef::Household(x) => (
            format!("บ้านเลขที่ {}", x.house_number),
            format!("house no. {}", x.house_number),
        ),
        // A report is known by its day: "of 3 ก.พ. 2561".
        AnyRecordRef::ProgressReport(x) => match x.date {
            Some(d) => (
                format!("วันที่ {}", crate::domain::dates::format_be_short(d)),
                format!("of {}", crate::domain::dates::format_en(d)),
            ),
            None => Default::default(),
        },
    }
}

/// "เมือง เทศบาลนครแม่สอด" / "city Mae Sot": the kind and name of a referenced record,
/// or the kind and id when the dataset does not hold it.
///
/// This searches the dataset, so it is meant for printing a handful of findings, not for
/// use inside the rules.
pub fn record_label(ds: &Dataset, r: &RecordRef) -> (String, String) {
    let mut found = None;
    ds.for_each(|rec| {
        if found.is_none() && rec.kind() == r.kind && rec.meta().id == r.id {
            found = Some(own_name(rec));
        }
    });
    let (th, en) = found.unwrap_or_default();
    let th = if th.trim().is_empty() {
        r.id.to_string()
    } else {
        th
    };
    let en = if en.trim().is_empty() {
        r.id.to_string()
    } else {
        en
    };
    (
        format!("{} {}", kind_th(r.kind), th),
        format!("{} {}", kind_en(r.kind), en),
    )
}
