//! The city household list's index made fast (issue #12, part 7) must still answer as the
//! plain way did: folding into one buffer, the byte sort keys and the canonical form's
//! quick path are each checked against the straightforward code they replace, and the
//! index's selections against a naive filter and sort over the same households.

use std::cmp::Ordering;

use mueang::domain::demo_survey::demo_survey;
use mueang::domain::meta::RecordId;
use mueang::domain::records::survey::{Community, HouseCondition, Household, Need};
use mueang::domain::records::Dataset;
use mueang::domain::rules::house_number_key;
use mueang::domain::text::{is_invisible, normalise_name, normalise_name_into};
use mueang::domain::thai_digits::{thai_digit_value, to_ascii_digits};
use mueang::domain::views::household_list::{HouseholdFilter, HouseholdIndex, HouseholdSort};
use mueang::domain::views::survey_entry::{house_number_sort_bytes, house_number_sort_key};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// `normalise_name` as it was before its quick path looked for the look-alike pairs:
/// always NFC, invisible characters out, the pairs made one.
fn slow_normalise(s: &str) -> String {
    let mut canon = String::new();
    for c in s.nfc().filter(|&c| !is_invisible(c)) {
        match (canon.chars().next_back(), c) {
            (Some('\u{0E4D}'), '\u{0E32}') => {
                canon.pop();
                canon.push('\u{0E33}');
            }
            (Some('\u{0E40}'), '\u{0E40}') => {
                canon.pop();
                canon.push('\u{0E41}');
            }
            _ => canon.push(c),
        }
    }
    let mut out = String::new();
    let mut space = false;
    for c in canon.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The list's folding as it was: a `String` per text.
fn old_fold(s: &str) -> String {
    normalise_name(&to_ascii_digits(s))
}

fn ascii(c: char) -> char {
    thai_digit_value(c).unwrap_or(c)
}

fn sort_bytes(house: &str) -> Vec<u8> {
    let mut v = Vec::new();
    house_number_sort_bytes(&house_number_key(house), &mut v);
    v
}

const THAIISH: &str = "[a-cA-C0-9๐-๙ \tก-ขมเแาำํฺุู็่้๋์\u{200b}\u{0301}é/\\-\u{0}\u{1}]{0,12}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_canonical_quick_path_changes_nothing(s in THAIISH) {
        prop_assert_eq!(normalise_name(&s), slow_normalise(&s));
    }

    #[test]
    fn folding_into_a_buffer_is_the_old_folding(s in THAIISH, spaces in any::<bool>()) {
        let mut out = String::from("|");
        normalise_name_into(&s, ascii, spaces, &mut out);
        let mut want = old_fold(&s);
        if !spaces {
            want.retain(|c| c != ' ');
        }
        prop_assert_eq!(&out[1..], want.as_str());
    }

    #[test]
    fn byte_keys_sort_as_the_house_number_keys(a in THAIISH, b in THAIISH) {
        let want = house_number_sort_key(&a).cmp(&house_number_sort_key(&b));
        prop_assert_eq!(sort_bytes(&a).cmp(&sort_bytes(&b)), want, "{:?} vs {:?}", a, b);
    }
}

#[test]
fn numbers_too_long_for_u64_sort_as_the_key_does() {
    let long = "99999999999999999999999";
    for (a, b) in [(long, "5"), (long, "1a"), ("5", long), (long, long)] {
        assert_eq!(
            sort_bytes(a).cmp(&sort_bytes(b)),
            house_number_sort_key(a).cmp(&house_number_sort_key(b)),
            "{a} vs {b}"
        );
    }
}

