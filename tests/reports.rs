//! Every report figure against the Northern example (FY2561), whose numbers are worked out
//! by hand in FACTS.md and tests/fixtures/reports/*.tsv.

#[path = "fixtures/reports/support.rs"]
mod support;

use mueang::domain::dates::FiscalYear;
use mueang::domain::example::city_id;
use mueang::domain::money::Baht;
use mueang::domain::records::{Category, City, ProjectStatus};
use mueang::domain::reference::{province_id, region_id};
use mueang::domain::reports::*;
use mueang::domain::rules::{check, FigureValue, RuleCode};
use pretty_assertions::assert_eq;

use support::*;

fn north_scope() -> Scope {
    Scope::region(FY, region_id("north"))
}

fn north_dashboard(today: chrono::NaiveDate) -> Dashboard {
    dashboard(&north(), north_scope(), today, DEFAULT_DUE_SOON_DAYS)
}

#[test]
fn dashboard_totals_of_the_northern_example() {
    let t = north_dashboard(date(2018, 5, 1)).totals;
    assert_eq!((t.cities, t.provinces), (12, 9));
    assert_eq!(t.approved, Baht::whole(6_000_000));
    assert_eq!(t.committee_grants, Baht::whole(320_000));
    assert_eq!(t.province_grants, Baht::whole(90_000));
    assert_eq!(t.total_support, Baht::whole(6_410_000));
    assert_eq!(t.transferred, Baht::whole(4_200_000));
    assert_eq!(t.remaining, Baht::whole(1_800_000));
    assert_eq!(t.committed, Baht::ZERO);
    assert_eq!(t.co_funding, Baht::ZERO);
    assert_eq!(t.projects, 0);
}

#[test]
fn the_whole_country_holds_the_north_and_other_years_and_regions_hold_nothing() {
    let ds = north();
    let today = date(2018, 5, 1);
    let country = dashboard(&ds, Scope::country(FY), today, 30);
    assert_eq!(country.totals, north_dashboard(today).totals);
    let south = dashboard(&ds, Scope::region(FY, region_id("south")), today, 30);
    assert_eq!(south.totals, Totals::default());
    assert!(south.deadlines.overdue.is_empty());
    let next_year = dashboard(
        &ds,
        Scope::region(FiscalYear(2562), region_id("north")),
        today,
        30,
    );
    assert_eq!(next_year.totals, Totals::default());
}

#[test]
fn all_twelve_second_instalments_are_overdue_on_1_may_2018() {
    let d = north_dashboard(date(2018, 5, 1)).deadlines;
    assert_eq!(d.overdue.len(), 12);
    assert!(d.due_soon.is_empty());
    let mae_sot = &d.overdue[0];
    assert_eq!(mae_sot.city.name_th, "เทศบาลนครแม่สอด");
    assert_eq!(mae_sot.deadline, date(2018, 4, 30));
    assert_eq!(mae_sot.days_late, 1);
    assert_eq!(mae_sot.approved, Baht::whole(500_000));
    assert_eq!(mae_sot.transferred_by_deadline, Baht::whole(350_000));
    assert_eq!(mae_sot.outstanding_at_deadline, Baht::whole(150_000));
    assert_eq!(mae_sot.remaining, Baht::whole(150_000));
    assert!(
        mae_sot.message_th.contains("งวดที่ 2"),
        "{}",
        mae_sot.message_th
    );
    let outstanding: Baht = d.overdue.iter().map(|o| o.outstanding_at_deadline).sum();
    assert_eq!(outstanding, Baht::whole(1_800_000));
}

#[test]
fn overdue_is_exactly_the_rule_instalment_overdue() {
    for today in [date(2018, 4, 30), date(2018, 5, 1), date(2019, 1, 1)] {
        let rule = check(&north(), today)
            .into_iter()
            .filter(|f| f.rule == RuleCode::InstalmentOverdue)
            .count();
        assert_eq!(
            north_dashboard(today).deadlines.overdue.len(),
            rule,
            "{today}"
        );
    }
}

