//! `committee_grant.amount` and `province_grant.amount`: the fixed grants against the
//! parameters, and no grant paid twice.

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::money::Baht;
use crate::domain::records::{CommitteeGrant, Province, ProvinceGrant};

use super::codes::RuleCode;
use super::context::{Ctx, HashMap};
use super::finding::{Figure, Finding, RecordRef};
use super::text::{baht_en, baht_th, city_en, city_th};

/// Grants grouped by recipient and year, keeping dataset order within and between groups
/// so findings come out the same way every time.
fn grouped<T>(items: impl Iterator<Item = (RecordId, FiscalYear, T)>) -> Vec<Vec<T>> {
    let mut index: HashMap<(RecordId, FiscalYear), usize> = HashMap::default();
    let mut groups: Vec<Vec<T>> = Vec::new();
    for (id, fy, item) in items {
        let slot = *index.entry((id, fy)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[slot].push(item);
    }
    groups
}

/// A grant whose amount is not what the parameters give, with the amount, the expected
/// amount and the difference as figures.
fn wrong_amount(
    code: RuleCode,
    records: Vec<RecordRef>,
    (amount, expected): (Baht, Baht),
    th: String,
    en: String,
) -> Finding {
    let figures = vec![
        Figure::amount("amount", amount),
        Figure::amount("expected", expected),
        Figure::amount("difference", amount - expected),
    ];
    Finding::new(code, records, Some("amount"), figures, th, en)
}

pub fn committee_grant_amount(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let grants = ctx.ds.live::<CommitteeGrant>();
    for group in grouped(grants.map(|g| (g.city_id, g.fiscal_year, g))) {
        let first = group[0];
        // A grant to a city that does not exist is `record.missing_field`'s to report.
        let Some(city) = ctx.city(first.city_id) else {
            continue;
        };
        let expected = ctx
            .params(first.fiscal_year)
            .committee_grant_for(city.unit_type);
        for g in &group {
            if g.amount == expected {
                continue;
            }
            out.push(wrong_amount(
                RuleCode::CommitteeGrantAmount,
                vec![RecordRef::to(*g), RecordRef::to(city)],
                (g.amount, expected),
                format!(
                    "งบคณะกรรมการเมือง{} {} คือ {} แต่สำหรับ{}กำหนดไว้ {}",
                    city_th(ctx, city.meta.id),
                    g.fiscal_year.label_th(),
                    baht_th(g.amount),
                    city.unit_type.name_th(),
                    baht_th(expected)
                ),
                format!(
                    "The committee grant to {} for FY{} is {}, but a {} gets {}.",
                    city_en(ctx, city.meta.id),
                    g.fiscal_year,
                    baht_en(g.amount),
                    city.unit_type.name_en().to_lowercase(),
                    baht_en(expected)
                ),
            ));
        }
        if group.len() > 1 {
            out.push(twice(
                RuleCode::CommitteeGrantAmount,
                &group,
                RecordRef::to(city),
                (
                    &format!("งบคณะกรรมการเมือง{}", city_th(ctx, city.meta.id)),
                    &format!("committee grants to {}", city_en(ctx, city.meta.id)),
                ),
                first.fiscal_year,
            ));
        }
    }
}

pub fn province_grant_amount(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let grants = ctx.ds.live::<ProvinceGrant>();
    for group in grouped(grants.map(|g| (g.province_id, g.fiscal_year, g))) {
        let first = group[0];
        let Some(province) = ctx.provinces.get(&first.province_id).copied() else {
            continue;
        };
        let expected = ctx.params(first.fiscal_year).province_grant;
        for g in &group {
            if g.amount == expected {
                continue;
            }
            out.push(wrong_amount(
                RuleCode::ProvinceGrantAmount,
                vec![RecordRef::to(*g), RecordRef::to(province)],
                (g.amount, expected),
                format!(
                    "งบจังหวัด{} {} คือ {} แต่กำหนดไว้ {}",
                    province.name_th,
                    g.fiscal_year.label_th(),
                    baht_th(g.amount),
                    baht_th(expected)
                ),
                format!(
                    "The start-up grant to {} province for FY{} is {}, but the parameter is {}.",
                    province_en(province),
                    g.fiscal_year,
                    baht_en(g.amount),
                    baht_en(expected)
                ),
            ));
        }
        if group.len() > 1 {
            out.push(twice(
                RuleCode::ProvinceGrantAmount,
                &group,
                RecordRef::to(province),
                (
                    &format!("งบจังหวัด{}", province.name_th),
                    &format!("start-up grants to {} province", province_en(province)),
                ),
                first.fiscal_year,
            ));
        }
    }
}

fn province_en(p: &Province) -> &str {
    if p.name_en.trim().is_empty() {
        &p.name_th
    } else {
        &p.name_en
    }
}

/// The finding for one recipient given more than one grant in one year.
fn twice<G: crate::domain::records::Record + GrantAmount>(
    rule: RuleCode,
    group: &[&G],
    recipient: RecordRef,
    (what_th, what_en): (&str, &str),
    fy: FiscalYear,
) -> Finding {
    let total: Baht = group.iter().map(|g| g.amount()).sum();
    let mut records: Vec<RecordRef> = group.iter().map(|g| RecordRef::to(*g)).collect();
    records.push(recipient);
    Finding::new(
        rule,
        records,
        None,
        vec![
            Figure::count("grants", group.len() as i64),
            Figure::amount("total", total),
        ],
        format!(
            "{} {} ถูกบันทึก {} ครั้ง รวม {} (ให้ได้ปีละครั้งเดียว)",
            what_th,
            fy.label_th(),
            group.len(),
            baht_th(total)
        ),
        format!(
            "There are {} {} for FY{}, {} in all; only one is allowed per year.",
            group.len(),
            what_en,
            fy,
            baht_en(total)
        ),
    )
}

trait GrantAmount {
    fn amount(&self) -> Baht;
}

impl GrantAmount for CommitteeGrant {
    fn amount(&self) -> Baht {
        self.amount
    }
}

impl GrantAmount for ProvinceGrant {
    fn amount(&self) -> Baht {
        self.amount
    }
}
