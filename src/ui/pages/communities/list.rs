//! `/communities`: every community, filtered by city and found by name or place, with how
//! many households are surveyed of those stated.

use leptos::prelude::*;

use super::text::CommunityText;
use crate::domain::records::survey::EvictionThreat;
use crate::domain::views::community_list::{community_rows, CommunityRow};
use crate::ui::fmt::number;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::pages::record_list::{
    list_page, or_dash, AddLink, Filters, ListPageSpec, RecordRow,
};

#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let texts = [
        CommunityText::Title,
        CommunityText::Intro,
        CommunityText::NoCommunities,
    ];
    let add = AddLink::new("/communities/new", CommunityText::Add, "add-community").with_city();
    let spec = ListPageSpec::new("communities-page", texts, add, Filters::SEARCH);
    list_page(spec, community_rows, CommunityRow::clone, row, None)
}

/// One community: name, city and district, surveyed of stated households.
fn row(row: CommunityRow) -> AnyView {
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
    .into_any()
}