#[test]
fn due_soon_counts_down_to_the_deadline() {
    // (today, due soon, overdue, days left of the first)
    let cases = [
        (date(2018, 3, 1), 0, 0, None),
        (date(2018, 3, 31), 12, 0, Some(30)),
        (date(2018, 4, 15), 12, 0, Some(15)),
        (date(2018, 4, 30), 12, 0, Some(0)),
        (date(2018, 5, 1), 0, 12, None),
    ];
    for (today, soon, late, left) in cases {
        let d = north_dashboard(today).deadlines;
        assert_eq!((d.due_soon.len(), d.overdue.len()), (soon, late), "{today}");
        assert_eq!(d.due_soon.first().map(|s| s.days_left), left, "{today}");
        for s in &d.due_soon {
            assert_eq!(s.outstanding, Baht::whole(150_000));
        }
    }
}

#[test]
fn a_city_paid_in_full_before_the_deadline_is_neither_due_nor_overdue() {
    let mut ds = north();
    let mut second = ds.instalments[0].clone();
    second.meta.id = mueang::domain::meta::stable_id("test:second:mae-sot");
    second.number = 2;
    second.amount = Baht::whole(150_000);
    second.actual_date = Some(date(2018, 4, 20));
    ds.instalments.push(second);
    for today in [date(2018, 4, 25), date(2018, 5, 1)] {
        let d = dashboard(&ds, north_scope(), today, 30).deadlines;
        let names: Vec<_> = d
            .due_soon
            .iter()
            .map(|s| &s.city.name_th)
            .chain(d.overdue.iter().map(|o| &o.city.name_th))
            .collect();
        assert_eq!(names.len(), 11, "{today}");
        assert!(!names.iter().any(|n| *n == "เทศบาลนครแม่สอด"), "{today}");
    }
}

#[test]
fn drill_down_by_province_matches_the_hand_worked_table() {
    let drill = drill_down(&north(), north_scope());
    assert_eq!(drill.regions.len(), 1);
    let north = &drill.regions[0];
    assert_eq!(
        (north.code.as_str(), north.name_th.as_str()),
        ("north", "ภาคเหนือ")
    );
    let expected = rows("north_2561_provinces.tsv");
    assert_eq!(north.provinces.len(), expected.len());
    for (node, (line, f)) in north.provinces.iter().zip(&expected) {
        let t = &node.totals;
        assert_eq!(node.province.province_id, province_id(&f[0]), "line {line}");
        assert_eq!(node.province.name_en, f[1], "line {line}");
        assert_eq!(t.cities.to_string(), f[2], "line {line}: cities");
        assert_eq!(node.cities.len(), t.cities, "line {line}");
        assert_eq!(t.provinces, 1, "line {line}");
        let got = [
            t.approved,
            t.committee_grants,
            t.province_grants,
            t.total_support,
            t.transferred,
            t.remaining,
        ];
        let want: Vec<Baht> = f[3..9].iter().map(|a| baht(a)).collect();
        assert_eq!(got.to_vec(), want, "line {line}: {}", f[1]);
    }
    assert_eq!(north.totals, drill.totals);
    assert_eq!(drill.totals, north_dashboard(date(2018, 5, 1)).totals);
}

#[test]
fn each_city_has_a_bar_against_its_cap() {
    let drill = drill_down(&north(), north_scope());
    let bars: Vec<&CityBar> = drill.regions[0]
        .provinces
        .iter()
        .flat_map(|p| &p.cities)
        .collect();
    assert_eq!(bars.len(), 12);
    for bar in &bars {
        let f = &bar.figures;
        assert_eq!(
            (f.cap, f.approved),
            (Baht::whole(500_000), Baht::whole(500_000))
        );
        assert_eq!(
            (f.transferred, f.remaining),
            (Baht::whole(350_000), Baht::whole(150_000))
        );
        assert_eq!(f.committed, Baht::ZERO);
        assert!(!f.over_cap());
    }
    let sukhothai = &drill.regions[0].provinces[1];
    let names: Vec<_> = sukhothai
        .cities
        .iter()
        .map(|b| b.city.name_th.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "เทศบาลตำบลในเมือง",
            "องค์การบริหารส่วนตำบลหนองบัว",
            "เทศบาลเมืองสวรรคโลก"
        ]
    );
    assert_eq!(drill.scale, Baht::whole(500_000));
    assert_eq!(
        drill.fraction(Baht::whole(350_000)),
        rust_decimal::Decimal::new(7, 1)
    );
    assert_eq!(
        drill.fraction(Baht::whole(900_000)),
        rust_decimal::Decimal::ONE
    );
}

