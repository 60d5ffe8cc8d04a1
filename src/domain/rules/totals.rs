//! `total.stated_mismatch`: a total someone stated, set beside what the records add up to.
//! Both figures and the difference are shown; neither is ever "fixed".

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::domain::money::Baht;
use crate::domain::records::{City, CommitteeGrant, ProvinceGrant, StatedTotal};

use super::codes::RuleCode;
use super::context::{Ctx, IdHasher};
use super::finding::{Figure, Finding, RecordRef};
use super::text::{baht_en, baht_th};

/// What the records say for a stated total's region and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub cities: u32,
    pub provinces: u32,
    pub amount: Baht,
}

/// The cities in scope are those with an approved ceiling for the year (in the region,
/// if the total names one); the provinces are theirs; the amount is their ceilings plus
/// their committee grants plus those provinces' start-up grants for the year.
pub fn compute(ctx: &Ctx<'_>, t: &StatedTotal) -> Computed {
    let in_region = |c: &City| match t.region_id {
        None => true,
        Some(region) => ctx
            .provinces
            .get(&c.province_id)
            .is_some_and(|p| p.region_id == region),
    };
    let mut cities: HashSet<_, BuildHasherDefault<IdHasher>> = HashSet::default();
    let mut provinces: HashSet<_, BuildHasherDefault<IdHasher>> = HashSet::default();
    let mut amount = Baht::ZERO;
    for c in ctx.ds.live::<City>().filter(|c| in_region(c)) {
        if let Some(ceiling) = c.budget_for(t.fiscal_year) {
            cities.insert(c.meta.id);
            provinces.insert(c.province_id);
            amount += ceiling;
        }
    }
    amount += ctx
        .ds
        .live::<CommitteeGrant>()
        .filter(|g| g.fiscal_year == t.fiscal_year && cities.contains(&g.city_id))
        .map(|g| g.amount)
        .sum();
    amount += ctx
        .ds
        .live::<ProvinceGrant>()
        .filter(|g| g.fiscal_year == t.fiscal_year && provinces.contains(&g.province_id))
        .map(|g| g.amount)
        .sum();
    Computed {
        cities: cities.len() as u32,
        provinces: provinces.len() as u32,
        amount,
    }
}

pub fn stated_mismatch(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for t in ctx.ds.live::<StatedTotal>() {
        let computed = compute(ctx, t);
        let mut figures = Vec::new();
        let mut th = Vec::new();
        let mut en = Vec::new();
        let mut field = None;
        let counts = [
            ("cities", t.cities, computed.cities, "เมือง", "cities"),
            (
                "provinces",
                t.provinces,
                computed.provinces,
                "จังหวัด",
                "provinces",
            ),
        ];
        for (key, stated, computed, word_th, word_en) in counts {
            let Some(stated) = stated.filter(|&s| s != computed) else {
                continue;
            };
            let diff = i64::from(stated) - i64::from(computed);
            field.get_or_insert(key);
            figures.extend(count_figures(key, stated, computed, diff));
            th.push(format!(
                "{word_th}: ยอดรวมที่แจ้ง {stated} {word_th} นับจากข้อมูลที่บันทึกได้ {computed} {word_th} ต่างกัน {diff} {word_th}"
            ));
            en.push(format!(
                "{word_en}: stated {stated}, recorded {computed}, difference {diff}"
            ));
        }
        if let Some(stated) = t.amount.filter(|&a| a != computed.amount) {
            let diff = stated - computed.amount;
            field.get_or_insert("amount");
            figures.push(Figure::amount("stated_amount", stated));
            figures.push(Figure::amount("computed_amount", computed.amount));
            figures.push(Figure::amount("difference_amount", diff));
            th.push(format!(
                "งบประมาณ: ยอดรวมที่แจ้ง {} ยอดที่คำนวณจากข้อมูลที่บันทึก {} ต่างกัน {}",
                baht_th(stated),
                baht_th(computed.amount),
                baht_th(diff)
            ));
            en.push(format!(
                "amount: stated {}, computed from the records {}, difference {}",
                baht_en(stated),
                baht_en(computed.amount),
                baht_en(diff)
            ));
        }
        if figures.is_empty() {
            continue;
        }
        out.push(Finding::new(
            RuleCode::TotalStatedMismatch,
            vec![RecordRef::to(t)],
            field,
            figures,
            format!(
                "ยอดรวมที่แจ้ง \"{}\" ({}) ไม่ตรงกับยอดที่คำนวณจากข้อมูลที่บันทึก: {} (ผลต่าง = ยอดรวมที่แจ้ง − ยอดที่คำนวณ; ไม่มีการแก้ตัวเลขใด)",
                t.label,
                t.fiscal_year.label_th(),
                th.join("; ")
            ),
            format!(
                "The stated total \"{}\" (FY{}) differs from the records: {} (difference = stated − records; neither figure is changed).",
                t.label,
                t.fiscal_year,
                en.join("; ")
            ),
        ));
    }
}

fn count_figures(key: &'static str, stated: u32, computed: u32, diff: i64) -> [Figure; 3] {
    let (s, c, d) = match key {
        "cities" => ("stated_cities", "computed_cities", "difference_cities"),
        _ => (
            "stated_provinces",
            "computed_provinces",
            "difference_provinces",
        ),
    };
    [
        Figure::count(s, i64::from(stated)),
        Figure::count(c, i64::from(computed)),
        Figure::count(d, diff),
    ]
}
