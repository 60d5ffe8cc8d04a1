//! `project.cap` and `city.cap`: approved project money against the programme's maximums.

use std::collections::BTreeMap;

use crate::domain::dates::FiscalYear;
use crate::domain::money::Baht;
use crate::domain::records::{City, Project};

use super::codes::RuleCode;
use super::context::Ctx;
use super::finding::{Figure, Finding, RecordRef};
use super::text::{baht_en, baht_th, city_en, city_th, city_year_over, count_en};

/// `project.cap`: whatever the status, an approved amount above the maximum is wrong, so
/// a rejected project with a bad figure is flagged too (it would be wrong if re-opened).
pub fn project_cap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for p in ctx.ds.live::<Project>() {
        let Some(approved) = p.amount_approved else {
            continue;
        };
        let max = ctx.params(p.fiscal_year).project_max;
        if approved <= max {
            continue;
        }
        let excess = approved - max;
        out.push(Finding::new(
            RuleCode::ProjectCap,
            vec![RecordRef::to(p)],
            Some("amount_approved"),
            vec![
                Figure::amount("approved", approved),
                Figure::amount("maximum", max),
                Figure::amount("excess", excess),
            ],
            format!(
                "โครงการ \"{}\" ({}) อนุมัติ {} เกินวงเงินสูงสุดต่อโครงการ {} ของ{} อยู่ {}",
                p.title,
                city_th(ctx, p.city_id),
                baht_th(approved),
                baht_th(max),
                p.fiscal_year.label_th(),
                baht_th(excess)
            ),
            format!(
                "Project \"{}\" ({}) is approved for {}, {} above the per-project maximum of {} for FY{}.",
                p.title,
                city_en(ctx, p.city_id),
                baht_en(approved),
                baht_en(excess),
                baht_en(max),
                p.fiscal_year
            ),
        ));
    }
}

/// `city.cap`: the money a city's projects take (see [`Project::committed`]) against the
/// lower of the programme's city maximum and the city's own approved ceiling.
pub fn city_cap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for city in ctx.ds.live::<City>() {
        approved_above_max(ctx, city, out);
        let mut by_year: BTreeMap<FiscalYear, (Baht, Vec<&Project>)> = BTreeMap::new();
        for p in ctx.projects_of(city.meta.id) {
            let committed = p.committed();
            if committed.is_zero() {
                continue;
            }
            let entry = by_year.entry(p.fiscal_year).or_default();
            entry.0 += committed;
            entry.1.push(p);
        }
        for (fy, (committed, projects)) in by_year {
            check_city_year(ctx, city, fy, committed, &projects, out);
        }
    }
}

fn check_city_year(
    ctx: &Ctx<'_>,
    city: &City,
    fy: FiscalYear,
    committed: Baht,
    projects: &[&Project],
    out: &mut Vec<Finding>,
) {
    let city_max = ctx.params(fy).city_max;
    let ceiling = city.budget_for(fy);
    let limit = ceiling.map_or(city_max, |c| c.min(city_max));
    if committed <= limit {
        return;
    }
    let excess = committed - limit;
    let mut figures = vec![
        Figure::amount("committed", committed),
        Figure::amount("limit", limit),
        Figure::amount("city_maximum", city_max),
    ];
    if let Some(c) = ceiling {
        figures.push(Figure::amount("approved_ceiling", c));
    }
    figures.push(Figure::amount("excess", excess));
    let (why_th, why_en) = if limit < city_max {
        ("วงเงินที่อนุมัติให้เมือง", "the city's approved ceiling")
    } else {
        ("วงเงินสูงสุดต่อเมือง", "the city maximum")
    };
    let mut records = vec![RecordRef::to(city)];
    records.extend(projects.iter().map(|p| RecordRef::to(*p)));
    let n = projects.len();
    let what = (
        format!("โครงการที่อนุมัติ {n} โครงการ"),
        count_en(n, "approved project", "approved projects"),
    );
    let over = (
        format!("{why_th} {}", baht_th(limit)),
        format!("{why_en} of {}", baht_en(limit)),
    );
    let (th, en) = city_year_over(ctx, city.meta.id, fy, what, committed, over, excess);
    out.push(Finding::new(
        RuleCode::CityCap,
        records,
        Some("amount_approved"),
        figures,
        th,
        en,
    ));
}

/// `city.cap` on the city itself: the maximum limits the city, not only its projects, so
/// an approved amount above it is wrong even before any project is approved.
fn approved_above_max(ctx: &Ctx<'_>, city: &City, out: &mut Vec<Finding>) {
    for (n, b) in city.budgets.iter().enumerate() {
        let city_max = ctx.params(b.fiscal_year).city_max;
        if b.approved_ceiling <= city_max {
            continue;
        }
        let excess = b.approved_ceiling - city_max;
        out.push(Finding::new(
            RuleCode::CityCap,
            vec![RecordRef::to(city)],
            Some(&format!("budgets[{n}].approved_ceiling")),
            vec![
                Figure::amount("approved_ceiling", b.approved_ceiling),
                Figure::amount("city_maximum", city_max),
                Figure::amount("excess", excess),
            ],
            format!(
                "{} {}: วงเงินที่อนุมัติให้เมือง {} เกินวงเงินสูงสุดต่อเมือง {} อยู่ {}",
                city_th(ctx, city.meta.id),
                b.fiscal_year.label_th(),
                baht_th(b.approved_ceiling),
                baht_th(city_max),
                baht_th(excess)
            ),
            format!(
                "{}, FY{}: the city's approved amount of {} is {} above the city maximum of {}.",
                city_en(ctx, city.meta.id),
                b.fiscal_year,
                baht_en(b.approved_ceiling),
                baht_en(excess),
                baht_en(city_max)
            ),
        ));
    }
}
