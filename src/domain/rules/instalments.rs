//! The money that moves to cities: `instalment.first_share`, `instalment.before_mou`,
//! `instalment.overdue` and `transfer.exceeds_approved`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::dates::FiscalYear;
use crate::domain::money::{percent_text, Baht};
use crate::domain::records::{City, Instalment};

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
use super::text::{baht_en, baht_th, city_en, city_th, city_year_over, count_en, date_en, date_th};

/// `instalment.first_share`: instalment 1 must be the parameter's share of the city's
/// approved ceiling, to the satang. A city with no ceiling for that year counts as
/// approved for nothing, so any first instalment to it is flagged.
pub fn first_share(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for i in ctx.ds.live::<Instalment>().filter(|i| i.number == 1) {
        let Some(city) = ctx.city(i.city_id) else {
            continue;
        };
        let share = ctx.params(i.fiscal_year).first_instalment_share;
        let ceiling = approved_limit(ctx, city, i.fiscal_year);
        let expected = ceiling.unwrap_or(Baht::ZERO).share(share);
        if i.amount == expected {
            continue;
        }
        let pct = percent_text(share);
        let (of_th, of_en) = match ceiling {
            Some(c) => (
                format!(
                    "{pct}% ของวงเงินที่อนุมัติ {} คือ {}",
                    baht_th(c),
                    baht_th(expected)
                ),
                format!(
                    "{pct}% of the approved {} is {}",
                    baht_en(c),
                    baht_en(expected)
                ),
            ),
            None => (
                format!("แต่ยังไม่มีวงเงินที่อนุมัติให้เมืองใน{}", i.fiscal_year.label_th()),
                format!(
                    "but the city has no approved amount for FY{}",
                    i.fiscal_year
                ),
            ),
        };
        let mut figures = vec![
            Figure::amount("amount", i.amount),
            Figure::amount("expected", expected),
        ];
        if let Some(c) = ceiling {
            figures.push(Figure::amount("approved_ceiling", c));
        }
        figures.push(Figure::share("share", share));
        figures.push(Figure::amount("difference", i.amount - expected));
        out.push(Finding::new(
            RuleCode::InstalmentFirstShare,
            vec![RecordRef::to(i), RecordRef::to(city)],
            Some("amount"),
            figures,
            format!(
                "งวดที่ 1 ของ{} {} คือ {} ({})",
                city_th(ctx, city.meta.id),
                i.fiscal_year.label_th(),
                baht_th(i.amount),
                of_th
            ),
            format!(
                "The first instalment to {} for FY{} is {}; {}.",
                city_en(ctx, city.meta.id),
                i.fiscal_year,
                baht_en(i.amount),
                of_en
            ),
        ));
    }
}

/// `instalment.before_mou`: money may move only once an MOU covering the city is signed.
/// A transfer on the signing day is allowed; the earliest dated MOU counts; a transfer to
/// a city no dated MOU covers is flagged as well.
pub fn before_mou(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for i in ctx.ds.live::<Instalment>() {
        let Some(paid) = i.actual_date else { continue };
        if ctx.city(i.city_id).is_none() {
            continue;
        }
        let (th, en) = (city_th(ctx, i.city_id), city_en(ctx, i.city_id));
        match ctx.first_mou_by_city.get(&i.city_id) {
            Some(&(signed, _)) if paid >= signed => {}
            Some(&(signed, mou)) => out.push(Finding::new(
                RuleCode::InstalmentBeforeMou,
                vec![RecordRef::to(i), RecordRef::to(mou)],
                Some("actual_date"),
                vec![
                    Figure::date("transferred_on", paid),
                    Figure::date("mou_date", signed),
                    Figure::count("days_early", (signed - paid).num_days()),
                ],
                format!(
                    "งวดที่ {} ของ{} โอนเมื่อ {} ก่อนลงนามบันทึกความร่วมมือเมื่อ {}",
                    i.number,
                    th,
                    date_th(paid),
                    date_th(signed)
                ),
                format!(
                    "Instalment {} to {} was transferred on {}, before the MOU was signed on {}.",
                    i.number,
                    en,
                    date_en(paid),
                    date_en(signed)
                ),
            )),
            None => out.push(Finding::new(
                RuleCode::InstalmentBeforeMou,
                vec![RecordRef::to(i)],
                Some("actual_date"),
                vec![Figure::date("transferred_on", paid)],
                format!(
                    "งวดที่ {} ของ{} โอนเมื่อ {} แต่ไม่มีบันทึกความร่วมมือ (ที่ระบุวันที่) ครอบคลุมเมืองนี้",
                    i.number,
                    th,
                    date_th(paid)
                ),
                format!(
                    "Instalment {} to {} was transferred on {}, but no dated MOU covers this city.",
                    i.number,
                    en,
                    date_en(paid)
                ),
            )),
        }
    }
}

