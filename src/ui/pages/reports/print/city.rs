//! `/print/city/:city_id`: one city's summary sheet for a year, as of a date: figures,
//! committee (no contact details), meetings, projects, instalments, evidence (files
//! attached to its records) and findings.

use leptos::prelude::*;

use crate::domain::reports::{city_summary, CitySummary};
use crate::ui::i18n::{tr, use_i18n};

use super::super::beneficiaries::{big, of_all};
use super::super::text::ReportText as T;
use super::{as_of_line, city_sheet, FiguresTable, PrintPage};
use crate::ui::fmt;
use crate::ui::table::{Col, SheetTable};

#[component]
pub fn CityPrintPage() -> impl IntoView {
    let summary = city_sheet(city_summary);
    view! {
        <PrintPage sheet=move || summary.get().map(|s| view! { <CitySheet s/> }.into_any())/>
    }
}

#[component]
fn CitySheet(
    /// The city's summary from the domain.
    s: CitySummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang.get();
    let city_id = s.city.city_id;
    let f = s.figures.clone();
    let name = (s.city.name_th.clone(), s.city.name_en.clone());
    let province = (s.city.province_th.clone(), s.city.province_en.clone());
    let fy = s.fiscal_year;
    let today = s.today;
    let words = s.approved.words.clone();
    let rows: Vec<(T, String)> = vec![
        (T::Approved, fmt::money(f.approved)),
        (T::Cap, fmt::money(f.cap)),
        (T::CommitteeGrants, fmt::money(f.committee_grants)),
        (T::Committed, fmt::money(f.committed)),
        (T::Transferred, fmt::money(f.transferred)),
        (T::Remaining, fmt::money(f.remaining)),
        (T::CoFunding, fmt::money(f.co_funding)),
    ];
    let (mou_date, deadline, last_meeting) = (s.mou_date, s.second_deadline, s.last_meeting);
    let meetings = s.meetings;
    let committee = s.committee_name.clone();
    let account = s.account.clone();
    let members: Vec<AnyView> = s
        .members
        .clone()
        .into_iter()
        .map(|m| {
            view! {
                <tr>
                    <td lang=fmt::text_lang(&m.name)>{m.name.clone()}</td>
                    <td>{move || fmt::label(lang(), &m.role)}</td>
                    <td>{move || fmt::label(lang(), &m.sector)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let projects: Vec<AnyView> = s
        .projects
        .clone()
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <td>
                        <span lang=fmt::text_lang(&p.title)>{p.title.clone()}</span>
                        <span class="sub" lang=fmt::text_lang(&p.proposer)>{p.proposer.clone()}</span>
                        {(!p.communities.is_empty()).then(|| {
                            let names = p.communities.join(", ");
                            view! {
                                <span class="sub" data-testid="project-communities">
                                    {tr(T::ColCommunitiesServed)} ": " <span lang=fmt::text_lang(&names)>{names.clone()}</span>
                                </span>
                            }
                        })}
                    </td>
                    <td>{move || fmt::label(lang(), &p.category)}</td>
                    <td>{move || fmt::label(lang(), &p.status)}</td>
                    <td class="num">{p.households_reached.map(|n| fmt::number(n as usize)).unwrap_or_else(|| "–".into())}</td>
                    <td class="num">{p.approved.map(fmt::money).unwrap_or_else(|| "–".into())}</td>
                    <td class="num">{fmt::money(p.co_funding)}</td>
                    <td class="num">{p.progress_percent} "%"</td>
                    <td class="num">{p.spent_to_date.map(fmt::money).unwrap_or_else(|| "–".into())}</td>
                    <td>{move || fmt::doc_opt_date(lang(), p.reported_on)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let instalments: Vec<AnyView> = s
        .instalments
        .clone()
        .into_iter()
        .map(|i| {
            view! {
                <tr>
                    <td class="num">{i.number}</td>
                    <td class="num">{fmt::money(i.amount)}</td>
                    <td>{move || fmt::doc_opt_date(lang(), i.planned_date)}</td>
                    <td>{move || fmt::doc_opt_date(lang(), i.requested_date)}</td>
                    <td>{move || fmt::doc_opt_date(lang(), i.actual_date)}</td>
                    <td>{move || fmt::doc_opt_date(lang(), i.due_date)}</td>
                    <td lang=fmt::text_lang(&i.reference)>{i.reference.clone()}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let findings = s.findings.clone();
    let b = s.beneficiaries.clone();
    let reach: Vec<(T, &'static str, String)> = vec![
        (T::ColApprovedProjects, "projects", fmt::number(b.projects)),
        (
            T::ColHouseholdsReached,
            "households-reached",
            big(b.households_reached),
        ),
        (
            T::ColCommunitiesReached,
            "communities-reached",
            fmt::number(b.communities_reached),
        ),
        (
            T::ColCommunitiesSurveyed,
            "communities-surveyed",
            of_all(b.communities_surveyed, b.communities),
        ),
        (
            T::ColHouseholdsSurveyed,
            "households-surveyed",
            big(b.households_surveyed),
        ),
    ];
    view! {
        <article class="sheet city-sheet" data-testid="city-sheet">
            <header class="sheet-head">
                <h1>{tr(T::CitySummaryTitle)}</h1>
                <p class="center strong">
                    {move || i18n.pick(&name.0, &name.1).to_owned()} " · "
                    {move || i18n.pick(&province.0, &province.1).to_owned()}
                </p>
                <p class="center">
                    {move || fmt::doc_fiscal_year(lang(), fy)} " · " {move || as_of_line(i18n, today)}
                </p>
            </header>
            <table class="sheet-table figures-table">
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(label, value)| {
                            view! {
                                <tr>
                                    <th scope="row">{tr(label)}</th>
                                    <td class="num">{value} " " {tr(T::Baht)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>
                <span class="strong">{tr(T::Approved)} " (" {tr(T::InWords)} "): "</span>
                <span lang="th">{words}</span>
            </p>
            <dl class="facts">
                <dt>{tr(T::MouDate)}</dt>
                <dd>{move || fmt::doc_opt_date(lang(), mou_date)}</dd>
                <dt>{tr(T::SecondDeadline)}</dt>
                <dd>{move || fmt::doc_opt_date(lang(), deadline)}</dd>
                <dt>{tr(T::Meetings)}</dt>
                <dd>{move || fmt::times(lang(), meetings)} " · " {tr(T::LastMeeting)} " " {move || fmt::doc_opt_date(lang(), last_meeting)}</dd>
                <dt>{tr(T::PaysInto)}</dt>
                <dd data-testid="sheet-account">{match account {
                    Some((th, en)) => view! { {move || i18n.pick(&th, &en).to_string()} }.into_any(),
                    None => view! { {tr(T::NoAccount)} }.into_any(),
                }}</dd>
            </dl>
            <h2>{tr(T::BeneficiariesTitle)}</h2>
            <FiguresTable testid="sheet-beneficiaries" rows=reach/>
            <h2>
                {tr(T::Committee)}
                {committee.map(|c| view! { ": " <span lang=fmt::text_lang(&c)>{c.clone()}</span> })}
            </h2>
            <SheetTable testid="members" empty=T::NoCommittee cols=vec![
                Col::text(T::ColName), Col::text(T::ColRole), Col::text(T::ColSector),
            ] rows=members/>
            <h2>{tr(T::Projects)}</h2>
            <SheetTable empty=T::NoProjects cols=vec![
                Col::text(T::ColTitle), Col::text(T::ColCategory), Col::text(T::ColStatus),
                Col::num(T::ColHouseholdsReached), Col::num(T::ColApproved), Col::num(T::ColCoFunding), Col::num(T::ColProgress),
                Col::num(T::ColSpent), Col::text(T::ColReportedOn),
            ] rows=projects/>
            <h2>{tr(T::Instalments)}</h2>
            <SheetTable testid="instalments" empty=T::NoneYet cols=vec![
                Col::num(T::ColNumber), Col::num(T::ColAmount), Col::text(T::ColPlanned), Col::text(T::ColRequestedOn),
                Col::text(T::ColActual), Col::text(T::ColDue), Col::text(T::ColReference),
            ] rows=instalments/>
            <crate::ui::attachments::CityEvidence city=city_id/>
            <h2>{tr(T::Findings)}</h2>
            {if findings.is_empty() {
                view! { <p class="muted">{tr(T::NoFindings)}</p> }.into_any()
            } else {
                view! {
                    <ul class="findings" data-testid="city-findings">
                        {findings
                            .into_iter()
                            .map(|f| {
                                let importance = f.importance;
                                view! {
                                    <li>
                                        <span class="badge">
                                            {move || match lang() {
                                                crate::ui::i18n::Lang::Th => importance.label_th(),
                                                crate::ui::i18n::Lang::En => importance.label_en(),
                                            }}
                                        </span>
                                        " "
                                        {move || i18n.pick(&f.message_th, &f.message_en).to_owned()}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </article>
    }
}
