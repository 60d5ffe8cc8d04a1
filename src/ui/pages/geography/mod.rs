//! Provinces (`/provinces`): the 77, filtered by region and name, each with its number of
//! cities; a province's region can be changed (saved at once, with undo).

use crate::domain::sorting::SortSmall;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::lang::units;
use leptos::task::spawn_local;

use crate::domain::editing::stored_or_shipped;
use crate::domain::meta::RecordId;
use crate::domain::records::{City, Province};
use crate::domain::views::thai_sort::thai_sort_key;
use crate::ui::edit::{save::save, use_editing};
use crate::ui::forms::screens::{region_options, WhenLoaded};
use crate::ui::forms::{t, Bind, SelectField, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::table::{Col, Head};

// The page's strings: `src/ui/messages/geography.toml`, made into the enum by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages/geography.rs"));

#[component]
pub fn ProvincesPage() -> impl IntoView {
    let ed = use_editing();
    let app = ed.app;
    let i18n = use_i18n();
    let region = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let region_options = region_options();
    let filter_options = Signal::derive(move || {
        let mut o = vec![(String::new(), i18n.t(GeoText::AllRegions).to_string())];
        o.extend(region_options.get());
        o
    });
    let city_counts = Memo::new(move |_| {
        app.dataset.with(|ds| {
            let mut m: HashMap<RecordId, usize> = HashMap::new();
            for c in ds.live::<City>() {
                *m.entry(c.province_id).or_default() += 1;
            }
            m
        })
    });
    let rows = Memo::new(move |_| {
        let want = region.get();
        let needle = search.get().trim().to_lowercase();
        let mut list: Vec<Province> = app
            .dataset
            .with(stored_or_shipped::provinces)
            .into_iter()
            .filter(|p| want.is_empty() || p.region_id.to_string() == want)
            .filter(|p| {
                needle.is_empty()
                    || p.name_th.contains(&needle)
                    || p.name_en.to_lowercase().contains(&needle)
            })
            .collect();
        list.sort_by_cached_key_small(|p| thai_sort_key(&p.name_th));
        list
    });
    let change_region = move |p: Province, region: String| {
        let Ok(id) = uuid::Uuid::parse_str(&region) else {
            return;
        };
        if id == p.region_id {
            return;
        }
        let name = p.name_th.clone();
        let mut next = p;
        next.region_id = id;
        spawn_local(async move {
            save(ed, next, name).await;
        });
    };
    view! {
        <section class="page records-page" data-testid="provinces-page">
            <h1>{tr(GeoText::Title)}</h1>
            <p class="lead">{tr(GeoText::Intro)}</p>
            <div class="filters">
                <SelectField field="filter-region" label=t(GeoText::Region) value=Bind::signal(region)
                    options=filter_options no_placeholder=true/>
                <TextField field="filter-search" label=t(GeoText::Search) value=Bind::signal(search)/>
            </div>
            // Before the stored records are read, the shipped rows would show wrong counts and
            // regions, and a region chosen then would be saved over an unread edit.
            <WhenLoaded>
            <p class="muted" role="status">{move || units::PROVINCES_SHOWN.phrase(i18n.lang.get(), rows.with(Vec::len))}</p>
            <table class="records-table provinces">
                <Head cols=vec![Col::text(GeoText::Province), Col::text(GeoText::Region), Col::num(GeoText::Cities)]/>
                <tbody>
                    <For each=move || rows.get() key=|p| (p.meta.id, p.region_id, p.meta.updated_at) let:p>
                        {
                            let id = p.meta.id;
                            let code = p.code.clone();
                            let sel_id = format!("region-{}", p.code);
                            let current = p.region_id.to_string();
                            let (th, en) = (p.name_th.clone(), p.name_en.clone());
                            let (th2, en2) = (th.clone(), en.clone());
                            let row = p.clone();
                            view! {
                                <tr data-code=code>
                                    <th scope="row">
                                        <span class="name-th" lang="th">{th}</span>
                                        <span class="name-en muted" lang="en">{en}</span>
                                    </th>
                                    <td>
                                        <label class="visually-hidden" for=sel_id.clone()>
                                            {move || format!("{} {}", i18n.t(GeoText::RegionOf), i18n.pick(&th2, &en2))}
                                        </label>
                                        <select id=sel_id class="row-select"
                                            on:change=move |ev| change_region(row.clone(), event_target_value(&ev))>
                                            <For each=move || region_options.get() key=|o| o.clone() let:o>
                                                <option value=o.0.clone() selected=o.0 == current>{o.1.clone()}</option>
                                            </For>
                                        </select>
                                    </td>
                                    <td class="num">{move || city_counts.with(|m| m.get(&id).copied().unwrap_or(0))}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            </WhenLoaded>
        </section>
    }
}
