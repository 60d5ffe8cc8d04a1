//! What a community's page shows of its survey: the progress with a big button to start
//! or continue surveying, and the households surveyed (house number, members, condition,
//! need; never a name or phone, since the list is shown round a meeting and may be printed).

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::HouseholdText as T;
use crate::domain::meta::RecordId;
use crate::domain::records::survey::Community;
use crate::domain::views::survey_entry::{household_rows, survey_progress, HouseholdRow};
use crate::ui::fmt::number;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;
use crate::ui::table::{Col, ReportTable};

/// The progress line and "start / continue surveying" of community `id`, or why not yet
/// (a community not saved yet has no households).
#[component]
pub fn SurveyStart(
    /// The community.
    id: RecordId,
    /// Whether the community is stored.
    stored: Memo<bool>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let progress = Memo::new(move |_| app.dataset.with(|ds| survey_progress(ds, id)));
    let started = move || progress.with(|p| p.surveyed > 0);
    let rounds = move || {
        let city = app
            .dataset
            .with(|ds| ds.get::<Community>(id).map(|c| c.city_id));
        city.map_or_else(
            || "/survey-rounds".to_string(),
            |c| format!("/survey-rounds?city={c}"),
        )
    };
    view! {
        <div class="panel survey-start" data-testid="survey-start">
            <Show when=move || stored.get() fallback=move || view! {
                <p class="hint">{tr(T::SaveCommunityFirst)}</p>
            }>
                <p class="survey-progress" data-testid="survey-progress">
                    {move || progress.get().text(i18n.lang.get())}
                </p>
                <A href=format!("/households/new?community={id}") attr:class="button big-button"
                    attr:data-testid="start-survey">
                    {move || if started() { i18n.t(T::Continue) } else { i18n.t(T::Start) }}
                </A>
                <p class="survey-rounds-link">
                    <A href=rounds>{tr(T::CityRounds)}</A>
                    " · "
                    <A href=format!("/survey/community/{id}") attr:data-testid="community-survey">
                        {tr(crate::ui::pages::survey::text::SurveyText::SeeSurvey)}
                    </A>
                </p>
                <p class="import-link">
                    <A href=format!("/import?community={id}") attr:data-testid="import-link">
                        {tr(T::ImportSheet)}
                    </A>
                </p>
            </Show>
        </div>
    }
}

/// The households surveyed in community `id`, in house-number order.
#[component]
pub fn CommunityHouseholds(
    /// The community.
    id: RecordId,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| app.dataset.with(|ds| household_rows(ds, id)));
    view! {
        <section class="panel community-households" aria-labelledby="households-heading">
            <h2 id="households-heading">{tr(T::Households)}</h2>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <p class="empty">{tr(T::NoHouseholds)}</p>
            }>
                <p class="hint">{tr(T::ListPrivacy)}</p>
                <ReportTable testid="households" cols=vec![
                    Col::text(T::HouseNo), Col::num(T::Persons), Col::text(T::Condition), Col::text(T::Need),
                ]>
                    <For each=move || rows.get() key=|r| r.clone() let:r>
                        <Row r/>
                    </For>
                </ReportTable>
            </Show>
        </section>
    }
}

#[component]
fn Row(r: HouseholdRow) -> impl IntoView {
    let i18n = use_i18n();
    let HouseholdRow {
        id,
        house_number,
        members,
        condition,
        need,
        repeated,
    } = r;
    let shown = if house_number.trim().is_empty() {
        "—".to_string()
    } else {
        house_number
    };
    view! {
        <tr data-testid="household-row">
            <td>
                <A href=format!("/households/{id}")>{shown}</A>
                {repeated.then(|| view! { " " <span class="tag tag-warning">{tr(T::Repeated)}</span> })}
            </td>
            <td class="num">{number(members as usize)}</td>
            <td>{move || condition.map(|c| i18n.pick(c.label_th(), c.label_en()))}</td>
            <td>{move || need.map(|n| i18n.pick(n.label_th(), n.label_en()))}</td>
        </tr>
    }
}
