//! A clearly fictional city-wide survey (ข้อมูลสมมติ) for demonstrations and benchmarks:
//! communities, one closed round per city and households with plausible values, for the
//! cities of the example (`example::north_2561`). The real example stays facts from the
//! article only; this is the other thing, and says so in every community and round
//! (`FICTIONAL_NOTE`) and in every person's name ("(สมมติ)").
//!
//! Deterministic: the same seed and size always give the same bytes. The surveyed
//! households of each community are between 90 % and 100 % of its stated number, so the
//! survey checks clean (`tests/demo_survey.rs`).

mod names;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::document::Document;
use crate::domain::example::north_2561;
use crate::domain::meta::{stable_id, Editor, OfficeId, RecordId, RecordMeta};
use crate::domain::money::Baht;
use crate::domain::records::survey::{
    Choice, Community, EvictionThreat, Hazard, HouseCondition, HouseTenure, Household,
    HousingProgramme, IncomeBand, LandTenure, Landowner, Missing, Need, SavingsGroup, Solution,
    SurveyRound,
};

use names::{COMMUNITY_WORDS, FIRST_NAMES, ORGANISATIONS, SURNAMES, SURVEYORS};

/// The note every fictional community and round carries.
pub const FICTIONAL_NOTE: &str =
    "ข้อมูลสมมติ สร้างโดย mueang demo-survey ไม่ใช่ข้อมูลจริง / Fictional demo data, not a real survey";

/// The day the fictional rounds start and close (FY2561, after the article's plan).
fn round_dates() -> (NaiveDate, NaiveDate) {
    let day = |m, d| NaiveDate::from_ymd_opt(2018, m, d).unwrap_or_default();
    (day(3, 1), day(4, 30))
}

/// A small, fast, well-mixed generator (SplitMix64): enough for plausible demo data, and
/// the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    /// True with probability `percent` %.
    fn chance(&mut self, percent: u32) -> bool {
        self.between(1, 100) <= percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// A choice by weights given in the choice list's order.
    fn weighted<C: Choice>(&mut self, weights: &[u32]) -> C {
        let total: u32 = weights.iter().sum();
        let mut roll = self.between(1, total.max(1));
        for (c, &w) in C::all().iter().zip(weights) {
            if roll <= w {
                return *c;
            }
            roll -= w;
        }
        C::all()[0]
    }
}

fn demo_editor() -> Editor {
    Editor {
        office_id: OfficeId("demo-survey".into()),
        office_name: "ข้อมูลสมมติ".into(),
        person: String::new(),
    }
}

struct Maker {
    rng: Rng,
    seed: u64,
    editor: Editor,
    at: DateTime<Utc>,
}

impl Maker {
    fn meta(&self, key: &str) -> RecordMeta {
        let id = stable_id(&format!("demo-survey:{}:{key}", self.seed));
        RecordMeta::new(id, &self.editor, self.at)
    }

    fn community(&mut self, city: RecordId, n: usize, stated: u32) -> Community {
        let word = COMMUNITY_WORDS[n % COMMUNITY_WORDS.len()];
        let name = match n / COMMUNITY_WORDS.len() {
            0 => format!("ชุมชน{word}"),
            k => format!("ชุมชน{word} {}", k + 1),
        };
        let mut c = Community::new(self.meta(&format!("{city}:community:{n}")), city, &name);
        let r = &mut self.rng;
        c.households = Some(stated);
        c.population = Some(stated * r.between(30, 45) / 10);
        c.landowner = Some(r.weighted::<Landowner>(&[25, 10, 15, 10, 15, 20, 5]));
        c.tenure = Some(r.weighted::<LandTenure>(&[10, 20, 30, 40]));
        let eviction: EvictionThreat = r.weighted(&[70, 20, 10]);
        c.eviction = Some(eviction);
        if eviction != EvictionThreat::None {
            c.eviction_date = NaiveDate::from_ymd_opt(2017, r.between(1, 12), r.between(1, 28));
        }
        c.hazards = Hazard::ALL
            .iter()
            .copied()
            .filter(|_| r.chance(30))
            .collect();
        c.missing = Missing::ALL
            .iter()
            .copied()
            .filter(|_| r.chance(35))
            .collect();
        if r.chance(70) {
            let members = r.between(10, stated.max(10));
            c.savings_group = Some(SavingsGroup {
                members,
                balance: Baht::whole(i64::from(members) * i64::from(r.between(200, 3_000))),
            });
        }
        c.organisation = r.pick(ORGANISATIONS).to_owned();
        c.preferred_solution = Some(r.weighted::<Solution>(&[45, 25, 15, 15]));
        c.programme = Some(r.weighted::<HousingProgramme>(&[70, 15, 15]));
        c.notes = FICTIONAL_NOTE.to_owned();
        c
    }