#[test]
fn reconciliation_shows_stated_computed_and_stated_minus_computed() {
    let recs = reconcile_all(&north(), north_scope());
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    let row = |fig| {
        r.rows
            .iter()
            .find(|row| row.figure == fig)
            .expect("a row per figure")
    };
    let cities = row(ReconciledFigure::Cities);
    assert_eq!(
        (cities.stated, cities.computed),
        (Some(Quantity::Count(12)), Quantity::Count(12))
    );
    assert_eq!(cities.difference, Some(Quantity::Count(0)));
    assert_eq!(
        row(ReconciledFigure::Provinces).difference,
        Some(Quantity::Count(0))
    );
    let amount = row(ReconciledFigure::Amount);
    assert_eq!(
        amount.stated,
        Some(Quantity::Amount(Baht::whole(6_600_000)))
    );
    assert_eq!(amount.computed, Quantity::Amount(Baht::whole(6_410_000)));
    assert_eq!(
        amount.difference,
        Some(Quantity::Amount(Baht::whole(190_000)))
    );
    assert_eq!(amount.agrees(), Some(false));
    assert!(!r.agrees());
    assert_eq!(r.computed.total_support, Baht::whole(6_410_000));
}

/// The finding of `total.stated_mismatch` and the reconciliation must give one computed
/// figure, also when money lies outside the cities with a ceiling.
#[test]
fn reconciliation_and_the_stated_mismatch_rule_agree() {
    let mut ds = north();
    let mut extra = ds.committee_grants[0].clone();
    extra.meta.id = mueang::domain::meta::stable_id("test:grant:no-ceiling");
    let mut city: City = ds.cities[0].clone();
    city.meta.id = mueang::domain::meta::stable_id("test:city:no-ceiling");
    city.budgets.clear();
    extra.city_id = city.meta.id;
    ds.cities.push(city);
    ds.committee_grants.push(extra);
    let findings = check(&ds, date(2018, 3, 1));
    let rule = findings
        .iter()
        .find(|f| f.rule == RuleCode::TotalStatedMismatch)
        .expect("a mismatch");
    let rec = &reconcile_all(&ds, north_scope())[0];
    let computed = rec
        .rows
        .iter()
        .find(|r| r.figure == ReconciledFigure::Amount)
        .map(|r| r.computed);
    let Some(FigureValue::Amount(rule_amount)) = rule.figure("computed_amount") else {
        panic!("no figure")
    };
    assert_eq!(computed, Some(Quantity::Amount(*rule_amount)));
    // The grant outside the report is not dropped: the dashboard shows it apart.
    let dash = dashboard_from_findings(&ds, north_scope(), date(2018, 3, 1), 30, &findings);
    assert_eq!(dash.outside.committee_grants, Baht::whole(30_000));
    assert_eq!(dash.outside.cities.len(), 1);
    assert_eq!(dash.totals.committee_grants, Baht::whole(320_000));
    assert!(north_dashboard(date(2018, 3, 1)).outside.is_empty());
}

#[test]
fn deleted_records_do_not_count() {
    let mut ds = north();
    ds.cities[0].meta.deleted = true; // Mae Sot, the only city of Tak
    let t = dashboard(&ds, north_scope(), date(2018, 5, 1), 30).totals;
    assert_eq!((t.cities, t.provinces), (11, 8));
    assert_eq!(t.approved, Baht::whole(5_500_000));
    assert_eq!(t.province_grants, Baht::whole(80_000));
    // Its grant and transfer stay in the data, and show apart rather than vanish.
    let outside = dashboard(&ds, north_scope(), date(2018, 5, 1), 30).outside;
    assert_eq!(outside.committee_grants, Baht::whole(30_000));
    assert_eq!(outside.transferred, Baht::whole(350_000));
    assert_eq!(outside.provinces.len(), 1);
    assert_eq!(outside.province_grants, Baht::whole(10_000));
}

