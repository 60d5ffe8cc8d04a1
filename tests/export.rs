//! CSV exports: the bytes Excel gets (BOM, CRLF, Thai, plain numbers, formula guard), read
//! back with the csv crate, and every list against the Northern example.

#[path = "fixtures/reports/support.rs"]
mod support;

use mueang::domain::example::city_id;
use mueang::domain::export::*;
use mueang::domain::meta::RecordMeta;
use mueang::domain::records::{
    Attendance, Category, Committee, CommitteeMember, Dataset, Meeting, MemberRole, ProblemRaised,
    Sector,
};
use mueang::domain::reference::region_id;
use mueang::domain::reports::{dashboard, reconcile_all, Scope};
use mueang::domain::rules::check;
use pretty_assertions::assert_eq;

use support::*;

fn north_scope() -> Scope {
    Scope::region(FY, region_id("north"))
}

/// The CSV read back with the csv crate: header and rows as strings.
fn read_back(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let body = bytes.strip_prefix(BOM).expect("a byte-order mark");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body);
    let header = r
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .map(|rec| {
            rec.expect("a well-formed row")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    (header, rows)
}

/// Every CSV: BOM, CRLF only, one header, and exactly the rendered cells when read back.
fn assert_round_trip(t: &Table) {
    let bytes = to_csv(t);
    assert!(bytes.starts_with(BOM), "{}: no BOM", t.name);
    let text = std::str::from_utf8(&bytes[BOM.len()..]).expect("UTF-8");
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "{}: bare LF",
        t.name
    );
    let (header, rows) = read_back(&bytes);
    let want_header: Vec<String> = t.columns.iter().map(Column::header).collect();
    assert_eq!(header, want_header, "{}", t.name);
    let want: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(Cell::render).collect())
        .collect();
    assert_eq!(rows, want, "{}", t.name);
}

fn with_committee() -> Dataset {
    let mut ds = north();
    let meta = |key: &str| RecordMeta::shipped(&format!("test:{key}"));
    let member = |name: &str, role, sector, contact: &str| CommitteeMember {
        name: name.into(),
        sector,
        role,
        contact: contact.into(),
    };
    let committee = Committee {
        meta: meta("committee:mae-sot"),
        city_id: city_id("mae-sot"),
        name: "คณะกรรมการเมืองแม่สอด".into(),
        members: vec![
            member(
                "นางสมศรี ใจดี",
                MemberRole::Chair,
                Sector::Community,
                "081 234 5678",
            ),
            member(
                "=HYPERLINK(\"http://x\")",
                MemberRole::Member,
                Sector::Other,
                "+66 81 000 0000",
            ),
        ],
    };
    ds.meetings.push(Meeting {
        meta: meta("meeting:1"),
        committee_id: committee.meta.id,
        date: Some(date(2018, 3, 10)),
        place: "ศาลาชุมชน".into(),
        attendance: vec![
            Attendance {
                sector: Sector::Community,
                count: 25,
            },
            Attendance {
                sector: Sector::LocalGovernment,
                count: 3,
            },
        ],
        problems: vec![ProblemRaised {
            category: Category::Housing,
            description: "บ้านทรุด".into(),
        }],
        decisions: "@เสนอโครงการ".into(),
        attachments: Vec::new(),
    });
    ds.committees.push(committee);
    ds
}

#[test]
fn cities_csv_is_byte_for_byte_the_golden_file() {
    let got = to_csv(&cities(&north(), north_scope()));
    let path = format!(
        "{}/tests/fixtures/reports/cities-north-2561.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    // `BLESS=1 cargo test --test export` rewrites the file after an intended change; the
    // diff then shows in review.
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let want = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        got == want,
        "{path} differs; got:\n{}",
        String::from_utf8_lossy(&got)
    );
}

