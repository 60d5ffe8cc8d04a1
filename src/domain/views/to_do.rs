//! What needs a person, for the top of the overview: each item a count and the screen where
//! it is dealt with, most pressing first. Nothing is listed at zero, so an empty list means
//! "nothing waiting" (the screen says ไม่มีงานค้าง).
//!
//! Computed from what the screens already have: the dataset, the findings of the rules (as
//! the Findings page computes them), what the other offices are known to hold (the sync
//! peers) and how many stored records were kept aside unread. The UI only renders it.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::domain::lang::Unit;
use crate::domain::meta::OfficeId;
use crate::domain::records::survey::{Community, Household};
use crate::domain::records::Dataset;
use crate::domain::rules::{Finding, Importance, RuleCode, COVERAGE_SHORT_BELOW};
use crate::domain::sync::Peers;
use crate::domain::views::count_per;

/// One kind of work waiting, in the order the overview lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ToDoKind {
    /// Stored records that could not be read and were set aside: data at risk.
    KeptAside,
    /// Records with concurrent versions from two offices, waiting to be settled.
    Conflicts,
    /// Second instalments not drawn by their deadline (`instalment.overdue`).
    OverdueInstalments,
    /// Findings of importance "error" (what blocks approving and transferring).
    Errors,
    /// Records changed on this device that no known office has been sent.
    Unsent,
    /// Communities with fewer surveyed households than half their stated number.
    SurveyShort,
}

impl ToDoKind {
    /// How the overview words the count: "งวดที่ 2 ที่เมืองยังไม่ขอเบิกภายในกำหนด 12 งวด".
    pub fn unit(self) -> Unit {
        let unit = |th_before, th_after, en_one, en_many| Unit {
            th_before,
            th_after,
            en_one,
            en_many,
        };
        match self {
            ToDoKind::KeptAside => unit(
                "ข้อมูลที่อ่านไม่ได้ เก็บแยกไว้ ยังไม่ได้ลบ",
                "รายการ",
                "record could not be read (kept aside, not deleted)",
                "records could not be read (kept aside, not deleted)",
            ),
            ToDoKind::Conflicts => unit(
                "ข้อมูลขัดแย้งที่รอตัดสิน",
                "รายการ",
                "record in conflict, waiting to be settled",
                "records in conflict, waiting to be settled",
            ),
            ToDoKind::OverdueInstalments => unit(
                "งวดที่ 2 ที่เมืองยังไม่ขอเบิกภายในกำหนด",
                "งวด",
                "second instalment not drawn by its deadline",
                "second instalments not drawn by their deadline",
            ),
            ToDoKind::Errors => unit(
                "ข้อผิดพลาดในผลการตรวจ",
                "รายการ",
                "error among the findings",
                "errors among the findings",
            ),
            ToDoKind::Unsent => unit(
                "ข้อมูลที่แก้ในเครื่องนี้ ยังไม่ได้ส่งให้สำนักงานอื่น",
                "รายการ",
                "change made here not yet sent to another office",
                "changes made here not yet sent to another office",
            ),
            ToDoKind::SurveyShort => unit(
                "ชุมชนที่สำรวจครัวเรือนได้ไม่ถึงครึ่งของที่แจ้ง",
                "ชุมชน",
                "community with under half of its stated households surveyed",
                "communities with under half of their stated households surveyed",
            ),
        }
    }
}

/// One line of the list: how many, and where to go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToDoItem {
    pub kind: ToDoKind,
    pub count: usize,
    /// The app address where it is dealt with.
    pub href: &'static str,
}

/// What [`to_do`] reads.
pub struct ToDoInput<'a> {
    pub ds: &'a Dataset,
    /// Every finding of the rules over `ds` (with the shipped reference data), as of today.
    pub findings: &'a [Finding],
    /// This device's office: records it edited are what only this device may hold.
    pub office: &'a OfficeId,
    /// What the other offices are known to hold; `None` while not read yet (the unsent
    /// item is then left out rather than guessed).
    pub peers: Option<&'a Peers>,
    /// Stored records kept aside unread.
    pub kept_aside: usize,
}

/// The work waiting, most pressing first, items at zero left out.
pub fn to_do(input: &ToDoInput<'_>) -> Vec<ToDoItem> {
    let overdue = input
        .findings
        .iter()
        .filter(|f| f.rule == RuleCode::InstalmentOverdue)
        .count();
    let errors = input
        .findings
        .iter()
        .filter(|f| f.importance == Importance::Error)
        .count();
    let items = [
        (
            ToDoKind::KeptAside,
            input.kept_aside,
            "/settings#kept-aside",
        ),
        (ToDoKind::Conflicts, conflicts(input.ds), "/conflicts"),
        (
            ToDoKind::OverdueInstalments,
            overdue,
            "/findings?rule=instalment.overdue",
        ),
        (ToDoKind::Errors, errors, "/findings?importance=error"),
        (
            ToDoKind::Unsent,
            input.peers.map_or(0, |p| unsent(input.ds, input.office, p)),
            "/sync",
        ),
        (
            ToDoKind::SurveyShort,
            survey_short(input.ds),
            "/communities",
        ),
    ];
    items
        .into_iter()
        .filter(|(_, count, _)| *count > 0)
        .map(|(kind, count, href)| ToDoItem { kind, count, href })
        .collect()
}

/// Records (not versions) waiting to be settled.
fn conflicts(ds: &Dataset) -> usize {
    let mut ids = BTreeSet::new();
    ds.conflicts.for_each(|r| {
        ids.insert((r.kind(), r.meta().id));
    });
    ids.len()
}

/// Records this office changed (deletions included) whose current version no known office
/// holds or was sent: what exists only on this device.
pub fn unsent(ds: &Dataset, office: &OfficeId, peers: &Peers) -> usize {
    let mut n = 0;
    ds.for_each(|r| {
        let meta = r.meta();
        if meta.version.get(office) > 0
            && !peers
                .0
                .values()
                .any(|p| p.knows(r.kind(), meta.id, &meta.version))
        {
            n += 1;
        }
    });
    n
}

/// Live communities that state a number of households and have fewer than half of it
/// surveyed (the threshold of the `community.coverage` rule), whether or not the round is
/// closed: that survey work is still to do.
pub fn survey_short(ds: &Dataset) -> usize {
    let surveyed = count_per(ds, |h: &Household| h.community_id);
    ds.live::<Community>()
        .filter(|c| {
            let stated = c.households.unwrap_or(0);
            let done = surveyed.get(&c.meta.id).copied().unwrap_or(0);
            stated > 0 && Decimal::from(done) < COVERAGE_SHORT_BELOW * Decimal::from(stated)
        })
        .count()
}

#[cfg(test)]
#[path = "to_do_tests.rs"]
mod tests;
