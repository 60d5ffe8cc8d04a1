//! The example data (`public/examples/north-2561.json`): what FACTS says, what the rules
//! say about it, and that the committed files are exactly what the code generates.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use pretty_assertions::assert_eq;

use mueang::domain::document::Document;
use mueang::domain::money::Baht;
use mueang::domain::records::{City, LocalUnitType};
use mueang::domain::rules::{check, FigureValue, Importance, RuleCode};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn committed(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn committed_example_file_is_what_the_code_generates() {
    assert_eq!(
        committed("public/examples/north-2561.json"),
        mueang::cli::example::text(),
        "regenerate with: cargo run --bin mueang -- example > public/examples/north-2561.json"
    );
}

#[test]
fn committed_schema_is_what_the_types_generate() {
    assert_eq!(
        committed("docs/schema/mueang-data-v4.schema.json"),
        mueang::cli::schema::text(),
        "regenerate with: cargo run --bin mueang -- schema > docs/schema/mueang-data-v4.schema.json"
    );
    // Older versions' schemas stay for tools that validate older files.
    for old in ["v1", "v2", "v3"] {
        let text = committed(&format!("docs/schema/mueang-data-{old}.schema.json"));
        assert!(text.contains("\"$schema\""), "{old} schema kept");
    }
}

#[test]
fn example_file_parses_back_to_the_same_document() {
    let parsed = Document::parse(&committed("public/examples/north-2561.json")).unwrap();
    assert_eq!(parsed, mueang::domain::example::north_2561());
}

#[test]
fn example_holds_the_facts_of_the_article() {
    let ds = mueang::domain::example::north_2561().records;
    assert_eq!(ds.regions.len(), 1);
    assert_eq!(ds.provinces.len(), 9);
    assert_eq!(ds.cities.len(), 12);
    let names: BTreeSet<&str> = ds.cities.iter().map(|c| c.name_th.as_str()).collect();
    for name in [
        "เทศบาลนครแม่สอด",
        "องค์การบริหารส่วนตำบลห้วยยางขาม",
        "เทศบาลเมืองหล่มสัก",
    ] {
        assert!(names.contains(name), "{name} missing");
    }
    let of_type = |t: LocalUnitType| {
        ds.cities
            .iter()
            .filter(|c: &&City| c.unit_type == t)
            .count()
    };
    assert_eq!(of_type(LocalUnitType::CityMunicipality), 2);
    assert_eq!(of_type(LocalUnitType::TownMunicipality), 6);
    assert_eq!(of_type(LocalUnitType::SubdistrictMunicipality), 1);
    assert_eq!(
        of_type(LocalUnitType::SubdistrictAdministrativeOrganisation),
        3
    );
    let fy = mueang::domain::dates::FiscalYear(2561);
    assert!(ds
        .cities
        .iter()
        .all(|c| c.budget_for(fy) == Some(Baht::whole(500_000))));
    let grants: Baht = ds.committee_grants.iter().map(|g| g.amount).sum();
    assert_eq!(grants, Baht::whole(8 * 30_000 + 4 * 20_000));
    assert_eq!(ds.province_grants.len(), 9);
    assert_eq!(ds.mous.len(), 1);
    assert_eq!(ds.mous[0].date, Some(day(2018, 2, 3)));
    assert_eq!(ds.mous[0].city_ids.len(), 12);
    // On 3 Feb 2018 nothing had moved: the first instalments are planned, not paid.
    assert!(ds.instalments.iter().all(|i| i.number == 1
        && i.amount == Baht::whole(350_000)
        && i.actual_date.is_none()
        && i.planned_date.is_some_and(|d| d > day(2018, 2, 3))));
    assert_eq!(ds.stated_totals[0].amount, Some(Baht::whole(6_600_000)));
}

#[test]
fn on_1_may_2018_twelve_cities_are_overdue_and_the_stated_total_differs() {
    let ds = mueang::domain::example::north_2561().records;
    let findings = check(&ds, day(2018, 5, 1));
    let rules: Vec<RuleCode> = findings.iter().map(|f| f.rule).collect();
    let mut expected = vec![RuleCode::InstalmentOverdue; 12];
    expected.push(RuleCode::TotalStatedMismatch);
    assert_eq!(rules, expected);
    assert!(findings.iter().all(|f| f.importance == Importance::Warning));
    let overdue_cities: BTreeSet<_> = findings[..12].iter().map(|f| f.records[0].id).collect();
    assert_eq!(overdue_cities.len(), 12, "one finding per city");
    for f in &findings[..12] {
        assert_eq!(
            f.figure("outstanding"),
            Some(&FigureValue::Amount(Baht::whole(500_000)))
        );
    }
    let mismatch = &findings[12];
    assert_eq!(
        mismatch.figure("computed_amount"),
        Some(&FigureValue::Amount(Baht::whole(6_410_000)))
    );
    assert_eq!(
        mismatch.figure("stated_amount"),
        Some(&FigureValue::Amount(Baht::whole(6_600_000)))
    );
    assert_eq!(
        mismatch.figure("difference_amount"),
        Some(&FigureValue::Amount(Baht::whole(190_000)))
    );
    assert!(mismatch.message_en.contains("6,410,000 baht"));
    assert!(
        !mismatch.message_en.contains(".00"),
        "whole amounts in a sentence"
    );
    assert!(mismatch.message_th.contains("190,000 บาท"));
}

#[test]
fn on_1_april_2018_only_the_stated_total_differs() {
    let ds = mueang::domain::example::north_2561().records;
    let findings = check(&ds, day(2018, 4, 1));
    let rules: Vec<RuleCode> = findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, vec![RuleCode::TotalStatedMismatch]);
}

#[test]
fn the_deadline_day_itself_is_not_yet_overdue() {
    let ds = mueang::domain::example::north_2561().records;
    assert_eq!(check(&ds, day(2018, 4, 30)).len(), 1);
    assert_eq!(check(&ds, day(2018, 5, 1)).len(), 13);
}

/// The example as version 1 wrote it (first instalments recorded as paid on 15 Feb 2018):
/// it must still import through the migration and check exactly as it did.
#[test]
fn a_version_1_file_imports_and_checks_unchanged() {
    let text = committed("tests/fixtures/v1/north-2561.json");
    assert!(
        text.contains("\"schema_version\": 1"),
        "the fixture is version 1"
    );
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.schema_version, mueang::domain::document::SCHEMA_VERSION);
    let ds = doc.records;
    assert_eq!(ds.cities.len(), 12);
    assert!(ds
        .instalments
        .iter()
        .all(|i| i.actual_date == Some(day(2018, 2, 15))));
    let findings = check(&ds, day(2018, 5, 1));
    let rules: Vec<RuleCode> = findings.iter().map(|f| f.rule).collect();
    let mut expected = vec![RuleCode::InstalmentOverdue; 12];
    expected.push(RuleCode::TotalStatedMismatch);
    assert_eq!(rules, expected);
    for f in &findings[..12] {
        assert_eq!(
            f.figure("transferred_by_deadline"),
            Some(&FigureValue::Amount(Baht::whole(350_000)))
        );
        assert_eq!(
            f.figure("outstanding"),
            Some(&FigureValue::Amount(Baht::whole(150_000)))
        );
    }
    assert_eq!(check(&ds, day(2018, 4, 1)).len(), 1);
}
