//! Progress reports' rules (issue #13): `progress.exceeds_approved`,
//! `progress.before_approval`, `progress.backwards`, `instalment.report_city`, and
//! `record.missing_field` for reports and for an instalment's report. Projects and reports
//! are indexed once per check.

use chrono::NaiveDate;

use crate::domain::dates::{format_be_short, format_en};
use crate::domain::meta::RecordId;
use crate::domain::records::{AnyRecordRef, Instalment, ProgressReport, Project, RecordKind};
use crate::domain::sorting::SortSmall;

use super::codes::RuleCode;
use super::context::{Ctx, HashMap};
use super::finding::{Figure, Finding, RecordRef};
use super::missing::Check;
use super::text::{baht_en, baht_th, city_en, city_th};

struct Index<'a> {
    projects: HashMap<RecordId, &'a Project>,
    reports: HashMap<RecordId, &'a ProgressReport>,
}

/// Every progress finding; `check` sorts them by rule.
pub fn progress(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let linked = ctx
        .ds
        .live::<Instalment>()
        .any(|i| i.progress_report_id.is_some());
    if ctx.ds.progress_reports.is_empty() && !linked {
        return;
    }
    let ix = Index {
        projects: ctx.ds.live::<Project>().map(|p| (p.meta.id, p)).collect(),
        reports: ctx
            .ds
            .live::<ProgressReport>()
            .map(|r| (r.meta.id, r))
            .collect(),
    };
    let mut by_project: HashMap<RecordId, Vec<&ProgressReport>> = HashMap::default();
    for r in ix.reports.values() {
        by_project.entry(r.project_id).or_default().push(r);
    }
    for r in ctx.ds.live::<ProgressReport>() {
        missing(ctx, &ix, r, out);
        let Some(p) = ix.projects.get(&r.project_id) else {
            continue;
        };
        exceeds_approved(ctx, p, r, out);
        before_approval(p, r, out);
    }
    for reports in by_project.values_mut() {
        backwards(reports, out);
    }
    for i in ctx.ds.live::<Instalment>() {
        report_city(ctx, &ix, i, out);
    }
}

/// "รายงานวันที่ 3 ก.พ. 2561 ของโครงการ "…"" / "The report of 3 Feb 2018 on project "…"".
fn report_th(p: &Project, r: &ProgressReport) -> String {
    match r.date {
        Some(d) => format!(
            "รายงานความก้าวหน้าวันที่ {} ของโครงการ \"{}\"",
            format_be_short(d),
            p.title
        ),
        None => format!("รายงานความก้าวหน้าของโครงการ \"{}\"", p.title),
    }
}

fn report_en(p: &Project, r: &ProgressReport) -> String {
    match r.date {
        Some(d) => format!(
            "The progress report of {} on project \"{}\"",
            format_en(d),
            p.title
        ),
        None => format!("A progress report on project \"{}\"", p.title),
    }
}

fn exceeds_approved(ctx: &Ctx<'_>, p: &Project, r: &ProgressReport, out: &mut Vec<Finding>) {
    let (Some(spent), Some(approved)) = (r.spent_to_date, p.amount_approved) else {
        return;
    };
    if spent <= approved {
        return;
    }
    let excess = spent - approved;
    out.push(Finding::new(
        RuleCode::ProgressExceedsApproved,
        vec![RecordRef::to(r), RecordRef::to(p)],
        Some("spent_to_date"),
        vec![
            Figure::amount("spent", spent),
            Figure::amount("approved", approved),
            Figure::amount("excess", excess),
        ],
        format!(
            "{} ({}): ใช้จ่ายแล้ว {} เกินเงินที่อนุมัติ {} อยู่ {}",
            report_th(p, r),
            city_th(ctx, p.city_id),
            baht_th(spent),
            baht_th(approved),
            baht_th(excess)
        ),
        format!(
            "{} ({}) reports {} spent, {} more than the approved {}.",
            report_en(p, r),
            city_en(ctx, p.city_id),
            baht_en(spent),
            baht_en(excess),
            baht_en(approved)
        ),
    ));
}

/// The day the project was approved: its first step that commits money (a history that
/// skips "approved" is `project.status_order`'s concern, not this rule's).
fn approved_on(p: &Project) -> Option<NaiveDate> {
    p.status_history
        .iter()
        .find(|s| s.status.commits_money())
        .map(|s| s.date)
}

fn before_approval(p: &Project, r: &ProgressReport, out: &mut Vec<Finding>) {
    let Some(date) = r.date else { return };
    let record = vec![RecordRef::to(r), RecordRef::to(p)];
    match approved_on(p) {
        Some(approved) if date >= approved => {}
        Some(approved) => out.push(Finding::new(
            RuleCode::ProgressBeforeApproval,
            record,
            Some("date"),
            vec![
                Figure::date("reported", date),
                Figure::date("approved", approved),
            ],
            format!(
                "{}: ลงวันที่ก่อนวันที่อนุมัติโครงการ ({}) ตรวจดูวันที่ของรายงาน",
                report_th(p, r),
                format_be_short(approved)
            ),
            format!(
                "{} is dated before the project was approved ({}). Check the report's date.",
                report_en(p, r),
                format_en(approved)
            ),
        )),
        None => out.push(Finding::new(
            RuleCode::ProgressBeforeApproval,
            record,
            Some("date"),
            vec![Figure::date("reported", date)],
            format!(
                "{}: โครงการยังไม่ได้รับอนุมัติ จึงยังไม่ควรมีรายงานความก้าวหน้า",
                report_th(p, r)
            ),
            format!(
                "{}: the project has not been approved, so it cannot have progress to report yet.",
                report_en(p, r)
            ),
        )),
    }
}

