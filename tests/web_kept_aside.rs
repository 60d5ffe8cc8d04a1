//! Issue 10, part 3, in a real browser: a failed read never leads to a wipe. Stored records
//! that cannot be read (one refused by the types, one chunk that is not JSON, written
//! straight into IndexedDB as damage would) are kept aside — counted, shown, their bytes as
//! stored — the rest loads, every whole-kind write is refused with the reason and leaves
//! IndexedDB byte for byte as it was, and an import that writes around them keeps them.
#![cfg(target_arch = "wasm32")]

mod common;
use common::browser::{dump, import_from_b as import, put_raw_chunk, wait_until};
use leptos::prelude::*;
use mueang::domain::example::north_2561;
use mueang::domain::meta::RecordId;
use mueang::domain::records::Dataset;
use mueang::domain::sync::normalize;
use mueang::storage::{self, ChangeSet, Settings, StorageError, Store};
use mueang::sync::load_all;
use mueang::ui::i18n::{provide_i18n, Lang, Msg};
use mueang::ui::kept_aside::{KeptAsideBanner, KeptAsideSection};
use mueang::ui::records::{example_changes, replace_all};
use mueang::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DB: &str = "t-kept-aside";

fn told_kept_aside(app: AppState) -> bool {
    app.notices
        .with_untracked(|n| n.iter().any(|n| n.msg == Msg::ErrKeptAside))
}

#[wasm_bindgen_test]
async fn unreadable_records_are_kept_aside_shown_and_never_written_over() {
    storage::delete_database(DB).await.unwrap();
    let store = Store::open(DB, || {}).await.unwrap();
    let example = normalize(&north_2561().records);
    store
        .apply(replace_all("seed", &example).unwrap())
        .await
        .unwrap();
    // Damage 1: a city whose stored text this build's types refuse, in a chunk of good ones.
    let bad_id = example.cities[0].meta.id.to_string();
    let bad_text = format!(r#"{{"meta":{{"id":"{bad_id}"}},"name_th":17}}"#);
    let mut cs = ChangeSet::new("damage");
    let bad: serde_json::Value = serde_json::from_str(&bad_text).unwrap();
    cs.put("cities", &bad_id, &bad).unwrap();
    store.apply(cs).await.unwrap();
    // Damage 2: a chunk of instalments that is not JSON at all, written past the app.
    let instalment = example.instalments[0].meta.id.to_string();
    let chunk = store
        .chunk_key_of("instalments", &instalment)
        .await
        .unwrap();
    put_raw_chunk(DB, &chunk, b"{\"cut short").await;
    store.close();

    // The app starts on the damaged store.
    let store = Store::open(DB, || {}).await.unwrap();
    let app = AppState::new(Settings {
        office_id: "a".into(),
        office_name: "สำนักงาน a".into(),
        ..Settings::default()
    });
    app.store.set(Some(store.clone()));
    app.show_loaded(load_all(&store).await);
    let kept = app.kept_aside.get_untracked();
    assert_eq!(kept.count(), 2, "{:?}", kept.items);
    assert!(kept.failed.is_none());
    let city = kept.items.iter().find(|u| u.kind() == "cities").unwrap();
    assert_eq!(city.id.as_deref(), Some(bad_id.as_str()));
    assert_eq!(city.bytes, bad_text.as_bytes(), "kept exactly as stored");
    let instalments = kept
        .items
        .iter()
        .find(|u| u.kind() == "instalments")
        .unwrap();
    assert_eq!(
        (instalments.chunk.as_str(), instalments.id.as_deref()),
        (chunk.as_str(), None)
    );
    assert_eq!(instalments.bytes, b"{\"cut short");
    // The rest is readable.
    let ds = app.dataset.get_untracked();
    assert_eq!(ds.cities.len(), example.cities.len() - 1);
    assert!(ds.instalments.len() < example.instalments.len());
    let mut rest = normalize(&ds);
    assert_eq!(rest.cities, example.cities[1..]);
    rest.cities = example.cities.clone();
    rest.instalments = example.instalments.clone();
    assert_eq!(rest, example, "every other record reads as stored");

    // Every whole-kind write is refused, with the reason, and writes nothing.
    let before = dump(DB).await;
    assert!(before.iter().any(|(s, k, _)| s == "chunks" && k == &chunk));
    let erase = replace_all("erase and replace", &example).unwrap();
    assert!(app.apply(erase, |_| {}).await.is_none());
    assert!(told_kept_aside(app));
    match example_changes(&ds, &example, &kept) {
        Err(StorageError::KeptAside(_)) => {}
        other => panic!(
            "the example must be refused: {:?}",
            other.map(|(c, _)| c.label)
        ),
    }
    // An import carrying the record kept aside (the example itself) would write over it.
    app.notices.set(Vec::new());
    assert!(!import(app, &example).await, "must be refused");
    assert!(told_kept_aside(app));
    assert_eq!(dump(DB).await, before, "IndexedDB changed");

    // An import around them goes record by record, into the very chunk of the damaged
    // city, and keeps it as it was.
    let mut mine = example.cities[1].clone();
    mine.meta.id = RecordId::new_v4();
    mine.name_en = "Imported".into();
    let new_city = Dataset {
        cities: vec![mine.clone()],
        ..Dataset::default()
    };
    assert!(
        import(app, &new_city).await,
        "an import around them is stored"
    );
    let again = load_all(&store).await.unwrap();
    assert_eq!(again.unreadable, kept.items, "still kept, byte for byte");
    assert!(again.dataset.cities.iter().any(|c| c.name_en == "Imported"));
    assert_eq!(again.dataset.cities.len(), example.cities.len());

    // Shown to the person: the banner's count and Settings' list.
    let el = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .append_child(&el)
        .unwrap();
    let el: web_sys::HtmlElement = el.unchecked_into();
    let _h = leptos::mount::mount_to(el.clone(), move || {
        provide_i18n(Lang::En);
        provide_context(app);
        view! { <KeptAsideBanner/><KeptAsideSection/> }
    });
    wait_until("the banner", || {
        el.query_selector("[data-testid=kept-aside-count]")
            .unwrap()
            .is_some()
    })
    .await;
    let count = el
        .query_selector("[data-testid=kept-aside-count]")
        .unwrap()
        .unwrap();
    assert_eq!(count.get_attribute("data-count").as_deref(), Some("2"));
    assert!(
        count
            .text_content()
            .unwrap()
            .contains("2 records on this device could not be read"),
        "{:?}",
        count.text_content()
    );
    assert_eq!(
        el.inner_html().matches("<td><code>").count(),
        2,
        "one row each"
    );
    assert!(el.inner_text().contains(&bad_id));
    assert!(el
        .query_selector("[data-testid=kept-aside-download]")
        .unwrap()
        .is_some());
}
