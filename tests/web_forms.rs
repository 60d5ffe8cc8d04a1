//! The form widgets and the editing machinery in a real browser: the money and date fields
//! as a person types, the BE calendar and drafts in localStorage (saving is in
//! `web_save.rs`). Also prints how long the project list takes in wasm with 10,000
//! projects (numbers, not a timed assertion).
#![cfg(target_arch = "wasm32")]

mod common;
use chrono::NaiveDate;
use common::browser::wait_until;
use leptos::prelude::*;
use mueang::domain::dates::FiscalYear;
use mueang::domain::example::north_2561;
use mueang::domain::meta::{stable_id, Editor, OfficeId, RecordMeta};
use mueang::domain::money::Baht;
use mueang::domain::records::{Category, City, Project};
use mueang::domain::views::project_list::{ProjectIndex, ProjectQuery, ProjectSort};
use mueang::ui::edit::draft::{self, DraftKey};
use mueang::ui::forms::{Bind, DateField, MoneyField};
use mueang::ui::i18n::{provide_i18n, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into.
fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn by_id(id: &str) -> web_sys::HtmlElement {
    document().get_element_by_id(id).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn money_field_reads_thai_digits_and_keeps_unreadable_text() {
    let raw = RwSignal::new(String::new());
    let el = host();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        provide_i18n(Lang::Th);
        view! { <MoneyField field="amount_approved" label="จำนวนเงิน".to_string() value=Bind::signal(raw)/> }
    });
    raw.set("๓๕๐,๐๐๐".into());
    wait_until("the amount read back as 350,000.00 บาท", || {
        el.inner_text().contains("350,000.00 บาท")
    })
    .await;
    let text = el.inner_text();
    assert!(text.contains("สามแสนห้าหมื่นบาทถ้วน"), "{text}");
    let input = by_id("f-amount_approved");
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("decimal"));

    raw.set("35,0000".into());
    wait_until("35,0000 marked as unreadable", || {
        input.get_attribute("aria-invalid").as_deref() == Some("true")
    })
    .await;
    let marks = by_id("f-amount_approved-marks").inner_text();
    assert!(
        marks.contains("35,0000"),
        "the message quotes what was typed: {marks}"
    );
    assert_eq!(raw.get_untracked(), "35,0000", "the typed text is kept");
    let label: web_sys::Element = el
        .query_selector("label[for='f-amount_approved']")
        .unwrap()
        .unwrap();
    assert!(label.text_content().unwrap().contains("จำนวนเงิน"));
    el.remove();
}

#[wasm_bindgen_test]
async fn date_field_shows_be_and_the_calendar_picks_a_be_date() {
    let raw = RwSignal::new("3/2/61".to_string());
    let el = host();
    let today = NaiveDate::from_ymd_opt(2018, 2, 20).unwrap();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        provide_i18n(Lang::Th);
        view! { <DateField field="date" label="วันที่".to_string() value=Bind::signal(raw) today/> }
    });
    wait_until("3/2/61 shown as 3 ก.พ. 2561", || {
        el.inner_text().contains("อ่านได้ว่า 3 ก.พ. 2561")
    })
    .await;
    el.query_selector(".cal-open")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_until("the calendar to open", || {
        el.query_selector(".cal-title").unwrap().is_some()
    })
    .await;
    let title = el
        .query_selector(".cal-title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(title, "กุมภาพันธ์ 2561");
    el.query_selector("button.cal-day[data-date='2018-02-14']")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_until("the picked day typed into the field", || {
        raw.get_untracked() == "14 ก.พ. 2561"
    })
    .await;
    wait_until("picking to close the calendar", || {
        el.query_selector(".calendar").unwrap().is_none()
    })
    .await;

    raw.set("3/2/1475".into());
    wait_until("the era warning at the date", || {
        by_id("f-date-marks").inner_text().contains("พ.ศ.")
    })
    .await;

    // "3/2/18" (someone meaning 2018) reads as BE 2518, shown with its CE year and flagged
    // as before the programme, with what to type instead.
    raw.set("3/2/18".into());
    wait_until("3/2/18 read as 3 ก.พ. 2518 (ค.ศ. 1975)", || {
        el.inner_text().contains("3 ก.พ. 2518 (ค.ศ. 1975)")
    })
    .await;
    wait_until("the before-the-programme warning at the date", || {
        let marks = by_id("f-date-marks").inner_text();
        marks.contains("ก่อนโครงการเริ่ม") && marks.contains("3 ก.พ. 2561")
    })
    .await;
    el.remove();
}

