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
//! added later does not compile until someone decides whether a tombstone keeps it. The
//! kinds with a blank constructor (`Project::new`, `Community::new`, `Household::new`,
//! `Committee::new`, `Meeting::new`, `Mou::new`, `ProgressReport::new`, each itself a literal of every field, empty but for the place in the programme) start
//! from that blank instead and name what they keep besides: a blank record describes no
//! one, and a field added there is decided once for both. What
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
        Committee::new(self.meta.clone(), self.city_id)
    }
}

impl Emptied for Meeting {
    fn emptied(&self) -> Self {
        Meeting::new(self.meta.clone(), self.committee_id)
    }
}

impl Emptied for Project {
    fn emptied(&self) -> Self {
        Project {
            category: self.category,
            ..Project::new(self.meta.clone(), self.city_id, self.fiscal_year)
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
        Mou::new(self.meta.clone(), self.city_ids.clone())
    }
}

impl Emptied for Instalment {
    fn emptied(&self) -> Self {
        Instalment {
            progress_report_id: self.progress_report_id,
            ..Instalment::new(
                self.meta.clone(),
                self.city_id,
                self.fiscal_year,
                self.number,
            )
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
        Community::new(self.meta.clone(), self.city_id, "")
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
            round_id: self.round_id,
            ..Household::new(self.meta.clone(), self.community_id, "")
        }
    }
}

/// A report's tombstone keeps its project and nothing of what it said.
impl Emptied for ProgressReport {
    fn emptied(&self) -> Self {
        ProgressReport::new(self.meta.clone(), self.project_id)
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
