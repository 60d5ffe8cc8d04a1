//! The money gate. Findings never stop anyone saving what they typed (a half-filled form
//! is still worth keeping); error findings block only the two steps that commit money:
//! approving a project and recording a transfer.

use chrono::NaiveDate;

use crate::domain::meta::RecordId;
use crate::domain::records::{
    City, Dataset, Instalment, Project, ProjectStatus, Record, RecordKind, StatusChange,
};

use super::codes::RuleCode;
use super::finding::{Finding, RecordRef};
use super::slice::city_slice;
use super::{check, record_names};

/// The error findings that stop approving `project_id` today.
///
/// The project is checked as if approved now (its history gains an "approved" step
/// unless it already commits money) with its current `amount_approved`. Blocking are the
/// errors that name the project (`project.cap`, `city.cap`, `project.status_order`,
/// `date.era_suspect`, `record.missing_field`), plus `record.missing_field` and
/// `record.duplicate` on its city, since money must not go to a city whose identity is in
/// doubt. An empty result means the approval may go ahead.
pub fn blocking_approval(ds: &Dataset, project_id: RecordId, today: NaiveDate) -> Vec<Finding> {
    let Some(project) = ds.live::<Project>().find(|p| p.meta.id == project_id) else {
        return vec![gone(RecordKind::Project, project_id)];
    };
    let mut approved = project.clone();
    if !approved.status().commits_money() {
        approved.status_history.push(StatusChange {
            status: ProjectStatus::Approved,
            date: today,
        });
    }
    let mut blocking = Vec::new();
    if approved.amount_approved.is_none() {
        blocking.push(Finding::new(
            RuleCode::RecordMissingField,
            vec![RecordRef::to(project)],
            Some("amount_approved"),
            Vec::new(),
            format!(
                "โครงการ \"{}\": ต้องระบุจำนวนเงินที่อนุมัติก่อนอนุมัติโครงการ",
                project.title
            ),
            format!(
                "Project \"{}\": enter the approved amount before approving it.",
                project.title
            ),
        ));
    }
    let mut slice = city_slice(ds, project.city_id, Some(&approved));
    slice.upsert(approved.into_any());
    blocking.extend(blocking_in(&slice, today, project_id, project.city_id));
    blocking
}

/// The error findings that stop recording `instalment_id` as transferred.
///
/// The instalment is checked as if transferred on its actual date, or today if it has
/// none. Blocking are the errors that name it (`instalment.first_share`,
/// `instalment.before_mou`, `transfer.exceeds_approved`, `date.era_suspect`,
/// `record.missing_field`), plus `record.missing_field` and `record.duplicate` on its city.
pub fn blocking_transfer(ds: &Dataset, instalment_id: RecordId, today: NaiveDate) -> Vec<Finding> {
    let Some(instalment) = ds.live::<Instalment>().find(|i| i.meta.id == instalment_id) else {
        return vec![gone(RecordKind::Instalment, instalment_id)];
    };
    let mut transferred = instalment.clone();
    transferred.actual_date = transferred.actual_date.or(Some(today));
    let mut slice = city_slice(ds, instalment.city_id, None);
    slice.upsert(transferred.into_any());
    let mut blocking = blocking_in(&slice, today, instalment_id, instalment.city_id);
    blocking.extend(no_account(&slice, instalment.city_id));
    blocking
}

/// Money needs somewhere to go: a city without a complete receiving account holds the
/// transfer back. Only the gate asks, so files from before accounts existed check as before.
fn no_account(slice: &Dataset, city_id: RecordId) -> Option<Finding> {
    let city = slice.live::<City>().find(|c| c.meta.id == city_id)?;
    if city.account.as_ref().is_some_and(|a| a.is_complete()) {
        return None;
    }
    Some(Finding::new(
        RuleCode::RecordMissingField,
        vec![RecordRef::to(city)],
        Some("account"),
        Vec::new(),
        format!(
            "{}: ยังไม่มีบัญชีรับเงิน (ชื่อบัญชี ธนาคาร และเลขที่บัญชี) — บันทึกบัญชีของเมืองก่อนโอนเงิน",
            city.name_th.trim()
        ),
        format!(
            "{}: no receiving account yet (account name, bank and number); enter the city's account before recording a transfer.",
            if city.name_en.trim().is_empty() { city.name_th.trim() } else { city.name_en.trim() }
        ),
    ))
}

fn blocking_in(slice: &Dataset, today: NaiveDate, id: RecordId, city: RecordId) -> Vec<Finding> {
    check(slice, today)
        .into_iter()
        .filter(|f| f.is_error())
        .filter(|f| {
            f.concerns(id)
                || (f.concerns(city)
                    && matches!(
                        f.rule,
                        RuleCode::RecordMissingField | RuleCode::RecordDuplicate
                    ))
        })
        .collect()
}

fn gone(kind: RecordKind, id: RecordId) -> Finding {
    Finding::new(
        RuleCode::RecordMissingField,
        vec![RecordRef { kind, id }],
        None,
        Vec::new(),
        format!("ไม่พบ{} {id} (ไม่มีอยู่หรือถูกลบแล้ว)", record_names::kind_th(kind)),
        format!(
            "There is no {} {id}: it does not exist or was deleted.",
            record_names::kind_en(kind)
        ),
    )
}
