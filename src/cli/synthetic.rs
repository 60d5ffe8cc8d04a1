//! A synthetic country for timing the rules: as many cities and projects as asked, shaped
//! like real data (committees, grants, an MOU per dozen cities, instalments), with a few
//! planted problems so every kind of finding is produced too.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::domain::dates::FiscalYear;
use crate::domain::meta::{stable_id, Editor, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::{
    Category, City, Committee, CommitteeGrant, CommitteeMember, Dataset, Instalment, LocalUnitType,
    MemberRole, Mou, Project, ProjectStatus, ProvinceGrant, Sector, Signatory, SignatoryRole,
    StatedTotal, StatusChange,
};
use crate::domain::reference::starter_dataset;

#[derive(Debug, Clone, Copy)]
pub struct SyntheticSize {
    pub cities: usize,
    pub projects: usize,
}

const FY: FiscalYear = FiscalYear(2561);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

fn meta(key: &str) -> RecordMeta {
    let editor = Editor::office("bench");
    let at: DateTime<Utc> = DateTime::from_timestamp(1_517_637_600, 0).unwrap_or_default();
    RecordMeta::new(stable_id(&format!("bench:{key}")), &editor, at)
}

pub fn synthetic_dataset(size: SyntheticSize) -> Dataset {
    let mut ds = starter_dataset();
    let params = ds.parameters_for(FY);
    let province_ids: Vec<_> = ds.provinces.iter().map(|p| p.meta.id).collect();
    for n in 0..size.cities {
        let unit_type = LocalUnitType::ALL[n % 4];
        let city = City::with_ceiling(
            meta(&format!("city:{n}")),
            format!("{}ทดสอบ{n}", unit_type.name_th()),
            format!("Test {n}"),
            unit_type,
            province_ids[n % province_ids.len()],
            FY,
            Baht::whole(500_000),
        );
        let id = city.meta.id;
        ds.committees.push(Committee {
            meta: meta(&format!("committee:{n}")),
            city_id: id,
            name: String::new(),
            members: (0..7)
                .map(|k| CommitteeMember {
                    // Every 50th committee lists its first member twice.
                    name: format!("สมาชิก {n}-{}", if n % 50 == 0 && k == 6 { 0 } else { k }),
                    sector: Sector::ALL[k % Sector::ALL.len()],
                    role: if k == 0 {
                        MemberRole::Chair
                    } else {
                        MemberRole::Member
                    },
                    contact: String::new(),
                })
                .collect(),
        });
        ds.committee_grants.push(CommitteeGrant {
            meta: meta(&format!("committee_grant:{n}")),
            city_id: id,
            fiscal_year: FY,
            amount: params.committee_grant_for(unit_type),
            date: Some(date(2017, 12, 1)),
        });
        ds.instalments.push(instalment(
            n,
            id,
            1,
            Baht::whole(350_000),
            date(2018, 2, 15),
        ));
        if n % 3 == 0 {
            ds.instalments.push(instalment(
                n,
                id,
                2,
                Baht::whole(150_000),
                date(2018, 4, 20),
            ));
        }
        ds.cities.push(city);
    }
    for (n, &province_id) in province_ids.iter().enumerate().take(size.cities) {
        ds.province_grants.push(ProvinceGrant {
            meta: meta(&format!("province_grant:{n}")),
            province_id,
            fiscal_year: FY,
            amount: params.province_grant,
            date: Some(date(2017, 11, 15)),
        });
    }
    for (n, chunk) in ds.cities.chunks(12).enumerate() {
        let mou = Mou {
            meta: meta(&format!("mou:{n}")),
            title: format!("บันทึกความร่วมมือ {n}"),
            date: Some(date(2018, 2, 3)),
            place: String::new(),
            city_ids: chunk.iter().map(|c| c.meta.id).collect(),
            signatories: vec![Signatory {
                name: format!("ผู้แทน {n}"),
                role: SignatoryRole::WorkingGroupRepresentative,
                city_id: None,
                position: String::new(),
            }],
            witness: None,
            attachments: Vec::new(),
        };
        ds.mous.push(mou);
    }
    let city_ids: Vec<_> = ds.cities.iter().map(|c| c.meta.id).collect();
    if !city_ids.is_empty() {
        for p in 0..size.projects {
            ds.projects.push(project(p, city_ids[p % city_ids.len()]));
        }
    }
    for region in ds.regions.clone() {
        ds.stated_totals.push(StatedTotal {
            meta: meta(&format!("stated_total:{}", region.code)),
            label: format!("{} FY2561", region.name_en),
            region_id: Some(region.meta.id),
            fiscal_year: FY,
            source: String::new(),
            cities: None,
            provinces: None,
            amount: Some(Baht::whole(6_600_000)),
        });
    }
    ds
}

fn instalment(
    n: usize,
    city_id: crate::domain::meta::RecordId,
    number: u8,
    amount: Baht,
    paid: NaiveDate,
) -> Instalment {
    Instalment {
        planned_share: (number == 1).then(|| Decimal::new(70, 2)),
        amount,
        actual_date: Some(paid),
        due_date: Some(date(2018, 4, 30)),
        reference: format!("TRF-{n}-{number}"),
        ..Instalment::new(
            meta(&format!("instalment:{n}:{number}")),
            city_id,
            FY,
            number,
        )
    }
}

fn project(p: usize, city_id: crate::domain::meta::RecordId) -> Project {
    use ProjectStatus::*;
    let mut steps = vec![
        (Proposed, date(2017, 11, 1)),
        (UnderReview, date(2017, 12, 1)),
        (Approved, date(2018, 1, 10)),
        (InProgress, date(2018, 3, 1)),
    ];
    if p % 211 == 0 {
        // An impossible history: approved again after work started.
        steps.push((Approved, date(2018, 3, 2)));
    }
    Project {
        meta: meta(&format!("project:{p}")),
        city_id,
        fiscal_year: FY,
        proposer: format!("ชุมชนทดสอบ {p}"),
        category: Category::ALL[p % Category::ALL.len()],
        title: format!("โครงการทดสอบ {p}"),
        description: String::new(),
        amount_requested: Some(Baht::whole(45_000)),
        amount_approved: Some(Baht::whole(if p % 101 == 0 { 60_000 } else { 40_000 })),
        co_funding: Vec::new(),
        status_history: steps
            .into_iter()
            .map(|(status, date)| StatusChange { status, date })
            .collect(),
        progress_percent: 50,
        completion_report: String::new(),
        attachments: Vec::new(),
        community_ids: Vec::new(),
        households_reached: None,
    }
}