/// Percent done and money spent are both "to date": a later report below an earlier one is
/// a typing slip or a correction someone should explain.
fn backwards(reports: &mut Vec<&ProgressReport>, out: &mut Vec<Finding>) {
    reports.retain(|r| r.date.is_some());
    reports.sort_by_key_small(|r| (r.date, r.meta.created_at, r.meta.id));
    // The highest percent and spending reported on an earlier day, with that day.
    let mut best_pct: Option<(u8, NaiveDate)> = None;
    let mut best_spent = None;
    let mut i = 0;
    while i < reports.len() {
        let day = reports[i].date;
        let same_day: Vec<&ProgressReport> = reports[i..]
            .iter()
            .take_while(|r| r.date == day)
            .copied()
            .collect();
        for r in &same_day {
            let date = r.date.unwrap_or_default();
            if let Some((pct, on)) = best_pct.filter(|(pct, _)| r.percent < *pct) {
                out.push(Finding::new(
                    RuleCode::ProgressBackwards,
                    vec![RecordRef::to(*r)],
                    Some("percent"),
                    vec![
                        Figure::count("percent", i64::from(r.percent)),
                        Figure::count("earlier_percent", i64::from(pct)),
                        Figure::date("earlier_date", on),
                    ],
                    format!(
                        "รายงานความก้าวหน้าวันที่ {}: ความคืบหน้า {}% น้อยกว่ารายงานวันที่ {} ซึ่งแจ้งไว้ {}%",
                        format_be_short(date),
                        r.percent,
                        format_be_short(on),
                        pct
                    ),
                    format!(
                        "The progress report of {} says {}% done, less than the {}% reported on {}.",
                        format_en(date),
                        r.percent,
                        pct,
                        format_en(on)
                    ),
                ));
            }
            if let (Some(spent), Some((most, on))) = (r.spent_to_date, best_spent) {
                if spent < most {
                    out.push(Finding::new(
                        RuleCode::ProgressBackwards,
                        vec![RecordRef::to(*r)],
                        Some("spent_to_date"),
                        vec![
                            Figure::amount("spent", spent),
                            Figure::amount("earlier_spent", most),
                            Figure::date("earlier_date", on),
                        ],
                        format!(
                            "รายงานความก้าวหน้าวันที่ {}: ใช้จ่ายแล้ว {} น้อยกว่ารายงานวันที่ {} ซึ่งแจ้งไว้ {}",
                            format_be_short(date),
                            baht_th(spent),
                            format_be_short(on),
                            baht_th(most)
                        ),
                        format!(
                            "The progress report of {} says {} spent to date, less than the {} reported on {}.",
                            format_en(date),
                            baht_en(spent),
                            baht_en(most),
                            format_en(on)
                        ),
                    ));
                }
            }
        }
        for r in &same_day {
            let date = r.date.unwrap_or_default();
            if best_pct.is_none_or(|(pct, _)| r.percent > pct) {
                best_pct = Some((r.percent, date));
            }
            if let Some(spent) = r.spent_to_date {
                if best_spent.is_none_or(|(most, _)| spent > most) {
                    best_spent = Some((spent, date));
                }
            }
        }
        i += same_day.len();
    }
}

fn missing(ctx: &Ctx<'_>, ix: &Index<'_>, r: &ProgressReport, out: &mut Vec<Finding>) {
    let mut c = Check { ctx, out };
    let any = AnyRecordRef::ProgressReport(r);
    if !ix.projects.contains_key(&r.project_id) {
        let label = ("โครงการ", "project");
        c.refers_to_nothing(any, "project_id", label, RecordKind::Project, r.project_id);
    }
    if r.date.is_none() {
        c.absent(any, "date", ("วันที่รายงาน", "report date"));
    }
    if r.spent_to_date.is_none() {
        c.absent(any, "spent_to_date", ("เงินที่ใช้ไปแล้ว", "spending to date"));
    }
}

fn report_city(ctx: &Ctx<'_>, ix: &Index<'_>, i: &Instalment, out: &mut Vec<Finding>) {
    let Some(id) = i.progress_report_id else {
        return;
    };
    let Some(report) = ix.reports.get(&id) else {
        let mut c = Check { ctx, out };
        let label = ("รายงานความก้าวหน้า", "progress report");
        c.refers_to_nothing(
            AnyRecordRef::Instalment(i),
            "progress_report_id",
            label,
            RecordKind::ProgressReport,
            id,
        );
        return;
    };
    // A report whose project is gone is named by its own `record.missing_field`.
    let Some(project) = ix.projects.get(&report.project_id) else {
        return;
    };
    if project.city_id == i.city_id {
        return;
    }
    out.push(Finding::new(
        RuleCode::InstalmentReportCity,
        vec![
            RecordRef::to(i),
            RecordRef::to(*report),
            RecordRef::to(*project),
        ],
        Some("progress_report_id"),
        Vec::new(),
        format!(
            "งวดที่ {} ของ{} อ้างถึง{}ซึ่งเป็นโครงการของ{} เลือกรายงานของเมืองนี้",
            i.number,
            city_th(ctx, i.city_id),
            report_th(project, report),
            city_th(ctx, project.city_id)
        ),
        format!(
            "Instalment {} of {} rests on a report of another city: {}, in {}. Choose one of this city's reports.",
            i.number,
            city_en(ctx, i.city_id),
            report_en(project, report).replacen("The p", "the p", 1),
            city_en(ctx, project.city_id)
        ),
    ));
}
