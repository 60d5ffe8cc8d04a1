//! `mueang demo-survey`: a clearly fictional survey of the example's cities that opens,
//! checks clean (the example's own findings only), is the same for the same seed, and
//! marks everything as fictional.

use chrono::NaiveDate;
use pretty_assertions::assert_eq;

use mueang::domain::demo_survey::{demo_survey, FICTIONAL_NOTE};
use mueang::domain::example::north_2561;
use mueang::domain::records::survey::strip_personal_data;
use mueang::domain::reports::survey::city_summary;
use mueang::domain::rules::{check, RuleCode};
use mueang::domain::sync::verify_data_file;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn run(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = mueang::cli::run(args.iter().copied(), &mut out, &mut err);
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (code, text(out), text(err))
}

#[test]
fn the_command_writes_a_file_that_opens_and_checks_like_the_example() {
    let dir = std::env::temp_dir().join(format!("mueang-demo-survey-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("demo.json");
    let path_text = path.to_string_lossy().into_owned();
    let (code, out, err) = run(&[
        "mueang",
        "demo-survey",
        "--households",
        "1000",
        "--seed",
        "7",
        "-o",
        &path_text,
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("1000 households in 12 cities"), "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = verify_data_file(&text).unwrap();
    let ds = doc.records;
    assert_eq!(ds.households.len(), 1000);
    assert_eq!(ds.survey_rounds.len(), 12);
    assert!(ds.communities.len() >= 12);
    // The survey adds no finding: what is left is the example's own, on any day.
    for today in [day(2018, 4, 1), day(2018, 5, 1)] {
        let example = check(&north_2561().records, today);
        assert_eq!(check(&ds, today), example, "as of {today}");
    }
    // Without personal data it still checks the same.
    let mut summary = ds.clone();
    assert!(strip_personal_data(&mut summary) >= 1000);
    assert_eq!(
        check(&summary, day(2018, 5, 1)),
        check(&north_2561().records, day(2018, 5, 1))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn everything_in_it_says_it_is_fictional() {
    let ds = demo_survey(500, 1).records;
    assert!(ds.communities.iter().all(|c| c.notes == FICTIONAL_NOTE));
    assert!(ds.survey_rounds.iter().all(|r| r.notes == FICTIONAL_NOTE));
    assert!(ds
        .survey_rounds
        .iter()
        .all(|r| r.title.contains("ข้อมูลสมมติ")));
    for h in &ds.households {
        assert!(h.head_name.ends_with("(สมมติ)"), "{}", h.head_name);
        assert!(h.surveyor.contains("(สมมติ)"), "{}", h.surveyor);
        // Never a dialable Thai number: those start 0 then 2–9.
        assert!(
            h.phone.is_empty() || h.phone.starts_with("000-"),
            "{}",
            h.phone
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_survey_and_another_seed_another() {
    let a = demo_survey(300, 42).to_json();
    assert_eq!(a, demo_survey(300, 42).to_json());
    assert_ne!(a, demo_survey(300, 43).to_json());
}

#[test]
fn values_are_plausible_and_every_city_is_surveyed() {
    let ds = demo_survey(1200, 5).records;
    for city in &ds.cities {
        let s = city_summary(&ds, city.meta.id);
        assert_eq!(s.households, 100, "{}", city.name_th);
        assert_eq!(s.communities, s.communities_surveyed);
        let coverage = s.household_coverage().unwrap();
        assert!(coverage >= rust_decimal::Decimal::new(90, 2), "{coverage}");
        assert_eq!(s.by_condition.unknown, 0);
        assert!(s.members >= 100 && s.members <= 800);
    }
    let renters = ds.households.iter().filter(|h| h.monthly_rent.is_some());
    assert!(renters.count() > 0);
    // No finding of any survey rule, by construction.
    let survey_rules = [
        RuleCode::HouseholdDuplicate,
        RuleCode::HouseholdMembers,
        RuleCode::CommunityCoverage,
    ];
    let found = check(&ds, day(2018, 5, 1));
    assert!(found.iter().all(|f| !survey_rules.contains(&f.rule)));
}
