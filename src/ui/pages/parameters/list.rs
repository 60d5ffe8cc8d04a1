//! `/parameters`: every year's parameters, newest first, in one table.

use leptos::prelude::*;
use leptos_router::components::A;

use super::text::ParamText;
use crate::domain::forms::money_forms::share_text;
use crate::domain::forms::parameters_form::parameter_years;
use crate::ui::fmt::date_shown;
use crate::ui::forms::screens::ScreenText;
use crate::ui::i18n::{tr, use_i18n, Lang};
use crate::ui::state::use_app;
use crate::ui::table::{Col, Head};

#[component]
pub fn ParametersListPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let thai = move || i18n.lang.get() == Lang::Th;
    let years = Memo::new(move |_| app.dataset.with(parameter_years));
    view! {
        <section class="page records-page" data-testid="parameters-page">
            <div class="page-head">
                <h1>{tr(ParamText::Title)}</h1>
                <A href="/parameters/new" attr:class="button" attr:data-testid="add-parameters">"+ " {tr(ParamText::Add)}</A>
            </div>
            <p class="lead">{tr(ParamText::Intro)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=move || i18n.t(ParamText::Title)>
                <table class="records-table">
                    <Head cols=vec![Col::text(ScreenText::FiscalYear), Col::text(ParamText::ProjectMax), Col::text(ParamText::CityMax), Col::text(ParamText::GrantCityTown), Col::text(ParamText::GrantSubdistrict), Col::text(ParamText::ProvinceGrant), Col::text(ParamText::FirstShare), Col::text(ParamText::Deadline)]/>
                    <tbody>
                        <For each=move || years.get() key=|p| (p.meta.id, p.meta.updated_at) let:p>
                            <tr data-testid=format!("parameters-{}", p.fiscal_year.0)>
                                <th scope="row"><A href=format!("/parameters/{}", p.meta.id)>{p.fiscal_year.0}</A></th>
                                <td class="num">{p.project_max.format()}</td>
                                <td class="num">{p.city_max.format()}</td>
                                <td class="num">{p.committee_grant_city_town.format()}</td>
                                <td class="num">{p.committee_grant_subdistrict.format()}</td>
                                <td class="num">{p.province_grant.format()}</td>
                                <td class="num">{share_text(p.first_instalment_share)} "%"</td>
                                <td>{move || match p.second_instalment_deadline {
                                    Some(d) => date_shown(Some(d), thai()),
                                    None => i18n.t(ParamText::NoDeadline).to_string(),
                                }}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
