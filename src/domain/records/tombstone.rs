//! What a deletion keeps of a record: only what sync needs (PDPA: deleted personal data
//! must go), decided field by field for every kind.
//!
//! A tombstone keeps its `meta` (id, version vector, the deletion, times, the deleting
//! office; the person's name is cleared by `sync::purge::strip_tombstone`), the ids of the
//! records it links to, and the values that place it without describing anyone: the fiscal
//! year, an instalment's number, a kind (`unit_type`, `category`), a province's code. Every
//! name, text, list (members, signatories, budgets, attendance…), optional value, amount
//! and share is emptied.
//!
//! Each kind lists every one of its fields here (a struct literal, no `..`), so a field
//! added later does not compile until someone decides whether a tombstone keeps it. What
//! is kept is always in its range (docs/rules.md), so a bundle carrying tombstones verifies
//! at every office (before, emptying by trial gave an instalment fiscal year 0 and number
//! 0, and every office refused such a bundle), and the record keeps its type: storage,
//! every reader and older builds read a tombstone like any record.

use super::*;
use crate::domain::money::Baht;

/// The emptied form of a record (see the module notes). Idempotent.
pub trait Emptied {
    fn emptied(&self) -> Self;
}

impl Emptied for Region {
    fn emptied(&self) -> Self {
        Region {
            meta: self.meta.clone(),
            code: self.code.clone(),
            name_th: String::new(),
            name_en: String::new(),
        }
    }
}

impl Emptied for Province {
    fn emptied(&self) -> Self {
        Province {
            meta: self.meta.clone(),
            code: self.code.clone(),
            name_th: String::new(),
            name_en: String::new(),
            region_id: self.region_id,
        }
    }
}

impl Emptied for City {
    fn emptied(&self) -> Self {
        City {
            meta: self.meta.clone(),
            name_th: String::new(),
            name_en: String::new(),
            unit_type: self.unit_type,
            province_id: self.province_id,
            budgets: Vec::new(),
            district: String::new(),
            local_code: String::new(),
            account: None,
        }
    }
}

impl Emptied for Committee {
    fn emptied(&self) -> Self {
        Committee {
            meta: self.meta.clone(),
            city_id: self.city_id,
            name: String::new(),
            members: Vec::new(),
        }
    }
}

impl Emptied for Meeting {
    fn emptied(&self) -> Self {
        Meeting {
            meta: self.meta.clone(),
            committee_id: self.committee_id,
            date: None,
            place: String::new(),
            attendance: Vec::new(),
            problems: Vec::new(),
            decisions: String::new(),
        }
    }
}

impl Emptied for Project {
    fn emptied(&self) -> Self {
        Project {
            meta: self.meta.clone(),
            city_id: self.city_id,
            fiscal_year: self.fiscal_year,
            proposer: String::new(),
            category: self.category,
            title: String::new(),
            description: String::new(),
            amount_requested: None,
            amount_approved: None,
            co_funding: Vec::new(),
            status_history: Vec::new(),
            progress_percent: 0,
            completion_report: String::new(),
            community_ids: Vec::new(),
            households_reached: None,
        }
    }
}

impl Emptied for ProvinceGrant {
    fn emptied(&self) -> Self {
        ProvinceGrant {
            meta: self.meta.clone(),
            province_id: self.province_id,
            fiscal_year: self.fiscal_year,
            amount: Baht::ZERO,
            date: None,
        }
    }
}

impl Emptied for CommitteeGrant {
    fn emptied(&self) -> Self {
        CommitteeGrant {
            meta: self.meta.clone(),
            city_id: self.city_id,
            fiscal_year: self.fiscal_year,
            amount: Baht::ZERO,
            date: None,
        }
    }
}

impl Emptied for Mou {
    fn emptied(&self) -> Self {
        Mou {
            meta: self.meta.clone(),
            title: String::new(),
            date: None,
            place: String::new(),
            city_ids: self.city_ids.clone(),
            signatories: Vec::new(),
            witness: None,
        }
    }
}

impl Emptied for Instalment {
    fn emptied(&self) -> Self {
        Instalment {
            meta: self.meta.clone(),
            city_id: self.city_id,
            fiscal_year: self.fiscal_year,
            number: self.number,
            planned_share: None,
            amount: Baht::ZERO,
            planned_date: None,
            actual_date: None,
            due_date: None,
            requested_date: None,
            progress_report_id: self.progress_report_id,
            reference: String::new(),
        }
    }
}