#[test]
fn cities_csv_has_thai_and_plain_numbers() {
    let bytes = to_csv(&cities(&north(), north_scope()));
    let text = String::from_utf8(bytes[BOM.len()..].to_vec()).expect("UTF-8");
    assert!(text.starts_with("ชื่อเมือง / City name,"), "{text}");
    let (_, rows) = read_back(&to_csv(&cities(&north(), north_scope())));
    assert_eq!(rows.len(), 12);
    let mae_sot = &rows[0];
    assert_eq!(mae_sot[0], "เทศบาลนครแม่สอด");
    assert_eq!(mae_sot[3], "ตาก");
    assert_eq!(mae_sot[4], "ภาคเหนือ");
    // approved, cap, committee grant, committed, transferred, remaining, co-funding
    assert_eq!(
        mae_sot[6..13],
        [
            "500000.00",
            "500000.00",
            "30000.00",
            "0.00",
            "350000.00",
            "150000.00",
            "0.00"
        ]
    );
    assert!(!text.contains("500,000"), "no thousands separators");
}

#[test]
fn every_list_reads_back_exactly() {
    let ds = with_committee();
    let mut ds_projects = north_with_projects();
    ds_projects.committees = ds.committees.clone();
    let today = date(2018, 5, 1);
    let findings_list = check(&ds_projects, today);
    let tables = [
        cities(&ds_projects, north_scope()),
        projects(&ds_projects, north_scope()),
        instalments(&ds, north_scope()),
        grants(&ds, north_scope()),
        committee_members(&ds, north_scope(), Contacts::Include),
        meetings(&ds, north_scope()),
        mous(&ds, north_scope()),
        findings(&ds_projects, &findings_list),
        dashboard_rows(&dashboard(&ds_projects, north_scope(), today, 30)),
        reconciliations(&reconcile_all(&ds, north_scope())),
    ];
    let counts: Vec<(&str, usize)> = tables.iter().map(|t| (t.name, t.rows.len())).collect();
    assert_eq!(
        counts,
        [
            ("cities", 12),
            ("projects", 7),
            ("instalments", 12),
            ("grants", 21),
            ("committee_members", 2),
            ("meetings", 1),
            ("mous", 2),
            ("findings", findings_list.len()),
            ("dashboard", 11 + 6 + 6 + 12),
            ("reconciliation", 3),
        ]
    );
    for t in &tables {
        for row in &t.rows {
            assert_eq!(row.len(), t.columns.len(), "{}", t.name);
        }
        assert_round_trip(t);
    }
}

#[test]
fn text_that_looks_like_a_formula_gets_an_apostrophe() {
    let (_, rows) = read_back(&to_csv(&projects(&north_with_projects(), north_scope())));
    assert_eq!(rows[0][3], "'=ซ่อมบ้านผู้สูงอายุ ชุมชนริมเมย");
    let ds = with_committee();
    let (header, rows) = read_back(&to_csv(&committee_members(
        &ds,
        north_scope(),
        Contacts::Include,
    )));
    assert_eq!(header[6], "ติดต่อ / Contact");
    assert_eq!(rows[1][3], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1][6], "'+66 81 000 0000");
    assert_eq!(rows[0][3], "นางสมศรี ใจดี");
    let (_, rows) = read_back(&to_csv(&meetings(&ds, north_scope())));
    assert_eq!(rows[0][10], "'@เสนอโครงการ");
    // Numbers are ours, not text: a negative difference stays a number.
    assert_eq!(
        Cell::Amount(mueang::domain::money::Baht::from_satang(-19_000_000)).render(),
        "-190000.00"
    );
}

#[test]
fn contacts_stay_out_unless_asked_for() {
    let t = committee_members(&with_committee(), north_scope(), Contacts::Omit);
    assert!(t.columns.iter().all(|c| c.en != "Contact"));
    let text = String::from_utf8(to_csv(&t)).expect("UTF-8");
    assert!(!text.contains("081 234 5678"));
}

#[test]
fn dates_come_as_iso_and_buddhist_era() {
    let (header, rows) = read_back(&to_csv(&instalments(&north(), north_scope())));
    assert_eq!(header[8], "วันที่โอน (ค.ศ.) / Transferred (ISO)");
    assert_eq!(header[9], "วันที่โอน (พ.ศ.) / Transferred (BE)");
    assert_eq!(
        (rows[0][8].as_str(), rows[0][9].as_str()),
        ("2018-02-15", "15 ก.พ. 2561")
    );
    assert_eq!(
        (rows[0][4].as_str(), rows[0][5].as_str()),
        ("350000.00", "0.70")
    );
    let (_, rows) = read_back(&to_csv(&mous(&north(), north_scope())));
    assert_eq!(
        (rows[0][1].as_str(), rows[0][2].as_str()),
        ("2018-02-03", "3 ก.พ. 2561")
    );
    assert_eq!(rows[0][5], "นางมณีพรรณ โคตรบุตร");
    assert_eq!(rows[1][6], "สักขีพยาน");
}

