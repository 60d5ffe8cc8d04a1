//! The money lists: cities with their figures, projects, instalments and grants.
//! Each takes a [`Scope`]: records of its fiscal year, in its region.

use crate::domain::records::{
    latest_reports, CommitteeGrant, Dataset, Instalment, Progress, Project, ProvinceGrant,
};
use crate::domain::reports::{city_bars, Label, Scope, SurveyIndex};

use super::lookup::Lookup;
use super::table::{Cell, Column, Table};

const ID: Column = Column::new("รหัสรายการ", "Record id");
const CITY: Column = Column::new("เมือง", "City");
const PROVINCE: Column = Column::new("จังหวัด", "Province");
const FISCAL_YEAR: Column = Column::new("ปีงบประมาณ", "Fiscal year");

fn fy_cell(scope: Scope) -> Cell {
    Cell::Count(i64::from(scope.fiscal_year.0))
}

/// Every live city of the scope's region, with its figures for the year. A city without
/// an approved ceiling for the year has an empty "approved" cell, not a zero.
pub fn cities(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let mut t = Table::new(
        "cities",
        vec![
            Column::new("ชื่อเมือง", "City name"),
            Column::new("ชื่อภาษาอังกฤษ", "English name"),
            Column::new("ประเภทท้องถิ่น", "Local government type"),
            PROVINCE,
            Column::new("ภาค", "Region"),
            FISCAL_YEAR,
            Column::new("วงเงินที่อนุมัติ", "Approved"),
            Column::new("เพดานโครงการรวม", "Project cap"),
            Column::new("งบคณะกรรมการเมือง", "Committee grant"),
            Column::new("ผูกพันโครงการ", "Committed to projects"),
            Column::new("โอนแล้ว", "Transferred"),
            Column::new("คงเหลือ", "Remaining"),
            Column::new("ต่อยอด", "Co-funding"),
            Column::new("จำนวนโครงการ", "Projects"),
            Column::new(
                "บัญชีรับเงิน (เลขที่บัญชีปิดบางส่วน)",
                "Receiving account (number masked)",
            ),
            ID,
        ],
    );
    for bar in city_bars(ds, scope) {
        let f = &bar.figures;
        let ceiling = lookup
            .city(f.city_id)
            .and_then(|c| c.budget_for(scope.fiscal_year));
        let region = lookup.region_of_province(Some(bar.city.province_id));
        t.push(vec![
            Cell::text(&bar.city.name_th),
            Cell::text(&bar.city.name_en),
            Cell::text(bar.city.unit_type.label_th()),
            Cell::text(&bar.city.province_th),
            Cell::text(lookup.region_name(region)),
            fy_cell(scope),
            Cell::amount(ceiling),
            Cell::Amount(f.cap),
            Cell::Amount(f.committee_grants),
            Cell::Amount(f.committed),
            Cell::Amount(f.transferred),
            Cell::Amount(f.remaining),
            Cell::Amount(f.co_funding),
            Cell::count(f.projects),
            // A CSV leaves the device (e-mail, LINE, a shared drive): the number is masked
            // as on screens shown at meetings; the whole number is only on the city's form.
            Cell::text(
                lookup
                    .city(f.city_id)
                    .and_then(|c| c.account.as_ref())
                    .filter(|a| a.is_complete())
                    .map(|a| a.masked_line().0)
                    .unwrap_or_default(),
            ),
            Cell::Id(f.city_id),
        ]);
    }
    t
}

/// The year's live projects in the region, in dataset order.
pub fn projects(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let [status_iso, status_be] = Column::date_pair("วันที่เปลี่ยนสถานะ", "Status date");
    let [report_iso, report_be] =
        Column::date_pair("วันที่รายงานความก้าวหน้าล่าสุด", "Latest progress report");
    let latest = latest_reports(ds, chrono::NaiveDate::MAX);
    let mut t = Table::new(
        "projects",
        vec![
            CITY,
            PROVINCE,
            FISCAL_YEAR,
            Column::new("ชื่อโครงการ", "Title"),
            Column::new("ผู้เสนอ", "Proposer"),
            Column::new("ประเภทโครงการ", "Category"),
            Column::new("สถานะ", "Status"),
            status_iso,
            status_be,
            Column::new("งบที่ขอ", "Requested"),
            Column::new("งบที่อนุมัติ", "Approved"),
            Column::new("ต่อยอด", "Co-funding"),
            Column::new("แหล่งต่อยอด", "Co-funding sources"),
            Column::new("ความคืบหน้า (%)", "Progress (%)"),
            Column::new("ใช้จ่ายแล้ว", "Spent to date"),
            report_iso,
            report_be,
            Column::new("ชุมชนที่ได้รับประโยชน์", "Communities served"),
            Column::new("ครัวเรือนที่ได้รับประโยชน์", "Households reached"),
            ID,
        ],
    );
    let survey = SurveyIndex::new(ds);
    let in_scope =
        |p: &&Project| p.fiscal_year == scope.fiscal_year && lookup.city_in(scope, p.city_id);
    for p in ds.live::<Project>().filter(in_scope) {
        let [d_iso, d_be] = Cell::date_pair(p.status_history.last().map(|s| s.date));
        let sources: Vec<&str> = p.co_funding.iter().map(|c| c.source.as_str()).collect();
        // The latest dated report's figures, else the project's own percent.
        let progress = Progress::of(p, latest.get(&p.meta.id).copied());
        let [r_iso, r_be] = Cell::date_pair(progress.reported_on);
        t.push(vec![
            Cell::text(lookup.city_name(p.city_id)),
            Cell::text(lookup.province_name(lookup.province_of_city(p.city_id))),
            fy_cell(scope),
            Cell::text(&p.title),
            Cell::text(&p.proposer),
            Cell::text(p.category.label_th()),
            Cell::text(p.status().label_th()),
            d_iso,
            d_be,
            Cell::amount(p.amount_requested),
            Cell::amount(p.amount_approved),
            Cell::Amount(p.co_funding_total()),
            Cell::text(sources.join("; ")),
            Cell::Count(i64::from(progress.percent)),
            Cell::amount(progress.spent_to_date),
            r_iso,
            r_be,
            Cell::text(survey.names(p).join("; ")),
            p.households_reached
                .map_or(Cell::Empty, |n| Cell::Count(i64::from(n))),
            Cell::Id(p.meta.id),
        ]);
    }
    t
}

