//! The city summary sheet and the regional summary: printable overviews built from the
//! same figures as the dashboard and the drill-down.

use crate::domain::sorting::SortSmall;
use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::dates::{format_be_document, FiscalYear};
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{
    latest_report, Category, Committee, Dataset, Meeting, MemberRole, Progress, ProgressReport,
    ProjectStatus, Region, Sector,
};
use crate::domain::rules::{check, Finding};

use super::beneficiaries::{Beneficiaries, SurveyIndex};
use super::dashboard::{dashboard_from_findings, Dashboard};
use super::drilldown::{drill_down, DrillDown};
use super::error::{live_city, ReportError};
use super::figures::CityFigures;
use super::index::Index;
use super::mou_sheet::{pick_mou, AmountText};
use super::names::CityLine;
use super::reconciliation::{reconcile_all, Reconciliation};
use super::scope::Scope;

/// A project row of the city summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectLine {
    pub project_id: RecordId,
    pub title: String,
    pub proposer: String,
    pub category: Category,
    pub status: ProjectStatus,
    pub requested: Option<Baht>,
    pub approved: Option<Baht>,
    pub co_funding: Baht,
    /// The latest dated progress report's percent, else the project's own.
    pub progress_percent: u8,
    /// The latest report's spending to date (the programme's money).
    pub spent_to_date: Option<Baht>,
    /// The latest report's date; `None` without a dated report.
    pub reported_on: Option<NaiveDate>,
    /// The communities it names, by name, each once (one that is not live: its id).
    pub communities: Vec<String>,
    /// The households it says it reaches.
    pub households_reached: Option<u32>,
}

/// An instalment row of the city summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstalmentLine {
    pub number: u8,
    pub amount: Baht,
    pub planned_date: Option<NaiveDate>,
    /// When the money moved; `None` while it is only planned.
    pub actual_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// When the city asked to draw it.
    pub requested_date: Option<NaiveDate>,
    pub reference: String,
}

/// A committee member as printed: no contact details, which are personal data (PDPA) and
/// do not belong on a sheet that is handed around.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberLine {
    pub name: String,
    pub role: MemberRole,
    pub sector: Sector,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitySummary {
    pub city: CityLine,
    pub fiscal_year: FiscalYear,
    pub fiscal_year_th: String,
    pub today: NaiveDate,
    /// "1 พฤษภาคม พ.ศ. 2561": "as of" on the sheet.
    pub today_th: String,
    pub figures: CityFigures,
    /// Who the year's projects with money reach, against the city's survey.
    pub beneficiaries: Beneficiaries,
    pub approved: AmountText,
    pub committee_name: Option<String>,
    /// Where the money goes, Thai and English, with the account number masked: the sheet
    /// is handed around ([`crate::domain::records::ReceivingAccount::masked_line`]).
    pub account: Option<(String, String)>,
    pub members: Vec<MemberLine>,
    /// Meetings of the committee dated within the year.
    pub meetings: usize,
    pub last_meeting: Option<NaiveDate>,
    pub mou_date: Option<NaiveDate>,
    pub second_deadline: Option<NaiveDate>,
    /// The year's projects, in dataset order.
    pub projects: Vec<ProjectLine>,
    /// The year's instalments, by number.
    pub instalments: Vec<InstalmentLine>,
    /// Findings about the city or any of its records, as of `today`.
    pub findings: Vec<Finding>,
}

/// The summary sheet of one city for one year, as of `today`. A city without a ceiling for
/// the year still gets a sheet (with zeros), so staff can print what there is.
pub fn city_summary(
    ds: &Dataset,
    city_id: RecordId,
    fiscal_year: FiscalYear,
    today: NaiveDate,
) -> Result<CitySummary, ReportError> {
    let city = live_city(ds, city_id)?;
    let ix = Index::new(ds, Scope::country(fiscal_year));
    let figures = CityFigures::of(&ix, city);
    let committees: Vec<&Committee> = ds
        .live::<Committee>()
        .filter(|c| c.city_id == city_id)
        .collect();
    let committee_ids: HashSet<RecordId> = committees.iter().map(|c| c.meta.id).collect();
    let meeting_dates: Vec<NaiveDate> = ds
        .live::<Meeting>()
        .filter(|m| committee_ids.contains(&m.committee_id))
        .filter_map(|m| m.date.filter(|&d| fiscal_year.contains(d)))
        .collect();
    let projects = ix.projects_of(city_id);
    let survey = SurveyIndex::new(ds);
    let mut instalments: Vec<InstalmentLine> = ix
        .instalments_of(city_id)
        .iter()
        .map(|i| InstalmentLine {
            number: i.number,
            amount: i.amount,
            planned_date: i.planned_date,
            actual_date: i.actual_date,
            due_date: i.due_date,
            requested_date: i.requested_date,
            reference: i.reference.clone(),
        })
        .collect();
    instalments.sort_by_key_small(|i| i.number);
    // A finding may name only a project or a grant; collect every id that is the city's.
    let mut ids: HashSet<RecordId> = committee_ids;
    ids.insert(city_id);
    ids.extend(projects.iter().map(|p| p.meta.id));
    ids.extend(
        ds.live::<ProgressReport>()
            .filter(|r| projects.iter().any(|p| p.meta.id == r.project_id))
            .map(|r| r.meta.id),
    );
    ids.extend(ix.instalments_of(city_id).iter().map(|i| i.meta.id));
    ids.extend(ix.committee_grants_of(city_id).iter().map(|g| g.meta.id));
    let findings = check(ds, today)
        .into_iter()
        .filter(|f| f.records.iter().any(|r| ids.contains(&r.id)))
        .collect();
    Ok(CitySummary {
        city: ix.city_line(city),
        fiscal_year,
        fiscal_year_th: fiscal_year.label_th_document(),
        today,
        today_th: format_be_document(today),
        approved: AmountText::of(figures.approved),
        figures,
        beneficiaries: survey.city(city_id, projects),
        committee_name: committees.first().map(|c| c.name.clone()),
        account: city
            .account
            .as_ref()
            .filter(|a| a.is_complete())
            .map(|a| a.masked_line()),
        members: committees
            .iter()
            .flat_map(|c| &c.members)
            .map(|m| MemberLine {
                name: m.name.clone(),
                role: m.role,
                sector: m.sector,
            })
            .collect(),
        meetings: meeting_dates.len(),
        last_meeting: meeting_dates.iter().max().copied(),
        mou_date: pick_mou(ds, city_id, fiscal_year).and_then(|m| m.date),
        second_deadline: ix.params.second_instalment_deadline,
        projects: projects
            .iter()
            .map(|p| (p, Progress::of(p, latest_report(ds, p.meta.id, today))))
            .map(|(p, progress)| ProjectLine {
                project_id: p.meta.id,
                title: p.title.clone(),
                proposer: p.proposer.clone(),
                category: p.category,
                status: p.status(),
                requested: p.amount_requested,
                approved: p.amount_approved,
                co_funding: p.co_funding_total(),
                progress_percent: progress.percent,
                spent_to_date: progress.spent_to_date,
                reported_on: progress.reported_on,
                communities: survey.names(p),
                households_reached: p.households_reached,
            })
            .collect(),
        instalments,
        findings,
    })
}