#[test]
fn projects_by_status_and_by_category() {
    let d = dashboard(&north_with_projects(), north_scope(), date(2018, 3, 1), 30);
    for ((line, f), row) in rows("expected_by_status.tsv").iter().zip(&d.by_status) {
        assert_eq!(row.status, status(&f[0]), "line {line}");
        let got = (row.count.to_string(), row.requested, row.approved);
        assert_eq!(got, (f[1].clone(), baht(&f[2]), baht(&f[3])), "line {line}");
    }
    assert_eq!(d.by_status.len(), ProjectStatus::ALL.len());
    for ((line, f), row) in rows("expected_by_category.tsv").iter().zip(&d.by_category) {
        assert_eq!(row.category, category(&f[0]), "line {line}");
        let got = (row.count.to_string(), row.requested, row.committed);
        assert_eq!(got, (f[1].clone(), baht(&f[2]), baht(&f[3])), "line {line}");
    }
    assert_eq!(d.by_category.len(), Category::ALL.len());
    assert_eq!(d.totals.projects, 7);
    assert_eq!(d.totals.committed, Baht::whole(185_000));
    assert_eq!(d.totals.co_funding, Baht::whole(45_000));
}

#[test]
fn a_city_whose_projects_exceed_the_cap_shows_over_cap() {
    let mut ds = north();
    for n in 0..11 {
        let fifty = Baht::whole(50_000);
        ds.projects.push(project(
            "nan",
            n,
            Category::Housing,
            ProjectStatus::Approved,
            fifty,
            Some(fifty),
        ));
    }
    let drill = drill_down(&ds, north_scope());
    let nan = drill.regions[0]
        .provinces
        .iter()
        .flat_map(|p| &p.cities)
        .find(|b| b.city.city_id == city_id("nan"))
        .expect("Nan");
    assert_eq!(nan.figures.committed, Baht::whole(550_000));
    assert!(nan.figures.over_cap());
    assert_eq!(drill.scale, Baht::whole(550_000));
}

/// Random edits of the example: cities deleted or without a ceiling, second instalments
/// of any size and date, approved projects. The reports must stay consistent with each
/// other and with the rules whatever the data.
mod props {
    use super::*;
    use proptest::prelude::*;

