//! Shared parts of the committee, meeting, MOU, money, parameter and stated-total screens
//! (and the Findings page), built on the widgets: option lists for choosers, the address's
//! `:id` and query values, a loader that shows an editor once its record is in memory,
//! and the words these screens share ([`ScreenText`]).

use crate::domain::sorting::SortSmall;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::domain::dates::FiscalYear;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::records::{City, Committee, Dataset, Project, Record};
use crate::domain::views::choices::{
    city_choices, province_choices, region_choices, shown_name, Choice,
};
use crate::ui::edit::{today, EditText};
use crate::ui::i18n::{tr, use_i18n, Lang, Text};
use crate::ui::state::use_app;

// Words the record screens share: `src/ui/messages/screens.toml`, made into the enum by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages/screens.rs"));

/// The city page's links to the committee, MOU, instalment and Findings screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CityLinks {
    AddCommittee,
    AddMou,
    AddInstalment,
    Findings,
}

impl Text for CityLinks {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            CityLinks::AddCommittee => ("เพิ่มคณะกรรมการ", "Add a committee"),
            CityLinks::AddMou => ("เพิ่มบันทึกความร่วมมือ", "Add an MOU"),
            CityLinks::AddInstalment => ("เพิ่มงวดเงิน", "Add an instalment"),
            CityLinks::Findings => ("ผลการตรวจของเมืองนี้", "This city's findings"),
        }
    }
}

/// A chooser's `(value, label)` options made from the records, made again when they or
/// the interface language change; `make` gets whether the page is in Thai.
fn options_from(
    make: impl Fn(&Dataset, bool) -> Vec<(String, String)> + Send + Sync + 'static,
) -> Signal<Vec<(String, String)>> {
    let app = use_app();
    let i18n = use_i18n();
    Signal::derive(move || {
        let thai = i18n.lang.get() == Lang::Th;
        app.dataset.with(|ds| make(ds, thai))
    })
}

/// Provinces or regions as options, in the order given.
fn choice_pairs(choices: Vec<Choice>, thai: bool) -> Vec<(String, String)> {
    choices
        .into_iter()
        .map(|c| (c.id.to_string(), c.shown(thai).to_string()))
        .collect()
}

/// The name of the city `id` in the interface language ("" for none).
fn city_shown(ds: &Dataset, id: RecordId, thai: bool) -> &str {
    ds.get::<City>(id)
        .map_or("", |c| shown_name(&c.name_th, &c.name_en, thai))
}

/// `(id, label)` of every live record of kind `R`, in the dataset's order.
fn live_pairs<R: Record>(ds: &Dataset, label: impl Fn(&R) -> String) -> Vec<(String, String)> {
    ds.live::<R>()
        .map(|r| (r.meta().id.to_string(), label(r)))
        .collect()
}

/// `(id, "community — city")` of every live community, by that label.
pub fn community_options() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| {
        let mut v = live_pairs(ds, |c: &Community| {
            format!("{} — {}", c.name, city_shown(ds, c.city_id, thai))
        });
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    })
}

/// `(id, "title · city")` of every live project, by title in Thai order.
pub fn project_options() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| {
        let mut v = live_pairs(ds, |p: &Project| {
            format!("{} · {}", p.title, city_shown(ds, p.city_id, thai))
        });
        v.sort_by_small(|a, b| crate::ui::fmt::thai_order(&a.1, &b.1));
        v
    })
}

/// `(value, label)` for every live city, by Thai name; labels in the interface language.
pub fn city_options() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| {
        city_choices(ds)
            .into_iter()
            .map(|c| (c.id.to_string(), c.shown(thai).to_string()))
            .collect()
    })
}

/// `(value, label)` for every live city, ordered by the name shown (the project screens'
/// order, which sorts English names on an English page).
pub fn city_options_by_shown_name() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| {
        let mut v = live_pairs(ds, |c: &City| {
            shown_name(&c.name_th, &c.name_en, thai).to_owned()
        });
        v.sort_by_small(|a, b| a.1.cmp(&b.1));
        v
    })
}

/// `(value, label)` for every live committee: "name — city".
pub fn committee_options() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| {
        let mut v = live_pairs(ds, |c: &Committee| {
            let name = if c.name.trim().is_empty() {
                "—"
            } else {
                c.name.as_str()
            };
            format!("{name} — {}", city_shown(ds, c.city_id, thai))
        });
        v.sort_by_small(|a, b| a.1.cmp(&b.1));
        v
    })
}

/// `(value, label)` for every province, stored or shipped, by Thai name.
pub fn province_options() -> Signal<Vec<(String, String)>> {
    provinces_in(Signal::stored(String::new()))
}

/// `(value, label)` for the provinces of the region whose id `region` holds, or of all
/// regions while it holds none; English names on an English page where there are any.
pub fn provinces_in(region: Signal<String>) -> Signal<Vec<(String, String)>> {
    options_from(move |ds, thai| {
        let region = uuid::Uuid::parse_str(&region.get()).ok();
        choice_pairs(province_choices(ds, region), thai)
    })
}

/// `(value, label)` for every region, stored or shipped, in CODI's order.
pub fn region_options() -> Signal<Vec<(String, String)>> {
    options_from(|ds, thai| choice_pairs(region_choices(ds), thai))
}

/// `options` with an "All" (value "") first, for filters.
pub fn with_all(options: Signal<Vec<(String, String)>>) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let mut v = vec![(String::new(), i18n.t(ScreenText::All).to_string())];
        v.extend(options.get());
        v
    })
}

/// The fiscal year a new record starts in: the one containing today.
pub fn this_fiscal_year() -> FiscalYear {
    FiscalYear::containing(today())
}

/// The address's `:id`.
pub fn param_id() -> Memo<Option<String>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id")))
}

/// An id from the address's query (`?city=<id>`), if it reads as one.
pub fn query_id(name: &'static str) -> Memo<Option<RecordId>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get(name))
            .and_then(|v| uuid::Uuid::parse_str(&v).ok())
    })
}

/// Shows `editor` once the record `id` of kind `R` is in memory; "loading" until the
/// store has been read, then "not found". Only existence switches the view, so typing
/// (which changes the record) never re-creates the editor.
pub fn when_found<R: Record + Send + Sync>(
    id: RecordId,
    editor: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let exists = Memo::new(move |_| app.dataset.with(|ds| ds.get::<R>(id).is_some()));
    move || match (exists.get(), app.loaded.get()) {
        (false, false) => view! { <p>{tr(EditText::Loading)}</p> }.into_any(),
        (false, true) => not_found(),
        (true, _) => editor(),
    }
}

/// "Not found" for an address whose id is not an id.
pub fn not_found() -> AnyView {
    view! { <p class="empty" data-testid="not-found">{tr(EditText::NotFound)}</p> }.into_any()
}

/// Shows its children once the records have been read from storage ("loading" before).
/// A new record's form needs them: its city's budget year, the year's parameters, and the
/// names in its choosers are all read when the form is made.
#[component]
pub fn WhenLoaded(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.loaded.get() fallback=|| view! { <p>{tr(EditText::Loading)}</p> }>
            {children()}
        </Show>
    }
}