/// What the city may receive in `fy`: its approved amount, but never more than the year's
/// city maximum (an approved amount above it is itself a `city.cap` error, and money must
/// not follow the wrong figure).
pub(super) fn approved_limit(ctx: &Ctx<'_>, city: &City, fy: FiscalYear) -> Option<Baht> {
    let city_max = ctx.params(fy).city_max;
    city.budget_for(fy).map(|c| c.min(city_max))
}

/// The deadline for the city's second instalment of `fy`: an agreed extension (an
/// instalment's own `due_date`, the latest if several) replaces the year's deadline.
fn city_deadline(
    ctx: &Ctx<'_>,
    fy: FiscalYear,
    instalments: &[&Instalment],
) -> Option<(NaiveDate, bool)> {
    let extension = instalments.iter().filter_map(|i| i.due_date).max();
    match (extension, ctx.params(fy).second_instalment_deadline) {
        (Some(d), year) => Some((d, year != Some(d))),
        (None, Some(d)) => Some((d, false)),
        (None, None) => None,
    }
}

/// A city's live instalments by fiscal year, including every year it has a ceiling for
/// (with no instalments), since an approved amount with nothing transferred is overdue too.
fn city_years<'a>(ctx: &Ctx<'a>, city: &City) -> BTreeMap<FiscalYear, Vec<&'a Instalment>> {
    let mut years: BTreeMap<FiscalYear, Vec<&Instalment>> = BTreeMap::new();
    for b in &city.budgets {
        years.entry(b.fiscal_year).or_default();
    }
    for i in ctx.instalments_of(city.meta.id) {
        years.entry(i.fiscal_year).or_default().push(i);
    }
    years
}

/// `instalment.overdue`: the city must *draw* (เบิก) the rest of its money by the
/// deadline; CODI's transfer may come later. So a city is overdue once the deadline has
/// passed and neither had all of the approved amount moved by it nor had the city asked
/// for a later instalment by it.
pub fn overdue(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for city in ctx.ds.live::<City>() {
        for (fy, instalments) in city_years(ctx, city) {
            let Some((deadline, extended)) = city_deadline(ctx, fy, &instalments) else {
                continue;
            };
            let Some(approved) = approved_limit(ctx, city, fy) else {
                continue;
            };
            if ctx.as_of <= deadline || approved.is_zero() {
                continue;
            }
            let in_time = |i: &&&Instalment| i.transferred_by(deadline);
            let paid: Baht = instalments.iter().filter(in_time).map(|i| i.amount).sum();
            let drawn = instalments
                .iter()
                .any(|i| i.number >= 2 && i.requested_by(deadline));
            if paid >= approved || drawn {
                continue;
            }
            let outstanding = approved - paid;
            let mut records = vec![RecordRef::to(city)];
            records.extend(
                instalments
                    .iter()
                    .filter(|i| !in_time(i))
                    .map(|i| RecordRef::to(*i)),
            );
            let field = (records.len() > 1).then_some("actual_date");
            let mut figures = vec![
                Figure::amount("approved", approved),
                Figure::amount("transferred_by_deadline", paid),
                Figure::amount("outstanding", outstanding),
                Figure::date("deadline", deadline),
            ];
            if let Some(year) = ctx
                .params(fy)
                .second_instalment_deadline
                .filter(|_| extended)
            {
                figures.push(Figure::date("year_deadline", year));
            }
            out.push(Finding::new(
                RuleCode::InstalmentOverdue,
                records,
                field,
                figures,
                format!(
                    "{} {}: เมืองยังไม่ได้ขอเบิกงวดที่ 2 ภายใน {} — ได้รับโอนแล้ว {} จากวงเงินที่อนุมัติ {} ยังค้าง {}",
                    city_th(ctx, city.meta.id),
                    fy.label_th(),
                    date_th(deadline),
                    baht_th(paid),
                    baht_th(approved),
                    baht_th(outstanding)
                ),
                format!(
                    "{}, FY{}: the city had not asked to draw its second instalment by {}: {} of the approved {} received, {} outstanding.",
                    city_en(ctx, city.meta.id),
                    fy,
                    date_en(deadline),
                    baht_en(paid),
                    baht_en(approved),
                    baht_en(outstanding)
                ),
            ));
        }
    }
}

