//! Spreadsheet import (issue #12, item 4), natively: the four fixture files (written by
//! tests/fixtures/import/make.py) read alike whatever Excel saved them as; the preview
//! stores exactly the rows without blocking problems and says why the others are not;
//! hostile files are refused with a reason and never panic.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{TimeZone, Utc};
use mueang::domain::meta::{stable_id, Editor, RecordMeta};
use mueang::domain::records::survey::{Community, HouseCondition, Household, IncomeBand, Need};
use mueang::domain::records::{Dataset, Record};
use mueang::domain::sheet_import::limits::{MAX_CELL_CHARS, MAX_ROWS};
use mueang::domain::sheet_import::{
    decode, preview, Column, Mapping, Preview, SheetError, Source, Target,
};
use proptest::prelude::*;

const FIXTURES: [(&str, Source); 4] = [
    ("households-874.csv", Source::Windows874),
    ("households-utf8-bom.csv", Source::Utf8Bom),
    ("households-utf16.txt", Source::Utf16),
    ("households.xlsx", Source::Xlsx),
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn city() -> mueang::domain::meta::RecordId {
    stable_id("city-of-the-import-test")
}

/// A city's one community, with `stored` house numbers already surveyed.
fn dataset(stored: &[&str]) -> Dataset {
    let mut ds = Dataset::default();
    let c = Community::new(RecordMeta::shipped("riverside"), city(), "ชุมชนริมน้ำ");
    for n in stored {
        let h = Household::new(RecordMeta::shipped(n), c.meta.id, n);
        ds.upsert(h.into_any());
    }
    ds.upsert(c.into_any());
    ds
}

fn community() -> mueang::domain::meta::RecordId {
    RecordMeta::shipped("riverside").id
}

fn run(bytes: &[u8], ds: &Dataset, target: Target) -> Preview {
    let sheet = decode(bytes).unwrap();
    let mapping = Mapping::recognise(&sheet);
    let at = Utc.with_ymd_and_hms(2018, 3, 1, 9, 0, 0).unwrap();
    preview(&sheet, &mapping, target, ds, &Editor::office("test"), at)
}

fn into_riverside() -> Target {
    Target {
        city_id: city(),
        community_id: Some(community()),
        round_id: None,
    }
}

#[test]
fn every_encoding_excel_writes_reads_the_same_rows() {
    let mut seen: Option<Vec<Vec<String>>> = None;
    for (name, source) in FIXTURES {
        let sheet = decode(&fixture(name)).unwrap();
        assert_eq!(sheet.source, source, "{name}");
        let m = Mapping::recognise(&sheet);
        let header = &sheet.rows[m.header_row];
        assert_eq!(header[1], "บ้านเลขที่", "{name}");
        assert_eq!(header[3], "จำนวนสมาชิก (คน)", "{name}");
        assert_eq!(m.columns[0], None, "ลำดับ is not a field ({name})");
        assert_eq!(m.columns[1], Some(Column::HouseNumber));
        assert_eq!(m.columns[2], Some(Column::HeadName));
        assert_eq!(m.columns[11], Some(Column::Need));
        let data = sheet.rows[m.header_row + 1..].to_vec();
        assert_eq!(data.len(), 4, "{name}");
        match &seen {
            None => seen = Some(data),
            Some(first) => assert_eq!(&data, first, "{name} reads unlike the first file"),
        }
    }
    let xlsx = decode(&fixture("households.xlsx")).unwrap();
    assert_eq!(
        Mapping::recognise(&xlsx).header_row,
        1,
        "the title row is passed over"
    );
    assert_eq!(xlsx.rows[2][3], "4", "a formula comes in as its value");
}

#[test]
fn the_preview_stores_the_good_rows_and_says_why_not_the_others() {
    let p = run(
        &fixture("households-874.csv"),
        &dataset(&[]),
        into_riverside(),
    );
    let lines = |stored: bool| -> Vec<usize> {
        p.rows
            .iter()
            .filter(|r| r.is_stored() == stored)
            .map(|r| r.line)
            .collect()
    };
    assert_eq!(lines(true), [2, 3]);
    assert_eq!(lines(false), [4, 5]);
    let codes = |line: usize| -> Vec<(&str, bool)> {
        let row = p.rows.iter().find(|r| r.line == line).unwrap();
        let mut c: Vec<(&str, bool)> = row.problems.iter().map(|p| (p.code, p.blocks)).collect();
        c.sort();
        c
    };
    assert_eq!(codes(2), []);
    // 12/2 and ๑๒/๒ are one house number: a warning on both, as the rule warns.
    assert_eq!(codes(3), [("household.duplicate", false)]);
    assert_eq!(
        codes(4),
        [("household.duplicate", false), ("household.members", true)]
    );
    assert_eq!(
        codes(5),
        [
            ("household.members", true),
            ("import.choice", true),
            ("record.missing_field", true)
        ]
    );
    let choice = p.rows[3]
        .problems
        .iter()
        .find(|p| p.code == "import.choice")
        .unwrap();
    assert!(
        choice.th.contains("สวยงาม") && choice.th.contains("ทรุดโทรม"),
        "{}",
        choice.th
    );
    let (communities, households) = p.to_store();
    assert!(communities.is_empty());
    assert_eq!(households.len(), 2);
    let h = &households[0];
    assert_eq!(h.house_number, "12/1");
    assert_eq!(
        (h.members, h.vulnerable.elderly, h.vulnerable.young_children),
        (4, 1, 1)
    );
    assert_eq!(h.condition, Some(HouseCondition::Good));
    assert_eq!(h.income_band, Some(IncomeBand::UpTo10000));
    assert!(h.savings_member);
    assert_eq!(h.need, Some(Need::Repair));
    assert_eq!(h.community_id, community());
    assert_eq!(h.meta.updated_by.office_id.0, "test");
    let h = &households[1];
    assert_eq!(h.monthly_rent.map(|b| b.format()), Some("1,500.00".into()));
    assert!(!h.savings_member);
    assert_eq!((p.stored_count(), p.skipped_count()), (2, 2));
    let reasons = p.reasons();
    assert!(reasons.contains(&("household.members", 2)), "{reasons:?}");
    assert!(
        p.unmapped.iter().any(|(i, h)| *i == 0 && h == "ลำดับ"),
        "{:?}",
        p.unmapped
    );
}

#[test]
fn a_house_number_already_stored_is_not_stored_again() {
    let p = run(
        &fixture("households-utf8-bom.csv"),
        &dataset(&["12/1"]),
        into_riverside(),
    );
    let first = &p.rows[0];
    assert!(!first.is_stored());
    assert!(first
        .problems
        .iter()
        .any(|p| p.code == "household.duplicate" && p.blocks));
    assert_eq!(p.stored_count(), 1);
}

#[test]
fn a_community_column_finds_the_citys_communities_and_makes_new_ones() {
    let csv = "ชื่อชุมชน,บ้านเลขที่,สมาชิก\nชุมชนริมน้ำ,1,2\nหลังวัด,1,3\n หลังวัด ,2,1\n,3,1\n";
    let target = Target {
        city_id: city(),
        community_id: None,
        round_id: Some(stable_id("round")),
    };
    let p = run(csv.as_bytes(), &dataset(&[]), target);
    assert_eq!(p.new_communities.len(), 1);
    assert_eq!(p.new_communities[0].name, "หลังวัด");
    assert_eq!(p.new_communities[0].city_id, city());
    assert_eq!(p.rows[0].household.community_id, community());
    assert_eq!(p.rows[0].new_community, None);
    assert_eq!(
        p.rows[1].household.community_id,
        p.new_communities[0].meta.id
    );
    assert_eq!(
        p.rows[2].household.community_id,
        p.new_communities[0].meta.id
    );
    assert_eq!(p.rows[1].new_community.as_deref(), Some("หลังวัด"));
    assert!(
        !p.rows[3].is_stored(),
        "a row without a community is not stored"
    );
    let (communities, households) = p.to_store();
    assert_eq!((communities.len(), households.len()), (1, 3));
    assert!(households
        .iter()
        .all(|h| h.round_id == Some(stable_id("round"))));
}

#[test]
fn hostile_files_get_a_reason_and_store_nothing() {
    let mut many = String::from("บ้านเลขที่,สมาชิก\n");
    for i in 0..200_000 {
        many.push_str(&format!("{i},1\n"));
    }
    assert_eq!(
        decode(many.as_bytes()),
        Err(SheetError::TooManyRows { rows: MAX_ROWS })
    );
    let big_cell = format!("บ้านเลขที่,หมายเหตุ\n1,{}\n", "x".repeat(1 << 20));
    let e = decode(big_cell.as_bytes()).unwrap_err();
    assert!(matches!(e, SheetError::CellTooLong { chars, .. } if chars > MAX_CELL_CHARS));
    let (th, en) = e.texts();
    assert!(
        th.contains("1,048,576 ตัวอักษร") && en.contains("1,048,576 characters"),
        "{th} / {en}"
    );
    // A formula typed in a CSV is not a value: the row is held back, the cell named.
    let p = run(
        b"house number,members\n=1+1,2\n5,=A2\n",
        &dataset(&[]),
        into_riverside(),
    );
    assert_eq!(p.stored_count(), 0);
    assert!(p
        .rows
        .iter()
        .all(|r| r.problems.iter().any(|p| p.code == "import.formula")));
    // An empty header row: nothing recognised, every row held back for want of a house number.
    let p = run(b",,\n1,2,3\n", &dataset(&[]), into_riverside());
    assert_eq!(p.missing_columns, [Column::HouseNumber]);
    assert_eq!(p.stored_count(), 0);
    // Two columns named alike: the first fills the field, the second is shown as such.
    let sheet = decode("บ้านเลขที่,บ้านเลขที่\n1,2\n".as_bytes()).unwrap();
    assert_eq!(
        Mapping::recognise(&sheet).duplicates,
        [(1, Column::HouseNumber)]
    );
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..5000u32).map(|i| (i % 256) as u8));
    assert_eq!(decode(&png), Err(SheetError::NotText));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(&[0; 100]);
    assert!(matches!(decode(&zip), Err(SheetError::Unreadable(_))));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the bytes, reading and previewing returns (an error or rows), never panics.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(sheet) = decode(&bytes) {
            let m = Mapping::recognise(&sheet);
            let at = Utc.with_ymd_and_hms(2018, 3, 1, 9, 0, 0).unwrap();
            let p = preview(&sheet, &m, into_riverside(), &dataset(&["1"]), &Editor::office("t"), at);
            prop_assert_eq!(p.rows.len(), sheet.rows.len() - m.header_row - 1);
        }
    }

    /// Text cells of any content, in any of the header's columns.
    #[test]
    fn any_cells_are_previewed(cells in proptest::collection::vec("[ -~ก-๛]{0,12}", 12)) {
        let mut csv = String::from("บ้านเลขที่,สมาชิก,ผู้สูงอายุ,ค่าเช่า,สภาพบ้าน,รายได้,สมาชิกออมทรัพย์,ความต้องการ,วันที่สำรวจ,ชุมชน,ผู้สำรวจ,หมายเหตุ\n");
        let quoted: Vec<String> = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
        csv.push_str(&quoted.join(","));
        csv.push('\n');
        let _ = run(csv.as_bytes(), &dataset(&[]), into_riverside());
    }
}

/// Confirming goes through the import's plan: exactly the rows without blocking problems
/// (and nothing else) are written, and a sheet brought in twice writes nothing new.
#[test]
fn confirming_writes_the_stored_rows_through_the_import_plan() {
    // Enough stored that two more do not make the plan rewrite the kind whole.
    let numbers: Vec<String> = (100..120).map(|n| n.to_string()).collect();
    let ds = dataset(&numbers.iter().map(String::as_str).collect::<Vec<_>>());
    let p = run(&fixture("households.xlsx"), &ds, into_riverside());
    let merged = p.added_to(&ds);
    assert_eq!(merged.households.len(), 22);
    let mut cs = mueang::storage::ChangeSet::new("import spreadsheet");
    let written = mueang::sync::import_changes(&mut cs, &ds, &merged, None).unwrap();
    assert_eq!(written, 2);
    let again = run(&fixture("households-utf16.txt"), &merged, into_riverside());
    assert_eq!(again.stored_count(), 0, "already stored");
    assert_eq!(again.added_to(&merged), merged);
}
