//! The people lists: committee members, meetings, and MOUs with their signatories.
//! Committees are not yearly, so they follow the scope's region only; meetings and MOUs
//! dated within the scope's year are listed, and undated ones always, so none is lost.

use chrono::NaiveDate;

use crate::domain::records::{Committee, Dataset, Meeting, Mou};
use crate::domain::reports::{Label, Scope};

use super::lookup::Lookup;
use super::table::{Cell, Column, Table};

const CITY: Column = Column::new("เมือง", "City");
const PROVINCE: Column = Column::new("จังหวัด", "Province");
const COMMITTEE: Column = Column::new("คณะกรรมการ", "Committee");

/// Whether contact details go into an export. Phone numbers and LINE ids are personal
/// data (PDPA): a list handed to a partner should leave them out, so the caller must say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contacts {
    Omit,
    Include,
}

fn in_year(scope: Scope, date: Option<NaiveDate>) -> bool {
    date.is_none_or(|d| scope.fiscal_year.contains(d))
}

/// One row per member of every live committee of a city in the region.
pub fn committee_members(ds: &Dataset, scope: Scope, contacts: Contacts) -> Table {
    let lookup = Lookup::new(ds);
    let mut columns = vec![
        CITY,
        PROVINCE,
        COMMITTEE,
        Column::new("ชื่อ-สกุล", "Name"),
        Column::new("บทบาท", "Role"),
        Column::new("ภาคส่วน", "Sector"),
    ];
    if contacts == Contacts::Include {
        columns.push(Column::new("ติดต่อ", "Contact"));
    }
    columns.push(Column::new("รหัสคณะกรรมการ", "Committee id"));
    let mut t = Table::new("committee_members", columns);
    for c in ds
        .live::<Committee>()
        .filter(|c| lookup.city_in(scope, c.city_id))
    {
        for m in &c.members {
            let mut row = vec![
                Cell::text(lookup.city_name(c.city_id)),
                Cell::text(lookup.province_name(lookup.province_of_city(c.city_id))),
                Cell::text(&c.name),
                Cell::text(&m.name),
                Cell::text(m.role.label_th()),
                Cell::text(m.sector.label_th()),
            ];
            if contacts == Contacts::Include {
                row.push(Cell::text(&m.contact));
            }
            row.push(Cell::Id(c.meta.id));
            t.push(row);
        }
    }
    t
}

/// Live meetings of committees in the region, dated within the year (or undated).
pub fn meetings(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let [date_iso, date_be] = Column::date_pair("วันที่ประชุม", "Date");
    let mut t = Table::new(
        "meetings",
        vec![
            CITY,
            PROVINCE,
            COMMITTEE,
            date_iso,
            date_be,
            Column::new("สถานที่", "Place"),
            Column::new("ผู้เข้าร่วม", "Attendance"),
            Column::new("ผู้เข้าร่วมตามภาคส่วน", "Attendance by sector"),
            Column::new("จำนวนปัญหาที่เสนอ", "Problems raised"),
            Column::new("ปัญหาที่เสนอ", "Problems"),
            Column::new("มติ", "Decisions"),
            Column::new("รหัสรายการ", "Record id"),
        ],
    );
    for m in ds.live::<Meeting>() {
        let committee = lookup.committee(m.committee_id);
        let city = committee.map(|c| c.city_id);
        let in_region = match city {
            Some(city) => lookup.city_in(scope, city),
            None => scope.covers_region(None),
        };
        if !in_region || !in_year(scope, m.date) {
            continue;
        }
        let by_sector: Vec<String> = m
            .attendance
            .iter()
            .map(|a| format!("{} {}", a.sector.label_th(), a.count))
            .collect();
        let problems: Vec<String> = m
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.category.label_th(), p.description))
            .collect();
        let [d_iso, d_be] = Cell::date_pair(m.date);
        t.push(vec![
            Cell::text(city.map(|c| lookup.city_name(c)).unwrap_or_default()),
            Cell::text(lookup.province_name(city.and_then(|c| lookup.province_of_city(c)))),
            Cell::text(committee.map(|c| c.name.clone()).unwrap_or_default()),
            d_iso,
            d_be,
            Cell::text(&m.place),
            Cell::Count(m.attendance.iter().map(|a| i64::from(a.count)).sum()),
            Cell::text(by_sector.join("; ")),
            Cell::count(m.problems.len()),
            Cell::text(problems.join("; ")),
            Cell::text(&m.decisions),
            Cell::Id(m.meta.id),
        ]);
    }
    t
}

/// Live MOUs listing a city in the region, dated within the year (or undated): one row per
/// signatory who signs for every city or for a city in the region, then one for the witness.
pub fn mous(ds: &Dataset, scope: Scope) -> Table {
    let lookup = Lookup::new(ds);
    let [date_iso, date_be] = Column::date_pair("วันที่ลงนาม", "Date signed");
    let mut t = Table::new(
        "mous",
        vec![
            Column::new("บันทึกความร่วมมือ", "MOU"),
            date_iso,
            date_be,
            Column::new("สถานที่", "Place"),
            Column::new("จำนวนเมือง", "Cities"),
            Column::new("ผู้ลงนาม", "Signatory"),
            Column::new("ในฐานะ", "Signs as"),
            Column::new("ตำแหน่ง", "Position"),
            Column::new("ลงนามในนาม", "Signs for"),
            Column::new("รหัสรายการ", "Record id"),
        ],
    );
    let lists_region = |m: &Mou| m.city_ids.iter().any(|&c| lookup.city_in(scope, c));
    for m in ds.live::<Mou>() {
        if !(lists_region(m) || scope.region_id.is_none()) || !in_year(scope, m.date) {
            continue;
        }
        let [d_iso, d_be] = Cell::date_pair(m.date);
        let head = [
            Cell::text(&m.title),
            d_iso,
            d_be,
            Cell::text(&m.place),
            Cell::count(m.city_ids.len()),
        ];
        let mut person = |name: &str, role: &str, position: &str, signs_for: String| {
            let mut row = head.to_vec();
            row.extend([
                Cell::text(name),
                Cell::text(role),
                Cell::text(position),
                Cell::text(signs_for),
                Cell::Id(m.meta.id),
            ]);
            t.push(row);
        };
        let mut people = 0;
        for s in &m.signatories {
            let signs_for = match s.city_id {
                None => "ทุกเมือง".to_owned(),
                Some(c) if lookup.city_in(scope, c) => lookup.city_name(c),
                Some(_) => continue,
            };
            person(&s.name, s.role.label_th(), &s.position, signs_for);
            people += 1;
        }
        if let Some(w) = &m.witness {
            person(&w.name, "สักขีพยาน", &w.position, String::new());
            people += 1;
        }
        // An MOU nobody has been entered for yet still gets its row.
        if people == 0 {
            person("", "", "", String::new());
        }
    }
    t
}