/// `transfer.future_date`: money cannot have moved after today, so a transfer dated later
/// is a typing slip (or the wrong era) and is not counted anywhere as of today.
pub fn future_date(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for i in ctx.ds.live::<Instalment>() {
        let Some(paid) = i.actual_date.filter(|d| *d > ctx.today) else {
            continue;
        };
        out.push(Finding::new(
            RuleCode::TransferFutureDate,
            vec![RecordRef::to(i)],
            Some("actual_date"),
            vec![
                Figure::date("transferred_on", paid),
                Figure::date("today", ctx.today),
            ],
            format!(
                "งวดที่ {} ของ{} บันทึกว่าโอนเมื่อ {} ซึ่งยังมาไม่ถึง (วันนี้ {}) กรุณาตรวจสอบวันที่",
                i.number,
                city_th(ctx, i.city_id),
                date_th(paid),
                date_th(ctx.today)
            ),
            format!(
                "Instalment {} to {} is recorded as transferred on {}, after today ({}); please check the date.",
                i.number,
                city_en(ctx, i.city_id),
                date_en(paid),
                date_en(ctx.today)
            ),
        ));
    }
}

/// `transfer.exceeds_approved`: what actually moved (instalments with an actual date)
/// against the city's approved ceiling; no ceiling means nothing was approved.
pub fn exceeds_approved(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for city in ctx.ds.live::<City>() {
        for (fy, instalments) in city_years(ctx, city) {
            let moved: Vec<&&Instalment> = instalments
                .iter()
                .filter(|i| i.transferred_by(ctx.as_of))
                .collect();
            let transferred: Baht = moved.iter().map(|i| i.amount).sum();
            let approved = approved_limit(ctx, city, fy).unwrap_or(Baht::ZERO);
            if transferred <= approved {
                continue;
            }
            let excess = transferred - approved;
            let mut records = vec![RecordRef::to(city)];
            records.extend(moved.iter().map(|i| RecordRef::to(**i)));
            let what = (
                format!("โอนแล้ว {} งวด", moved.len()),
                count_en(moved.len(), "transfer", "transfers"),
            );
            let over = (
                format!("วงเงินที่อนุมัติ {}", baht_th(approved)),
                format!("the approved {}", baht_en(approved)),
            );
            let (th, en) = city_year_over(ctx, city.meta.id, fy, what, transferred, over, excess);
            out.push(Finding::new(
                RuleCode::TransferExceedsApproved,
                records,
                Some("amount"),
                vec![
                    Figure::amount("transferred", transferred),
                    Figure::amount("approved", approved),
                    Figure::amount("excess", excess),
                ],
                th,
                en,
            ));
        }
    }
}
