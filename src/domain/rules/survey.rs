//! The survey's rules (issue #12): `household.duplicate`, `household.members`,
//! `community.coverage`, and `record.missing_field` for communities, rounds and
//! households. One index of the survey is built per check, so 100,000 households cost
//! one pass each.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::domain::meta::RecordId;
use crate::domain::records::survey::{Community, Household, SurveyRound};
use crate::domain::records::{AnyRecordRef, RecordKind};
use crate::domain::text::normalise_name;
use crate::domain::thai_digits::to_ascii_digits;

use super::codes::RuleCode;
use super::context::{Ctx, HashMap};
use super::finding::{Figure, Finding, RecordRef};
use super::missing::{Check, CITY_ID};
use super::text::{count_en, is_blank};

/// A community's surveyed households below this share of its stated ones, once the city's
/// round is closed, is "far short" (docs/rules.md, `community.coverage`).
pub const COVERAGE_SHORT_BELOW: Decimal = Decimal::from_parts(50, 0, 0, false, 2);

/// The survey's records, indexed once per check.
struct Index<'a> {
    communities: HashMap<RecordId, &'a Community>,
    rounds: HashMap<RecordId, &'a SurveyRound>,
    /// Live households of each community, in dataset order.
    households: HashMap<RecordId, Vec<&'a Household>>,
}