    fn household(&mut self, community: &Community, round: &SurveyRound, n: u32) -> Household {
        let key = format!("{}:household:{n}", community.meta.id);
        let mut h = Household::new(self.meta(&key), community.meta.id, "");
        let r = &mut self.rng;
        // Numbers as they run in such communities: 1, 2, 2/1, 3 …
        let (base, k) = (n / 7 * 6, n % 7);
        h.house_number = match k {
            0..=2 => format!("{}", base + k + 1),
            3 => format!("{}/1", base + 3),
            _ => format!("{}", base + k),
        };
        h.round_id = Some(round.meta.id);
        let (start, _) = round_dates();
        h.surveyed_on = start.checked_add_days(chrono::Days::new(u64::from(r.between(0, 50))));
        h.surveyor = r.pick(SURVEYORS).to_owned();
        let (title, first) = r.pick(FIRST_NAMES);
        h.head_name = format!("{title}{first} {} (สมมติ)", r.pick(SURNAMES));
        if r.chance(60) {
            h.phone = format!("000-000-{:04}", r.between(0, 9_999));
        }
        h.members = r.between(1, 8);
        h.vulnerable.elderly = r.between(0, h.members.min(2));
        h.vulnerable.disabled = u32::from(r.chance(8));
        h.vulnerable.young_children = r.between(0, h.members.saturating_sub(1).min(2));
        h.land_tenure = Some(r.weighted::<LandTenure>(&[10, 15, 35, 40]));
        let house: HouseTenure = r.weighted(&[60, 25, 12, 3]);
        h.house_tenure = Some(house);
        if house == HouseTenure::Rent {
            h.monthly_rent = Some(Baht::whole(i64::from(r.between(5, 30)) * 100));
        }
        h.condition = Some(r.weighted::<HouseCondition>(&[35, 45, 20]));
        h.income_band = Some(r.weighted::<IncomeBand>(&[25, 35, 20, 12, 8]));
        h.savings_member = r.chance(55);
        h.need = Some(r.weighted::<Need>(&[40, 20, 30, 10]));
        h
    }
}

/// The example (`north_2561`) with a fictional survey of `households` households spread
/// over its cities, from `seed`.
pub fn demo_survey(households: usize, seed: u64) -> Document {
    let mut doc = north_2561();
    let at = DateTime::from_timestamp(1_525_046_400, 0).unwrap_or_default(); // 30 Apr 2018
    let mut m = Maker {
        rng: Rng(seed),
        seed,
        editor: demo_editor(),
        at,
    };
    let cities: Vec<RecordId> = doc.records.cities.iter().map(|c| c.meta.id).collect();
    let per_city = households / cities.len().max(1);
    let ds = &mut doc.records;
    for (i, &city) in cities.iter().enumerate() {
        let mut left = per_city + usize::from(i < households % cities.len().max(1));
        let (date, closed_on) = round_dates();
        let round = SurveyRound {
            meta: m.meta(&format!("{city}:round")),
            city_id: city,
            title: "สำรวจข้อมูลทั้งเมือง ปี 2561 (ข้อมูลสมมติ)".into(),
            date: Some(date),
            closed_on: Some(closed_on),
            surveyor: m.rng.pick(SURVEYORS).to_owned(),
            notes: FICTIONAL_NOTE.to_owned(),
        };
        let mut n = 0;
        while left > 0 {
            let size = (m.rng.between(20, 150) as usize).min(left);
            // Stated a little above what was found: people away, houses empty.
            let stated = size as u32 + m.rng.between(0, size as u32 / 10);
            let community = m.community(city, n, stated);
            for k in 0..size as u32 {
                let h = m.household(&community, &round, k);
                ds.households.push(h);
            }
            ds.communities.push(community);
            left -= size;
            n += 1;
        }
        ds.survey_rounds.push(round);
    }
    doc.exported_at = Some(at);
    doc.exported_by = Some(demo_editor());
    doc
}