impl Emptied for ProgrammeParameters {
    fn emptied(&self) -> Self {
        ProgrammeParameters {
            meta: self.meta.clone(),
            fiscal_year: self.fiscal_year,
            project_max: Baht::ZERO,
            city_max: Baht::ZERO,
            committee_grant_city_town: Baht::ZERO,
            committee_grant_subdistrict: Baht::ZERO,
            province_grant: Baht::ZERO,
            first_instalment_share: rust_decimal::Decimal::ZERO,
            second_instalment_deadline: None,
            programme_start: None,
        }
    }
}

impl Emptied for StatedTotal {
    fn emptied(&self) -> Self {
        StatedTotal {
            meta: self.meta.clone(),
            label: String::new(),
            region_id: self.region_id,
            fiscal_year: self.fiscal_year,
            source: String::new(),
            cities: None,
            provinces: None,
            amount: None,
        }
    }
}

impl Emptied for Community {
    fn emptied(&self) -> Self {
        Community {
            meta: self.meta.clone(),
            city_id: self.city_id,
            name: String::new(),
            district: String::new(),
            subdistrict: String::new(),
            location: None,
            households: None,
            population: None,
            landowner: None,
            tenure: None,
            eviction: None,
            eviction_date: None,
            hazards: Vec::new(),
            missing: Vec::new(),
            savings_group: None,
            organisation: String::new(),
            preferred_solution: None,
            programme: None,
            notes: String::new(),
        }
    }
}

impl Emptied for SurveyRound {
    fn emptied(&self) -> Self {
        SurveyRound {
            meta: self.meta.clone(),
            city_id: self.city_id,
            title: String::new(),
            date: None,
            closed_on: None,
            surveyor: String::new(),
            notes: String::new(),
        }
    }
}

/// A household's tombstone keeps where it was counted (community, round) and nothing of
/// the family: not the house number, the head's name, the phone or any count.
impl Emptied for Household {
    fn emptied(&self) -> Self {
        Household {
            meta: self.meta.clone(),
            community_id: self.community_id,
            round_id: self.round_id,
            surveyed_on: None,
            surveyor: String::new(),
            house_number: String::new(),
            head_name: String::new(),
            phone: String::new(),
            members: 0,
            vulnerable: Default::default(),
            land_tenure: None,
            house_tenure: None,
            monthly_rent: None,
            condition: None,
            income_band: None,
            savings_member: false,
            need: None,
            notes: String::new(),
        }
    }
}

/// A report's tombstone keeps its project and nothing of what it said.
impl Emptied for ProgressReport {
    fn emptied(&self) -> Self {
        ProgressReport {
            meta: self.meta.clone(),
            project_id: self.project_id,
            date: None,
            percent: 0,
            work_done: String::new(),
            spent_to_date: None,
            problems: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Check(Vec<String>);
    impl KindVisitor for Check {
        fn visit<R: Record>(&mut self) {
            let programme = crate::domain::example::north_2561().records;
            let survey = crate::domain::demo_survey::demo_survey(40, 7).records;
            for r in R::all(&programme).iter().chain(R::all(&survey)) {
                let t = r.emptied();
                assert!(t.emptied() == t, "idempotent");
                assert_eq!(t.meta(), r.meta());
                let mut out = Vec::new();
                t.out_of_range(&mut |o| out.push(o.field));
                assert!(out.is_empty(), "{:?} {:?}", R::KIND, out);
                let text = serde_json::to_string(&t).unwrap();
                assert!(serde_json::from_str::<R>(&text).unwrap() == t, "reads back");
                self.0.push(text);
            }
        }
    }

    #[test]
    fn every_tombstone_reads_back_in_range_and_says_nothing_of_anyone() {
        let mut c = Check(Vec::new());
        RecordKind::visit_all(&mut c);
        assert!(c.0.len() > 50);
        let city = crate::domain::example::north_2561().records.cities[0].clone();
        let t = city.emptied();
        let text = serde_json::to_string(&t).unwrap();
        assert!(!text.contains(&city.name_th), "{text}");
        assert!(t.budgets.is_empty() && t.account.is_none());
    }
}