impl<'a> Index<'a> {
    fn new(ctx: &Ctx<'a>) -> Index<'a> {
        let ds = ctx.ds;
        let mut households: HashMap<RecordId, Vec<&Household>> = HashMap::default();
        for h in ds.live::<Household>() {
            households.entry(h.community_id).or_default().push(h);
        }
        Index {
            communities: ds.live::<Community>().map(|c| (c.meta.id, c)).collect(),
            rounds: ds.live::<SurveyRound>().map(|r| (r.meta.id, r)).collect(),
            households,
        }
    }
}

/// Every survey finding, of all four rules; `check` sorts them by rule.
pub fn survey(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.ds.communities.is_empty() && ctx.ds.households.is_empty() {
        return;
    }
    let index = Index::new(ctx);
    duplicates(&index, out);
    members(ctx, out);
    coverage(ctx, &index, out);
    missing(ctx, &index, out);
}

/// The form house numbers are compared in: the project's name normalisation (look-alike
/// Thai spellings, invisible characters, case), Thai digits as ASCII, no spaces, so
/// "๑๒/๓", "12/3" and "12 / 3" are one number.
pub fn house_number_key(s: &str) -> String {
    let mut key = normalise_name(&to_ascii_digits(s));
    key.retain(|c| !c.is_whitespace());
    key
}

fn community_name(index: &Index<'_>, id: RecordId) -> String {
    match index.communities.get(&id) {
        Some(c) if !is_blank(&c.name) => c.name.clone(),
        _ => id.to_string(),
    }
}

/// "ชุมชนริมน้ำ" for a community named "ริมน้ำ", and not "ชุมชนชุมชนริมน้ำ" for one whose
/// name already says so (most do).
fn called_th(name: &str) -> String {
    if name.trim_start().starts_with("ชุมชน") {
        name.to_owned()
    } else {
        format!("ชุมชน{name}")
    }
}

fn duplicates(index: &Index<'_>, out: &mut Vec<Finding>) {
    for (&community, households) in &index.households {
        let mut by_number: BTreeMap<String, Vec<&Household>> = BTreeMap::new();
        for h in households.iter().filter(|h| !is_blank(&h.house_number)) {
            by_number
                .entry(house_number_key(&h.house_number))
                .or_default()
                .push(h);
        }
        for group in by_number.values().filter(|g| g.len() > 1) {
            let n = group.len();
            let number = &group[0].house_number;
            let name = community_name(index, community);
            let name_th = called_th(&name);
            out.push(Finding::new(
                RuleCode::HouseholdDuplicate,
                group.iter().map(|h| RecordRef::to(*h)).collect(),
                Some("house_number"),
                vec![Figure::count("records", n as i64)],
                format!(
                    "{name_th}: บ้านเลขที่ {number} ถูกบันทึก {n} ครั้ง ถ้าซ้ำกันให้ลบรายการที่ซ้ำ \
                     ถ้าเป็นคนละครัวเรือนในบ้านหลังเดียวกันไม่ต้องแก้ไข"
                ),
                format!(
                    "Community {name}: house no. {number} is entered {}. Delete the copies if they \
                     are the same household; if several households share the house, leave them.",
                    count_en(n, "time", "times")
                ),
            ));
        }
    }
}

fn members(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for h in ctx.ds.live::<Household>() {
        let number = &h.house_number;
        if h.members < 1 {
            out.push(Finding::new(
                RuleCode::HouseholdMembers,
                vec![RecordRef::to(h)],
                Some("members"),
                vec![Figure::count("members", i64::from(h.members))],
                format!("ครัวเรือนบ้านเลขที่ {number}: ต้องมีสมาชิกอย่างน้อย 1 คน"),
                format!("Household at house no. {number}: a household has at least one member."),
            ));
            continue;
        }
        let v = &h.vulnerable;
        let groups = [
            ("elderly", v.elderly, "ผู้สูงอายุ", "elderly"),
            ("disabled", v.disabled, "ผู้พิการ", "disabled"),
            (
                "young_children",
                v.young_children,
                "เด็กเล็ก",
                "young children",
            ),
        ];
        for (key, n, th, en) in groups.into_iter().filter(|g| g.1 > h.members) {
            let m = h.members;
            out.push(Finding::new(
                RuleCode::HouseholdMembers,
                vec![RecordRef::to(h)],
                Some(&format!("vulnerable.{key}")),
                vec![
                    Figure::count("members", i64::from(m)),
                    Figure::count(key, i64::from(n)),
                ],
                format!("ครัวเรือนบ้านเลขที่ {number}: {th} {n} คน มากกว่าสมาชิกทั้งหมด {m} คน"),
                format!(
                    "Household at house no. {number}: {n} {en}, more than its {}.",
                    count_en(m as usize, "member", "members")
                ),
            ));
        }
    }
}

/// Whether the city's survey is over as of the check's day: it has rounds, and every live
/// one is closed.
fn city_round_closed(ctx: &Ctx<'_>, index: &Index<'_>, city: RecordId) -> bool {
    let mut rounds = index
        .rounds
        .values()
        .filter(|r| r.city_id == city)
        .peekable();
    rounds.peek().is_some() && rounds.all(|r| r.is_closed(ctx.today))
}

fn coverage(ctx: &Ctx<'_>, index: &Index<'_>, out: &mut Vec<Finding>) {
    let mut closed: HashMap<RecordId, bool> = HashMap::default();
    for c in ctx.ds.live::<Community>() {
        let Some(stated) = c.households.filter(|&n| n > 0) else {
            continue;
        };
        let surveyed = index.households.get(&c.meta.id).map_or(0, Vec::len) as u32;
        let share = (Decimal::from(surveyed) / Decimal::from(stated)).round_dp(2);
        let name = if is_blank(&c.name) {
            c.meta.id.to_string()
        } else {
            c.name.clone()
        };
        let name_th = called_th(&name);
        let figures = vec![
            Figure::count("surveyed", i64::from(surveyed)),
            Figure::count("stated", i64::from(stated)),
            Figure::share("coverage", share),
        ];
        let (th, en) = if surveyed > stated {
            (
                format!(
                    "{name_th}: สำรวจแล้ว {surveyed} ครัวเรือน มากกว่าที่แจ้งไว้ {stated} ครัวเรือน \
                     ตรวจดูว่ามีครัวเรือนที่บันทึกซ้ำ หรือควรแก้จำนวนที่แจ้งไว้"
                ),
                format!(
                    "Community {name}: {} surveyed, more than the {stated} stated. Look for \
                     households entered twice, or update the stated number.",
                    count_en(surveyed as usize, "household", "households")
                ),
            )
        } else if Decimal::from(surveyed) < COVERAGE_SHORT_BELOW * Decimal::from(stated)
            && *closed
                .entry(c.city_id)
                .or_insert_with(|| city_round_closed(ctx, index, c.city_id))
        {
            // Rounded down, so a share just under half never reads "50%".
            let pct =
                (Decimal::from(surveyed) * Decimal::ONE_HUNDRED / Decimal::from(stated)).floor();
            (
                format!(
                    "{name_th}: ปิดรอบการสำรวจแล้ว แต่สำรวจได้ {surveyed} จาก {stated} ครัวเรือน \
                     ({pct}%) ไม่ถึงครึ่งของที่แจ้งไว้"
                ),
                format!(
                    "Community {name}: the survey round is closed, but only {surveyed} of \
                     {stated} stated households ({pct}%) were surveyed, under half."
                ),
            )
        } else {
            continue;
        };
        out.push(Finding::new(
            RuleCode::CommunityCoverage,
            vec![RecordRef::to(c)],
            Some("households"),
            figures,
            th,
            en,
        ));
    }
}

fn missing(ctx: &Ctx<'_>, index: &Index<'_>, out: &mut Vec<Finding>) {
    let mut c = Check { ctx, out };
    for com in ctx.ds.live::<Community>() {
        let r = AnyRecordRef::Community(com);
        c.blank(r, "name", ("ชื่อชุมชน", "name"), &com.name);
        c.link(r, CITY_ID, com.city_id);
    }
    for round in ctx.ds.live::<SurveyRound>() {
        let r = AnyRecordRef::SurveyRound(round);
        c.link(r, CITY_ID, round.city_id);
        if round.date.is_none() {
            c.blank(r, "date", ("วันที่เริ่มสำรวจ", "start date"), "");
        }
    }
    const COMMUNITY: (&str, &str) = ("ชุมชน", "community");
    const ROUND: (&str, &str) = ("รอบการสำรวจ", "survey round");
    for h in ctx.ds.live::<Household>() {
        let r = AnyRecordRef::Household(h);
        c.blank(
            r,
            "house_number",
            ("บ้านเลขที่", "house number"),
            &h.house_number,
        );
        if !index.communities.contains_key(&h.community_id) {
            let kind = RecordKind::Community;
            c.refers_to_nothing(r, "community_id", COMMUNITY, kind, h.community_id);
        }
        if let Some(round) = h.round_id.filter(|id| !index.rounds.contains_key(id)) {
            c.refers_to_nothing(r, "round_id", ROUND, RecordKind::SurveyRound, round);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::FigureValue;

    #[test]
    fn house_numbers_compare_as_people_read_them() {
        assert_eq!(house_number_key("๑๒/๓"), house_number_key("12/3"));
        assert_eq!(house_number_key(" 12 / 3 "), "12/3");
        assert_eq!(house_number_key("12/3ก"), house_number_key("12/3 ก"));
        assert_ne!(house_number_key("12/3"), house_number_key("12/4"));
        assert_ne!(house_number_key("123"), house_number_key("12/3"));
        assert_eq!(COVERAGE_SHORT_BELOW, Decimal::new(5, 1));
    }

    /// 100 of 201 is 49.75 %: shown as 0.50, but under half, so it is flagged; 101 is not.
    #[test]
    fn just_under_half_is_short_even_where_the_rounded_share_says_half() {
        use crate::domain::meta::{stable_id, RecordMeta};
        use crate::domain::records::Dataset;
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2018, m, d).unwrap();
        let city = stable_id("city");
        let mut community = Community::new(RecordMeta::shipped("com"), city, "ชุมชน");
        community.households = Some(201);
        let round = SurveyRound {
            meta: RecordMeta::shipped("round"),
            city_id: city,
            title: "รอบที่ 1".into(),
            date: Some(day(3, 1)),
            closed_on: Some(day(3, 31)),
            surveyor: String::new(),
            notes: String::new(),
        };
        let mut ds = Dataset::default();
        for n in 0..101 {
            let meta = RecordMeta::shipped(&format!("h{n}"));
            let mut h = Household::new(meta, community.meta.id, &n.to_string());
            h.members = 1;
            ds.households.push(h);
        }
        ds.communities.push(community);
        ds.survey_rounds.push(round);
        let coverage = |ds: &Dataset| {
            let ctx = Ctx::new(ds, day(4, 1), day(4, 1));
            let mut out = Vec::new();
            coverage(&ctx, &Index::new(&ctx), &mut out);
            out
        };
        assert!(coverage(&ds).is_empty(), "101 of 201 is half or more");
        ds.households.pop();
        let found = coverage(&ds);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].figure("coverage"),
            Some(&FigureValue::Share(Decimal::new(50, 2)))
        );
        assert!(
            found[0].message_en.contains("100 of 201"),
            "{}",
            found[0].message_en
        );
    }
}