#[wasm_bindgen_test]
fn drafts_round_trip_in_local_storage() {
    let key = DraftKey::new_record(mueang::domain::records::RecordKind::Project, "test-slot");
    draft::clear(&key);
    assert!(draft::load::<Vec<String>>(&key).is_none());
    let id = stable_id("draft-test");
    draft::store(&key, id, &vec!["ตลาดนัด".to_string(), "12,34".to_string()]).unwrap();
    let back = draft::load::<Vec<String>>(&key).unwrap();
    assert_eq!(back.id, id);
    assert_eq!(back.form, vec!["ตลาดนัด".to_string(), "12,34".to_string()]);
    draft::clear(&key);
    assert!(draft::load::<Vec<String>>(&key).is_none());
}

#[wasm_bindgen_test]
fn project_list_timings_in_wasm_with_10000_projects() {
    let mut ds = north_2561().records;
    let cities: Vec<City> = ds.cities.clone();
    let editor = Editor {
        office_id: OfficeId("bench".into()),
        office_name: String::new(),
        person: String::new(),
    };
    let at = chrono::DateTime::from_timestamp(1_517_637_600, 0).unwrap();
    for n in 0..10_000u32 {
        let c = &cities[n as usize % cities.len()];
        let mut p: Project = Project::new(
            RecordMeta::new(stable_id(&format!("b{n}")), &editor, at),
            c.meta.id,
            FiscalYear(2561),
        );
        p.title = format!("โครงการพัฒนาชุมชน {n}");
        p.proposer = format!("ชุมชนที่ {}", n % 97);
        p.category = Category::ALL[n as usize % 6];
        p.amount_requested = Some(Baht::whole(10_000 + i64::from(n % 40) * 1_000));
        ds.projects.push(p);
    }
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    let t = now();
    let ix = ProjectIndex::new(&ds);
    let build = now() - t;
    let mut lines = vec![format!(
        "wasm, 10,000 projects: build the index {build:.1} ms"
    )];
    for (name, q) in [
        ("all, recent first", ProjectQuery::default()),
        (
            "all, by Thai title",
            ProjectQuery {
                sort: ProjectSort::Title,
                ..Default::default()
            },
        ),
        (
            "all, by city",
            ProjectQuery {
                sort: ProjectSort::City,
                ..Default::default()
            },
        ),
        (
            "search \"ชุมชนที่ 5\"",
            ProjectQuery {
                search: "ชุมชนที่ 5".into(),
                ..Default::default()
            },
        ),
        (
            "housing, by amount",
            ProjectQuery {
                category: Some(Category::Housing),
                sort: ProjectSort::AmountDesc,
                ..Default::default()
            },
        ),
    ] {
        let t = now();
        let n = ix.query(&q).len();
        lines.push(format!("  {name}: {:.2} ms ({n} rows)", now() - t));
        assert!(n > 0);
    }
    console_log!("{}", lines.join("\n"));
    assert_eq!(ix.len(), 10_000);
}

/// Counts on screens are grouped like amounts: "77,749 โครงการ", "+1,200" in a difference.
#[wasm_bindgen_test]
fn counts_are_written_with_thousands_separators() {
    use mueang::ui::fmt::{count, number, signed_count};
    assert_eq!(number(77_749), "77,749");
    assert_eq!(number(0), "0");
    assert_eq!(number(999), "999");
    assert_eq!(count(-3_132), "-3,132");
    assert_eq!(signed_count(1_200), "+1,200");
    assert_eq!(signed_count(-5), "-5");
    assert_eq!(signed_count(0), "0");
}

/// Names sort as Thai readers expect: a leading vowel is not the first letter (เชียงใหม่
/// files under ช, before ตาก), and numbers inside names go by value.
#[wasm_bindgen_test]
fn thai_names_sort_by_the_browsers_thai_collation() {
    use mueang::ui::fmt::thai_order;
    let mut names = vec!["ตาก", "หมู่ 12", "เชียงใหม่", "หมู่ 5", "กระบี่"];
    names.sort_by(|a, b| thai_order(a, b));
    assert_eq!(names, ["กระบี่", "เชียงใหม่", "ตาก", "หมู่ 5", "หมู่ 12"]);
}

/// Long lists (3,333 overdue cities) sort by their figure first, then by name in Thai order,
/// with equal names kept in the order they came.
#[wasm_bindgen_test]
fn rows_sort_by_a_figure_then_by_thai_name() {
    use mueang::ui::fmt::sort_by_then_thai;
    let mut rows = vec![
        (1, "ตาก", 'a'),
        (2, "หมู่ 12", 'b'),
        (1, "เชียงใหม่", 'c'),
        (2, "หมู่ 5", 'd'),
        (1, "ตาก", 'e'),
    ];
    sort_by_then_thai(&mut rows, |a, b| b.0.cmp(&a.0), |r| r.1);
    let order: String = rows.iter().map(|r| r.2).collect();
    assert_eq!(order, "dbcae");
}
