//! `/communities`: every community, filtered by city and found by name or place, with how
//! many households are surveyed of those stated.

use leptos::prelude::*;

use super::text::CommunityText;
use crate::domain::records::survey::EvictionThreat;
use crate::domain::views::community_list::{community_rows, CommunityRow};
use crate::ui::fmt::number;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::record_list::{list_page, or_dash, AddLink, ListPageSpec, RecordRow};

#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let spec = ListPageSpec {
        testid: "communities-page",
        title: CommunityText::Title,
        intro: CommunityText::Intro,
        empty: CommunityText::NoCommunities,
        add: AddLink {
            href: "/communities/new",
            label: CommunityText::Add,
            testid: "add-community",
            with_city: true,
        },
        filters: true,
        by_year: false,
        by_search: true,
    };
    list_page(
        spec,
        community_rows,
        CommunityRow::clone,
        |r| view! { <Row row=r/> }.into_any(),
        None,
    )
}

/// One community: name, city and district, surveyed of stated households.
#[component]
fn Row(
    /// The row shown.
    row: CommunityRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let CommunityRow {
        id,
        name,
        city,
        district,
        stated,
        surveyed,
        eviction,
    } = row;
    let thai = move || i18n.lang.get() == Lang::Th;
    let place = move || {
        let city = city.as_ref().map(|c| c.shown(thai()).to_string());
        [city, (!district.is_empty()).then(|| district.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let eviction = move || {
        // Only a threat is worth a glance in the list; "none" would be noise.
        eviction.filter(|e| *e != EvictionThreat::None).map(|e| {
            if thai() {
                e.label_th()
            } else {
                e.label_en()
            }
        })
    };
    view! {
        <RecordRow href=format!("/communities/{id}")>
            <span class="record-title" lang="th">{or_dash(name)}</span>
            <span class="record-sub">{place} " " {eviction}</span>
            <span class="record-figures">
                <span>{tr(CommunityText::Surveyed)} " " {number(surveyed)}
                    {stated.map(|n| view! { " " {tr(CommunityText::OfStated)} " " {number(n as usize)} })}
                </span>
            </span>
        </RecordRow>
    }
}