/// What the list showed before the index was made fast: every household of the city that
/// passes, in the order's key, then house number, then id.
fn naive(
    ds: &Dataset,
    index: &HouseholdIndex,
    f: &HouseholdFilter,
    sort: HouseholdSort,
) -> Vec<RecordId> {
    let pos = |id: RecordId| index.communities.iter().position(|(c, _)| *c == id);
    let words = old_fold(&f.text);
    let digits: String = words
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let mut rows: Vec<(usize, &Household)> = ds
        .live::<Household>()
        .filter_map(|h| Some((pos(h.community_id)?, h)))
        .filter(|(c, h)| {
            let name = ds
                .get::<Community>(index.communities[*c].0)
                .map_or("", |c| c.name.as_str());
            let public = format!(
                "{}\u{1f}{}",
                house_number_key(&h.house_number),
                old_fold(name)
            );
            let phone: String = to_ascii_digits(&h.phone)
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            let personal = format!("{}\u{1f}{}", old_fold(&h.head_name), phone);
            let text = words.is_empty()
                || public.contains(&digits)
                || public.contains(&words)
                || (f.personal
                    && (personal.contains(&words)
                        || (!digits.is_empty() && personal.contains(&digits))));
            f.community.is_none_or(|id| index.communities[*c].0 == id)
                && f.condition.is_none_or(|x| h.condition == Some(x))
                && f.need.is_none_or(|x| h.need == Some(x))
                && text
        })
        .collect();
    let worst = |c: Option<HouseCondition>| match c {
        Some(HouseCondition::Dilapidated) => 0,
        Some(HouseCondition::NeedsRepair) => 1,
        Some(HouseCondition::Good) => 2,
        None => 3,
    };
    let primary = |(c, h): &(usize, &Household)| -> i64 {
        match sort {
            HouseholdSort::Community => *c as i64,
            HouseholdSort::HouseNumber => 0,
            HouseholdSort::Members => -i64::from(h.members),
            HouseholdSort::Condition => worst(h.condition),
        }
    };
    rows.sort_by(|a, b| {
        primary(a)
            .cmp(&primary(b))
            .then_with(|| {
                house_number_sort_key(&a.1.house_number)
                    .cmp(&house_number_sort_key(&b.1.house_number))
            })
            .then(a.1.meta.id.cmp(&b.1.meta.id))
    });
    rows.into_iter().map(|(_, h)| h.meta.id).collect()
}

#[test]
fn the_index_selects_and_orders_as_a_naive_filter_and_sort() {
    let mut ds = demo_survey(3000, 9).records;
    let city = ds.cities[3].meta.id;
    // Awkward house numbers and names: Thai digits, spaces, look-alike spellings, repeats.
    let odd = [
        "๑๒/๓",
        "12 / 3",
        "12/3",
        "7ก",
        "0007",
        "",
        "99999999999999999999",
        "เเ1",
    ];
    let mut n = 0;
    for h in ds.households.iter_mut() {
        n += 1;
        if n % 7 == 0 {
            h.house_number = odd[n % odd.len()].to_owned();
        }
        if n % 11 == 0 {
            h.head_name = format!("เเม่{n} สอด");
            h.phone = "๐๘๑-๒๓๔ ๕๖๗๘".into();
        }
    }
    let index = HouseholdIndex::new(&ds, city);
    assert!(index.len() > 100);
    for i in 0..index.len() as u32 {
        let l = index.line(i).expect("a line");
        let h = ds.get::<Household>(l.id).expect("its household");
        assert_eq!(
            (&l.house_number, &l.head_name, &l.phone),
            (&h.house_number, &h.head_name, &h.phone)
        );
        assert_eq!(
            (l.members, l.condition, l.need),
            (h.members, h.condition, h.need)
        );
    }
    assert!(index.line(index.len() as u32).is_none());
    let community = index.communities[1].0;
    let name_part: String = index.communities[2].1.chars().skip(2).take(3).collect();
    let filters = [
        HouseholdFilter::default(),
        HouseholdFilter {
            text: "1".into(),
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: "๑๒/๓".into(),
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: " 12 /3".into(),
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: name_part,
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: "แม่".into(),
            personal: true,
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: "แม่".into(),
            personal: false,
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: "081-234".into(),
            personal: true,
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            text: "-".into(),
            ..HouseholdFilter::default()
        },
        HouseholdFilter {
            community: Some(community),
            condition: Some(HouseCondition::NeedsRepair),
            need: Some(Need::Repair),
            ..HouseholdFilter::default()
        },
    ];
    for f in &filters {
        for sort in HouseholdSort::ALL {
            let got: Vec<RecordId> = index
                .select(f, sort)
                .iter()
                .filter_map(|&i| index.line(i).map(|l| l.id))
                .collect();
            let want = naive(&ds, &index, f, sort);
            assert_eq!(got.len(), want.len(), "{f:?} {sort:?}");
            assert!(
                got == want,
                "{f:?} {sort:?}: the same households in the same order"
            );
        }
    }
    assert_eq!(Ordering::Less, sort_bytes("12/3").cmp(&sort_bytes("12/10")));
}
