use super::*;
use crate::domain::example::north_2561;

#[test]
fn the_example_data_is_in_range() {
    let ds = north_2561().records;
    let mut found = Vec::new();
    ds.for_each(|r| r.out_of_range(&mut |p| found.push(p)));
    assert_eq!(found, []);
}

#[test]
fn each_bound_is_checked_with_its_field() {
    let mut p = ProgrammeParameters::fy2561();
    p.first_instalment_share = Decimal::MAX;
    p.fiscal_year = FiscalYear(2499);
    p.city_max = Baht::from_satang(100_000_000_000_001);
    let found = problems(&p);
    let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["fiscal_year", "city_max", "first_instalment_share"]
    );
    assert_eq!(found[2].value, "79228162514264337593543950335");
    assert_eq!(found[2].allowed, Allowed::Share);
    p.first_instalment_share = Decimal::ONE;
    p.fiscal_year = FiscalYear(2700);
    p.city_max = Baht::LIMIT;
    assert!(problems(&p).is_empty());
}

#[test]
fn long_and_invisible_names_are_named_without_repeating_them() {
    let mut city = north_2561().records.cities[0].clone();
    city.name_th = "ก".repeat(301);
    city.name_en = "Mae\u{202e}Sot".into();
    let found = problems(&city);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].allowed, Allowed::Length { max: 300 });
    assert!(found[0].value.ends_with("… (301)"), "{}", found[0].value);
    assert!(found[0].value.chars().count() < 50);
    assert_eq!(found[1].allowed, Allowed::Visible { found: '\u{202e}' });
    city.name_th = "ก".repeat(300);
    city.name_en = "Mae Sot".into();
    assert!(problems(&city).is_empty());
}
