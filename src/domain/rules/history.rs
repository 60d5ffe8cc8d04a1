//! `project.status_order`: a status history must be a path through the pipeline
//! (proposed → under review → approved | rejected → in progress → completed), in date order.

use crate::domain::records::{Project, ProjectStatus};

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
use super::text::{city_en, city_th, date_en, date_th};

pub fn status_name_th(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Proposed => "เสนอโครงการ",
        ProjectStatus::UnderReview => "อยู่ระหว่างพิจารณา",
        ProjectStatus::Approved => "อนุมัติ",
        ProjectStatus::Rejected => "ไม่อนุมัติ",
        ProjectStatus::InProgress => "อยู่ระหว่างดำเนินการ",
        ProjectStatus::Completed => "เสร็จสิ้น",
    }
}

pub fn status_name_en(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Proposed => "proposed",
        ProjectStatus::UnderReview => "under review",
        ProjectStatus::Approved => "approved",
        ProjectStatus::Rejected => "rejected",
        ProjectStatus::InProgress => "in progress",
        ProjectStatus::Completed => "completed",
    }
}

/// The first thing wrong with a history, as (step index, Thai, English).
fn first_problem(p: &Project) -> Option<(usize, String, String)> {
    let first = p.status_history.first()?;
    if first.status != ProjectStatus::Proposed {
        return Some((
            0,
            format!(
                "เริ่มที่ \"{}\" แทนที่จะเริ่มที่ \"เสนอโครงการ\"",
                status_name_th(first.status)
            ),
            format!(
                "starts at \"{}\" instead of \"proposed\"",
                status_name_en(first.status)
            ),
        ));
    }
    for (n, pair) in p.status_history.windows(2).enumerate() {
        let (prev, step) = (&pair[0], &pair[1]);
        if !step.status.can_follow(prev.status) {
            return Some((
                n + 1,
                format!(
                    "\"{}\" ตามหลัง \"{}\" ไม่ได้",
                    status_name_th(step.status),
                    status_name_th(prev.status)
                ),
                format!(
                    "\"{}\" cannot follow \"{}\"",
                    status_name_en(step.status),
                    status_name_en(prev.status)
                ),
            ));
        }
        if step.date < prev.date {
            return Some((
                n + 1,
                format!(
                    "\"{}\" ลงวันที่ {} ก่อนขั้นก่อนหน้า ({})",
                    status_name_th(step.status),
                    date_th(step.date),
                    date_th(prev.date)
                ),
                format!(
                    "\"{}\" is dated {}, before the step before it ({})",
                    status_name_en(step.status),
                    date_en(step.date),
                    date_en(prev.date)
                ),
            ));
        }
    }
    None
}

/// An empty history is fine: the project is simply proposed.
pub fn status_order(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for p in ctx.ds.live::<Project>() {
        let Some((step, th, en)) = first_problem(p) else {
            continue;
        };
        out.push(Finding::new(
            RuleCode::ProjectStatusOrder,
            vec![RecordRef::to(p)],
            Some(&format!("status_history[{step}]")),
            vec![Figure::count("step", step as i64 + 1)],
            format!(
                "ประวัติสถานะของโครงการ \"{}\" ({}) เป็นไปไม่ได้: ขั้นที่ {} {}",
                p.title,
                city_th(ctx, p.city_id),
                step + 1,
                th
            ),
            format!(
                "The status history of project \"{}\" ({}) is impossible: step {} {}.",
                p.title,
                city_en(ctx, p.city_id),
                step + 1,
                en
            ),
        ));
    }
}