#[test]
fn report_tables_carry_the_report_figures() {
    let today = date(2018, 5, 1);
    let (_, rows) = read_back(&to_csv(&dashboard_rows(&dashboard(
        &north(),
        north_scope(),
        today,
        30,
    ))));
    let find = |item: &str| {
        rows.iter()
            .find(|r| r[3] == item)
            .unwrap_or_else(|| panic!("{item}"))
    };
    assert_eq!(find("Total support")[5], "6410000.00");
    assert_eq!(find("Transferred")[5], "4200000.00");
    assert_eq!(find("Remaining")[5], "1800000.00");
    assert_eq!(find("Cities")[4], "12");
    let overdue: Vec<_> = rows
        .iter()
        .filter(|r| r[1] == "Second instalment overdue (days)")
        .collect();
    assert_eq!(overdue.len(), 12);
    assert_eq!(
        (overdue[0][4].as_str(), overdue[0][5].as_str()),
        ("1", "150000.00")
    );
    let (_, rows) = read_back(&to_csv(&reconciliations(&reconcile_all(
        &north(),
        north_scope(),
    ))));
    assert_eq!(rows[2][5..8], ["6600000.00", "6410000.00", "190000.00"]);
    assert_eq!(rows[0][5..8], ["12", "12", "0"]);
    let (_, rows) = read_back(&to_csv(&findings(&north(), &check(&north(), today))));
    assert!(rows.iter().any(|r| r[0] == "total.stated_mismatch"));
    assert_eq!(
        rows.iter().filter(|r| r[0] == "instalment.overdue").count(),
        12
    );
}

#[test]
fn another_region_exports_headers_only() {
    let south = Scope::region(FY, region_id("south"));
    for t in [
        cities(&north(), south),
        instalments(&north(), south),
        grants(&north(), south),
        mous(&north(), south),
    ] {
        assert!(t.rows.is_empty(), "{}", t.name);
        let (header, rows) = read_back(&to_csv(&t));
        assert_eq!((header.len(), rows.len()), (t.columns.len(), 0));
    }
}

#[test]
fn the_projects_list_names_the_communities_served_and_the_households_reached() {
    use mueang::domain::demo_survey::demo_survey;
    let mut ds = demo_survey(3000, 5).records;
    let city = ds.cities[0].meta.id;
    let ours: Vec<_> = ds
        .communities
        .iter()
        .filter(|c| c.city_id == city)
        .take(2)
        .map(|c| (c.meta.id, c.name.clone()))
        .collect();
    let mut served = mueang::domain::records::Project::new(RecordMeta::shipped("served"), city, FY);
    served.title = "ซ่อมบ้าน".into();
    let gone = mueang::domain::meta::RecordId::nil();
    served.community_ids = vec![ours[0].0, ours[1].0, ours[0].0, gone];
    served.households_reached = Some(42);
    let mut none = served.clone();
    none.meta = RecordMeta::shipped("none");
    none.community_ids.clear();
    none.households_reached = None;
    ds.projects.extend([served, none]);
    let (header, rows) = read_back(&to_csv(&projects(&ds, north_scope())));
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.starts_with(name))
            .unwrap_or_else(|| panic!("a column {name}"))
    };
    let (names, reached) = (col("ชุมชนที่ได้รับประโยชน์"), col("ครัวเรือนที่ได้รับประโยชน์"));
    assert_eq!(header[names], "ชุมชนที่ได้รับประโยชน์ / Communities served");
    assert_eq!(
        rows[0][names],
        format!("{}; {}; {gone}", ours[0].1, ours[1].1),
        "each once, in the project's order, a missing one by its id"
    );
    assert_eq!(rows[0][reached], "42");
    assert_eq!(
        (rows[1][names].as_str(), rows[1][reached].as_str()),
        ("", "")
    );
    assert_eq!(
        header.last().map(String::as_str),
        Some("รหัสรายการ / Record id")
    );
}