/// The year's live instalments in the region, planned and transferred, in dataset order.
pub fn instalments(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let [planned_iso, planned_be] = Column::date_pair("วันที่กำหนดโอน", "Planned");
    let [actual_iso, actual_be] = Column::date_pair("วันที่โอน", "Transferred");
    let [due_iso, due_be] = Column::date_pair("กำหนดแล้วเสร็จ", "Due");
    let mut t = Table::new(
        "instalments",
        vec![
            CITY,
            PROVINCE,
            FISCAL_YEAR,
            Column::new("งวดที่", "Instalment"),
            Column::new("จำนวนเงิน", "Amount"),
            Column::new("สัดส่วนที่กำหนด", "Planned share"),
            planned_iso,
            planned_be,
            actual_iso,
            actual_be,
            due_iso,
            due_be,
            Column::new("เลขที่อ้างอิง", "Reference"),
            ID,
        ],
    );
    let in_scope =
        |i: &&Instalment| i.fiscal_year == scope.fiscal_year && lookup.city_in(scope, i.city_id);
    for i in ds.live::<Instalment>().filter(in_scope) {
        let mut row = vec![
            Cell::text(lookup.city_name(i.city_id)),
            Cell::text(lookup.province_name(lookup.province_of_city(i.city_id))),
            fy_cell(scope),
            Cell::Count(i64::from(i.number)),
            Cell::Amount(i.amount),
            i.planned_share.map_or(Cell::Empty, Cell::Share),
        ];
        row.extend(Cell::date_pair(i.planned_date));
        row.extend(Cell::date_pair(i.actual_date));
        row.extend(Cell::date_pair(i.due_date));
        row.push(Cell::text(&i.reference));
        row.push(Cell::Id(i.meta.id));
        t.push(row);
    }
    t
}

/// The year's province start-up grants and committee grants in the region: province grants
/// first, then committee grants, each in dataset order.
pub fn grants(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let [date_iso, date_be] = Column::date_pair("วันที่", "Date");
    let mut t = Table::new(
        "grants",
        vec![
            Column::new("ประเภทงบ", "Grant"),
            Column::new("ผู้รับ", "Recipient"),
            PROVINCE,
            FISCAL_YEAR,
            Column::new("จำนวนเงิน", "Amount"),
            date_iso,
            date_be,
            ID,
        ],
    );
    let fy = scope.fiscal_year;
    for g in ds.live::<ProvinceGrant>() {
        if g.fiscal_year != fy || !lookup.province_in(scope, g.province_id) {
            continue;
        }
        let [d_iso, d_be] = Cell::date_pair(g.date);
        let province = lookup.province_name(Some(g.province_id));
        t.push(vec![
            Cell::text("งบจังหวัด"),
            Cell::text(&province),
            Cell::text(&province),
            fy_cell(scope),
            Cell::Amount(g.amount),
            d_iso,
            d_be,
            Cell::Id(g.meta.id),
        ]);
    }
    for g in ds.live::<CommitteeGrant>() {
        if g.fiscal_year != fy || !lookup.city_in(scope, g.city_id) {
            continue;
        }
        let [d_iso, d_be] = Cell::date_pair(g.date);
        t.push(vec![
            Cell::text("งบคณะกรรมการเมือง"),
            Cell::text(lookup.city_name(g.city_id)),
            Cell::text(lookup.province_name(lookup.province_of_city(g.city_id))),
            fy_cell(scope),
            Cell::Amount(g.amount),
            d_iso,
            d_be,
            Cell::Id(g.meta.id),
        ]);
    }
    t
}