/// The regional summary: the dashboard, the drill-down and the reconciliations of a scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionalSummary {
    /// "ภาคเหนือ", or "ทุกภาค" for the whole country.
    pub region_th: String,
    pub region_en: String,
    pub fiscal_year_th: String,
    pub today_th: String,
    pub total_support: AmountText,
    pub dashboard: Dashboard,
    pub drill_down: DrillDown,
    pub reconciliations: Vec<Reconciliation>,
}

/// The regional summary for `scope` as of `today`.
pub fn regional_summary(
    ds: &Dataset,
    scope: Scope,
    today: NaiveDate,
    due_soon_days: u32,
) -> RegionalSummary {
    let findings = check(ds, today);
    let dashboard = dashboard_from_findings(ds, scope, today, due_soon_days, &findings);
    let region = scope
        .region_id
        .and_then(|id| ds.live::<Region>().find(|r| r.meta.id == id));
    let (region_th, region_en) = match (scope.region_id, region) {
        (None, _) => ("ทุกภาค".to_owned(), "All regions".to_owned()),
        (Some(_), Some(r)) => (r.name_th.clone(), r.name_en.clone()),
        (Some(id), None) => (format!("ภาค {id}"), format!("Region {id}")),
    };
    RegionalSummary {
        region_th,
        region_en,
        fiscal_year_th: scope.fiscal_year.label_th_document(),
        today_th: format_be_document(today),
        total_support: AmountText::of(dashboard.totals.total_support),
        drill_down: drill_down(ds, scope),
        reconciliations: reconcile_all(ds, scope),
        dashboard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{city_id, north_2561};
    use crate::domain::reference::region_id;
    use crate::domain::rules::RuleCode;

    fn may_day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 5, 1).expect("a date")
    }

    #[test]
    fn the_city_summary_of_phayao() {
        let ds = crate::domain::example::north_2561_first_paid();
        let s = city_summary(&ds, city_id("phayao"), FiscalYear(2561), may_day()).expect("Phayao");
        assert_eq!(s.city.name_th, "เทศบาลเมืองพะเยา");
        assert_eq!(s.today_th, "1 พฤษภาคม พ.ศ. 2561");
        assert_eq!(s.figures.transferred, Baht::whole(350_000));
        assert_eq!(s.approved.words, "ห้าแสนบาทถ้วน");
        assert_eq!(s.instalments.len(), 1);
        assert_eq!(s.mou_date, NaiveDate::from_ymd_opt(2018, 2, 3));
        let rules: Vec<RuleCode> = s.findings.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            [RuleCode::InstalmentOverdue],
            "only Phayao's own findings"
        );
    }

    #[test]
    fn the_regional_summary_of_the_north() {
        let scope = Scope::region(FiscalYear(2561), region_id("north"));
        let s = regional_summary(&north_2561().records, scope, may_day(), 30);
        assert_eq!(
            (s.region_th.as_str(), s.region_en.as_str()),
            ("ภาคเหนือ", "North")
        );
        assert_eq!(s.total_support.figures, "6,410,000");
        assert_eq!(s.total_support.words, "หกล้านสี่แสนหนึ่งหมื่นบาทถ้วน");
        assert_eq!(s.drill_down.totals, s.dashboard.totals);
        assert_eq!(s.dashboard.deadlines.overdue.len(), 12);
        assert_eq!(s.reconciliations.len(), 1);
    }
}
