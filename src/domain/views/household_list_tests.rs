use super::*;
use crate::domain::demo_survey::demo_survey;
use crate::domain::meta::RecordMeta;
use crate::domain::views::survey_entry::house_number_order;

fn city_index() -> (Dataset, RecordId, HouseholdIndex) {
    let ds = demo_survey(3000, 5).records;
    let city = ds.cities[2].meta.id;
    let index = HouseholdIndex::new(&ds, city);
    (ds, city, index)
}

fn lines(index: &HouseholdIndex, picked: &[u32]) -> Vec<HouseholdLine> {
    picked.iter().filter_map(|&i| index.line(i)).collect()
}

fn line(index: &HouseholdIndex, i: u32) -> HouseholdLine {
    index.line(i).expect("a line")
}

#[test]
fn only_the_city_s_live_households() {
    let (mut ds, city, index) = city_index();
    let expected = ds
        .households
        .iter()
        .filter(|h| {
            ds.communities
                .iter()
                .any(|c| c.meta.id == h.community_id && c.city_id == city)
        })
        .count();
    assert_eq!(index.len(), expected);
    assert!(expected > 0 && expected < ds.households.len());
    let first = line(&index, 0).id;
    ds.households
        .iter_mut()
        .find(|h| h.meta.id == first)
        .unwrap()
        .meta
        .deleted = true;
    assert_eq!(HouseholdIndex::new(&ds, city).len(), expected - 1);
}

#[test]
fn filters_combine() {
    let (_, _, index) = city_index();
    let community = index.communities[1].0;
    let f = HouseholdFilter {
        community: Some(community),
        condition: Some(HouseCondition::NeedsRepair),
        ..HouseholdFilter::default()
    };
    let picked = index.select(&f, HouseholdSort::Community);
    let all: Vec<u32> = (0..index.len() as u32).collect();
    let expected = lines(&index, &all)
        .iter()
        .filter(|l| l.community == 1 && l.condition == Some(HouseCondition::NeedsRepair))
        .count();
    assert_eq!(picked.len(), expected);
    assert!(expected > 0);
    let need = line(&index, 0).need.expect("the demo records a need");
    let tenure = line(&index, 0).land_tenure.expect("and a tenure");
    let f = HouseholdFilter {
        need: Some(need),
        land_tenure: Some(tenure),
        ..HouseholdFilter::default()
    };
    let picked = index.select(&f, HouseholdSort::HouseNumber);
    assert!(lines(&index, &picked)
        .iter()
        .all(|l| l.need == Some(need) && l.land_tenure == Some(tenure)));
    assert!(picked.contains(&0));
    let gone = HouseholdFilter {
        community: Some(RecordId::nil()),
        ..HouseholdFilter::default()
    };
    assert!(index.select(&gone, HouseholdSort::Community).is_empty());
}

#[test]
fn words_find_house_numbers_in_thai_digits_and_names_only_when_shown() {
    let mut ds = Dataset::default();
    let city = RecordId::from_u128(1);
    let mut c = Community::new(RecordMeta::shipped("c"), city, "ชุมชนริมน้ำ");
    c.households = Some(3);
    let mut a = Household::new(RecordMeta::shipped("a"), c.meta.id, "12/3");
    a.head_name = "สมชาย ใจดี".into();
    a.phone = "081-234-5678".into();
    let b = Household::new(RecordMeta::shipped("b"), c.meta.id, "7");
    ds.households.extend([a, b]);
    ds.communities.push(c);
    let index = HouseholdIndex::new(&ds, city);
    let find = |text: &str, personal| {
        let f = HouseholdFilter {
            text: text.into(),
            personal,
            ..HouseholdFilter::default()
        };
        lines(&index, &index.select(&f, HouseholdSort::HouseNumber))
            .iter()
            .map(|l| l.house_number.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(find("๑๒/๓", false), vec!["12/3"]);
    assert_eq!(find("ริมน้ำ", false), vec!["7", "12/3"]);
    assert!(
        find("สมชาย", false).is_empty(),
        "names are not searched while hidden"
    );
    assert_eq!(find("สมชาย", true), vec!["12/3"]);
    assert_eq!(find("0812345678", true), vec!["12/3"]);
    assert!(find("ไม่มี", true).is_empty());
}

#[test]
fn sorts_are_total_and_as_named() {
    let (_, _, index) = city_index();
    let all = HouseholdFilter::default();
    for sort in HouseholdSort::ALL {
        let picked = index.select(&all, sort);
        assert_eq!(picked.len(), index.len(), "{sort:?}");
        assert_eq!(HouseholdSort::from_key(sort.key()), Some(sort));
    }
    let by_house = lines(&index, &index.select(&all, HouseholdSort::HouseNumber));
    for w in by_house.windows(2) {
        assert_ne!(
            house_number_order(&w[0].house_number, &w[1].house_number),
            std::cmp::Ordering::Greater
        );
    }
    let by_members = lines(&index, &index.select(&all, HouseholdSort::Members));
    assert!(by_members.windows(2).all(|w| w[0].members >= w[1].members));
    let by_condition = lines(&index, &index.select(&all, HouseholdSort::Condition));
    let order: Vec<u8> = by_condition
        .iter()
        .map(|l| condition_order(l.condition))
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(by_condition[0].condition, Some(HouseCondition::Dilapidated));
    let by_community = lines(&index, &index.select(&all, HouseholdSort::Community));
    assert!(by_community
        .windows(2)
        .all(|w| w[0].community <= w[1].community));
    assert!(index
        .community_name(&by_community[0])
        .contains(&index.communities[0].1));
}
