//! A city's evidence (หลักฐานแนบ) for its printed sheet: every file attached to its
//! projects, their progress reports, its committees' meetings, its MOUs and instalments,
//! each with the record it belongs to, in the sheet's order (kind, then date or title).

use crate::domain::meta::RecordId;
use crate::domain::records::{Attachment, Committee, Dataset, RecordKind};
use crate::domain::rules::{kind_en, kind_th};
use crate::domain::sorting::SortSmall;

/// One attached file and where it belongs.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub kind: RecordKind,
    /// The record's kind and title or date, (Thai, English).
    pub record: (String, String),
    pub file: Attachment,
}

/// Every file attached to the live records of `city`.
pub fn evidence_of_city(ds: &Dataset, city: RecordId) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut push = |kind: RecordKind, what: &str, files: &[Attachment]| {
        for f in files {
            out.push(Evidence {
                kind,
                record: (
                    format!("{} {what}", kind_th(kind)).trim().to_owned(),
                    format!("{} {what}", kind_en(kind)).trim().to_owned(),
                ),
                file: f.clone(),
            });
        }
    };
    let live = |m: &crate::domain::meta::RecordMeta| !m.deleted;
    let projects: Vec<_> = ds
        .projects
        .iter()
        .filter(|p| live(&p.meta) && p.city_id == city)
        .collect();
    for p in &projects {
        push(RecordKind::Project, &p.title, &p.attachments);
    }
    for r in ds.progress_reports.iter().filter(|r| live(&r.meta)) {
        if let Some(p) = projects.iter().find(|p| p.meta.id == r.project_id) {
            let day = r.date.map(|d| d.to_string()).unwrap_or_default();
            push(
                RecordKind::ProgressReport,
                &format!("{} {day}", p.title),
                &r.attachments,
            );
        }
    }
    let committees: Vec<RecordId> = ds
        .live::<Committee>()
        .filter(|c| c.city_id == city)
        .map(|c| c.meta.id)
        .collect();
    for m in ds
        .meetings
        .iter()
        .filter(|m| live(&m.meta) && committees.contains(&m.committee_id))
    {
        let day = m.date.map(|d| d.to_string()).unwrap_or_default();
        push(RecordKind::Meeting, &day, &m.attachments);
    }
    for m in ds
        .mous
        .iter()
        .filter(|m| live(&m.meta) && m.city_ids.contains(&city))
    {
        push(RecordKind::Mou, &m.title, &m.attachments);
    }
    for i in ds
        .instalments
        .iter()
        .filter(|i| live(&i.meta) && i.city_id == city)
    {
        push(
            RecordKind::Instalment,
            &i.number.to_string(),
            &i.attachments,
        );
    }
    out.sort_by_small(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| a.record.0.cmp(&b.record.0))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::north_2561;

    fn file(name: &str, digit: char) -> Attachment {
        Attachment {
            sha256: digit.to_string().repeat(64),
            media_type: "image/jpeg".into(),
            size: 1000,
            file_name: name.into(),
        }
    }

    #[test]
    fn a_citys_sheet_lists_the_files_of_its_own_records_only() {
        let mut ds = north_2561().records;
        let city = ds.instalments[0].city_id;
        ds.instalments[0].attachments.push(file("โอนเงิน.pdf", 'a'));
        ds.instalments[1].attachments.push(file("อีกเมือง.jpg", 'b'));
        ds.mous[0].attachments.push(file("บันทึกลงนาม.pdf", 'c'));
        let rows = evidence_of_city(&ds, city);
        let names: Vec<&str> = rows.iter().map(|e| e.file.file_name.as_str()).collect();
        assert!(ds.mous[0].city_ids.contains(&city));
        assert_eq!(names, ["บันทึกลงนาม.pdf", "โอนเงิน.pdf"]);
        assert_eq!(rows[1].record.1, "instalment 1");
        ds.instalments[0].meta.deleted = true;
        assert_eq!(
            evidence_of_city(&ds, city).len(),
            1,
            "a deleted record's files are not listed"
        );
    }
}