    fn edited(edits: &[(u8, u8, u32)]) -> mueang::domain::records::Dataset {
        let mut ds = north();
        for (n, &(what, city, amount)) in edits.iter().enumerate() {
            let c = usize::from(city) % ds.cities.len();
            match what % 4 {
                0 => ds.cities[c].meta.deleted = true,
                1 => ds.cities[c].budgets.clear(),
                2 => {
                    let mut second = ds.instalments[c].clone();
                    second.meta.id = mueang::domain::meta::stable_id(&format!("prop:{n}"));
                    second.number = 2;
                    second.amount = Baht::whole(i64::from(amount % 300_000));
                    second.actual_date =
                        (amount % 3 != 0).then(|| date(2018, 4, 1 + amount % 60 / 2));
                    ds.instalments.push(second);
                }
                _ => {
                    let key = ["mae-sot", "nan", "phayao", "lom-sak"][usize::from(city) % 4];
                    let a = Baht::whole(i64::from(amount % 60_000));
                    ds.projects.push(project(
                        key,
                        n,
                        Category::Health,
                        ProjectStatus::Approved,
                        a,
                        Some(a),
                    ));
                }
            }
        }
        ds
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn reports_agree_with_each_other_and_with_the_rules(
            edits in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u32>()), 0..12),
            day in 0u32..90,
        ) {
            let ds = edited(&edits);
            let today = date(2018, 3, 1) + chrono::Days::new(u64::from(day));
            let findings = check(&ds, today);
            for scope in [north_scope(), Scope::country(FY)] {
                let dash = dashboard_from_findings(&ds, scope, today, 30, &findings);
                // The dashboard is as of today: the drill-down of what had happened by then.
                let mut by_today = ds.clone();
                for i in &mut by_today.instalments {
                    i.actual_date = i.actual_date.filter(|d| *d <= today);
                }
                let drill = drill_down(&by_today, scope);
                let t = &dash.totals;
                prop_assert_eq!(&drill.totals, t);
                prop_assert_eq!(t.remaining, t.approved - t.transferred);
                prop_assert_eq!(t.total_support, t.approved + t.committee_grants + t.province_grants);
                for p in drill.regions.iter().flat_map(|r| &r.provinces) {
                    let approved: Baht = p.cities.iter().map(|b| b.figures.approved).sum();
                    prop_assert_eq!(p.totals.approved, approved);
                }
                let overdue = findings.iter().filter(|f| f.rule == RuleCode::InstalmentOverdue).count();
                prop_assert_eq!(dash.deadlines.overdue.len(), overdue);
            }
            let rec = &reconcile_all(&ds, north_scope())[0];
            let computed = rec.rows[2].computed;
            match findings.iter().find(|f| f.rule == RuleCode::TotalStatedMismatch) {
                Some(f) => match f.figure("computed_amount") {
                    Some(FigureValue::Amount(a)) => prop_assert_eq!(computed, Quantity::Amount(*a)),
                    _ => prop_assert_eq!(rec.rows[2].agrees(), Some(true)),
                },
                None => prop_assert!(rec.agrees()),
            }
        }
    }
}

#[test]
fn the_dashboard_as_of_a_day_counts_only_transfers_made_by_then() {
    // The day before the MOU nothing had moved; the first instalments moved on 15 Feb 2018.
    let before = north_dashboard(date(2018, 2, 2)).totals;
    assert_eq!(before.transferred, Baht::ZERO);
    assert_eq!(before.remaining, Baht::whole(6_000_000));
    let on_the_day = north_dashboard(date(2018, 2, 15)).totals;
    assert_eq!(on_the_day.transferred, Baht::whole(4_200_000));
    // The shipped example only plans them: nothing counts as transferred on any day.
    let shipped = mueang::domain::example::north_2561().records;
    let t = dashboard(&shipped, north_scope(), date(2018, 5, 1), 30).totals;
    assert_eq!(t.transferred, Baht::ZERO);
}

#[test]
fn a_request_before_the_deadline_waits_for_transfer_and_is_not_overdue() {
    let mut ds = north();
    let phayao = city_id("phayao");
    let mut second = ds
        .instalments
        .iter()
        .find(|i| i.city_id == phayao)
        .expect("Phayao's first instalment")
        .clone();
    second.meta.id = mueang::domain::meta::stable_id("instalment:phayao:2");
    second.number = 2;
    second.planned_share = None;
    second.amount = Baht::whole(150_000);
    second.actual_date = None;
    second.requested_date = Some(date(2018, 4, 20));
    ds.instalments.push(second.clone());
    let d = dashboard(&ds, north_scope(), date(2018, 5, 1), 30).deadlines;
    assert_eq!(d.overdue.len(), 11, "Phayao drew in time");
    assert!(d.overdue.iter().all(|o| o.city.city_id != phayao));
    assert_eq!(d.waiting.len(), 1);
    assert_eq!(d.waiting[0].city.city_id, phayao);
    assert_eq!(d.waiting[0].days_waiting, 11);
    // Transferred after the deadline: no longer waiting, still not overdue.
    let paid = ds.instalments.last_mut().expect("the second instalment");
    paid.actual_date = Some(date(2018, 5, 10));
    let d = dashboard(&ds, north_scope(), date(2018, 5, 15), 30).deadlines;
    assert!(d.waiting.is_empty());
    assert_eq!(d.overdue.len(), 11);
}
